"""China Unicom units (``Subsidiary``) by their name forms, with what the names imply.

Forms: 广东联通, 金华联通, 中国联通广东省分公司, 联通金华市分公司, 浙江联通金华分公司,
district branches (天津联通东丽区分公司, 联通杭州市西湖区分公司), 广东省分公司 (when the
document is about Unicom), professional subsidiaries (联通数科, 联通华盛电商分公司,
联通…有限公司) and the group's named centres and laboratories (中国联通人工智能创新中心).
Every unit implies the ``Organization`` 中国联通; a unit named after a province or
city implies that ``Province``.  Provincial, city and district branches get identity
keys so that all forms of one branch resolve to one entity.

>>> from kg.pipeline import parse
>>> ms = UnicomUnitExtractor()(parse("联通金华市分公司上线新平台。"))
>>> sorted((m.label, m.surface, m.implied) for m in ms)
[('Organization', '中国联通', True), ('Province', '浙江', True), ('Subsidiary', '联通金华市分公司', False)]
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.keys import GROUP, GROUP_KEY
from extractors.base import Extractor
from extractors.spans import holds_clause
from kg.records import Mention, ParsedDocument
from kg.resolve import unmask

__all__ = ["UnicomUnitExtractor", "GROUP", "GROUP_KEY"]

_PARENT = r"(?:中国联通|###联通|中国联合网络通信集团有限公司)"
_DIVISION = r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|自治州|地区|盟|州)?"
_BAD_INSIDE = re.compile(r"[各所下属旗等和与及、，的其本该携]")  # 中国联通携手…公司: a clause, no unit
# A district or county under a province or city: 东丽(区), 南康(区), 张家港(市); not the 自治区 or 地区 of the
# place itself (中国联通西藏自治区分公司), nor 市区, nor a clause (各区).  Nor a level or a verb's object:
# 县分公司, 区县分公司, 全省县分公司 (see also holds_clause: 加强县分公司, 走访朝阳区分公司).
_NOT_DISTRICT = re.compile(r"[在到赴对为省区县]|全[省市区县]|.*个")
# 和平区 (天津, 沈阳) is the one district whose name holds a word that joins clauses.
_DISTRICT = r"(?P<district>(?![自市地]|壮族|回族|维吾尔|特别)(?:和平|(?!" + _BAD_INSIDE.pattern + r")[\u4e00-\u9fa5]){1,4}?)"


class UnicomUnitExtractor(Extractor):
    name = "unicom_units"
    version = "7"

    def __init__(self) -> None:
        g = self.gaz = gazetteer.load()
        place = f"(?P<place>{g.province_pattern}|{g.city_pattern})"
        place2 = f"(?P<place2>{g.city_pattern})"
        # district branches first: their province or city branch is a part of their name
        self.district_forms = [
            # 中国联通赣州市南康区分公司, 联通杭州市西湖区分公司, 浙江联通杭州市西湖区分公司
            re.compile(f"(?:{_PARENT}|(?P<province>{g.province_pattern})联通|(?<![中国#])联通)"
                       f"{place}{_DIVISION}{_DISTRICT}(?:区|县)分公司"),
            # 天津联通东丽区分公司, 苏州联通张家港市分公司
            re.compile(f"{place}{_DIVISION}联通{_DISTRICT}(?:区|县|市)分公司"),
            # a county's unit under its city's name: 泰安肥城联通
            re.compile(f"(?P<place>{g.city_pattern})(?P<district>[\u4e00-\u9fa5]{{2}})联通(?![集])"),
        ]
        self.forms = [
            # 中国联通广东省分公司, 中国联通金华市分公司
            re.compile(f"{_PARENT}{place}{_DIVISION}分公司"),
            # 浙江联通金华(市)分公司: a city branch named under its provincial branch
            re.compile(f"(?:{g.province_pattern})联通{place2}{_DIVISION}分公司"),
            # 联通金华市分公司
            re.compile(f"(?<![中国#])联通{place}{_DIVISION}分公司"),
            # 广东联通, 金华联通 (not 中国联通)
            re.compile(f"{place}{_DIVISION}联通(?![集])"),
        ]
        self.province_then_city = re.compile(f"(?P<prov>{g.province_pattern})联通(?P<rest>(?:{g.city_pattern}){_DIVISION}分公司)")
        # 广东省分公司: Unicom's, unless the text names another company (中国移动广东分公司; 中国电信…。广东分公司…)
        self.bare_branch = re.compile(f"(?<![公司行])(?P<place>{g.province_pattern}){_DIVISION}分公司")
        self.other_companies = gazetteer.names_pattern(name for name in g.org_alias if "联通" not in name)
        self.named = re.compile("|".join(map(re.escape, sorted(g.unit_alias, key=len, reverse=True))))
        self.generic = re.compile(
            r"(?:中国联通|联通)(?:[\u4e00-\u9fa5（）()A-Za-z]{2,12}?)(?:有限责任公司|有限公司|分公司|研究院|设计院|公司)")
        # the group's named centres and laboratories: 中国联通人工智能创新中心, 中国联通三农AI联合实验室;
        # matched before the named units, whose short names they may hold (联通智网 in 中国联通智网创新中心)
        self.centres = re.compile(r"中国联通(?:[\u4e00-\u9fa5A-Za-z]{2,10}?(?:创新中心|创新实验室|联合实验室)|反诈中心)")

    def _place_key(self, place: str) -> tuple[str, str | None]:
        """(unit key, province short name) for the place a branch is named after."""
        short = self.gaz.province_of(place)
        if short:
            return keys.branch("province", short), short
        return keys.branch("city", place), self.gaz.city_province.get(place)

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        """The units of ``doc``, each implying 中国联通 and the province it is named after.

        The passes run from the most specific form to the least, and the first to claim a character
        keeps it (``add``): district branches (their city or province branch is part of their name),
        the group's named centres (before the named units whose short names they hold), named units,
        province and city branches, bare provincial branches, and last any 联通…公司.  Only the
        provincial branch named inside a longer name (福建联通 of 福建联通三明分公司) is added over a
        claim (``add_inner_province``): a name inside a name counts on its own.
        """
        text = doc.text
        found: list[tuple[int, int, str, str | None]] = []  # start, end, key, province
        taken = bytearray(len(text))

        def add(start: int, end: int, key: str, province: str | None) -> bool:
            if any(taken[start:end]):
                return False
            taken[start:end] = b"\x01" * (end - start)
            found.append((start, end, key, province))
            return True

        def add_inner_province(start: int, province: str) -> None:
            """The provincial branch named at the start of a longer unit name (福建联通 in 福建联通三明分公司);
            it may overlap the longer name."""
            short = self.gaz.province_of(province)
            found.append((start, start + len(province) + 2, keys.branch("province", short), short))

        for m in self.province_then_city.finditer(text):
            add_inner_province(m.start(), m.group("prov"))
        for pattern in self.district_forms:
            for m in pattern.finditer(text):
                district = m.group("district")
                county_city = m.group().endswith("市分公司")
                if self.gaz.province_of(district) or county_city and district in self.gaz.city_province:
                    continue  # 北京联通北京市分公司 names the provincial branch twice, no district (朝阳区 is one)
                if _NOT_DISTRICT.match(district) or holds_clause(district, name_verbs=False):
                    continue  # 江西联通加强县分公司, 重庆联通区县分公司: a clause or a level, no district
                key, province = self._place_key(m.group("place"))
                if not add(m.start(), m.end(), keys.district(key, district), province):
                    continue
                # the branch named inside: 天津联通 in 天津联通东丽区分公司, 浙江联通 in 浙江联通杭州市西湖区分公司
                if m.groupdict().get("province"):
                    add_inner_province(m.start(), m.group("province"))
                elif text.startswith("联通", m.start("district") - 2):
                    found.append((m.start(), m.start("district"), key, province))
        for m in self.centres.finditer(text):
            if not _BAD_INSIDE.search(m.group()):
                add(m.start(), m.end(), keys.unit(m.group().removeprefix("中国")), None)
        for m in self.named.finditer(text):
            add(m.start(), m.end(), keys.unit(self.gaz.unit_alias[m.group()]), None)
        for pattern in self.forms:
            for m in pattern.finditer(text):
                place = m.groupdict().get("place2") or m.group("place")
                key, province = self._place_key(place)
                add(m.start(), m.end(), key, province)
        branches = list(self.bare_branch.finditer(text))
        others = {m.end() for m in self.other_companies.finditer(text)} if branches else set()
        if not others or "联通" in text or "本公司" in text or "集团公司" in text:
            for m in branches:
                if m.start() not in others:  # 中国移动广东分公司 is 中国移动's
                    key, province = self._place_key(m.group("place"))
                    add(m.start(), m.end(), key, province)
        for m in self.generic.finditer(text):
            body = m.group()
            if _BAD_INSIDE.search(body) or body in self.gaz.org_alias or re.fullmatch(r"(?:中国)?联通(?:集团)?公司", body):
                continue  # 联通集团公司, 联通公司: the group itself, not a unit
            add(m.start(), m.end(), keys.unit(body.removeprefix("中国")), None)

        out: list[Mention] = []
        for start, end, key, province in sorted(found):
            out.append(doc.mention(start, end, "Subsidiary", self.name, key=key, confidence=0.95,
                                   name=unmask(text[start:end])))
            out.append(doc.mention(start, end, "Organization", self.name, key=GROUP_KEY, name=GROUP,
                                   implied=True, confidence=0.9))
            if province:
                out.append(doc.mention(start, end, "Province", self.name, key=keys.province(province),
                                       name=province, implied=True, confidence=0.9))
        return out
