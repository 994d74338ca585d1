"""Incremental builds: unchanged documents come from the cache, a changed file is extracted again."""
import pickle

import pytest

from kg.build import build, extract_graph
from kg.cache import CACHE_DIRNAME, ExtractionCache
from kg.pipeline import Pipeline
from kg.records import Document

TEXT_A = "浙江联通发布数智乡村平台。联通湖州市分公司承建了南太湖数字港项目。"
TEXT_B = "国家发展改革委印发《东数西算工程实施方案》。浙江联通副总经理王建华出席会议。"


class CountingPipeline(Pipeline):
    """The default pipeline, counting the documents it extracts."""

    calls = 0

    def __call__(self, doc):
        type(self).calls += 1
        return super().__call__(doc)


def _folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT_A * 3, encoding="utf-8")
    (src / "b.txt").write_text(TEXT_B * 3, encoding="utf-8")
    return src


def test_rebuild_reextracts_only_the_changed_file(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "out"
    pipeline = CountingPipeline()
    build([src], out, pipeline, jobs=1, cache=True)
    first = (out / "graph.nt").read_bytes()
    assert CountingPipeline.calls == 2 and (out / CACHE_DIRNAME).is_dir()

    CountingPipeline.calls = 0
    build([src], out, pipeline, jobs=1, cache=True)
    assert CountingPipeline.calls == 0
    assert (out / "graph.nt").read_bytes() == first

    (src / "b.txt").write_text(TEXT_B * 3 + "浙江联通推出浙里办APP。", encoding="utf-8")
    build([src], out, pipeline, jobs=1, cache=True)
    assert CountingPipeline.calls == 1
    fresh = tmp_path / "fresh"
    build([src], fresh, Pipeline(), jobs=1)
    assert (out / "graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()


def test_new_extractor_version_misses(tmp_path):
    doc = Document("a.txt#0", TEXT_A, "a.txt", 0)
    pipeline = Pipeline(["provinces"])
    cache = ExtractionCache(tmp_path, pipeline.versions)
    list(extract_graph([_folder(tmp_path)], pipeline, jobs=1, cache=cache))
    assert cache.misses == 2
    assert ExtractionCache(tmp_path, {"provinces": "999"}).get(doc) is None
    assert cache.key(doc) != ExtractionCache(tmp_path, {"provinces": "1", "people": "1"}).key(doc)


def test_broken_entry_is_a_miss_and_unused_entries_are_pruned(tmp_path):
    doc = Document("a.txt#0", TEXT_A, "a.txt", 0)
    cache = ExtractionCache(tmp_path, {"provinces": "1"})
    path = cache._path(cache.key(doc))
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cache.get(doc) is None and cache.misses == 1
    (path.parent / "stale.pkl").write_bytes(pickle.dumps(None))
    assert cache.prune() == 1 and path.exists()


def test_no_cache_leaves_no_cache_folder(tmp_path):
    out = tmp_path / "out"
    build([_folder(tmp_path)], out, Pipeline(), jobs=1)
    assert not (out / CACHE_DIRNAME).exists()


def test_unchanged_rebuild_keeps_the_rdf_files_and_a_touched_file_is_rewritten(tmp_path):
    src, out = _folder(tmp_path), tmp_path / "out"
    build([src], out, Pipeline(), jobs=1, cache=True)
    nt = out / "graph.nt"
    before = (nt.stat().st_ino, nt.stat().st_mtime_ns)
    build([src], out, Pipeline(), jobs=1, cache=True)
    assert (nt.stat().st_ino, nt.stat().st_mtime_ns) == before
    good = nt.read_bytes()
    nt.write_text("", encoding="utf-8")
    build([src], out, Pipeline(), jobs=1, cache=True)
    assert nt.read_bytes() == good
    build([src], out, Pipeline(), jobs=1, cache=True, base_iri="https://other.example/id/")
    assert nt.read_bytes() != good


@pytest.mark.parametrize("module", ["kg.merge", "kg.pipeline"])
def test_a_change_of_merge_policy_or_runner_changes_the_extractor_versions(tmp_path, monkeypatch, module):
    """merge_mentions (kg/merge.py) decides which mentions a cached document keeps; kg/pipeline.py runs them."""
    import importlib

    import kg.pipeline

    mod = importlib.import_module(module)
    before = Pipeline(["provinces"]).versions
    edited = tmp_path / "edited.py"
    edited.write_text(open(mod.__file__, encoding="utf-8").read() + "\n# another policy\n", encoding="utf-8")
    monkeypatch.setattr(mod, "__file__", str(edited))
    kg.pipeline._code_fingerprint.cache_clear()
    try:
        assert Pipeline(["provinces"]).versions != before
    finally:
        monkeypatch.undo()
        kg.pipeline._code_fingerprint.cache_clear()
    assert Pipeline(["provinces"]).versions == before


def test_extractors_in_another_order_miss_the_cache(tmp_path):
    """Mention extractors read what those before them found: 王立新 is a person after the unit, not before it."""
    text = "湖南联通王立新董事长出席会议。"
    src, out = tmp_path / "a.txt", tmp_path / "out"
    src.write_text(text, encoding="utf-8")
    names = ["unicom_units", "people"]
    people = {}
    for order in (names, names[::-1]):
        graph, _ = build([src], out, Pipeline(order), jobs=1, cache=True)
        people[tuple(order)] = sorted(d["name"] for _, d in graph.nodes(data=True) if d["label"] == "Person")
    fresh, _ = build([src], tmp_path / "fresh", Pipeline(names[::-1]), jobs=1)
    assert people[tuple(names[::-1])] == sorted(d["name"] for _, d in fresh.nodes(data=True) if d["label"] == "Person")
    assert people[tuple(names)] != people[tuple(names[::-1])]
