"""A coverage-guided fuzz target for the default pipeline (atheris).

    python tests/fuzz_clean.py -runs=100000 -max_len=65536 -timeout=10 [CORPUS_DIR]

Each input is decoded as UTF-8 (bad bytes replaced), with the first byte
choosing the quote policy and whether the text is cut into small chunks;
the target fails on any exception, on edits that do not replay onto the
input, and on an input that takes longer than ``-timeout`` seconds (how
libFuzzer finds super-linear behaviour).  tests/test_fuzz.py runs it briefly.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import corpusclean
    from corpusclean import Config, apply_edits

CONFIGS = [
    Config(),
    Config(quotes="curly"),
    Config(quotes="straight", rules=["newspaper"]),
    Config(chunk_size=200),
]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    config = CONFIGS[data[0] % len(CONFIGS)]
    text = data[1:].decode("utf-8", errors="replace")
    result = corpusclean.repair(text, config)
    if apply_edits(text, result.edits) != result.text:
        raise AssertionError(f"edits do not replay on {text!r}")
    if any(a.end > b.start for a, b in zip(result.edits, result.edits[1:])):
        raise AssertionError(f"edits overlap on {text!r}")
    if corpusclean.clean(text, config) != result.text:
        raise AssertionError(f"clean and repair differ on {text!r}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
