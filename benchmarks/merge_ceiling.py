"""How far any merge of rule and model mentions could go on a gold file: an oracle that knows the gold.

Given the rules' output and the model's output on the same passages (``kg extract`` JSONL), the oracle
keeps every model name the gold has and the rules missed (the best gap-filling could do) and drops every
rule name the gold does not have (the best veto could do).  No merge policy can score above it, so it
says whether a target is within reach of the model at all.  Matching is score.py's own (imported from
``--score``), so the figures line up with it.

    G=../shared/gold/dev.jsonl
    kg extract $G -o /tmp/rules.jsonl --no-ner
    KG_NER_LABELS=all KG_NER_THRESHOLD=0.05 kg extract $G -o /tmp/model.jsonl \\
        --extractors ner,name_relations,sentence_relations
    python benchmarks/merge_ceiling.py --gold $G --rules /tmp/rules.jsonl --model /tmp/model.jsonl
"""
from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

DEFAULT_SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "tools" / "score.py"


def load_scorer(path: Path):
    """The scorer script at ``path`` as a module (its ``load``, ``match_entities`` and ``ENTITY_TYPES``)."""
    if not path.is_file():
        raise SystemExit(f"{path}: no such scorer; pass --score PATH")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    """Micro-F1 from counts: 2·tp / (predicted + gold)."""
    return 2 * tp / max(1, n_pred + n_gold)


def oracle_counts(scorer, gold: dict, rules: dict, model: dict) -> tuple[int, int, int, int]:
    """Gold names, names the rules find, rule names the gold does not have, and gold names the model
    finds that the rules miss; each file is ``scorer.load``'s {doc id: document}."""
    def typed(doc):
        return [e for e in (doc or {}).get("entities", []) if e.get("type") in scorer.ENTITY_TYPES]

    n_gold = rule_tp = rule_fp = model_finds = 0
    for doc_id, g in gold.items():
        gents = typed(g)
        rule_ents, model_ents = typed(rules.get(doc_id)), typed(model.get(doc_id))
        found_by_rules = set(scorer.match_entities(gents, rule_ents).values())
        found_by_model = set(scorer.match_entities(gents, model_ents).values())
        n_gold += len(gents)
        rule_tp += len(found_by_rules)
        rule_fp += len(rule_ents) - len(found_by_rules)
        model_finds += len(found_by_model - found_by_rules)
    return n_gold, rule_tp, rule_fp, model_finds


def oracle_report(n_passages: int, n_gold: int, rule_tp: int, rule_fp: int, model_finds: int,
                  reference: str = "gold") -> str:
    """The counts of :func:`oracle_counts` as a sentence and a Markdown table of the oracle merges' F1."""
    rows = [("rules alone", rule_tp, rule_tp + rule_fp),
            ("oracle gap-filling (every model name the rules missed, if right)",
             rule_tp + model_finds, rule_tp + rule_fp + model_finds),
            ("oracle veto (no wrong rule name)", rule_tp, rule_tp),
            ("oracle merge (both: the ceiling of any policy)", rule_tp + model_finds, rule_tp + model_finds)]
    lines = [f"{n_passages} passages, {n_gold} names in the {reference}; the rules find {rule_tp} of them and "
             f"{rule_fp} names not in the {reference}; of the {n_gold - rule_tp} they miss, the model finds "
             f"{model_finds}",
             "", "| merge | entity micro-F1 |", "|---|---|"]
    lines += [f"| {name} | {f1(tp, n_pred, n_gold):.3f} |" for name, tp, n_pred in rows]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--rules", type=Path, required=True, help="kg extract output of the rules alone")
    ap.add_argument("--model", type=Path, required=True, help="kg extract output of the model alone")
    ap.add_argument("--score", type=Path, default=DEFAULT_SCORE, help="the scorer whose matching to use")
    args = ap.parse_args()
    scorer = load_scorer(args.score)
    try:
        gold, rules, model = (scorer.load(p) for p in (args.gold, args.rules, args.model))
    except OSError as err:
        raise SystemExit(f"{err.filename}: cannot read ({err.strerror})") from None

    print(oracle_report(len(gold), *oracle_counts(scorer, gold, rules, model)))


if __name__ == "__main__":
    main()
