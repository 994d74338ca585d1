"""Projects (``Project``): named 项目 / 工程 / 行动 / 计划 and named campaigns.

A project name ends in a project word and is grown leftwards; a quoted part
just before the word belongs to the name (“五星党支部”创建工作), and a name quoted
whole is the quote (“…为老暖心行动”).  Unnamed
references (这一项目, 重大项目) and accounting line items are left out.

>>> from kg.pipeline import parse
>>> [m.surface for m in ProjectExtractor()(parse("四川联通推进强县（区）工程，这一项目很重要。"))]
['强县（区）工程']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.spans import left_edge, longest_first, unnamed_start
from kg.records import Mention, ParsedDocument

__all__ = ["ProjectExtractor"]

_SUFFIX = re.compile(r"(?:建设项目|示范项目|试点项目|项目|工程|专项行动|行动|计划|创建工作|志愿服务项目)(?:\d+(?:\.\d+)?(?![\d余多]))?"
                     r"(?![A-Za-z\d]|师|组|部|院|化|款|资金|投资|管理|经理|书|者|中心|库|包|单位|学|类|建设|质量|领域|方面|研究|技术|"
                     r"专业|局|处|科|公司|计划|方案|规划|平台|[金银铜]?奖|称号|超\d|近\d|约\d|逾\d|达\d|超过\d|数(?!字))")
_CAMPAIGN = re.compile(r"党纪学习教育|(?<=“)[\u4e00-\u9fa5]{2,8}(?:行动|工程|计划)\d+(?:\.\d+)*(?=”)|(?:学习贯彻习近平新时代中国特色社会主义思想)?主题教育|党史学习教育|国企改革三年行动")
# Bodies that name no project, made of these words only (重大项目, 这一项目, 非经常性损益项目).
_GENERIC_WORDS = (
    # kind, scale and stage: 重大项目, 在建工程, 示范项目, 国家重大工程, 标志性工程
    "重大|重点|相关|各类|一批|多个|一个|新建|在建|续建|投资|科研|合作|基建|建设|信息化|数字化|系统|子|示范|试点|民生|惠民|"
    "全部|部分|主要|其他|上述|以下|如下|下列|年度|工作|发展|改革|专项|行动|战略|三年|五年|系列|配套|软件|硬件|改造|扩容|"
    "网络|工程|项目|计划|的|等|类|个|项|批|大型|中型|小型|智算中心|数据中心|重要|标杆|典型|优秀|创新|实施|推进|转型|升级|"
    "融合|智能化|国家|国家级|省级|市级|省市级|企业|公司|基础|基础设施|标志性|产业化|参赛|培育|数据",
    # accounting and report-table lines, which the spec leaves out: 人民币项目, 主要资本开支项目
    "非经常性损益|经常性损益|损益|募投|募集资金|审计|内部|融资|筹融资|资本开支|成本费用|人民币|美元|港币",
    # years and ordinals: 2022年度审计计划, 第一类项目
    r"\d{2,4}年度?|第[一二三四五六七八九十\d]+[类批期个项]",
)
_GENERIC = re.compile(r"^(?:[这那该本此其各每某一两几多]|(?:" + "|".join(_GENERIC_WORDS) + "))+$")
# No name's body holds these; one ending in an adverb makes 行动 a plain word (用实际行动, 迅速行动,
# 在思想上政治上行动上, 按计划).
_FORBIDDEN_INSIDE = re.compile(r"[，。；：！？、]|(?:实际|迅速|立即|积极|见|上|按)$|个|激励|持股|回购|增持|减持|均有|近期|系列|"
                               r"[一二三四五六七八九十两几多]大|^项|[一二三四五六七八九十两几多\d]项$|(?:政府|公司|集团)$")
# Counted projects are a kind, not a name: 5000多个“5G+工业互联网”项目, 5G应用项目超过250个, 区块链项目数量.
_COUNTED_BEFORE = re.compile(r"[\d十百千万多余几][个项批]$")
# What makes a 行动计划 a government's plan (a Policy) rather than a company's programme (a Project).
_PLAN_YEARS = re.compile(r"[（(]\d{4}\s*[-—–至]\s*\d{4}年?[）)]")
_NATIONAL_STRATEGY = re.compile(r"”?(?:“[^“”]{1,20}”)*等?(?:国家)?战略")  # “互联网+行动计划”等国家战略
_GOVERNMENT_BODY = re.compile(r"(?:部|委|局|厅|署|办|政府|国务院|委员会|议会)$")
_GOVERNMENT_WORDS = re.compile(r"国家|国务院|中央|东盟|" + gazetteer.FOREIGN_STATES)
# A body starting with these is a clause, not a name; a quoted name may start with a digit (“5G+智慧交通”项目).
_CLAUSE_START = re.compile(r"[的了在和与及他类\d]")


class ProjectExtractor(Extractor):
    name = "projects"
    version = "11"

    def __init__(self, max_len: int = 45) -> None:
        self.max_len = max_len

    def _start(self, text: str, end: int) -> int:
        return left_edge(text, end, self.max_len, alnum=True, quotes=True, name_verbs=True)

    @staticmethod
    def _government_plan(text: str, start: int, end: int, bodies: list[Mention]) -> bool:
        """Whether the 行动计划 at ``start``–``end`` is a government's plan, a Policy (工信部5G应用“扬帆”行动计划,
        国家…行动计划（2022-2025年）, a foreign state's), not a company's programme (中国联通深入实施高品质服务行动计划):
        a government body or a country in its clause before it or opening it, a span of years after it, or
        the national strategies it is listed with."""
        clause_start = max(text.rfind(c, 0, start) for c in "。；！？") + 1
        if _PLAN_YEARS.match(text, end) or _NATIONAL_STRATEGY.match(text, end) \
                or _GOVERNMENT_WORDS.search(text, clause_start, start + 4):
            return True
        return any(clause_start <= b.start and b.end <= start + 4 and _GOVERNMENT_BODY.search(b.text) for b in bodies)

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        earlier = [(m.start, m.end) for m in doc.mentions if not m.implied and m.label in ("Policy", "Subsidiary", "Organization", "Product")]
        bodies = [m for m in doc.mentions if not m.implied and m.label == "Organization"]
        candidates: list[tuple[int, int, float]] = []
        for m in _CAMPAIGN.finditer(text):
            candidates.append((m.start(), m.end(), 0.85))
        for m in _SUFFIX.finditer(text):
            start = self._start(text, m.start())
            if text[m.start() - 1:m.start()] == "”":  # 承接国家“东数西算”工程: the quoted word names it
                start = max(start, text.rfind("“", start, m.start()))
            elif (quote := text.find("“", start, m.start())) > start \
                    and not any(start <= s < quote for s, _ in earlier):
                start = quote  # 持续完善“银龄专享”服务计划: the quoted part opens the name, unless a unit's
            elif text[m.end():m.end() + 1] == "”" and (quote := text.rfind("“", 0, m.start())) >= m.start() - self.max_len \
                    and quote >= 0 and not re.search(r"[”，。；！？]", text[quote + 1:m.start()]):
                start = quote + 1  # “…慈善空间为老暖心行动”: the quote holds the whole name
            body = text[start:m.start()].strip("“”")
            quoted = text[start:start + 1] == "“" and "”" in text[start:m.start()]
            # a name quoted whole, project word and all: 响应“三乡行动”号召
            whole = text[start - 1:start] == "“" and text[m.end():m.end() + 1] == "”"
            if len(body) < (2 if quoted or whole else 3) or _GENERIC.match(body) or _FORBIDDEN_INSIDE.search(body) \
                    or _COUNTED_BEFORE.search(text, max(0, start - 2), start) \
                    or (not (quoted or whole) and (_CLAUSE_START.match(body) or unnamed_start(text, start))):
                continue
            if text[start:m.end()].endswith("规划计划") or (
                    text[start:m.end()].endswith("行动计划") and self._government_plan(text, start, m.end(), bodies)):
                continue  # a plan document is a Policy, not a Project
            if text[start:m.start()].startswith(("中国联通", "联通")) and len(body) < 5:
                continue
            candidates.append((start, m.end(), 0.7))
        out: list[Mention] = []
        for start, end, conf in longest_first(candidates, len(text), earlier=earlier):
            name = text[start:end]
            # the 2023 campaign is named in full or as 主题教育: one key for both
            key = keys.named("project", "主题教育" if name.endswith("主题教育") else name)
            out.append(doc.mention(start, end, "Project", self.name, key=key, confidence=conf))
        return sorted(out, key=lambda m: m.start)
