"""The ``corpusclean`` command line.

    corpusclean [OPTIONS] [PATH ...]      clean to stdout (stdin when no PATH or "-")
    corpusclean check [OPTIONS] PATH ...  report what would change; exit 1 if anything would
    corpusclean fix [OPTIONS] PATH ...    repair files in place; exit 1 if any file changed
    corpusclean rules                     list the rules in pipeline order
    corpusclean names suggest PATH ...    draft a names registry from a corpus

Exit codes: 0 nothing to do, 1 something changed (or would), 2 an error
(bad option, unreadable file, invalid UTF-8); errors never stop the other
files from being processed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import CAPTION_POLICIES, QUOTE_POLICIES, SCRIPT_POLICIES, Config, ConfigError
from ..pipeline import RULES, repair
from .files import InputError, Skipped, decode, read_text, write_atomic
from .report import dump_json, json_records, text_lines, unified_diff

__all__ = ["main"]

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "fix", "rules", "names")

_DESCRIPTIONS = {
    "clean": (
        "Clean text and write it to stdout. With no PATH, or with '-', read stdin. "
        "corpusclean repairs what text extraction leaves behind: mojibake, control "
        "characters, markdown escapes and untidy whitespace (see 'corpusclean rules')."
        " Other commands: check, fix, rules, and 'names suggest' (drafts a names registry"
        " from a corpus); 'corpusclean COMMAND --help' explains each."
    ),
    "check": (
        "Report every repair corpusclean would make, one line each as "
        "PATH:LINE:COL: RULE: message (1-based, in the original file). "
        "Exit 0 when nothing would change, 1 when something would, 2 on error."
    ),
    "fix": (
        "Repair files in place. Each file is rewritten atomically (a temporary file "
        "in the same folder, then a rename; the file mode is kept). Exit 0 when no "
        "file changed, 1 when a file changed (the pre-commit convention), 2 on error."
    ),
    "rules": "List the rules in pipeline order, with what each repairs.",
}

_EPILOG = """\
configuration:
  Options can also live in [tool.corpusclean] of pyproject.toml, or at the top
  level of corpusclean.toml, found in the current folder or a parent; --config
  names a file instead. Command-line options win over the file.

exit codes:
  0  nothing changed (or would change)
  1  something changed (fix) or would change (check, --diff)
  2  an error: bad option or config, unreadable file, invalid UTF-8
"""


def _rule_list(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in RULES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rule {unknown[0]!r} (rules: {', '.join(RULES)})"
        )
    return names


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with usage, like argparse, no traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def build_parser(command: str) -> argparse.ArgumentParser:
    prog = "corpusclean" if command == "clean" else f"corpusclean {command}"
    parser = _Parser(
        prog=prog,
        description=_DESCRIPTIONS[command],
        epilog=_EPILOG if command != "rules" else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if command == "rules":
        return parser
    parser.add_argument(
        "paths",
        nargs="*" if command == "clean" else "+",
        metavar="PATH",
        help="files to read" + ("; '-' or nothing reads stdin" if command == "clean" else ""),
    )
    sel = parser.add_argument_group("rules")
    sel.add_argument("--select", type=_rule_list, metavar="RULES",
                     help="comma-separated rules to run instead of the default set")
    sel.add_argument("--ignore", type=_rule_list, metavar="RULES",
                     help="comma-separated rules not to run")
    sel.add_argument("--quotes", choices=QUOTE_POLICIES,
                     help="quotation marks: keep them (default), make them straight, or curly")
    sel.add_argument("--captions", choices=CAPTION_POLICIES, help=argparse.SUPPRESS)
    sel.add_argument("--scripts", choices=SCRIPT_POLICIES,
                     help="words mixing Latin, Cyrillic and Greek letters: unify them in their "
                          "main script (default), transliterate Cyrillic and Greek to latin, or keep")
    sel.add_argument("--language", metavar="CODE", help=argparse.SUPPRESS)
    sel.add_argument("--rules", dest="rule_packs", action="append", metavar="PACK",
                     help="add a rule pack: a built-in name (newspaper) or a TOML file; repeatable")
    sel.add_argument("--names", action="append", metavar="FILE",
                     help="a names registry: a built-in name (seeds) or a TOML file; repeatable. "
                          "The names rule rewrites each variant of a registered name to its "
                          "canonical form; without a registry it changes nothing "
                          "(see 'corpusclean names suggest')")
    sel.add_argument("--name-threshold", type=float, metavar="N",
                     help="fuzzy score (0-100, default 90) from which an unlisted spelling "
                          "is a variant of a registered name")
    io = parser.add_argument_group("input and output")
    io.add_argument("--config", metavar="FILE",
                    help="read options from this pyproject.toml or corpusclean.toml")
    io.add_argument("--isolated", action="store_true",
                    help="ignore configuration files")
    io.add_argument("--errors", choices=("strict", "replace"),
                    help="invalid UTF-8: stop with an error (default) or replace bad bytes with U+FFFD")
    io.add_argument("-q", "--quiet", action="store_true",
                    help="print nothing but the output itself and errors")
    if command == "check":
        io.add_argument("--format", choices=("text", "json"), default="text",
                        help="text lines (default) or one JSON array for machines")
        io.add_argument("--diff", action="store_true",
                        help="print a unified diff of what would change instead")
    parser.add_argument("--version", action="version", version=f"corpusclean {__version__}")
    return parser


def _config_from_args(args: argparse.Namespace) -> Config:
    if args.config:
        base = Config.from_file(args.config)
    elif args.isolated:
        base = Config()
    else:
        base = Config.discover(Path.cwd())
    changes: dict[str, Any] = {}
    for key in ("select", "quotes", "captions", "scripts", "language", "errors", "name_threshold"):
        value = getattr(args, key, None)
        if value is not None:
            changes[key] = value
    if args.ignore is not None:
        changes["ignore"] = tuple(base.ignore) + tuple(args.ignore)
    if args.rule_packs:
        changes["rules"] = tuple(base.rules) + tuple(args.rule_packs)
    if args.names:
        changes["names"] = tuple(base.names) + tuple(args.names)
    if changes:
        return base.replace(source="command line", **changes)
    return base


@dataclass
class Outcome:
    """What happened to one input."""

    name: str
    changed: bool = False
    output: str = ""  # cleaned text, report lines or diff
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    count: int = 0


def _read(name: str, config: Config) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
        return decode(data, "<stdin>", config.errors)
    return read_text(Path(name), config.errors)


def process(command: str, name: str, config: Config, fmt: str = "text", diff: bool = False) -> Outcome:
    """Clean, check or fix one input (a path or '-')."""
    label = "<stdin>" if name == "-" else name
    try:
        text = _read(name, config)
    except Skipped as exc:
        return Outcome(label, skipped=str(exc))
    except InputError as exc:
        return Outcome(label, error=str(exc))
    result = repair(text, config)
    out = Outcome(label, changed=result.text != text, count=len(result.edits))
    if command == "clean":
        out.output = result.text
    elif command == "check":
        if diff:
            out.output = unified_diff(label, text, result.text)
        elif fmt == "json":
            out.records = json_records(label, text, result.edits, result.notes)
        else:
            out.output = "".join(
                line + "\n" for line in text_lines(label, text, result.edits, result.notes)
            )
    elif command == "fix" and out.changed:
        try:
            write_atomic(Path(name), result.text)
        except InputError as exc:
            out.error = str(exc)
            out.changed = False
    return out


def _write(text: str) -> None:
    """Write to stdout as UTF-8 bytes, whatever the locale says."""
    if text:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced sys.stdout (tests, IDEs)
            sys.stdout.write(text)
        else:
            buffer.write(text.encode("utf-8", errors="surrogateescape"))


def _run(command: str, argv: Sequence[str]) -> int:
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if command == "rules":
        width = max(len(n) for n in RULES)
        for rule in RULES.values():
            flag = "" if rule.default else "  (off by default)"
            print(f"{rule.name:<{width}}  {rule.family:<11} {rule.summary}{flag}")
        return EXIT_OK
    try:
        config = _config_from_args(args)
    except ConfigError as exc:
        print(f"corpusclean: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    paths = list(args.paths) or ["-"]
    if paths.count("-") > 1:
        parser.error("stdin ('-') can be read only once")
    if command in ("check", "fix") and "-" in paths and command == "fix":
        parser.error("fix rewrites files in place; use 'corpusclean < in > out' for stdin")
    quiet = args.quiet
    if command == "check" and not quiet and "names" in config.rule_names() and config.names_registry is None:
        # once per run, not once per file or line
        print(
            "corpusclean: note: no names registry (--names FILE, or names = [...] in the "
            "config), so the names rule changes nothing",
            file=sys.stderr,
        )
    fmt = getattr(args, "format", "text")
    diff = getattr(args, "diff", False)
    status = EXIT_OK
    changed_files = 0
    total = 0
    records: list[dict[str, Any]] = []
    for name in paths:
        out = process(command, name, config, fmt, diff)
        if out.error:
            print(f"corpusclean: error: {out.error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        if out.skipped:
            if not quiet:
                print(f"corpusclean: {out.skipped}", file=sys.stderr)
            continue
        total += out.count
        if out.changed:
            changed_files += 1
            if status == EXIT_OK:
                status = EXIT_CHANGED
        if command == "check" and fmt == "json":
            records.extend(out.records)
        else:
            _write(out.output)
        if command == "fix" and out.changed and not quiet:
            print(f"fixed {out.name} ({out.count} repairs)", file=sys.stderr)
    if command == "check" and fmt == "json":
        _write(dump_json(records) + "\n")
    if command == "clean":
        # cleaning to stdout succeeds whether or not anything changed
        status = EXIT_ERROR if status == EXIT_ERROR else EXIT_OK
    elif not quiet:
        verb = "would change" if command == "check" else "changed"
        print(
            f"{total} repairs; {changed_files} of {len(paths)} files {verb}",
            file=sys.stderr,
        )
    sys.stdout.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = "clean"
    if argv and argv[0] in COMMANDS:
        command = argv.pop(0)
    try:
        if command == "names":
            from .names import run_names

            return run_names(argv)
        return _run(command, argv)
    except KeyboardInterrupt:
        print("corpusclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
