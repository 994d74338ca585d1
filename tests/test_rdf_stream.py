"""The streaming RDF export (RDFExport): the same bytes as the whole-graph writer, chunked SHACL, bounded memory."""
from __future__ import annotations

import filecmp

import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic

import exports.rdf as rdf_mod
import exports.rdf_files as rdf_files
import kg.validate as validate_mod
from exports.rdf import RDFExport, to_rdf
from exports.rdf_files import FORMATS, write_rdf
from kg.records import Evidence
from kg.validate import validate_graph
from tests.rdf_fixtures import small_graph


def _ev(doc, start, end, text, extractor="rules", conf=0.9, sentence="", source_start=None):
    s = start if source_start is None else source_start
    return Evidence(doc, start, end, s, s + (end - start), text, extractor, conf, sentence)


def tricky_graph() -> nx.MultiDiGraph:
    """Names with quotes, backslashes, newlines and spaces; document ids that are prefixes of each other
    (a.txt#0, a.txt#2000); one mention cited twice with different confidences and sentences."""
    g = nx.MultiDiGraph()
    shared = _ev("a.txt#0", 0, 4, "广东联通", "unicom_units", 0.8, "广东联通推出“沃云”。")
    g.add_node("s", label="Subsidiary", name="中国联通广东省分公司", aliases=["广东联通", 'say "hi"'],
               evidence=[shared, _ev("a.txt#2000", 3, 7, "广东联通", sentence="第二段\n广东联通。", source_start=2003)],
               confidence=0.95)
    g.add_node("p", label="Province", name="广东", aliases=[], evidence=[
        _ev("a.txt#0", 0, 2, "广东", "provinces", 1.0, "广东联通推出“沃云”。"),
        _ev("a.txt#20000", 5, 7, "广东", "provinces", 1.0, 'a \\ b "c"')], confidence=1.0)
    g.add_node("x", label="Product", name='沃云 "Pro"\\x', aliases=[], evidence=[
        _ev("a.txt#0", 6, 8, "沃云", "products", 0.7, "广东联通推出“沃云”。")], confidence=0.7)
    g.add_edge("s", "p", key="locatedIn", label="locatedIn", role=None, confidence=0.9,
               evidence=[_ev("a.txt#0", 0, 4, "广东联通", "name_relations", 0.9, "广东联通推出“沃云”。")])
    g.add_edge("s", "x", key="provides", label="provides", role="推出", confidence=0.85,
               evidence=[shared.__class__(**{**shared.__dict__, "confidence": 0.95, "sentence": "甲。"})])
    return g


@pytest.fixture(scope="module")
def graphs(tmp_path_factory):
    return {"text": small_graph(str(tmp_path_factory.mktemp("s"))), "tricky": tricky_graph()}


@pytest.mark.parametrize("rdflib_jsonld", [False, True])
@pytest.mark.parametrize("name", ["text", "tricky"])
@pytest.mark.parametrize("base", [rdf_mod.DEFAULT_BASE, "https://example.com/kg/"])
def test_streamed_files_are_byte_identical_to_the_whole_graph_writer(graphs, name, base, rdflib_jsonld, tmp_path,
                                                                     monkeypatch):
    if rdflib_jsonld:  # every node compacted by rdflib, one subject at a time: the fallback path
        monkeypatch.setattr(rdf_files._JsonLDNodes, "node", lambda self, s, pairs: None)
    whole, streamed = tmp_path / "whole", tmp_path / "streamed"
    whole.mkdir(), streamed.mkdir()
    write_rdf(to_rdf(graphs[name], base), whole)
    write_rdf(RDFExport(graphs[name], base), streamed)
    for f in FORMATS:
        assert filecmp.cmp(whole / f, streamed / f, shallow=False), f


@pytest.mark.parametrize("name", ["text", "tricky"])
def test_streamed_files_parse_back_to_the_graph(graphs, name, tmp_path):
    write_rdf(RDFExport(graphs[name]), tmp_path)
    expected = to_rdf(graphs[name])
    for f, fmt in FORMATS.items():
        assert isomorphic(rdflib.Graph().parse(tmp_path / f, format=fmt), expected), f


def test_a_mention_cited_twice_is_one_node_with_the_best_confidence_and_first_sentence():
    rdf = to_rdf(tricky_graph())
    from kg.ontology import KG

    m = rdflib.URIRef(rdf_mod.DEFAULT_BASE + "mention/a.txt%230/0-4/unicom_units")
    assert str(rdf.value(m, KG.confidence)) == "0.950"
    assert str(rdf.value(m, KG.sentence)) == "广东联通推出“沃云”。"  # min of the two sentences


def _break(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    g = g.copy()
    n0, n1 = list(g.nodes)[:2]
    g.nodes[n0]["evidence"] = []
    g.nodes[n0]["confidence"] = 1.5
    ev = g.nodes[n1]["evidence"][0]
    g.nodes[n1]["evidence"] = [ev.__class__(**{**ev.__dict__, "source_start": ev.source_end + 3})] + \
        g.nodes[n1]["evidence"][1:]
    h, t, k = next(iter(g.edges(keys=True)))
    g.edges[h, t, k]["confidence"] = -1
    g.edges[h, t, k]["role"] = ""
    return g


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("chunk", [10, 100_000])
@pytest.mark.parametrize("name", ["text", "tricky"])
def test_chunked_validation_finds_what_whole_graph_validation_finds(graphs, name, chunk, jobs, monkeypatch):
    """Chunks checked in one process or shared among two (forked) give the whole-graph verdict."""
    monkeypatch.setattr(validate_mod, "CHUNK_TRIPLES", chunk)
    good = validate_graph(RDFExport(graphs[name]), jobs=jobs)
    assert good.conforms and good.count == 0
    assert good.triples == len(to_rdf(graphs[name]))
    bad = _break(graphs[name])
    chunked, whole = validate_graph(RDFExport(bad), limit=50, jobs=jobs), validate_graph(to_rdf(bad), limit=50)
    assert not chunked.conforms and chunked.count == whole.count >= 3
    assert chunked.violations == whole.violations
    assert chunked.triples == whole.triples


def test_kg_build_checks_and_writes_the_streaming_export(tmp_path):
    from kg.build import build
    from tests.rdf_fixtures import TEXT, rules

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    _, stats = build([tmp_path / "a.txt"], tmp_path / "out", rules(), jobs=1, check=lambda rdf: type(rdf).__name__)
    assert stats.shapes == "RDFExport"  # the forked check's answer
    assert all((tmp_path / "out" / f).stat().st_size for f in FORMATS)


def test_evidence_links_checked_in_parts_still_find_a_bad_link(graphs, monkeypatch):
    """An entity with more links than a part: a bad link in a later part is found, once; nothing else repeats."""
    from rdflib.namespace import PROV

    from kg.ontology import KG

    monkeypatch.setattr(validate_mod, "CHUNK_TRIPLES", 8)  # parts of 2 links
    export = RDFExport(graphs["text"])
    holder, links = max(((s, sorted(o for p, o in pairs if p == PROV.wasDerivedFrom)) for s, pairs in export),
                        key=lambda x: len(x[1]))
    assert len(links) >= 3
    bad = links[-1]  # in the last part
    real = RDFExport.types
    monkeypatch.setattr(RDFExport, "types", lambda self, iri: [KG.Document] if iri == bad else real(self, iri))
    citers = sorted(s for s, pairs in export if (PROV.wasDerivedFrom, bad) in pairs)
    assert holder in citers
    report = validate_graph(export, limit=50)
    assert report.count == len(citers), report.violations  # one result per citer, the big holder's only once
    assert {v.message for v in report.violations} == {"its evidence must be kg:Mention nodes"}
    assert len({v.focus for v in report.violations}) == len(citers)
    monkeypatch.setattr(RDFExport, "types", real)
    assert validate_graph(export).conforms
