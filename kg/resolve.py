"""Entity resolution: one :class:`~kg.records.Entity` per real entity across all documents.

Mentions are grouped by type and identity key (extractor hint such as
``unit:province:广东``, else the normalised surface form).  The canonical name
is the fullest proper name seen (for provinces, the short form); every other
surface form is kept as an alias.

>>> from kg.pipeline import parse, run
>>> docs = [run(parse("广东联通表示。", "a")), run(parse("中国联通广东省分公司发布。", "b"))]
>>> ents, rels = resolve(docs)
>>> unit = next(e for e in ents.values() if e.label == "Subsidiary")
>>> unit.name, sorted(unit.aliases)
('中国联通广东省分公司', ['广东联通'])
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from kg.records import Entity, Evidence, Mention, ParsedDocument, Relation, RelationMention

__all__ = ["resolve", "mention_key", "unmask", "EntityResolver"]

_NORM_DROP = re.compile(r"[\s《》“”\"'‘’「」『』]")
_MASK = "###"


def unmask(text: str) -> str | None:
    """The text with the corpus's mask for 中国 read back (###联通 → 中国联通), or None if nothing is masked.

    >>> unmask("###联通茂名分公司"), unmask("茂名联通")
    ('中国联通茂名分公司', None)
    """
    return text.replace(_MASK, "中国") if _MASK in text else None


def _norm(s: str) -> str:
    return _NORM_DROP.sub("", unicodedata.normalize("NFKC", s)).lower()


def mention_key(m: Mention) -> tuple[str, str]:
    """(type, identity) of the entity a mention names."""
    return m.label, m.key or f"{m.label.lower()}:{_norm(unmask(m.surface) or m.surface)}"


def _evidence(m: Mention, sentence: str, extractor: str | None = None, confidence: float | None = None) -> Evidence:
    return Evidence(m.doc_id, m.start, m.end, m.source_start, m.source_end, m.text,
                    extractor or m.extractor, m.confidence if confidence is None else confidence, sentence)


def _canonical_score(label: str, surface: str, implied: bool) -> tuple:
    if label == "Province":
        return (not implied, -len(surface))  # short form: 广东, not 广东省
    # fullest proper name: seen in text, unmasked, longest
    return (not implied, _MASK not in surface, len(surface))


class EntityResolver:
    """Accumulates documents and resolves them; usable incrementally over a stream."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self._best: dict[tuple[str, str], tuple] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}

    def _entity_id(self, key: tuple[str, str]) -> str:
        return f"{key[0]}:{key[1].split(':', 1)[-1]}" if ":" in key[1] else f"{key[0]}:{key[1]}"

    def add_mention(self, m: Mention, sentence: str) -> str:
        key = mention_key(m)
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(id=self._entity_id(key), label=m.label, name=m.surface)
            self._best[key] = _canonical_score(m.label, m.surface, m.implied)
        score = _canonical_score(m.label, m.surface, m.implied)
        if score > self._best[key]:
            self._best[key] = score
            ent.aliases.add(ent.name)
            ent.name = m.surface
        if m.surface != ent.name:
            ent.aliases.add(m.surface)
        if not m.implied and m.text != ent.name:
            ent.aliases.add(m.text)
        ent.aliases.discard(ent.name)
        ent.evidence.append(_evidence(m, sentence))
        return ent.id

    def add_relation(self, r: RelationMention) -> None:
        head = self.entities[mention_key(r.head)].id
        tail = self.entities[mention_key(r.tail)].id
        if head == tail:
            return
        key = (head, r.label, tail)
        rel = self.relations.get(key)
        if rel is None:
            rel = self.relations[key] = Relation(head, r.label, tail, r.role)
        elif r.role and not rel.role:
            rel.role = r.role
        rel.evidence.append(_evidence(r.head, r.sentence, r.extractor, r.confidence))

    def add_document(self, doc: ParsedDocument) -> None:
        for m in doc.mentions:
            s = doc.sentence_at(m.start)
            self.add_mention(m, s.text if s else "")
        for r in doc.relations:
            for m in (r.head, r.tail):
                if mention_key(m) not in self.entities:
                    self.add_mention(m, r.sentence)
            self.add_relation(r)

    def result(self) -> tuple[dict[str, Entity], list[Relation]]:
        """Entities by id and relations.  Entities of one type that ended with the same canonical name
        are one entity (the spec: one canonical name per entity; the exports mint IRIs from it): a unit
        the rules keyed by its place and the model keyed by its name (安徽分公司) become one."""
        groups: dict[tuple[str, str], list[Entity]] = {}
        for e in self.entities.values():
            groups.setdefault((e.label, e.name), []).append(e)
        ents: dict[str, Entity] = {}
        same: dict[str, str] = {}  # merged entity id -> surviving id
        for first, *rest in groups.values():
            if rest:  # a new record: the resolver's own entities stay as they are
                first = replace(first, aliases=first.aliases.union(*(e.aliases for e in rest)),
                                evidence=first.evidence + [ev for e in rest for ev in e.evidence])
                same.update((e.id, first.id) for e in rest)
            ents[first.id] = first
        relations: dict[tuple[str, str, str], Relation] = {}
        for r in self.relations.values():
            head, tail = same.get(r.head, r.head), same.get(r.tail, r.tail)
            if head == tail:
                continue
            kept = relations.get((head, r.label, tail))
            if kept is None:
                relations[(head, r.label, tail)] = replace(r, head=head, tail=tail, evidence=list(r.evidence))
            else:
                kept.role = kept.role or r.role
                kept.evidence.extend(ev for ev in r.evidence if ev not in kept.evidence)
        return ents, list(relations.values())


def resolve(docs: Iterable[ParsedDocument]) -> tuple[dict[str, Entity], list[Relation]]:
    """Resolve the mentions and relations of ``docs`` into entities (by id) and relations."""
    r = EntityResolver()
    for d in docs:
        r.add_document(d)
    return r.result()
