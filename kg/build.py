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

from kg.documents import find_inputs, read_file
from kg.graph import BuildStats, build_graph
from kg.io import prepare_outdir
from kg.pipeline import Pipeline, parse
from kg.resolve import EntityResolver

__all__ = ["build", "extract_graph"]


def extract_graph(paths: Iterable[str | Path], pipeline: Pipeline | None = None,
                  progress: Callable[[int], None] | None = None) -> tuple[nx.MultiDiGraph, BuildStats]:
    """Read ``paths``, run the pipeline on every document and return the typed graph and its stats.

    ``progress`` is called with the number of characters of each finished document.
    """
    started = time.perf_counter()
    pipeline = pipeline or Pipeline()
    resolver = EntityResolver()
    stats = BuildStats()
    for f in find_inputs(paths):
        for doc in read_file(f):
            resolver.add_document(pipeline(parse(doc)))
            stats.documents += 1
            stats.characters += len(doc.text)
            if progress:
                progress(len(doc.text))
    entities, relations = resolver.result()
    graph, stats = build_graph(entities, relations, stats=stats)
    stats.seconds = time.perf_counter() - started
    return graph, stats


def build(paths: Iterable[str | Path], outdir: str | Path, pipeline: Pipeline | None = None,
          base_iri: str | None = None, progress: Callable[[int], None] | None = None):
    """Build the graph of ``paths`` and write graph.ttl, graph.nt and graph.jsonld into ``outdir``."""
    from exports.rdf import DEFAULT_BASE, to_rdf, write_rdf

    started = time.perf_counter()
    out = prepare_outdir(outdir)
    graph, stats = extract_graph(paths, pipeline, progress)
    write_rdf(to_rdf(graph, base_iri or DEFAULT_BASE), out)
    stats.seconds = time.perf_counter() - started
    return graph, stats
