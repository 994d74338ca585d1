"""RDF export: stable IRIs, provenance, round trips, reproducible bytes."""
from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF

from exports.rdf import entity_iri, to_rdf
from exports.rdf_files import FORMATS, turtle, write_rdf
from kg.ontology import KG
from tests.rdf_fixtures import TEXT, rules, small_graph


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return small_graph(str(tmp_path_factory.mktemp("corpus")))


@pytest.fixture(scope="module")
def rdf(graph):
    return to_rdf(graph)


def test_entity_iri_is_type_and_percent_encoded_name_under_base():
    iri = entity_iri("https://example.com/kg/", "Subsidiary", "中国联通广东省分公司")
    assert iri == rdflib.URIRef("https://example.com/kg/Subsidiary/"
                                "%E4%B8%AD%E5%9B%BD%E8%81%94%E9%80%9A%E5%B9%BF%E4%B8%9C%E7%9C%81%E5%88%86%E5%85%AC%E5%8F%B8")
    assert entity_iri("https://x/", "Policy", "a/b c#d").endswith("Policy/a%2Fb%20c%23d")


def test_base_iri_moves_every_node(graph):
    rdf = to_rdf(graph, "https://example.com/kg/")
    own = {n for n in rdf.all_nodes() if isinstance(n, rdflib.URIRef)
           and not str(n).startswith((str(KG), str(PROV), "http://www.w3.org/"))}
    assert own and all(str(n).startswith("https://example.com/kg/") for n in own)


def test_every_entity_and_statement_has_full_evidence(rdf):
    holders = set(rdf.subjects(RDF.type, KG.Statement)) | {s for s, _, o in rdf.triples((None, RDF.type, None))
                                                           if o in {KG.Province, KG.Subsidiary, KG.Person}}
    assert holders
    for h in holders:
        mentions = list(rdf.objects(h, PROV.wasDerivedFrom))
        assert mentions, h
        for m in mentions:
            doc = rdf.value(m, KG.inDocument)
            assert rdf.value(doc, KG.documentId) is not None
            start, end = rdf.value(m, KG.startOffset).toPython(), rdf.value(m, KG.endOffset).toPython()
            assert TEXT[start:end] == str(rdf.value(m, KG.mentionText))
            assert str(rdf.value(m, KG.mentionText)) in str(rdf.value(m, KG.sentence))
            assert (rdf.value(m, PROV.wasAttributedTo), RDF.type, KG.Extractor) in rdf
            assert 0 <= rdf.value(m, KG.confidence).toPython() <= 1


def test_mention_properties_have_one_value(rdf):
    for m in rdf.subjects(RDF.type, KG.Mention):
        for p in (KG.confidence, KG.sentence, KG.startOffset, KG.endOffset, KG.inDocument):
            assert len(list(rdf.objects(m, p))) == 1, (m, p)


def test_role_is_on_the_statement(rdf):
    roles = {str(o) for o in rdf.objects(None, KG.role)}
    assert {"董事长", "总经理"} <= roles


def test_no_blank_nodes(rdf):
    assert not any(isinstance(n, rdflib.BNode) for n in rdf.all_nodes())


@pytest.mark.parametrize("filename", sorted(FORMATS))
def test_every_serialisation_parses_back_isomorphic(rdf, tmp_path, filename):
    write_rdf(rdf, tmp_path)
    back = rdflib.Graph().parse(tmp_path / filename, format=FORMATS[filename])
    assert isomorphic(back, rdf)


def test_turtle_has_prefixes_and_jsonld_short_keys(rdf, tmp_path):
    write_rdf(rdf, tmp_path)
    ttl = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix kg: <https://kg.example.org/ontology#> ." in ttl and "kg:Subsidiary" in ttl
    jsonld = (tmp_path / "graph.jsonld").read_text(encoding="utf-8")
    assert '"@context"' in jsonld and '"name": "广东联通"' in jsonld


def test_turtle_escapes_awkward_literals():
    g = rdflib.Graph()
    g.bind("kg", KG)
    s = rdflib.URIRef("https://x.org/id/a")
    for text in ['引号"和\\反斜杠', "换行\n第二行", "制表\t符"]:
        g.add((s, KG.alias, rdflib.Literal(text)))
    g.add((s, KG.confidence, rdflib.Literal("1e3", datatype=rdflib.XSD.double)))
    assert isomorphic(rdflib.Graph().parse(data=turtle(g), format="turtle"), g)


def test_ntriples_sorted(rdf, tmp_path):
    write_rdf(rdf, tmp_path)
    lines = (tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_two_builds_in_fresh_processes_are_byte_identical(tmp_path):
    """Different hash seeds (set/dict order) and caches must not change a byte."""
    src = tmp_path / "新闻.txt"
    src.write_text(TEXT, encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        code = ("from kg.build import build; from kg.cli_validate import BuildCheck; from tests.rdf_fixtures import rules; "
                f"build([{str(src)!r}], {str(out)!r}, rules(), jobs=1, check=BuildCheck(strict=True))")
        subprocess.run([sys.executable, "-c", code], check=True, env={"PYTHONHASHSEED": seed, "PATH": ""},
                       cwd=str(__import__("pathlib").Path(__file__).parent.parent))
        outputs.append({f: (out / f).read_bytes() for f in FORMATS})
    assert outputs[0]["graph.nt"] == outputs[1]["graph.nt"]
    assert outputs[0]["graph.ttl"] == outputs[1]["graph.ttl"]
    assert outputs[0]["graph.jsonld"] == outputs[1]["graph.jsonld"]
