"""The merge policy: which rule and model mentions of a document are kept.

The rules win on their own spans; a statistical model fills gaps, and a confident one may redraw the edges
of a rule name of its type or add a longer name around rule names of other types (docs/ner.md, "Merge
policy", with the test of each case in tests/test_ner_merge.py).  :func:`merge_mentions` applies the
policy to a document; the ``ner`` extractor asks :func:`redrawn_rule` and :func:`holds_rule_names` first,
so that it reads and reports only what can be kept.
"""
from __future__ import annotations

from collections.abc import Sequence

from kg.records import Mention

__all__ = ["merge_mentions", "survives_rules", "redrawn_rule", "holds_rule_names", "MODEL_EXTRACTORS",
           "REDRAW_CONFIDENCE"]


# Extractors whose mentions are statistical guesses: the rules win over them, except where a confident
# model redraws a rule name's edges (see merge_mentions).
MODEL_EXTRACTORS = frozenset({"ner"})
# A model mention at least this confident redraws the edges of a rule mention of its type (redrawn_rule),
# and is reported whatever its type when it holds rule names of other types (holds_rule_names).
REDRAW_CONFIDENCE = 0.7


def survives_rules(m: Mention, rules: Sequence[Mention]) -> bool:
    """Whether a model mention survives the rule mentions (non-implied) of its document, unless it
    redraws one of them (:func:`redrawn_rule`, which :func:`merge_mentions` asks first)."""
    for r in rules:
        if r.start < m.end and m.start < r.end:  # they share characters
            if (m.start, m.end) == (r.start, r.end):
                return False  # same span: the rule's type wins, whatever the model says
            inside = m.start <= r.start and r.end <= m.end
            if not inside or r.label == m.label:
                return False  # model span inside or across a rule span, or redrawing a rule name's edges
    return True  # no rule there, or a longer name around rule names of other types


def redrawn_rule(m: Mention, rules: Sequence[Mention]) -> Mention | None:
    """The rule mention whose edges the model mention ``m`` redraws, or None.

    A model mention redraws a rule mention when it is at least
    ``REDRAW_CONFIDENCE`` confident, has the same type, and shares
    characters with that rule mention and with
    no other rule mention of any type, with other edges: 三苏祠博物馆
    inside the rule's 协助三苏祠博物馆, “1+9+3”战略规划体系 around the
    rule's “1+9+3”战略规划.  A rule mention with ``exact`` edges (a known
    name, a title between 《》) is only redrawn by a longer name around it
    (国务院办公厅 for 国务院, never 中国农业银 for 中国农业银行).  Where a confident
    model and the rules disagree only about where one name of one type ends,
    our held-out and test passages side with the model (docs/ner.md).  Two
    model mentions may redraw one rule mention into two names (党中央 and
    国务院 out of the rule's 中央国务院决策部).  A rule mention that fills a
    pair of quotes keeps its edges: the quotes mark the name, and the
    model's “易购小店”小程序 around the rule's 易购小店 only adds what it is.

    >>> from kg.records import Mention as M
    >>> rule = M("d", 2, 10, "协助三苏祠博物馆", "Organization", "organizations")
    >>> redrawn_rule(M("d", 4, 10, "三苏祠博物馆", "Organization", "ner", 0.9), [rule]) is rule
    True
    >>> redrawn_rule(M("d", 4, 10, "三苏祠博物馆", "Organization", "ner", 0.6), [rule]) is None
    True
    """
    if m.confidence < REDRAW_CONFIDENCE:
        return None
    shared = [r for r in rules if r.start < m.end and m.start < r.end]
    if len(shared) != 1:
        return None
    r = shared[0]
    around = m.start <= r.start and r.end <= m.end
    if r.label != m.label or (r.start, r.end) == (m.start, m.end) or (r.exact and not around) \
            or (around and _fills_quotes(r, m)):
        return None
    return r


def _fills_quotes(r: Mention, m: Mention) -> bool:
    """Whether the rule mention ``r`` is the whole of a quoted part of the longer mention ``m``."""
    before, after = r.start - m.start - 1, r.end - m.start
    return before >= 0 and m.surface[before:before + 1] == "“" and m.surface[after:after + 1] == "”"


def holds_rule_names(m: Mention, rules: Sequence[Mention]) -> bool:
    """Whether the model mention ``m`` is at least ``REDRAW_CONFIDENCE`` confident and runs around rule
    mentions of other types only (北京市人大常委会 around the rule's province 北京市): a longer name
    the rules saw only part of.  :func:`merge_mentions` keeps both; the ``ner`` extractor reports such
    a mention whatever the types it adds where no rule fired.

    >>> from kg.records import Mention as M
    >>> place = M("d", 0, 3, "北京市", "Province", "provinces")
    >>> holds_rule_names(M("d", 0, 8, "北京市人大常委会", "Organization", "ner", 0.96), [place])
    True
    """
    return m.confidence >= REDRAW_CONFIDENCE and survives_rules(m, rules) \
        and any(r.start < m.end and m.start < r.end for r in rules)


def merge_mentions(mentions: Sequence[Mention]) -> list[Mention]:
    """Settle the mentions of a document: of rule mentions with the same span, the most confident wins;
    a model mention never beats a rule mention on the rule's span (below).

    Implied mentions (entities a name makes certain) are kept as they are;
    mentions of different spans, even overlapping ones, are all kept (a
    province inside a unit name counts on its own).

    Model mentions (extractors in ``MODEL_EXTRACTORS``) fill gaps and may
    redraw a name's edges; otherwise the rules win on their own spans
    (docs/ner.md):

    - same span as a rule mention, any type → the rule mention is kept;
    - confident, same type, other edges, sharing characters with that rule
      mention only (:func:`redrawn_rule`; around it, if its edges are
      ``exact``) → the model mention replaces it, and the rule's implied
      mentions go with it;
    - otherwise inside a rule mention, or crossing its edge → dropped;
    - otherwise around a rule mention of the same type → dropped;
    - around rule mentions of other types only (广东联通云平台 around 广东联通) → both kept;
    - no rule mention there → kept (its extractor has applied its confidence threshold).

    >>> from kg.records import Mention as M
    >>> rule = M("d", 0, 4, "广东联通", "Subsidiary", "unicom_units")
    >>> [m.extractor for m in merge_mentions([rule, M("d", 0, 4, "广东联通", "Organization", "ner", 0.9)])]
    ['unicom_units']
    """
    rules = [m for m in mentions if not m.implied and m.extractor not in MODEL_EXTRACTORS]
    redrawing = {id(m): r for m in mentions if m.extractor in MODEL_EXTRACTORS and not m.implied
                 and (r := redrawn_rule(m, rules)) is not None}
    redrawn = {(r.extractor, r.start, r.end) for r in redrawing.values()}  # with what the rule implied
    mentions = [m for m in mentions if (m.extractor, m.start, m.end) not in redrawn
                and (m.extractor not in MODEL_EXTRACTORS or m.implied or id(m) in redrawing
                     or survives_rules(m, rules))]
    best: dict[tuple[int, int], Mention] = {}
    implied: list[Mention] = []
    for m in mentions:
        if m.implied:
            implied.append(m)
            continue
        cur = best.get((m.start, m.end))
        if cur is None or m.confidence > cur.confidence:
            best[(m.start, m.end)] = m
    kept = list(best.values())
    return sorted(kept + implied, key=lambda m: (m.start, -m.end, m.implied, m.label))
