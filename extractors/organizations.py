"""Organisations (``Organization``) by known names and by the forms of their names.

Known names and abbreviations come from ``data/organizations.tsv`` (工信部 =
工业和信息化部).  Other names are found by their suffix (…有限公司, …大学,
…研究院, …管理局) grown leftwards to the start of the name.  Spans that are
China Unicom units are left to :mod:`extractors.unicom_units`.

>>> from kg.pipeline import parse
>>> [m.surface for m in OrganizationExtractor()(parse("双方与杭州数智科技有限公司、工信部签约。"))]
['杭州数智科技有限公司', '工信部']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.spans import holds_clause, left_edge, longest_first, unnamed_start
from kg.records import Mention, ParsedDocument
from kg.resolve import unmask

__all__ = ["OrganizationExtractor"]

_SUFFIXES = (
    "股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|银行|大学|学院|研究院|研究所|研究中心|设计院|"
    "协会|学会|联合会|促进会|研究会|商会|联盟|委员会|交易所|医院|小学|中学|学校|教学点|基金会|实验室|通信管理局|管理局|领导小组办公室|领导小组|办公室|"
    "博物馆|图书馆|纪念馆|美术馆|科技馆|"
    "总局|法院|检察院|合作社|事务所|电视台|出版社|科学院|工程院|计算中心|反诈中心|幼儿园|中心"
)
_SUFFIX = re.compile(f"(?:{_SUFFIXES})")
# Bodies that make the name generic (子公司, 各级公司, 上市公司 …); so does one ending in 上市
# (深圳证券交易所上市公司: the companies listed there).
_GENERIC = re.compile(
    r"^(?:[子分总本母该其各每此这那某]|(?:各级|下属|所属|旗下|相关|上市|控股|全资|合资|一家|多家|这家|省级|市级|县级|基层|专业|"
    r"成员|参股|关联|境外|境内|国有|民营|外资|新成立|管理|运营|科技|通信|电信|网络|数据|互联网|信息|服务|我们|我国|我省|"
    r"我市|国内|国际|全国|地方|本地|股份|投资|发展|建设|技术|咨询|行业|方舱|定点|社区|乡镇|农村|城市|中小|大型|龙头|"
    r"头部|骨干|重点|知名|优秀|先进|示范|试点|高校|科研|金融|医疗|教育|研究|实验|联合|产业|合作|会计师|律师|审计|"
    r"智慧|数字|乡村|义务教育|财务|人工智能|证券|区域性|标准|信用评级|[XxＸ]+|某+)+)$"
)
# A body naming a set of units (所有上市公司, 十大医院, 百余个营业厅, 一批图书馆) is no name (百大集团 is one).
_SET_OF_UNITS = re.compile(r"所有|十大|[十百千万]余|一批")
# Nor is one opening with a bare 区 or 县, the district's or county's (区数据资源管理局, 县人民医院).
_BARE_DISTRICT = re.compile(r"[区县](?![块域])")
# A suffix that is the start of another word: 集中学习, 学会了, 大学生 (not 大学生物系), 公司治理, 国家部委.
_WORD_GOES_ON = re.compile(r"(?<=学)(?:习|生(?![物命态]))|(?<=会)了|(?<=公司)治理")
# A 中心 that is a facility, a venue or a plan names no body (全国一体化大数据中心, 内蒙古智算中心, 上海世博中心).
_NOT_A_BODY_CENTRE = re.compile(r"(?:数据|智算|算力|超算|会展|会议|世博|展览|体育|购物|商务|工程)中心$|一体化")
# Suffixes that make a name only after a place or national prefix (湖南星河集团, 中国国新公司).
_BARE = {"公司", "集团", "集团公司", "研究院", "联盟", "实验室", "委员会", "中心", "研究中心", "领导小组办公室", "领导小组",
         "办公室", "计算中心", "反诈中心"}
# An industry word makes a company name of a bare 公司/集团 (金蝶国际软件集团, 云镝智慧科技公司).
_INDUSTRY = re.compile(r"科技|软件|信息|网络|技术|数据|智能|电子|通信|传媒|文化|能源|电力|控股|实业|贸易|物流|医药|汽车|"
                       r"金融|证券|保险|国际|智慧|数字")
# 局 also ends words that are not bureaus: 格局, 布局, 结局, 开好局, 棋局.
_BUREAU = r"(?<![格布结当骗僵时大全开变新棋饭好])局"
# 部 also ends words that are not bodies: 部署, 部门 (中央财办等8部门), 部委; 签署 is no 署.
_GOV_BODY = re.compile(r"(?:国家|中央|中共中央|全国)[^的，。、；：“”\s等\d]{2,10}?"
                       r"(?:(?<![全内外总本局干])部(?![署门分件位落委])|" + _BUREAU + r"|委员会|(?<![部签])署|办公室|总局)"
                       r"(?![\u4e00-\u9fa5]{0,1}(?:长|主任))")
# A foreign government's body (美国商务部, 日本数字厅, 日本总务省, 爱尔兰数据保护委员会, 加拿大网络安全中心,
# 俄罗斯国家杜马) and the White House and its offices (a government as a whole, 英国政府, is seldom annotated as a
# body, so it is left out); 美国东部, 欧洲大部分, 日本餐厅, 美国俱乐部, 美国数据中心
# are none, and nor is a clause or a company (美国苹果公司成立AI委员会: _NOT_GOV_INSIDE, holds_clause).
_FOREIGN_BODY_END = (r"(?:(?<![东西南北中全内外总本局干大乐])部(?![署门分件位落委长际])|" + _BUREAU + r"|(?<![餐客大展业])厅|"
                     r"委员会|办公室|议会|国会|参议院|众议院|法院|(?<=[\u4e00-\u9fa5]{2})中心|工作组|内阁|杜马|(?<=[务业交卫境生])省)(?![长])")
_FOREIGN_GOV = re.compile(
    f"(?:{gazetteer.FOREIGN_STATES})" r"(?:联邦)?(?:白宫)?[^的了在向对从到为是，。、；：“”《》\s等\d]{0,12}?" + _FOREIGN_BODY_END +
    r"|白宫[^的了在向对从到，。、；：“”《》\s等\d]{1,10}?(?:办公室|委员会)|(?:美国)?白宫(?![\u4e00-\u9fa5]{0,10}?(?:办公室|委员会))"
)
# A body's own office after it: 美国商务部工业和安全局, 美国财政部外国资产控制办公室.
_SUB_BODY = re.compile(r"[^的了在向对从到将已于与及，。、；：“”《》\s等\d]{2,10}?(?:局|办公室)(?![长])")
# The same kind of body listed after a foreign one, its state left unsaid: 日本总务省和经济产业省.
_LISTED_BODY = r"(?:和|、|与|及)([\u4e00-\u9fa5]{{2,8}}?{})(?![\u4e00-\u9fa5]{{0,1}}长)"
_NOT_GOV_INSIDE = re.compile(r"公司|集团|营业")
# A local government by its place alone: 陕西省政府, 上海市政府, 香港特区政府 (not 甘肃数字政府).
_PLACE_GOVERNMENT = r"(?:省|市|自治区|特区)?政府"
# A local commission by its short name (上海市经信委, 浙江省发改委).
_LOCAL_COMMISSION = "经信委|发改委|国资委|卫健委|网信办|教委|科委"
# An IDC is as often the data-centre business (IDC机架, IDC业务) as the analyst firm: the firm is the one
# that publishes, forecasts or is cited (IDC还在报告中指出), or an item of a 、 list beside another known body (研究院、IDC、Gartner).
_CITED_AFTER = re.compile(r"(?:[还也则曾]?在?)(?:发布|报告|数据|预测|预计|公布|统计|显示|认为|指出|的《|《|调研|研究)")
_CITED_ONLY = {"IDC"}
# Company names that are also common words (数字化浪潮, 联想到): the company is the one that stands
# where a name stands, after punctuation, 和 or 中, or opening the text, not after another word.
_COMMON_WORDS = {"浪潮", "联想"}
# A 、 list of companies closed by 等…企业/公司/厂商 (腾讯、商汤、科大讯飞等头部数字技术公司): with one item a
# known or suffixed body, the others are bodies too; lists of fields (金融、医疗等行业企业) have none.
_COMPANY_LIST = re.compile(r"(?:[^\s，。、；：“”（）()《》！？!?,]{2,10}、)+[^\s，。、；：“”（）()《》！？!?,]{2,10}"
                           r"(?=等[\u4e00-\u9fa5A-Za-z]{0,8}?(?:企业|公司|厂商|运营商|机构)(?![\u4e00-\u9fa5]?[部内外]))")
_LIST_OPENER = re.compile(r"(?:^|[，：；。]|如|与|和|有|包括|依托|来自|例如)$")
_LIST_ITEM_NOT_A_BODY = re.compile(r"\d$|[的和与及在是为从到对]|行业|领域|用户|地区|部门|方面|环节|业务|服务$")
_NAME_MAY_FOLLOW = set("、，。；：中和与及“（")
# A body named in quotes as it is founded or joined (成立了首个“边缘计算节能联合研究中心”, 启动了“长江数字产业创新
# 发展联盟”, “城市数据创新研究中心”揭牌), and the bodies quoted right after it: the quotes mark the whole name,
# which may hold words that cut names elsewhere (发展, 与).  A 中心 must be one of research or innovation (not
# 智慧助老服务体验中心, a service counter); China Unicom's alliances and labs are left to its units.
_QUOTED_BODY = re.compile(
    r"(?:成立|组建|启动|发起|设立|加入|共建)了?[^“”，。；、]{0,6}“(?P<name>[^“”，。；：、]{2,30}?(?:"
    + _SUFFIXES + r"|联合体))”|“(?P<name2>[^“”，。；：、]{2,30}?(?:" + _SUFFIXES + r"|联合体))”(?:正式)?(?:揭牌|成立)")
_QUOTED_LISTED = re.compile(r"[、和及与]?“([^“”，。；：、]{2,30}?(?:" + _SUFFIXES + r"|联合体))”")
_RESEARCH_CENTRE = re.compile(r"(?:研究|创新|技术|工程|联合)中心$")


class OrganizationExtractor(Extractor):
    name = "organizations"
    version = "13"

    def __init__(self, max_len: int = 20) -> None:
        self.gaz = gazetteer.load()
        self.max_len = max_len
        self.known = gazetteer.names_pattern(f for f in self.gaz.org_alias if len(f) >= 2)
        prov = self.gaz.province_pattern
        city = self.gaz.city_pattern
        self.branch = re.compile(f"(?:{prov}|{city})[省市]?分公司")
        self.national_or_local = re.compile(f"(?:中国|中华|国家|全国|国务院|中共|中央|{prov}|{city}|[A-Za-z])")
        self.local_gov = re.compile(
            f"(?:{prov}|(?:{city})市?)(?:{_PLACE_GOVERNMENT}|"
            f"[^的，。、；：\\s\\d]{{0,8}}?(?:通信管理局|人民政府|委员会|{_LOCAL_COMMISSION}|厅|宣传部|组织部|统战部|"
            f"人大常委会|政协|{_BUREAU})(?![长]))"
        )

    def _key(self, name: str) -> str:
        """Identity of an organisation: its canonical name if the list knows the name, else the name."""
        return keys.org(self.gaz.org_alias.get(name, name))

    @staticmethod
    def _listed_with_body(text: str, name: re.Match, known: list[re.Match], candidates: list[tuple]) -> bool:
        """Whether ``name`` is an item of a 、 list next to another body: a known name or one found by its suffix."""
        before = text[name.start() - 1:name.start()] == "、" and (
            any(m.end() == name.start() - 1 and m.group() not in _CITED_ONLY for m in known)
            or any(c[1] == name.start() - 1 for c in candidates))
        after = text[name.end():name.end() + 1] == "、" and (
            any(m.start() == name.end() + 1 and m.group() not in _CITED_ONLY for m in known)
            or any(c[0] == name.end() + 1 for c in candidates))
        return before or after

    def _company_list_items(self, text: str, candidates: list[tuple], units: list[tuple[int, int]]) -> list[tuple]:
        """The other items of a company list (_COMPANY_LIST) one of whose items is a body already found."""
        found = []
        bodies = {(c[0], c[1]) for c in candidates} | set(units)
        for m in _COMPANY_LIST.finditer(text):
            items, pos = [], m.start()
            for item in m.group().split("、"):
                items.append((pos, pos + len(item)))
                pos += len(item) + 1
            # the first item may run on from the words before the list (这个被联合国、世界银行等): it counts
            # as a body if one ends it, and is added only after a clause break or a word that opens a list
            first_start, first_end = items[0]
            if not any(span in bodies for span in items[1:]) and not any(
                    first_start <= s and e == first_end for s, e in bodies):
                continue
            if not _LIST_OPENER.search(text, max(0, first_start - 2), first_start):
                items = items[1:]
            for start, end in items:
                name = text[start:end]
                if any(start <= s and e <= end for s, e in bodies) or _LIST_ITEM_NOT_A_BODY.search(name) \
                        or self.gaz.province_of(name) or name in self.gaz.city_province:
                    continue  # found already (or part of it: 工信部信通院), or not a body
                found.append((start, end, self._key(name), 0.7))
        return found

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        units = [(m.start, m.end) for m in doc.mentions if m.label == "Subsidiary" and not m.implied]
        matches = list(self.known.finditer(text))
        candidates = self._government_bodies(text) + self._suffix_names(text, matches)
        # names from the list come after the others: some count only beside a body found by another way
        known_names = self._known_names(text, matches, candidates)
        candidates += known_names + self._quoted_bodies(text)
        candidates += self._company_list_items(text, candidates, units)
        known = {(start, end) for start, end, _, _ in known_names}  # their edges are certain
        # The longest name wins where candidates overlap (华为技术有限公司 over 华为).
        out: list[Mention] = []
        for start, end, key, conf in longest_first(candidates, len(text), occupied=units):
            out.append(doc.mention(start, end, "Organization", self.name, key=key, confidence=conf,
                                   name=unmask(text[start:end]), exact=(start, end) in known))
        return sorted(out, key=lambda m: m.start)

    def _government_bodies(self, text: str) -> list[tuple[int, int, str | None, float]]:
        """Chinese government bodies by pattern (国家…局, a province's or a city's government) and foreign
        states' bodies, with an office of theirs right after and a second body of the same kind listed
        after them (日本总务省和经济产业省)."""
        found: list[tuple[int, int, str | None, float]] = []
        for m in _GOV_BODY.finditer(text):
            found.append((m.start(), m.end(), self._key(m.group()), 0.8))
        for m in self.local_gov.finditer(text):
            found.append((m.start(), m.end(), None, 0.8))
        for m in _FOREIGN_GOV.finditer(text):
            if _NOT_GOV_INSIDE.search(m.group()) or holds_clause(m.group()) or _NOT_A_BODY_CENTRE.search(m.group()):
                continue
            end = (sub.end() if (sub := _SUB_BODY.match(text, m.end())) else m.end())
            found.append((m.start(), end, self._key(text[m.start():end]), 0.8))
            kind = re.escape(text[end - 1])  # the last character says the kind: 省, 部, 局 …
            if (listed := re.compile(_LISTED_BODY.format(kind)).match(text, end)) and not holds_clause(listed.group(1)):
                found.append((listed.start(1), listed.end(1), self._key(listed.group(1)), 0.7))
        return found

    def _suffix_names(self, text: str, matches: list[re.Match]) -> list[tuple[int, int, str | None, float]]:
        """Names by suffix (…有限公司, …大学, …协会), grown leftwards to their edge: never into a known
        name, a verb or another name of the same suffix."""
        found: list[tuple[int, int, str | None, float]] = []
        for m in _SUFFIX.finditer(text):
            end = m.end()
            while (more := _SUFFIX.match(text, end)):  # 集团 + 股份有限公司
                end = more.end()
            if (branch := self.branch.match(text, end)):  # …有限责任公司上海分公司
                end = branch.end()
            if text.startswith("联通", m.start() - 2) or end < len(text) and text[end] == "长":
                continue
            start = left_edge(text, m.start(), self.max_len)
            # the edge never cuts a known name: 工业和信息化部网络安全管理局, not 信息化部网络安全管理局
            start = next((k.start() for k in matches if k.start() < start < k.end()), start)
            # the same suffix inside the body is a list written without commas: 上海交通大学东南大学
            if (last := text.rfind(m.group(), start, m.start())) >= 0:
                start = last + len(m.group())
            # nor does a company's name hold another company: 本公司联营公司中国铁塔股份有限公司 names
            # 中国铁塔股份有限公司 (a body's 公司 is kept in other names: 中国上市公司协会)
            if "公司" in m.group() and (last := text.rfind("公司", start, m.start())) >= 0:
                start = last + 2
            body = text[start:m.start()]
            if m.group() == "中心" and _NOT_A_BODY_CENTRE.search(text, start, end):
                continue
            if len(body) < 2 or _GENERIC.match(body) or body.startswith(("联通", "中国联通")) \
                    or body.endswith(("分", "上市")) \
                    or _SET_OF_UNITS.search(body) or _BARE_DISTRICT.match(body) or unnamed_start(text, start) \
                    or _WORD_GOES_ON.match(text, end):
                continue
            if m.group() in _BARE and not self.national_or_local.match(body) and not (
                    m.group() == "反诈中心" and body in self.gaz.org_alias) and not (
                    m.group() in ("公司", "集团") and len(body) >= 4 and _INDUSTRY.search(body[-4:])):
                continue  # 公司 / 集团 alone follow too many verbs: 回购公司, 率先建立集团
            name = text[start:end]
            found.append((start, end, self._key(name), 0.75))
        return found

    def _known_names(self, text: str, matches: list[re.Match],
                     candidates: list[tuple[int, int, str | None, float]]) -> list[tuple[int, int, str | None, float]]:
        """The names of the list of known organisations (``matches``), less those that are names only where
        cited (IDC) or listed beside a body (``candidates``), and common words not standing as a name."""
        found: list[tuple[int, int, str | None, float]] = []
        for m in matches:
            if m.group() in _CITED_ONLY and not (text[m.start() - 1:m.start()] == "据" or _CITED_AFTER.match(text, m.end())
                                                 or self._listed_with_body(text, m, matches, candidates + found)):
                continue
            if m.group() in _COMMON_WORDS and m.start() > 0 and text[m.start() - 1] not in _NAME_MAY_FOLLOW:
                continue
            found.append((m.start(), m.end(), keys.org(self.gaz.org_alias[m.group()]), 0.95))
        return found

    def _quoted_bodies(self, text: str) -> list[tuple[int, int, str | None, float]]:
        """A body named in quotes as it is founded, launched or joined (成立了“…联合研究中心”), and the
        bodies quoted right after it."""
        found: list[tuple[int, int, str | None, float]] = []
        for m in _QUOTED_BODY.finditer(text):
            group = "name" if m.group("name") else "name2"
            name = m.group(group)
            if name.startswith(("联通", "中国联通")) or (name.endswith("中心") and not _RESEARCH_CENTRE.search(name)):
                continue
            found.append((m.start(group), m.end(group), self._key(name), 0.8))
            end = m.end(group) + 1
            while (listed := _QUOTED_LISTED.match(text, end)):  # 成立了“A联合体”“B联合体”
                found.append((listed.start(1), listed.end(1), self._key(listed.group(1)), 0.75))
                end = listed.end()
        return found
