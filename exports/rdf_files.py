"""Write the RDF files: Turtle, N-Triples and JSON-LD, sorted, byte for byte the same for the same graph.

:func:`write_rdf` streams an :class:`~exports.rdf.RDFExport` subject by subject in sorted order, each file
by its own writer (:func:`_stream_nt`, :func:`_stream_turtle`, :func:`_stream_jsonld`), or serialises a
small rdflib graph whole (:func:`turtle`, :func:`jsonld`): the two paths give the same bytes (tested).
Terms are written with rdflib's own escaping, blocks and lines by this module: rdflib's Turtle serialiser
spends tens of seconds on the corpus trying to make a prefix of every mention IRI, and its JSON-LD lists
nodes in hash-seed order.  JSON-LD nodes are compacted by :class:`_JsonLDNodes` for the node shapes kg
writes (rdflib compacts anything else, one subject at a time) against :data:`JSONLD_CONTEXT`
(docs/rdf.md, Serialisations).
"""
from __future__ import annotations

import io
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV
from rdflib.plugins.serializers.nt import _quoteLiteral

from exports.rdf import RDFExport
from kg.io import atomic_path
from kg.ontology import KG

__all__ = ["FORMATS", "JSONLD_CONTEXT", "write_rdf", "turtle", "jsonld"]

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
