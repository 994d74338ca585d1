"""Rules only, model only and both on the project's own test passages (training/test_annotations.jsonl).

The test passages are annotated by the spec and never trained on, not even as silver sentences
(``kg train`` skips them), so this is the model's own test, apart from dev gold.  ``--held-out``
scores the annotated passages ``kg train`` held out instead (they chose the epoch).  Scores are per
passage and per (type, name as written), like ``../shared/tools/score.py`` but on surface names: the
annotations hold spans, not canonical names.  A second table is merge_ceiling.py's oracle on the same
passages: how far any merge policy could go with the model (every type, confidence >= 0.05).

    python benchmarks/ner_ablation.py --corpus ../shared/corpus/unicom-corpus.txt [--held-out]
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from extractors.ner import NerExtractor
from kg.merge import merge_mentions
from kg.pipeline import Pipeline, parse
from kg.train import (DEFAULT_ANNOTATIONS, DEFAULT_CORPUS, DEFAULT_TEST_ANNOTATIONS, RULES, TrainSettings, held_out,
                      load_annotations, outermost)
from merge_ceiling import oracle_counts, oracle_report  # the script next to this one (sys.path[0])


def prf(c: Counter) -> tuple[float, float, float]:
    p = c["tp"] / max(1, c["tp"] + c["fp"])
    r = c["tp"] / max(1, c["tp"] + c["fn"])
    return p, r, 2 * p * r / max(1e-9, p + r)


def names(text: str, mentions) -> set[tuple[str, str]]:
    """(type, name as written) of the outermost non-implied mentions: what a passage is scored on."""
    spans = outermost((m.start, m.end, m.label) for m in mentions if not m.implied)
    return {(label, text[s:e]) for s, e, label in spans}


def score(gold_names: list[set], predicted_names: list[set]) -> dict[str, Counter]:
    """Per-type tp/fp/fn of each passage's predicted names against its annotated names."""
    per: dict[str, Counter] = {}
    for gold, pred in zip(gold_names, predicted_names):
        for item in pred | gold:
            per.setdefault(item[0], Counter())["tp" if item in pred and item in gold else
                                               "fp" if item in pred else "fn"] += 1
    return per


# The oracle reads every model name down to this confidence: the most a merge policy could use.
ORACLE_THRESHOLD = 0.05


def _exact_match(gold_ents: list[dict], pred_ents: list[dict]) -> dict[int, int]:
    """score.py's ``match_entities`` on names as written (each passage's names are a set)."""
    gold_index = {(e["type"], e["name"]): i for i, e in enumerate(gold_ents)}
    return {pi: gold_index[key] for pi, p in enumerate(pred_ents) if (key := (p["type"], p["name"])) in gold_index}


def oracle(gold_names: list[set], rule_names: list[set], model_names: list[set]) -> tuple[int, int, int, int]:
    """merge_ceiling.oracle_counts on per-passage name sets, every type counted."""
    def documents(name_sets):
        return {i: {"entities": [{"type": t, "name": n} for t, n in sorted(found)]} for i, found in enumerate(name_sets)}

    every_type = {t for name_sets in (gold_names, rule_names, model_names) for found in name_sets for t, _ in found}
    exact = SimpleNamespace(ENTITY_TYPES=every_type, match_entities=_exact_match)
    return oracle_counts(exact, documents(gold_names), documents(rule_names), documents(model_names))


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
    texts = [r["text"] for r in rows]
    gold = [{(label, r["text"][s:e]) for s, e, label in r["entities"]} for r in rows]

    # "model only": every type at the pipeline's threshold; "both": the pipeline's defaults (people where
    # no rule fired, confidence >= 0.5, and redrawn rule names, kg.merge.redrawn_rule)
    rules, ner, every_type = Pipeline(RULES), NerExtractor(), NerExtractor(labels=None, threshold=ORACLE_THRESHOLD)
    rule_docs = [rules(parse(text)) for text in texts]
    model_mentions = [every_type(parse(text)) for text in texts]
    runs = {"rules only": [names(t, d.mentions) for t, d in zip(texts, rule_docs)],
            "model only": [names(t, [m for m in ms if m.confidence >= ner.threshold])
                           for t, ms in zip(texts, model_mentions)],
            "rules + model": [names(t, merge_mentions(d.mentions + ner(d))) for t, d in zip(texts, rule_docs)]}
    results = {name: score(gold, predicted) for name, predicted in runs.items()}
    labels = sorted({label for per in results.values() for label in per})
    kind = "held-out" if args.held_out else "test"
    print(f"{len(texts)} {kind} passages, {sum(map(len, gold))} annotated names\n")
    print("| type | " + " | ".join(f"{n} P | R | F1" for n in runs) + " |")
    print("|---|" + "---|---|---|" * len(runs))
    for label in labels + ["micro"]:
        cells = []
        for per in results.values():
            c = sum(per.values(), Counter()) if label == "micro" else per.get(label, Counter())
            cells.append(" | ".join(f"{x:.3f}" for x in prf(c)))
        print(f"| {label} | " + " | ".join(cells) + " |")

    model_names = [names(t, ms) for t, ms in zip(texts, model_mentions)]
    print(f"\nThe oracle of merge_ceiling.py, the model read down to confidence {every_type.threshold}:\n")
    print(oracle_report(len(texts), *oracle(gold, runs["rules only"], model_names), reference="annotations"))


if __name__ == "__main__":
    main()
