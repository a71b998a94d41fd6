"""The ``corpusclean`` command line.

    corpusclean [OPTIONS] [PATH ...]      clean to stdout (stdin when no PATH or "-")
    corpusclean check [OPTIONS] PATH ...  report what would change; exit 1 if anything would
    corpusclean fix [OPTIONS] PATH ...    repair files in place; exit 1 if any file changed
    corpusclean rules                     list the rules in pipeline order
    corpusclean names suggest PATH ...    draft a names registry from a corpus

Exit codes: 0 nothing to do, 1 something changed (or would), 2 an error
(bad option, unreadable file, invalid UTF-8); errors never stop the other
files from being processed.

This module parses options and puts a run together; the work is done in
``discovery`` (which paths), ``streaming`` (one input, a chunk at a time),
``jsonl`` (one field of JSON Lines records), ``parallel`` (worker
processes, results in order) and ``console`` (messages, progress bar).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import CAPTION_POLICIES, QUOTE_POLICIES, SCRIPT_POLICIES, Config, ConfigError
from ..pipeline import RULES
from .console import Console
from .discovery import Target, discover
from .jsonl import JsonlOptions, process_jsonl
from .parallel import Local, Workers, available_cores
from .report import dump_json
from .streaming import Outcome, input_size, process

__all__ = ["main"]

EXIT_OK, EXIT_CHANGED, EXIT_ERROR = 0, 1, 2
COMMANDS = ("check", "fix", "rules", "names")

_DESCRIPTIONS = {
    "clean": (
        "Clean text and write it to stdout. With no PATH, or with '-', read stdin. "
        "corpusclean repairs what text extraction leaves behind: words hyphenated across "
        "breaks, broken paragraphs, captions and page furniture inside the text, mojibake, "
        "control characters, markdown escapes, mixed-script words and untidy whitespace "
        "(see 'corpusclean rules')."
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


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, not {value!r}")
    return number


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
        help="files to read, or folders with --recursive"
        + ("; '-' or nothing reads stdin" if command == "clean" else ""),
    )
    sel = parser.add_argument_group("rules")
    sel.add_argument("--select", type=_rule_list, metavar="RULES",
                     help="comma-separated rules to run instead of the default set")
    sel.add_argument("--ignore", type=_rule_list, metavar="RULES",
                     help="comma-separated rules not to run")
    sel.add_argument("--quotes", choices=QUOTE_POLICIES,
                     help="quotation marks: keep them (default), make them straight, or curly")
    sel.add_argument("--captions", choices=CAPTION_POLICIES,
                     help="captions, photo credits and graphics inside the body: move them after the "
                          "paragraph they interrupt (default), drop them, or keep them in place")
    sel.add_argument("--scripts", choices=SCRIPT_POLICIES,
                     help="words mixing Latin, Cyrillic and Greek letters: unify them in their "
                          "main script (default), transliterate Cyrillic and Greek to latin, or keep")
    sel.add_argument(
        "--language",
        metavar="CODE",
        help="language of the text, for the word frequencies that decide hyphenation (a wordfreq code; default: en)",
    )
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
    io.add_argument("-r", "--recursive", action="store_true",
                    help="clean the files in folders named as PATH, and in their subfolders "
                    "(hidden files and folders, symbolic links, binary files and --exclude "
                    "matches are skipped)")
    io.add_argument("--exclude", action="append", metavar="GLOBS",
                    help="comma-separated glob patterns of paths that --recursive skips, "
                    "matched from the right like pathlib's PurePath.match ('*.log', "
                    "'drafts', 'seeds/raw/*'); added to 'exclude' of the config; repeatable")
    io.add_argument("--jsonl", action="store_true",
                    help="inputs are JSON Lines: clean the --text-field of each record, keep "
                    "every other field and the order; a malformed line is reported with its "
                    "number and passed through unchanged (exit 2)")
    io.add_argument("--text-field", default="text", metavar="NAME",
                    help="with --jsonl: the field to clean (default: text); records without it "
                    "are passed through and reported")
    if command != "check":
        io.add_argument("--edits-field", metavar="NAME",
                        help="with --jsonl: add a field NAME to each cleaned record listing its "
                        "repairs as {rule, start, end, replacement, message} (character offsets "
                        "into the original text)")
    io.add_argument("-j", "--jobs", type=_positive, metavar="N",
                    help=f"clean files (or batches of JSONL records) in N worker processes; "
                    f"output keeps the input order (default: all cores, {available_cores()} here)")
    io.add_argument("--chunk-size", type=_positive, metavar="CHARS",
                    help="texts longer than this are cleaned a chunk at a time, cut at safe "
                    "paragraph boundaries, in bounded memory (default: 1000000)")
    io.add_argument("--config", metavar="FILE",
                    help="read options from this pyproject.toml or corpusclean.toml")
    io.add_argument("--isolated", action="store_true",
                    help="ignore configuration files")
    io.add_argument("--errors", choices=("strict", "replace"),
                    help="invalid UTF-8: stop with an error (default) or replace bad bytes with U+FFFD")
    io.add_argument("-q", "--quiet", action="store_true",
                    help="print nothing but the output itself and errors: no summary, no "
                    "skipped-file notes, no progress bar (shown on a terminal for runs "
                    "over a second)")
    if command == "check":
        io.add_argument("--format", choices=("text", "json"), default="text",
                        help="text lines (default) or one JSON array for machines")
        io.add_argument("--diff", action="store_true",
                        help="print a unified diff of what would change instead")
    parser.add_argument("--version", action="version", version=f"corpusclean {__version__}")
    return parser


def base_config(args: argparse.Namespace) -> Config:
    """The configuration a run starts from: ``--config FILE``, none with
    ``--isolated``, else the one found from the current folder."""
    if args.config:
        return Config.from_file(args.config)
    if args.isolated:
        return Config()
    return Config.discover(Path.cwd())


def _config_from_args(args: argparse.Namespace) -> Config:
    base = base_config(args)
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
    if args.exclude:
        changes["exclude"] = tuple(base.exclude) + tuple(
            p.strip() for value in args.exclude for p in value.split(",") if p.strip()
        )
    if args.chunk_size is not None:
        changes["chunk_size"] = args.chunk_size
    if changes:
        return base.replace(source="command line", **changes)
    return base


def _write(text: str | bytes) -> None:
    """Write to stdout as UTF-8 bytes, whatever the locale says."""
    if text:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a replaced sys.stdout (tests, IDEs)
            sys.stdout.write(text if isinstance(text, str) else text.decode("utf-8", "replace"))
        else:
            buffer.write(text.encode("utf-8", errors="surrogateescape") if isinstance(text, str) else text)


#: Outputs larger than this come back from a worker in a spool file.
SPOOL_BYTES = 1 << 16


def _process_in_worker(item: tuple[str, str, str, bool, str | None], config: Config) -> Outcome:
    command, name, fmt, diff, spool = item
    out = process(command, name, config, fmt, diff)
    data = out.output.encode("utf-8", errors="surrogateescape")  # type: ignore[union-attr]
    if spool is not None and len(data) > SPOOL_BYTES:
        # a cleaned text goes through a file in the run's spool folder: the
        # main process copies it to stdout in the kernel instead of
        # unpickling it
        fd, out.spool_file = tempfile.mkstemp(dir=spool)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        data = b""
    out.output = data
    return out


def _write_spooled(path: str) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    with open(path, "rb") as src:
        try:
            fd = buffer.fileno() if buffer is not None else -1
        except (OSError, ValueError):
            fd = -1
        if fd >= 0:
            buffer.flush()  # type: ignore[union-attr]
            size = os.fstat(src.fileno()).st_size
            sent = 0
            while sent < size:
                sent += os.sendfile(fd, src.fileno(), sent, size - sent)
        else:
            _write(src.read())
    os.unlink(path)


class _Run:
    """One run of clean, check or fix over its inputs."""

    def __init__(self, command: str, args: argparse.Namespace, config: Config, console: Console) -> None:
        self.command = command
        self.config = config
        self.console = console
        self.fmt = getattr(args, "format", "text")
        self.diff = getattr(args, "diff", False)
        self.jobs = args.jobs or available_cores()
        self.status = EXIT_OK
        self.changed = 0
        self.repairs = 0
        self.inputs = 0
        self.records: list[dict[str, Any]] = []
        self.args = args
        self.spool: str | None = None  # folder for outputs of worker processes

    def _streams_here(self, target: Target) -> bool:
        """Inputs whose output may be large are streamed to stdout here,
        not collected in a worker."""
        if self.command == "clean" or self.diff:
            return target.is_stdin or input_size(target.name) > self.config.chunk_size
        return target.is_stdin

    def _tasks(self, targets: list[Target]) -> Iterator[Any]:
        for target in targets:
            if target.error or target.skipped:
                yield Local(lambda t=target: t)
            elif self._streams_here(target):
                yield Local(
                    lambda t=target: process(
                        self.command, t.name, self.config, self.fmt, self.diff,
                        write=_write, progress=self.console.advance,
                    )
                )
            else:
                yield (self.command, target.name, self.fmt, self.diff, self.spool)

    def files(self, targets: list[Target], workers: Workers) -> None:
        with tempfile.TemporaryDirectory(prefix="corpusclean-") as spool:
            self.spool = spool if workers.jobs > 1 else None
            for target, out in zip(targets, workers.run(_process_in_worker, self._tasks(targets))):
                if isinstance(out, Target):
                    self._problem(out)
                    continue
                if not self._streams_here(target):
                    self.console.advance(input_size(target.name))
                if self.fmt == "json" and self.command == "check":
                    self.records.extend(out.records)
                elif out.spool_file:
                    _write_spooled(out.spool_file)
                else:
                    _write(out.output)
                self._account(out)

    def jsonl_inputs(self, targets: list[Target], workers: Workers) -> None:
        for target in targets:
            if target.error or target.skipped:
                self._problem(target)
                continue
            opts = JsonlOptions(
                self.command,
                "<stdin>" if target.is_stdin else target.name,
                self.args.text_field,
                getattr(self.args, "edits_field", None),
                self.fmt,
            )
            out = process_jsonl(
                target.name, opts, self.config, workers, _write, self._say, self.console.advance
            )
            self.records.extend(out.records)
            self._account(out)

    def _say(self, message: str, is_error: bool) -> None:
        if is_error:
            self.console.error(message)
        else:
            self.console.info(message)

    def _problem(self, target: Target) -> None:
        if target.error:
            self.console.error(target.error)
            self.status = EXIT_ERROR
        elif target.skipped:
            self.console.info(target.skipped)

    def _account(self, out: Outcome) -> None:
        if out.skipped:
            self.console.info(out.skipped)
            return
        self.inputs += 1
        if out.error:
            self.console.error(out.error)
            self.status = EXIT_ERROR
        self.repairs += out.count
        if out.changed:
            self.changed += 1
            if self.status == EXIT_OK:
                self.status = EXIT_CHANGED
            if self.command == "fix":
                self.console.info(f"fixed {out.name} ({out.count} repairs)", prefix=False)

    def finish(self) -> int:
        if self.command == "check" and self.fmt == "json":
            _write(dump_json(self.records) + "\n")
        if self.command == "clean":
            # cleaning to stdout succeeds whether or not anything changed
            return EXIT_ERROR if self.status == EXIT_ERROR else EXIT_OK
        verb = "would change" if self.command == "check" else "changed"
        self.console.info(
            f"{self.repairs} repairs; {self.changed} of {self.inputs} files {verb}", prefix=False
        )
        return self.status


def _run(command: str, argv: Sequence[str]) -> int:
    parser = build_parser(command)
    args = parser.parse_args(argv)
    if command == "rules":
        width = max(len(n) for n in RULES)
        for rule in RULES.values():
            flag = "" if rule.default else "  (off by default)"
            print(f"{rule.name:<{width}}  {rule.family:<11} {rule.summary}{flag}")
        return EXIT_OK
    console = Console(quiet=args.quiet)
    try:
        config = _config_from_args(args)
    except ConfigError as exc:
        console.error(str(exc))
        return EXIT_ERROR
    paths = list(args.paths) or ["-"]
    if paths.count("-") > 1:
        parser.error("stdin ('-') can be read only once")
    if command == "fix" and "-" in paths:
        parser.error("fix rewrites files in place; use 'corpusclean < in > out' for stdin")
    if command == "check" and not args.quiet and "names" in config.rule_names() and config.names_registry is None:
        # once per run, not once per file or line
        print(
            "corpusclean: note: no names registry (--names FILE, or names = [...] in the "
            "config), so the names rule changes nothing",
            file=sys.stderr,
        )
    if args.jsonl and getattr(args, "diff", False):
        parser.error("--diff does not work with --jsonl; use check --format json")
    if not args.jsonl and (args.text_field != "text" or getattr(args, "edits_field", None)):
        parser.error("--text-field and --edits-field work with --jsonl only")
    run = _Run(command, args, config, console)
    targets = list(discover(paths, args.recursive, config.exclude))
    console.start(sum(input_size(t.name) for t in targets if not (t.error or t.skipped)))
    try:
        with Workers(min(run.jobs, max(1, len(targets)) if not args.jsonl else run.jobs), config) as workers:
            if args.jsonl:
                run.jsonl_inputs(targets, workers)
            else:
                run.files(targets, workers)
    finally:
        console.close()
    status = run.finish()
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


def entry() -> int:
    """The ``corpusclean`` command: :func:`main` in a process of its own.

    Repairs make many small objects (edits, layout units) that live until a
    document is done; with the default thresholds the garbage collector walks
    them again and again (a quarter of the time on inputs with a hundred
    thousand edits).  The objects made at start-up are frozen out of its
    way and it runs less often, as other command lines (mypy) do for their
    own process.  (Left to the command; the library never touches it.)"""
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    return main()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(entry())
