"""corpusclean beside the tools users would pick instead, on the same documents in one run.

    pip install -e '.[bench]'
    python benchmarks/compare.py                    # speed at 1, 16, 64 MB and repair quality
    python benchmarks/compare.py --sizes 1 --quality-docs 80 --no-readme   # a quick look

The tools (one small adapter each, in ``PEERS``; a tool that is not installed
is reported and skipped):

* corpusclean: the default pipeline, ``corpusclean.clean(text)``.
* ftfy: ``ftfy.fix_text(text)``.
* clean-text: ``cleantext.clean(text, ...)`` with the settings a user who
  repairs text would choose: no lower-casing, no transliteration to ASCII,
  paragraph breaks kept (its defaults lower-case everything and join all
  paragraphs).
* textacy: ``textacy.preprocessing.normalize`` ``hyphenated_words``, then
  ``quotation_marks``, ``unicode``, ``whitespace``.
* unstructured: ``unstructured.cleaners.core.group_broken_paragraphs`` on the
  document, then ``clean_extra_whitespace`` and ``replace_unicode_quotes`` on
  each paragraph (unstructured cleans elements, i.e. paragraphs;
  ``clean_extra_whitespace`` on a whole document would join every paragraph).

Speed: each tool cleans every document of ``benchmarks/corpus.py``'s
``build_corpus(mb)`` on its own, at each size of ``--sizes``; MB/s is the
UTF-8 size over the time of the best of ``--repeat`` runs (one run at 16 MB
and more), and the ratio is to corpusclean in the same run.

Quality: ``--quality-docs`` clean documents written for this project
(``groundtruth.py``), broken by ``injector.py`` with every artifact type that
occurs in their genre, cleaned by each tool and scored by ``scoring.py``,
whose docstring defines the figures: word error rate against the ground
truth, the share of injected artifacts repaired (per type), the share of good
text damaged, and per type the damage to the traps of its family.

Output: ``benchmarks/results/compare.md`` (the tables), ``compare.json``
(every number), ``compare.png`` (a chart), and the tables in README.md
between the ``compare`` markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import build_corpus, corpus_bytes  # noqa: E402
from groundtruth import make_corpus  # noqa: E402
from injector import ARTIFACT_TYPES, inject  # noqa: E402
from scoring import Tally, score  # noqa: E402

ROOT = HERE.parent
RESULTS = HERE / "results"
README = ROOT / "README.md"
BEGIN, END = "<!-- compare:begin -->", "<!-- compare:end -->"
INTRO = (
    "`pip install -e '.[bench]' && python benchmarks/compare.py` runs corpusclean and the tools users "
    "would pick instead on the same documents, for speed and for repair quality against a known "
    "ground truth, and writes the tables below (and a chart) to `benchmarks/results/`."
)

Cleaner = Callable[[str], str]


# -- the tools -----------------------------------------------------------------------


@dataclass(frozen=True)
class Peer:
    """A tool: its name, the distribution whose version is reported, what
    runs, and a loader that imports it and returns ``text -> text``."""

    name: str
    dist: str
    call: str
    load: Callable[[], Cleaner]


def _corpusclean() -> Cleaner:
    import corpusclean

    config = corpusclean.Config()
    return lambda text: corpusclean.clean(text, config)


def _ftfy() -> Cleaner:
    import ftfy

    return ftfy.fix_text


def _cleantext() -> Cleaner:
    from cleantext import clean

    def run(text: str) -> str:
        return clean(
            text,
            fix_unicode=True,
            to_ascii=False,
            lower=False,
            normalize_whitespace=True,
            no_line_breaks=False,
            strip_lines=True,
            keep_two_line_breaks=True,
        )

    return run


def _textacy() -> Cleaner:
    from textacy.preprocessing import normalize

    def run(text: str) -> str:
        text = normalize.hyphenated_words(text)
        text = normalize.quotation_marks(text)
        text = normalize.unicode(text)
        return normalize.whitespace(text)

    return run


def _unstructured() -> Cleaner:
    from unstructured.cleaners.core import clean_extra_whitespace, group_broken_paragraphs, replace_unicode_quotes

    def run(text: str) -> str:
        paragraphs = group_broken_paragraphs(text).split("\n\n")
        return "\n\n".join(replace_unicode_quotes(clean_extra_whitespace(p)) for p in paragraphs)

    return run


PEERS = [
    Peer("corpusclean", "corpusclean", "corpusclean.clean(text)", _corpusclean),
    Peer("ftfy", "ftfy", "ftfy.fix_text(text)", _ftfy),
    Peer(
        "clean-text",
        "clean-text",
        "cleantext.clean(text, to_ascii=False, lower=False, keep_two_line_breaks=True)",
        _cleantext,
    ),
    Peer(
        "textacy",
        "textacy",
        "preprocessing.normalize: hyphenated_words, quotation_marks, unicode, whitespace",
        _textacy,
    ),
    Peer(
        "unstructured",
        "unstructured",
        "cleaners.core: group_broken_paragraphs; per paragraph clean_extra_whitespace, replace_unicode_quotes",
        _unstructured,
    ),
]

#: The broken input itself, as a reference row in the quality table.
UNREPAIRED = "(input as is)"


@dataclass
class Loaded:
    peer: Peer
    clean: Cleaner | None
    version: str
    problem: str = ""  # why it was skipped


def load(peers: Sequence[Peer]) -> list[Loaded]:
    """Import every tool; one that is missing (or fails to import) is kept
    with the reason, never fatal."""
    out = []
    for peer in peers:
        try:
            version = metadata.version(peer.dist)
        except metadata.PackageNotFoundError:
            version = "-"
        try:
            out.append(Loaded(peer, peer.load(), version))
        except Exception as exc:  # ImportError, or a broken install
            out.append(Loaded(peer, None, version, f"not installed ({type(exc).__name__}: {exc})"))
    return out


# -- speed -----------------------------------------------------------------------------------


def best_time(clean: Cleaner, docs: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            clean(doc)
        best = min(best, time.perf_counter() - start)
    return best


def measure_speed(tools: list[Loaded], sizes: list[float], repeat: int, log: Callable[[str], None]) -> dict:
    result: dict = {"sizes": {}}
    for mb in sizes:
        docs = build_corpus(mb)
        size = corpus_bytes(docs) / 1e6
        runs = repeat if mb < 16 else 1
        row: dict = {"documents": len(docs), "mb": size, "runs": runs, "mb_per_s": {}, "errors": {}}
        for tool in tools:
            if tool.clean is None:
                continue
            try:
                tool.clean(docs[0])  # warm up: imports, word lists, compiled patterns
                seconds = best_time(tool.clean, docs, runs)
                row["mb_per_s"][tool.peer.name] = size / seconds
                log(f"  {mb:g} MB  {tool.peer.name:<13} {size / seconds:8.2f} MB/s")
            except Exception as exc:
                row["errors"][tool.peer.name] = f"{type(exc).__name__}: {exc}"
                log(f"  {mb:g} MB  {tool.peer.name:<13} failed: {exc}")
        result["sizes"][f"{mb:g}"] = row
    return result


# -- quality -----------------------------------------------------------------------------------


def measure_quality(tools: list[Loaded], n_docs: int, seed: int, log: Callable[[str], None]) -> dict:
    docs = make_corpus(n_docs, seed)
    cases = [inject(doc, random.Random(seed * 1_000_003 + i)) for i, doc in enumerate(docs)]
    size = sum(len(c.broken.encode()) for c in cases) / 1e6
    result: dict = {"documents": len(cases), "mb": size, "seed": seed, "tools": {}, "errors": {}}
    runs: list[tuple[str, Cleaner]] = [(UNREPAIRED, lambda text: text)]
    runs += [(t.peer.name, t.clean) for t in tools if t.clean is not None]
    for name, clean in runs:
        tally = Tally()
        try:
            for case in cases:
                tally.add(score(case, clean(case.broken)))
        except Exception as exc:
            result["errors"][name] = f"{type(exc).__name__}: {exc}"
            log(f"  quality {name}: failed: {exc}")
            continue
        result["tools"][name] = {
            "wer": tally.wer(),
            "repaired": tally.repaired_share(),
            "damaged": tally.damage_share(),
            "injected": dict(tally.injected),
            "repaired_by_type": {t: tally.repaired_share(t) for t in tally.injected},
            "trap_damage": {f: tally.trap_share(f) for f in tally.trap_tokens},
            "trap_tokens": dict(tally.trap_tokens),
        }
        log(f"  quality {name:<13} WER {tally.wer():.4f}  repaired {tally.repaired_share():.3f}")
    return result


# -- report -----------------------------------------------------------------------------------


def machine() -> dict:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "cpu": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.1f}%"


def markdown(info: dict, tools: list[Loaded], speed: dict | None, quality: dict | None, command: str) -> str:
    from corpusclean import RULES

    lines = [
        f"Measured on {info['date']} on {info['cpu']} ({info['cores']} cores; each tool runs on one), "
        f"Python {info['python']}, with `{command}`. Numbers from a shared machine are indicative.",
        "",
        "| tool | version | what runs |",
        "|---|---|---|",
    ]
    for t in tools:
        status = f"`{t.peer.call}`" if t.clean else f"**skipped**: {t.problem}"
        lines.append(f"| {t.peer.name} | {t.version} | {status} |")
    names = [t.peer.name for t in tools if t.clean is not None]

    if speed:
        sizes = list(speed["sizes"])
        lines += ["", "**Speed**: MB/s, each document cleaned on its own (× corpusclean's speed in brackets).", ""]
        lines.append("| tool | " + " | ".join(f"{s} MB" for s in sizes) + " |")
        lines.append("|---|" + "---:|" * len(sizes))
        for name in names:
            cells = []
            for s in sizes:
                row = speed["sizes"][s]
                rate = row["mb_per_s"].get(name)
                base = row["mb_per_s"].get("corpusclean")
                if rate is None:
                    cells.append("failed" if name in row["errors"] else "–")
                else:
                    ratio = f" ({rate / base:.2f}×)" if base else ""
                    cells.append(f"{rate:.1f}{ratio}")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        docs = ", ".join(f"{s} MB: {r['documents']} documents, best of {r['runs']}" for s, r in speed["sizes"].items())
        lines += ["", f"Corpora from `benchmarks/corpus.py` ({docs})."]

    if quality:
        q = quality["tools"]
        rows = [UNREPAIRED] + [n for n in names if n in q]
        injected = q[UNREPAIRED]["injected"] if UNREPAIRED in q else {}
        total = sum(injected.values())
        lines += [
            "",
            f"**Repair quality** on {quality['documents']} documents ({quality['mb']:.2f} MB) written for the "
            f"project and broken by `benchmarks/injector.py` ({total} artifacts; seed {quality['seed']}). "
            "Definitions in `benchmarks/scoring.py`.",
            "",
            "| tool | word error rate | artifacts repaired | good text damaged |",
            "|---|---:|---:|---:|",
        ]
        for name in rows:
            r = q[name]
            lines.append(f"| {name} | {100 * r['wer']:.2f}% | {_pct(r['repaired'])} | {_pct(r['damaged'])} |")
        lines += [
            "",
            "Share repaired per artifact type (damage to the good text that a careless repair of that type "
            "would hit — its traps — in brackets; † marks rules this corpusclean does not have yet).",
            "",
            "| artifact | corpusclean rules | n | " + " | ".join(rows[1:]) + " |",
            "|---|---|---:|" + "---:|" * (len(rows) - 1),
        ]
        for tname, kind in ARTIFACT_TYPES.items():
            if tname not in injected:
                continue
            rules = ", ".join(r if r in RULES else f"{r}†" for r in kind.rules)
            cells = []
            for name in rows[1:]:
                r = q[name]
                cells.append(f"{_pct(r['repaired_by_type'].get(tname))} ({_pct(r['trap_damage'].get(kind.family))})")
            lines.append(f"| {tname} | {rules} | {injected[tname]} | " + " | ".join(cells) + " |")
    skipped = [t for t in tools if t.clean is None]
    if skipped:
        lines += ["", "Skipped: " + "; ".join(f"{t.peer.name}: {t.problem}" for t in skipped) + "."]
    return "\n".join(lines) + "\n"


def chart(path: Path, names: list[str], speed: dict | None, quality: dict | None) -> bool:
    """Speed, errors and the share repaired per type, as a PNG; False without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    panels = (1 if speed else 0) + (2 if quality else 0)
    if not panels:
        return False
    fig, axes = plt.subplots(1, panels, figsize=(6 * panels, 4.8), squeeze=False)
    ax_iter = iter(axes[0])
    if speed:
        ax = next(ax_iter)
        sizes = list(speed["sizes"])
        width = 0.8 / max(1, len(sizes))
        for k, s in enumerate(sizes):
            rates = [speed["sizes"][s]["mb_per_s"].get(n, 0) for n in names]
            ax.bar([i + k * width for i in range(len(names))], rates, width, label=f"{s} MB")
        ax.set_yscale("log")
        ax.set_xticks([i + width * (len(sizes) - 1) / 2 for i in range(len(names))], names, rotation=20)
        ax.set_ylabel("MB/s (log scale)")
        ax.set_title("Speed, one core")
        ax.legend()
    if quality:
        q = quality["tools"]
        rows = [UNREPAIRED] + [n for n in names if n in q]
        ax = next(ax_iter)
        xs = range(len(rows))
        ax.bar([x - 0.2 for x in xs], [100 * q[n]["wer"] for n in rows], 0.4, color="tab:red", label="word error rate")
        ax.bar([x + 0.2 for x in xs], [100 * (q[n]["damaged"] or 0) for n in rows], 0.4, color="tab:gray",
               label="good text damaged")
        ax.set_xticks(list(xs), rows, rotation=20)
        ax.set_ylabel("% of ground-truth tokens")
        ax.set_title("Errors against the ground truth")
        top = max([100 * q[n]["wer"] for n in rows] + [100 * (q[n]["damaged"] or 0) for n in rows] + [1])
        ax.set_ylim(0, top * 1.3)
        ax.legend(loc="upper center", ncol=2, fontsize=8)
        ax = next(ax_iter)
        types = [t for t in ARTIFACT_TYPES if t in q[rows[0]]["injected"]]
        grid = [[100 * (q[n]["repaired_by_type"].get(t) or 0) for n in rows[1:]] for t in types]
        image = ax.imshow(grid, cmap="Greens", vmin=0, vmax=100, aspect="auto")
        ax.set_xticks(range(len(rows) - 1), rows[1:], rotation=20)
        ax.set_yticks(range(len(types)), types)
        for i, row in enumerate(grid):
            for j, v in enumerate(row):
                ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=7, color="black" if v < 60 else "white")
        ax.set_title("Artifacts repaired (%)")
        fig.colorbar(image, ax=ax, fraction=0.04)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def update_readme(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    section = f"{BEGIN}\n{table}{END}"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n## Compared with other tools\n\n" + INTRO + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def run(
    peers: Sequence[Peer],
    sizes: list[float],
    repeat: int,
    quality_docs: int,
    seed: int,
    out: Path,
    readme: Path | None,
    want_chart: bool,
    command: str,
    log: Callable[[str], None] = print,
) -> str:
    tools = load(peers)
    for t in tools:
        log(f"{t.peer.name} {t.version}" + (f": skipped, {t.problem}" if t.clean is None else ""))
    info = machine()
    speed = measure_speed(tools, sizes, repeat, log) if sizes else None
    quality = measure_quality(tools, quality_docs, seed, log) if quality_docs else None
    table = markdown(info, tools, speed, quality, command)
    out.mkdir(parents=True, exist_ok=True)
    (out / "compare.md").write_text(table, encoding="utf-8")
    raw = {
        "machine": info,
        "tools": {t.peer.name: {"version": t.version, "call": t.peer.call, "skipped": t.problem} for t in tools},
        "speed": speed,
        "quality": quality,
    }
    (out / "compare.json").write_text(json.dumps(raw, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    names = [t.peer.name for t in tools if t.clean is not None]
    if want_chart and not chart(out / "compare.png", names, speed, quality):
        log("no chart: matplotlib is not installed (pip install -e '.[bench]')")
    if readme is not None:
        update_readme(readme, table)
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,16,64", help="speed corpus sizes in MB, comma-separated ('' for none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per speed measurement below 16 MB; the best counts")
    parser.add_argument("--quality-docs", type=int, default=240, help="documents in the quality corpus (0: none)")
    parser.add_argument("--seed", type=int, default=2026, help="seed of the quality corpus and its artifacts")
    parser.add_argument("--peers", default=",".join(p.name for p in PEERS), help="tools to run, comma-separated")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for compare.md, .json and .png")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md as it is")
    parser.add_argument("--no-chart", action="store_true", help="write no PNG")
    args = parser.parse_args(argv)
    known = {p.name: p for p in PEERS}
    wanted = [n.strip() for n in args.peers.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        parser.error(f"unknown tools {', '.join(unknown)} (tools: {', '.join(known)})")
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    command = "python benchmarks/compare.py" + ("" if argv is None and len(sys.argv) == 1 else " " + " ".join(sys.argv[1:] if argv is None else argv))
    table = run(
        [known[n] for n in wanted],
        sizes,
        args.repeat,
        args.quality_docs,
        args.seed,
        args.out,
        None if args.no_readme else README,
        not args.no_chart,
        command,
    )
    print()
    print(table)


if __name__ == "__main__":
    main()
