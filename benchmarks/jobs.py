"""Throughput of the command line on 100 files with --jobs 1 and --jobs N.

    python benchmarks/jobs.py [--files 100] [--kb 400-800] [--jobs 2] [--repeat 3]

Writes ``--files`` documents like ours (see corpus.py; sizes drawn from
``--kb``) to ``benchmarks/data/jobs-<files>-<kb>/`` and times
``corpusclean --isolated --jobs J FILE ... > /dev/null`` for J = 1 and J =
``--jobs`` (default: all cores), and ``corpusclean check`` likewise: as a
command, end to end (starting Python and importing corpusclean take a fixed
~0.3 s that no number of jobs shortens), and in-process through ``main()``
(the work alone).  Prints MB/s (best of ``--repeat``) and
the speed-up.  The machine's other load shows in the numbers: run it on an
idle machine, and more than once.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def write_corpus(files: int, kb: tuple[int, int]) -> list[Path]:
    folder = DATA / f"jobs-{files}-{kb[0]}-{kb[1]}"
    paths = [folder / f"doc{k:03d}.txt" for k in range(files)]
    if all(p.exists() for p in paths):
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    docs = build_corpus(files * kb[1] / 1000, doc_kb=kb)
    if len(docs) < files:
        raise SystemExit("corpus too small")
    for path, doc in zip(paths, docs):
        path.write_text(doc, encoding="utf-8")
    return paths


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def available_parallelism(jobs: int, n: int = 4_000_000) -> float:
    from multiprocessing import get_context

    start = time.perf_counter()
    for _ in range(jobs):
        _spin(n)
    serial = time.perf_counter() - start
    with get_context("fork").Pool(jobs) as pool:
        start = time.perf_counter()
        pool.map(_spin, [n] * jobs)
        parallel = time.perf_counter() - start
    return serial / parallel


def best(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def best_in_process(argv: list[str], repeat: int) -> float:
    """Run corpusclean's main() here, stdout to /dev/null: the time of the
    work alone, without starting Python and importing corpusclean."""
    from corpusclean.cli.main import main as corpusclean_main

    times = []
    for _ in range(repeat):
        saved = sys.stdout
        with open(os.devnull, "w") as sink:
            sys.stdout = sink
            try:
                start = time.perf_counter()
                corpusclean_main(argv)
                times.append(time.perf_counter() - start)
            finally:
                sys.stdout = saved
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--kb", default="400-800", help="document sizes in kB, LOW-HIGH")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    low, high = (int(x) for x in args.kb.split("-"))
    paths = write_corpus(args.files, (low, high))
    size = sum(p.stat().st_size for p in paths) / 1e6
    exe = str(Path(sys.executable).with_name("corpusclean"))
    names = [str(p) for p in paths]
    print(f"{len(paths)} files, {size:.1f} MB; best of {args.repeat}; {os.cpu_count()} cores")
    print(f"machine: {args.jobs} busy processes run {available_parallelism(args.jobs):.2f}x faster than one")
    for command in ([], ["check"]):
        label = "corpusclean " + (command[0] if command else "(clean to stdout)")
        for where in ("command", "in-process"):
            rates = {}
            for jobs in (1, args.jobs):
                argv_ = [*command, "--isolated", "-q", "--jobs", str(jobs), *names]
                if where == "command":
                    t = best([exe, *argv_], args.repeat)
                else:
                    t = best_in_process(argv_, args.repeat)
                rates[jobs] = size / t
                print(f"{label:<32} {where:<10} --jobs {jobs}: {t:6.2f} s  {rates[jobs]:6.1f} MB/s", flush=True)
            print(f"{label:<32} {where:<10} speed-up: {rates[args.jobs] / rates[1]:.2f}x")
    print(f"machine: {args.jobs} busy processes run {available_parallelism(args.jobs):.2f}x faster than one")


if __name__ == "__main__":
    main()
