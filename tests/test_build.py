"""kg.build: the graph check runs beside the writing, and a failing check leaves the old files."""
import pytest

from kg.build import build
from kg.pipeline import Pipeline

TEXT = "四川联通推出天府智算平台。联通绵阳市分公司承建了科技城数字孪生项目。"


class Check:
    """Answers how many triples it was shown; raises when told to."""

    def __init__(self, fail=False):
        self.fail = fail

    def __call__(self, rdf):
        if self.fail:
            raise ValueError("shapes say no")
        return len(rdf)


def test_check_sees_the_graph_and_its_answer_comes_back(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    _, stats = build([src], tmp_path / "out", Pipeline(), jobs=1, check=Check())
    assert stats.shapes and stats.shapes > 10  # from the forked check
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl"]


def test_failing_check_leaves_the_old_files_and_no_staging(tmp_path):
    src, out = tmp_path / "a.txt", tmp_path / "out"
    src.write_text(TEXT, encoding="utf-8")
    build([src], out, Pipeline(), jobs=1)
    old = (out / "graph.nt").read_bytes()
    src.write_text(TEXT + "四川联通发布蜀道通APP。", encoding="utf-8")
    with pytest.raises(ValueError, match="shapes say no"):
        build([src], out, Pipeline(), jobs=1, check=Check(fail=True))
    assert (out / "graph.nt").read_bytes() == old
    assert sorted(p.name for p in out.iterdir()) == ["graph.jsonld", "graph.nt", "graph.ttl"]
