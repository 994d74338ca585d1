"""The shipped NER pipeline: loads offline with spacy.load and tags a sentence written for this test."""
import subprocess
import sys

import pytest
import spacy
from spacy.training import Example

from extractors.ner import DEFAULT_MODEL, NerExtractor
from kg.errors import ExtractorError
from kg.pipeline import Pipeline, parse
from kg.train import RULES

SENTENCE = "浙江联通总经理王海涛在杭州发布了联通云平台，中国移动也参加了会议。"


def test_shipped_pipeline_loads_offline_and_tags():
    nlp = spacy.load(DEFAULT_MODEL)
    assert nlp.pipe_names == ["entities"]
    doc = nlp(SENTENCE)
    assert len(doc) == len(SENTENCE)  # character tokens
    found = {(e.label_, e.text) for e in doc.ents}
    assert ("Organization", "中国移动") in found
    assert any(label == "Person" for label, _ in found)


def test_spacy_load_finds_the_component_through_the_entry_point():
    """A fresh interpreter whose code never imports kg still loads the model (setup.cfg's spacy_factories)."""
    code = (f"import spacy; nlp = spacy.load({str(DEFAULT_MODEL)!r}); "
            "print([e.label_ for e in nlp('中国移动发布公告。').ents])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Organization" in run.stdout


def test_extractor_mentions_carry_offsets_and_confidence():
    doc = parse(SENTENCE)
    ms = NerExtractor()(doc)
    assert ms
    for m in ms:
        assert m.extractor == "ner" and 0 < m.confidence <= 1
        assert SENTENCE[m.start:m.end] == m.text


def test_threshold_drops_everything_above_one():
    assert NerExtractor(threshold=1.01)(parse(SENTENCE)) == []


def test_ner_runs_in_the_default_pipeline_and_rules_win_on_their_spans():
    doc = Pipeline()(parse(SENTENCE))
    by_span = {(m.start, m.end): m for m in doc.mentions if not m.implied}
    assert by_span[(0, 4)].extractor == "unicom_units"


def test_reporting_people_only_the_model_reads_the_text_around_person_cues_and_rule_mentions():
    """A long sentence with one post title in its middle: only ±24 characters around the cue are read,
    and a sentence with no cue is not read at all, unless a rule mention (whose edges the model may
    redraw) is in it."""
    filler = "数字经济发展迅速各地纷纷布局新型基础设施建设" * 3
    text = f"{filler}副总经理赵晓东{filler}。今年全省算力规模持续增长。"
    doc = parse(text)
    pieces = NerExtractor()._pieces(doc, [])  # people only: the default
    cue = text.index("副总经理")
    assert len(pieces) == 1
    start, piece = pieces[0]
    assert start == cue - 24 and piece == text[start:cue + len("副总经理") + 24]
    at = text.index("全省")
    rule = doc.mention(at, at + 2, "Organization", "organizations")
    assert NerExtractor()._pieces(doc, [rule])[1] == (text.index("今年"), "今年全省算力规模持续增长。")
    product = doc.mention(at, at + 2, "Product", "products")  # every type: the model may redraw it too
    assert NerExtractor()._pieces(doc, [product])[1] == (text.index("今年"), "今年全省算力规模持续增长。")
    everything = NerExtractor(labels=None)._pieces(doc, [])  # all seven types: every sentence
    assert [p for _, p in everything] == [text[:text.index("。") + 1], text[text.index("。") + 1:]]


def test_windows_around_cues_and_rule_mentions_merge_whatever_their_order():
    filler = "数字经济发展迅速各地纷纷布局新型基础设施建设" * 4
    text = f"{filler}副总经理赵晓东{filler}。"
    doc = parse(text)
    cue, far = text.index("副总经理"), 10
    rules = [doc.mention(cue + 10, cue + 14, "Organization", "organizations"),  # overlaps the cue's window
             doc.mention(far, far + 4, "Policy", "policies"),  # near the start, a window of its own
             doc.mention(cue - 5, cue - 1, "Project", "projects")]  # overlaps the cue's window
    assert NerExtractor()._pieces(doc, rules) == [(0, text[:far + 28]),  # clipped to the sentence
                                                   (cue - 29, text[cue - 29:cue + 38])]


def test_the_model_adds_only_its_labels_where_no_rule_fired():
    """With the default labels (people) an organisation the model finds is not reported, though the model
    reads the sentence (a person cue is in it); with every type it is."""
    doc = Pipeline(RULES)(parse("董事长王明说，公司与天元数据签署了战略合作协议。"))
    assert "天元数据" not in {m.text for m in NerExtractor()(doc)}
    assert ("Organization", "天元数据") in {(m.label, m.text) for m in NerExtractor(labels=None)(doc)}


def test_a_model_person_must_look_like_a_name():
    from extractors.ner import _PERSON_NAME

    assert all(_PERSON_NAME.fullmatch(n) for n in ("陈明", "欧阳振华", "阿卜杜勒·阿齐兹"))
    assert not any(_PERSON_NAME.fullmatch(n) for n in ("王", "欧阳振华明白", "项目”", "李明）", "Tom"))


def test_a_model_from_an_older_kg_train_is_refused_with_a_hint(tmp_path):
    """Models shipped before the BILUO tagger had spaCy's transition-based ``ner`` component."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("ner").add_label("Person")
    doc = nlp.make_doc("王芳说")
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": [(0, 2, "Person")]})])
    nlp.to_disk(tmp_path / "old")
    with pytest.raises(ExtractorError, match="retrain it with `kg train`"):
        NerExtractor(model=tmp_path / "old")


def test_a_model_organisation_that_is_a_place_name_or_half_a_quoted_name_is_refused():
    from extractors.ner import _balanced

    ner = NerExtractor()
    assert ner._is_place("哈尔滨") and ner._is_place("金华市") and ner._is_place("广东省")
    assert not ner._is_place("紫金山实验室")
    assert _balanced("“丝路”金融汇通") and _balanced("全国一体化算力算网调度平台（1.0版）")
    assert not _balanced("云计算“工程") and not _balanced("中国）有限公司")
