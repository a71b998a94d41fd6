"""``corpusclean names``: work with names registries.

    corpusclean names suggest PATH ... [-o FILE]   draft a registry from a corpus
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import ConfigError
from .files import InputError, Skipped, decode, read_text
from .main import base_config

__all__ = ["run_names"]

EXIT_OK, EXIT_ERROR = 0, 2

_NAMES_HELP = """\
Work with names registries: TOML files of people, places and organisations,
each with a canonical form and its variants, that the names rule uses to make
every variant canonical (corpusclean --names FILE ...).

subcommands:
  suggest PATH ...   mine a corpus for name variants and write a draft registry

Run 'corpusclean names suggest --help' for its options.
"""

_SUGGEST_HELP = """\
Mine a corpus for name variants and write a draft names registry (TOML) to
stdout or to --output, for a person to review.

Each file is first repaired with the other rules (mixed-script words unified,
mojibake fixed, captions moved...; --raw skips this), then every person and
place mention is read: full names (given names and surname) are clustered by
the fuzzy similarity of their folded keys (case, accents, script and the
punctuation of initials folded: JD, J.D. and J. D. are one key) and split
into people whose given names fit one another, so that different people who
share a surname are never merged; a surname alone (Mr. Colby) counts for the
one person of that surname. Single words after "in", "to", "from"... are
places. A cluster with more than one spelling becomes an entry with a
proposed canonical form (the commonest spelling, in its fullest form), its
variants and how often each form was seen.

Review the draft (is every variant the same person or place? is the proposed
form the right one?), then use it: corpusclean --names draft.toml FILE.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _suggest_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="corpusclean names suggest",
        description=_SUGGEST_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="text files of the corpus ('-' reads stdin)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the draft here instead of stdout")
    parser.add_argument("--threshold", type=float, metavar="N",
                        help="fuzzy score (0-100) from which two spellings are one name "
                             "(default: name_threshold of the config, 90)")
    parser.add_argument("--raw", action="store_true", help="mine the files as they are, without repairing them first")
    parser.add_argument("--config", metavar="FILE", help="read options from this pyproject.toml or corpusclean.toml")
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument("--errors", choices=("strict", "replace"),
                        help="invalid UTF-8: stop with an error (default) or replace bad bytes")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but the draft and errors")
    return parser


def _suggest(argv: Sequence[str]) -> int:
    from .. import clean
    from ..names.suggest import mine, draft_registry

    args = _suggest_parser().parse_args(argv)
    try:
        config = base_config(args)
        changes: dict[str, object] = {"ignore": tuple(config.ignore) + ("names",)}
        if args.errors:
            changes["errors"] = args.errors
        if args.threshold is not None:
            changes["name_threshold"] = args.threshold
        config = config.replace(source="command line", **changes)
    except ConfigError as exc:
        print(f"corpusclean: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    status = EXIT_OK
    texts: list[str] = []
    sources: list[str] = []
    for name in args.paths:
        try:
            if name == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>", config.errors)
            else:
                text = read_text(Path(name), config.errors)
        except Skipped as exc:
            if not args.quiet:
                print(f"corpusclean: {exc}", file=sys.stderr)
            continue
        except InputError as exc:
            print(f"corpusclean: error: {exc}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        texts.append(text if args.raw else clean(text, config))
        sources.append("<stdin>" if name == "-" else name)
    clusters = mine(texts, config.name_threshold, config.language)
    draft = draft_registry(clusters, sources)
    if args.output:
        try:
            Path(args.output).write_text(draft, encoding="utf-8")
        except OSError as exc:
            print(f"corpusclean: error: {args.output}: cannot write: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_ERROR
    else:
        sys.stdout.write(draft)
        sys.stdout.flush()
    if not args.quiet:
        people = sum(c.kind == "person" for c in clusters)
        print(
            f"{len(clusters)} clusters ({people} people, {len(clusters) - people} places) "
            f"from {len(texts)} files",
            file=sys.stderr,
        )
    return status


def run_names(argv: Sequence[str]) -> int:
    """``corpusclean names SUBCOMMAND ...``"""
    argv = list(argv)
    if not argv or argv[0] in ("-h", "--help"):
        stream = sys.stdout if argv else sys.stderr
        print("usage: corpusclean names suggest PATH ... [-o FILE]\n", file=stream)
        print(_NAMES_HELP, file=stream, end="")
        return EXIT_OK if argv else EXIT_ERROR
    if argv[0] == "suggest":
        return _suggest(argv[1:])
    print(f"corpusclean names: error: unknown subcommand {argv[0]!r} (subcommands: suggest)", file=sys.stderr)
    return EXIT_ERROR
