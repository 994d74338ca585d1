"""Run extractors over documents: mention extractors first, then relation extractors.

>>> doc = run(parse("广东联通推出联通云。"))
>>> sorted({(m.label, m.surface) for m in doc.mentions})[:3]
[('Organization', '中国联通'), ('Product', '联通云'), ('Province', '广东')]
"""
from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import extractors

from kg import merge, registry
from kg.merge import merge_mentions
from kg.records import Document, ParsedDocument
from kg.sentences import split_sentences

__all__ = ["Pipeline", "parse", "run"]


def parse(text: str | Document, doc_id: str = "doc") -> ParsedDocument:
    """A document split into sentences, ready for extractors."""
    doc = text if isinstance(text, Document) else Document(id=doc_id, text=text)
    return ParsedDocument(doc, split_sentences(doc.id, doc.text))


class Pipeline:
    """Extractors by name, instantiated once, run in order on each document.

    >>> Pipeline(["provinces"]).names
    ['provinces']
    """

    def __init__(self, names: Iterable[str] = registry.DEFAULT_PIPELINE) -> None:
        self.extractors = [registry.get(n) for n in names]
        self.names = [e.name for e in self.extractors]

    @property
    def versions(self) -> dict[str, str]:
        """Extractor versions for cache keys: the declared version plus a fingerprint of the code and data.

        The fingerprint changes whenever a file of the ``extractors`` package or its
        word lists, the extractor's own module, this module or :mod:`kg.merge` (the
        merge policy) changes, so a forgotten version bump cannot serve stale cached results.
        (A model's weights are in the ``ner`` extractor's own version.)
        """
        return {e.name: f"{e.version}+{_code_fingerprint(type(e))}" for e in self.extractors}

    def __call__(self, doc: ParsedDocument) -> ParsedDocument:
        for ex in self.extractors:
            if ex.kind == "mentions":
                doc.mentions.extend(ex(doc))
        doc.mentions = merge_mentions(doc.mentions)
        for ex in self.extractors:
            if ex.kind == "relations":
                doc.relations.extend(ex(doc))
        return doc

    def pipe(self, documents: Iterable[Document]) -> Iterator[ParsedDocument]:
        for d in documents:
            yield self(parse(d))


@lru_cache(maxsize=None)
def _code_fingerprint(cls: type) -> str:
    """Short hash of every file of the ``extractors`` package and its word lists (extractors share
    helpers, so no finer split is safe), of the class's own module, of this module and of :mod:`kg.merge`
    (the merge policy decides which of its mentions are kept)."""
    package = Path(extractors.__file__).resolve().parent
    files = set(package.glob("*.py")) | set((package / "data").glob("*"))
    files |= {Path(inspect.getsourcefile(cls)).resolve(), Path(__file__).resolve(), Path(merge.__file__).resolve()}
    h = hashlib.sha1()
    for f in sorted(p for p in files if p.is_file()):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


_DEFAULT: Pipeline | None = None


def run(doc: ParsedDocument, names: Iterable[str] | None = None) -> ParsedDocument:
    """Run the named extractors (default: :data:`kg.registry.DEFAULT_PIPELINE`, the model included) on one
    parsed document."""
    global _DEFAULT
    if names is None:
        _DEFAULT = _DEFAULT or Pipeline()
        return _DEFAULT(doc)
    return Pipeline(names)(doc)
