"""Read entity classes and relation domains/ranges from the OWL ontology.

The ontology file (``ontology/kg.ttl``) is the single source of truth: this
module only reads it.

>>> onto = load_ontology()
>>> onto.allows("locatedIn", "Subsidiary", "Province")
True
>>> onto.allows("locatedIn", "Person", "Province")
False
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg.errors import OntologyError

__all__ = ["ONTOLOGY_PATH", "KG", "Ontology", "PropertySpec", "load_ontology"]

from ontology import ONTOLOGY_FILE as ONTOLOGY_PATH
KG = rdflib.Namespace("https://kg.example.org/ontology#")

# Classes that describe provenance rather than things named in text.
_STRUCTURAL = {"Entity", "Statement", "Mention", "Document", "Extractor"}


@dataclass(frozen=True)
class PropertySpec:
    name: str
    domain: frozenset[str]
    range: frozenset[str]
    symmetric: bool
    labels: dict


@dataclass(frozen=True)
class Ontology:
    """The entity classes and relation properties of the ontology, by local name."""

    graph: rdflib.Graph
    classes: tuple[str, ...]
    properties: dict[str, PropertySpec]

    def allows(self, relation: str, head_type: str, tail_type: str) -> bool:
        """Whether ``head_type —relation→ tail_type`` respects the property's domain and range."""
        spec = self.properties.get(relation)
        return bool(spec) and head_type in spec.domain and tail_type in spec.range


def _class_names(g: rdflib.Graph, node) -> frozenset[str]:
    """Local names of a class expression: a named class or an owl:unionOf of named classes."""
    if isinstance(node, rdflib.URIRef):
        return frozenset({str(node).rsplit("#", 1)[-1]})
    members = g.value(node, OWL.unionOf)
    if members is None:
        raise OntologyError(f"ontology: unsupported class expression {node!r}; use a named class or owl:unionOf")
    return frozenset(str(m).rsplit("#", 1)[-1] for m in Collection(g, members))


@lru_cache(maxsize=4)
def load_ontology(path: str | Path = ONTOLOGY_PATH) -> Ontology:
    """Parse the ontology file and index its entity classes and relation properties."""
    path = Path(path)
    g = rdflib.Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError as err:
        raise OntologyError(f"{path}: ontology file not found; reinstall kg") from err
    except Exception as err:  # rdflib raises many parser exception types
        raise OntologyError(f"{path}: ontology is not valid Turtle: {err}") from err
    classes = sorted(
        str(c).rsplit("#", 1)[-1]
        for c in g.subjects(RDF.type, OWL.Class)
        if isinstance(c, rdflib.URIRef) and str(c).startswith(str(KG))
        and str(c).rsplit("#", 1)[-1] not in _STRUCTURAL
    )
    props = {}
    for p in g.subjects(RDF.type, OWL.ObjectProperty):
        name = str(p).rsplit("#", 1)[-1]
        dom, rng = g.value(p, RDFS.domain), g.value(p, RDFS.range)
        if dom is None or rng is None:
            continue
        domain, range_ = _class_names(g, dom), _class_names(g, rng)
        if not (domain | range_) <= set(classes):
            continue  # provenance structure (Statement, Mention …), not a relation between entities
        labels = {o.language: str(o) for o in g.objects(p, RDFS.label) if getattr(o, "language", None)}
        props[name] = PropertySpec(name, domain, range_, (p, RDF.type, OWL.SymmetricProperty) in g, labels)
    if not classes or not props:
        raise OntologyError(f"{path}: ontology declares no entity classes or relations")
    return Ontology(graph=g, classes=tuple(classes), properties=dict(sorted(props.items())))
