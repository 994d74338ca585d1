"""kg validate and the SHACL check of kg build."""
from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import PROV, RDF, RDFS

from exports.rdf import to_rdf
from exports.rdf_files import write_rdf
from kg.cli import main
from kg.cli_validate import BuildCheck
from kg.ontology import KG
from kg.validate import ShapeViolationError, validate_graph
from tests.rdf_fixtures import TEXT, small_graph


@pytest.fixture(scope="module")
def rdf(tmp_path_factory):
    return to_rdf(small_graph(str(tmp_path_factory.mktemp("v"))))


@pytest.fixture()
def broken(rdf):
    g = rdflib.Graph()
    for t in rdf:
        g.add(t)
    g.namespace_manager = rdf.namespace_manager
    return g


@pytest.fixture(scope="module")
def files(rdf, tmp_path_factory):
    out = tmp_path_factory.mktemp("files")
    write_rdf(rdf, out)
    return out


def _one(g, cls):
    return sorted(g.subjects(RDF.type, cls))[0]


def test_the_built_graph_conforms(rdf):
    before = len(rdf)
    report = validate_graph(rdf)
    assert report.conforms, report.violations
    assert len(rdf) == before  # validated in place: nothing added
    assert report.verdict().startswith(f"conforms: {len(rdf):,} triples, 0 violations")


def _messages(g):
    report = validate_graph(g, limit=50)
    assert not report.conforms
    return " | ".join(str(v) for v in report.violations)


def test_missing_label(broken):
    person = _one(broken, KG.Person)
    broken.remove((person, RDFS.label, None))
    assert "rdfs:label" in _messages(broken)


def test_domain_violation(broken):
    person, province = _one(broken, KG.Person), _one(broken, KG.Province)
    broken.add((person, KG.locatedIn, province))
    assert "the subject of kg:locatedIn must be kg:Subsidiary or kg:Organization" in _messages(broken)


def test_range_violation(broken):
    person, project = _one(broken, KG.Person), _one(broken, KG.Project)
    broken.add((person, KG.worksFor, project))
    assert "the object of kg:worksFor must be" in _messages(broken)


def test_relation_without_statement_and_statement_without_triple(broken):
    st = _one(broken, KG.Statement)
    s, p, o = broken.value(st, KG.subject), broken.value(st, KG.predicate), broken.value(st, KG.object)
    broken.remove((s, p, o))
    assert "the statement's triple is not asserted" in _messages(broken)
    broken.add((s, p, o))
    for t in list(broken.triples((st, None, None))):
        broken.remove(t)
    assert "has no kg:Statement" in _messages(broken)


def test_mention_without_offsets_or_extractor(broken):
    m = _one(broken, KG.Mention)
    broken.remove((m, KG.startOffset, None))
    broken.remove((m, PROV.wasAttributedTo, None))
    text = _messages(broken)
    assert "startOffset" in text and "wasAttributedTo" in text


def test_undeclared_property_and_untyped_node(broken):
    org = _one(broken, KG.Organization)
    broken.add((org, KG.founded, rdflib.Literal("1994")))
    broken.add((rdflib.URIRef("https://kg.example.org/id/x"), KG.name, rdflib.Literal("无类型")))
    text = _messages(broken)
    assert "founded" in text and "not typed with a kg entity class" in text


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld"])
def test_cli_conforming_file(files, name):
    result = CliRunner().invoke(main, ["validate", str(files / name)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms: ") and result.output.count("\n") == 1


def test_cli_violations_exit_1_with_verdict_then_violations(broken, tmp_path):
    broken.remove((_one(broken, KG.Person), RDFS.label, None))
    broken.serialize(tmp_path / "bad.ttl", format="turtle")
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "bad.ttl")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("does not conform: 1 violations") and "rdfs:label" in lines[1]


@pytest.mark.parametrize("content, name, extra, says", [
    (None, "missing.ttl", [], "no such file"),
    (TEXT, "news.ttl", [], "not valid turtle RDF"),
    ("<a> <b> <c> .", "graph.nt", ["--format", "json-ld"], "not valid json-ld RDF"),
    ('{"公司": "联通"}', "graph.jsonld", [], "no RDF triples"),
    ("", "empty.nt", [], "no RDF triples"),
    (TEXT, "news.txt", [], "cannot tell the RDF format"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff", "image.ttl", [], "not valid turtle RDF"),
])
def test_cli_bad_input_one_line_exit_1(tmp_path, content, name, extra, says):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), *extra])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and says in result.output and str(path) in result.output


def test_cli_folder_is_bad_input(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "not a file" in result.output


def test_build_check_strict_raises_and_lenient_records(broken):
    broken.remove((_one(broken, KG.Person), RDFS.label, None))
    with pytest.raises(ShapeViolationError, match="nothing written"):
        BuildCheck(strict=True)(broken)
    assert not BuildCheck(strict=False)(broken).conforms


def test_kg_build_reports_the_verdict(tmp_path):
    src = tmp_path / "新闻.txt"
    src.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--no-ner", "-j", "1",
                                       "--strict"])
    assert result.exit_code == 0, result.output
    assert "shapes: conforms:" in result.output


def test_kg_build_strict_writes_nothing_on_violation(tmp_path, monkeypatch):
    import kg.validate

    bad = rdflib.Graph().parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <https://kg.example.org/ontology#> .
        <urn:s> a sh:NodeShape ; sh:targetClass kg:Person ; sh:property [ sh:path kg:age ; sh:minCount 1 ] .
        """, format="turtle")
    monkeypatch.setattr(kg.validate, "load_shapes", lambda: bad)
    src = tmp_path / "新闻.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--no-ner", "-j", "1", "--strict",
                                       "--no-cache"])
    assert result.exit_code == 1
    assert "does not conform" in result.output and "nothing written" in result.output
    assert not (out / "graph.ttl").exists()
