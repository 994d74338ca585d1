"""Load a :class:`~exports.property_graph.PropertyGraph` into Neo4j over Bolt.

Writes are batched, parameterised ``UNWIND $rows AS row MERGE …`` queries:
data only ever travels in ``$rows``; the query text holds nothing but labels
and relationship types taken from the ontology (checked to be identifiers).
Every write is a MERGE on the entity key ``iri`` (and on the
``(start)-[TYPE]->(end)`` pattern for relations), so loading the same output
twice, or again after a load was cut off, leaves one node per entity and one
relationship per fact.

The same code talks to Neo4j 5 and to FalkorDB's Bolt endpoint (which says it
is "Neo4j/5.13.0"); :func:`detect_flavor` tells them apart and
:meth:`BoltLoader.ensure_schema` adapts: Neo4j gets a uniqueness constraint
on ``Entity.iri`` and name indexes, FalkorDB a range index on ``Entity.iri``.

>>> from exports.property_graph import NodeRow
>>> plan = plan_batches(PropertyGraph([NodeRow("x", "Province", {"iri": "x", "name": "广东"})], []), 100)
>>> [(b.kind, b.name, len(b.rows)) for b in plan]
[('nodes', 'Province', 1)]
"""
from __future__ import annotations

import json
import logging
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.errors import DatabaseError
from exports.property_graph import ENTITY_LABEL, PropertyGraph, relationship_type

__all__ = ["Batch", "BoltLoader", "LoadReport", "plan_batches", "connect", "detect_flavor"]

# The driver logs retries as warnings; kg reports failures itself, in one line.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False

NEO4J, FALKORDB = "neo4j", "falkordb"


def _ident(name: str) -> str:
    """``name`` quoted as a Cypher label/type; only ontology identifiers are accepted."""
    if not name.replace("_", "").isalnum() or not name.isascii():
        raise DatabaseError(f"{name!r} is not a valid label or relationship type")
    return f"`{name}`"


@dataclass(frozen=True)
class Batch:
    """One write: a parameterised query and the rows it is run with."""

    kind: str  # "nodes" or "relationships"
    name: str  # ontology class or property
    query: str
    rows: list = field(hash=False, compare=False)
    trimmed: int = 0  # rows of this kind whose evidence lists were cut to fit the server's message limit


def node_query(label: str) -> str:
    return (f"UNWIND $rows AS row MERGE (n:{_ident(ENTITY_LABEL)} {{iri: row.iri}}) "
            f"SET n:{_ident(label)} SET n += row.props")


def relationship_query(prop: str) -> str:
    return (f"UNWIND $rows AS row MATCH (a:{_ident(ENTITY_LABEL)} {{iri: row.start}}) "
            f"MATCH (b:{_ident(ENTITY_LABEL)} {{iri: row.end}}) "
            f"MERGE (a)-[r:{_ident(relationship_type(prop))}]->(b) SET r += row.props")


def _size(row: dict) -> int:
    """Rough size of a row in a Bolt message, in bytes (UTF-8 JSON is a close upper bound)."""
    return len(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


_PARALLEL = ("documents", "sentences", "starts", "ends", "extractors")


def _fit(row: dict, limit: int) -> tuple[dict, bool]:
    """``row`` with its trailing evidence items dropped until it is at most ``limit`` bytes."""
    if _size(row) <= limit:
        return row, False
    props = dict(row["props"])
    keys = [k for k in _PARALLEL if isinstance(props.get(k), list)]
    n = max((len(props[k]) for k in keys), default=0)
    while n > 0:
        n -= 1
        for k in keys:
            props[k] = props[k][:n]
        if _size({**row, "props": props}) <= limit:
            break
    for k in ("sentences",):  # a single sentence can still be too long
        if props.get(k) and _size({**row, "props": props}) > limit:
            props[k] = [s[:100] for s in props[k]]
    return {**row, "props": props}, True


def _chunks(rows: list, size: int, max_bytes: int | None, overhead: int):
    """Consecutive groups of at most ``size`` rows and (if given) ``max_bytes`` bytes with the query."""
    group, used = [], overhead
    for row in rows:
        n = _size(row) + 1 if max_bytes else 0
        if group and (len(group) >= size or (max_bytes and used + n > max_bytes)):
            yield group
            group, used = [], overhead
        group.append(row)
        used += n
    if group:
        yield group


def plan_batches(graph: PropertyGraph, batch_size: int = 1000, max_bytes: int | None = None) -> list[Batch]:
    """All writes of ``graph``: node batches per class first, then relationship batches per property.

    ``max_bytes`` bounds the size of each batch's Bolt message (FalkorDB drops
    connections, and can crash, on messages over about 4 KB); a single row
    larger than that keeps only as many evidence items as fit, and
    ``Batch.trimmed`` counts such rows.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batches = []

    def add(kind, name, query, rows):
        trimmed = 0
        if max_bytes:
            fitted = [_fit(r, max_bytes - len(query.encode()) - 16) for r in rows]
            rows, trimmed = [r for r, _ in fitted], sum(t for _, t in fitted)
        for chunk in _chunks(rows, batch_size, max_bytes, len(query.encode()) + 16):
            batches.append(Batch(kind, name, query, chunk, trimmed if not batches or batches[-1].name != name else 0))

    for label in graph.labels():
        add("nodes", label, node_query(label),
            [{"iri": n.iri, "props": n.props} for n in graph.nodes if n.label == label])
    for prop in graph.types():
        add("relationships", prop, relationship_query(prop),
            [{"start": r.start, "end": r.end, "props": r.props} for r in graph.relationships if r.prop == prop])
    return batches


@dataclass
class LoadReport:
    """What a load wrote and how long it took."""

    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    seconds: float = 0.0
    node_seconds: float = 0.0
    relationship_seconds: float = 0.0
    trimmed: int = 0

    @property
    def relationships_per_second(self) -> float:
        return self.relationships / self.relationship_seconds if self.relationship_seconds else 0.0


def _describe(err: Exception | None) -> str:
    """One line from a driver error: the Neo4j status code and message, or the connection problem."""
    from neo4j.exceptions import Neo4jError

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the driver warns when GQL status fields are read
        if isinstance(err, Neo4jError):
            code, msg = err.code, err.message or str(err)
        else:
            code, msg = None, str(err) or type(err).__name__
    msg = " ".join(str(msg).split())[:200]
    return f"{code}: {msg}" if code else msg


def detect_flavor(driver, database: str | None = None) -> str:
    """``"neo4j"`` or ``"falkordb"``: Neo4j answers ``dbms.components()``, FalkorDB does not."""
    from neo4j.exceptions import Neo4jError

    with driver.session(database=database) as s:
        try:
            s.run("CALL dbms.components() YIELD name RETURN name").consume()
            return NEO4J
        except Neo4jError as err:
            if getattr(err, "code", "").startswith("Neo.ClientError.Database"):
                raise
    with driver.session(database=database) as s:
        s.run("CALL db.indexes()").consume()  # FalkorDB keeps this Neo4j 4 procedure
    return FALKORDB


class BoltLoader:
    """A connection to one Neo4j (or FalkorDB) database that kg writes its graph into."""

    def __init__(self, driver, uri: str, user: str | None, database: str | None, flavor: str):
        self.driver, self.uri, self.user, self.database, self.flavor = driver, uri, user, database, flavor

    def close(self) -> None:
        self.driver.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- reading -------------------------------------------------------------
    def query(self, cypher: str, **params) -> list[dict]:
        """Run a read query and return its records as dicts."""
        with self.driver.session(database=self.database) as s:
            return s.execute_read(lambda tx: [r.data() for r in tx.run(cypher, **params)])

    def counts(self) -> tuple[int, int]:
        """Numbers of kg entity nodes and of relationships between them."""
        n = self.query(f"MATCH (n:{_ident(ENTITY_LABEL)}) RETURN count(n) AS c")[0]["c"]
        r = self.query(f"MATCH (:{_ident(ENTITY_LABEL)})-[r]->(:{_ident(ENTITY_LABEL)}) RETURN count(r) AS c")[0]["c"]
        return n, r

    # -- writing -------------------------------------------------------------
    #: FalkorDB's Bolt endpoint fails on messages over about 4 KB; Neo4j has no such limit.
    FALKORDB_MAX_BYTES = 3500

    def plan(self, graph: PropertyGraph, batch_size: int = 1000) -> list[Batch]:
        """The batches :meth:`load` writes, sized for this server."""
        return plan_batches(graph, batch_size, self.FALKORDB_MAX_BYTES if self.flavor == FALKORDB else None)

    def _write(self, cypher: str, **params):
        with self.driver.session(database=self.database) as s:
            return s.execute_write(lambda tx: [r.data() for r in tx.run(cypher, **params)])

    def ensure_schema(self, labels: list[str]) -> None:
        """Uniqueness constraint (Neo4j 5) or range index (FalkorDB) on ``Entity.iri``; name indexes."""
        ent = _ident(ENTITY_LABEL)
        if self.flavor == NEO4J:
            self._write(f"CREATE CONSTRAINT kg_entity_iri IF NOT EXISTS FOR (n:{ent}) REQUIRE n.iri IS UNIQUE")
            for label in [ENTITY_LABEL, *labels]:
                self._write(f"CREATE INDEX kg_{label.lower()}_name IF NOT EXISTS FOR (n:{_ident(label)}) ON (n.name)")
            return
        # FalkorDB: no Cypher constraints and no IF NOT EXISTS; create what db.indexes() lacks.
        have = {(r["label"], p) for r in self.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
                for p in r["properties"]}
        for label, prop in [(ENTITY_LABEL, "iri"), (ENTITY_LABEL, "name")]:
            if (label, prop) not in have:
                self._write(f"CREATE INDEX FOR (n:{_ident(label)}) ON (n.{prop})")

    def load(self, graph: PropertyGraph, batch_size: int = 1000,
             progress: Callable[[Batch], None] | None = None) -> LoadReport:
        """MERGE every node and relationship of ``graph``; ``progress`` is called after each batch.

        A lost connection or a failed write raises :class:`DatabaseError`
        saying how many batches, nodes and relationships were written; the
        writes are idempotent, so running the load again completes it.
        """
        from neo4j.exceptions import DriverError, Neo4jError

        batches = self.plan(graph, batch_size)
        report = LoadReport(trimmed=sum(b.trimmed for b in batches))
        self.ensure_schema(graph.labels())
        started = time.perf_counter()
        # One session, one auto-commit query per batch: RUN and PULL go out together, one round trip
        # (a managed transaction would add BEGIN and COMMIT); a batch is a MERGE, safe to run again.
        with self.driver.session(database=self.database) as session:
            for i, batch in enumerate(batches):
                t0 = time.perf_counter()
                try:
                    _run_batch(session, batch)
                except (Neo4jError, DriverError, OSError) as err:
                    raise DatabaseError(
                        f"{self.uri}: load stopped at batch {i + 1} of {len(batches)} ({batch.kind} {batch.name}): "
                        f"{report.nodes} of {len(graph.nodes)} nodes and {report.relationships} of "
                        f"{len(graph.relationships)} relationships written; run `kg load` again to finish "
                        f"(writes are MERGEs, nothing is duplicated) [{_describe(err)}]") from err
                spent = time.perf_counter() - t0
                if batch.kind == "nodes":
                    report.nodes += len(batch.rows)
                    report.node_seconds += spent
                else:
                    report.relationships += len(batch.rows)
                    report.relationship_seconds += spent
                report.batches += 1
                if progress:
                    progress(batch)
        report.seconds = time.perf_counter() - started
        return report

    def wipe(self, batch_size: int = 5000) -> int:
        """Delete every node kg loaded (label ``Entity`` with an ``iri``) and its relationships."""
        deleted = 0
        while True:
            rows = self._write(f"MATCH (n:{_ident(ENTITY_LABEL)}) WHERE n.iri IS NOT NULL WITH n LIMIT $limit "
                               f"DETACH DELETE n RETURN count(*) AS c", limit=batch_size)
            n = rows[0]["c"] if rows else 0
            deleted += n
            if n < batch_size:
                return deleted


def _run_batch(session, batch: Batch, attempts: int = 3) -> None:
    """Run one batch as an auto-commit query; a transient error (a deadlock, a leader switch) is retried,
    as a managed transaction would (the batch is a MERGE: running it again is safe)."""
    from neo4j.exceptions import TransientError

    for attempt in range(attempts):
        try:
            session.run(batch.query, rows=batch.rows).consume()
            return
        except TransientError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def connect(uri: str, user: str | None = None, password: str | None = None,
            database: str | None = None, retries: int = 3) -> BoltLoader:
    """Open a driver, check the server answers and the login and database are good.

    Each failure is a :class:`DatabaseError` with one line naming the URI,
    user or database.  With no ``user``, no credentials are sent (FalkorDB's
    Bolt endpoint accepts no others).
    """
    import neo4j
    from neo4j.exceptions import (AuthError, ClientError, ConfigurationError, DriverError, Neo4jError,
                                  ServiceUnavailable)

    who = f"user {user!r}" if user else "no credentials"
    try:
        auth = neo4j.basic_auth(user, password or "") if user else None
        driver = neo4j.GraphDatabase.driver(uri, auth=auth, max_transaction_retry_time=5.0,
                                            connection_acquisition_timeout=5.0,
                                            connection_timeout=5.0)
    except (ConfigurationError, ValueError) as err:
        raise DatabaseError(f"{uri}: not a usable Bolt URI ({err}); use e.g. bolt://localhost:7687") from None
    last: Exception | None = None
    for attempt in range(retries):  # FalkorDB drops every other fresh handshake; retry a little
        try:
            driver.verify_connectivity()
            flavor = detect_flavor(driver, database)
            break
        except AuthError as err:
            driver.close()
            raise DatabaseError(f"{uri}: login as {who} refused ({_describe(err)}); "
                                f"check --user/--password or NEO4J_USER/NEO4J_PASSWORD") from None
        except ClientError as err:
            driver.close()
            if "Database" in (err.code or ""):
                raise DatabaseError(f"{uri}: no database {database!r} ({_describe(err)}); "
                                    f"check --database or NEO4J_DATABASE") from None
            raise DatabaseError(f"{uri}: the server refused kg ({_describe(err)})") from None
        except ServiceUnavailable as err:
            last = err
            time.sleep(0.2 * (attempt + 1))
        except (Neo4jError, DriverError, OSError) as err:
            driver.close()
            hint = (f"login as {who} failed; check --user/--password"
                    if user else "check the URI points at a Neo4j Bolt port")
            raise DatabaseError(f"{uri}: {hint} ({_describe(err)})") from None
    else:
        driver.close()
        raise DatabaseError(f"{uri}: cannot reach a Bolt server ({_describe(last)}); "
                            f"is Neo4j running, and is the host and port right?") from None
    if flavor == FALKORDB and database not in (None, "", "neo4j"):
        driver.close()
        raise DatabaseError(f"{uri}: no database {database!r}: this server is FalkorDB, whose Bolt endpoint "
                            f"serves one graph; leave --database out")
    return BoltLoader(driver, uri, user, database or None, flavor)
