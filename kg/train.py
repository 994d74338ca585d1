"""Train the statistical NER pipeline (``models/kg_ner``) from the corpus, reproducibly.

Training data, read at train time from the corpus file (no corpus text is kept
in the repository):

- **silver**: sentences of the corpus with the rule extractors' mentions
  (outermost span wins; rule mentions under ``silver_min_conf``, and with
  ``unsure_missing`` the words before an unlabelled 平台/项目/… word, are
  marked *missing* so the model is neither taught nor punished on them),
  kept in ``training/silver.jsonl`` as corpus offsets and labels, so that
  later rule changes do not change the training data until the file is
  refreshed (``refresh_silver``);
- **annotated**: passages checked and annotated by hand by the spec, stored
  in ``training/annotations.jsonl`` as corpus offsets and labels; every
  ``holdout_every``-th passage is held out and scored, never trained on.

Character ranges of ``../shared/gold/heldout.tsv`` and of the dev passages are
never used.  Same seed, same data, same pipeline.

>>> spans = outermost([(0, 4, "Subsidiary"), (0, 2, "Province"), (5, 8, "Person")])
>>> spans
[(0, 4, 'Subsidiary'), (5, 8, 'Person')]
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg import registry
from kg.errors import InputError
from kg.merge import MODEL_EXTRACTORS

__all__ = ["TrainSettings", "excluded_ranges", "load_annotations", "held_out", "silver_sentences", "outermost",
           "save_silver", "load_silver", "make_nlp", "training_data", "TrainingData", "train", "evaluate", "MODEL_CONFIG"]

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "unicom-corpus.txt"
DEFAULT_ANNOTATIONS = REPO / "training" / "annotations.jsonl"
# Annotated passages that are never trained on, not even as silver sentences: the model's own test set.
DEFAULT_TEST_ANNOTATIONS = REPO / "training" / "test_annotations.jsonl"
DEFAULT_MODEL = REPO / "models" / "kg_ner"
# The silver sentences the shipped model was trained on, as corpus offsets and labels: rule changes after
# training do not change what `kg train` learns from until the file is refreshed (--refresh-silver).
DEFAULT_SILVER = REPO / "training" / "silver.jsonl"
# The rule extractors: the default pipeline without the model (a new extractor is registered once, in kg.registry;
# the relation extractors among these add no mention).
RULES = [name for name in registry.DEFAULT_PIPELINE if name not in MODEL_EXTRACTORS]

# The model tags each character with a BILUO tag (kg.biluo): hash embeddings of the character, a
# 4-layer CNN (window 2 → each character sees ±8 neighbours: long names need the context), a softmax
# over the tags.  A per-token tagger, not spaCy's transition-based ``ner``: on character tokens the
# latter learned where a name ends far too slowly (docs/ner.md, "Why a tagger").
MODEL_CONFIG = {
    "@architectures": "spacy.Tagger.v2",
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 96,
        "depth": 4,
        "embed_size": 6000,
        "window_size": 2,
        "maxout_pieces": 2,
        "subword_features": False,
    },
}


@dataclass
class TrainSettings:
    """What a training run uses; the defaults reproduce the shipped model (its silver sentences are stored)."""

    corpus: Path = DEFAULT_CORPUS
    annotations: Path = DEFAULT_ANNOTATIONS
    test_annotations: Path | None = DEFAULT_TEST_ANNOTATIONS
    out: Path = DEFAULT_MODEL
    silver_file: Path | None = DEFAULT_SILVER  # None: label the corpus with the current rules, keep nothing
    refresh_silver: bool = False  # label the corpus with the current rules and rewrite silver_file
    exclude_tsv: list[Path] = field(default_factory=lambda: [REPO.parent / "shared" / "gold" / "heldout.tsv"])
    exclude_jsonl: list[Path] = field(default_factory=lambda: [REPO.parent / "shared" / "gold" / "dev.jsonl"])
    seed: int = 13
    epochs: int = 12
    max_silver: int = 3000  # silver sentences sampled per run
    silver_min_conf: float = 0.0  # rule mentions below this are marked missing (0: the rules are trusted)
    annotated_repeat: int = 10  # each annotated passage is seen this many times per epoch
    holdout_every: int = 5
    batch_size: int = 8
    dropout: float = 0.2
    unsure_missing: bool = False  # mark the 10 characters before an unlabelled 平台/项目/… word as missing
    max_minutes: float = 25.0  # a safety stop; the default run ends well before it


def excluded_ranges(tsv_files: Iterable[Path] = (), jsonl_files: Iterable[Path] = ()) -> list[tuple[int, int]]:
    """Corpus character ranges that training must not touch: ``start``/``end`` rows of TSV files and
    ``offset`` + len(``text``) of JSONL passages.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "h.tsv"; _ = p.write_text("start\\tend\\n10\\t20\\n")
    >>> excluded_ranges([p])
    [(10, 20)]
    """
    out: list[tuple[int, int]] = []
    for path in tsv_files:
        for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
            if line.strip():
                s, e = line.split("\t")[:2]
                out.append((int(s), int(e)))
    for path in jsonl_files:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                off = int(row.get("offset", 0))
                out.append((off, off + len(row["text"])))
    return sorted(out)


def _overlaps_any(ranges: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in ranges)


# shares_text cuts at 。！？； only, not with kg.sentences.split_sentences (which also cuts after …, closing
# quotes and Western stops): with the finer cut one silver sentence more passes the check for repeated text,
# and the model kg train then makes scores lower (held-out 0.767 against 0.773, dev rules + model 0.878
# against 0.882).  The shipped model's silver sentences were checked with this cut.
_SENTENCE_END = re.compile(r"(?<=[。！？；])")


def shares_text(text: str, pool: str, min_chars: int = 15) -> bool:
    """Whether a sentence of ``text`` (of ``min_chars`` or more) occurs in ``pool``: the corpus repeats
    passages at other offsets, so an offset check alone lets the same words in twice.

    >>> shares_text("前言。中国联通发布了新一代算力网络白皮书。", "……中国联通发布了新一代算力网络白皮书。……")
    True
    """
    return any(len(s) >= min_chars and s in pool for s in (x.strip() for x in _SENTENCE_END.split(text)))


def held_out(annotated: Sequence[dict], every: int = 5) -> list[dict]:
    """The annotated passages ``kg train`` holds out (every ``every``-th; none for 0): never trained on,
    they pick the epoch to keep.

    >>> [r["start"] for r in held_out([{"start": n} for n in range(12)], 5)]
    [4, 9]
    """
    return list(annotated[every - 1::every]) if every else []


def outermost(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, longest first (a province inside a unit name gives way to the unit)."""
    taken: list[tuple[int, int, str]] = []
    for s, e, label in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(s < te and ts < e for ts, te, _ in taken):
            taken.append((s, e, label))
    return sorted(taken)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def _stored_name(surface: str) -> str:
    """Entity text as stored in annotation files: short names as they are, long ones (16+ characters,
    which could be a run of corpus text) as a short SHA-1.

    >>> _stored_name("联通云")
    '联通云'
    """
    if surface.startswith("sha1:") or len(surface) < 16:
        return surface
    return "sha1:" + _sha1(surface)


def load_annotations(path: Path, corpus: str, excluded: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """Annotated passages: ``{"start", "end", "entities": [[s, e, label, text], ...]}`` with corpus offsets
    of the passage and offsets into the passage; ``text`` is checked against the corpus."""
    from kg.ontology import load_ontology

    labels = load_ontology().classes
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the annotations ({err})") from None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            start, end = int(row["start"]), int(row["end"])
            entities = [(int(s), int(e), str(label), str(surface)) for s, e, label, surface in row["entities"]]
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{n}: not an annotated passage ({type(err).__name__}: {err}); expected "
                             '{"start": …, "end": …, "entities": [[start, end, label, text], …]}') from None
        row = {"start": start, "end": end, "entities": entities}
        if _overlaps_any(excluded, row["start"], row["end"]):
            raise InputError(f"{path}:{n}: passage {row['start']}-{row['end']} overlaps an excluded (gold) range")
        text = corpus[row["start"]:row["end"]]
        for s, e, label, surface in row["entities"]:
            if _stored_name(text[s:e]) != _stored_name(surface) or label not in labels:
                raise InputError(f"{path}:{n}: entity {surface!r} ({label}) does not match the corpus at {s}-{e}; "
                                 "is --corpus the right file?")
        rows.append({"start": row["start"], "end": row["end"], "text": text,
                     "entities": [(s, e, label) for s, e, label, _ in row["entities"]]})
    return rows


_UNSURE = re.compile(r"平台|APP|App|大模型|云|系统|项目|工程|计划|行动")


def silver_sentences(corpus: str, excluded: Sequence[tuple[int, int]], min_conf: float = 0.0,
                     skip: Sequence[tuple[int, int]] = (), unsure: bool = False, blocked_text: str = "") -> list[dict]:
    """Sentences of the corpus with the rule extractors' mentions: ``entities`` (outermost confident spans)
    and ``missing`` (spans of less confident rule mentions).  Sentences in or touching ``excluded``, in
    ``skip`` or repeated in ``blocked_text`` are left out."""
    from kg.documents import split_passages
    from kg.pipeline import Pipeline, parse

    pipeline = Pipeline(RULES)
    out = []
    for doc in split_passages(corpus, "corpus"):
        parsed = pipeline(parse(doc))
        mentions = [m for m in parsed.mentions if not m.implied]
        for sent in parsed.sentences:
            a, b = doc.offset + sent.start, doc.offset + sent.end
            # gold ranges need not end where our sentences do: a sentence that touches one is left out too
            if not 8 <= sent.end - sent.start <= 300 or _overlaps_any(excluded, a - 1, b + 1) \
                    or _overlaps_any(skip, a, b) or shares_text(sent.text, blocked_text):
                continue
            inside = [m for m in mentions if sent.start <= m.start and m.end <= sent.end]
            ents = outermost((m.start - sent.start, m.end - sent.start, m.label)
                             for m in inside if m.confidence >= min_conf)
            missing = [(m.start - sent.start, m.end - sent.start) for m in inside if m.confidence < min_conf]
            if unsure:  # a product/project word the rules left unlabelled: maybe a name they missed
                missing += [(max(0, m.start() - 10), m.end()) for m in _UNSURE.finditer(sent.text)]
            missing = [(s, e) for s, e, _ in outermost((s, e, "") for s, e in missing)
                       if not any(s < ee and ss < e for ss, ee, _ in ents)]
            out.append({"start": a, "end": b, "text": sent.text, "entities": ents, "missing": missing})
    return out


def save_silver(rows: Sequence[dict], path: Path) -> None:
    """Write silver sentences as ``load_silver`` reads them: corpus offsets, a SHA-1 of the sentence,
    and its entities (offsets into the sentence, label, text as in annotation files) and missing spans, if any."""
    with Path(path).open("w", encoding="utf-8") as out:
        for r in rows:
            line = {"start": r["start"], "end": r["end"], "sha1": _sha1(r["text"]),
                    "entities": [[s, e, label, _stored_name(r["text"][s:e])] for s, e, label in r["entities"]]}
            if r.get("missing"):
                line["missing"] = [list(m) for m in r["missing"]]
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def load_silver(path: Path, corpus: str, excluded: Sequence[tuple[int, int]] = ()) -> list[dict]:
    """Silver sentences written by :func:`save_silver`, checked against ``corpus``, in the file's order
    (the seed's sample depends on it).  A sentence touching an ``excluded`` range is an error."""
    from kg.ontology import load_ontology

    labels = load_ontology().classes
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the silver sentences ({err})") from None
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            start, end, sha1 = int(row["start"]), int(row["end"]), str(row["sha1"])
            entities = [(int(s), int(e), str(label), str(surface)) for s, e, label, surface in row["entities"]]
            missing = [(int(s), int(e)) for s, e in row.get("missing", [])]
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{n}: not a silver sentence ({type(err).__name__}: {err}); expected "
                             '{"start": …, "end": …, "sha1": …, "entities": [[start, end, label, text], …], '
                             'optional "missing": [[start, end], …]}') from None
        text = corpus[start:end]
        if _sha1(text) != sha1 or any(
                _stored_name(text[s:e]) != _stored_name(surface) or label not in labels
                for s, e, label, surface in entities):
            raise InputError(f"{path}:{n}: sentence {start}-{end} does not match the corpus; is --corpus the right "
                             "file? (kg train --refresh-silver labels this corpus anew)")
        if _overlaps_any(excluded, start - 1, end + 1):
            raise InputError(f"{path}:{n}: sentence {start}-{end} touches an excluded (gold) range; "
                             "run kg train --refresh-silver")
        rows.append({"start": start, "end": end, "text": text,
                     "entities": [(s, e, label) for s, e, label, _ in entities], "missing": missing})
    return rows


def make_nlp(labels: Sequence[str] | None = None):
    """A blank Chinese pipeline (character tokens): an untrained ``tagger`` over the BILUO tags of
    ``labels`` (default: the ontology's entity classes), then ``entities``, which decodes the tagger's
    scores into ``doc.ents`` (:mod:`kg.biluo`)."""
    import spacy

    from kg.biluo import tag_names
    from kg.ontology import load_ontology

    nlp = spacy.blank("zh")  # default segmenter: characters
    tagger = nlp.add_pipe("tagger", config={"model": MODEL_CONFIG})
    for tag in tag_names(labels or load_ontology().classes):
        tagger.add_label(tag)
    nlp.add_pipe("kg_entities_from_tags", name="entities")
    return nlp


def _example(nlp, row: dict):
    """A training example: the row's entities as reference ``doc.ents`` and as BILUO tags (the tagger
    learns from the tags; characters of ``missing`` ranges get no tag)."""
    from spacy.training import Example

    from kg.biluo import tags_from_spans

    ref = nlp.make_doc(row["text"])
    spans = [ref.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in row["entities"]]
    spans = [sp for sp in spans if sp is not None]
    missing = [ref.char_span(s, e, alignment_mode="expand") for s, e in row.get("missing", [])]
    missing = [m for m in missing if m is not None]
    ref.set_ents(spans, missing=missing, default="outside")
    tags = tags_from_spans(len(ref), [(sp.start, sp.end, sp.label_) for sp in spans],
                           [(m.start, m.end) for m in missing])
    for token, tag in zip(ref, tags):
        token.tag_ = tag
    return Example(nlp.make_doc(row["text"]), ref)


def evaluate(nlp, rows: Sequence[dict]) -> dict:
    """Entity P/R/F1 (exact spans; overall and per type) of ``nlp`` on annotated rows."""
    from spacy.scorer import get_ner_prf

    examples = [_example(nlp, r) for r in rows]
    with nlp.select_pipes(disable=["tagger"]):  # `entities` runs the tagger's model itself
        for eg, doc in zip(examples, nlp.pipe(eg.predicted for eg in examples)):
            eg.predicted = doc
    scores = get_ner_prf(examples)
    return {"p": scores["ents_p"], "r": scores["ents_r"], "f": scores["ents_f"],
            "per_type": scores.get("ents_per_type") or {}, "passages": len(rows)}


@dataclass
class TrainingData:
    """What one training run reads: the annotated passages it trains on, those it holds out (they pick
    the epoch), the test passages (scored only) and the silver sentences it samples."""

    annotated: list[dict]
    held_out: list[dict]
    test: list[dict]
    silver: list[dict]  # to sample from (TrainSettings.max_silver)
    excluded: int  # how many corpus ranges were left out


def training_data(st: TrainSettings, log=print, silver: list[dict] | None = None) -> TrainingData:
    """Read the corpus, the annotated and test passages and the silver sentences of ``st``, and check that
    none repeats gold text and that no test passage repeats a training one.  ``silver`` given: those
    sentences instead of the stored or freshly labelled ones."""
    try:
        corpus = Path(st.corpus).read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{st.corpus}: cannot read the corpus ({err.strerror}); pass --corpus PATH") from None
    for path in [p for p in [*st.exclude_tsv, *st.exclude_jsonl] if not Path(p).exists()]:
        log(f"warning: {path} not found: its ranges are not excluded from training")
    excluded = excluded_ranges([p for p in st.exclude_tsv if Path(p).exists()],
                               [p for p in st.exclude_jsonl if Path(p).exists()])
    annotated = load_annotations(st.annotations, corpus, excluded) if Path(st.annotations).exists() else []
    test = load_annotations(st.test_annotations, corpus, excluded) \
        if st.test_annotations and Path(st.test_annotations).exists() else []
    annotated_ranges = [(r["start"], r["end"]) for r in annotated]
    gold_text = "\x00".join(corpus[a:b] for a, b in excluded)
    annotated_text = "\x00".join(r["text"] for r in annotated)
    for path, r in [(st.annotations, r) for r in annotated] + [(st.test_annotations, r) for r in test]:
        if shares_text(r["text"], gold_text):
            raise InputError(f"{path}: passage {r['start']}-{r['end']} repeats text of an excluded (gold) range; "
                             "remove it")
    for r in test:
        if _overlaps_any(annotated_ranges, r["start"], r["end"]) or shares_text(r["text"], annotated_text):
            raise InputError(f"{st.test_annotations}: test passage {r['start']}-{r['end']} overlaps or repeats "
                             f"a training passage of {st.annotations}; remove it")
    held = held_out(annotated, st.holdout_every)
    skip = annotated_ranges + [(r["start"], r["end"]) for r in test]
    blocked_text = gold_text + "\x00" + "\x00".join(r["text"] for r in test)
    if silver is None and st.silver_file and Path(st.silver_file).exists() and not st.refresh_silver:
        stored = load_silver(st.silver_file, corpus, excluded)
        # passages annotated since the file was written are no silver data any more
        silver = [r for r in stored if not _overlaps_any(skip, r["start"], r["end"])
                  and not shares_text(r["text"], blocked_text)]
        log(f"silver sentences: {len(stored)} read from {st.silver_file}"
            + (f", {len(stored) - len(silver)} of them now in annotated or test passages" if len(silver) < len(stored)
               else ""))
    elif silver is None:
        silver = silver_sentences(corpus, excluded, st.silver_min_conf, skip=skip, unsure=st.unsure_missing,
                                  blocked_text=blocked_text)
        if st.silver_file:
            save_silver(silver, st.silver_file)
            log(f"silver sentences: {len(silver)} labelled by the rules, written to {st.silver_file}")
    return TrainingData([r for r in annotated if r not in held], held, test, silver, len(excluded))


def _sample_silver(silver: list[dict], max_silver: int, rng: random.Random) -> list[dict]:
    """Up to ``max_silver`` sentences, 85 % of them with a name where there are enough."""
    with_ents = [r for r in silver if r["entities"]]
    without = [r for r in silver if not r["entities"]]
    rng.shuffle(with_ents)
    rng.shuffle(without)
    n_with = min(len(with_ents), int(max_silver * 0.85))
    return with_ents[:n_with] + without[:max_silver - n_with]


def _fit(nlp, examples: list, optimizer, held: list[dict], st: TrainSettings, rng: random.Random, log,
         started: float) -> tuple[int, float]:
    """Train ``nlp`` for ``st.epochs`` epochs (or until ``st.max_minutes``) and keep the weights of the
    epoch that scored best on the ``held`` passages; returns that epoch and its F1."""
    from spacy.util import minibatch

    # The held-out F1 swings by ±0.1 between epochs; like spaCy's own "model-best", keep the epoch
    # that scored best on the held-out annotated passages (never dev or other gold data).
    best_f, best_epoch, best_weights = -1.0, 0, None
    for epoch in range(st.epochs):
        rng.shuffle(examples)
        losses: dict = {}
        for batch in minibatch(examples, size=st.batch_size):
            nlp.update(batch, drop=st.dropout, sgd=optimizer, losses=losses)
        report = evaluate(nlp, held) if held else {"f": 0.0}
        log(f"epoch {epoch + 1}/{st.epochs}: loss {losses.get('tagger', 0):.1f}  held-out F1 {report['f']:.3f}  "
            f"({time.perf_counter() - started:.0f} s)")
        if report["f"] > best_f or not held:
            best_f, best_epoch, best_weights = report["f"], epoch + 1, nlp.get_pipe("tagger").to_bytes()
        if time.perf_counter() - started > st.max_minutes * 60:
            log("stopping: max_minutes reached")
            break
    if best_weights is not None:
        nlp.get_pipe("tagger").from_bytes(best_weights)
        log(f"kept epoch {best_epoch} (held-out F1 {best_f:.3f}; optimistic, since the epoch was chosen on it)")
    return best_epoch, best_f


def train(settings: TrainSettings | None = None, log=print, silver: list[dict] | None = None) -> dict:
    """Train, evaluate on the held-out and the test annotated passages, save to ``settings.out``; returns the
    report (the held-out scores, and the test scores under ``"test"``)."""
    from spacy.util import fix_random_seed

    st = settings or TrainSettings()
    started = time.perf_counter()
    data = training_data(st, log, silver)
    # one generator for the sample and the epochs' shuffles: the same seed gives the same model
    rng = random.Random(st.seed)
    silver_used = _sample_silver(data.silver, st.max_silver, rng)
    log(f"data: {len(silver_used)} silver sentences (of {len(data.silver)}), {len(data.annotated)} annotated "
        f"passages x{st.annotated_repeat}, {len(data.held_out)} held out, {len(data.test)} test passages; "
        f"excluded ranges: {data.excluded}")

    fix_random_seed(st.seed)
    nlp = make_nlp()
    examples = [_example(nlp, r) for r in silver_used + data.annotated * st.annotated_repeat]
    optimizer = nlp.initialize(lambda: examples)
    best_epoch, _ = _fit(nlp, examples, optimizer, data.held_out, st, rng, log, started)
    report = evaluate(nlp, data.held_out) if data.held_out else {}
    if data.test:
        report["test"] = evaluate(nlp, data.test)
    report.update(seconds=round(time.perf_counter() - started, 1), seed=st.seed, epochs=st.epochs, kept_epoch=best_epoch,
                  silver=len(silver_used), annotated=len(data.annotated), held_out=len(data.held_out))
    nlp.meta["name"] = "kg_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "kg character-level Chinese NER (7 entity types), trained by `kg train`"
    nlp.meta["kg_training"] = report
    Path(st.out).mkdir(parents=True, exist_ok=True)
    nlp.disable_pipe("tagger")  # saved disabled: `entities` runs its model, spacy.load(...)(text).ents just works
    nlp.to_disk(st.out)
    log(f"saved {st.out} in {report['seconds']} s")
    return report
