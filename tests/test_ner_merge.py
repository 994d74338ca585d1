"""The merge policy for rule and model mentions (kg.pipeline.merge_mentions), one test per case."""
from kg.pipeline import merge_mentions
from kg.records import Mention


def rule(start, end, label, text="x"):
    return Mention("d", start, end, text, label, "rules", 0.9)


def model(start, end, label, conf=0.8, text="x"):
    return Mention("d", start, end, text, label, "ner", conf)


def kinds(ms):
    return sorted((m.start, m.end, m.label, m.extractor) for m in ms)


def test_same_span_same_type_keeps_the_rule_mention_once():
    assert kinds(merge_mentions([rule(0, 4, "Product"), model(0, 4, "Product", 0.95)])) == [(0, 4, "Product", "rules")]


def test_same_span_other_type_the_rule_wins():
    assert kinds(merge_mentions([rule(0, 4, "Subsidiary"), model(0, 4, "Organization", 0.95)])) == [
        (0, 4, "Subsidiary", "rules")]


def test_model_span_inside_a_rule_span_is_dropped():
    assert kinds(merge_mentions([rule(0, 10, "Project"), model(2, 6, "Product")])) == [(0, 10, "Project", "rules")]


def test_model_span_crossing_a_rule_edge_is_dropped():
    assert kinds(merge_mentions([rule(0, 6, "Organization"), model(4, 9, "Product")])) == [
        (0, 6, "Organization", "rules")]


def test_model_span_around_a_rule_span_of_the_same_type_is_dropped():
    assert kinds(merge_mentions([rule(2, 6, "Product"), model(0, 6, "Product")])) == [(2, 6, "Product", "rules")]


def test_model_span_around_rule_spans_of_other_types_keeps_both():
    # 广东联通云平台 (Product, model) around 广东联通 (Subsidiary, rule)
    assert kinds(merge_mentions([rule(0, 4, "Subsidiary"), model(0, 7, "Product")])) == [
        (0, 4, "Subsidiary", "rules"), (0, 7, "Product", "ner")]


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
