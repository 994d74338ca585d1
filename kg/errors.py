"""The one family of errors kg raises.  The CLI prints ``str(err)`` as one line."""
from __future__ import annotations

__all__ = ["KGError", "InputError", "OutputError", "OntologyError", "ExtractorError", "DatabaseError"]


class KGError(Exception):
    """Base of every error kg reports to a user: the message says what, where and what to do."""


class InputError(KGError):
    """An input file, folder or line cannot be read (missing, empty, binary, bad encoding, bad JSON)."""


class OutputError(KGError):
    """An output file or folder cannot be written."""


class OntologyError(KGError):
    """The ontology file is missing, unparsable or lacks a type the code needs."""


class ExtractorError(KGError):
    """An unknown extractor name or a broken extractor registration."""


class DatabaseError(KGError):
    """A graph database cannot be reached, refuses the credentials or fails a write."""
