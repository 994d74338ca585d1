"""The SPARQL queries in queries/sparql/ run with rdflib on a small graph and give the expected rows."""
from __future__ import annotations

from pathlib import Path

import pytest

from exports.rdf import to_rdf
from tests.rdf_fixtures import small_graph

QUERIES = Path(__file__).resolve().parent.parent / "queries" / "sparql"


@pytest.fixture(scope="module")
def rdf(tmp_path_factory):
    return to_rdf(small_graph(str(tmp_path_factory.mktemp("q"))))


def run(rdf, name):
    result = rdf.query((QUERIES / f"{name}.rq").read_text(encoding="utf-8"))
    return [tuple(None if v is None else v.toPython() for v in row) for row in result]


def test_there_are_at_least_six_queries_and_all_parse(rdf):
    names = sorted(p.stem for p in QUERIES.glob("*.rq"))
    assert len(names) >= 6
    for name in names:
        run(rdf, name)


def test_units_by_province(rdf):
    assert run(rdf, "units_by_province") == [("广东", "广东联通"), ("浙江", "浙江联通"), ("浙江", "联通金华市分公司")]


def test_people_and_roles(rdf):
    assert run(rdf, "people_and_roles") == [("张伟", "总经理", "联通金华市分公司"), ("陈忠岳", "董事长", "中国联通")]


def test_products_by_provider(rdf):
    assert ("联通云", "广东联通", "Subsidiary") in run(rdf, "products_by_provider")


def test_projects(rdf):
    rows = run(rdf, "projects")
    assert ("智慧城市项目", "联通金华市分公司", "张伟") in rows
    assert ("“数字乡村”项目", "浙江联通", None) in rows


def test_policies_by_issuer(rdf):
    assert run(rdf, "policies_by_issuer") == [("工业和信息化部", "5G应用扬帆行动计划")]


def test_unicom_hierarchy_follows_chains(rdf):
    rows = run(rdf, "unicom_hierarchy")
    assert ("联通金华市分公司", "浙江联通") in rows and ("联通金华市分公司", "中国联通") in rows
    assert ("广东联通", "中国联通") in rows


def test_partners_read_both_directions(rdf):
    assert run(rdf, "partners") == [("中国联通", "华为公司"), ("华为公司", "中国联通")]


def test_relation_evidence_points_into_the_text(rdf):
    rows = run(rdf, "relation_evidence")
    chair = [r for r in rows if r[:3] == ("陈忠岳", "worksFor", "中国联通")]
    assert chair
    subject, relation, obj, sentence, document, start, end, extractor, confidence = chair[0]
    assert "董事长陈忠岳" in sentence and document.endswith("#0") and end > start
    assert extractor == "sentence_relations" and 0 < float(confidence) <= 1


def test_entities_by_class(rdf):
    counts = dict(run(rdf, "entities_by_class"))
    assert counts["Subsidiary"] == 3 and counts["Province"] == 2 and counts["Person"] == 2
