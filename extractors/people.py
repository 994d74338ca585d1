"""People (``Person``) by titles and context: 董事长陈忠岳, 工程师农智胜, 张文同志, 习近平总书记.

A name is a known surname plus one or two characters; whether the third
character belongs to the name is decided by what follows (表示, 在, 、 …).
Nicknames are not names; titles alone are not people.

>>> from kg.pipeline import parse
>>> [m.surface for m in PersonExtractor()(parse("公司董事长陈忠岳表示，工程师农智胜在现场。"))]
['陈忠岳', '农智胜']
"""
from __future__ import annotations

import re

from extractors import gazetteer
from extractors.base import Extractor
from kg.records import Mention, ParsedDocument

__all__ = ["PersonExtractor", "TITLES"]

TITLES = (
    "董事长|副董事长|总经理|副总经理|党委书记|党组书记|党委副书记|党组副书记|纪委书记|总书记|书记|副书记|总裁|副总裁|"
    "执行董事|董事|监事会主席|监事|主席|副主席|总监|首席执行官|首席技术官|首席专家|首席科学家|首席|经理|主任|副主任|"
    "院长|副院长|所长|部长|副部长|局长|副局长|厅长|司长|处长|科长|省长|市长|县长|区长|镇长|村支书|秘书长|会长|"
    "理事长|总工程师|工程师|负责人|组长|队长|班长|站长|教授|研究员|院士|委员|客户经理|网格长|总师|主管|"
    "总会计师|董事会秘书|董秘|技术专家|专家|博士|项目经理|支部书记|馆长|校长|行长|台长|社长|总编辑|记者|员工|"
    "代表|工作人员|装维人员|装维工程师|师傅|创始人|主理人|带头人|讲师|教师|老师|医生|志愿者"
)
_TITLE = re.compile(f"(?:{TITLES})")
# Characters that follow a two-character name rather than being its third character.
_AFTER_NAME = set("表说介在带一等出主强指讲提认要希代参亲了和与及、，。；：:！？（(“”的是到为对向同作会也就从将已还率致陪来赴调考听宣发回答分负每向现曾已正均与首获被把")
_NOT_GIVEN_START = set("、，。；：:！？（(“”的是了和与及在等为对向同将已也就")
_NAME_CHARS = re.compile(r"[\u4e00-\u9fa5]")
_NOT_NAME_START = set("的了和与及在是将为对")
_KNOWN = {"习近平": 0.99}
# Titles written after a name (孙世臻总经理); 专家, 代表 and the like follow common words too often.
_POST_TITLES = "总经理|副总经理|董事长|副董事长|书记|副书记|主任|副主任|院长|部长|局长|总裁|院士|教授|秘书长|会长|理事长"
_HONORIFIC = re.compile(r"(?:同志|总书记|先生|女士|表示|指出|强调|介绍说|说道|" + _POST_TITLES + ")")
# Common words that look like a surname plus a given name after a title (专家云集, 总书记关于党的…).
_NOT_GIVEN = {"云集", "关于", "高层", "层次", "一行", "等人", "们的", "同时", "共同", "全体", "代表", "团队", "本人",
              "强调", "表示", "指出", "介绍", "认为", "要求", "提出", "称赞", "表扬", "希望", "带领", "带队", "主持"}
_BEFORE_NAME = set("，。、；：:！？（(“”》】 ") | set("部司处院室局")


class PersonExtractor(Extractor):
    name = "people"
    version = "1"

    def __init__(self) -> None:
        self.surnames = gazetteer.load().surnames

    def _name_at(self, text: str, pos: int) -> int | None:
        """End of a personal name starting at ``pos``, or None."""
        two = text[pos:pos + 2]
        sur = 2 if two in self.surnames else 1 if text[pos:pos + 1] in self.surnames else 0
        if not sur:
            return None
        given_start = pos + sur
        chars = text[given_start:given_start + 2]
        if text[pos:pos + 2] in _NOT_GIVEN or chars in _NOT_GIVEN:
            return None
        if not chars or not _NAME_CHARS.match(chars[0]) or chars[0] in _NOT_GIVEN_START:
            return None
        if len(chars) == 2 and _NAME_CHARS.match(chars[1]) and chars[1] not in _AFTER_NAME and sur == 1:
            # a third character only when what follows it ends the name
            return given_start + 2  # most names have three characters
        after = text[given_start + 1:given_start + 2]
        if after and _NAME_CHARS.match(after) and after not in _AFTER_NAME:
            return None
        return given_start + 1

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        spans: dict[tuple[int, int], float] = {}
        for m in _TITLE.finditer(text):
            pos = m.end()
            if pos < len(text) and text[pos] in _NOT_NAME_START:
                continue
            end = self._name_at(text, pos)
            if end:
                spans.setdefault((pos, end), 0.8)
        for m in _HONORIFIC.finditer(text):
            for length in (3, 2):
                start = m.start() - length
                if start >= 0 and self._name_at(text, start) == m.start() and (start == 0 or text[start - 1] in _BEFORE_NAME):
                    spans.setdefault((start, m.start()), 0.75)
                    break
        for name, conf in _KNOWN.items():
            for m in re.finditer(re.escape(name), text):
                spans[(m.start(), m.end())] = conf
        # a name found once is a name wherever it recurs in the document (陈忠岳表示 … 陈忠岳在演讲中)
        for name in {text[s:e] for s, e in spans}:
            for m in re.finditer(re.escape(name), text):
                spans.setdefault((m.start(), m.end()), 0.7)
        taken = {(m.start, m.end) for m in doc.mentions if not m.implied}
        out = []
        for (start, end), conf in sorted(spans.items()):
            if any(s <= start < e for s, e in taken):
                continue
            name = text[start:end]
            out.append(doc.mention(start, end, "Person", self.name, key=f"person:{name}", confidence=conf))
        return out
