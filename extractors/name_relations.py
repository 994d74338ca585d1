"""Relations certain from names.

Every China Unicom unit is a subsidiary of 中国联通 (``subsidiaryOf``); a city branch is also a
subsidiary of its provincial branch, and a district branch of the city or provincial branch it is
named under, when both are in the document; a unit named after a province or city is located in that
province (``locatedIn``), and so is an organisation whose name starts with a province or city. A name
can also carry its owner: the company whose name a brand bears provides it (联通云, ``provides``), the
organisation that opens a title issued it (《上海证券交易所股票上市规则》, ``issuedBy``), and the
China Unicom unit that opens a project's name runs it (联通数科茅台云项目, ``undertakes``).

>>> from kg.pipeline import parse, run
>>> doc = run(parse("浙江联通与联通金华市分公司。"), ["provinces", "unicom_units", "name_relations"])
>>> sorted((r.head.text, r.label, r.tail.surface) for r in doc.relations)[:3]
[('浙江联通', 'locatedIn', '浙江'), ('浙江联通', 'subsidiaryOf', '中国联通'), ('联通金华市分公司', 'locatedIn', '浙江')]
"""
from __future__ import annotations

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.keys import GROUP_KEY
from kg.records import Mention, ParsedDocument, RelationMention

__all__ = ["NameRelationExtractor"]


class NameRelationExtractor(Extractor):
    name = "name_relations"
    version = "3"
    kind = "relations"

    def __init__(self) -> None:
        self.gaz = gazetteer.load()

    def __call__(self, doc: ParsedDocument) -> list[RelationMention]:
        out: list[RelationMention] = []
        by_span: dict[tuple[int, int], list[Mention]] = {}
        for m in doc.mentions:
            by_span.setdefault((m.start, m.end), []).append(m)
        units = {m.key: m for m in doc.mentions if m.label == "Subsidiary" and not m.implied and m.key}
        provinces_here = {keys.province_name(m.key): m for m in doc.mentions if m.label == "Province"}

        def opening(m: Mention) -> list[Mention]:
            """The names found at the start of ``m`` and ending inside it (中国联通 of 中国联通…项目)."""
            return [o for o in doc.mentions if not o.implied and o.start == m.start and o.end < m.end]

        def rel(head: Mention, label: str, tail: Mention, conf: float) -> None:
            sent = doc.sentence_at(head.start)
            out.append(RelationMention(head, label, tail, self.name, sent.text if sent else head.text, conf))

        for m in doc.mentions:
            if m.implied:
                continue
            same = by_span[(m.start, m.end)]
            if m.label == "Subsidiary":
                key = m.key or ""
                # a district branch's city or provincial branch: unit:district:city:杭州:西湖 → unit:city:杭州
                parent = units.get(parent_key) if (parent_key := keys.parent_branch(key)) else None
                if parent is not None:
                    rel(m, "subsidiaryOf", parent, 0.85)
                for t in same:
                    if t.implied and t.label == "Organization":
                        rel(m, "subsidiaryOf", t, 0.95)
                    elif t.implied and t.label == "Province":
                        rel(m, "locatedIn", t, 0.9)
                        # a city branch, or a district branch whose city branch is not named, under the provincial one
                        under_province = keys.is_place_branch(key, "city") or \
                            keys.is_place_branch(key, "district") and parent is None
                        branch = units.get(keys.branch("province", keys.province_name(t.key))) if t.key else None
                        if under_province and branch is not None and branch is not m:
                            rel(m, "subsidiaryOf", branch, 0.85)
            elif m.label == "Product":
                for t in same:  # 联通云, 阿里云: the company whose name the brand bears provides it
                    if t.implied and t.label == "Organization":
                        rel(t, "provides", m, 0.85)
            elif m.label == "Project":
                # 联通数科茅台云项目, 中国联通5G+智能矿山项目: the China Unicom unit that opens a project's name
                # runs it (a ministry's 揭榜挂帅项目 or a hospital's 分布式云项目 is run by those it selects or serves)
                for o in opening(m):
                    if o.label == "Subsidiary" or o.key == GROUP_KEY:
                        rel(o, "undertakes", m, 0.75)
            elif m.label == "Policy":
                # 《上海证券交易所股票上市规则》, 《中国联通…实施方案》: the issuer opens the title
                for o in opening(m):
                    if o.label == "Organization":
                        rel(m, "issuedBy", o, 0.8)
            elif m.label == "Organization" and m.key != GROUP_KEY:
                # 浙江中国小商品城集团…, 十堰市柳林小学: located where the name says
                for short, p in provinces_here.items():
                    if m.text.startswith((short, self.gaz.provinces[short])) or any(
                        m.text.startswith(c) and self.gaz.city_province[c] == short
                        for c in self.gaz.city_province if m.text[:len(c)] == c
                    ):
                        rel(m, "locatedIn", p, 0.75)
                        break
        return out
