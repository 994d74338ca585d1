"""``kg train``: train the statistical NER pipeline shipped in ``models/kg_ner``.

A thin click command over :func:`kg.train.train`; registered on the ``kg``
group by one line at the end of :mod:`kg.cli`.
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.errors import InputError
from kg.train import (DEFAULT_ANNOTATIONS, DEFAULT_CORPUS, DEFAULT_MODEL, DEFAULT_SILVER, DEFAULT_TEST_ANNOTATIONS,
                      TrainSettings)

__all__ = ["train"]

_GOLD = DEFAULT_CORPUS.parent.parent / "gold"


@click.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True,
              help="The corpus file; training text is read from it at train time, never stored in the repo.")
@click.option("--annotations", type=click.Path(path_type=Path), default=DEFAULT_ANNOTATIONS, show_default=True,
              help="Hand-annotated passages (corpus offsets + labels, JSONL).")
@click.option("--test-annotations", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              default=DEFAULT_TEST_ANNOTATIONS,
              show_default=True, help="Annotated passages never trained on (not even as silver): the model's test set.")
@click.option("--silver", type=click.Path(path_type=Path, dir_okay=False), default=DEFAULT_SILVER, show_default=True,
              help="Silver sentences (corpus offsets + the rules' labels, JSONL) to train on; written from the "
                   "current rules if the file does not exist.")
@click.option("--refresh-silver", is_flag=True,
              help="Label the corpus with the current rules and rewrite --silver before training (after rule "
                   "changes; the model trained then differs from the shipped one).")
@click.option("-o", "--out", type=click.Path(path_type=Path), default=DEFAULT_MODEL, show_default=True,
              help="Folder for the trained spaCy pipeline (loadable with spacy.load).")
@click.option("--exclude", "exclude_tsv", multiple=True, type=click.Path(path_type=Path),
              default=[_GOLD / "heldout.tsv"], show_default=True,
              help="TSV of corpus ranges (start, end columns) never used for training; repeatable.")
@click.option("--exclude-jsonl", multiple=True, type=click.Path(path_type=Path),
              default=[_GOLD / "dev.jsonl"], show_default=True,
              help="JSONL passages with an 'offset' whose ranges are never used for training; repeatable.")
@click.option("--seed", type=int, default=TrainSettings.seed, show_default=True)
@click.option("--epochs", type=int, default=TrainSettings.epochs, show_default=True)
@click.option("--max-silver", type=int, default=TrainSettings.max_silver, show_default=True,
              help="Number of silver (rule-labelled) sentences sampled.")
def train(corpus, annotations, test_annotations, silver, refresh_silver, out, exclude_tsv, exclude_jsonl, seed, epochs,
          max_silver):
    """Train the NER pipeline from the corpus, the rules and the annotated passages.

    Reproducible: the same corpus, annotations, silver sentences and seed
    give the same model, so the defaults remake the shipped one. The silver
    sentences are the rules' labels over the corpus, kept in --silver; after
    rule changes, --refresh-silver labels the corpus anew (docs/ner.md).
    The gold ranges (--exclude, --exclude-jsonl) are never read for training.

    \b
    Example:
      kg train --corpus ../shared/corpus/unicom-corpus.txt -o models/kg_ner
    """
    from kg.train import train as run_train

    ctx = click.get_current_context()
    for option, paths in (("exclude_tsv", exclude_tsv), ("exclude_jsonl", exclude_jsonl)):
        missing = [p for p in paths if not p.exists()]
        if missing and ctx.get_parameter_source(option) is not click.core.ParameterSource.DEFAULT:
            raise InputError(f"{missing[0]}: no such file; --{option.replace('_tsv', '').replace('_', '-')} names "
                             "ranges that must never be trained on")
    settings = TrainSettings(corpus=corpus, annotations=annotations, test_annotations=test_annotations,
                             silver_file=silver, refresh_silver=refresh_silver, out=out,
                             exclude_tsv=list(exclude_tsv), exclude_jsonl=list(exclude_jsonl), seed=seed,
                             epochs=epochs, max_silver=max_silver)
    report = run_train(settings, log=lambda s: click.echo(s, err=True))
    for name, scores in (("held-out", report), ("test", report.get("test") or {})):
        if scores.get("passages"):
            click.echo(f"{name} annotated passages: {scores['passages']}  P {scores['p']:.3f}  R {scores['r']:.3f}  "
                       f"F1 {scores['f']:.3f}")
            for label, s in sorted(scores["per_type"].items()):
                click.echo(f"  {label:<13} P {s['p']:.3f}  R {s['r']:.3f}  F1 {s['f']:.3f}")
