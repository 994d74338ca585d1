"""Write a :class:`~exports.property_graph.PropertyGraph` as ``neo4j-admin database import full`` CSV files.

``nodes.csv`` holds every entity (``iri:ID(Entity)``, ``:LABEL`` = ontology
class; the command adds the common ``Entity`` label); ``relationships.csv``
every relation (``:START_ID(Entity)``, ``:END_ID(Entity)``, ``:TYPE``).
Array properties are split on U+001F (never found in text), so sentences may
hold any punctuation.

>>> from exports.property_graph import NodeRow
>>> header(NODE_COLUMNS)[:3]
['iri:ID(Entity)', 'name', 'aliases:string[]']
"""
from __future__ import annotations

import csv
import shlex
from pathlib import Path

from exports.property_graph import ENTITY_LABEL, PropertyGraph
from kg.io import atomic_path, prepare_outdir

__all__ = ["NODE_COLUMNS", "REL_COLUMNS", "ARRAY_DELIMITER", "header", "write_import", "import_command"]

ARRAY_DELIMITER = "\x1f"
ID_SPACE = ENTITY_LABEL
# (property, neo4j-admin type); "" = string.  Special columns are written as given.
NODE_COLUMNS = [("iri", f"ID({ID_SPACE})"), ("name", ""), ("aliases", "string[]"), ("type", ""),
                ("confidence", "float"), ("documents", "string[]"), ("mentions", "int"), (":LABEL", None)]
REL_COLUMNS = [(":START_ID", f"({ID_SPACE})"), (":END_ID", f"({ID_SPACE})"), (":TYPE", None), ("role", ""),
               ("confidence", "float"), ("statement", ""), ("documents", "string[]"), ("sentences", "string[]"),
               ("starts", "int[]"), ("ends", "int[]"), ("extractors", "string[]")]


def header(columns) -> list[str]:
    """CSV header fields: ``name:type`` (``name`` alone for strings and special columns)."""
    return [f"{name}{t}" if name.startswith(":") and t else f"{name}:{t}" if t else name for name, t in columns]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, " ") for v in value)
    return str(value)


def write_import(graph: PropertyGraph, outdir: str | Path) -> list[Path]:
    """Write ``nodes.csv`` and ``relationships.csv`` into ``outdir`` (atomically) and return their paths."""
    out = prepare_outdir(outdir)
    nodes, rels = out / "nodes.csv", out / "relationships.csv"
    with atomic_path(nodes) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header(NODE_COLUMNS))
        for n in graph.nodes:
            w.writerow([_cell(n.props.get(c)) if c != ":LABEL" else n.label for c, _ in NODE_COLUMNS])
    with atomic_path(rels) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header(REL_COLUMNS))
        for r in graph.relationships:
            special = {":START_ID": r.start, ":END_ID": r.end, ":TYPE": r.type}
            w.writerow([special[c] if c in special else _cell(r.props.get(c)) for c, _ in REL_COLUMNS])
    return [nodes, rels]


def import_command(outdir: str | Path, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command that imports the files of :func:`write_import` into ``database``.

    >>> import_command("/data/imp")  # doctest: +ELLIPSIS
    'neo4j-admin database import full --nodes=Entity=/data/imp/nodes.csv ... --multiline-fields=true neo4j'
    """
    out = Path(outdir).absolute()
    return " ".join([
        "neo4j-admin database import full",
        f"--nodes={ENTITY_LABEL}={shlex.quote(str(out / 'nodes.csv'))}",
        f"--relationships={shlex.quote(str(out / 'relationships.csv'))}",
        "--array-delimiter=U+001F", "--multiline-fields=true",
        shlex.quote(database),
    ])
