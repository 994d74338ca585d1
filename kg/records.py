"""Typed records passed between the stages of the pipeline.

text → :class:`Document` → :class:`Sentence` → :class:`Mention` /
:class:`RelationMention` → :class:`Entity` / :class:`Relation` → graph.

Every mention keeps the id of its document and its character offsets, both
inside the document (``start``/``end``) and inside the source file
(``source_start``/``source_end``), so provenance survives to the exports.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Document",
    "Sentence",
    "Mention",
    "RelationMention",
    "Evidence",
    "Entity",
    "Relation",
    "ParsedDocument",
]


@dataclass(frozen=True)
class Document:
    """A piece of input text with its place in the source file.

    >>> d = Document(id="a.txt#0", text="广东联通发布新产品。", source="a.txt", offset=0)
    >>> d.text[:4]
    '广东联通'
    """

    id: str
    text: str
    source: str = ""
    offset: int = 0  # where ``text`` starts in the source file, in characters


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document; ``start``/``end`` are offsets into the document text."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity of one ontology class.

    ``key`` is an optional identity hint from the extractor (e.g. ``unit:province:广东``
    for both 广东联通 and 中国联通广东省分公司); resolution falls back to the
    normalised surface form.  ``implied`` mentions are entities the name makes
    certain without spelling them out (联通金华市分公司 implies 浙江); their
    span is that of the name that implies them.  ``exact`` mentions are names
    whose edges are certain (a name from a list of known names, a title
    between 《》): a model may find a longer name around one, never cut into it.
    """

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    extractor: str
    confidence: float = 1.0
    key: str | None = None
    name: str | None = None  # proper name when it differs from the span text
    implied: bool = False
    exact: bool = False
    source_start: int = 0
    source_end: int = 0

    @property
    def surface(self) -> str:
        return self.name or self.text


@dataclass(frozen=True)
class RelationMention:
    """A relation stated in (or certain from) one sentence, between two mentions."""

    head: Mention
    label: str
    tail: Mention
    extractor: str
    sentence: str
    confidence: float = 1.0
    role: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: document, offsets, sentence, extractor, confidence."""

    doc_id: str
    start: int
    end: int
    source_start: int
    source_end: int
    text: str
    extractor: str
    confidence: float
    sentence: str = ""


@dataclass
class Entity:
    """One real-world entity after resolution: one node of the graph."""

    id: str
    label: str
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass
class Relation:
    """One edge of the graph between two resolved entities."""

    head: str  # entity id
    label: str
    tail: str  # entity id
    role: str | None = None
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        return max((e.confidence for e in self.evidence), default=0.0)


@dataclass
class ParsedDocument:
    """A document with what the pipeline has found in it so far.

    Extractors read ``sentences`` and earlier ``mentions`` (the pipeline runs
    mention extractors before relation extractors, like spaCy components).
    """

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def text(self) -> str:
        return self.document.text

    def mention(self, start: int, end: int, label: str, extractor: str, **kw) -> Mention:
        """Build a mention of this document at ``text[start:end]`` with source offsets filled in."""
        off = self.document.offset
        return Mention(
            doc_id=self.id,
            start=start,
            end=end,
            text=self.text[start:end],
            label=label,
            extractor=extractor,
            source_start=off + start,
            source_end=off + end,
            **kw,
        )

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence containing character ``pos`` of the document."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return s
        return None
