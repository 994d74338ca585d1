"""Reading inputs: encodings, bad files, folders, JSONL, passages with offsets, sentences."""
import pytest

from kg.documents import decode, find_inputs, read_documents, split_passages
from kg.errors import InputError
from kg.sentences import split_sentences

TEXT = "广东联通发布新产品。浙江联通与华为签约！记者问：“何时上市？”答：明年。"


def test_utf8_with_and_without_bom_and_gb18030_decode_the_same():
    assert decode(TEXT.encode("utf-8"), "a") == TEXT
    assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a") == TEXT
    assert decode(TEXT.encode("gb18030"), "a") == TEXT
    assert decode(TEXT.encode("gbk"), "a") == TEXT


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("kg report".encode("utf-16-le"), "binary"),
])
def test_bad_bytes_raise_input_error_naming_the_file(data, words):
    with pytest.raises(InputError, match=f"bad.txt: .*{words}"):
        decode(data, "bad.txt")


def test_unknown_encoding_is_an_error():
    data = bytes(range(0x80, 0x100)) * 4  # not UTF-8, and not GB18030 text
    with pytest.raises(InputError, match="bad.txt: unknown text encoding"):
        decode(data, "bad.txt")


def test_passages_keep_offsets_into_the_source():
    text = TEXT * 40
    docs = list(split_passages(text, "src.txt", max_chars=100))
    assert len(docs) > 5
    assert all(len(d.text) <= 100 for d in docs)
    for d in docs:
        assert text[d.offset:d.offset + len(d.text)] == d.text
    assert "".join(d.text for d in docs) == text
    # cuts fall on sentence ends
    assert all(d.text.endswith(("。", "！", "”")) for d in docs[:-1])


def test_sentences_split_on_chinese_and_western_punctuation():
    sents = split_sentences("d", "联通发布了5G 2.0版本。Done. 是吗？好！")
    assert [s.text for s in sents] == ["联通发布了5G 2.0版本。", "Done.", " 是吗？", "好！"]
    assert all("联通发布了5G 2.0版本。Done. 是吗？好！"[s.start:s.end] == s.text for s in sents)


def test_folder_is_read_recursively_and_jsonl_lines_become_documents(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("广东联通。", encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_bytes("浙江联通。".encode("gb18030"))
    (tmp_path / "sub" / "skip.bin").write_bytes(b"\x00\x01")
    (tmp_path / "c.jsonl").write_text('{"id": "p1", "text": "湖南联通。"}\n\n{"id": "p2", "text": "湖北联通。"}\n',
                                      encoding="utf-8")
    docs = list(read_documents([tmp_path]))
    assert sorted(d.text for d in docs) == ["广东联通。", "浙江联通。", "湖北联通。", "湖南联通。"]
    assert {d.id for d in docs} >= {"p1", "p2"}


def test_broken_jsonl_line_names_the_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"id": "1", "text": "联通"}\n{"id": "2", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"x.jsonl:2: not a JSON line"):
        list(read_documents([p]))


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_inputs([tmp_path / "nope.txt"])
    with pytest.raises(InputError, match="holds no"):
        find_inputs([tmp_path])
