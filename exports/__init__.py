"""Exports of the typed graph: RDF files, Neo4j over Bolt and neo4j-admin import files."""
