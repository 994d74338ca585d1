"""Helpers of the extractor tests: run rule extractors on a sentence written for the test."""
from kg import registry
from kg.pipeline import parse, run


def mentions(text, name):
    """(type, name as written) of the mentions extractor ``name`` finds in ``text``, implied ones left out."""
    return [(m.label, m.surface) for m in registry.get(name)(parse(text)) if not m.implied]


def unit_keys(text):
    """(name as written, identity key) of the units the unit rules find in ``text``."""
    return [(m.text, m.key) for m in run(parse(text), ["unicom_units"]).mentions if m.label == "Subsidiary"]


def relations(text):
    """(head, type, tail, role) of the relations the default pipeline finds in ``text``."""
    doc = run(parse(text))
    return {(r.head.surface, r.label, r.tail.surface, r.role) for r in doc.relations}
