"""Short names a text defines for a name it found (``（以下简称“X”）``), as mentions of that name.

湘潭沅江智能科技有限公司（以下简称“沅江智能”）: 沅江智能, in the parentheses and wherever it
recurs later in the document, is the company, with its key, so resolution makes it an
alias of the full name.  It runs after the rule extractors whose names it reads.

>>> from kg.pipeline import run, parse
>>> doc = run(parse("执行《湘江租赁准则》（以下简称“新准则”）。新准则影响不大。"), ["policies", "abbreviations"])
>>> [(m.text, m.label, m.surface) for m in doc.mentions if m.extractor == "abbreviations"]
[('新准则', 'Policy', '湘江租赁准则'), ('新准则', 'Policy', '湘江租赁准则')]
"""
from __future__ import annotations

import re

from extractors.base import Extractor
from kg.records import Mention, ParsedDocument

__all__ = ["AbbreviationExtractor"]

# After the name (and its 》): maybe a bracketed note (特殊普通合伙), then the definition, maybe after a
# foreign name:
# （以下简称“中国信通院”）, （简称：ISSB）, （Xiangjiang Data Board，以下简称：XDB）.
_DEFINITION = re.compile(r"》?(?:[（(][^（()）]{1,10}[）)])?[（(](?:[^（()）]{0,60}?[，,])?(?:以下|全文)?简称[：:]?"
                         r"“?(?P<short>[^“”（()）：:，,、。；\s]{1,20}?)”?[）)]")
# Short names that are words of the text, not names (以下简称：官网, 简称“本次前十大股东信息”).
_NOT_A_NAME = re.compile(r"^(?:本次|本|该|上述)|信息$|文件$|^官网$|^APP$")
_LABELS = ("Organization", "Subsidiary", "Policy", "Product", "Project")


class AbbreviationExtractor(Extractor):
    name = "abbreviations"
    version = "1"

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        text = doc.text
        names = [m for m in doc.mentions if not m.implied and m.label in _LABELS]
        taken = [(m.start, m.end) for m in doc.mentions if not m.implied]
        out: list[Mention] = []
        for long in names:
            d = _DEFINITION.match(text, long.end)
            if d is None or _NOT_A_NAME.search(d.group("short")) \
                    or any(m.start < long.start and m.end == long.end for m in names):
                continue  # the definition is the longest name's that ends there
            short = d.group("short")
            for occurrence in re.finditer(re.escape(short), text[d.start("short"):]):
                start, end = d.start("short") + occurrence.start(), d.start("short") + occurrence.end()
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                out.append(doc.mention(start, end, long.label, self.name, confidence=0.8, key=long.key,
                                       name=long.surface))
        return out
