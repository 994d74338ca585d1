"""Relations of the rules alone and of rules + model on the project's own test passages.

``training/test_relations.jsonl`` holds, for the test passages of ``training/test_annotations.jsonl``
with two names or more, the relations annotated by the spec (``../shared/spec/annotation-guidelines.md``)
between their annotated names: ``{"start": corpus offset of the passage, "relations": [[head, type,
tail], ...]}``, where head and tail are indices into the passage's annotated names, or "中国联通" for
China Unicom where the passage only implies it (公司 in its own report).  subsidiaryOf and locatedIn,
which follow from the names, are not annotated and not scored.

A relation is scored per passage on (head, type, tail) with names as written, and China Unicom under
one name however it is written (联通, 中国联通, 公司 read as the group); partnerOf in either direction.

    python benchmarks/relation_test.py --corpus ../shared/corpus/unicom-corpus.txt
    python benchmarks/relation_test.py --half odd        # the passages whose errors were never read
    python benchmarks/relation_test.py --relations training/round3_relations.jsonl \
        --annotations training/round3_annotations.jsonl --errors   # another set, with its errors
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from kg import registry
from kg.pipeline import Pipeline, parse
from kg.train import DEFAULT_CORPUS, DEFAULT_TEST_ANNOTATIONS, load_annotations
from extractors.keys import GROUP_KEY
from ner_ablation import prf, score  # the script next to this one (sys.path[0])

DEFAULT_RELATIONS = DEFAULT_TEST_ANNOTATIONS.with_name("test_relations.jsonl")
SCORED = ("worksFor", "leads", "undertakes", "provides", "issuedBy", "partnerOf")
GROUP = "中国联通"


def triple(head: str, label: str, tail: str) -> tuple[str, str, str]:
    """A relation as scored, its type first (as ner_ablation.score counts per type): partnerOf is
    symmetric, so its ends are put in order."""
    if label == "partnerOf" and tail < head:
        head, tail = tail, head
    return label, head, tail


def load_relations(path: Path) -> dict[int, list]:
    """Annotated relations by the corpus offset of their passage."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[int(row["start"])] = row["relations"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--relations", type=Path, default=DEFAULT_RELATIONS)
    ap.add_argument("--annotations", type=Path, default=DEFAULT_TEST_ANNOTATIONS,
                    help="the passages and names the relations refer to")
    ap.add_argument("--half", choices=("even", "odd"),
                    help="only every second passage, from the first (even) or the second (odd)")
    ap.add_argument("--errors", action="store_true",
                    help="also list, per passage, the relations missed (-) and the wrong ones (+) of rules + model")
    args = ap.parse_args()
    corpus = args.corpus.read_text(encoding="utf-8")
    relations = load_relations(args.relations)
    rows = [r for r in load_annotations(args.annotations, corpus) if r["start"] in relations]
    if args.half:
        rows = rows[(1 if args.half == "odd" else 0)::2]
    rules = Pipeline([n for n in registry.DEFAULT_PIPELINE if n != "ner"])
    both = Pipeline(registry.DEFAULT_PIPELINE)

    units = Pipeline(["unicom_units"])

    def group_or_surface(surface: str) -> str:
        """China Unicom under one name: a name the rules read as the group is the group."""
        doc = units(parse(surface))
        whole = [m for m in doc.mentions if m.start == 0 and m.end == len(surface) and m.key == GROUP_KEY
                 and not m.implied]
        return GROUP if whole else surface

    gold = []
    for r in rows:
        names = [group_or_surface(r["text"][s:e]) for s, e, _ in r["entities"]]
        gold.append({triple(GROUP if h == GROUP else names[h], label, GROUP if t == GROUP else names[t])
                     for h, label, t in relations[r["start"]] if label in SCORED})

    def predicted(pipeline: Pipeline, text: str) -> set:
        name = lambda m: GROUP if m.key == GROUP_KEY else m.surface  # noqa: E731
        doc = pipeline(parse(text))
        return {triple(name(r.head), r.label, name(r.tail)) for r in doc.relations if r.label in SCORED}

    print(f"{len(rows)} test passages, {sum(map(len, gold))} annotated relations\n")
    print("| relation | rules P | R | F1 | rules + model P | R | F1 |\n|---|---|---|---|---|---|---|")
    counts = [score(gold, [predicted(pipeline, r["text"]) for r in rows]) for pipeline in (rules, both)]
    for label in SCORED + ("micro",):
        cells = []
        for per in counts:
            c = sum(per.values(), Counter()) if label == "micro" else per.get(label, Counter())
            cells.append(" | ".join(f"{x:.3f}" for x in prf(c)))
        print(f"| {label} | " + " | ".join(cells) + " |")
    if args.errors:
        for r, want in zip(rows, gold):
            got = predicted(both, r["text"])
            if want != got:
                print(f"\n{r['start']}: {r['text']}")
                for sign, triples in (("-", want - got), ("+", got - want)):
                    for label, head, tail in sorted(triples):
                        print(f"  {sign} {head} {label} {tail}")


if __name__ == "__main__":
    main()
