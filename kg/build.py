"""The whole job: input files → documents → extraction → resolution → typed graph → RDF files.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); (d / "a.txt").write_text("广东联通推出联通云。", encoding="utf-8")
10
>>> graph, stats = build([d / "a.txt"], d / "out")
>>> sorted(p.name for p in (d / "out").iterdir())
['graph.jsonld', 'graph.nt', 'graph.ttl']
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from typing import Any
from pathlib import Path

import networkx as nx

from kg.cache import CACHE_DIRNAME, ExtractionCache
from kg.documents import find_inputs, read_file
from kg.errors import OutputError
from kg.graph import BuildStats, build_graph
from kg.io import atomic_path, prepare_outdir
from kg.forking import can_fork, run_forked
from kg.parallel import extract_documents
from kg.pipeline import Pipeline
from kg.resolve import EntityResolver

__all__ = ["build", "extract_graph"]

_OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld")
_MANIFEST = "outputs.json"  # in the cache folder: what the RDF files were written from


def extract_graph(paths: Iterable[str | Path], pipeline: Pipeline | None = None,
                  progress: Callable[[int], None] | None = None, jobs: int | None = None,
                  cache: ExtractionCache | None = None) -> tuple[nx.MultiDiGraph, BuildStats]:
    """Read ``paths``, run the pipeline on every document and return the typed graph and its stats.

    Documents stream through extraction in batches (:mod:`kg.parallel`) on
    ``jobs`` processes (default: all cores) and are resolved in input order,
    so the graph is the same for any ``jobs``.  With ``cache``, documents
    whose text and extractor versions are unchanged are not extracted again.
    ``progress`` is called with the number of characters of each finished document.
    """
    started = time.perf_counter()
    pipeline = pipeline or Pipeline()
    resolver = EntityResolver()
    stats = BuildStats()
    documents = (doc for f in find_inputs(paths) for doc in read_file(f))
    for parsed in extract_documents(documents, pipeline, jobs=jobs, cache=cache):
        resolver.add_document(parsed)
        n = len(parsed.text)
        stats.documents += 1
        stats.characters += n
        if progress:
            progress(n)
    entities, relations = resolver.result()
    del resolver
    graph, stats = build_graph(entities, relations, stats=stats)
    stats.seconds = time.perf_counter() - started
    return graph, stats


def build(paths: Iterable[str | Path], outdir: str | Path, pipeline: Pipeline | None = None,
          base_iri: str | None = None, progress: Callable[[int], None] | None = None,
          jobs: int | None = None, cache: bool | str | Path = False,
          check: Callable[[Any], None] | None = None):
    """Build the graph of ``paths`` and write graph.ttl, graph.nt and graph.jsonld into ``outdir``.

    ``check`` is called with the :class:`exports.rdf.RDFExport` before it is written (kg
    build's SHACL validation, chunk by chunk); what it returns is ``stats.shapes``, and an
    exception it raises leaves the old files in place.  The RDF graph is never held whole: the
    files are streamed subject by subject.

    ``jobs``: extraction processes (default: all cores).  ``cache``: True keeps
    extraction results in ``outdir/.kg-cache`` for the next build (a path puts
    them there instead); entries this build did not use are removed, and when
    the documents, extractor versions, base IRI and kg's code are those the
    RDF files in ``outdir`` were written from (and the files are untouched),
    they are not written again.
    """
    from exports.rdf import DEFAULT_BASE, RDFExport
    from exports.rdf_files import write_rdf

    started = time.perf_counter()
    out = prepare_outdir(outdir)
    pipeline = pipeline or Pipeline()
    store = None
    if cache:
        store = ExtractionCache(Path(out) / CACHE_DIRNAME if cache is True else Path(cache), pipeline.versions)
    graph, stats = extract_graph(paths, pipeline, progress, jobs=jobs, cache=store)
    _share_strings(graph)
    _release_free_memory()  # before the check forks: the child would count the freed heap of extraction too
    base = base_iri or DEFAULT_BASE
    fingerprint = _outputs_fingerprint(store, base) if store is not None else None
    if fingerprint is None or not _outputs_current(out, fingerprint):
        stats.shapes = _write_checked(RDFExport(graph, base), out, check, write_rdf)
    if store is not None:
        store.prune()
        _record_outputs(out, fingerprint)
    stats.seconds = time.perf_counter() - started
    return graph, stats


def _share_strings(graph: nx.MultiDiGraph) -> None:
    """Make equal strings of the evidence records one object (a sentence is cited by ~10 mentions, a
    document id by ~30, each a copy after the trip from a worker process): ~20 % of the graph's memory."""
    import dataclasses

    seen: dict[str, str] = {}

    def share(ev):
        changes = {}
        for name in ("doc_id", "text", "extractor", "sentence"):
            value = getattr(ev, name)
            kept = seen.setdefault(value, value)
            if kept is not value:
                changes[name] = kept
        return dataclasses.replace(ev, **changes) if changes else ev

    for _, data in graph.nodes(data=True):
        if data.get("evidence"):
            data["evidence"] = [share(ev) for ev in data["evidence"]]
    for _, _, data in graph.edges(data=True):
        if data.get("evidence"):
            data["evidence"] = [share(ev) for ev in data["evidence"]]


def _release_free_memory() -> None:
    """Collect garbage and hand free heap pages back to the OS (glibc ``malloc_trim``; elsewhere a no-op)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _checked(check, rdf):
    """Run ``check`` in a child process: (its error, None) or (None, what it returned) go back to the parent."""
    try:
        return None, check(rdf)
    except Exception as err:  # noqa: BLE001 - raised again by the parent
        return err, None


def _write_checked(rdf, out: Path, check: Callable[[Any], Any] | None, write_rdf) -> Any:
    """Run ``check(rdf)`` and write the RDF files; on a machine with fork, all at once.  Returns what the
    check returned (None without a check).

    The check and each file's writer run in forked processes (they see the
    same graph, nothing is copied); the files are written to a staging folder
    inside ``out`` and moved in place only when the check has passed, so a
    failing check still leaves the old files.
    """
    from exports.rdf_files import FORMATS

    if not can_fork():
        checked = check(rdf) if check is not None else None
        write_rdf(rdf, out)
        return checked
    staging = Path(tempfile.mkdtemp(prefix=".kg-staging-", dir=out))
    try:
        calls = [(write_rdf, rdf, staging, [name]) for name in FORMATS]
        if check is not None:
            calls.append((_checked, check, rdf))
        results = run_forked(calls)
        files = results[:len(FORMATS)]
        err, checked = results[-1] if check is not None else (None, None)
        if err is not None:
            raise err
        for path in (path for written in files for path in written):
            os.replace(path, out / path.name)
        return checked
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _code_digest() -> str:
    """Digest of kg's own code, ontology and word lists: outputs written by other code are not reused."""
    import importlib.util

    h = hashlib.sha256()
    for package in ("kg", "exports", "extractors", "ontology"):
        spec = importlib.util.find_spec(package)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            for f in sorted(Path(folder).rglob("*")):
                if f.suffix in {".py", ".ttl", ".tsv"} and f.is_file():
                    h.update(f"{package}/{f.relative_to(folder)}".encode())
                    h.update(f.read_bytes())
    return h.hexdigest()


def _outputs_fingerprint(store: ExtractionCache, base: str) -> str:
    """What the RDF files depend on: the documents (in order), extractor versions, base IRI and code."""
    return hashlib.sha256(json.dumps([store.inputs_digest, list(store.versions.items()), base,
                                      _code_digest()]).encode()).hexdigest()


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _outputs_current(out: Path, fingerprint: str) -> bool:
    """Whether the RDF files in ``out`` were written from the same inputs and are unchanged since."""
    try:
        manifest = json.loads((out / CACHE_DIRNAME / _MANIFEST).read_text(encoding="utf-8"))
        return manifest.get("fingerprint") == fingerprint and all(
            _file_digest(out / name) == manifest["files"][name] for name in _OUTPUTS)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _record_outputs(out: Path, fingerprint: str) -> None:
    try:
        files = {name: _file_digest(out / name) for name in _OUTPUTS}
        (out / CACHE_DIRNAME).mkdir(exist_ok=True)
        with atomic_path(out / CACHE_DIRNAME / _MANIFEST) as tmp:
            tmp.write_text(json.dumps({"fingerprint": fingerprint, "files": files}), encoding="utf-8")
    except (OSError, OutputError):  # a missing manifest only means the next build writes the files again
        pass
