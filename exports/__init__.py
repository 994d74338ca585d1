"""Exports of the typed graph: RDF files (and, later, Neo4j)."""
