"""The shipped NER pipeline: loads offline with spacy.load and tags a sentence written for this test."""
import spacy

from extractors.ner import DEFAULT_MODEL, NerExtractor
from kg.pipeline import Pipeline, parse

SENTENCE = "浙江联通总经理王海涛在杭州发布了联通云平台，中国移动也参加了会议。"


def test_shipped_pipeline_loads_offline_and_tags():
    nlp = spacy.load(DEFAULT_MODEL)
    assert nlp.pipe_names == ["ner"]
    doc = nlp(SENTENCE)
    assert len(doc) == len(SENTENCE)  # character tokens
    found = {(e.label_, e.text) for e in doc.ents}
    assert ("Organization", "中国移动") in found
    assert any(label == "Person" for label, _ in found)


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
