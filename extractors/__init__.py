"""Extractors: one file per extractor, all behind :class:`extractors.base.Extractor`, found by name in :mod:`kg.registry`."""
