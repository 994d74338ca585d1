"""Assemble resolved entities and relations into a NetworkX MultiDiGraph typed by the ontology.

Nodes are entity ids with ``label`` (ontology class), ``name``, ``aliases``,
``evidence`` and ``confidence``; edges are keyed by the relation (ontology
property) and carry ``role``, ``evidence`` and ``confidence``.  A triple whose
head or tail type breaks the property's domain or range is not added; the
:class:`BuildStats` counts it.

>>> from kg.records import Entity, Relation
>>> ents = {"p": Entity("p", "Person", "张三"), "g": Entity("g", "Province", "广东")}
>>> g, stats = build_graph(ents, [Relation("p", "locatedIn", "g")])
>>> g.number_of_edges(), stats.rejected
(0, {'locatedIn': 1})
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.ontology import Ontology, load_ontology
from kg.records import Entity, Relation

__all__ = ["BuildStats", "build_graph"]


@dataclass
class BuildStats:
    documents: int = 0
    characters: int = 0
    entities: Counter = field(default_factory=Counter)
    relations: Counter = field(default_factory=Counter)
    rejected: dict = field(default_factory=dict)
    seconds: float = 0.0
    shapes: Any = None  # what kg.build.build's check returned (kg build: a kg.validate.Report); None: not run


def build_graph(entities: dict[str, Entity], relations: list[Relation], ontology: Ontology | None = None,
                stats: BuildStats | None = None) -> tuple[nx.MultiDiGraph, BuildStats]:
    """The typed graph of ``entities`` and ``relations``; ill-typed triples are counted, not added."""
    onto = ontology or load_ontology()
    stats = stats or BuildStats()
    g = nx.MultiDiGraph()
    for e in sorted(entities.values(), key=lambda e: e.id):
        if e.label not in onto.classes:
            continue
        g.add_node(e.id, label=e.label, name=e.name, aliases=sorted(e.aliases), evidence=e.evidence,
                   confidence=round(e.confidence, 3))
        stats.entities[e.label] += 1
    rejected: Counter = Counter()
    for r in sorted(relations, key=lambda r: (r.head, r.label, r.tail)):
        head, tail = g.nodes.get(r.head), g.nodes.get(r.tail)
        if head is None or tail is None or not onto.allows(r.label, head["label"], tail["label"]):
            rejected[r.label] += 1
            continue
        spec = onto.properties[r.label]
        if spec.symmetric and g.has_edge(r.tail, r.head, key=r.label):
            g.edges[r.tail, r.head, r.label]["evidence"].extend(r.evidence)
            continue
        g.add_edge(r.head, r.tail, key=r.label, label=r.label, role=r.role, evidence=r.evidence,
                   confidence=round(r.confidence, 3))
        stats.relations[r.label] += 1
    stats.rejected = dict(sorted(rejected.items()))
    return g, stats
