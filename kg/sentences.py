"""Split a document into sentences on Chinese and Western end punctuation.

>>> [s.text for s in split_sentences("d", "联通发布了新品。记者问：“何时上市？”答：明年. OK")]
['联通发布了新品。', '记者问：“何时上市？”', '答：明年.', ' OK']
"""
from __future__ import annotations

import re

from kg.records import Sentence

__all__ = ["split_sentences", "SENTENCE_END"]

# End punctuation, with closing quotes/brackets that belong to the sentence;
# a Western full stop only ends a sentence before white space or the end
# (so 2.0 and 1.5G are left alone).
SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*|\.(?=\s|$)|\n+")


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    """Sentences of ``text`` covering it without gaps; offsets are into ``text``."""
    out: list[Sentence] = []
    start = 0
    for m in SENTENCE_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            out.append(Sentence(doc_id, start, end, text[start:end]))
        start = end
    if start < len(text) and text[start:].strip():
        out.append(Sentence(doc_id, start, len(text), text[start:]))
    return out
