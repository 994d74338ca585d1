"""Province mentions from the gazetteer: full (广东省) and short (广东) forms, also inside longer names.

>>> from kg.pipeline import parse
>>> [m.text for m in ProvinceExtractor()(parse("广东联通与浙江省政府签约。"))]
['广东', '浙江省']
"""
from __future__ import annotations

import re

from extractors import gazetteer, keys
from extractors.base import Extractor
from kg.records import Mention, ParsedDocument

__all__ = ["ProvinceExtractor"]

# Short names that are also common words or parts of other names in this domain.
_NOT_PROVINCE_AFTER = {"北京": "时", "上海": "合", "海南": "州"}


class ProvinceExtractor(Extractor):
    name = "provinces"
    version = "1"

    def __init__(self) -> None:
        self.gaz = gazetteer.load()
        self.pattern = re.compile(f"(?:{self.gaz.province_pattern})")

    def __call__(self, doc: ParsedDocument) -> list[Mention]:
        out = []
        text = doc.text
        for m in self.pattern.finditer(text):
            short = self.gaz.province_of(m.group())
            nxt = text[m.end():m.end() + 1]
            if short is None or _NOT_PROVINCE_AFTER.get(short) == nxt:
                continue
            out.append(doc.mention(m.start(), m.end(), "Province", self.name, key=keys.province(short), confidence=0.95,
                                   exact=True))
        return out
