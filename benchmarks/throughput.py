"""Throughput of each rule alone and of the default pipeline, beside ftfy.

    python benchmarks/throughput.py [--mb 10] [--repeat 3]

Builds a corpus of documents like ours (see corpus.py), cleans each document
on its own, as users do, and prints MB/s (best of ``--repeat`` runs, one core)
for every rule alone, for the default pipeline, and for ``ftfy.fix_text`` on
the same documents in the same run, with the ratio to ftfy.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ftfy  # noqa: E402
from corpus import build_corpus, corpus_bytes  # noqa: E402

import corpusclean  # noqa: E402
from corpusclean import Config  # noqa: E402


def best_time(func: Callable[[str], object], corpus: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for doc in corpus:
            func(doc)
        best = min(best, time.process_time() - start)
    return best


#: The character-level rules (controls, encoding, escapes, whitespace, quotes):
#: the core's target is these together at 20 times ftfy.fix_text.
CHARACTER_RULES = ("controls", "mojibake", "escapes", "whitespace", "quotes")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--rules", help="comma-separated rules to time alone (default: all)")
    parser.add_argument("--no-ftfy", action="store_true", help="skip the ftfy baseline")
    args = parser.parse_args(argv)

    corpus = build_corpus(args.mb)
    size = corpus_bytes(corpus) / 1e6
    print(f"corpus: {len(corpus)} documents, {size:.1f} MB; best of {args.repeat} runs, one core")
    # warm up: loads wordfreq lists, compiles patterns
    corpusclean.clean(corpus[0])

    rows: list[tuple[str, float]] = []
    names = args.rules.split(",") if args.rules else list(corpusclean.RULES)
    default = Config()
    for name in names:
        config = Config(select=[name])
        rows.append((f"rule {name}", size / best_time(lambda d, c=config: corpusclean.clean(d, c), corpus, args.repeat)))
    # the character-level rules of the core, as one pipeline
    chars = Config(select=[r for r in CHARACTER_RULES if r in corpusclean.RULES])
    rows.append(("character rules together (clean)", size / best_time(lambda d: corpusclean.clean(d, chars), corpus, args.repeat)))
    rows.append(("default pipeline (clean)", size / best_time(lambda d: corpusclean.clean(d, default), corpus, args.repeat)))
    rows.append(("default pipeline (repair, with edits)", size / best_time(lambda d: corpusclean.repair(d, default), corpus, args.repeat)))
    ftfy_rate = None
    if not args.no_ftfy:
        ftfy_rate = size / best_time(ftfy.fix_text, corpus, max(1, args.repeat - 1))
        rows.append(("ftfy.fix_text", ftfy_rate))

    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'MB/s':>8}  {'x ftfy':>7}")
    for label, rate in rows:
        ratio = f"{rate / ftfy_rate:7.1f}" if ftfy_rate else "      -"
        print(f"{label:<{width}}  {rate:8.1f}  {ratio}")


if __name__ == "__main__":
    main()
