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
import json
import re
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from kg.io import atomic_path
from kg.ontology import KG

__all__ = ["DEFAULT_BASE", "FORMATS", "JSONLD_CONTEXT", "entity_iri", "statement_iri", "to_rdf", "write_rdf", "turtle",
           "jsonld"]

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


def _mention_iri(base: str, ev) -> URIRef:
    """One node per (document, span, extractor): ``{base}mention/{doc}/{start}-{end}/{extractor}``."""
    return URIRef(f"{base}mention/{quote(ev.doc_id, safe='')}/{ev.start}-{ev.end}/{quote(ev.extractor, safe='')}")


def to_rdf(graph: nx.MultiDiGraph, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of a kg graph; ``base`` is the namespace of entity, statement and mention IRIs.

    Every entity and statement links (``prov:wasDerivedFrom``) to its ``kg:Mention`` nodes; a
    mention found by one extractor at one span is one node, whatever cites it, with the highest
    confidence and the (first) sentence of its evidence, so each of its properties has one value.
    No blank nodes: every node has an IRI derived from its content, so builds are reproducible.
    """
    rdf = Graph()
    rdf.bind("kg", KG)
    rdf.bind("prov", PROV)
    ns = Namespace(base)
    rdf.bind("id", ns)
    iris = {}
    mentions: dict[URIRef, list] = {}

    def cite(subject: URIRef, ev) -> None:
        iri = _mention_iri(base, ev)
        rdf.add((subject, PROV.wasDerivedFrom, iri))
        mentions.setdefault(iri, []).append(ev)

    for node, data in graph.nodes(data=True):
        iri = iris[node] = entity_iri(base, data["label"], data["name"])
        rdf.add((iri, RDF.type, KG[data["label"]]))
        rdf.add((iri, KG.name, Literal(data["name"])))
        rdf.add((iri, RDFS.label, Literal(data["name"], lang="zh")))
        for alias in data.get("aliases", ()):
            rdf.add((iri, KG.alias, Literal(alias)))
        rdf.add((iri, KG.confidence, _decimal(data.get("confidence", 0.0))))
        for ev in data.get("evidence", ()):
            cite(iri, ev)

    for head, tail, label, data in graph.edges(keys=True, data=True):
        h, t, p = iris[head], iris[tail], KG[label]
        rdf.add((h, p, t))
        st = statement_iri(base, h, label, t)
        rdf.add((st, RDF.type, KG.Statement))
        rdf.add((st, KG.subject, h))
        rdf.add((st, KG.predicate, p))
        rdf.add((st, KG.object, t))
        rdf.add((st, KG.confidence, _decimal(data.get("confidence", 0.0))))
        if data.get("role"):
            rdf.add((st, KG.role, Literal(data["role"])))
        for ev in data.get("evidence", ()):
            cite(st, ev)

    docs, extractors = set(), set()
    for iri, evs in mentions.items():
        ev = evs[0]
        doc_iri = URIRef(f"{base}doc/{quote(ev.doc_id, safe='')}")
        ext_iri = URIRef(f"{base}extractor/{quote(ev.extractor, safe='')}")
        docs.add((doc_iri, ev.doc_id))
        extractors.add((ext_iri, ev.extractor))
        rdf.add((iri, RDF.type, KG.Mention))
        rdf.add((iri, KG.inDocument, doc_iri))
        rdf.add((iri, KG.startOffset, Literal(ev.source_start, datatype=XSD.integer)))
        rdf.add((iri, KG.endOffset, Literal(ev.source_end, datatype=XSD.integer)))
        rdf.add((iri, KG.mentionText, Literal(ev.text)))
        rdf.add((iri, PROV.wasAttributedTo, ext_iri))
        rdf.add((iri, KG.confidence, _decimal(max(e.confidence for e in evs))))
        sentence = min((e.sentence for e in evs if e.sentence), default=None)
        if sentence:
            rdf.add((iri, KG.sentence, Literal(sentence)))
    for iri, doc_id in sorted(docs):  # sorted: rdflib keeps insertion order, and the JSON-LD follows it
        rdf.add((iri, RDF.type, KG.Document))
        rdf.add((iri, KG.documentId, Literal(doc_id)))
    for iri, name in sorted(extractors):
        rdf.add((iri, RDF.type, KG.Extractor))
        rdf.add((iri, RDFS.label, Literal(name)))
    return rdf


def statement_iri(base: str, head: URIRef, relation: str, tail: URIRef) -> URIRef:
    """Stable IRI of the statement node of ``head —relation→ tail``: a digest of the three.

    >>> statement_iri("https://x.org/id/", URIRef("https://x.org/id/a"), "leads", URIRef("https://x.org/id/b"))
    rdflib.term.URIRef('https://x.org/id/statement/6bed80be0b01e533')
    """
    digest = hashlib.sha1(f"{head}|{relation}|{tail}".encode()).hexdigest()[:16]
    return URIRef(f"{base}statement/{digest}")


_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_BARE = {XSD.integer: re.compile(r"[+-]?[0-9]+\Z"), XSD.decimal: re.compile(r"[+-]?[0-9]*\.[0-9]+\Z")}


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
    prefixes = sorted((str(ns), p) for p, ns in rdf.namespaces() if p and str(ns).endswith(("#", "/")))
    used: dict[str, str] = {}
    written: dict = {}  # term → its Turtle text (performance: most terms recur)

    def term(t) -> str:
        text = written.get(t)
        if text is None:
            text = written[t] = _term(t)
        return text

    def _term(t) -> str:
        if isinstance(t, URIRef):
            if t == RDF.type:
                return "a"
            for ns, p in prefixes:
                if str(t).startswith(ns) and _PN_LOCAL.match(t[len(ns):]):
                    used[p] = ns
                    return f"{p}:{t[len(ns):]}"
            return t.n3()
        if isinstance(t, Literal) and t.datatype in _BARE and _BARE[t.datatype].match(str(t)):
            return str(t)
        if isinstance(t, Literal) and t.datatype is not None:
            dt = term(t.datatype)
            return Literal(str(t)).n3() + "^^" + (dt if dt != "a" else RDF.type.n3())
        return t.n3()

    by_subject: dict = {}  # one pass over the store instead of a look-up per subject and predicate
    for s, p, o in rdf:
        by_subject.setdefault(s, {}).setdefault(p, []).append(o)
    blocks = []
    for s in sorted(by_subject, key=lambda x: (isinstance(x, URIRef), str(x))):
        lines = []
        preds = sorted(by_subject[s], key=lambda p: (p != RDF.type, str(p)))
        for p in preds:
            objs = sorted(term(o) for o in by_subject[s][p])
            lines.append(f"{term(p)} " + " ,\n        ".join(objs))
        blocks.append(f"{term(s)} " + " ;\n    ".join(lines) + " .\n")
    head = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(used.items()))
    return head + "\n" + "\n".join(blocks)


def jsonld(rdf: Graph) -> str:
    """Compact JSON-LD of ``rdf`` with :data:`JSONLD_CONTEXT`, nodes and values sorted (reproducible).

    rdflib lists nodes in set order, which changes with the hash seed; JSON-LD arrays
    (other than ``@list``) are unordered, so sorting them changes nothing but the bytes.
    """
    doc = json.loads(rdf.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))

    def tidy(value, key=None):
        if isinstance(value, dict):
            return {k: tidy(v, k) for k, v in value.items()}
        if isinstance(value, list):
            items = [tidy(v) for v in value]
            return items if key == "@list" else sorted(items, key=lambda v: json.dumps(v, sort_keys=True,
                                                                                      ensure_ascii=False))
        return value

    return json.dumps(tidy(doc), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_rdf(rdf: Graph, outdir: Path) -> list[Path]:
    """Write ``graph.ttl``, ``graph.nt`` (sorted lines) and ``graph.jsonld`` into ``outdir`` atomically."""
    written = []
    for filename, fmt in FORMATS.items():
        path = Path(outdir) / filename
        with atomic_path(path) as tmp:
            if fmt == "nt":
                lines = rdf.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
                tmp.write_text("\n".join(sorted(set(filter(None, lines)))) + "\n", encoding="utf-8")
            elif fmt == "json-ld":
                tmp.write_text(jsonld(rdf), encoding="utf-8")
            else:
                tmp.write_text(turtle(rdf), encoding="utf-8")
        written.append(path)
    return written
