"""The whole job: input files → documents → extraction → resolution → typed graph → RDF files.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()); (d / "a.txt").write_text("广东联通推出联通云。", encoding="utf-8")
10
>>> graph, stats = build([d / "a.txt"], d / "out")
>>> sorted(p.name for p in (d / "out").iterdir())
['graph.jsonld', 'graph.nt', 'graph.ttl']
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from kg.cache import CACHE_DIRNAME, ExtractionCache
from kg.documents import find_inputs, read_file
from kg.graph import BuildStats, build_graph
from kg.io import prepare_outdir
from kg.parallel import extract_documents
from kg.pipeline import Pipeline
from kg.resolve import EntityResolver

__all__ = ["build", "extract_graph"]


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
          jobs: int | None = None, cache: bool | str | Path = False):
    """Build the graph of ``paths`` and write graph.ttl, graph.nt and graph.jsonld into ``outdir``.

    ``jobs``: extraction processes (default: all cores).  ``cache``: True keeps
    extraction results in ``outdir/.kg-cache`` for the next build (a path puts
    them there instead); entries this build did not use are removed.
    """
    from exports.rdf import DEFAULT_BASE, to_rdf, write_rdf

    started = time.perf_counter()
    out = prepare_outdir(outdir)
    pipeline = pipeline or Pipeline()
    store = None
    if cache:
        store = ExtractionCache(Path(out) / CACHE_DIRNAME if cache is True else Path(cache), pipeline.versions)
    graph, stats = extract_graph(paths, pipeline, progress, jobs=jobs, cache=store)
    write_rdf(to_rdf(graph, base_iri or DEFAULT_BASE), out)
    if store is not None:
        store.prune()
    stats.seconds = time.perf_counter() - started
    return graph, stats
