"""Per-passage predictions in the format ``score.py`` reads, with provenance.

Each input line (``id``, ``text``) is one document, resolved on its own.

>>> from kg.records import Document
>>> row = predict(Document("p1", "广东联通推出联通云。"))
>>> sorted(e["name"] for e in row["entities"])
['中国联通', '广东', '广东联通', '联通云']
"""
from __future__ import annotations

from kg.graph import build_graph
from kg.pipeline import Pipeline, parse
from kg.records import Document, Evidence
from kg.resolve import resolve

__all__ = ["predict"]


def _provenance(evidence: list[Evidence]) -> list[dict]:
    seen, out = set(), []
    for ev in evidence:
        key = (ev.start, ev.end, ev.extractor)
        if key in seen:
            continue
        seen.add(key)
        out.append({"start": ev.start, "end": ev.end, "text": ev.text, "extractor": ev.extractor,
                    "confidence": round(ev.confidence, 3), **({"sentence": ev.sentence} if ev.sentence else {})})
    return out


def predict(doc: Document, pipeline: Pipeline | None = None) -> dict:
    """Entities and relations of one passage as a JSON-ready dict (``id``, ``entities``, ``relations``)."""
    pipeline = pipeline or Pipeline()
    entities, relations = resolve([pipeline(parse(doc))])
    graph, stats = build_graph(entities, relations)
    ents = []
    for node, d in graph.nodes(data=True):
        ents.append({"type": d["label"], "name": d["name"], "aliases": d["aliases"], "confidence": d["confidence"],
                     "mentions": _provenance(d["evidence"])})
    rels = []
    for h, t, label, d in graph.edges(keys=True, data=True):
        row = {"head": graph.nodes[h]["name"], "type": label, "tail": graph.nodes[t]["name"]}
        if d.get("role"):
            row["role"] = d["role"]
        row["confidence"] = d["confidence"]
        row["evidence"] = _provenance(d["evidence"])
        rels.append(row)
    return {"id": doc.id, "entities": ents, "relations": rels, "rejected": stats.rejected}
