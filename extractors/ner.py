"""Statistical NER (``ner``): the project's own spaCy pipeline (``models/kg_ner``) as an extractor.

A character-level Chinese tok2vec + tagger model trained by ``kg train`` on
the rules' confident output and on hand-annotated passages (see
``docs/ner.md``): it tags each character with a BILUO tag (:mod:`kg.biluo`).
It finds names no rule pattern anticipated, longer names around rule names
of other types, and redraws the edges of rule names where it is confident;
otherwise the pipeline's merge policy
(:func:`kg.merge.merge_mentions`) lets the rules win on their own spans.

A mention's confidence is the lowest probability the model gives to the tag
of one of its characters (in the best valid tag sequence).  Mentions below
``threshold`` are dropped, and so are one-character spans, spans of more than
40 characters, spans with sentence punctuation inside or an unclosed quote or
bracket, ``Province`` spans that name no province, ``Organization`` and
``Subsidiary`` spans that are a city or province name, and ``Person`` spans
that are not 2–4 Chinese characters (or parts joined by ·).

>>> from kg.pipeline import parse
>>> ms = NerExtractor()(parse("中国联通董事长陈忠岳出席会议。"))
>>> ("Person", "陈忠岳") in {(m.label, m.text) for m in ms}
True
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.people import TITLES
from extractors.keys import GROUP, GROUP_KEY
import kg.biluo  # noqa: F401  registers the model's kg_entities_from_tags component
from kg.errors import ExtractorError
from kg.merge import MODEL_EXTRACTORS, holds_rule_names, redrawn_rule, survives_rules
from kg.records import Mention, ParsedDocument
from kg.resolve import unmask

__all__ = ["NerExtractor", "DEFAULT_MODEL", "DEFAULT_LABELS", "load_model"]

# The shipped model lives in the repository (models/kg_ner, found from this file after `pip install -e .`);
# KG_NER_MODEL points to another one.
DEFAULT_MODEL = Path(os.environ.get("KG_NER_MODEL") or Path(__file__).resolve().parent.parent / "models" / "kg_ner")
_PUNCT_INSIDE = re.compile(r"[，。；：！？、]")
_PAIRS = ("“”", "‘’", "（）", "()", "《》", "「」", "【】", "〈〉")
_MAX_CHARS = 400  # longer sentences (flattened tables) are cut into pieces of this size
_MAX_LEN = 40  # longer model spans are runaway guesses
# A person's name is 2–4 Chinese characters, or transliterated parts joined by "·"; a model
# "person" with a bracket or quote in it (项目”) is a runaway span.
_PERSON_NAME = re.compile(r"[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]+(?:·[\u4e00-\u9fa5]+)+")
# Types the model adds where no rule fired, by default: people, the one type whose added names gain F1
# over the rules on every measure we have (our held-out and test passages, dev gold).  Its products and
# units gain on our passages but lose on dev; the other four types gain nowhere (docs/ner.md).  Mentions
# of any type that redraw a rule name's edges (kg.merge.redrawn_rule) or confidently hold rule names
# of other types (kg.merge.holds_rule_names) are reported whatever the labels.  KG_NER_LABELS overrides.
DEFAULT_LABELS: tuple[str, ...] | None = ("Person",)
# Where a sentence can hold a person: a post, a speech verb, an honorific.  When the model reports
# people only, it reads only around these and around rule mentions, which keeps it cheap.
_PERSON_CUE = re.compile(f"(?:{TITLES}|表示|指出|强调|介绍|认为|说|同志|先生|女士|通讯员|作者|主持|出席|会见)")
# Characters read on each side of a person cue or rule mention: a name sits next to its post or speech
# verb, a redrawn name next to the rule's, and the model sees ±8 characters around each character.
_CUE_WINDOW = 24


def _balanced(text: str) -> bool:
    """Whether each kind of quote and bracket in ``text`` is closed inside it, after it opens.

    >>> _balanced("“丝路”金融汇通"), _balanced("数字东盟”行动计划"), _balanced("RCEP）")
    (True, False, False)
    """
    for left, right in _PAIRS:
        depth = 0
        for ch in text:
            depth += (ch == left) - (ch == right)
            if depth < 0:
                return False
        if depth:
            return False
    return True


@lru_cache(maxsize=4)
def load_model(path: str | Path = DEFAULT_MODEL):
    """The spaCy pipeline at ``path`` (loaded once per process)."""
    import spacy

    path = Path(path)
    if not (path / "meta.json").exists():
        raise ExtractorError(f"no NER model at {path}; train it with `kg train` or leave it out with --no-ner")
    try:
        nlp = spacy.load(path)
    except (OSError, ValueError) as err:
        raise ExtractorError(f"cannot load the NER model at {path} ({err}); retrain it with `kg train`") from err
    if "entities" not in nlp.pipe_names:
        raise ExtractorError(f"the NER model at {path} has no BILUO tagger (made by an older `kg train`); retrain it "
                             "with `kg train` or leave it out with --no-ner")
    return nlp


class NerExtractor(Extractor):
    """Mentions of the seven entity types found by the trained model.

    ``labels`` limits the types it adds where no rule fired (``None``: all
    seven); mentions that redraw a rule name's edges
    (:func:`kg.merge.redrawn_rule`) or confidently hold rule names of
    other types (:func:`kg.merge.holds_rule_names`) are reported whatever
    their type.
    ``threshold`` drops mentions whose confidence is lower; ``batch_size``
    sentences go through the model at once.
    """

    name = "ner"
    version = "4"

    def __init__(self, model: str | Path = DEFAULT_MODEL, threshold: float = 0.5,
                 labels: tuple[str, ...] | None = DEFAULT_LABELS, batch_size: int = 64) -> None:
        self.nlp = load_model(str(model))
        # part of cache keys: a retrained model is a new version
        weights = Path(model) / "tagger" / "model"
        digest = hashlib.sha1(weights.read_bytes()).hexdigest()[:8] if weights.exists() else "0"
        self.version = f"{type(self).version}+{digest}"
        # the environment variables KG_NER_THRESHOLD and KG_NER_LABELS (comma-separated, or "all") override
        # these defaults for a whole run, so that experiments need no code change (docs/ner.md)
        self.threshold = float(os.environ.get("KG_NER_THRESHOLD", threshold))
        env_labels = os.environ.get("KG_NER_LABELS")
        if env_labels:
            labels = None if env_labels == "all" else tuple(x.strip() for x in env_labels.split(","))
        self.labels = set(labels) if labels else None
        self.batch_size = batch_size
        self.gaz = gazetteer.load()
        self.version += f"+t{self.threshold}+{','.join(sorted(self.labels or ['all']))}"

    def key(self, label: str, text: str) -> str | None:
        """Identity key in the rules' scheme (province:广东, org:工业和信息化部 …); None for a
        ``Province`` that is not a province name (the model's guess is wrong)."""
        if label == "Province":
            short = self.gaz.province_of(text)
            return keys.province(short) if short else None
        if label == "Organization":
            return keys.org(self.gaz.org_alias.get(text, unmask(text) or text))
        if label == "Policy":
            return keys.policy(text)
        return keys.named(label.lower(), text)

    def _pieces(self, doc: ParsedDocument, rules: list[Mention]) -> list[tuple[int, str]]:
        """(start, text) of the stretches the model reads: every sentence, or, when it reports people
        only, the ``_CUE_WINDOW`` characters around each person cue and each rule mention (whose edges
        it may redraw, or which a longer name may hold), merged, within the sentence."""
        people_only = self.labels == {"Person"}
        out = []
        for s in doc.sentences:
            if people_only:
                anchors = sorted([(s.start + c.start(), s.start + c.end()) for c in _PERSON_CUE.finditer(s.text)]
                                 + [(r.start, r.end) for r in rules if s.start <= r.start < s.end])
                spans: list[list[int]] = []
                for a, b in anchors:
                    a, b = max(s.start, a - _CUE_WINDOW), min(s.end, b + _CUE_WINDOW)
                    if spans and a <= spans[-1][1]:
                        spans[-1][1] = max(spans[-1][1], b)
                    else:
                        spans.append([a, b])
            else:
                spans = [[s.start, s.end]]
            for a, b in spans:
                for k in range(a, b, _MAX_CHARS):
                    piece = doc.text[k:min(b, k + _MAX_CHARS)]
                    if piece.strip():
                        out.append((k, piece))
        return out

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        rules = [m for m in doc.mentions if not m.implied and m.extractor not in MODEL_EXTRACTORS]
        pieces = self._pieces(doc, rules)
        starts = {s.start for s in doc.sentences}
        ends = {s.end for s in doc.sentences}
        entities = self.nlp.get_pipe("entities")  # spans and confidences: kg.biluo.decode
        docs = (self.nlp.make_doc(p) for _, p in pieces)
        out: list[Mention] = []
        for (base, piece), spans in zip(pieces, entities.spans(docs, self.batch_size)):
            for ent, confidence in spans:
                text = ent.text
                if confidence < self.threshold \
                        or text != text.strip() or not 2 <= len(text.replace("#", "")) <= _MAX_LEN \
                        or _PUNCT_INSIDE.search(text):
                    continue
                if ent.label_ == "Person" and not _PERSON_NAME.fullmatch(text):
                    continue
                # half a quoted or bracketed name (数字东盟”行动计划), or a city taken for an organisation
                if not _balanced(text) or (ent.label_ in ("Organization", "Subsidiary") and self._is_place(text)):
                    continue
                if (ent.start_char == 0 and base not in starts) or \
                        (ent.end_char == len(piece) and base + len(piece) not in ends):
                    continue  # touches a cut through the sentence: maybe half a name
                key = self.key(ent.label_, text)
                start = base + ent.start_char
                m = doc.mention(start, start + len(text), ent.label_, self.name, key=key,
                                confidence=round(confidence, 3))
                wanted = self.labels is None or ent.label_ in self.labels
                # the rest would lose to the rules anyway (kg.merge.merge_mentions)
                # a name that holds rule names survives them too, so each check runs at most once
                if key is not None and (redrawn_rule(m, rules) or (
                        survives_rules(m, rules) if wanted else holds_rule_names(m, rules))):
                    out.append(m)
                    out.extend(self.implied(doc, m))
        return out

    def _is_place(self, text: str) -> bool:
        return text.removesuffix("市") in self.gaz.city_province or self.gaz.province_of(text) is not None

    def implied(self, doc: ParsedDocument, m: Mention) -> list[Mention]:
        """What a China Unicom unit's name makes certain (spec): 中国联通, and the province it is named after."""
        if m.label != "Subsidiary":
            return []
        out = [doc.mention(m.start, m.end, "Organization", self.name, confidence=m.confidence, key=GROUP_KEY,
                           name=GROUP, implied=True)]
        name = (unmask(m.text) or m.text).removeprefix("中国联通").removeprefix("联通")
        place = next((p for p in sorted(self.gaz.provinces, key=len, reverse=True) if name.startswith(p)), None)
        place = place or next((self.gaz.city_province[c] for c in sorted(self.gaz.city_province, key=len, reverse=True)
                               if name.startswith(c)), None)
        if place:
            out.append(doc.mention(m.start, m.end, "Province", self.name, confidence=m.confidence,
                                   key=keys.province(place), name=place, implied=True))
        return out
