"""Read input files into :class:`~kg.records.Document` records.

Inputs are ``.txt``/``.md`` files of any size, folders of them (recursively)
and JSONL files whose lines carry ``id`` and ``text``.  Text is decoded as
UTF-8 (with or without BOM), then GB18030 (a superset of GBK); anything else
is an :class:`~kg.errors.InputError` naming the file.  Long texts are cut into
passages at sentence ends; each passage keeps its offset into the source file.

>>> docs = list(split_passages("广东联通发布新品。浙江联通签约。", "a.txt", max_chars=10))
>>> [(d.offset, d.text) for d in docs]
[(0, '广东联通发布新品。'), (9, '浙江联通签约。')]
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.records import Document
from kg.sentences import SENTENCE_END

__all__ = ["TEXT_SUFFIXES", "InputFile", "decode", "find_inputs", "read_documents", "split_passages"]

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PASSAGE_CHARS = 2000


@dataclass(frozen=True)
class InputFile:
    path: Path
    kind: str  # "text" or "jsonl"

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (BOM optional) or GB18030, or raise an InputError naming ``name``."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: binary file (contains NUL bytes); give a UTF-8 or GB18030 text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: unknown text encoding (not UTF-8 or GB18030/GBK at byte {err.start}); convert it to UTF-8"
        ) from None
    # GB18030 decodes almost any byte soup; demand that it looks like text.
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise InputError(f"{name}: unknown text encoding (not UTF-8 or GB18030/GBK); convert it to UTF-8")
    return text


def find_inputs(paths: Iterable[str | Path]) -> list[InputFile]:
    """Expand files and folders (recursively) into the input files to read, in a stable order."""
    found: list[InputFile] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES)
            if not files:
                raise InputError(f"{p}: folder holds no .txt, .md or .jsonl files")
            found.extend(_classify(f) for f in files)
        else:
            found.append(_classify(p))
    return found


def _classify(p: Path) -> InputFile:
    return InputFile(p, "jsonl" if p.suffix.lower() in JSONL_SUFFIXES else "text")


def split_passages(text: str, source: str, max_chars: int = PASSAGE_CHARS, base: int = 0) -> Iterator[Document]:
    """Cut ``text`` into passages of at most ``max_chars``, at sentence ends where possible."""
    n, start = len(text), 0
    while start < n:
        end = min(n, start + max_chars)
        if end < n:
            cut = None
            for m in SENTENCE_END.finditer(text, start + max_chars // 2, end):
                cut = m.end()
            end = cut or end
        chunk = text[start:end]
        if chunk.strip():
            yield Document(id=f"{source}#{base + start}", text=chunk, source=source, offset=base + start)
        start = end


def _read_jsonl(f: InputFile, text: str) -> Iterator[Document]:
    seen = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{f.path}:{lineno}: not a JSON line ({err.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InputError(f"{f.path}:{lineno}: a line needs a string field 'text' (and an 'id')")
        doc_id = str(row.get("id", f"{f.path.name}:{lineno}"))
        if doc_id in seen:
            raise InputError(f"{f.path}:{lineno}: duplicate id {doc_id!r}")
        seen.add(doc_id)
        yield Document(id=doc_id, text=row["text"], source=str(f.path), offset=int(row.get("offset", 0) or 0))


def read_file(f: InputFile, max_chars: int = PASSAGE_CHARS) -> Iterator[Document]:
    """Documents of one input file: passages of a text file, or the lines of a JSONL file."""
    try:
        data = f.path.read_bytes()
    except OSError as err:
        raise InputError(f"{f.path}: cannot read ({err.strerror})") from None
    text = decode(data, str(f.path))
    if f.kind == "jsonl":
        yield from _read_jsonl(f, text)
    else:
        yield from split_passages(text, f.path.name if f.path.name else str(f.path), max_chars)


def read_documents(paths: Iterable[str | Path], max_chars: int = PASSAGE_CHARS) -> Iterator[Document]:
    """All documents of the given files and folders, in order."""
    for f in find_inputs(paths):
        yield from read_file(f, max_chars)
