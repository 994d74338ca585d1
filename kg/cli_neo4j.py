"""``kg load`` and ``kg export neo4j-import``: deliver a built graph to Neo4j.

Thin click commands over :mod:`exports.neo4j_bolt` and
:mod:`exports.neo4j_import`; ``kg/cli.py`` registers them.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["load", "export"]


@click.command()
@click.argument("outdir", type=click.Path(path_type=Path))
@click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687", show_default=True,
              help="Bolt URI of the server (env NEO4J_URI).")
@click.option("--user", envvar="NEO4J_USER", default=None, help="User name (env NEO4J_USER); none: no login.")
@click.option("--password", envvar="NEO4J_PASSWORD", default=None, help="Password (env NEO4J_PASSWORD).")
@click.option("--database", envvar="NEO4J_DATABASE", default=None,
              help="Database (env NEO4J_DATABASE; default: the server's default).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1, 100_000),
              help="Rows per UNWIND batch.")
@click.option("--wipe", is_flag=True, help="First delete every node (and its relationships) kg loaded before.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def load(outdir, uri, user, password, database, batch_size, wipe, quiet):
    """Load the graph kg build wrote into OUTDIR into Neo4j over Bolt.

    Entities become nodes labelled Entity plus their ontology class, keyed by
    iri; relations become relationships named after the ontology property
    (subsidiaryOf → SUBSIDIARY_OF). Every write is a MERGE, so running the
    load again, or after it was cut off, adds nothing twice.

    \b
    Example:
      kg build ../shared/corpus/unicom-corpus.txt -o out/
      kg load out/ --uri bolt://localhost:7687 --user neo4j --password secret
    """
    from exports.neo4j_bolt import connect
    from exports.property_graph import read_outdir

    graph = read_outdir(outdir)  # bad input fails before we touch the server
    with connect(uri, user, password, database) as loader:
        if wipe:
            deleted = loader.wipe()
            if not quiet:
                click.echo(f"wiped {deleted} nodes kg loaded before", err=True)
        batches = loader.plan(graph, batch_size)
        with click.progressbar(length=len(batches), label="loading", file=sys.stderr, hidden=quiet) as bar:
            report = loader.load(graph, batch_size, progress=lambda _b: bar.update(1))
        nodes, rels = loader.counts()
    if not quiet:
        click.echo(f"loaded {report.nodes} nodes and {report.relationships} relationships in {report.batches} "
                   f"batches, {report.seconds:.2f} s ({report.relationships_per_second:,.0f} relationships/s) "
                   f"into {uri} ({loader.flavor})")
        if report.trimmed:
            click.echo(f"note: {report.trimmed} rows kept only the evidence that fits the server's message limit")
        click.echo(f"database now holds {nodes} kg nodes and {rels} relationships between them")


@click.group()
def export():
    """Write the graph in OUTDIR in another tool's format."""


@export.command("neo4j-import")
@click.argument("outdir", type=click.Path(path_type=Path))
@click.option("-o", "--out", "dest", type=click.Path(path_type=Path), default=None,
              help="Folder for the CSV files (default: OUTDIR/neo4j-import).")
@click.option("--database", default="neo4j", show_default=True, help="Database name in the printed command.")
def neo4j_import(outdir, dest, database):
    """Write CSV files for `neo4j-admin database import full` and print the command.

    \b
    Example:
      kg export neo4j-import out/
    """
    from exports.neo4j_import import import_command, write_import
    from exports.property_graph import read_outdir

    graph = read_outdir(outdir)
    dest = dest or Path(outdir) / "neo4j-import"
    paths = write_import(graph, dest)
    click.echo(f"wrote {len(graph.nodes)} nodes and {len(graph.relationships)} relationships to "
               f"{', '.join(map(str, paths))}", err=True)
    click.echo("stop the database, then run:", err=True)
    click.echo(import_command(dest, database))
