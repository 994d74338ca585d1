"""The one interface every extractor implements.

An extractor is a small class with a ``name``, a ``version`` (part of cache
keys), a ``kind`` and one call::

    class MyExtractor(Extractor):
        name = "my_rules"
        kind = "mentions"            # or "relations"
        def __call__(self, doc: ParsedDocument) -> Iterable[Mention]: ...

Mention extractors run first and return :class:`~kg.records.Mention`;
relation extractors run after them, read ``doc.mentions`` and return
:class:`~kg.records.RelationMention`.  A new extractor is a new file plus one
``register(...)`` line in :mod:`kg.registry`, which also puts it in the default
pipeline (or an entry point in the ``kg.extractors`` group, run when named).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from kg.records import Mention, ParsedDocument, RelationMention

__all__ = ["Extractor"]


class Extractor:
    """Base class: subclasses set ``name``, ``kind`` and implement ``__call__``."""

    name: ClassVar[str] = ""
    version: ClassVar[str] = "1"
    kind: ClassVar[str] = "mentions"  # "mentions" | "relations"

    def __call__(self, doc: ParsedDocument) -> Iterable[Mention | RelationMention]:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r} v{self.version}>"
