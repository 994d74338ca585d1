"""The merge policy for rule and model mentions (kg.merge.merge_mentions), one test per case."""
import pytest

from kg.merge import REDRAW_CONFIDENCE, holds_rule_names, merge_mentions
from kg.pipeline import Pipeline, parse
from kg.records import Mention
from kg.train import RULES

UNSURE = REDRAW_CONFIDENCE - 0.1  # confident enough to fill a gap, not to redraw a rule's edges
SURE = REDRAW_CONFIDENCE + 0.1


def rule(start, end, label, text="x"):
    return Mention("d", start, end, text, label, "rules", 0.9)


def model(start, end, label, conf=UNSURE, text="x"):
    return Mention("d", start, end, text, label, "ner", conf)


def kinds(ms):
    return sorted((m.start, m.end, m.label, m.extractor) for m in ms)


def test_same_span_same_type_keeps_the_rule_mention_once():
    assert kinds(merge_mentions([rule(0, 4, "Product"), model(0, 4, "Product", 0.95)])) == [(0, 4, "Product", "rules")]


def test_same_span_other_type_the_rule_wins():
    assert kinds(merge_mentions([rule(0, 4, "Subsidiary"), model(0, 4, "Organization", 0.95)])) == [
        (0, 4, "Subsidiary", "rules")]


def test_model_span_inside_a_rule_span_is_dropped():
    assert kinds(merge_mentions([rule(0, 10, "Project"), model(2, 6, "Organization", SURE)])) == [
        (0, 10, "Project", "rules")]
    assert kinds(merge_mentions([rule(0, 10, "Project"), model(2, 6, "Project", UNSURE)])) == [
        (0, 10, "Project", "rules")]


def test_model_span_crossing_a_rule_edge_is_dropped():
    assert kinds(merge_mentions([rule(0, 6, "Organization"), model(4, 9, "Project", SURE)])) == [
        (0, 6, "Organization", "rules")]
    assert kinds(merge_mentions([rule(0, 6, "Organization"), model(4, 9, "Organization", UNSURE)])) == [
        (0, 6, "Organization", "rules")]


def test_model_span_around_a_rule_span_of_the_same_type_is_dropped():
    assert kinds(merge_mentions([rule(2, 6, "Policy"), model(0, 6, "Policy", UNSURE)])) == [(2, 6, "Policy", "rules")]


def test_confident_model_span_of_the_same_type_redraws_the_rule_edges():
    for edges in ((0, 8), (3, 6), (4, 9)):  # around, inside, crossing the rule's 2..6
        assert kinds(merge_mentions([rule(2, 6, "Organization"), model(*edges, "Organization", SURE)])) == [
            (*edges, "Organization", "ner")]


def test_a_rule_name_with_exact_edges_is_redrawn_only_around_it():
    # a known name (中国农业银行) or a title between 《》: the model may find a longer name around it
    # (国务院办公厅 around the known 国务院), never cut into it or across its edge
    known = Mention("d", 2, 8, "x", "Organization", "organizations", 0.95, exact=True)
    for edges in ((2, 7), (4, 10)):  # inside, crossing
        assert kinds(merge_mentions([known, model(*edges, "Organization", 0.99)])) == kinds([known])
    assert kinds(merge_mentions([known, model(2, 10, "Organization", SURE)])) == [(2, 10, "Organization", "ner")]


def test_a_rule_name_that_fills_a_pair_of_quotes_keeps_its_edges():
    quoted = rule(1, 5, "Product", "易购小店")
    around = model(0, 9, "Product", 0.99, "“易购小店”小程序")
    assert kinds(merge_mentions([quoted, around])) == kinds([quoted])
    unquoted = rule(0, 4, "Product", "易购小店")
    longer = model(0, 7, "Product", SURE, "易购小店小程序")
    assert kinds(merge_mentions([unquoted, longer])) == [(0, 7, "Product", "ner")]


def test_no_redraw_across_two_rule_mentions():
    rules = [rule(0, 4, "Organization"), rule(5, 8, "Organization")]
    assert kinds(merge_mentions(rules + [model(2, 7, "Organization", 0.99)])) == kinds(rules)


@pytest.mark.parametrize("label", ["Product", "Subsidiary", "Policy"])
def test_every_type_is_redrawn(label):
    assert kinds(merge_mentions([rule(0, 2, label), model(0, 5, label, SURE)])) == [(0, 5, label, "ner")]


def test_two_model_mentions_may_redraw_one_rule_mention_into_two_names():
    # 党中央 and 国务院 out of the rule's 中央国务院决策部
    assert kinds(merge_mentions([rule(1, 9, "Organization"), model(0, 3, "Organization", SURE),
                                 model(3, 6, "Organization", SURE)])) == [
        (0, 3, "Organization", "ner"), (3, 6, "Organization", "ner")]


def test_a_redrawn_rule_mention_takes_its_implied_mentions_along():
    name = Mention("d", 0, 6, "x", "Organization", "organizations", 0.9)
    place = Mention("d", 0, 6, "x", "Province", "organizations", 0.9, implied=True)
    other = Mention("d", 7, 9, "x", "Province", "organizations", 0.9, implied=True)
    assert kinds(merge_mentions([name, place, other, model(2, 6, "Organization", SURE)])) == [
        (2, 6, "Organization", "ner"), (7, 9, "Province", "organizations")]


def names(doc):
    return {m.text for m in doc.mentions if not m.implied}


def test_the_pipeline_redraws_with_the_shipped_model():
    # the rules take a verb into the name; the model reports people by default, yet the names it
    # redraws are kept, whatever their type
    text = "公司满足国际交易所的上市要求。"
    assert "公司满足国际交易所" in names(Pipeline(RULES)(parse(text)))
    assert names(Pipeline()(parse(text))) == {"国际交易所"}


def test_the_pipeline_adds_a_longer_name_around_a_rule_name_of_another_type_with_the_shipped_model():
    # the rules see only the place in the exchange's name; the model, reporting people by default,
    # adds the exchange around it, and the place stays
    text = "该公司于2001年在台湾联合交易所挂牌上市。"
    assert names(Pipeline(RULES)(parse(text))) == {"台湾"}
    found = {(m.label, m.text) for m in Pipeline()(parse(text)).mentions if not m.implied}
    assert found == {("Province", "台湾"), ("Organization", "台湾联合交易所")}


def test_model_span_around_rule_spans_of_other_types_keeps_both():
    # 广东联通云平台 (Product, model) around 广东联通 (Subsidiary, rule)
    assert kinds(merge_mentions([rule(0, 4, "Subsidiary"), model(0, 7, "Product")])) == [
        (0, 4, "Subsidiary", "rules"), (0, 7, "Product", "ner")]


def test_a_confident_model_span_around_rule_spans_of_other_types_is_reported_whatever_its_type():
    # 北京市人大常委会 (Organization, model) around 北京市 (Province, rule): the extractor reports it
    # though it adds only people where no rule fired, and the merge keeps both
    place = rule(0, 3, "Province")
    assert holds_rule_names(model(0, 8, "Organization", SURE), [place])
    assert not holds_rule_names(model(0, 8, "Organization", UNSURE), [place])
    assert not holds_rule_names(model(0, 8, "Province", SURE), [place])  # same type: a redraw, not a holder
    assert not holds_rule_names(model(4, 8, "Organization", SURE), [place])  # no rule name inside
    assert kinds(merge_mentions([place, model(0, 8, "Organization", SURE)])) == [
        (0, 3, "Province", "rules"), (0, 8, "Organization", "ner")]


def test_model_mention_where_no_rule_fired_is_kept():
    assert kinds(merge_mentions([rule(0, 4, "Province"), model(5, 8, "Person")])) == [
        (0, 4, "Province", "rules"), (5, 8, "Person", "ner")]


def test_implied_rule_mentions_do_not_block_model_mentions():
    implied = Mention("d", 0, 4, "x", "Organization", "unicom_units", 0.9, implied=True)
    assert kinds(merge_mentions([implied, model(0, 4, "Subsidiary")])) == [
        (0, 4, "Organization", "unicom_units"), (0, 4, "Subsidiary", "ner")]


def test_rules_among_themselves_keep_the_old_policy():
    assert kinds(merge_mentions([rule(0, 4, "Product"), Mention("d", 0, 4, "x", "Organization", "orgs", 0.95)])) == [
        (0, 4, "Organization", "orgs")]
