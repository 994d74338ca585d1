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

import hashlib
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.io import atomic_path
from kg.ontology import KG

__all__ = ["DEFAULT_BASE", "FORMATS", "entity_iri", "to_rdf", "write_rdf", "JSONLD_CONTEXT"]

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


def to_rdf(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a kg graph; ``base`` is the namespace of entity, statement and mention IRIs."""
    rdf = Graph()
    rdf.bind("kg", KG)
    rdf.bind("prov", PROV)
    ns = Namespace(base)
    rdf.bind("id", ns)
    iris = {}
    extractors: set[str] = set()
    docs: dict[str, str] = {}

    seen_mentions: set[URIRef] = set()

    def mention_node(ev) -> URIRef:
        iri = URIRef(f"{base}mention/{quote(ev.doc_id, safe='')}/{ev.start}-{ev.end}/{ev.extractor}")
        if iri not in seen_mentions:  # a set, not a store look-up (performance only)
            seen_mentions.add(iri)
            doc_iri = URIRef(f"{base}doc/{quote(ev.doc_id, safe='')}")
            docs[ev.doc_id] = doc_iri
            rdf.add((iri, RDF.type, KG.Mention))
            rdf.add((iri, KG.inDocument, doc_iri))
            rdf.add((iri, KG.startOffset, Literal(ev.source_start, datatype=XSD.integer)))
            rdf.add((iri, KG.endOffset, Literal(ev.source_end, datatype=XSD.integer)))
            rdf.add((iri, KG.mentionText, Literal(ev.text)))
            rdf.add((iri, PROV.wasAttributedTo, URIRef(f"{base}extractor/{ev.extractor}")))
            rdf.add((iri, KG.confidence, _decimal(ev.confidence)))
            extractors.add(ev.extractor)
        return iri

    for node, data in graph.nodes(data=True):
        iri = iris[node] = entity_iri(base, data["label"], data["name"])
        rdf.add((iri, RDF.type, KG[data["label"]]))
        rdf.add((iri, KG.name, Literal(data["name"])))
        rdf.add((iri, RDFS.label, Literal(data["name"], lang="zh")))
        for alias in data.get("aliases", ()):
            rdf.add((iri, KG.alias, Literal(alias)))
        rdf.add((iri, KG.confidence, _decimal(data.get("confidence", 0.0))))
        for ev in data.get("evidence", ()):
            rdf.add((iri, PROV.wasDerivedFrom, mention_node(ev)))

    for head, tail, label, data in graph.edges(keys=True, data=True):
        h, t, p = iris[head], iris[tail], KG[label]
        rdf.add((h, p, t))
        digest = hashlib.sha1(f"{h}|{label}|{t}".encode()).hexdigest()[:16]
        st = ns[f"statement/{digest}"]
        rdf.add((st, RDF.type, KG.Statement))
        rdf.add((st, KG.subject, h))
        rdf.add((st, KG.predicate, p))
        rdf.add((st, KG.object, t))
        rdf.add((st, KG.confidence, _decimal(data.get("confidence", 0.0))))
        if data.get("role"):
            rdf.add((st, KG.role, Literal(data["role"])))
        for ev in data.get("evidence", ()):
            m = mention_node(ev)
            rdf.add((st, PROV.wasDerivedFrom, m))
            if ev.sentence:
                rdf.add((m, KG.sentence, Literal(ev.sentence)))

    for doc_id, iri in docs.items():
        rdf.add((iri, RDF.type, KG.Document))
        rdf.add((iri, KG.documentId, Literal(doc_id)))
    for name in extractors:
        iri = URIRef(f"{base}extractor/{name}")
        rdf.add((iri, RDF.type, KG.Extractor))
        rdf.add((iri, RDFS.label, Literal(name)))
    return rdf


def _fast_qnames(rdf: Graph) -> None:
    """Give ``rdf``'s namespace manager a quick answer for IRIs in no bound namespace (performance only).

    rdflib's ``compute_qname`` files every IRI's namespace into a prefix trie
    whose insertion scans all siblings: with one namespace per mention IRI the
    Turtle serialiser turns quadratic (26 s of a 38 s build on the corpus).
    An IRI whose namespace, and every longer prefix of it, is unbound has no
    QName anyway, so it gets the ``KeyError`` rdflib would raise; everything
    else still goes through rdflib, so the Turtle text is unchanged.
    """
    from rdflib.namespace import _is_valid_uri, split_uri

    manager = rdf.namespace_manager
    rdflib_qname = manager.compute_qname
    bound = tuple(str(ns) for _, ns in manager.namespaces())
    unbound: set[str] = set()  # IRIs known to have no QName

    def compute_qname(uri: str, generate: bool = True):
        if not generate:
            if uri in unbound:
                raise KeyError(f"No known prefix for {uri} and generate=False")
            text = str(uri)
            if _is_valid_uri(text):
                try:
                    namespace = split_uri(text)[0]
                except ValueError:
                    return rdflib_qname(uri, generate)
                if not any(len(ns) >= len(namespace) for ns in bound if text.startswith(ns)):
                    unbound.add(uri)
                    raise KeyError(f"No known prefix for {namespace} and generate=False")
        return rdflib_qname(uri, generate)

    manager.compute_qname = compute_qname


def write_rdf(rdf: Graph, outdir: Path) -> list[Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted lines) and ``graph.jsonld`` into ``outdir`` atomically."""
    _fast_qnames(rdf)
    written = []
    for filename, fmt in FORMATS.items():
        path = Path(outdir) / filename
        with atomic_path(path) as tmp:
            if fmt == "nt":
                lines = rdf.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
                tmp.write_text("\n".join(sorted(set(filter(None, lines)))) + "\n", encoding="utf-8")
            elif fmt == "json-ld":
                rdf.serialize(destination=str(tmp), format="json-ld", context=JSONLD_CONTEXT, auto_compact=True,
                              encoding="utf-8")
            else:
                rdf.serialize(destination=str(tmp), format=fmt, encoding="utf-8")
        written.append(path)
    return written
