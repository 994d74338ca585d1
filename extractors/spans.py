"""Span helpers shared by the rule extractors: where a Chinese name starts, and overlap checks.

Chinese has no spaces, so a name that ends in a known suffix (…有限公司,
…项目) is grown leftwards until punctuation or a function word / verb that
cannot be part of a name.

>>> text = "近日，浙江联通携手杭州市数据资源管理局与华为技术有限公司签约"
>>> end = text.index("管理局")
>>> text[left_edge(text, end, 12):end]
'杭州市数据资源'
>>> end = text.index("技术有限公司")
>>> text[left_edge(text, end, 12):end]
'华为'

"""
from __future__ import annotations

import re

__all__ = ["left_edge", "unnamed_start", "holds_clause", "STOP_PUNCT", "blocked", "longest_first"]

_CLOSING = {"”": "“", "）": "（", ")": "(", "》": "《"}
STOP_PUNCT = set("，。、；：！？“”‘’（）()《》【】[]「」 \t\n\r,.;:!?\"'—…·/|")

# Words that end a name when met going leftwards (they precede names, they are not in them).
_STOP_WORDS = sorted(
    {
        "的", "与", "和", "及", "并", "在", "由", "为", "向", "对", "是", "了", "同", "将", "被", "把", "从",
        "于", "据", "经", "等", "以", "让", "使", "给", "跟", "或", "即", "且", "也", "还", "又", "就",
        "而", "但", "其", "该", "此", "这", "那", "各", "每", "到", "至",
        "联合", "携手", "牵头", "组织", "成立", "加入", "签约", "签署", "发布", "印发", "获得", "荣获", "入选",
        "来自", "包括", "作为", "位于", "通过", "推动", "推进", "开展", "实施", "启动", "参与", "参加", "承建",
        "承担", "建设", "打造", "推出", "上线", "发起", "举办", "主办", "召开", "出席", "会见", "走访", "调研",
        "考察", "访问", "支持", "助力", "服务", "带领", "指导", "批准", "授予", "认定", "评为", "选为", "任命",
        "担任", "中标", "获批", "依托", "基于", "围绕", "聚焦", "面向", "针对", "落实", "贯彻", "完成", "实现",
        "形成", "构建", "联手", "协同", "共同", "一起", "积极", "全面", "深入", "持续", "正式", "首个", "首批",
        "重点", "年", "月", "日", "举行", "合作", "交流", "座谈", "会谈", "拜访", "到访", "莅临", "陪同", "代表",
        "领导", "负责", "全力", "有力", "大力", "努力", "不断", "进一步", "加快", "加强", "强化", "深化", "提升",
        "优化", "完善", "推广", "应用", "运营", "研发", "自研", "开发", "升级", "发展", "创新", "落地", "助推",
        "赋能", "保障", "做好", "统筹", "牵引", "带动", "引领", "促进", "确保", "提供", "提出", "获", "受", "邀",
        "称", "说", "表示", "指出", "强调", "介绍", "认为", "要求", "希望", "部署", "印发了", "出台", "颁布",
        "制定", "修订", "公布", "审议", "通过了", "同意", "决定", "通知", "答复", "报告", "获评", "当选",
        "包含", "帮助", "利用", "结合", "明确", "突出", "体现", "理解", "增强", "回购", "请见", "建立", "探索", "要求",
        "详情", "涉及", "属于", "成为", "设立", "注册", "收购", "控股", "持有", "投资", "对接", "具有",
        "随着", "按照", "根据", "依照", "伴随", "借助", "凭借", "着力", "围绕着", "关于", "有关", "针对性",
        "聘请", "委托", "邀请", "选聘", "授权", "联系", "协调", "依靠", "配合", "多位", "各位", "几位", "两位", "多家",
        "采用", "引入", "接入", "搭载", "选用", "纳入", "构筑", "迭代", "意味着",
        "未知", "法人", "聘任", "调动", "创建", "分享", "各地", "多地", "首家", "各省市", "坚持", "领悟", "响应",
        "目前", "当前", "近日", "日前", "今年", "去年", "此外", "同时", "其中", "如今", "未来", "传承", "开启", "迎来",
        "走进", "涵盖", "入职", "不仅", "采取", "征求意见", "支付", "符合", "协助", "打通", "列入", "践行", "顺利", "交付",
        # the headings of a report's share table (股票简称股票代码A股上海证券交易所)
        "股票代码", "股票简称", "股票种类", "A股", "H股",
    },
    key=len,
    reverse=True,
)
# Two-character words in which a stop character is part of a name (华为, 数据, 经济), or that a
# name may not be cut through (年度, 经常 of 非经常性: the extractors then see the whole word).
_GLUED = {"华为", "数据", "依据", "经济", "财经", "以色列", "所以", "同方", "合同", "共同", "认同", "协同", "使用", "至上",
          "到家", "和平", "中和", "协和", "人和", "祥和", "各国", "给力", "大连", "北京", "日本", "年度", "经常"}
# Verbs that also make up project and product names (开放合作计划, 智慧服务平台, 乡村振兴发展行动).
_NAME_VERBS = {
    "合作", "交流", "服务", "发展", "创新", "应用", "建设", "保障", "提升", "优化", "完善", "赋能", "协同", "共同",
    "重点", "支持", "加强", "强化", "深化", "领导", "管理", "示范", "普及", "治理",
    "防范", "创建",
}
_STOP_BY_LAST: dict[str, list[str]] = {}
_STOP_BY_LAST_IN_NAMES: dict[str, list[str]] = {}
for _w in _STOP_WORDS:
    _STOP_BY_LAST.setdefault(_w[-1], []).append(_w)
    if _w not in _NAME_VERBS:
        _STOP_BY_LAST_IN_NAMES.setdefault(_w[-1], []).append(_w)


def left_edge(text: str, end: int, max_len: int, min_start: int = 0, stop_words: bool = True,
              alnum: bool = False, quotes: bool = False, name_verbs: bool = False) -> int:
    """Leftmost start of a name whose body ends at ``end``, at most ``max_len`` characters long.

    ``alnum`` lets ASCII letters and digits belong to the name (5G边缘算网一体机);
    ``quotes`` lets a quoted or bracketed part belong to it (“格物”设备管理平台);
    ``name_verbs`` lets verbs that make up names (合作, 服务, 发展 …) belong to it.
    """
    stops = _STOP_BY_LAST_IN_NAMES if name_verbs else _STOP_BY_LAST
    pos = end
    limit = max(min_start, end - max_len)
    while pos > limit:
        ch = text[pos - 1]
        if quotes and ch in _CLOSING:
            q = text.rfind(_CLOSING[ch], max(limit, pos - 50), pos - 1)
            if q >= 0:
                pos = q
                continue
        if alnum and _latin_or_digit(ch):
            pos -= 1
            continue
        if ch in STOP_PUNCT or ch.isdigit():
            break
        if stop_words and ch in stops:
            date_day = ch == "日" and text[pos - 2:pos - 1].isdigit()  # 8日本溪市: a date's 日 glues to nothing
            if any(text.startswith(w, pos - len(w)) and pos - len(w) >= 0 for w in stops[ch]) and not (
                text[pos - 2:pos] in _GLUED or (text[pos - 1:pos + 1] in _GLUED and not date_day)
            ):
                break
        pos -= 1
    # a name never starts inside a run of Latin letters and digits (5G物联网实验室 is not G物联网实验室)
    while pos < end and pos > 0 and _latin_or_digit(text[pos - 1]) and _latin_or_digit(text[pos]):
        pos += 1
    return pos


# A body opening with the rest of a demonstrative or with a count is an unnamed reference: (这)些工厂项目,
# (1000)余名小学生, 多个行业协会, 一批智慧医疗项目, 4场专家辅导会; a measure word opens a body only
# after a number (余杭, 个旧 and 多场景 open names and words).
_MEASURE_WORDS = "个家所名位批场项"
_UNNAMED_START = re.compile(f"些|个(?!旧)|[余一多几数两][{_MEASURE_WORDS}](?!景|目)")


def unnamed_start(text: str, start: int) -> bool:
    """Whether the body starting at ``start`` is a count or a demonstrative, not a name.

    >>> unnamed_start("建成1000余所中小学", 6), unnamed_start("举办4场专家辅导会", 3), unnamed_start("余杭区医院", 0)
    (True, True, False)
    """
    if _UNNAMED_START.match(text, start):
        return True
    return 0 < start < len(text) and text[start - 1].isdigit() and text[start] in _MEASURE_WORDS


_CLAUSE_WORDS = [w for w in _STOP_WORDS if len(w) > 1]
_CLAUSE_WORDS_IN_NAMES = [w for w in _CLAUSE_WORDS if w not in _NAME_VERBS]


def holds_clause(body: str, name_verbs: bool = True) -> bool:
    """Whether a stop word of two characters or more stands in ``body``: a clause, not a name.

    ``name_verbs`` lets the verbs that make up names (发展, 加强 …) stand in it.

    >>> holds_clause("苹果公司成立AI"), holds_clause("资讯通信媒体发展"), holds_clause("加强县", name_verbs=False)
    (True, False, True)
    """
    return any(w in body for w in (_CLAUSE_WORDS_IN_NAMES if name_verbs else _CLAUSE_WORDS))


def _latin_or_digit(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def blocked(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` lies inside, or crosses the edge of, one of ``spans``.

    A candidate that wholly contains an earlier span is allowed: 联通数科茅台云项目
    is a project even though 联通数科 is a unit.
    """
    return any(s < end and start < e and not (start <= s and e <= end) for s, e in spans)


def longest_first(candidates, length: int, occupied=(), earlier=()):
    """The longest of overlapping candidates, in that order (华为技术有限公司 over 华为).

    ``candidates`` are tuples that start with ``(start, end)``; a candidate is
    dropped where it overlaps an ``occupied`` span at all, or lies inside or
    crosses the edge of an ``earlier`` span (see :func:`blocked`).

    >>> list(longest_first([(0, 2, "华为"), (0, 8, "华为技术有限公司"), (9, 11, "中兴")], 12, occupied=[(9, 10)]))
    [(0, 8, '华为技术有限公司')]
    """
    taken = bytearray(length)
    for start, end in occupied:
        taken[start:end] = b"\x01" * (end - start)
    for c in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        start, end = c[0], c[1]
        if any(taken[start:end]) or blocked(earlier, start, end):
            continue
        taken[start:end] = b"\x01" * (end - start)
        yield c
