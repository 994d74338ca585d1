"""The OWL ontology is complete, and the SHACL shapes agree with it."""
from __future__ import annotations

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SH, XSD

from exports.rdf import to_rdf
from kg.ontology import KG, load_ontology
from kg.validate import load_shapes
from tests.rdf_fixtures import small_graph

ONTO = load_ontology().graph
DECLARED_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
BUILTIN = {RDF.type, RDFS.label}  # RDF/RDFS vocabulary every OWL tool knows


def _declared(term) -> bool:
    return any((term, RDF.type, t) in ONTO for t in DECLARED_TYPES)


def _own_terms():
    return sorted({s for s in ONTO.subjects(RDF.type, None)
                   if isinstance(s, rdflib.URIRef) and str(s).startswith((str(KG), str(PROV)))
                   and _declared(s)})


@pytest.fixture(scope="module")
def emitted(tmp_path_factory):
    rdf = to_rdf(small_graph(str(tmp_path_factory.mktemp("o"))))
    classes = set(rdf.objects(None, RDF.type))
    props = set(rdf.predicates())
    props |= {o for o in rdf.objects(None, KG.predicate)}
    return classes, props


def test_every_emitted_class_and_property_is_declared(emitted):
    classes, props = emitted
    assert {c for c in classes if (c, RDF.type, OWL.Class) not in ONTO} == set()
    undeclared = {p for p in props - BUILTIN
                  if (p, RDF.type, OWL.ObjectProperty) not in ONTO and (p, RDF.type, OWL.DatatypeProperty) not in ONTO}
    assert undeclared == set()


def test_the_emitted_graph_uses_all_relations_of_the_ontology(emitted):
    """The fixture text exercises every relation, so the check above is not vacuous."""
    _, props = emitted
    assert {KG[name] for name in load_ontology().properties} <= props


@pytest.mark.parametrize("term", _own_terms(), ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_every_term_has_zh_and_en_labels_and_a_comment(term):
    langs = {getattr(o, "language", None) for o in ONTO.objects(term, RDFS.label)}
    assert {"zh", "en"} <= langs
    assert ONTO.value(term, RDFS.comment) is not None


@pytest.mark.parametrize("prop", sorted(set(ONTO.subjects(RDF.type, OWL.ObjectProperty))))
def test_object_properties_have_a_domain(prop):
    assert ONTO.value(prop, RDFS.domain) is not None


def test_datatype_properties_have_an_xsd_range():
    for p in ONTO.subjects(RDF.type, OWL.DatatypeProperty):
        assert str(ONTO.value(p, RDFS.range)).startswith(str(XSD)), p


def test_header_is_an_owl_ontology_with_version():
    onto = rdflib.URIRef("https://kg.example.org/ontology")
    assert (onto, RDF.type, OWL.Ontology) in ONTO
    assert ONTO.value(onto, OWL.versionInfo) is not None


def _in_list(shapes, target, path):
    """The sh:in values of the property shape targeting subjects of ``target`` along ``path``."""
    for shape in shapes.subjects(SH.targetSubjectsOf, target):
        p = shapes.value(shape, SH.path)
        if p == path or (isinstance(path, tuple) and isinstance(p, rdflib.BNode)
                         and tuple(Collection(shapes, p)) == path):
            return {str(v).rsplit("#", 1)[-1] for v in Collection(shapes, shapes.value(shape, SH["in"]))}
    return None


@pytest.mark.parametrize("name", sorted(load_ontology().properties))
def test_shapes_check_the_domain_and_range_the_ontology_declares(name):
    spec = load_ontology().properties[name]
    shapes = load_shapes()
    assert _in_list(shapes, KG[name], RDF.type) == set(spec.domain)
    assert _in_list(shapes, KG[name], (KG[name], RDF.type)) == set(spec.range)


def test_shapes_list_every_relation_on_statements_and_entities():
    shapes = load_shapes()
    relations = {KG[n] for n in load_ontology().properties}
    predicate = rdflib.URIRef("https://kg.example.org/shapes#StatementPredicate")
    assert set(Collection(shapes, shapes.value(predicate, SH["in"]))) == relations
    entity = rdflib.URIRef("https://kg.example.org/shapes#EntityShape")
    assert relations <= set(Collection(shapes, shapes.value(entity, SH.ignoredProperties)))
    targets = {str(c).rsplit("#", 1)[-1] for c in shapes.objects(entity, SH.targetClass)}
    assert targets == set(load_ontology().classes)


def test_closed_shapes_allow_only_declared_properties():
    shapes = load_shapes()
    for shape in shapes.subjects(SH.closed, rdflib.Literal(True)):
        for p in Collection(shapes, shapes.value(shape, SH.ignoredProperties)):
            assert p in BUILTIN or (p, RDF.type, OWL.ObjectProperty) in ONTO \
                or (p, RDF.type, OWL.DatatypeProperty) in ONTO, (shape, p)
