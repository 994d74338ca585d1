"""The oracle of benchmarks/merge_ceiling.py, with a written scorer (exact names) and written passages."""
import importlib.util
from pathlib import Path
from types import SimpleNamespace

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "merge_ceiling.py"


def _module():
    spec = importlib.util.spec_from_file_location("merge_ceiling", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _match(gold_ents, pred_ents):
    pairs, used = {}, set()
    for pi, p in enumerate(pred_ents):
        for gi, g in enumerate(gold_ents):
            if gi not in used and (g["type"], g["name"]) == (p["type"], p["name"]):
                pairs[pi] = gi
                used.add(gi)
                break
    return pairs


SCORER = SimpleNamespace(ENTITY_TYPES=["Organization", "Person", "Product"], match_entities=_match)


def _doc(*names):
    return {"entities": [{"type": t, "name": n} for t, n in names]}


def test_oracle_counts_what_the_model_adds_and_what_the_rules_get_wrong():
    gold = {"a": _doc(("Organization", "中国联通"), ("Person", "王晓明"), ("Product", "沃云")),
            "b": _doc(("Product", "联通智家"))}
    rules = {"a": _doc(("Organization", "中国联通"), ("Product", "沃云平台")),
             "b": _doc(("Product", "联通智家"), ("Location", "北京"))}  # an unscored type is ignored
    model = {"a": _doc(("Person", "王晓明"), ("Organization", "中国联通"), ("Product", "云")),
             "b": _doc()}
    n_gold, rule_tp, rule_fp, model_finds = _module().oracle_counts(SCORER, gold, rules, model)
    # the model's 中国联通 is no gain (the rules have it); its 云 is not in the gold
    assert (n_gold, rule_tp, rule_fp, model_finds) == (4, 2, 1, 1)


def test_a_passage_missing_from_the_predictions_counts_as_found_nothing():
    gold = {"a": _doc(("Person", "王晓明"))}
    assert _module().oracle_counts(SCORER, gold, {}, {}) == (1, 0, 0, 0)


def test_f1_of_the_oracle_rows():
    f1 = _module().f1
    assert f1(2, 2, 4) == 2 * 2 / 6
    assert f1(0, 0, 0) == 0.0


def test_oracle_report_names_the_counts_and_each_merge():
    report = _module().oracle_report(60, 261, 213, 14, 7)
    lines = report.splitlines()
    assert lines[0] == ("60 passages, 261 names in the gold; the rules find 213 of them and 14 names "
                        "not in the gold; of the 48 they miss, the model finds 7")
    rows = dict((cell.strip() for cell in line.strip("|").split("|")) for line in lines[4:])
    assert rows["rules alone"] == f"{2 * 213 / (213 + 14 + 261):.3f}"
    assert rows["oracle gap-filling (every model name the rules missed, if right)"] == f"{2 * 220 / (234 + 261):.3f}"
    assert rows["oracle veto (no wrong rule name)"] == f"{2 * 213 / (213 + 261):.3f}"
    assert rows["oracle merge (both: the ceiling of any policy)"] == f"{2 * 220 / (220 + 261):.3f}"


def test_the_ablation_oracle_counts_names_as_written_per_passage(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("ner_ablation", SCRIPT.parent / "ner_ablation.py")
    ablation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ablation)
    gold = [{("Person", "王晓明"), ("Product", "沃云")}, {("Organization", "中国信通院")}]
    rules = [{("Product", "沃云平台")}, {("Organization", "中国信通院"), ("Project", "东数西算")}]
    model = [{("Person", "王晓明"), ("Product", "沃云")}, {("Organization", "信通院")}]
    # a rule name of a type the annotations never use is still a wrong name
    assert ablation.oracle(gold, rules, model) == (3, 1, 2, 2)
