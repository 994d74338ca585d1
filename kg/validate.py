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
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SH

from kg.errors import InputError, KGError, OntologyError
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


#: Checks SHACL core cannot express, run once over the whole graph: (message, query selecting ?focus ?path)
INTEGRITY_QUERIES = (
    ("the statement's triple is not asserted in the graph", """
        PREFIX kg: <https://kg.example.org/ontology#>
        SELECT ?focus ?path WHERE {
            ?focus kg:subject ?s ; kg:predicate ?path ; kg:object ?o .
            FILTER NOT EXISTS { ?s ?path ?o }
        }"""),
    ("the relation has no kg:Statement carrying its evidence", """
        PREFIX kg: <https://kg.example.org/ontology#>
        SELECT ?focus ?path WHERE {
            VALUES ?path { kg:subsidiaryOf kg:locatedIn kg:worksFor kg:leads kg:undertakes kg:provides
                           kg:issuedBy kg:partnerOf }
            ?focus ?path ?o .
            FILTER NOT EXISTS { ?st kg:subject ?focus ; kg:predicate ?path ; kg:object ?o }
        }"""),
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
    for message, query in INTEGRITY_QUERIES:
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


_RELATIONS = ("subsidiaryOf", "locatedIn", "worksFor", "leads", "undertakes", "provides", "issuedBy", "partnerOf")

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
    from rdflib.namespace import PROV

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
    :data:`INTEGRITY_QUERIES` (each statement's triple is asserted, each relation triple has its
    statement) run over the index of relation triples instead of SPARQL.  A subject with more evidence
    links than a quarter of a chunk (a company cited 26,000 times in ten copies of the corpus) keeps
    the first quarter in its chunk; the rest are checked in parts holding only its types, the links and
    their targets' types, keeping only per-value results on paths from ``prov:wasDerivedFrom``: the
    counts (``sh:minCount`` …) are judged in the first part (the shapes count no evidence links above
    one), everything else about the subject once, in its chunk.

    With ``shares`` > 1 this call checks only every ``shares``-th chunk, from number ``share`` (and
    the integrity checks only in share 0): the reports of all shares together are the whole check.
    """
    from rdflib import URIRef
    from rdflib.namespace import PROV

    from kg.ontology import KG

    started = time.perf_counter()
    names = export.namespaces()
    relations = export.relation_keys()
    relation_iris = {KG[p] for p in _RELATIONS}
    found: list[Violation] = []
    count = triples = 0

    flushed = 0  # chunks and parts met so far: this call checks those numbered share, share + shares, …

    def mine() -> bool:
        nonlocal flushed
        flushed += 1
        return (flushed - 1) % shares == share

    def flush(chunk: dict) -> None:
        nonlocal found, count
        if not mine():
            return
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
            if not export.is_mention(o):
                targets.add(o)
        new = _shacl(g, shapes, focus=set(chunk), targets=targets)
        count += len(new)
        found = sorted(found + new, key=_order)[:limit]

    def flush_part(s, typing: list, links: list) -> None:
        """Evidence links of a subject with very many, beyond its first part: the subject's types, these
        links and their targets' types; only per-value results on the links' paths are kept."""
        nonlocal found, count
        if not mine():
            return
        g = export.namespaces()
        for p, o in typing + links:
            g.add((s, p, o))
        for _, o in links:
            for t in export.types(o):
                g.add((o, RDF.type, t))
        new = _shacl(g, shapes, focus={s}, targets={s}, keep=_per_link_result)
        count += len(new)
        found = sorted(found + new, key=_order)[:limit]

    part = max(1, CHUNK_TRIPLES // 4)
    chunk: dict = {}
    size = 0
    statements: dict = {}  # statement (s, p, o) found so far → focus, for the second integrity check
    for s, pairs in export:
        triples += len(pairs)
        links = [(p, o) for p, o in pairs if p == PROV.wasDerivedFrom]
        if len(links) > part:  # one entity cited 26,000 times: its links are checked in parts
            links.sort()
            pairs = {po for po in pairs if po[0] != PROV.wasDerivedFrom} | set(links[:part])
            typing = [(p, o) for p, o in pairs if p == RDF.type]
            for i in range(part, len(links), part):
                flush_part(s, typing, links[i:i + part])
        del links
        chunk[s] = pairs
        size += len(pairs) + sum(1 for p, o in pairs if p != RDF.type and isinstance(o, URIRef))  # + linked types
        # integrity: a statement's (subject, predicate, object) must be asserted; a relation needs a statement
        subj = [o for p, o in pairs if p == KG.subject] if share == 0 else []
        if subj:
            preds = [o for p, o in pairs if p == KG.predicate]
            objs = [o for p, o in pairs if p == KG.object]
            for a in subj:
                for p in preds:
                    for b in objs:
                        key = (a, p, b)
                        statements[key] = True
                        if p in relation_iris:
                            asserted = (a, str(p)[len(str(KG)):], b) in relations
                        else:  # not a relation: look at the subject's own triples
                            asserted = (a in export.subjects or export.is_mention(a)) and (p, b) in export.triples(a)
                        if not asserted:
                            new = Violation(_short(names, s), _short(names, p),
                                            "the statement's triple is not asserted in the graph")
                            count += 1
                            found = sorted(found + [new], key=_order)[:limit]
        if size >= CHUNK_TRIPLES:
            flush(chunk)
            chunk, size = {}, 0
    if chunk:
        flush(chunk)
    for a, label, b in sorted(relations) if share == 0 else ():
        if label in _RELATIONS and (a, KG[label], b) not in statements:
            count += 1
            found = sorted(found + [Violation(_short(names, a), _short(names, KG[label]),
                                              "the relation has no kg:Statement carrying its evidence")],
                           key=_order)[:limit]
    return Report(conforms=count == 0, triples=triples, count=count, violations=tuple(found),
                  seconds=time.perf_counter() - started)


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
