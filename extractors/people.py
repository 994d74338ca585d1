"""People (``Person``) by titles and context: 董事长陈忠岳, 工程师农智胜, 张文同志, 习近平总书记.

A name is a known surname plus one or two characters; whether the third
character belongs to the name is decided by what follows (表示, 在, 、 …).
The cues: a post before the name, a form of address or a verb of speech
after it (”陈思远说, 曹兴信进一步指出, 朱常波在会上), an appointment around it
(聘任何飚先生为…), a credit line (撰稿：…), a 、 list next to a name
found by a cue, and a foreign head of state's title, after which a name needs
no Chinese surname (美国总统拜登).  Nicknames are not names; titles alone are not people.

>>> from kg.pipeline import parse
>>> [m.surface for m in PersonExtractor()(parse("公司董事长陈忠岳表示，工程师农智胜在现场。"))]
['陈忠岳', '农智胜']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from kg.records import Mention, ParsedDocument

__all__ = ["PersonExtractor", "TITLES"]

TITLES = (
    "董事长|副董事长|总经理|副总经理|党委书记|党组书记|党委副书记|党组副书记|纪委书记|总书记|书记|副书记|总裁|副总裁|"
    "执行董事|董事|监事会主席|监事|主席|副主席|总监|首席执行官|首席技术官|首席专家|首席科学家|首席|经理|主任|副主任|"
    "院长|副院长|所长|部长|副部长|局长|副局长|厅长|司长|处长|科长|省长|市长|县长|区长|镇长|村支书|秘书长|会长|"
    "理事长|总工程师|工程师|负责人|组长|队长|班长|站长|教授|研究员|院士|委员|客户经理|网格长|总师|主管|"
    "总会计师|董事会秘书|董秘|技术专家|专家|博士|项目经理|支部书记|馆长|校长|行长|台长|社长|总编辑|记者|员工|"
    "法定代表人|代表|工作人员|装维人员|装维工程师|师傅|创始人|主理人|带头人|讲师|教师|老师|医生|志愿者|"
    "总设计师|设计师|营业员|话务员|经济学家|企业家|科学家|首相|总统|总理|党员|团员"
)
_TITLE = re.compile(f"(?:{TITLES})")
# Characters that follow a two-character name rather than being its third character.
_PARTICLES = set("在的了和与及是将对向等说从到为也就已还均曾正首获被把现每一称则们、，。；：:！？（(“”")
_NOT_GIVEN_START = set("、，。；：:！？（(“”的是了和与及在等为对向同将已也就")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fa5]")
_NOT_NAME_START = set("的了和与及在是将为对")
# Titles written after a name (孙世臻总经理); 专家, 代表 and the like follow common words too often.
_POST_TITLES = ("总经理|副总经理|董事长|副董事长|书记|副书记|主任|副主任|院长|部长|局长|总裁|副总裁|院士|教授|秘书长|会长|"
                "理事长|独立董事|执行董事|董事|监事|总监|馆长|校长|行长|总理|首相")
# What follows a name and hardly anything else: a form of address, a post, a verb of speech, 和他的团队.
_SAYS = "表示|指出|强调|介绍|认为|提到|谈到|坦言|透露"
_SPEECH = _SAYS + "|分享|宣布"  # after an adverb, these too: 曹兴信还分享了
_HONORIFIC = re.compile(r"(?:同志|总书记|先生|女士|" + _SAYS + r"|说道|补充说|笑着说|(?<!所)说|看来|"
                        r"告诉|向记者|回忆|解释|发表|致辞|如是说|和他的|和她的|和团队|带领团队|"
                        # an adverb before the verb of speech (曹兴信进一步指出, 曹兴信还分享了), a talk (朱常波在演讲中)
                        r"(?:进一步|还|也|又|再次|随后|同时|特别|首先|更是)(?:" + _SPEECH + r")|"
                        r"在(?:主旨演讲|演讲|致辞|发言|讲话|会上|采访)|" + _POST_TITLES + ")")
# Common words that look like a surname plus a given name after a title (专家云集, 总书记关于党的…).
_NOT_GIVEN = {"云集", "关于", "高层", "层次", "一行", "等人", "们的", "同时", "共同", "全体", "代表", "团队", "本人",
              "强调", "表示", "指出", "介绍", "认为", "要求", "提出", "称赞", "表扬", "希望", "带领", "带队", "主持",
              "文化", "思想", "重要", "讲话", "指示", "批示", "项目", "明确", "廉洁", "先生", "女士", "同志", "建设",
              "高度", "智慧", "农业", "荣获", "隆重", "管理", "高管", "方面", "记者",
              # common nouns that open with a surname and stand before verbs of speech (文件指出, 方案强调)
              "文件", "方案", "石油", "常委", "金融", "安全", "应用", "计划", "时间", "史料", "全会", "全文", "文章"}
# Words that start right after a two-character name (李杰根据 is 李杰 + 根据, not 李杰根).
_WORD_AFTER = {"根据", "表示", "指出", "介绍", "认为", "强调", "等人", "同志", "作为", "对于", "关于", "带领", "负责", "主持",
               "出席", "参加", "率队", "一行", "为了", "通过", "提出", "要求", "说明", "指导", "调研", "考察", "会见", "陪同",
               "担任", "兼任", "分管", "先生", "女士", "看来", "代表", "介绍说", "就是", "也是", "还是", "已经", "正在",
               "讲话", "希望", "亲自", "率先", "来到", "回答", "答复", "发言", "致辞", "宣布", "听取", "带头", "现场",
               "发布", "分享", "告诉", "率领", "接受", "获得", "荣获", "院士", "教授", "博士", "先后", "多次", "深入",
               "前往", "走访", "看望", "慰问", "检查", "视察", "签署", "见证", "颁发", "点评", "解读", "演讲", "作了",
               "做了", "所说", "谈到", "提到", "坦言", "透露", "感慨", "认真", "高度", "充分", "详细", "重点", "围绕",
               "结合", "就此", "对此", "向记者", "在会上", "在致辞", "同时", "随后", "最后", "首先", "接到", "带着",
               "坚持", "始终", "一直", "主动", "第一", "立即", "迅速", "每天", "经常", "总是", "通过", "利用", "来自",
               "说道", "笑着", "告诉记者", "和他", "和她", "他们", "她们", "团队", "带队", "牵头", "组织", "负责", "带来",
               # the next field of a report's signature block (法定代表人王晓初日期…, 负责人：李玉焯会计机构负责人)
               "日期", "会计"}
_BEFORE_NAME = set("，。、；：:！？（(“”》】 ") | set("部司处院室局校在有为是由和与及的据括")  # 据X表示, 包括X董事
# A credit line: 撰稿：程唯珈 编辑：张瀛丰, 文/刘建国 陈晓东 (one or more names after the role and a colon or slash).
_CREDIT_ROLE = re.compile(r"(?:撰稿|编辑|责任编辑|责编|审核|审校|校对|摄影|摄像|记者|通讯员|作者|文|图)\s*[：:/／]\s*")
_CREDIT = re.compile(r"(?:^|(?<=[\s，。！？（(】”|]))" + _CREDIT_ROLE.pattern)
# Appointments name the person between the verb and 先生/女士/为 (聘任何飚先生为…: not 任何).
_APPOINTED = re.compile(r"聘任|任命|选举|聘请|提名|推选|选聘")
_AFTER_APPOINTED = re.compile(r"先生|女士|同志|为|担任")
# A foreign head of state or government, whose name has no Chinese surname: 美国总统拜登签署, 日本首相岸田文雄首相.
_FOREIGN_LEADER = re.compile(f"(?:{gazetteer.FOREIGN_STATES})(?:总统|首相|总理)(?![在于的将已也曾和与及对向是])(?P<name>[\u4e00-\u9fa5·]{{2,6}}?)"
                             r"(?=签署|发布|宣布|表示|指出|强调|提出|访问|会见|出席|在|于|首相|总统|总理|[，。、；：！？（])")
# What may follow a name listed with another (石鸿伟、郑直、刘义亮等).
_LIST_END = set("、，。；：！？）)—等和与及")


class PersonExtractor(Extractor):
    name = "people"
    version = "8"

    def __init__(self) -> None:
        gaz = gazetteer.load()
        self.surnames = gaz.surnames
        self.known = gazetteer.names_pattern(gaz.people)

    @staticmethod
    def _ends_name(text: str, end: int) -> bool:
        """Whether what follows ``end`` can follow a name: punctuation, a particle, a post or a verb of speech."""
        nxt = text[end:end + 1]
        if nxt == "们":  # 居民们, 同事们: a plural is no name
            return False
        return (not nxt or not _NAME_CHARS.match(nxt) or nxt in _PARTICLES or text[end:end + 2] in _WORD_AFTER
                or _TITLE.match(text, end) is not None or _HONORIFIC.match(text, end) is not None)

    def _surname_at(self, text: str, pos: int) -> int:
        """Length of the surname starting at ``pos``: 2 (欧阳), 1 (陈) or 0."""
        return 2 if text[pos:pos + 2] in self.surnames else 1 if text[pos:pos + 1] in self.surnames else 0

    def _name_at(self, text: str, pos: int) -> int | None:
        """End of a personal name starting at ``pos``, or None.

        A surname, then one or two given-name characters, followed by something
        that follows names (李杰根据 → 李杰; 书记高度重视 → no name).
        """
        sur = self._surname_at(text, pos)
        if not sur or text[pos:pos + 2] in _NOT_GIVEN:
            return None
        given_start = pos + sur
        given = text[given_start:given_start + 2]
        if not given or not _NAME_CHARS.match(given[0]) or given[0] in _NOT_GIVEN_START or given in _NOT_GIVEN:
            return None
        lengths = (2, 1) if sur == 1 else (1, 2)
        for n in lengths:
            end = given_start + n
            if end <= len(text) and all(_NAME_CHARS.match(c) and c not in _PARTICLES for c in text[given_start:end]) \
                    and self._ends_name(text, end):
                return end
        return None

    def _name_before(self, text: str, end: int, unit_ends: frozenset[int] = frozenset()) -> int | None:
        """Start of a three- or two-character name ending at ``end`` that follows punctuation, a word
        that precedes names (、陈思远 …, ”林海峰 …) or the name of a unit (``unit_ends``: 湖南联通王立新董事长), or None."""
        for length in (3, 2):
            start = end - length
            if start >= 0 and self._name_at(text, start) == end and (
                    start == 0 or text[start - 1] in _BEFORE_NAME or start in unit_ends):
                return start
        return None

    def _credited_name(self, text: str, pos: int, name_starts: set[int]) -> int | None:
        """End of a name at ``pos`` in a credit line, or None: a surname and one or two characters, then
        a space, punctuation, the end, the next role (程唯珈编辑：) or another name (张瀛丰中国联通…: the
        credit line runs into the next text)."""
        sur = self._surname_at(text, pos)
        if not sur:
            return None
        for n in (2, 1):
            end = pos + sur + n
            if end <= len(text) and all(_NAME_CHARS.match(c) for c in text[pos + sur:end]) \
                    and (end == len(text) or not _NAME_CHARS.match(text[end]) or _CREDIT_ROLE.match(text, end)
                         or end in name_starts):
                return end
        return None

    def _add_listed(self, text: str, spans: dict[tuple[int, int], float]) -> None:
        """Add the names listed with 、 next to a name in ``spans`` (石鸿伟、郑直、刘义亮、雷华), both ways."""
        todo = list(spans)
        while todo:
            start, end = todo.pop()
            found = []
            if text[end:end + 1] == "、":
                after = self._name_at(text, end + 1)
                if after and text[after:after + 1] in _LIST_END:
                    found.append((end + 1, after))
            if start >= 1 and text[start - 1] == "、" and (before := self._name_before(text, start - 1)) is not None:
                found.append((before, start - 1))
            for span in found:
                if span not in spans:
                    spans[span] = 0.7
                    todo.append(span)

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        spans: dict[tuple[int, int], float] = {}
        for m in _TITLE.finditer(text):
            pos = m.end()
            if text[pos:pos + 1] in ("：", ":"):  # a report's signature block: 公司负责人：刘烈宏
                pos += 1
            if pos < len(text) and text[pos] in _NOT_NAME_START:
                continue
            end = self._name_at(text, pos)
            if end:
                spans.setdefault((pos, end), 0.8)
        unit_ends = frozenset(m.end for m in doc.mentions if m.label in ("Organization", "Subsidiary") and not m.implied)
        for m in _HONORIFIC.finditer(text):
            if (start := self._name_before(text, m.start(), unit_ends)) is not None:
                spans.setdefault((start, m.start()), 0.75)
        for m in _APPOINTED.finditer(text):
            end = self._name_at(text, m.end())
            if end and _AFTER_APPOINTED.match(text, end):
                spans.setdefault((m.end(), end), 0.75)
        for m in _FOREIGN_LEADER.finditer(text):
            spans.setdefault(m.span("name"), 0.75)
        name_starts = {m.start for m in doc.mentions if not m.implied}
        for m in _CREDIT.finditer(text):
            pos = m.end()
            # names separated by spaces, 、 or the next role
            while (end := self._credited_name(text, pos, name_starts)) is not None:
                spans.setdefault((pos, end), 0.75)
                pos = end
                while pos < len(text) and text[pos] in " \u3000、":
                    pos += 1
                if role := _CREDIT_ROLE.match(text, pos):  # the next role's names (撰稿：A编辑：B)
                    pos = role.end()
        self._add_listed(text, spans)
        for m in self.known.finditer(text):  # public figures (data/people.tsv), wherever they are named
            spans[m.span()] = 0.95
        # a name found once is a name wherever it recurs in the document (陈忠岳表示 … 陈忠岳在演讲中)
        # (but not inside a longer name found there: 韩立 of 韩立新)
        found = list(spans)
        for name in sorted({text[s:e] for s, e in found}, key=len, reverse=True):
            for m in re.finditer(re.escape(name), text):
                if not any(s < m.end() and m.start() < e for s, e in spans):
                    spans[(m.start(), m.end())] = 0.7
        taken = {(m.start, m.end) for m in doc.mentions if not m.implied}
        out = []
        for (start, end), conf in sorted(spans.items()):
            if any(s <= start < e for s, e in taken):
                continue
            name = text[start:end]
            out.append(doc.mention(start, end, "Person", self.name, key=keys.named("person", name), confidence=conf))
        return out
