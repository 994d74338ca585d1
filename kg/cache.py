"""Incremental builds: what the pipeline found in each document, kept on disk between builds.

An entry is one pickled :class:`~kg.records.ParsedDocument`, filed under the
SHA-256 of the document's text, id, source and offset and of the pipeline's
extractor names and versions (:attr:`kg.pipeline.Pipeline.versions`).  So a
document whose text did not change and whose extractors kept their version is
not extracted again; change one file of a folder and only its passages are.
A version holds a fingerprint of the extractor's code and data as well, so
changed rules miss the cache even where nobody bumped the declared version.

What invalidates what, in one place:

- an entry here: the document (text, id, source, offset), the extractor names
  in pipeline order, each one's declared ``version``, its code fingerprint
  (``kg.pipeline._code_fingerprint``: the ``extractors`` package and word lists,
  the extractor's own module, kg/pipeline.py, kg/merge.py), the NER model's
  weights, threshold and types (``extractors.ner.NerExtractor.version``), and
  ``_FORMAT`` below;
- the RDF files of ``kg build``: all documents in order, the versions above,
  the base IRI and a digest of kg's own code, ontology and word lists
  (``kg.build._outputs_fingerprint``): when none changed and the files are
  untouched, they are not written again.

``kg build`` keeps the cache in ``OUTDIR/.kg-cache`` (``--no-cache`` turns it
off); after a build, entries that build did not use are removed, so the cache
holds exactly the documents of the last build into that folder.

>>> import tempfile
>>> from kg.records import Document, ParsedDocument
>>> cache = ExtractionCache(tempfile.mkdtemp(), {"provinces": "1"})
>>> doc = Document("a.txt#0", "广东联通推出联通云。", "a.txt", 0)
>>> cache.get(doc) is None
True
>>> cache.put(doc, ParsedDocument(doc))
>>> cache.get(doc).text
'广东联通推出联通云。'
>>> ExtractionCache(cache.root, {"provinces": "2"}).get(doc) is None  # a new version misses
True
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

from kg.records import Document, ParsedDocument

__all__ = ["ExtractionCache", "document_key", "CACHE_DIRNAME"]

CACHE_DIRNAME = ".kg-cache"
_FORMAT = "kg-cache-3"  # change when the pickled records change shape


def document_key(doc: Document, versions: dict[str, str]) -> str:
    """Hex SHA-256 of a document's text, id, source and offset and the extractor versions, in pipeline
    order: a mention extractor reads what those before it found, so another order is another result.

    >>> d = Document("a#0", "联通。", "a", 0)
    >>> document_key(d, {"x": "1"}) == document_key(d, {"x": "1"}) != document_key(d, {"x": "2"})
    True
    >>> document_key(d, {"x": "1", "y": "1"}) != document_key(d, {"y": "1", "x": "1"})
    True
    """
    h = hashlib.sha256()
    h.update(json.dumps([_FORMAT, doc.id, doc.source, doc.offset, list(versions.items())],
                        ensure_ascii=False).encode("utf-8"))
    h.update(b"\0")
    h.update(doc.text.encode("utf-8"))
    return h.hexdigest()


class ExtractionCache:
    """Pickled extraction results under ``root``, one file per document, keyed by :func:`document_key`.

    ``hits`` and ``misses`` count look-ups; an unreadable entry counts as a
    miss (it is extracted again and rewritten).
    """

    def __init__(self, root: str | Path, versions: dict[str, str]) -> None:
        self.root = Path(root)
        self.versions = dict(versions)
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()
        self._inputs = hashlib.sha256()  # keys of the documents looked up, in order

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.pkl"

    def key(self, doc: Document) -> str:
        return document_key(doc, self.versions)

    def get(self, doc: Document, key: str | None = None) -> ParsedDocument | None:
        """The cached result of ``doc``, or None."""
        key = key or self.key(doc)
        self._used.add(key)
        self._inputs.update(key.encode("ascii"))
        try:
            with open(self._path(key), "rb") as fh:
                parsed = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            self.misses += 1
            return None
        if not isinstance(parsed, ParsedDocument) or parsed.document != doc:
            self.misses += 1
            return None
        self.hits += 1
        return parsed

    def put(self, doc: Document, parsed: ParsedDocument, key: str | None = None) -> None:
        """Store ``parsed`` as the result of ``doc`` (written to a temporary name, then renamed)."""
        key = key or self.key(doc)
        self._used.add(key)
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(parsed, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a cache that cannot be written only makes the next build slower
            pass

    @property
    def inputs_digest(self) -> str:
        """Digest of the keys of all documents looked up so far, in order: equal for equal inputs."""
        return self._inputs.hexdigest()

    def prune(self) -> int:
        """Remove entries not looked up or stored since this cache was opened; return how many."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.glob("*/*"):
            if path.suffix == ".pkl" and path.stem in self._used:
                continue
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
        return removed
