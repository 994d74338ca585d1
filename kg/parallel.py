"""Run the pipeline over a stream of documents in batches, on several processes, in input order.

Documents are taken in batches of ``batch_size``; each batch that the cache
does not answer goes to a worker process, which holds its own pipeline (the
extractors are instantiated once per worker, not once per batch).  At most
``2 × jobs`` batches are in flight, so memory holds a few batches of text,
never the whole input.  Results come back in the order the documents came in
(file, then offset), whatever the number of jobs, so the graph does not
depend on it.

>>> from kg.records import Document
>>> docs = [Document(f"a#{i}", "广东联通推出联通云。", "a", i) for i in range(3)]
>>> [d.id for d in extract_documents(docs, jobs=1)]
['a#0', 'a#1', 'a#2']
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from kg.cache import ExtractionCache
from kg.forking import can_fork, default_jobs
from kg.pipeline import Pipeline, parse
from kg.records import Document, ParsedDocument

__all__ = ["extract_documents", "BATCH_SIZE"]

BATCH_SIZE = 16  # documents per batch (passages are ≤ 2,000 characters)

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(pipeline: Pipeline | list[str]) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline if isinstance(pipeline, Pipeline) else Pipeline(pipeline)


def _run_batch(docs: list[Document]) -> list[ParsedDocument]:
    assert _WORKER_PIPELINE is not None, "worker not initialised"
    return [_WORKER_PIPELINE(parse(d)) for d in docs]


class _Done:
    """A finished stand-in for a Future (a batch answered without a worker)."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def extract_documents(documents: Iterable[Document], pipeline: Pipeline | None = None, jobs: int | None = None,
                      cache: ExtractionCache | None = None, batch_size: int = BATCH_SIZE) -> Iterator[ParsedDocument]:
    """Parsed and extracted ``documents``, in their order; ``jobs`` processes (default: all cores).

    With ``cache``, documents it holds are not extracted again and new results
    are stored in it.  ``jobs=1`` runs everything in this process.
    """
    pipeline = pipeline or Pipeline()
    jobs = default_jobs() if jobs is None else max(1, jobs)
    pool: ProcessPoolExecutor | None = None
    window: deque[tuple[list[Document], list[ParsedDocument | None], list[str | None], object]] = deque()

    def submit(misses: list[Document]):
        nonlocal pool
        if not misses:
            return _Done([])
        if jobs == 1:
            return _Done([pipeline(parse(d)) for d in misses])
        if pool is None:
            ctx = multiprocessing.get_context("fork" if can_fork() else None)
            # With fork the workers inherit the parent's pipeline (nothing pickled, models shared
            # copy-on-write); with spawn they rebuild it by extractor names.
            init = pipeline if ctx.get_start_method() == "fork" else pipeline.names
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker, initargs=(init,))
        return pool.submit(_run_batch, misses)

    def finish(batch, found, keys, fut) -> Iterator[ParsedDocument]:
        fresh = iter(fut.result() if isinstance(fut, (Future, _Done)) else ())
        for doc, hit, key in zip(batch, found, keys):
            if hit is not None:
                yield hit
                continue
            parsed = next(fresh)
            if cache is not None:
                cache.put(doc, parsed, key)
            yield parsed

    try:
        for batch in _batches(documents, batch_size):
            keys = [cache.key(d) for d in batch] if cache is not None else [None] * len(batch)
            found = [cache.get(d, k) for d, k in zip(batch, keys)] if cache is not None else [None] * len(batch)
            misses = [d for d, hit in zip(batch, found) if hit is None]
            window.append((batch, found, keys, submit(misses)))
            while len(window) > 2 * jobs:
                yield from finish(*window.popleft())
        while window:
            yield from finish(*window.popleft())
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
