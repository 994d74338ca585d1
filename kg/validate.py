"""Check an RDF graph against the kg SHACL shapes (``ontology/shapes.ttl``) with pyshacl.

The shapes need no inference: every node carries its most specific class, so
validation runs with ``inference="none"`` and reads only the data graph.

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.ontology import KG
>>> g = Graph()
>>> _ = g.add((URIRef("https://x.org/id/Person/a"), KG.name, Literal("陈忠岳")))
>>> report = validate_graph(g)
>>> report.conforms, report.violations[0].message
(False, 'has a kg:name but is not typed with a kg entity class')
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

import rdflib
from rdflib import URIRef
from rdflib.namespace import PROV, RDF, SH

from kg.errors import InputError, KGError, OntologyError
from kg.ontology import KG, load_ontology
from ontology import ONTOLOGY_DIR

__all__ = ["SHAPES_PATH", "RDF_FORMATS", "ShapeViolationError", "Violation", "Report", "load_shapes", "read_rdf",
           "validate_graph", "validate_file"]

SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"

#: file suffix → rdflib parser name
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml",
               ".owl": "xml", ".xml": "xml", ".n3": "n3", ".trig": "trig", ".nq": "nquads"}


class ShapeViolationError(KGError):
    """A graph does not conform to the kg shapes (raised by ``kg build --strict``)."""


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the property path (if any), the message and the shape."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"

    def __str__(self) -> str:
        return f"{self.focus}" + (f" {self.path}" if self.path else "") + f": {self.message}"


@dataclass(frozen=True)
class Report:
    """The outcome of one validation."""

    conforms: bool
    triples: int
    count: int  # all violations found
    violations: tuple[Violation, ...]  # the first few, sorted
    seconds: float

    def verdict(self) -> str:
        """One line: whether the graph conforms, how big it is, how long it took."""
        if self.conforms:
            return f"conforms: {self.triples:,} triples, 0 violations ({self.seconds:.1f} s)"
        return (f"does not conform: {self.count:,} violations in {self.triples:,} triples "
                f"({self.seconds:.1f} s)")


@lru_cache(maxsize=2)
def load_shapes(path: str | Path = SHAPES_PATH) -> rdflib.Graph:
    """The shapes graph (parsed once)."""
    try:
        return rdflib.Graph().parse(Path(path), format="turtle")
    except FileNotFoundError as err:
        raise OntologyError(f"{path}: shapes file not found; reinstall kg") from err
    except Exception as err:
        raise OntologyError(f"{path}: shapes are not valid Turtle: {_first_line(err)}") from err


def _first_line(err: BaseException) -> str:
    text = " ".join(str(err).split()).split(" at ^ in:")[0]  # rdflib's Turtle errors end in a byte dump
    return (text[:200] + "…") if len(text) > 200 else (text or type(err).__name__)


def read_rdf(path: str | Path, fmt: str | None = None) -> rdflib.Graph:
    """Parse an RDF file, its format from ``fmt`` or its suffix; :class:`InputError` on anything wrong.

    A missing file, a folder, an unknown suffix, text that is not RDF in that
    format and a file with no triples are all input errors naming the file.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a file")
    fmt = fmt or RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: cannot tell the RDF format from the suffix {path.suffix or '(none)'}; "
                         f"use --format ({', '.join(sorted(set(RDF_FORMATS.values())))})")
    g = rdflib.Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as err:  # rdflib's parsers raise many unrelated exception types
        raise InputError(f"{path}: not valid {fmt} RDF: {_first_line(err)}") from None
    if len(g) == 0:
        raise InputError(f"{path}: no RDF triples in it (is it really {fmt}?)")
    return g


@lru_cache(maxsize=1)
def _relations() -> frozenset[str]:
    """The relation properties between entities, as the ontology declares them (subsidiaryOf, locatedIn …)."""
    return frozenset(load_ontology().properties)


@lru_cache(maxsize=1)
def integrity_queries() -> tuple[tuple[str, str], ...]:
    """Checks SHACL core cannot express, run once over a whole graph: (message, query selecting ?focus ?path)."""
    return (
        ("the statement's triple is not asserted in the graph", """
            PREFIX kg: <https://kg.example.org/ontology#>
            SELECT ?focus ?path WHERE {
                ?focus kg:subject ?s ; kg:predicate ?path ; kg:object ?o .
                FILTER NOT EXISTS { ?s ?path ?o }
            }"""),
        ("the relation has no kg:Statement carrying its evidence", """
            PREFIX kg: <https://kg.example.org/ontology#>
            SELECT ?focus ?path WHERE {
                VALUES ?path { %s }
                ?focus ?path ?o .
                FILTER NOT EXISTS { ?st kg:subject ?focus ; kg:predicate ?path ; kg:object ?o }
            }""" % " ".join(f"kg:{name}" for name in sorted(_relations()))),
    )


def validate_graph(graph, shapes: rdflib.Graph | None = None, limit: int = 10, jobs: int = 1) -> Report:
    """Validate ``graph`` against the kg shapes; the report keeps the first ``limit`` violations, sorted.

    ``graph`` is an rdflib graph, validated whole, or an :class:`exports.rdf.RDFExport` (what
    ``kg build`` checks), validated in chunks of subjects in bounded memory (:func:`_validate_export`),
    the chunks shared among ``jobs`` forked processes where the platform forks.
    """
    shapes = shapes if shapes is not None else load_shapes()
    if not isinstance(graph, rdflib.Graph) and hasattr(graph, "triples") and hasattr(graph, "subjects"):
        return _validate_export_parallel(graph, shapes, limit, jobs)
    started = time.perf_counter()
    found = _shacl(graph, shapes)
    for message, query in integrity_queries():
        for row in graph.query(query):
            found.append(Violation(_short(graph, row.focus), _short(graph, row.path), message))
    found.sort(key=_order)
    return Report(conforms=not found, triples=len(graph), count=len(found), violations=tuple(found[:limit]),
                  seconds=time.perf_counter() - started)


def _order(v: Violation):
    return (v.focus, v.path or "", v.message)


def _shacl(graph: rdflib.Graph, shapes, focus: set | None = None, targets: set | None = None,
           keep=None) -> list[Violation]:
    """pyshacl's results on ``graph`` (only those whose focus node is in ``focus``, if given).

    ``targets``: pyshacl's ``focus_nodes``, the only nodes any shape is evaluated on, as a
    target of a shape or a value of ``sh:node`` (held as a set: pyshacl's list is slow to search).
    """
    import pyshacl

    if targets is not None:
        from pyshacl.graph_abstraction import DataGraph
        from pyshacl.monkey import rdflib_bool_patch, rdflib_bool_unpatch
        from pyshacl.rdfutil import load_from_source

        data = DataGraph.from_rdflib(load_from_source(graph, multigraph=True, do_owl_imports=False))
        rdflib_bool_patch()  # as pyshacl.validate loads a shapes graph
        try:
            shapes = load_from_source(shapes, multigraph=True, do_owl_imports=False)
        finally:
            rdflib_bool_unpatch()
        try:
            validator = _focus_validator()(data, shacl_graph=shapes, options={
                "inference": "none", "inplace": True, "advanced": True, "allow_warnings": True,
                "focus_nodes": list(targets)})
            conforms, results, text = validator.run()
        except pyshacl.errors.ValidationFailure as err:
            conforms, results, text = False, err, f"Validation Failure - {err.message}"
    else:
        # inplace: no inference and no SHACL rules, so pyshacl would only copy the graph (a quarter of the time)
        conforms, results, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=True,
                                                   allow_warnings=True, inplace=True)
    if not isinstance(results, rdflib.Graph):  # pyshacl reports a broken shapes graph this way
        raise OntologyError(f"shapes: pyshacl cannot use them: {_first_line(Exception(text))}")
    found = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        node = results.value(r, SH.focusNode)
        if focus is not None and node not in focus:
            continue
        if keep is not None and not keep(results, r):
            continue
        sev = results.value(r, SH.resultSeverity)
        path = results.value(r, SH.resultPath)
        found.append(Violation(
            focus=_short(graph, node),
            path=_short(graph, path) if path is not None else None,
            message=str(results.value(r, SH.resultMessage) or "violates a shape"),
            severity=str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"))
    return found



@lru_cache(maxsize=1)
def _focus_validator():
    """pyshacl's Validator with its ``focus_nodes`` in a set (it tests each target node against them)."""
    from pyshacl import Validator

    class FocusValidator(Validator):
        def make_executor(self):
            executor = super().make_executor()
            if executor.focus_nodes:
                executor.focus_nodes = frozenset(executor.focus_nodes)
            return executor

    return FocusValidator


#: triples per chunk of :func:`_validate_export`, with the rdf:type triples of the nodes it links to
#: (an rdflib graph of this size under pyshacl is ~30 MB); a subject's evidence links beyond a
#: quarter of it are checked in parts of that size
CHUNK_TRIPLES = 25_000

#: SHACL constraint components that judge the whole set of values of a path, not each value
_SET_COMPONENTS = {SH[c] for c in ("MinCountConstraintComponent", "MaxCountConstraintComponent",
                                   "QualifiedMinCountConstraintComponent", "QualifiedMaxCountConstraintComponent",
                                   "UniqueLangConstraintComponent", "EqualsConstraintComponent",
                                   "DisjointConstraintComponent", "LessThanConstraintComponent",
                                   "LessThanOrEqualsConstraintComponent")}


def _per_link_result(results: rdflib.Graph, r) -> bool:
    """Whether a result on a part of a subject's evidence links is about those links: its path starts with
    prov:wasDerivedFrom and its constraint judges each value (a count would see only the part)."""
    path = results.value(r, SH.resultPath)
    first = results.value(path, RDF.first) if isinstance(path, rdflib.BNode) else path
    return first == PROV.wasDerivedFrom and results.value(r, SH.sourceConstraintComponent) not in _SET_COMPONENTS


#: at most this many processes share a check: each walks the whole export, touching (and so copying)
#: the graph's memory pages
MAX_CHECK_PROCESSES = 4


def _validate_export_parallel(export, shapes: rdflib.Graph, limit: int, jobs: int) -> Report:
    """:func:`_validate_export` with its chunks dealt out to ``jobs`` forked processes; one report."""
    from kg.forking import can_fork, run_forked

    if jobs <= 1 or not can_fork():
        return _validate_export(export, shapes, limit)
    jobs = min(jobs, MAX_CHECK_PROCESSES)
    reports = run_forked((_validate_export, export, shapes, limit, share, jobs) for share in range(jobs))
    count = sum(r.count for r in reports)
    return Report(conforms=count == 0, triples=reports[0].triples, count=count,
                  violations=tuple(sorted((v for r in reports for v in r.violations), key=_order)[:limit]),
                  seconds=max(r.seconds for r in reports))


def _validate_export(export, shapes: rdflib.Graph, limit: int, share: int = 0, shares: int = 1) -> Report:
    """SHACL-validate an :class:`exports.rdf.RDFExport` chunk by chunk, in bounded memory.

    Sound because every kg shape is local to its focus node: it reads the node's own triples
    and, across one link, the rdf:type of the nodes it links to (evidence, relation objects,
    statement subject and object, a mention's document and extractor).  A chunk graph holds all
    triples of a set of subjects plus the rdf:type triples of every node they link to; only the
    results whose focus node is one of the chunk's subjects are kept (a linked node, typed but
    bare there, is checked in its own chunk).  The two whole-graph checks of
    :func:`integrity_queries` (each statement's triple is asserted, each relation triple has its
    statement) run over the index of relation triples instead of SPARQL.  A subject with more evidence
    links than a quarter of a chunk (a company cited 26,000 times in ten copies of the corpus) keeps
    the first quarter in its chunk; the rest are checked in parts holding only its types, the links and
    their targets' types, keeping only per-value results on paths from ``prov:wasDerivedFrom``: the
    counts (``sh:minCount`` …) are judged in the first part (the shapes count no evidence links above
    one), everything else about the subject once, in its chunk.

    With ``shares`` > 1 this call checks only every ``shares``-th chunk, from number ``share`` (and
    the integrity checks only in share 0): the reports of all shares together are the whole check.
    The work is done by :class:`_ChunkedCheck`.
    """
    return _ChunkedCheck(export, shapes, limit, share, shares).run()


class _ChunkedCheck:
    """One share of :func:`_validate_export`: a single pass over the export, subject by subject.

    Subjects are gathered into a chunk until it holds :data:`CHUNK_TRIPLES` triples (counting
    the types of the nodes they link to), then the chunk is SHACL-checked; a heavily cited
    subject's evidence links beyond the first part are checked in parts as it is met.  Chunks
    and parts are numbered in the order they are met, so every share numbers them alike and
    takes its own.  Statements are checked for integrity as they pass; relations at the end.
    """

    def __init__(self, export, shapes: rdflib.Graph, limit: int, share: int = 0, shares: int = 1):
        self.started = time.perf_counter()
        self.export, self.shapes, self.limit = export, shapes, limit
        self.share, self.shares = share, shares
        self.integrity = share == 0  # whole-graph checks: one share does them, or they would be counted twice
        self.names = export.namespaces()  # for the short names of the violations
        self.relations = export.relation_keys()  # (head IRI, relation name, tail IRI)
        self.relation_names = _relations()
        self.relation_iris = {KG[p] for p in self.relation_names}
        self.statements: set = set()  # (subject, predicate, object) of the statements met so far
        self.chunk_triples = CHUNK_TRIPLES  # read at call time: tests make it small
        self.part = max(1, CHUNK_TRIPLES // 4)
        self.met = 0  # chunks and parts met so far, this share's or not
        self.triples = 0
        self.count = 0  # violations found by this share
        self.found: list[Violation] = []  # the first ``limit`` of them, sorted

    def run(self) -> Report:
        """Walk the export once, check everything this share owns, and report."""
        chunk: dict = {}  # subject → its pairs
        size = 0  # triples the chunk's graph will hold
        for s, pairs in self.export:
            self.triples += len(pairs)
            pairs = self._chunk_pairs(s, pairs)
            chunk[s] = pairs
            size += len(pairs) + sum(1 for p, o in pairs if p != RDF.type and isinstance(o, URIRef))  # + linked types
            if self.integrity:
                self._check_statement(s, pairs)
            if size >= self.chunk_triples:
                self._check_chunk(chunk)
                chunk, size = {}, 0
        if chunk:
            self._check_chunk(chunk)
        if self.integrity:
            self._check_relations()
        return self.report()

    def report(self) -> Report:
        """This share's report: its count, its first violations, all triples of the export."""
        return Report(conforms=self.count == 0, triples=self.triples, count=self.count,
                      violations=tuple(self.found), seconds=time.perf_counter() - self.started)

    def _keep(self, new: list[Violation]) -> None:
        """Count ``new`` and keep the first ``limit`` of all violations so far, sorted."""
        self.count += len(new)
        self.found = sorted(self.found + new, key=_order)[:self.limit]

    def _mine(self) -> bool:
        """Whether the chunk or part met now is this share's; called once for each, in the order met."""
        self.met += 1
        return (self.met - 1) % self.shares == self.share

    def _chunk_pairs(self, s, pairs: set) -> set:
        """The pairs of ``s`` to put in its chunk: all of them, unless it has more evidence links than a
        part; then only the first part of its links (sorted) go in, and the rest are checked now, part by part."""
        links = [(p, o) for p, o in pairs if p == PROV.wasDerivedFrom]
        if len(links) <= self.part:
            return pairs
        part = self.part
        links.sort()
        pairs = {po for po in pairs if po[0] != PROV.wasDerivedFrom} | set(links[:part])
        typing = [(p, o) for p, o in pairs if p == RDF.type]
        for i in range(part, len(links), part):
            self._check_part(s, typing, links[i:i + part])
        return pairs

    def _check_chunk(self, chunk: dict) -> None:
        """If it is this share's, SHACL-check the subjects of ``chunk``: a graph of their triples and the
        types of the nodes they link to, keeping only the results on the chunk's own subjects."""
        if not self._mine():
            return
        export = self.export
        g = export.namespaces()
        linked = set()
        for s, pairs in chunk.items():
            for p, o in pairs:
                g.add((s, p, o))
                if isinstance(o, URIRef) and p != RDF.type and o not in chunk:
                    linked.add(o)
        targets = set(chunk)
        for o in linked:
            for t in export.types(o):
                g.add((o, RDF.type, t))
            # pyshacl evaluates sh:node (a relation's object must be typed) only on targets; no sh:node
            # reaches a mention, and its own shapes' results would be dropped here (it has its own chunk)
            if not export.is_mention(o):
                targets.add(o)
        self._keep(_shacl(g, self.shapes, focus=set(chunk), targets=targets))

    def _check_part(self, s, typing: list, links: list) -> None:
        """If it is this share's, check one part of the evidence links of a heavily cited subject ``s``: a graph
        of its types, these links and their targets' types.  Only per-value results on the links' paths are
        kept: the counts would see only this part, and everything else is judged in ``s``'s chunk."""
        if not self._mine():
            return
        g = self.export.namespaces()
        for p, o in typing + links:
            g.add((s, p, o))
        for _, o in links:
            for t in self.export.types(o):
                g.add((o, RDF.type, t))
        self._keep(_shacl(g, self.shapes, focus={s}, targets={s}, keep=_per_link_result))

    def _check_statement(self, s, pairs: set) -> None:
        """If ``s`` is a statement, its (subject, predicate, object) must be asserted in the graph; each is
        remembered for :meth:`_check_relations`."""
        subjects = [o for p, o in pairs if p == KG.subject]
        if not subjects:
            return
        predicates = [o for p, o in pairs if p == KG.predicate]
        objects = [o for p, o in pairs if p == KG.object]
        for a, p, b in product(subjects, predicates, objects):
            self.statements.add((a, p, b))
            if not self._asserted(a, p, b):
                self._keep([Violation(_short(self.names, s), _short(self.names, p),
                                      "the statement's triple is not asserted in the graph")])

    def _asserted(self, a, p, b) -> bool:
        """Whether the triple (a, p, b) is in the graph."""
        if p in self.relation_iris:
            return (a, str(p)[len(str(KG)):], b) in self.relations
        # not a relation, so not in the index: look among the subject's own triples
        export = self.export
        return (a in export.subjects or export.is_mention(a)) and (p, b) in export.triples(a)

    def _check_relations(self) -> None:
        """Every relation triple must have a statement carrying its evidence (run after all statements are met)."""
        for a, label, b in sorted(self.relations):
            if label in self.relation_names and (a, KG[label], b) not in self.statements:
                self._keep([Violation(_short(self.names, a), _short(self.names, KG[label]),
                                      "the relation has no kg:Statement carrying its evidence")])


def _short(graph: rdflib.Graph, node) -> str:
    if node is None:
        return "?"
    if isinstance(node, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:
            return f"<{node}>"
    return node.n3() if hasattr(node, "n3") else str(node)


def validate_file(path: str | Path, fmt: str | None = None, limit: int = 10) -> Report:
    """Read and validate an RDF file (see :func:`read_rdf` for the input errors)."""
    return validate_graph(read_rdf(path, fmt), limit=limit)
