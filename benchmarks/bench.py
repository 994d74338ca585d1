"""Time `kg build` against jieba's POS cut on the same corpus, in one run; report chars/s, ratio and peak memory.

Usage (from the repository root, venv active, ``pip install -e ".[bench]"``)::

    python benchmarks/bench.py                       # default pipeline, median of 3
    python benchmarks/bench.py --no-ner              # rules only
    python benchmarks/bench.py --scale 10            # also a 10x input: ten copies as ten files
    python benchmarks/bench.py --incremental         # cold / no-change / one-file-changed rebuilds

Two kg builds are timed: ``kg build --no-validate``, the pipeline the
benchmark compares with jieba (reading, extraction with the NER model,
resolution, graph, all RDF files), and the default ``kg build``, which also
checks the graph against the SHACL shapes.  Each runs as its own process
(``--no-cache``, a fresh output folder); its wall time is measured from outside, and
its memory by sampling ``/proc`` every 50 ms: peak RSS of the main process
and peak PSS (proportional set size, shared pages counted once) of the main
process and its workers together.  jieba runs in this process after its
dictionary is loaded: ``sum(1 for _ in jieba.posseg.cut(text))``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "unicom-corpus.txt"


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            kids = [int(x) for x in fh.read().split()]
    except OSError:
        return []
    return kids + [g for k in kids for g in _children(k)]


def _mem_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/{'smaps_rollup' if field == 'Pss' else 'status'}") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(cmd: list[str]) -> dict:
    """Run ``cmd``; wall seconds, peak RSS of the process (MB), peak PSS of it and its children (MB)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = {"rss": 0, "pss": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            pids = [proc.pid] + _children(proc.pid)
            peak["rss"] = max(peak["rss"], _mem_kb(proc.pid, "VmRSS"))
            peak["pss"] = max(peak["pss"], sum(_mem_kb(p, "Pss") for p in pids))
            done.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    rss = max(peak["rss"], usage.ru_maxrss)  # ru_maxrss is in KB on Linux
    return {"seconds": seconds, "rss_mb": rss / 1024, "pss_mb": max(peak["pss"], rss) / 1024}


def kg_cmd(inputs: list[Path], out: Path, args) -> list[str]:
    cmd = [sys.executable, "-m", "kg.cli", "build", *map(str, inputs), "-o", str(out), "-q"]
    if args.extractors:
        cmd += ["--extractors", args.extractors]
    if args.no_ner:
        cmd.append("--no-ner")
    if args.jobs:
        cmd += ["--jobs", str(args.jobs)]
    return cmd


def time_kg(inputs: list[Path], work: Path, args, repeat: int, cache: bool = False, extra: list[str] = ()) -> dict:
    runs = []
    for i in range(repeat):
        out = work / f"out-{time.monotonic_ns()}"
        runs.append(run_measured(kg_cmd(inputs, out, args) + list(extra) + ([] if cache else ["--no-cache"])))
        shutil.rmtree(out, ignore_errors=True)
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "rss_mb": max(r["rss_mb"] for r in runs),
        "pss_mb": max(r["pss_mb"] for r in runs),
        "runs": [round(r["seconds"], 2) for r in runs],
    }


def time_jieba(text: str, repeat: int) -> dict:
    import jieba
    import jieba.posseg as pseg

    jieba.setLogLevel(60)
    jieba.initialize()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        sum(1 for _ in pseg.cut(text))
        runs.append(time.perf_counter() - started)
    return {"seconds": statistics.median(runs), "runs": runs}


def incremental(corpus_text: str, work: Path, args) -> None:
    """A folder of 10 parts of the corpus: cold build, rebuild with no change, rebuild after one file changed."""
    folder = work / "parts"
    folder.mkdir()
    # ten parts of about equal length, cut after a full stop (the corpus is one long line)
    cuts = [0]
    for i in range(1, 10):
        at = corpus_text.find("。", max(cuts[-1], len(corpus_text) * i // 10))
        cuts.append(len(corpus_text) if at < 0 else at + 1)
    cuts.append(len(corpus_text))
    for i in range(10):
        (folder / f"part{i}.txt").write_text(corpus_text[cuts[i]:cuts[i + 1]] or "空。", encoding="utf-8")
    out = work / "incremental-out"
    base = kg_cmd([folder], out, args) + (["--no-validate"] if args.no_validate else [])
    cold = run_measured(base)
    same = run_measured(base)
    with open(folder / "part3.txt", "a", encoding="utf-8") as fh:
        fh.write("\n湖北联通推出楚天智算平台。\n")
    changed = run_measured(base)
    fresh = work / "fresh-out"
    run_measured(base + ["-o", str(fresh), "--no-cache"])  # last -o wins
    identical = (out / "graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()
    print(f"incremental (10 files, cache in OUTDIR/.kg-cache): cold {cold['seconds']:.1f} s, "
          f"no change {same['seconds']:.1f} s, one file changed {changed['seconds']:.1f} s; "
          f"graph.nt after the change identical to an uncached build: {identical}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    ap.add_argument("--no-ner", action="store_true", help="rules only (kg build --no-ner)")
    ap.add_argument("--extractors", default=None, help="kg build --extractors (default: DEFAULT_PIPELINE)")
    ap.add_argument("--jobs", type=int, default=None, help="kg build --jobs (default: kg's default, all cores)")
    ap.add_argument("--scale", type=int, default=0, help="also build N copies of the corpus as N files")
    ap.add_argument("--scale-repeat", type=int, default=1, help="runs of the scaled build")
    ap.add_argument("--incremental", action="store_true", help="also time cached rebuilds of a 10-file folder")
    ap.add_argument("--skip-jieba", action="store_true")
    ap.add_argument("--no-validate", action="store_true", help="time kg build --no-validate only, not also "
                    "with the SHACL check; the --incremental builds then skip it too (the --scale build always "
                    "runs --no-validate, like the 1x build it is compared with)")
    args = ap.parse_args(argv)

    text = args.corpus.read_text(encoding="utf-8")
    chars = len(text)
    from kg import registry

    names = args.extractors.split(",") if args.extractors else registry.DEFAULT_PIPELINE
    pipeline = [n for n in names if not (args.no_ner and n == "ner")]
    print(f"corpus: {args.corpus} ({chars:,} characters); cores: {os.cpu_count()}; repeat: {args.repeat}")
    print(f"kg pipeline: {', '.join(pipeline)}; jobs: {args.jobs or 'default (all cores)'}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        # Rounds interleave the measurements (kg without and with the SHACL check, then jieba), so that
        # a busy spell of this shared machine hits all of them alike; medians over the rounds.
        variants = {"kg build --no-validate": ["--no-validate"], "kg build (+ SHACL check)": []}
        if args.no_validate:
            del variants["kg build (+ SHACL check)"]
        runs: dict[str, list[dict]] = {name: [] for name in variants}
        jieba_runs: list[float] = []
        for _ in range(args.repeat):
            for name, extra in variants.items():
                runs[name].append(time_kg([args.corpus], work, args, 1, extra=extra))
            if not args.skip_jieba:
                jieba_runs += time_jieba(text, 1)["runs"]
        jb_rate = chars / statistics.median(jieba_runs) if jieba_runs else None
        for name, rs in runs.items():
            seconds = statistics.median(r["seconds"] for r in rs)
            rate = chars / seconds
            ratio = f"  ratio kg/jieba {rate / jb_rate:.2f}" if jb_rate else ""
            print(f"{name:26}: {seconds:6.2f} s {rate:9,.0f} chars/s  runs {[r['runs'][0] for r in rs]}  "
                  f"peak RSS {max(r['rss_mb'] for r in rs):.0f} MB (main), "
                  f"PSS {max(r['pss_mb'] for r in rs):.0f} MB (all processes){ratio}")
        if jieba_runs:
            print(f"{'jieba posseg.cut':26}: {statistics.median(jieba_runs):6.2f} s {jb_rate:9,.0f} chars/s  "
                  f"runs {[round(r, 2) for r in jieba_runs]}")
        kg = {"seconds": statistics.median(r["seconds"] for r in runs["kg build --no-validate"]),
              "rss_mb": max(r["rss_mb"] for r in runs["kg build --no-validate"]),
              "pss_mb": max(r["pss_mb"] for r in runs["kg build --no-validate"])}
        if args.scale:
            big = work / "scaled"
            big.mkdir()
            for i in range(args.scale):
                shutil.copyfile(args.corpus, big / f"copy{i:02d}.txt")
            sc = time_kg([big], work, args, args.scale_repeat, extra=["--no-validate"])
            print(f"kg build {args.scale}x: {sc['seconds']:7.2f} s  {chars * args.scale / sc['seconds']:10,.0f} chars/s  "
                  f"peak RSS {sc['rss_mb']:.0f} MB, PSS {sc['pss_mb']:.0f} MB; "
                  f"time ratio {sc['seconds'] / kg['seconds']:.2f}, RSS ratio {sc['rss_mb'] / kg['rss_mb']:.2f}, "
                  f"PSS ratio {sc['pss_mb'] / kg['pss_mb']:.2f}")
        if args.incremental:
            incremental(text, work, args)


if __name__ == "__main__":
    main()
