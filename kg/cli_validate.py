"""``kg validate``: check an RDF file against the kg SHACL shapes; and ``BuildCheck``, the same check as
``kg build`` runs it on the graph it is about to write.

Registered on the ``kg`` group by one line at the end of ``kg/cli.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["validate", "report_lines", "BuildCheck"]


def report_lines(report, show: int) -> list[str]:
    """The verdict line, then up to ``show`` violations, one per line."""
    lines = [report.verdict()]
    lines += [f"  {v}" for v in report.violations[:show]]
    if report.count > show:
        lines.append(f"  … and {report.count - show:,} more")
    return lines


class BuildCheck:
    """kg build's check: validate the RDF graph before it is written and return the report;
    ``strict`` makes a violation fatal (nothing is written)."""

    def __init__(self, strict: bool = False, show: int = 5, jobs: int | None = None):
        self.strict, self.show = strict, show
        self.jobs = jobs  # processes sharing the check (default: all cores)

    def __call__(self, rdf):
        from kg.forking import default_jobs
        from kg.validate import ShapeViolationError, validate_graph

        report = validate_graph(rdf, limit=self.show, jobs=self.jobs or default_jobs())
        if self.strict and not report.conforms:
            first = report.violations[0] if report.violations else "?"
            raise ShapeViolationError(f"graph {report.verdict()}; first: {first}; nothing written "
                                      "(--strict; run without it to write and inspect the graph)")
        return report

    def echo(self, report, quiet: bool) -> None:
        """The verdict of ``report`` (None: not run) on stdout with the summary; violations on stderr
        even when quiet."""
        if report is None:
            if not quiet:
                click.echo("shapes: not checked (outputs unchanged since the last build)")
            return
        if report.conforms:
            if not quiet:
                click.echo(f"shapes: {report.verdict()}")
            return
        lines = report_lines(report, self.show)
        click.echo(f"kg: warning: shapes: {lines[0]}", err=True)
        for line in lines[1:]:
            click.echo(line, err=True)


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", default=None, metavar="FORMAT",
              help="RDF syntax (turtle, nt, json-ld, xml …); default: from the suffix (.ttl, .nt, .jsonld …).")
@click.option("--show", default=5, show_default=True, metavar="N", type=click.IntRange(min=0),
              help="How many violations to print after the verdict.")
def validate(file, fmt, show):
    """Check FILE (a graph written by kg build) against the kg SHACL shapes.

    Prints one verdict line, then the first violations; exits 0 when the graph
    conforms, 1 when it does not or when FILE is missing or not RDF.

    \b
    Example:
      kg validate out/graph.ttl
    """
    from kg.validate import validate_file

    report = validate_file(file, fmt, limit=max(show, 1))
    for line in report_lines(report, show):
        click.echo(line)
    if not report.conforms:
        sys.exit(1)
