"""Policies (``Policy``): 《》 titles of laws, regulations, plans and guidelines, and named strategies.

Book-title marks also enclose newspapers, reports, announcements and
contracts; those are left out by the title's last word.  Laws listed in
``data/laws.tsv`` count without the marks too (依据个人信息保护法).  Named
national strategies (网络强国战略, “双碳”战略, “一带一路”) are policies too, and so is a
document cited by its body and date without the marks (水利部2023年5月湘江流域数据共享规划).

>>> from kg.pipeline import parse
>>> [m.surface for m in PolicyExtractor()(parse("工信部印发《“湘江算力”网络发展行动计划（2024-2026年）》，据《湘江日报》报道。"))]
['“湘江算力”网络发展行动计划（2024-2026年）']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from extractors.spans import left_edge
from kg.records import Mention, ParsedDocument

__all__ = ["PolicyExtractor", "is_policy_title"]

_TITLE = re.compile(r"《([^《》\n]{2,80})》")
_TRAILING_PAREN = re.compile(r"(?:[（(][^（）()]*[）)]|[\s\d.\-—]+(?:版|年版)?)$")
_POLICY_END = re.compile(
    r"(?:法|法案|条例|规定|办法|规划|计划|方案|意见|纲要|战略|指南|指引|标准|规范|规则|通知|决定|细则|制度|准则|"
    r"政策|措施|目录|要求|公约|守则|章程|法典|倡议|清单|路线图|指导意见|实施意见|若干意见|"
    r"指令|行政令|行政命令|(?<!共产党)宣言|(?<!技术|架构)框架)$"  # an EU directive, a US executive order, a declaration,
    # a policy framework; not a book (共产党宣言) or a technical framework (算力网络总体技术框架)
)
# A numbered part of a code of rules: 企业会计准则第21号——租赁, 企业会计准则解释第13号, 自律监管指引第1号--规范运作
_NUMBERED_PART = re.compile(r"(?:解释)?第[\d一二三四五六七八九十]+号$")
_NOT_POLICY = re.compile(r"(?:报|刊|杂志|白皮书|蓝皮书|报告|年报|公告|决议|协议|合同|协定书|书|案例|手册|函|稿|纪要|说明|声明)$")
# PDF page headers that leak into titles: 互联网法律白皮书（2023年）10
_HEADER_RESIDUE = re.compile(r"[\u4e00-\u9fa5]{2,5}(?:白皮书|蓝皮书|报告)（\d{4}年）\d{1,3}")
# Documents known by number or article count: 数字政府建设14号文, “数据二十条”
_ARTICLES = re.compile(r"(?<=“)[\u4e00-\u9fa5]{2,8}[一二三四五六七八九十]+条(?=”)")
_DOC_NUMBER = re.compile(r"\d{1,4}号文")
# A body's document cited by its date without 《》, as tables of policies list them:
# 水利部等5部门2023年4月湘江流域数据指南
_DATED_TITLE = re.compile(r"(?:[部委局院厅办]|中央|部门)\d{4}年\d{1,2}月(?:\d{1,2}日)?"
                          r"(?P<title>[\u4e00-\u9fa5“”]{4,40}?(?:方案|意见|规划|计划|纲要|办法|条例|规定|指南|决定)"
                          r"(?:\d+\.\d+)?(?:[（(]\d{4}[-—–]\d{4}年[）)])?)")  # 指南2.0, 行动计划（2022-2025年）
_STRATEGY = re.compile(r"“[^“”]{1,12}”(?:战略规划体系|战略规划|战略|倡议)|"
                       r"(?:强国|强企|兴企|中国|振兴|兴国|协同发展|驱动发展|融合发展|可持续发展|城镇化|大数据|内需|乡村|"
                       r"云网融合)战略|"
                       r"“一带一路”")
_STRATEGY_GENERIC = re.compile(r"^(?:发展|公司|集团|企业|国家|总体|整体|重大|重要|新)?(?:战略)$")
# Words before a strategy's name that are not part of it: 推动我国乡村振兴战略, 自数字乡村战略实施以来 (since).
_NOT_IN_STRATEGY = re.compile(r"我[国省市]|自(?![主治贸由然动])")
# What may follow a law's title without making it part of another word (网络安全法律, 公司法人, 网络安全法治).
_NOT_AFTER_LAW = "律规典案学人定务治制院官庭"


def is_policy_title(title: str) -> bool:
    """Whether a 《》 title names a policy document rather than a paper, report, announcement or contract.

    >>> [is_policy_title(t) for t in ["数据安全法", "人民日报", "关于召开股东大会的公告", "算力行动计划（2023-2025年）",
    ...                               "企业会计准则第21号——租赁（修订）"]]
    [True, False, False, True, True]
    """
    core = title
    while (stripped := _TRAILING_PAREN.sub("", core)) != core:  # （试行）（征求意见稿）
        core = stripped
    if core.endswith("政府工作报告"):  # the government work report sets policy
        return True
    if _NOT_POLICY.search(core) or _POLICY_END.fullmatch(core):  # 《条例》 refers back to a title, it names none
        return False
    head = _NUMBERED_PART.sub("", re.split("——|--", core)[0])
    return bool(_POLICY_END.search(core) or _POLICY_END.search(head))


class PolicyExtractor(Extractor):
    name = "policies"
    version = "7"

    def __init__(self) -> None:
        titles = gazetteer.names_pattern(gazetteer.load().laws).pattern
        self.laws = re.compile(f"(?:中华人民共和国)?(?:{titles})(?![{_NOT_AFTER_LAW}])")

    @staticmethod
    def _number_start(text: str, end: int) -> int:
        """Start of the topic before a document number (数字乡村建设7号文): back to 的 or punctuation."""
        start = max(0, end - 16)
        for i in range(end - 1, start - 1, -1):
            if text[i] in "的，。、；：“”（）《》 " or not ("\u4e00" <= text[i] <= "\u9fa5") \
                    or text[i] == "年" and text[i - 1:i].isdigit():  # 2018年中央1号文: the year is no part of it
                return i + 1
        return start

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        out: list[Mention] = []
        for m in _TITLE.finditer(text):
            title = m.group(1).strip()
            if not is_policy_title(title):
                continue
            clean = _HEADER_RESIDUE.sub("", title)
            out.append(doc.mention(m.start(1), m.end(1), "Policy", self.name, key=keys.policy(clean), confidence=0.9,
                                   name=clean if clean != title else None, exact=True))
        inside = [(m.start - 1, m.end + 1) for m in out]
        for m in self.laws.finditer(text):  # laws cited without 《》: 依据个人信息保护法
            if not any(s <= m.start() < e for s, e in inside):
                out.append(doc.mention(m.start(), m.end(), "Policy", self.name, key=keys.policy(m.group()), confidence=0.85,
                                       exact=True))
        for m in _DATED_TITLE.finditer(text):
            if is_policy_title(m.group("title")):
                out.append(doc.mention(m.start("title"), m.end("title"), "Policy", self.name,
                                       key=keys.policy(m.group("title")), confidence=0.7))
        numbered = [(m.start(), m.end()) for m in _ARTICLES.finditer(text)]
        numbered += [(self._number_start(text, m.start()), m.end()) for m in _DOC_NUMBER.finditer(text)]
        for start, end in numbered:
            if end - start > 4 and not any(s <= start < e for s, e in inside):
                out.append(doc.mention(start, end, "Policy", self.name, key=keys.policy(text[start:end]), confidence=0.7))
        for m in _STRATEGY.finditer(text):
            end = m.end()
            start = m.start()
            if not text[start] == "“":
                start = left_edge(text, start, 10)
                if text.endswith("创新驱动", 0, start + 2):  # 创新 ends names elsewhere but opens this one
                    start -= 2
            if (prefix := _NOT_IN_STRATEGY.match(text, start, end)):
                start = prefix.end()
            name = text[start:end]
            if any(s <= start < e for s, e in inside) or _STRATEGY_GENERIC.match(name) or len(name) < 4 \
                    or text[start - 1:start].isdigit():  # 5大强企战略 counts strategies, it names none
                continue
            out.append(doc.mention(start, end, "Policy", self.name, key=keys.policy(name), confidence=0.7))
        return out
