"""The ``kg`` command line: thin click commands over the library functions.

Every :class:`~kg.errors.KGError` becomes one line on stderr and exit code 1.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg import __version__, registry
from kg.errors import InputError, KGError

__all__ = ["main"]


class _Group(click.Group):
    """A click group that turns kg errors into one line and a non-zero exit, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as err:
            click.echo(f"kg: error: {err}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("kg: interrupted; no output file was half-written", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except MemoryError:
            click.echo("kg: error: out of memory; split the input into smaller files", err=True)
            sys.exit(1)
        except Exception as err:  # a bug: still one line, with a way to get the details
            click.echo(f"kg: internal error: {type(err).__name__}: {err} (set KG_DEBUG=1 for the traceback)", err=True)
            if __import__("os").environ.get("KG_DEBUG"):
                raise
            sys.exit(2)


def _pipeline(extractors: str | None, no_ner: bool):
    from kg.pipeline import Pipeline

    names = [n.strip() for n in extractors.split(",") if n.strip()] if extractors else list(registry.DEFAULT_PIPELINE)
    if no_ner:
        names = [n for n in names if n != "ner"]
    return Pipeline(names)


_extractors_option = click.option(
    "--extractors", metavar="NAMES",
    help=f"Comma-separated extractors to run, in order (default: the built-in ones). Known: "
         f"{', '.join(registry.available())}.")
_no_ner_option = click.option("--no-ner", is_flag=True, help="Leave the statistical NER model out (rules only).")
# Read by extractors.ner, not by the options above: they change the model for a whole run or experiment.
_NER_ENVIRONMENT = """\b
Environment (the NER model; docs/ner.md):
  KG_NER_MODEL=PATH       a model folder other than the shipped models/kg_ner
  KG_NER_LABELS=all       the types it adds where no rule fired, `all` or a comma list (default: Person)
  KG_NER_THRESHOLD=0.9    the least confidence a model name needs (default: 0.5)
"""


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Build a knowledge graph from Chinese corporate and industry text.

    \b
    Typical use:
      kg build reports/ -o out/                  # RDF files of the whole folder
      kg validate out/graph.ttl                  # check them against the SHACL shapes
      kg load out/ --uri bolt://localhost:7687   # into Neo4j, then query in Browser
      kg export neo4j-import out/                # or CSVs for neo4j-admin import
      kg extract passages.jsonl -o pred.jsonl    # per-passage predictions for scoring
    """


@main.command(epilog=_NER_ENVIRONMENT)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "outdir", required=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl, graph.nt and graph.jsonld (created if missing).")
@click.option("--base-iri", default=None, metavar="IRI",
              help="Namespace of entity IRIs (default https://kg.example.org/id/).")
@_extractors_option
@_no_ner_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extraction processes (default: all cores); the graph is the same for any N.")
@click.option("--no-cache", is_flag=True,
              help="Extract every document again; by default results are kept in OUTDIR/.kg-cache "
                   "and only new or changed documents are extracted.")
@click.option("--strict", is_flag=True, help="A SHACL violation fails the build and nothing is written.")
@click.option("--no-validate", is_flag=True, help="Skip the SHACL check of the graph before it is written.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def build(inputs, outdir, base_iri, extractors, no_ner, jobs, no_cache, strict, no_validate, quiet):
    """Build the typed graph of INPUTS and write it as RDF into OUTDIR.

    INPUTS are .txt/.md files (UTF-8 or GB18030/GBK, any size), folders of
    them (searched recursively) or JSONL files with "id" and "text" fields.

    \b
    Example:
      kg build ../shared/corpus/unicom-corpus.txt -o out/
      kg build reports/ -o out/ --jobs 4    # again later: only changed files are extracted
    """
    from kg.build import build as run_build
    from kg.cli_validate import BuildCheck
    from kg.documents import find_inputs

    files = find_inputs(inputs)
    pipeline = _pipeline(extractors, no_ner)
    check = None if no_validate else BuildCheck(strict, jobs=jobs)
    total = sum(f.size for f in files)  # bytes; a Chinese character is 3 bytes of UTF-8
    with click.progressbar(length=total, label="extracting", file=sys.stderr,
                           hidden=quiet or total < 200_000) as bar:
        graph, stats = run_build([f.path for f in files], outdir, pipeline, base_iri,
                                 progress=lambda chars: bar.update(chars * 3), jobs=jobs, cache=not no_cache,
                                 check=check)
    if not quiet:
        _summary(stats, outdir)
    if check is not None:
        check.echo(stats.shapes, quiet)


def _summary(stats, outdir: Path) -> None:
    rate = stats.characters / stats.seconds if stats.seconds else 0
    click.echo(f"documents: {stats.documents}  characters: {stats.characters:,}  time: {stats.seconds:.1f} s "
               f"({rate:,.0f} chars/s)")
    click.echo(f"entities: {sum(stats.entities.values())}  " +
               "  ".join(f"{k}={v}" for k, v in sorted(stats.entities.items())))
    click.echo(f"relations: {sum(stats.relations.values())}  " +
               "  ".join(f"{k}={v}" for k, v in sorted(stats.relations.items())))
    rejected = sum(stats.rejected.values())
    click.echo(f"rejected by domain/range: {rejected}" +
               ("  " + "  ".join(f"{k}={v}" for k, v in stats.rejected.items()) if rejected else ""))
    click.echo(f"wrote: {outdir / 'graph.ttl'}, {outdir / 'graph.nt'}, {outdir / 'graph.jsonld'}")


@main.command(epilog=_NER_ENVIRONMENT)
@click.argument("passages", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path),
              help="JSONL file of predictions, one line per input line.")
@_extractors_option
@_no_ner_option
def extract(passages, out, extractors, no_ner):
    """Predict entities and relations for each line of PASSAGES (JSONL with "id" and "text").

    Each passage is resolved on its own. Output lines carry "id", "entities"
    (type, name, aliases, mentions with offsets) and "relations" (head, type,
    tail, role, evidence), the format score.py reads.

    \b
    Example:
      kg extract ../shared/gold/dev.jsonl -o /tmp/dev.pred.jsonl
      python ../shared/tools/score.py --gold ../shared/gold/dev.jsonl --pred /tmp/dev.pred.jsonl
    """
    from kg.documents import find_inputs, read_file
    from kg.extract import predict
    from kg.io import atomic_path, prepare_outdir

    files = find_inputs([passages])
    if files[0].kind != "jsonl":
        raise InputError(f"{passages}: kg extract reads JSONL (one {{\"id\", \"text\"}} object per line)")
    pipeline = _pipeline(extractors, no_ner)
    docs = list(read_file(files[0]))  # read all first: a bad line fails before anything is written
    prepare_outdir(out.parent if str(out.parent) else Path("."))
    with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(predict(doc, pipeline), ensure_ascii=False) + "\n")
    click.echo(f"wrote {len(docs)} predictions to {out}", err=True)


# Commands that live beside their library code, each in its own module.
from kg.cli_neo4j import export, load  # noqa: E402  kg load (Neo4j over Bolt), kg export neo4j-import
from kg.cli_validate import validate  # noqa: E402  kg validate (SHACL)
from kg.cli_train import train  # noqa: E402  kg train (statistical NER)

for _command in (train, validate, load, export):
    main.add_command(_command)

if __name__ == "__main__":
    main()
