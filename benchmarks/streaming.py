"""Peak memory and time of cleaning one large input, streamed, and whether the
streamed output equals cleaning the whole text at once.

    python benchmarks/streaming.py [--mb 1000] [--stdin] [--verify]

Writes ``benchmarks/data/big-<MB>.txt`` (documents like ours, see corpus.py,
repeated until the size is reached; kept for the next run), then runs
``/usr/bin/time -v corpusclean FILE > OUT`` (GNU time; on Debian:
``apt-get install time``) and prints the wall time, throughput and peak
memory (maximum resident set size).  ``--stdin`` feeds the file on stdin
instead.  ``--verify`` then cleans the whole text in one
``corpusclean.clean`` call (this needs several GB of memory for 1 GB) and
compares the SHA-256 of both outputs.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def big_file(mb: int) -> Path:
    path = DATA / f"big-{mb}.txt"
    if path.exists() and path.stat().st_size >= mb * 1_000_000:
        return path
    DATA.mkdir(exist_ok=True)
    docs = [d.encode() for d in build_corpus(min(mb, 20))]
    target = mb * 1_000_000
    written = 0
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as fh:
        while written < target:
            for doc in docs:
                fh.write(doc)
                fh.write(b"\n\n")
                written += len(doc) + 2
                if written >= target:
                    break
    tmp.replace(path)
    return path


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=int, default=1000, help="input size in MB (default 1000)")
    parser.add_argument("--stdin", action="store_true", help="feed the input on stdin")
    parser.add_argument("--verify", action="store_true", help="compare with cleaning the whole text at once")
    parser.add_argument("--jobs", default="1", help="--jobs for corpusclean (default 1)")
    args = parser.parse_args(argv)
    gnu_time = shutil.which("time", path="/usr/bin") or shutil.which("gtime")
    if not gnu_time:
        raise SystemExit("GNU time not found (Debian: apt-get install time)")
    src = big_file(args.mb)
    out = DATA / f"big-{args.mb}.clean.txt"
    size = src.stat().st_size
    corpusclean = Path(sys.executable).with_name("corpusclean")
    cmd = [gnu_time, "-v", str(corpusclean), "--isolated", "--jobs", args.jobs]
    cmd += [] if args.stdin else [str(src)]
    start = time.perf_counter()
    with open(out, "wb") as sink, open(src, "rb") as feed:
        proc = subprocess.run(cmd, stdin=feed if args.stdin else subprocess.DEVNULL, stdout=sink, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    print(f"input: {src.name}, {size / 1e6:.0f} MB ({'stdin' if args.stdin else 'file'}); output {out.stat().st_size / 1e6:.0f} MB")
    print(f"wall time {wall:.1f} s, {size / 1e6 / wall:.1f} MB/s; peak memory (max RSS) {peak_kb / 1024:.0f} MB")
    if args.verify:
        import corpusclean

        whole = corpusclean.clean(src.read_text(encoding="utf-8"))
        digest = hashlib.sha256(whole.encode("utf-8")).hexdigest()
        del whole
        same = digest == sha256_file(out)
        print(f"streamed output equals clean(whole text): {same}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
