"""The CLI end to end: build and extract on written texts, and one-line errors on bad input."""
import json
import os

import pytest
import rdflib
import rdflib.compare
from click.testing import CliRunner

from kg.cli import main

TEXT = ("湖南联通推出星火智算平台。联通株洲市分公司承建了湘江智慧水利建设项目。"
        "工信部印发《算力基础设施发展行动计划》。湖南联通网络部工程师陈小林在现场。")


@pytest.fixture
def runner():
    return CliRunner()


def _error_line(result):
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    return lines[-1] if lines else ""


def test_build_writes_three_rdf_files_that_parse_back(runner, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = runner.invoke(main, ["build", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "entities:" in result.output and "rejected by domain/range: 0" in result.output
    graphs = {}
    for name, fmt in [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")]:
        g = rdflib.Graph().parse(tmp_path / "out" / name, format=fmt)
        graphs[name] = g
        assert len(g) > 20
    kg = rdflib.Namespace("https://kg.example.org/ontology#")
    g = graphs["graph.ttl"]
    names = {str(o) for o in g.objects(None, kg.name)}
    assert {"湖南联通", "联通株洲市分公司", "星火智算平台", "湖南", "中国联通"} <= names
    assert (None, kg.provides, None) in g and (None, kg.subsidiaryOf, None) in g
    assert rdflib.compare.isomorphic(graphs["graph.ttl"], graphs["graph.nt"])


def test_extract_writes_one_prediction_per_line_with_provenance(runner, tmp_path):
    src = tmp_path / "p.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"p{i}", "text": t}, ensure_ascii=False)
                             for i, t in enumerate([TEXT, "浙江联通与华为签署合作协议。"])) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(main, ["extract", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["p0", "p1"]
    works = [r for r in rows[0]["relations"] if r["type"] == "worksFor"]
    assert works and works[0]["role"] == "网络部工程师" and works[0]["evidence"][0]["sentence"]
    ent = next(e for e in rows[0]["entities"] if e["name"] == "星火智算平台")
    m = ent["mentions"][0]
    assert TEXT[m["start"]:m["end"]] == "星火智算平台" and m["extractor"]
    partner = next(r for r in rows[1]["relations"] if r["type"] == "partnerOf")
    assert (partner["head"], partner["tail"]) == ("浙江联通", "华为")


def _file(name, data):
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name
    return make


@pytest.mark.parametrize("make, expect", [
    (lambda d: d / "missing.txt", "missing.txt: no such file"),
    (_file("empty.txt", b""), "empty.txt: file is empty"),
    (_file("bin.txt", b"\x7fELF\x00\x01\x02"), "bin.txt: binary file"),
    (_file("enc.txt", bytes(range(0x80, 0x100)) * 3), "enc.txt: unknown text encoding"),
    (_file("bad.jsonl", '{"id": 1, "text": "联通"}\n{broken\n'.encode()), "bad.jsonl:2: not a JSON line"),
])
@pytest.mark.parametrize("command", ["build", "extract"])
def test_bad_input_gives_one_line_and_no_output(runner, tmp_path, make, expect, command):
    path = make(tmp_path)
    out = tmp_path / ("out" if command == "build" else "pred.jsonl")
    result = runner.invoke(main, [command, str(path), "-o", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    line = _error_line(result)
    if command == "extract" and not str(path).endswith(".jsonl") and "no such file" not in expect:
        assert "error:" in line
    else:
        assert expect in line, result.output
    leftovers = [p for p in tmp_path.rglob("*") if p.name.startswith(("graph.", "pred", ".graph", ".pred"))]
    assert leftovers == []


def test_unwritable_output_folder_is_one_line(runner, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text(TEXT, encoding="utf-8")
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = runner.invoke(main, ["build", str(src), "-o", str(blocker / "out")])
    assert result.exit_code == 1
    assert "file-not-folder/out: cannot create output folder" in _error_line(result)
    if os.geteuid() != 0:  # root can write anywhere
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        result = runner.invoke(main, ["build", str(src), "-o", str(ro)])
        assert result.exit_code == 1 and "not writable" in _error_line(result)


def test_help_teaches_with_an_example(runner):
    for cmd in ["build", "extract"]:
        result = runner.invoke(main, [cmd, "--help"])
        assert result.exit_code == 0 and "Example" in result.output and "kg " + cmd in result.output
