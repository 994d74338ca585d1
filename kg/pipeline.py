"""Run extractors over documents: mention extractors first, then relation extractors.

>>> doc = run(parse("广东联通推出联通云。"))
>>> sorted({(m.label, m.surface) for m in doc.mentions})[:3]
[('Organization', '中国联通'), ('Product', '联通云'), ('Province', '广东')]
"""
from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import extractors

from kg import registry
from kg.records import Document, Mention, ParsedDocument
from kg.sentences import split_sentences

__all__ = ["Pipeline", "parse", "run", "merge_mentions", "survives_rules", "MODEL_EXTRACTORS"]


def parse(text: str | Document, doc_id: str = "doc") -> ParsedDocument:
    """A document split into sentences, ready for extractors."""
    doc = text if isinstance(text, Document) else Document(id=doc_id, text=text)
    return ParsedDocument(doc, split_sentences(doc.id, doc.text))


# Extractors whose mentions are statistical guesses: the rules win over them (see merge_mentions).
MODEL_EXTRACTORS = frozenset({"ner"})


def survives_rules(m: Mention, rules: Sequence[Mention]) -> bool:
    """Whether a model mention survives the rule mentions (non-implied) of its document."""
    for r in rules:
        if r.start < m.end and m.start < r.end:  # they share characters
            if (m.start, m.end) == (r.start, r.end):
                return False  # same span: the rule's type wins, whatever the model says
            inside = m.start <= r.start and r.end <= m.end
            if not inside or r.label == m.label:
                return False  # model span inside or across a rule span, or redrawing a rule name's edges
    return True  # no rule there, or a longer name around rule names of other types


def merge_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Settle mentions of the same span with different types: the most confident one wins.

    Implied mentions (entities a name makes certain) are kept as they are;
    mentions of different spans, even overlapping ones, are all kept (a
    province inside a unit name counts on its own).

    Model mentions (extractors in ``MODEL_EXTRACTORS``) only fill gaps; the
    rules win on their own spans (docs/ner.md):

    - same span as a rule mention, any type → the rule mention is kept;
    - inside a rule mention, or crossing its edge → dropped;
    - around a rule mention of the same type (other edges for the same name) → dropped;
    - around rule mentions of other types only (广东联通云平台 around 广东联通) → both kept;
    - no rule mention there → kept (its extractor has applied its confidence threshold).

    >>> from kg.records import Mention as M
    >>> rule = M("d", 0, 4, "广东联通", "Subsidiary", "unicom_units")
    >>> [m.extractor for m in merge_mentions([rule, M("d", 0, 4, "广东联通", "Organization", "ner", 0.9)])]
    ['unicom_units']
    """
    rules = [m for m in mentions if not m.implied and m.extractor not in MODEL_EXTRACTORS]
    mentions = [m for m in mentions
                if m.extractor not in MODEL_EXTRACTORS or m.implied or survives_rules(m, rules)]
    best: dict[tuple[int, int], Mention] = {}
    implied: list[Mention] = []
    for m in mentions:
        if m.implied:
            implied.append(m)
            continue
        cur = best.get((m.start, m.end))
        if cur is None or m.confidence > cur.confidence:
            best[(m.start, m.end)] = m
    kept = list(best.values())
    return sorted(kept + implied, key=lambda m: (m.start, -m.end, m.implied, m.label))


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

        The fingerprint changes whenever a file of the extractor's module, of the
        shared ``extractors`` helpers and word lists, or of a model it declares
        in ``fingerprint_paths`` changes, so a forgotten version bump cannot
        serve stale cached results.
        """
        return {e.name: f"{e.version}+{_fingerprint(type(e))}" for e in self.extractors}

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
def _fingerprint(cls: type) -> str:
    """Short hash of the files an extractor class depends on."""
    package = Path(extractors.__file__).resolve().parent
    files = set(package.glob("*.py")) | set((package / "data").glob("*"))
    files.add(Path(inspect.getsourcefile(cls)).resolve())
    for extra in getattr(cls, "fingerprint_paths", ()):
        extra = Path(extra)
        files |= set(extra.rglob("*")) if extra.is_dir() else {extra}
    h = hashlib.sha1()
    for f in sorted(p for p in files if p.is_file()):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


_DEFAULT: Pipeline | None = None


def run(doc: ParsedDocument, names: Iterable[str] | None = None) -> ParsedDocument:
    """Run the named extractors (default: the whole rule pipeline) on one parsed document."""
    global _DEFAULT
    if names is None:
        _DEFAULT = _DEFAULT or Pipeline()
        return _DEFAULT(doc)
    return Pipeline(names)(doc)
