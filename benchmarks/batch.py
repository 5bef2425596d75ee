"""Corpus-wide linting: throughput on 1 and 2 processes, peak memory against the number of files, Dask workers.

python benchmarks/batch.py [--files 4000] [--dask-workers 1,2]

Writes ``--files`` claim sets built from the corpus claim sets (tests/corpus cn and en; part names swapped and
values changed so that no two files are the same) into folders of 500, then, each in a fresh process:

* ``claimcheck lint DIR --format jsonl --jobs 1`` and ``--jobs 2``: claim sets per second, and the ratio;
* peak memory (the largest process of the run) of the streamed run (``--format jsonl``) and of the one-report
  run (``--format sarif``, which holds every result until the end) over a quarter of the files and over all of
  them: streamed stays flat, one report grows with the files;
* the same lint function on a Dask ``LocalCluster`` of 1 and 2 worker processes (``--dask-workers``):
  claim sets per second once the cluster is up, and the ratio.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
PARTS = ["支架", "壳体", "电机", "齿轮", "弹簧", "底座", "滑块", "导轨", "叶片", "阀门", "连杆", "转轴", "轴承", "箱体"]
MAXRSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def make_files(folder: Path, n: int, seed: int = 15) -> None:
    """``n`` claim sets varied from the corpus claim sets."""
    rng = random.Random(seed)
    bases = [p for p in sorted((CORPUS / "cn").glob("*.txt")) if not p.name.endswith(".desc.txt")]
    bases += sorted((CORPUS / "en").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in bases]
    for i in range(n):
        sub = folder / f"{i // 500:04d}"
        if i % 500 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        text = texts[i % len(texts)]
        a, b = rng.sample(PARTS, 2)
        text = re.sub(r"(\d+(?:\.\d+)?)(mm|cm|℃|%|kg|MPa)", lambda m: f"{rng.randint(1, 400)}{m.group(2)}", text)
        (sub / f"set{i:06d}.txt").write_text(text.replace(a, b), encoding="utf-8")


def lint_run(target: Path, *options: str) -> tuple[float, float]:
    """(seconds, peak MiB of the largest process) of one ``claimcheck lint`` in a fresh process."""
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-c", MAXRSS, sys.executable, "-m", "claimcheck", "lint", str(target), *options],
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - t, int(r.stdout.strip()) / 1024


def dask_rate(target: Path, workers: int, files: int) -> float:
    from dask.distributed import Client, LocalCluster

    from claimcheck.lint.distributed import dask_lint
    from claimcheck.lint.stream import BatchOptions, iter_inputs
    from claimcheck.report.stream_output import renderer

    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        options = BatchOptions(render=renderer("jsonl"))
        list(dask_lint(iter_inputs([target / "0000"]), options, client))  # warm the workers
        t = time.perf_counter()
        n = sum(1 for _ in dask_lint(iter_inputs([target]), options, client))
        assert n == files
        return n / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=4000)
    ap.add_argument("--dask-workers", default="1,2")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimcheck-batch-"))
    try:
        folder = work / "sets"
        make_files(folder, args.files)
        quarter = work / "quarter"
        n_quarter = max(1, args.files // 4)
        make_files(quarter, n_quarter)  # the same first quarter of the files
        print(f"{args.files:,} claim sets ({n_quarter:,} in the quarter):")
        rates = {}
        for jobs in (1, 2):
            secs, rss = lint_run(folder, "--format", "jsonl", "--jobs", str(jobs))
            rates[jobs] = args.files / secs
            print(
                f"    lint --format jsonl --jobs {jobs}: {rates[jobs]:,.0f} claim sets/s ({secs:.1f} s), peak {rss:.0f} MiB"
            )
        print(f"    jobs 2 / jobs 1: x{rates[2] / rates[1]:.2f}")
        mem = {}
        for name, opts in (
            ("streamed jsonl", ["--format", "jsonl", "--jobs", "1"]),
            ("one report sarif", ["--format", "sarif"]),
        ):
            _, small = lint_run(quarter, *opts)
            _, big = lint_run(folder, *opts)
            mem[name] = (small, big)
            print(
                f"    peak memory, {name}: {small:.0f} MiB for {n_quarter:,} files, {big:.0f} MiB for {args.files:,}"
                f" (x{big / small:.2f} for x{args.files / n_quarter:.0f} files)"
            )
        try:
            import dask  # noqa: F401
        except ImportError:
            print("    dask: not installed (pip install 'claimcheck[dist]')")
            return
        drates = {}
        for w in (int(x) for x in args.dask_workers.split(",")):
            drates[w] = dask_rate(folder, w, args.files)
            print(f"    dask LocalCluster, {w} worker process(es): {drates[w]:,.0f} claim sets/s")
        if len(drates) > 1:
            lo, hi = min(drates), max(drates)
            print(f"    dask {hi} workers / {lo}: x{drates[hi] / drates[lo]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
