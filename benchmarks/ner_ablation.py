"""Rules only, model only and both on the project's own test passages (training/test_annotations.jsonl).

The test passages are annotated by the spec and never trained on, not even as silver sentences
(``kg train`` skips them), so this is the model's own test, apart from dev gold.  ``--held-out``
scores the annotated passages ``kg train`` held out instead (they chose the epoch).  Scores are per
passage and per (type, name as written), like ``../shared/tools/score.py`` but on surface names: the
annotations hold spans, not canonical names.

    python benchmarks/ner_ablation.py --corpus ../shared/corpus/unicom-corpus.txt [--held-out]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from extractors.ner import NerExtractor
from kg.pipeline import Pipeline, merge_mentions, parse
from kg.train import (DEFAULT_ANNOTATIONS, DEFAULT_CORPUS, DEFAULT_TEST_ANNOTATIONS, RULES, TrainSettings, held_out,
                      load_annotations, outermost)


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    return p, r, 2 * p * r / max(1e-9, p + r)


def score(passages, predict) -> dict[str, Counter]:
    """Per-type tp/fp/fn of ``predict(text) -> mentions`` against the passages' annotated names."""
    per: dict[str, Counter] = {}
    for text, gold in passages:
        spans = outermost((m.start, m.end, m.label) for m in predict(text) if not m.implied)
        pred = {(label, text[s:e]) for s, e, label in spans}
        for item in pred | gold:
            per.setdefault(item[0], Counter())["tp" if item in pred and item in gold else
                                               "fp" if item in pred else "fn"] += 1
    return per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--test", type=Path, default=DEFAULT_TEST_ANNOTATIONS)
    ap.add_argument("--held-out", action="store_true",
                    help=f"score the passages of {DEFAULT_ANNOTATIONS.name} that kg train holds out instead")
    args = ap.parse_args()
    corpus = args.corpus.read_text(encoding="utf-8")
    # load_annotations checks every name against the corpus: a wrong --corpus is an error, not a score
    rows = held_out(load_annotations(DEFAULT_ANNOTATIONS, corpus), TrainSettings.holdout_every) if args.held_out \
        else load_annotations(args.test, corpus)
    passages = [(r["text"], {(label, r["text"][s:e]) for s, e, label in r["entities"]}) for r in rows]

    # "model only": every type; "both": the pipeline's defaults (people where no rule fired, confidence
    # >= 0.5, and redrawn rule names, kg.pipeline.redrawn_rule)
    rules, ner, every_type = Pipeline(RULES), NerExtractor(), NerExtractor(labels=None)

    def both(text):
        doc = rules(parse(text))
        return merge_mentions(doc.mentions + ner(doc))

    runs = {"rules only": lambda text: rules(parse(text)).mentions,
            "model only": lambda text: every_type(parse(text)),
            "rules + model": both}
    results = {name: score(passages, predict) for name, predict in runs.items()}
    labels = sorted({label for per in results.values() for label in per})
    kind = "held-out" if args.held_out else "test"
    print(f"{len(passages)} {kind} passages, {sum(len(g) for _, g in passages)} annotated names\n")
    print("| type | " + " | ".join(f"{n} P | R | F1" for n in runs) + " |")
    print("|---|" + "---|---|---|" * len(runs))
    for label in labels + ["micro"]:
        cells = []
        for per in results.values():
            c = sum(per.values(), Counter()) if label == "micro" else per.get(label, Counter())
            cells.append(" | ".join(f"{x:.3f}" for x in prf(c)))
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
