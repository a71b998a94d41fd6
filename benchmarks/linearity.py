"""Does the default pipeline's cost grow linearly with the input?

    python benchmarks/linearity.py [--sizes 1,64] [--repeat 2]

Cleans one input of each size (documents like ours joined into a single
text, as a user might feed a whole dump) and prints MB/s (CPU time, best of
``--repeat``).  Linear cost means the same MB/s at every size; the target is
1 MB and 64 MB within 25% of each other.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

import corpusclean  # noqa: E402


def one_text(megabytes: float) -> str:
    docs = build_corpus(megabytes)
    text = "\n\n".join(docs)
    return text


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,64", help="comma-separated sizes in MB (default 1,64)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    corpusclean.clean(one_text(0.1))  # warm up
    rates = []
    for size in sizes:
        text = one_text(size)
        mb = len(text.encode()) / 1e6
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            corpusclean.clean(text)
            best = min(best, time.process_time() - start)
        rates.append(mb / best)
        print(f"{mb:7.1f} MB  {best:7.2f} s  {mb / best:6.1f} MB/s")
    if len(rates) > 1:
        spread = max(rates) / min(rates) - 1
        print(f"spread between sizes: {spread:.0%} (target: 25% or less)")


if __name__ == "__main__":
    main()
