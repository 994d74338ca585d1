"""Parallel extraction: any number of jobs gives the same documents, in input order, and the same graph."""
from click.testing import CliRunner

from kg.cli import main
from kg.parallel import extract_documents
from kg.pipeline import Pipeline
from kg.records import Document

TEXTS = [
    "江西联通推出赣鄱云平台。联通九江市分公司承建了庐山智慧景区项目。",
    "工信部印发《数字乡村建设指南》。江西联通总经理李明远出席签约仪式。",
    "中国联通与南昌大学签署战略合作协议，共建算力网络联合实验室。",
]


def _folder(tmp_path, copies=4):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(copies):
        (src / f"f{i}.txt").write_text("".join(TEXTS[(i + k) % 3] for k in range(3)) * 2, encoding="utf-8")
    return src


def _view(doc):
    return doc.id, [(m.start, m.end, m.label, m.extractor) for m in doc.mentions], \
        [(r.head.text, r.label, r.tail.text) for r in doc.relations]


def test_two_jobs_give_the_same_documents_in_order_as_one():
    docs = [Document(f"t#{i}", TEXTS[i % 3], "t", i * 100) for i in range(9)]
    pipeline = Pipeline()
    one = [_view(d) for d in extract_documents(docs, pipeline, jobs=1, batch_size=2)]
    two = [_view(d) for d in extract_documents(docs, pipeline, jobs=2, batch_size=2)]
    assert one == two
    assert [v[0] for v in two] == [d.id for d in docs]
    assert any(v[1] for v in two)


def test_build_with_two_jobs_writes_byte_identical_ntriples(tmp_path):
    src = _folder(tmp_path)
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["build", str(src), "-o", str(tmp_path / f"out{jobs}"), "--jobs", jobs,
                                      "--no-cache", "-q"])
        assert result.exit_code == 0, result.output
    one = (tmp_path / "out1" / "graph.nt").read_bytes()
    assert one and one == (tmp_path / "out2" / "graph.nt").read_bytes()
    assert (tmp_path / "out1" / "graph.ttl").read_bytes() == (tmp_path / "out2" / "graph.ttl").read_bytes()


def test_jobs_must_be_positive(tmp_path):
    src = _folder(tmp_path, copies=1)
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--jobs", "0"])
    assert result.exit_code != 0 and "--jobs" in result.output


def _fails(message):
    raise ValueError(message)


def test_forked_task_returns_its_value_and_raises_its_error_in_the_parent():
    import pytest

    from kg.forking import Forked

    assert Forked(sorted, [3, 1, 2]).result() == [1, 2, 3]
    with pytest.raises(ValueError, match="disk full"):
        Forked(_fails, "disk full").result()


def _refuse(rdf):
    """A graph check that refuses the graph."""
    raise ValueError(f"graph refused ({len(rdf)} triples)")


def test_a_refused_graph_writes_nothing_and_the_checks_error_comes_back(tmp_path):
    import pytest

    from kg.build import build

    src = tmp_path / "a.txt"
    src.write_text(TEXTS[0], encoding="utf-8")
    with pytest.raises(ValueError, match=r"graph refused \(\d+ triples\)"):  # raised in the forked check
        build([src], tmp_path / "out", check=_refuse, jobs=1)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == []  # no graph files, no staging folder
