"""Benchmark corpora built from documents like the ones corpusclean repairs.

The documents in ``seeds/`` (our own) and, when present, ``../shared/seeds/``
are split into paragraphs; new documents are made by drawing runs of
paragraphs from one source at a time (a source is drawn in proportion to its
size) with a fixed random seed, so the corpus
keeps the mix of artifacts, line lengths and non-ASCII text of the sources and
is the same on every run.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "seeds"]

_BREAK = re.compile(r"(?<=\n)(?=\n)")


def source_documents() -> list[tuple[str, str]]:
    docs = []
    for folder in SOURCES:
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                docs.append((path.name, path.read_text(encoding="utf-8")))
    if not docs:
        raise SystemExit("no source documents found in seeds/")
    return docs


def build_corpus(megabytes: float, seed: int = 2026, doc_kb: tuple[int, int] = (8, 120)) -> list[str]:
    """Documents totalling about ``megabytes`` MB of UTF-8."""
    rng = random.Random(seed)
    sources = [(name, _split(text)) for name, text in source_documents()]
    target = int(megabytes * 1_000_000)
    total = 0
    corpus = []
    weights = [sum(len(p) for p in paragraphs) for _, paragraphs in sources]
    while total < target:
        _, paragraphs = rng.choices(sources, weights)[0]
        size = rng.randint(*doc_kb) * 1000
        parts: list[str] = []
        length = 0
        while length < size:
            start = rng.randrange(len(paragraphs))
            run = paragraphs[start : start + rng.randint(3, 40)]
            parts.extend(run)
            length += sum(len(p.encode()) for p in run)
        doc = "".join(parts)
        corpus.append(doc)
        total += len(doc.encode())
    return corpus


def _split(text: str) -> list[str]:
    if "\n\n" in text:
        return [p for p in _BREAK.split(text) if p]
    return text.splitlines(keepends=True)


def corpus_bytes(corpus: list[str]) -> int:
    return sum(len(d.encode()) for d in corpus)
