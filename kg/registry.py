"""Extractors found by name; modules are imported only when an extractor is used.

>>> "provinces" in available()
True
>>> get("provinces").name
'provinces'
"""
from __future__ import annotations

import importlib
from importlib.metadata import entry_points

from kg.errors import ExtractorError

__all__ = ["register", "get", "available", "DEFAULT_PIPELINE"]

_REGISTRY: dict[str, tuple[str, str]] = {}


def register(name: str, module: str, class_name: str) -> None:
    """Register extractor ``name`` as ``module.class_name``; a second registration of a name fails."""
    if name in _REGISTRY and _REGISTRY[name] != (module, class_name):
        raise ExtractorError(f"extractor {name!r} is registered twice ({_REGISTRY[name][0]} and {module})")
    _REGISTRY[name] = (module, class_name)


def _load_entry_points() -> None:
    for ep in entry_points(group="kg.extractors"):
        module, _, cls = ep.value.partition(":")
        register(ep.name, module, cls)


def available() -> list[str]:
    """Names of all registered extractors."""
    return sorted(_REGISTRY)


def get(name: str, **settings):
    """Instantiate the extractor registered as ``name`` with ``settings``."""
    try:
        module, class_name = _REGISTRY[name]
    except KeyError:
        raise ExtractorError(f"unknown extractor {name!r}; choose from: {', '.join(available())}") from None
    cls = getattr(importlib.import_module(module), class_name)
    return cls(**settings)


# Built-in extractors, in the order the default pipeline runs them: mention extractors (the model after the
# rules), then relation extractors.  Registering one here puts it in DEFAULT_PIPELINE.
register("provinces", "extractors.provinces", "ProvinceExtractor")
register("unicom_units", "extractors.unicom_units", "UnicomUnitExtractor")
register("organizations", "extractors.organizations", "OrganizationExtractor")
register("policies", "extractors.policies", "PolicyExtractor")
register("people", "extractors.people", "PersonExtractor")
register("products", "extractors.products", "ProductExtractor")
register("projects", "extractors.projects", "ProjectExtractor")
register("abbreviations", "extractors.abbreviations", "AbbreviationExtractor")
register("ner", "extractors.ner", "NerExtractor")
register("name_relations", "extractors.name_relations", "NameRelationExtractor")
register("sentence_relations", "extractors.sentence_relations", "SentenceRelationExtractor")
DEFAULT_PIPELINE = list(_REGISTRY)
# Extractors of other packages run only when named (--extractors).
_load_entry_points()
