"""Safe output: write to a temporary name beside the target, then rename.

A crash or an error half-way leaves no half-written file behind.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> with atomic_path(d / "out.txt") as tmp:
...     _ = tmp.write_text("联通")
>>> (d / "out.txt").read_text()
'联通'
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError

__all__ = ["atomic_path", "prepare_outdir"]


def prepare_outdir(outdir: str | Path) -> Path:
    """Create ``outdir`` if needed and check it is writable, or raise OutputError naming it."""
    out = Path(outdir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot create output folder ({err.strerror})") from None
    if not out.is_dir() or not os.access(out, os.W_OK):
        raise OutputError(f"{out}: output folder is not writable")
    return out


@contextmanager
def atomic_path(target: str | Path):
    """Yield a temporary path in the target's folder; rename it to ``target`` on success."""
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror})") from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()
