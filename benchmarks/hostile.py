"""Time the default pipeline on hostile and broken inputs of about 1 MB.

    python benchmarks/hostile.py [--mb 1] [--only NAME,...] [--quotes curly]

No rule may be super-linear: each of these inputs must be cleaned in well
under a few seconds.  Prints the seconds each takes (one core, best of
``--repeat``), and the time of the same input at a quarter of the size: a
ratio near 4 means linear, near 16 quadratic.  ``random bytes`` goes through
the command line with ``--errors replace``, as a user would feed it.

``tests/test_hostile.py`` runs the same inputs (from :func:`hostile_inputs`)
with a generous time limit.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from collections.abc import Callable

MB = 1_000_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _random_bytes(size: int) -> bytes:
    return random.Random(1).randbytes(size)


#: name -> function(size in characters) -> text (or bytes, for the CLI)
INPUTS: dict[str, Callable[[int], str | bytes]] = {
    "one character repeated": lambda n: "a" * n,
    "backslashes": lambda n: "\\" * n,
    "hyphens": lambda n: "-" * n,
    "'-\\n' repeated": lambda n: _repeat("-\n", n),
    "'word-\\n' repeated": lambda n: _repeat("exam-\nple-\n", n),
    "spaces": lambda n: " " * n,
    "one 1 MB line": lambda n: _repeat("word ", n),
    "100,000 blank lines": lambda n: "\n" * max(100_000, n // 10),
    "newlines": lambda n: "\n" * n,
    "CRLF blank lines": lambda n: _repeat("\r\n", n),
    "lone carriage returns": lambda n: "\r" * n,
    "random bytes (--errors replace)": _random_bytes,
    "random characters": lambda n: "".join(
        chr(c) for c in random.Random(2).choices(range(0x20, 0x3000), k=n)
    ),
    "all-caps credit lines repeated": lambda n: _repeat("JANE DOE/THE RIVER GAZETTE\n", n),
    "all-caps credits, no newlines": lambda n: _repeat("JANE DOE/THE RIVER GAZETTE ", n),
    "mixed-script words repeated": lambda n: _repeat("R\u0443\u0441\u0442\u0435\u043c Ukr\u0430ine ", n),
    "paragraphs without closing punctuation": lambda n: _repeat(
        "the council met on Monday and talked about the river\n\n", n
    ),
    "one paragraph without punctuation": lambda n: _repeat("the council met and talked\n", n),
    "short capitalised lines": lambda n: _repeat("Continued on Page 4\nPAGE 8\n\n", n),
    "mojibake repeated": lambda n: _repeat("caf\u00c3\u00a9 ", n),
    "mojibake, one long run": lambda n: _repeat("\u00c3\u00a9", n),
    "C1 controls": lambda n: _repeat("\x93\x94\x85", n),
    "soft hyphens": lambda n: "\u00ad" * n,
    "combining marks": lambda n: "e" + "\u0301" * (n - 1),
    "zero-width joiners": lambda n: _repeat("a\u200d", n),
    "markdown escapes": lambda n: _repeat("\\$", n),
    "escapes in a code span": lambda n: "`" + _repeat("\\*", n - 2) + "`",
    "unclosed LaTeX math": lambda n: _repeat("\\( x \\$ ", n),
    "unclosed display math": lambda n: _repeat("\\[ x \\$ ", n),
    "URLs with escapes": lambda n: _repeat("http://x.io/a\\_b ", n),
    "Windows paths": lambda n: _repeat("C:\\a\\$ ", n),
    "straight quotes": lambda n: _repeat("'\"", n),
    "curly quotes": lambda n: _repeat("\u201c\u2018\u2019\u201d", n),
    "hyphenated words across blank lines": lambda n: _repeat("the gov-\n\nernment ", n),
    "trailing spaces on every line": lambda n: _repeat("a \n", n),
    "whitespace-only lines": lambda n: _repeat(" \n\t\n", n),
}


def hostile_inputs(size: int = MB) -> dict[str, str | bytes]:
    """Every hostile input at ``size`` characters (bytes for raw input)."""
    return {name: make(size) for name, make in INPUTS.items()}


def time_one(data: str | bytes, quotes: str = "keep", repeat: int = 1) -> float:
    import corpusclean

    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        if isinstance(data, bytes):
            subprocess.run(
                [sys.executable, "-m", "corpusclean", "--isolated", "--errors", "replace", "--quotes", quotes],
                input=data, capture_output=True, check=True,
            )
        else:
            corpusclean.clean(data, quotes=quotes)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=1.0, help="input size in MB (default 1)")
    parser.add_argument("--only", help="comma-separated input names (default: all)")
    parser.add_argument("--quotes", default="keep", help="quote policy (keep, straight, curly)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per input; the best counts")
    args = parser.parse_args(argv)
    import corpusclean

    corpusclean.clean("warm up: caf\u00c3\u00a9")
    size = int(args.mb * MB)
    names = args.only.split(",") if args.only else list(INPUTS)
    width = max(len(n) for n in names)
    print(f"{'input':<{width}}  {'seconds':>8}  {'x (1/4 size)':>12}")
    worst = 0.0
    for name in names:
        make = INPUTS[name]
        full = time_one(make(size), args.quotes, args.repeat)
        quarter = time_one(make(size // 4), args.quotes, args.repeat)
        worst = max(worst, full)
        print(f"{name:<{width}}  {full:8.3f}  {full / max(quarter, 1e-6):12.1f}", flush=True)
    print(f"slowest: {worst:.3f} s")


if __name__ == "__main__":
    main()
