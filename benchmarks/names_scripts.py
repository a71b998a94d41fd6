"""Throughput of the ``scripts`` and ``names`` rules on seed-like text.

    python benchmarks/names_scripts.py [--mb 10] [--repeat 3] [--sizes 1000,10000]

Builds a corpus of documents like ours (see corpus.py) and, for ``names``,
synthetic registries of 1,000 and 10,000 entries (made-up people, places and
organisations, plus the people and places of ``rules/names/seeds.toml`` so
that the text has names to find), written as TOML and loaded the way users
load them.  Each document is cleaned on its own, as users do.  Prints MB/s
(best of ``--repeat`` runs, one core) for each rule alone through
``corpusclean.clean(doc, Config(select=[rule]))`` and for the rule function
itself, and the slowdown from the smallest registry to the largest.

The ``names`` rule keeps what it found for each run of capitalised words
(``Mr. Putin``) while the registry is loaded, so a corpus runs faster than its
first document; "first pass" is one pass over the corpus with a freshly
indexed registry.

Targets: ``scripts`` >= 30 MB/s; ``names`` >= 10 MB/s with 1,000 entries and
at most 2x slower with 10,000.  The machine is shared, so numbers are
indicative; run it again before you trust a difference.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus, corpus_bytes  # noqa: E402

import corpusclean  # noqa: E402
from corpusclean import Config  # noqa: E402
from corpusclean.names import Registry, name_edits  # noqa: E402
from corpusclean.scripts import script_edits  # noqa: E402
from corpusclean.textutil import TextFacts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_ONSETS = "b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v w z".split()
_VOWELS = "a e i o u ai ea ie io ou y".split()
_CODAS = " n r s l m nd rt sk v k tz".split(" ")


def _word(rng: random.Random, syllables: int) -> str:
    parts = []
    for _ in range(syllables):
        parts.append(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS))
    return "".join(parts).capitalize()


def synthetic_registry(size: int, seed: int = 7) -> str:
    """TOML text of a registry with ``size`` entries: the seeds registry's
    entries first, then made-up ones (80% people, 15% places, 5% orgs)."""
    rng = random.Random(seed)
    seeds = (ROOT / "rules" / "names" / "seeds.toml").read_text(encoding="utf-8")
    out = [seeds.split("[[entry]]", 1)[0].replace('name = "seeds"', f'name = "synthetic-{size}"')]
    out.append("[[entry]]" + seeds.split("[[entry]]", 1)[1])
    have = len(re.findall(r"^\[\[entry\]\]", seeds, re.M))
    seen: set[str] = set()
    while have < size:
        roll = rng.random()
        if roll < 0.8:
            given = _word(rng, rng.randint(1, 3))
            middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.4 else ""
            name, kind = f"{given}{middle} {_word(rng, rng.randint(2, 3))}", "person"
        elif roll < 0.95:
            name, kind = _word(rng, rng.randint(2, 3)), "place"
        else:
            name, kind = f"{_word(rng, 2)} {rng.choice(['Institute', 'Group', 'Council', 'Trust'])}", "organisation"
        key = name.lower()
        if key in seen:
            continue
        seen.add(key)
        variants = ""
        if rng.random() < 0.3:
            variants = f'\nvariants = ["{name[:-1] + name[-1] * 2}"]'
        out.append(f'\n[[entry]]\ncanonical = "{name}"\nkind = "{kind}"{variants}\n')
        have += 1
    return "".join(out)


def best_time(func: Callable[[str], object], corpus: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in corpus:
            func(doc)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts")
    parser.add_argument("--sizes", default="1000,10000", help="registry sizes (default 1000,10000)")
    args = parser.parse_args(argv)

    corpus = build_corpus(args.mb)
    size = corpus_bytes(corpus) / 1e6
    print(f"corpus: {len(corpus)} documents, {size:.1f} MB; best of {args.repeat} runs, one core")
    rows: list[tuple[str, float]] = []

    config = Config(select=["scripts"])
    corpusclean.clean(corpus[0], config)
    rows.append(("scripts: clean(select=[scripts])", size / best_time(lambda d: corpusclean.clean(d, config), corpus, args.repeat)))
    rows.append(("scripts: script_edits", size / best_time(lambda d: list(script_edits(d, "unify", TextFacts(d))), corpus, args.repeat)))

    # the same documents with their letters mapped to Cyrillic: a corpus in
    # another script, where every line must be looked at
    to_cyrillic = str.maketrans(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "абцдефгхийклмнопярстуввхызАБЦДЕФГХИЙКЛМНОПЯРСТУВВХЫЗ",
    )
    cyrillic = [d.translate(to_cyrillic) for d in corpus[: max(1, len(corpus) // 5)]]
    cyr_size = corpus_bytes(cyrillic) / 1e6
    for policy in ("unify", "latin"):
        rate = cyr_size / best_time(lambda d, p=policy: list(script_edits(d, p, TextFacts(d))), cyrillic, args.repeat)
        rows.append((f"scripts: script_edits, {policy}, Cyrillic text", rate))

    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            path = Path(tmp) / f"registry-{n}.toml"
            path.write_text(synthetic_registry(n), encoding="utf-8")
            start = time.perf_counter()
            config = Config(select=["names"], names=[str(path)])
            load = time.perf_counter() - start
            registry = config.names_registry
            common = config.sentence_words
            edits = sum(1 for d in corpus for e in name_edits(d, registry, 90.0, common))
            print(f"registry of {len(registry)} entries: loaded and indexed in {load:.2f} s; {edits} edits and notes on the corpus")
            rows.append((f"names, {n} entries: clean(select=[names])", size / best_time(lambda d, c=config: corpusclean.clean(d, c), corpus, args.repeat)))
            # cold: a fresh registry object, whose memos are empty (one pass)
            fresh = Registry.of(registry.entries)
            cold = size / best_time(lambda d, r=fresh, c=common: list(name_edits(d, r, 90.0, c)), corpus, 1)
            rows.append((f"names, {n} entries: name_edits, first pass", cold))
            rate = size / best_time(lambda d, r=registry, c=common: list(name_edits(d, r, 90.0, c)), corpus, args.repeat)
            rates[n] = rate
            rows.append((f"names, {n} entries: name_edits", rate))

    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'MB/s':>8}")
    for label, rate in rows:
        print(f"{label:<{width}}  {rate:8.1f}")
    if len(rates) > 1:
        small, large = min(rates), max(rates)
        print(f"names: {large} entries is {rates[small] / rates[large]:.2f}x slower than {small}")


if __name__ == "__main__":
    main()
