"""The typed graph as RDF triples: stable IRIs, and :class:`RDFExport`, which makes the triples subject by
subject (exports.rdf_files writes them to Turtle, N-Triples and JSON-LD).

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
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.ontology import KG

__all__ = ["DEFAULT_BASE", "RDFExport", "entity_iri", "statement_iri", "to_rdf", "ENTITY", "STATEMENT", "DOCUMENT",
           "EXTRACTOR"]

DEFAULT_BASE = "https://kg.example.org/id/"


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
    :func:`exports.rdf_files.write_rdf` writes the three files from it in sorted order and ``kg.validate`` checks
    it chunk by chunk.  The triples are exactly those of :func:`to_rdf` (which is built from it).
    """

    def __init__(self, graph: nx.MultiDiGraph, base: str = DEFAULT_BASE):
        self.graph, self.base = graph, base
        self.node_iri: dict = {}
        #: subject IRI → its sources: (ENTITY, node), (STATEMENT, (head, tail, label)), (DOCUMENT, doc id),
        #: (EXTRACTOR, name)
        self.subjects: dict[URIRef, list] = {}
        #: document id → the evidence records citing its mentions, in citation order
        self.evidence: dict[str, list] = {}
        self.mention_prefix = f"{base}mention/"
        extractors = set()
        evidence = self.evidence

        subjects = self.subjects
        for node, data in graph.nodes(data=True):
            iri = self.node_iri[node] = entity_iri(base, data["label"], data["name"])
            subjects.setdefault(iri, []).append((ENTITY, node))
            for ev in data.get("evidence", ()):
                evidence.setdefault(ev.doc_id, []).append(ev)
                extractors.add(ev.extractor)
        for head, tail, label, data in graph.edges(keys=True, data=True):
            st = statement_iri(base, self.node_iri[head], label, self.node_iri[tail])
            subjects.setdefault(st, []).append((STATEMENT, (head, tail, label)))
            for ev in data.get("evidence", ()):
                evidence.setdefault(ev.doc_id, []).append(ev)
                extractors.add(ev.extractor)
        for doc_id in sorted(evidence):
            subjects.setdefault(_doc_iri(base, doc_id), []).append((DOCUMENT, doc_id))
        for name in sorted(extractors):
            subjects.setdefault(_extractor_iri(base, name), []).append((EXTRACTOR, name))
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
            out.append(KG[self.graph.nodes[ref]["label"]] if kind == ENTITY else _KIND_CLASS[kind])
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
            if kind == ENTITY:
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
            elif kind == STATEMENT:
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
            elif kind == DOCUMENT:
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


#: What an indexed subject IRI stands for (RDFExport.subjects), and the class of each kind but entities'
#: (whose class is their label).
ENTITY, STATEMENT, DOCUMENT, EXTRACTOR = "entity", "statement", "document", "extractor"
_KIND_CLASS = {STATEMENT: KG.Statement, DOCUMENT: KG.Document, EXTRACTOR: KG.Extractor}
