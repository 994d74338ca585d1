"""Read ``kg build`` output back as a labelled property graph (the Neo4j model).

``graph.nt`` is the RDF of entities, reified statements and mentions.  A
property graph wants one node per entity and one relationship per fact, with
provenance flattened into properties.  :func:`read_outdir` does that once;
the Bolt loader (:mod:`exports.neo4j_bolt`) and the bulk-import writer
(:mod:`exports.neo4j_import`) both take its :class:`PropertyGraph`.

Naming (labels and types come from ``ontology/kg.ttl``, nothing is restated):

- every entity gets the label ``Entity`` plus its ontology class
  (``Subsidiary``, ``Person`` …); its key is ``iri``;
- every relation gets the ontology property's name in upper snake case
  (``subsidiaryOf`` → ``SUBSIDIARY_OF``), see :func:`relationship_type`.

>>> relationship_type("subsidiaryOf"), relationship_type("partnerOf")
('SUBSIDIARY_OF', 'PARTNER_OF')
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import PROV, RDF

from kg.errors import InputError
from kg.ontology import KG, Ontology, load_ontology

__all__ = ["NodeRow", "RelRow", "PropertyGraph", "relationship_type", "read_outdir", "read_triples", "parse_ntriples",
           "NT_FILE", "ENTITY_LABEL"]

NT_FILE = "graph.nt"
ENTITY_LABEL = "Entity"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def relationship_type(prop: str) -> str:
    """The Neo4j relationship type of an ontology property: camelCase → UPPER_SNAKE_CASE."""
    name = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", prop).upper()
    if not _IDENT.match(name):
        raise InputError(f"ontology property {prop!r} does not make a valid relationship type")
    return name


@dataclass(frozen=True)
class NodeRow:
    """One entity: its key, ontology class and properties (name, aliases, provenance)."""

    iri: str
    label: str
    props: dict = field(hash=False, compare=False)


@dataclass(frozen=True)
class RelRow:
    """One relation between two entity keys, with its ontology property and properties."""

    start: str
    prop: str
    end: str
    props: dict = field(hash=False, compare=False)

    @property
    def type(self) -> str:
        return relationship_type(self.prop)


@dataclass
class PropertyGraph:
    """Entities and relations of one ``kg build`` output, in a stable order."""

    nodes: list[NodeRow]
    relationships: list[RelRow]
    source: str = ""

    def labels(self) -> list[str]:
        return sorted({n.label for n in self.nodes})

    def types(self) -> list[str]:
        return sorted({r.prop for r in self.relationships})


_LINE = re.compile(r'<([^>]*)> <([^>]*)> (?:<([^>]*)>|"((?:[^"\\]|\\.)*)"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?) \.')
_ESC = re.compile(r'\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))')
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}
_RDF_TYPE = str(RDF.type)
_DERIVED, _ATTRIBUTED = str(PROV.wasDerivedFrom), str(PROV.wasAttributedTo)


def _unescape(m: re.Match) -> str:
    hex4, hex8, ch = m.groups()
    return chr(int(hex4 or hex8, 16)) if (hex4 or hex8) else _SIMPLE.get(ch, ch)


def parse_ntriples(lines, source: str = NT_FILE):
    """Yield ``(subject, predicate, object)`` strings from kg's own N-Triples lines.

    Blank lines and comments are skipped; any other line that is not a triple
    raises :class:`~kg.errors.InputError` naming the file and line.

    >>> list(parse_ntriples(['<https://x/a> <https://x/name> "广东\\\\"联通\\\\"" .']))
    [('https://x/a', 'https://x/name', '广东"联通"')]
    """
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = _LINE.fullmatch(line)
        if m is None:
            raise InputError(f"{source} line {number}: not an N-Triples statement ({line[:60]!r}); "
                             f"the file is damaged, rebuild it with `kg build`")
        s, p, iri, lit = m.groups()
        yield s, p, iri if iri is not None else _ESC.sub(_unescape, lit)


class _Index:
    """Triples by subject and predicate: ``index[s][p] -> [objects]``."""

    def __init__(self, triples):
        self.by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for s, p, o in triples:
            self.by_subject[s][p].append(o)

    def all(self, s, p) -> list[str]:
        return self.by_subject.get(s, {}).get(p, [])

    def one(self, s, p, default=None):
        values = self.all(s, p)
        return values[0] if values else default


def _evidence(idx: _Index, node: str, doc_ids: dict) -> list[dict]:
    """The mentions a node was derived from, sorted by document and offset."""
    out = []
    for m in idx.all(node, _DERIVED):
        doc = idx.one(m, str(KG.inDocument), "")
        out.append({
            "document": doc_ids.get(doc, doc),
            "start": int(idx.one(m, str(KG.startOffset), 0)),
            "end": int(idx.one(m, str(KG.endOffset), 0)),
            "sentence": idx.one(m, str(KG.sentence), ""),
            "extractor": idx.one(m, _ATTRIBUTED, "").rsplit("/", 1)[-1],
        })
    return sorted(out, key=lambda e: (e["document"], e["start"], e["end"], e["extractor"]))


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


def read_triples(triples, ontology: Ontology | None = None, source: str = "") -> PropertyGraph:
    """The property graph of kg's RDF triples: entity nodes and ontology-typed relationships.

    >>> t = [("https://x/Province/gd", _RDF_TYPE, str(KG.Province)), ("https://x/Province/gd", str(KG.name), "广东")]
    >>> pg = read_triples(t); pg.nodes[0].label, pg.nodes[0].props["name"]
    ('Province', '广东')
    """
    onto = ontology or load_ontology()
    classes = {str(KG[c]): c for c in onto.classes}
    idx = _Index(triples)
    doc_ids = {s: po[str(KG.documentId)][0] for s, po in idx.by_subject.items() if str(KG.documentId) in po}
    nodes, statements = [], {}
    for s, po in idx.by_subject.items():
        types = po.get(_RDF_TYPE, ())
        if str(KG.Statement) in types:
            statements[(idx.one(s, str(KG.subject)), idx.one(s, str(KG.predicate)), idx.one(s, str(KG.object)))] = s
        label = next((classes[t] for t in types if t in classes), None)
        if label is None:
            continue
        ev = _evidence(idx, s, doc_ids)
        nodes.append(NodeRow(s, label, {
            "iri": s,
            "name": idx.one(s, str(KG.name)) or s.rsplit("/", 1)[-1],
            "aliases": sorted(idx.all(s, str(KG.alias))),
            "type": label,
            "confidence": float(idx.one(s, str(KG.confidence), 0.0)),
            "documents": _unique(e["document"] for e in ev),
            "mentions": len(ev),
        }))
    keys = {n.iri for n in nodes}
    props = {str(KG[p]): p for p in onto.properties}
    rels = []
    for s in keys:
        for p, objects in idx.by_subject[s].items():
            if p not in props:
                continue
            for o in objects:
                if o not in keys:
                    continue
                st = statements.get((s, p, o))
                ev = _evidence(idx, st, doc_ids) if st else []
                row = {
                    "statement": st or "",
                    "confidence": float(idx.one(st, str(KG.confidence), 0.0)) if st else 0.0,
                    # parallel lists, one item per evidence mention
                    "documents": [e["document"] for e in ev],
                    "sentences": [e["sentence"] for e in ev],
                    "starts": [e["start"] for e in ev],
                    "ends": [e["end"] for e in ev],
                    "extractors": [e["extractor"] for e in ev],
                }
                role = idx.one(st, str(KG.role)) if st else None
                if role is not None:
                    row["role"] = role
                rels.append(RelRow(s, props[p], o, row))
    nodes.sort(key=lambda n: (n.label, n.iri))
    rels.sort(key=lambda r: (r.prop, r.start, r.end))
    return PropertyGraph(nodes, rels, source)


def read_outdir(outdir: str | Path, ontology: Ontology | None = None) -> PropertyGraph:
    """Parse ``OUTDIR/graph.nt`` (written by ``kg build``) into a :class:`PropertyGraph`.

    Raises :class:`~kg.errors.InputError` naming the folder or file when it is
    missing, unparsable or holds no kg entities.
    """
    outdir = Path(outdir)
    path = outdir / NT_FILE
    if not outdir.is_dir():
        raise InputError(f"{outdir}: no such folder; run `kg build INPUT -o {outdir}` first")
    if not path.is_file():
        raise InputError(f"{path}: not found; {outdir} is not a `kg build` output folder "
                         f"(run `kg build INPUT -o {outdir}`)")
    try:
        with path.open(encoding="utf-8") as fh:
            graph = read_triples(parse_ntriples(fh, str(path)), ontology, source=str(path))
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start}); rebuild it with `kg build`") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    if not graph.nodes:
        raise InputError(f"{path}: holds no kg entities; rebuild it with `kg build`")
    return graph
