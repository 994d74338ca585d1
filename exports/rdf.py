"""Serialise the typed graph to RDF (Turtle, N-Triples, JSON-LD) with rdflib.

Entities get stable IRIs from their type and canonical name
(``{base}Subsidiary/中国联通广东省分公司``, percent-encoded).  Each relation is
a direct triple plus a ``kg:Statement`` node that carries its role,
confidence and evidence; every evidence is a ``kg:Mention`` node (PROV-O
``prov:Entity``) with document, source offsets, text, sentence, extractor and
confidence.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(); g.add_node("x", label="Province", name="广东", aliases=["广东省"], evidence=[], confidence=1.0)
>>> rdf = to_rdf(g)
>>> len(rdf) > 0
True
"""
from __future__ import annotations

import bisect
import hashlib
import io
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.io import atomic_path
from kg.ontology import KG

__all__ = ["DEFAULT_BASE", "FORMATS", "JSONLD_CONTEXT", "RDFExport", "entity_iri", "statement_iri", "to_rdf",
           "write_rdf", "turtle", "jsonld"]

DEFAULT_BASE = "https://kg.example.org/id/"
FORMATS = {"graph.ttl": "turtle", "graph.nt": "nt", "graph.jsonld": "json-ld"}
JSONLD_CONTEXT = {
    "kg": str(KG),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "name": "kg:name",
    "alias": "kg:alias",
    "label": "rdfs:label",
    "confidence": {"@id": "kg:confidence", "@type": "xsd:decimal"},
    "role": "kg:role",
    "subject": {"@id": "kg:subject", "@type": "@id"},
    "predicate": {"@id": "kg:predicate", "@type": "@id"},
    "object": {"@id": "kg:object", "@type": "@id"},
    "document": {"@id": "kg:inDocument", "@type": "@id"},
    "start": {"@id": "kg:startOffset", "@type": "xsd:integer"},
    "end": {"@id": "kg:endOffset", "@type": "xsd:integer"},
    "text": "kg:mentionText",
    "sentence": "kg:sentence",
    "evidence": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "extractor": {"@id": "prov:wasAttributedTo", "@type": "@id"},
}


def entity_iri(base: str, label: str, name: str) -> URIRef:
    """Stable IRI of an entity: type + percent-encoded canonical name under ``base``.

    >>> entity_iri("https://x.org/id/", "Province", "广东")
    rdflib.term.URIRef('https://x.org/id/Province/%E5%B9%BF%E4%B8%9C')
    """
    return URIRef(f"{base}{label}/{quote(name, safe='')}")


def _decimal(x: float) -> Literal:
    return Literal(f"{x:.3f}", datatype=XSD.decimal)


def _doc_iri(base: str, doc_id: str) -> URIRef:
    return URIRef(f"{base}doc/{quote(doc_id, safe='')}")


def _extractor_iri(base: str, name: str) -> URIRef:
    return URIRef(f"{base}extractor/{quote(name, safe='')}")


def _mention_iri(base: str, ev) -> URIRef:
    """One node per (document, span, extractor): ``{base}mention/{doc}/{start}-{end}/{extractor}``."""
    return URIRef(f"{base}mention/{quote(ev.doc_id, safe='')}/{ev.start}-{ev.end}/{quote(ev.extractor, safe='')}")


def to_rdf(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a kg graph as one rdflib ``Graph``; ``base`` is the namespace of entity, statement and mention IRIs.

    Every entity and statement links (``prov:wasDerivedFrom``) to its ``kg:Mention`` nodes; a
    mention found by one extractor at one span is one node, whatever cites it, with the highest
    confidence and, of its evidence sentences, the first in string order (whatever order the evidence
    came in), so each of its properties has one value.
    No blank nodes: every node has an IRI derived from its content, so builds are reproducible.

    This holds the whole graph (~1 KB a triple); ``kg build`` uses :class:`RDFExport`, which
    generates the same triples subject by subject and writes and validates them in bounded memory.
    """
    return RDFExport(graph, base).to_graph()


class RDFExport:
    """The RDF graph of a kg graph, generated subject by subject and never held whole.

    Entities, statements, documents and extractors (few: they grow with the graph, not the
    text) are indexed by IRI.  Mentions (most of the graph, one per extractor and span) are not
    indexed: the evidence records citing them are grouped by document (references only), and a
    document's mentions are made, merged and sorted when its turn comes.  All mention IRIs of a
    document share the prefix ``{base}mention/{doc}/`` (a percent-encoded id holds no ``/``), so
    in any sort order of IRIs a document's mentions are one run, and all mentions one block.
    :func:`write_rdf` writes the three files from it in sorted order and ``kg.validate`` checks
    it chunk by chunk.  The triples are exactly those of :func:`to_rdf` (which is built from it).
    """

    def __init__(self, graph: nx.MultiDiGraph, base: str = DEFAULT_BASE):
        self.graph, self.base = graph, base
        self.node_iri: dict = {}
        #: subject IRI → its sources: ("e", node), ("s", (head, tail, label)), ("d", doc id), ("x", extractor)
        self.subjects: dict[URIRef, list] = {}
        #: document id → the evidence records citing its mentions, in citation order
        self.evidence: dict[str, list] = {}
        self.mention_prefix = f"{base}mention/"
        extractors = set()
        evidence = self.evidence

        subjects = self.subjects
        for node, data in graph.nodes(data=True):
            iri = self.node_iri[node] = entity_iri(base, data["label"], data["name"])
            subjects.setdefault(iri, []).append(("e", node))
            for ev in data.get("evidence", ()):
                evidence.setdefault(ev.doc_id, []).append(ev)
                extractors.add(ev.extractor)
        for head, tail, label, data in graph.edges(keys=True, data=True):
            st = statement_iri(base, self.node_iri[head], label, self.node_iri[tail])
            subjects.setdefault(st, []).append(("s", (head, tail, label)))
            for ev in data.get("evidence", ()):
                evidence.setdefault(ev.doc_id, []).append(ev)
                extractors.add(ev.extractor)
        for doc_id in sorted(evidence):
            subjects.setdefault(_doc_iri(base, doc_id), []).append(("d", doc_id))
        for name in sorted(extractors):
            subjects.setdefault(_extractor_iri(base, name), []).append(("x", name))
        if any(str(s).startswith(self.mention_prefix) for s in subjects):  # an entity class named "mention"?
            raise ValueError(f"an entity IRI is under {self.mention_prefix}, where mentions are")

    def __len__(self) -> int:
        """The number of triples, as ``len()`` of an rdflib graph (counted by making them all once)."""
        if getattr(self, "_len", None) is None:
            self._len = sum(len(pairs) for _, pairs in self)
        return self._len

    def few(self) -> bool:
        """Whether the graph has fewer than two subjects (rdflib's JSON-LD has no @graph then)."""
        return len(self.subjects) + (1 if self.evidence else 0) < 2

    def namespaces(self) -> Graph:
        """An empty rdflib graph with the prefixes of the export bound (for Turtle and short names)."""
        g = Graph()
        g.bind("kg", KG)
        g.bind("prov", PROV)
        g.bind("id", Namespace(self.base))
        return g

    def is_mention(self, iri) -> bool:
        return str(iri).startswith(self.mention_prefix)

    def types(self, iri) -> list:
        """The rdf:type objects of ``iri`` (without generating its other triples)."""
        if self.is_mention(iri):
            return [KG.Mention]  # every mention IRI the export links to is a subject: its citers made it
        out = []
        for kind, ref in self.subjects.get(iri, ()):
            out.append(KG[self.graph.nodes[ref]["label"]] if kind == "e" else _KIND_CLASS[kind])
        return out

    def mentions(self, doc_id: str) -> dict:
        """The mention nodes of one document: IRI → set of (predicate, object).

        A mention cited several times is one node: the document, offsets and text of its first
        citation, the highest confidence and the smallest non-empty sentence.
        """
        agg: dict = {}
        base = self.base
        for ev in self.evidence.get(doc_id, ()):
            iri = _mention_iri(base, ev)
            a = agg.get(iri)
            if a is None:
                agg[iri] = [ev, ev.confidence, ev.sentence or None]
            else:
                if ev.confidence > a[1]:
                    a[1] = ev.confidence
                if ev.sentence and (a[2] is None or ev.sentence < a[2]):
                    a[2] = ev.sentence
        out = {}
        for iri, (ev, confidence, sentence) in agg.items():
            pairs = {(RDF.type, KG.Mention),
                     (KG.inDocument, _doc_iri(base, ev.doc_id)),
                     (KG.startOffset, Literal(ev.source_start, datatype=XSD.integer)),
                     (KG.endOffset, Literal(ev.source_end, datatype=XSD.integer)),
                     (KG.mentionText, Literal(ev.text)),
                     (PROV.wasAttributedTo, _extractor_iri(base, ev.extractor)),
                     (KG.confidence, _decimal(confidence))}
            if sentence:
                pairs.add((KG.sentence, Literal(sentence)))
            out[iri] = pairs
        return out

    def triples(self, iri) -> set:
        """The (predicate, object) pairs of subject ``iri``, as a set (rdflib's graph is a set too)."""
        if self.is_mention(iri):
            doc = next((d for d in self.evidence if str(iri).startswith(f"{self.mention_prefix}{quote(d, safe='')}/")),
                       None)
            return self.mentions(doc).get(iri, set()) if doc is not None else set()
        out = set()
        add = out.add
        base = self.base
        for kind, ref in self.subjects[iri]:
            if kind == "e":
                data = self.graph.nodes[ref]
                add((RDF.type, KG[data["label"]]))
                add((KG.name, Literal(data["name"])))
                add((RDFS.label, Literal(data["name"], lang="zh")))
                for alias in data.get("aliases", ()):
                    add((KG.alias, Literal(alias)))
                add((KG.confidence, _decimal(data.get("confidence", 0.0))))
                for ev in data.get("evidence", ()):
                    add((PROV.wasDerivedFrom, _mention_iri(base, ev)))
                for _, tail, label in self.graph.out_edges(ref, keys=True):
                    add((KG[label], self.node_iri[tail]))
            elif kind == "s":
                head, tail, label = ref
                data = self.graph.edges[head, tail, label]
                add((RDF.type, KG.Statement))
                add((KG.subject, self.node_iri[head]))
                add((KG.predicate, KG[label]))
                add((KG.object, self.node_iri[tail]))
                add((KG.confidence, _decimal(data.get("confidence", 0.0))))
                if data.get("role"):
                    add((KG.role, Literal(data["role"])))
                for ev in data.get("evidence", ()):
                    add((PROV.wasDerivedFrom, _mention_iri(base, ev)))
            elif kind == "d":
                add((RDF.type, KG.Document))
                add((KG.documentId, Literal(ref)))
            else:
                add((RDF.type, KG.Extractor))
                add((RDFS.label, Literal(ref)))
        return out

    def __iter__(self):
        """(subject, pairs) of every subject, unordered: indexed subjects, then mentions document by document."""
        for s in self.subjects:
            yield s, self.triples(s)
        for doc_id in self.evidence:
            yield from self.mentions(doc_id).items()

    def ordered(self, key):
        """(subject, pairs) of every subject in the order of ``key`` (a function of the IRI's text that
        keeps the order of IRIs sharing no prefix ending in ``/``: ``<iri> ``, ``iri``, ``"iri",``)."""
        indexed = sorted(self.subjects, key=key)
        keys = [key(s) for s in indexed]
        at = bisect.bisect(keys, key(self.mention_prefix))
        del keys
        for s in indexed[:at]:
            yield s, self.triples(s)
        docs = sorted(self.evidence, key=lambda d: key(f"{self.mention_prefix}{quote(d, safe='')}/"))
        for doc_id in docs:
            group = self.mentions(doc_id)
            for s in sorted(group, key=key):
                yield s, group[s]
        for s in indexed[at:]:
            yield s, self.triples(s)

    def relation_keys(self) -> set:
        """(head IRI, relation, tail IRI) of every relation triple (entities' out-edges)."""
        return {(self.node_iri[h], label, self.node_iri[t]) for h, t, label in self.graph.edges(keys=True)}

    def to_graph(self) -> Graph:
        """All triples in one rdflib ``Graph`` (small graphs, tests; holds everything)."""
        rdf = self.namespaces()
        for s, pairs in self:
            for p, o in pairs:
                rdf.add((s, p, o))
        return rdf


def statement_iri(base: str, head: URIRef, relation: str, tail: URIRef) -> URIRef:
    """Stable IRI of the statement node of ``head —relation→ tail``: a digest of the three.

    >>> statement_iri("https://x.org/id/", URIRef("https://x.org/id/a"), "leads", URIRef("https://x.org/id/b"))
    rdflib.term.URIRef('https://x.org/id/statement/6bed80be0b01e533')
    """
    digest = hashlib.sha1(f"{head}|{relation}|{tail}".encode()).hexdigest()[:16]
    return URIRef(f"{base}statement/{digest}")


_KIND_CLASS = {"s": KG.Statement, "m": KG.Mention, "d": KG.Document, "x": KG.Extractor}
_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_BARE = {XSD.integer: re.compile(r"[+-]?[0-9]+\Z"), XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")}


class _TurtleTerms:
    """Turtle text of terms: rdflib's ``n3()`` escaping, prefixed names only for plain local names."""

    def __init__(self, namespaces):
        self.prefixes = sorted((str(ns), p) for p, ns in namespaces if p and str(ns).endswith(("#", "/")))
        self.used: dict[str, str] = {}
        self.written: dict = {}  # term → its Turtle text (performance: most terms recur); cleared when large

    def __call__(self, t) -> str:
        text = self.written.get(t)
        if text is None:
            if len(self.written) > 20_000:  # bounded: mention IRIs and literals rarely recur
                self.written.clear()
            text = self.written[t] = self._term(t)
        return text

    def _term(self, t) -> str:
        if isinstance(t, URIRef):
            if t == RDF.type:
                return "a"
            for ns, p in self.prefixes:
                if str(t).startswith(ns) and _PN_LOCAL.match(t[len(ns):]):
                    self.used[p] = ns
                    return f"{p}:{t[len(ns):]}"
            return t.n3()
        if isinstance(t, Literal) and t.datatype in _BARE and _BARE[t.datatype].match(str(t)):
            return str(t)
        if isinstance(t, Literal) and t.datatype is not None:
            dt = self(t.datatype)
            return Literal(str(t)).n3() + "^^" + (dt if dt != "a" else RDF.type.n3())
        return t.n3()

    def block(self, s, pairs) -> str:
        """The Turtle block of subject ``s`` with its (predicate, object) pairs, sorted."""
        out = io.StringIO()
        self.write_block(out, s, pairs)
        return out.getvalue()

    def write_block(self, fh, s, pairs) -> None:
        """Write the block of :meth:`block` piece by piece (a subject may have 100,000 objects)."""
        by_pred: dict = {}
        for p, o in pairs:
            by_pred.setdefault(p, []).append(o)
        del pairs
        fh.write(f"{self(s)} ")
        for i, p in enumerate(sorted(by_pred, key=lambda p: (p != RDF.type, str(p)))):
            objs = [self(o) for o in by_pred[p]]
            objs.sort()
            fh.write((" ;\n    " if i else "") + f"{self(p)} ")
            for j, text in enumerate(objs):
                fh.write((" ,\n        " if j else "") + text)
        fh.write(" .\n")

    def head(self) -> str:
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.used.items()))


def turtle(rdf: Graph) -> str:
    """Turtle text of ``rdf``: prefixes, then one block per subject, all sorted (reproducible).

    rdflib's own Turtle writer takes minutes on a corpus graph (it tries to make a prefix of
    every mention IRI); this one writes each term with rdflib's ``n3()`` escaping and abbreviates
    only IRIs under a bound prefix whose local part is a plain name.

    >>> g = Graph(); g.bind("kg", KG)
    >>> _ = g.add((URIRef("https://x.org/id/a"), KG.name, Literal("广东联通")))
    >>> print(turtle(g))
    @prefix kg: <https://kg.example.org/ontology#> .
    <BLANKLINE>
    <https://x.org/id/a> kg:name "广东联通" .
    <BLANKLINE>
    """
    terms = _TurtleTerms(rdf.namespaces())
    by_subject: dict = {}  # one pass over the store instead of a look-up per subject and predicate
    for s, p, o in rdf:
        by_subject.setdefault(s, []).append((p, o))
    blocks = [terms.block(s, by_subject[s]) for s in sorted(by_subject, key=lambda x: (isinstance(x, URIRef), str(x)))]
    return terms.head() + "\n" + "\n".join(blocks)


def jsonld(rdf: Graph) -> str:
    """Compact JSON-LD of ``rdf`` with :data:`JSONLD_CONTEXT`, nodes and values sorted (reproducible).

    rdflib lists nodes in set order, which changes with the hash seed; JSON-LD arrays
    (other than ``@list``) are unordered, so sorting them changes nothing but the bytes.
    """
    doc = json.loads(rdf.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    return json.dumps(_tidy(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _tidy(value, key=None):
    """Sort every JSON-LD array but ``@list`` values (unordered in JSON-LD) by its items' JSON text."""
    if isinstance(value, dict):
        return {k: _tidy(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [_tidy(v) for v in value]
        return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, sort_keys=True,
                                                                                  ensure_ascii=False))
    return value


def write_rdf(rdf: Graph | RDFExport, outdir: Path, files: Iterable[str] | None = None) -> list[Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted lines) and ``graph.jsonld`` into ``outdir`` atomically;
    ``files`` picks some of them (names of :data:`FORMATS`).

    From an :class:`RDFExport` the files are streamed subject by subject (bounded memory) and are
    byte for byte those written from the equivalent rdflib ``Graph``.
    """
    formats = {name: FORMATS[name] for name in (files if files is not None else FORMATS)}
    if isinstance(rdf, RDFExport) and not rdf.few():
        return _write_streaming(rdf, outdir, formats)
    if isinstance(rdf, RDFExport):  # 0 or 1 node: rdflib's JSON-LD has no @graph then; tiny anyway
        rdf = rdf.to_graph()
    written = []
    for filename, fmt in formats.items():
        path = Path(outdir) / filename
        with atomic_path(path) as tmp:
            if fmt == "nt":
                lines = rdf.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
                tmp.write_text("\n".join(sorted(set(filter(None, lines)))) + "\n", encoding="utf-8")
            elif fmt == "json-ld":
                tmp.write_text(jsonld(rdf), encoding="utf-8")
            else:
                tmp.write_text(turtle(rdf), encoding="utf-8")
        written.append(path)
    return written


def _json_key(iri) -> str:
    """Sort key of a JSON-LD node: its text begins ``{"@id": "<iri>",`` (keys sorted, "@id" first)."""
    return json.dumps(str(iri), ensure_ascii=False) + ","


def _nt_key(iri) -> str:
    return f"<{iri}> "


def _write_streaming(rdf: RDFExport, outdir: Path, formats: dict[str, str]) -> list[Path]:
    written = []
    for filename, fmt in formats.items():
        path = Path(outdir) / filename
        with atomic_path(path) as tmp:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                {"nt": _stream_nt, "json-ld": _stream_jsonld, "turtle": _stream_turtle}[fmt](rdf, fh)
        written.append(path)
    return written


def _stream_nt(rdf: RDFExport, fh) -> None:
    """Sorted unique N-Triples lines: subjects in the order of their ``<iri> `` prefix, then predicates in the
    order of ``<p> ``, then objects by their text.

    An IRI holds no space or ``>``, so no ``<s1> `` is a prefix of another ``<s2> `` (nor ``<p1> `` of
    ``<p2> ``), and this is the order of sorting all lines at once; lines are written one by one, so a
    subject with 100,000 evidence links costs its objects' text, not a second copy of its lines.
    """
    for s, pairs in rdf.ordered(_nt_key):
        by_pred: dict = {}
        for p, o in pairs:
            by_pred.setdefault(p, []).append(o)
        del pairs
        head = s.n3() + " "
        for p in sorted(by_pred, key=_nt_key):
            objs = [(_quoteLiteral(o) if isinstance(o, Literal) else o.n3()) for o in by_pred[p]]
            objs.sort()
            prefix = head + p.n3() + " "
            for text in objs:
                fh.write(f"{prefix}{text} .\n")


def _stream_turtle(rdf: RDFExport, fh) -> None:
    """The text of :func:`turtle`: the body goes to a spill file first, as the prefixes used head it."""
    terms = _TurtleTerms(rdf.namespaces().namespaces())
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as body:
        for i, (s, pairs) in enumerate(rdf.ordered(str)):
            if i:
                body.write("\n")
            terms.write_block(body, s, pairs)
        fh.write(terms.head() + "\n")
        body.seek(0)
        shutil.copyfileobj(body, fh)


class _JsonLDNodes:
    """Compact JSON-LD nodes with :data:`JSONLD_CONTEXT`, as rdflib writes them, one subject at a time.

    Covers what :class:`RDFExport` makes: IRIs, plain and ``@zh`` strings, and literals whose
    datatype is the one their context term coerces to; anything else returns None, and the
    subject is compacted by rdflib itself.
    """

    def __init__(self):
        ctx = JSONLD_CONTEXT
        self.prefixes = [(v, k) for k, v in ctx.items() if isinstance(v, str) and v.endswith(("#", "/"))]
        self.terms = {}  # property IRI → (term, coercion: None, "@id" or a datatype IRI)
        for term, v in ctx.items():
            if isinstance(v, str) and v.endswith(("#", "/")):
                continue
            iri, coerce = (v, None) if isinstance(v, str) else (v["@id"], v.get("@type"))
            if coerce not in (None, "@id"):
                coerce = self.expand(coerce)
            self.terms[self.expand(iri)] = (term, coerce)

    def expand(self, text: str) -> str:
        prefix, _, rest = text.partition(":")
        for ns, p in self.prefixes:
            if p == prefix:
                return ns + rest
        return text

    def compact(self, iri) -> str:
        iri = str(iri)
        for ns, p in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns):]}"
        return iri

    def node(self, s, pairs):
        node: dict = {}
        types = []
        for p, o in pairs:
            if p == RDF.type:
                if not isinstance(o, URIRef):
                    return None
                types.append(self.compact(o))
                continue
            term = self.terms.get(str(p))
            if isinstance(o, Literal) and o.language and o.datatype is None:
                value = {"@language": o.language, "@value": str(o)}
                if term is not None and term[1] is not None:
                    return None
            elif isinstance(o, Literal) and o.datatype is None:
                value = str(o)
                if term is not None and term[1] is not None:
                    return None
            elif isinstance(o, Literal):
                if term is None or term[1] != str(o.datatype):
                    return None
                value = str(o)
            elif isinstance(o, URIRef):
                if term is not None and term[1] == "@id":
                    value = self.compact(o)
                elif term is None:
                    value = {"@id": self.compact(o)}
                else:
                    return None
            else:
                return None
            node.setdefault(term[0] if term is not None else self.compact(p), []).append(value)
        if any(k in node for k in ("@id", "@type")) or not (types or node):
            return None
        out = {"@id": self.compact(s)}
        if types:
            out["@type"] = types
        out.update(node)
        return {k: (v[0] if len(v) == 1 else _tidy(v)) if isinstance(v, list) else v for k, v in out.items()}


def _stream_jsonld(rdf: RDFExport, fh) -> None:
    """The text of :func:`jsonld`, node by node in sorted order (each node is compacted from its own
    triples: no blank nodes, no lists)."""
    nodes = _JsonLDNodes()
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
    skeleton = json.dumps({"@context": _tidy(JSONLD_CONTEXT), "@graph": [0]}, ensure_ascii=False, indent=2,
                          sort_keys=True)
    head, tail = skeleton.split("\n    0\n")
    fh.write(head + "\n")
    first = True
    for s, pairs in rdf.ordered(_json_key):
        node = nodes.node(s, pairs)
        if node is None:  # not a shape the fast path knows: rdflib compacts it
            g = rdf.namespaces()
            for p, o in pairs:
                g.add((s, p, o))
            node = _tidy(json.loads(g.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True)))
            node.pop("@context", None)
        fh.write("    " if first else ",\n    ")
        for piece in encoder.iterencode(node):  # no raw newline inside a JSON string: indenting pieces is safe
            fh.write(piece.replace("\n", "\n    "))
        first = False
    fh.write("\n" + tail + "\n")
