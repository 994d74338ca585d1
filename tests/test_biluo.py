"""BILUO tags ↔ entity spans, the decoder that reads a valid tag sequence out of the model's scores,
and the spaCy component that writes them to doc.ents."""
import numpy

from kg.biluo import decode, spans_from_tags, tag_names, tags_from_spans
from kg.train import _example, make_nlp

TAGS = tag_names(["Person", "Product"])


def scores_for(rows: list[dict[str, float]]) -> numpy.ndarray:
    """Log-probabilities of TAGS from one {tag: probability} dict per token (the rest share what is left)."""
    out = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(TAGS) - len(row))
        out.append([row.get(t, rest) for t in TAGS])
    return numpy.log(numpy.array(out))


def test_tags_round_trip_and_missing_ranges():
    spans = [(0, 3, "Person"), (4, 5, "Product")]
    tags = tags_from_spans(7, spans, missing=[(5, 7)])
    assert tags == ["B-Person", "I-Person", "L-Person", "O", "U-Product", "", ""]
    assert spans_from_tags(tags) == spans


def test_broken_runs_spell_no_span():
    assert spans_from_tags(["B-Person", "I-Person", "O"]) == []  # never closed
    assert spans_from_tags(["I-Person", "L-Person"]) == []  # never opened
    assert spans_from_tags(["B-Person", "L-Product"]) == []  # label changes inside
    assert spans_from_tags(["B-Person", "B-Person", "L-Person"]) == [(1, 3, "Person")]


def test_valid_best_tags_are_kept_as_they_are():
    scores = scores_for([{"O": 0.9}, {"B-Person": 0.8}, {"L-Person": 0.7}, {"U-Product": 0.6}])
    assert decode(scores, TAGS) == [(1, 3, "Person", 0.7), (3, 4, "Product", 0.6)]


def test_an_unsure_character_inside_a_long_name_does_not_break_it():
    # the middle character's best tag alone is O, but only I-Product can continue the open name
    scores = scores_for([{"B-Product": 0.9}, {"I-Product": 0.9}, {"O": 0.5, "I-Product": 0.4},
                         {"I-Product": 0.9}, {"L-Product": 0.9}, {"O": 0.9}])
    assert decode(scores, TAGS) == [(0, 5, "Product", 0.4)]


def test_a_name_that_is_never_closed_is_cut_where_the_model_is_least_sure():
    scores = scores_for([{"B-Person": 0.9}, {"I-Person": 0.6, "L-Person": 0.3}, {"O": 0.9}])
    assert decode(scores, TAGS) == [(0, 2, "Person", 0.3)]


def test_the_component_writes_doc_ents_from_the_tagger_scores():
    nlp = make_nlp(["Person", "Product"])
    nlp.initialize(lambda: [_example(nlp, {"text": "王芳说", "entities": [(0, 2, "Person")]})])
    with nlp.select_pipes(disable=["tagger"]):
        doc = nlp("李明发布了联通云。")
    assert nlp.get_pipe("tagger").labels == tuple(TAGS)
    assert len(doc) == 9 and doc.has_annotation("ENT_IOB")
    # an untrained model's spans are arbitrary, but always valid and of the two labels
    assert all(e.label_ in {"Person", "Product"} for e in doc.ents)


def test_training_examples_carry_tags_and_leave_missing_characters_untagged():
    nlp = make_nlp(["Person", "Product"])
    eg = _example(nlp, {"text": "王芳发布了新平台", "entities": [(0, 2, "Person")], "missing": [(5, 8)]})
    assert [t.tag_ for t in eg.reference] == ["B-Person", "L-Person", "O", "O", "O", "", "", ""]
    assert [(e.text, e.label_) for e in eg.reference.ents] == [("王芳", "Person")]
    assert eg.reference[6].ent_iob_ == ""  # neither a name nor outside: unknown
