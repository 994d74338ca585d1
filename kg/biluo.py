"""Entity spans as per-character BILUO tags, and back: how the statistical NER model reads and writes names.

The model (``models/kg_ner``, trained by ``kg train``) is a spaCy ``tagger``
that gives every character a probability for each tag: ``B-``/``I-``/``L-``
(begin, inside, last of a multi-character name) or ``U-`` (a one-character
name) with an entity type, or ``O``.  :func:`decode` reads the best *valid*
tag sequence out of those probabilities (a ``B-Person`` must be followed by
``I-Person`` or ``L-Person``, and so on), so a long name is not lost to one
unsure character in its middle.  A per-token tagger learns from far fewer
examples than spaCy's transition-based ``ner`` on character tokens
(docs/ner.md, "Why a tagger").

The spaCy component ``kg_entities_from_tags`` (found by ``spacy.load``
through setup.cfg's ``spacy_factories`` entry point) runs the tagger's model
and writes the decoded spans to ``doc.ents``; the tagger itself is saved
disabled, so it does not run twice.

>>> tags_from_spans(6, [(0, 4, "Subsidiary"), (5, 6, "Person")])
['B-Subsidiary', 'I-Subsidiary', 'I-Subsidiary', 'L-Subsidiary', 'O', 'U-Person']
>>> spans_from_tags(['B-Subsidiary', 'I-Subsidiary', 'I-Subsidiary', 'L-Subsidiary', 'O', 'U-Person'])
[(0, 4, 'Subsidiary'), (5, 6, 'Person')]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import tee

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

__all__ = ["OUTSIDE", "MISSING", "tag_names", "tags_from_spans", "spans_from_tags", "decode", "EntitiesFromTags",
           "make_entities_from_tags"]

OUTSIDE = "O"
MISSING = ""  # a character whose tag is unknown: spaCy's tagger neither teaches nor punishes it


def tag_names(labels: Iterable[str]) -> list[str]:
    """Every tag of ``labels``, in a fixed order (``O`` last).

    >>> tag_names(["Person"])
    ['B-Person', 'I-Person', 'L-Person', 'U-Person', 'O']
    """
    return [f"{move}-{label}" for label in sorted(labels) for move in "BILU"] + [OUTSIDE]


def tags_from_spans(length: int, spans: Iterable[tuple[int, int, str]],
                    missing: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Tags of ``length`` tokens with entity ``spans`` (token offsets, not overlapping); tokens of a
    ``missing`` range that no span covers get :data:`MISSING` (spaCy's ``offsets_to_biluo_tags`` has
    no such ranges: it marks only tokens an entity's offsets do not align with)."""
    tags = [OUTSIDE] * length
    for start, end in missing:
        tags[start:end] = [MISSING] * (end - start)
    for start, end, label in spans:
        if end - start == 1:
            tags[start] = f"U-{label}"
        else:
            tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 2) + [f"L-{label}"]
    return tags


def spans_from_tags(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The entity spans (token offsets, label) a tag sequence spells out; a broken run (``B-`` with no
    ``L-``, a label change inside) spells none.

    >>> spans_from_tags(["B-Person", "I-Person", "O", "B-Person", "L-Person", "I-Policy", "L-Policy"])
    [(3, 5, 'Person')]
    """
    out: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        move, _, tag_label = tag.partition("-")
        if move == "U":
            out.append((i, i + 1, tag_label))
            start = None
        elif move == "B":
            start, label = i, tag_label
        elif move == "I":
            if start is not None and tag_label != label:
                start = None
        elif move == "L":
            if start is not None and tag_label == label:
                out.append((start, i + 1, label))
            start = None
        else:
            start = None
    return out


@lru_cache(maxsize=8)
def _allowed(tags: tuple[str, ...]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Which tag may follow which (0 or -inf, as log-probabilities), which may start and which may end
    a sequence."""
    n = len(tags)
    follow = numpy.full((n, n), -numpy.inf)
    opens = numpy.array([t[:2] in ("B-", "I-") for t in tags])  # a name is still open after these
    for i, prev in enumerate(tags):
        for j, tag in enumerate(tags):
            if opens[i]:
                ok = tag in (f"I-{prev[2:]}", f"L-{prev[2:]}")
            else:
                ok = tag[:2] not in ("I-", "L-")
            if ok:
                follow[i, j] = 0.0
    start = numpy.where([t[:2] not in ("I-", "L-") for t in tags], 0.0, -numpy.inf)
    end = numpy.where(opens, -numpy.inf, 0.0)
    return follow, start, end


def _viterbi(log_probs: numpy.ndarray, tags: tuple[str, ...]) -> list[int]:
    follow, start, end = _allowed(tags)
    score = log_probs[0] + start
    back = numpy.zeros(log_probs.shape, dtype=int)
    for i in range(1, len(log_probs)):
        total = score[:, None] + follow  # [previous tag, tag]
        back[i] = total.argmax(axis=0)
        score = total.max(axis=0) + log_probs[i]
    best = [int((score + end).argmax())]
    for i in range(len(log_probs) - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def decode(scores: numpy.ndarray, tags: Sequence[str]) -> list[tuple[int, int, str, float]]:
    """Entity spans ``(start, end, label, confidence)`` (token offsets) from a tagger's unnormalised
    scores (tokens × tags): the most probable valid tag sequence, and for each span the lowest
    probability the model gives to one of its tags.

    >>> tags = ["B-Person", "I-Person", "L-Person", "U-Person", "O"]
    >>> scores = numpy.log(numpy.array([[.1, .1, .1, .1, .6],     # O
    ...                                 [.7, .1, .1, .05, .05],   # B
    ...                                 [.1, .3, .25, .31, .04],  # U best alone, but only I or L can follow B
    ...                                 [.1, .1, .6, .1, .1]]))   # L
    >>> decode(scores, tags)
    [(1, 4, 'Person', 0.3)]
    """
    tags = tuple(tags)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))
    probs = numpy.exp(log_probs)
    best = probs.argmax(axis=1)
    names = [tags[j] for j in best]
    spans = spans_from_tags(names)
    # the per-character best tags are the best sequence when they are valid (most sentences); else search
    if sum(e - s for s, e, _ in spans) != sum(t != OUTSIDE for t in names):
        best = numpy.array(_viterbi(log_probs, tags))
        spans = spans_from_tags([tags[j] for j in best])
    chosen = probs[numpy.arange(len(best)), best]
    return [(s, e, label, round(float(chosen[s:e].min()), 4)) for s, e, label in spans]


class EntitiesFromTags:
    """spaCy component: runs the tagger's model (``tagger``, saved disabled) and writes the decoded
    spans to ``doc.ents`` (see :func:`decode`)."""

    def __init__(self, nlp: Language, name: str, tagger: str = "tagger") -> None:
        self.nlp, self.name, self.tagger = nlp, name, tagger

    def spans(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[list[tuple[Span, float]]]:
        """For each doc, its entity spans with their confidence; the model reads ``batch_size`` docs at once."""
        tagger = self.nlp.get_pipe(self.tagger)
        for batch in minibatch(docs, size=batch_size):
            for doc, scores in zip(batch, tagger.model.predict(batch)):
                spans = decode(tagger.model.ops.to_numpy(scores), tagger.labels)  # to_numpy: scores may be on a GPU
                yield [(Span(doc, s, e, label=label), conf) for s, e, label, conf in spans]

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        docs, ours = tee(docs)  # spans() batches; tee holds at most a batch of docs
        for doc, spans in zip(ours, self.spans(docs, batch_size)):
            doc.set_ents([span for span, _ in spans], default="outside")
            yield doc


@Language.factory("kg_entities_from_tags", default_config={"tagger": "tagger"})
def make_entities_from_tags(nlp: Language, name: str, tagger: str) -> EntitiesFromTags:
    """The ``kg_entities_from_tags`` factory; setup.cfg's ``spacy_factories`` entry point imports this
    module when ``spacy.load`` meets the name, which registers it."""
    return EntitiesFromTags(nlp, name, tagger)
