"""Training end to end on a tiny written dataset (a few seconds)."""
import bisect
import itertools
import json

import pytest
import spacy

from kg.train import TrainSettings, excluded_ranges, load_annotations, train
from kg.errors import InputError

TEXT = ("浙江联通总经理张伟出席了签约仪式。中国移动推出了和家亲APP。广东联通承建智慧城市项目。"
        "华为公司与中国联通签署合作协议。李明表示，联通云平台将服务政府客户。")


@pytest.fixture()
def tiny(tmp_path):
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(TEXT, encoding="utf-8")
    s = TEXT.index("李明")
    e = len(TEXT)
    ents = [[0, 2, "Person", "李明"], [TEXT.index("联通云", s) - s, TEXT.index("联通云", s) - s + 3, "Product", "联通云"]]
    ann = tmp_path / "ann.jsonl"
    ann.write_text(json.dumps({"id": "a1", "start": s, "end": e, "entities": ents}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    return tmp_path, corpus, ann


def _test_file(tmp_path, start_word="浙江联通", end_word="仪式。", entities=([0, 4, "Subsidiary", "浙江联通"],)):
    """A test passage: the text from ``start_word`` through ``end_word``."""
    s, e = TEXT.index(start_word), TEXT.index(end_word) + len(end_word)
    test = tmp_path / "test.jsonl"
    test.write_text(json.dumps({"id": "t1", "start": s, "end": e, "entities": list(entities)},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    return test


def test_training_runs_end_to_end(tiny):
    tmp, corpus, ann = tiny
    settings = TrainSettings(corpus=corpus, annotations=ann, out=tmp / "model", exclude_tsv=[], exclude_jsonl=[],
                             silver_file=None, epochs=2, max_silver=50, holdout_every=1, annotated_repeat=1,
                             test_annotations=_test_file(tmp))
    lines: list[str] = []
    report = train(settings, log=lines.append)
    assert report["held_out"] == 1 and 0.0 <= report["f"] <= 1.0
    assert report["test"]["passages"] == 1
    # of the 5 sentences, the annotated (5th) and the test passage (1st) are no silver data
    assert "silver sentences (of 3)" in lines[0] and "1 test passages" in lines[0]
    # the saved weights are those of the epoch with the best held-out F1, and the report says which
    epoch_f = [float(line.split("held-out F1 ")[1].split()[0]) for line in lines if line.startswith("epoch ")]
    assert report["kept_epoch"] == epoch_f.index(max(epoch_f)) + 1
    assert round(report["f"], 3) == max(epoch_f)
    nlp = spacy.load(tmp / "model")
    assert nlp.pipe_names == ["entities"]  # the tagger is saved disabled: `entities` runs its model
    assert {"B-Person", "L-Product", "U-Province", "O"} <= set(nlp.get_pipe("tagger").labels)
    doc = nlp("李明表示，联通云平台将服务政府客户。")
    assert all(e.label_ in {"Person", "Product", "Organization", "Subsidiary", "Province", "Project", "Policy"}
               for e in doc.ents)


def test_annotations_in_an_excluded_range_are_refused(tiny):
    tmp, corpus, ann = tiny
    tsv = tmp / "held.tsv"
    tsv.write_text("start\tend\n0\t200\n", encoding="utf-8")
    with pytest.raises(InputError, match="excluded"):
        load_annotations(ann, TEXT, excluded_ranges([tsv]))


def test_annotations_must_match_the_corpus(tiny):
    tmp, corpus, ann = tiny
    with pytest.raises(InputError, match="does not match"):
        load_annotations(ann, "另" + TEXT)


def test_a_test_passage_overlapping_a_training_passage_is_refused(tiny):
    tmp, corpus, ann = tiny
    settings = TrainSettings(corpus=corpus, annotations=ann, out=tmp / "m", exclude_tsv=[], exclude_jsonl=[],
                             silver_file=None, epochs=1, max_silver=50,
                             test_annotations=_test_file(tmp, "李明", "客户。", entities=()))
    with pytest.raises(InputError, match="overlaps or repeats a training passage"):
        train(settings, log=lambda s: None)


def test_same_seed_same_model(tiny):
    tmp, corpus, ann = tiny
    models = []
    for run in ("a", "b"):
        settings = TrainSettings(corpus=corpus, annotations=ann, out=tmp / run, exclude_tsv=[], exclude_jsonl=[],
                                 silver_file=None, epochs=2, max_silver=50, holdout_every=1, annotated_repeat=1,
                                 test_annotations=None)
        train(settings, log=lambda s: None)
        models.append((tmp / run / "tagger" / "model").read_bytes())
    assert models[0] == models[1]


@pytest.mark.parametrize("line", ['{"id": "x", "start": 5', '{"start": 0, "end": 4}',
                                  '{"start": 0, "end": 4, "entities": [[0, 2]]}'])
def test_a_broken_annotation_line_is_an_error_that_names_the_file_and_line(tmp_path, line):
    ann = tmp_path / "ann.jsonl"
    ann.write_text("\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"ann\.jsonl:2: not an annotated passage"):
        load_annotations(ann, TEXT)


def test_text_repeated_elsewhere_in_the_corpus_counts_as_the_same_passage(tmp_path):
    """The corpus repeats passages: a test passage repeating a training passage, or an annotated passage
    repeating a gold range, at another offset, is refused like an overlap."""
    repeat = "华为公司与中国联通签署合作协议。"
    corpus = tmp_path / "corpus.txt"
    corpus.write_text(TEXT + repeat, encoding="utf-8")
    first, second = TEXT.index(repeat), len(TEXT)

    def passage(name, start):
        path = tmp_path / name
        path.write_text(json.dumps({"start": start, "end": start + len(repeat), "entities": []}) + "\n",
                        encoding="utf-8")
        return path

    gold = tmp_path / "gold.tsv"
    gold.write_text(f"start\tend\n{first}\t{first + len(repeat)}\n", encoding="utf-8")
    cases = [(dict(annotations=passage("a.jsonl", second), exclude_tsv=[gold], test_annotations=None),
              "repeats text of an excluded"),
             (dict(annotations=passage("b.jsonl", first), exclude_tsv=[], test_annotations=passage("t.jsonl", second)),
              "overlaps or repeats a training passage")]
    for kwargs, message in cases:
        settings = TrainSettings(corpus=corpus, out=tmp_path / "m", exclude_jsonl=[], silver_file=None, epochs=1,
                                 **kwargs)
        with pytest.raises(InputError, match=message):
            train(settings, log=lambda s: None)


def test_silver_leaves_out_sentences_repeated_in_blocked_text():
    from kg.train import silver_sentences

    texts = [r["text"] for r in silver_sentences(TEXT, [])]
    assert "华为公司与中国联通签署合作协议。" in texts
    texts = [r["text"] for r in silver_sentences(TEXT, [], blocked_text="……华为公司与中国联通签署合作协议。……")]
    assert "华为公司与中国联通签署合作协议。" not in texts and len(texts) == 4


def test_the_annotation_files_in_the_repo_are_well_formed_and_do_not_overlap():
    """Training, test and third-round passages: valid entity spans of ontology types, unique ids, and no
    passage of one file overlapping a passage of another (a test passage must never be trained on)."""
    from kg.ontology import load_ontology
    from kg.train import DEFAULT_ANNOTATIONS, DEFAULT_TEST_ANNOTATIONS, REPO

    labels = load_ontology().classes
    files = [DEFAULT_ANNOTATIONS, DEFAULT_TEST_ANNOTATIONS, REPO / "training" / "round3_annotations.jsonl"]
    ids, ranges = set(), {}
    for path in files:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert rows, path
        for row in rows:
            assert row["id"] not in ids, row["id"]
            ids.add(row["id"])
            length = row["end"] - row["start"]
            assert 0 < length <= 400, row["id"]
            for s, e, label, text in row["entities"]:
                assert 0 <= s < e <= length and label in labels, (row["id"], text)
                assert text.startswith("sha1:") or len(text) == e - s, (row["id"], text)
        ranges[path.name] = sorted((r["start"], r["end"]) for r in rows)
    for a, b in itertools.combinations(ranges, 2):
        clashes = [(x, y) for x in ranges[a] for y in ranges[b] if x[0] < y[1] and y[0] < x[1]]
        assert not clashes, (a, b, clashes[:3])


def _settings(tmp, corpus, ann, out, **kwargs):
    kwargs = {"test_annotations": None, **kwargs}
    return TrainSettings(corpus=corpus, annotations=ann, out=tmp / out, exclude_tsv=[], exclude_jsonl=[], epochs=2,
                         max_silver=50, holdout_every=1, annotated_repeat=1, **kwargs)


def test_silver_sentences_are_kept_in_a_file_and_train_the_same_model_again(tiny, monkeypatch):
    """The first run labels the corpus with the rules and writes the file; later runs read it, so a rule
    change does not change the model until the file is refreshed."""
    import kg.train

    tmp, corpus, ann = tiny
    silver = tmp / "silver.jsonl"
    first: list[str] = []
    train(_settings(tmp, corpus, ann, "a", silver_file=silver), log=first.append)
    assert f"labelled by the rules, written to {silver}" in first[0]

    rules_before = kg.train.silver_sentences

    def rules_changed(*args, **kwargs):  # other rules: they find one sentence only
        return rules_before(*args, **kwargs)[:1]
    monkeypatch.setattr(kg.train, "silver_sentences", rules_changed)
    second: list[str] = []
    train(_settings(tmp, corpus, ann, "b", silver_file=silver), log=second.append)
    assert f"4 read from {silver}" in second[0] and "silver sentences (of 4)" in second[1]
    assert (tmp / "a" / "tagger" / "model").read_bytes() == (tmp / "b" / "tagger" / "model").read_bytes()

    refreshed: list[str] = []
    train(_settings(tmp, corpus, ann, "c", silver_file=silver, refresh_silver=True), log=refreshed.append)
    assert "1 labelled by the rules" in refreshed[0] and len(silver.read_text(encoding="utf-8").splitlines()) == 1


def test_stored_silver_sentences_inside_passages_annotated_since_are_left_out(tiny):
    from kg.train import save_silver, silver_sentences

    tmp, corpus, ann = tiny
    silver = tmp / "silver.jsonl"
    save_silver(silver_sentences(TEXT, []), silver)  # written before the 李明 passage and the test passage
    lines: list[str] = []
    train(_settings(tmp, corpus, ann, "m", silver_file=silver, test_annotations=_test_file(tmp)), log=lines.append)
    assert "5 read from" in lines[0] and "2 of them now in annotated or test passages" in lines[0]
    assert "silver sentences (of 3)" in lines[1]


def test_a_silver_file_that_does_not_fit_the_corpus_or_touches_gold_is_an_error(tmp_path):
    from kg.train import load_silver, save_silver, silver_sentences

    silver = tmp_path / "silver.jsonl"
    save_silver(silver_sentences(TEXT, []), silver)
    assert [r["text"] for r in load_silver(silver, TEXT)] == [r["text"] for r in silver_sentences(TEXT, [])]
    with pytest.raises(InputError, match=r"silver\.jsonl:1: sentence 0-17 does not match the corpus"):
        load_silver(silver, "另" + TEXT)
    with pytest.raises(InputError, match=r"silver\.jsonl:2: sentence .* touches an excluded \(gold\) range"):
        load_silver(silver, TEXT, [(20, 25)])
    silver.write_text(silver.read_text(encoding="utf-8") + '{"start": 3}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"silver\.jsonl:6: not a silver sentence"):
        load_silver(silver, TEXT)


@pytest.mark.parametrize("relations, passages", [("test_relations.jsonl", "test_annotations.jsonl"),
                                                   ("round3_relations.jsonl", "round3_annotations.jsonl")])
def test_the_relation_files_in_the_repo_join_annotated_names_as_the_ontology_allows(relations, passages):
    """Each relation of benchmarks/relation_test.py's sets joins two names of its passage (or China Unicom, which
    the passage implies), with the domain and range the ontology gives its type."""
    from kg.ontology import load_ontology
    from kg.train import REPO

    ontology = load_ontology()
    names = {}
    for line in (REPO / "training" / passages).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names[row["start"]] = [label for _, _, label, _ in row["entities"]]
    rows = [json.loads(line) for line in (REPO / "training" / relations).read_text(encoding="utf-8").splitlines()]
    assert rows and len({r["start"] for r in rows}) == len(rows)
    for row in rows:
        labels = names[row["start"]]
        for head, label, tail in row["relations"]:
            head_type, tail_type = (labels[x] if isinstance(x, int) else "Organization" for x in (head, tail))
            assert ontology.allows(label, head_type, tail_type), (row["start"], head, label, tail)


def test_the_silver_file_in_the_repo_is_well_formed_and_holds_no_annotated_passage():
    from kg.ontology import load_ontology
    from kg.train import DEFAULT_ANNOTATIONS, DEFAULT_SILVER, DEFAULT_TEST_ANNOTATIONS

    labels = load_ontology().classes
    rows = [json.loads(line) for line in DEFAULT_SILVER.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 1000 and sum(bool(r["entities"]) for r in rows) > 1000
    passages = [json.loads(line) for path in (DEFAULT_ANNOTATIONS, DEFAULT_TEST_ANNOTATIONS)
                for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    previous_end = 0
    for row in rows:
        assert previous_end <= row["start"] < row["end"] <= row["start"] + 300, row
        previous_end = row["end"]
        for s, e, label, text in row["entities"]:
            assert 0 <= s < e <= row["end"] - row["start"] and label in labels, row
            assert text.startswith("sha1:") or len(text) == e - s < 16, row
    starts = [r["start"] for r in rows]
    for p in passages:  # rows are sorted: only the rows just before a passage's end can reach into it
        i = bisect.bisect_left(starts, p["end"])
        assert not any(rows[j]["end"] > p["start"] for j in range(max(0, i - 3), i)), p["id"]


def test_an_exclusion_file_named_but_missing_is_an_error_and_a_missing_default_is_said(tiny):
    from click.testing import CliRunner

    from kg.cli import main

    tmp, corpus, ann = tiny
    result = CliRunner().invoke(main, ["train", "--corpus", str(corpus), "--annotations", str(ann),
                                       "--exclude", str(tmp / "nope.tsv"), "-o", str(tmp / "m")])
    assert result.exit_code == 1 and "nope.tsv: no such file" in result.output
    assert not (tmp / "m").exists()
    settings = TrainSettings(corpus=corpus, annotations=ann, out=tmp / "model", exclude_tsv=[tmp / "gone.tsv"],
                             exclude_jsonl=[], silver_file=None, epochs=1, max_silver=10, holdout_every=1,
                             annotated_repeat=1, test_annotations=None)
    lines: list[str] = []
    train(settings, log=lines.append)
    assert any("gone.tsv not found: its ranges are not excluded" in line for line in lines)
