"""JSON Lines: clean one text field of every record.

``--jsonl`` reads one JSON object per line and repairs the string in
``--text-field`` (default ``text``).  Every other field and the order of the
records are kept; a record whose text needs no repair is written back byte
for byte, and a repaired one is written again as JSON
(``json.dumps(record, ensure_ascii=False)``), with its fields in their order.

Nothing is ever dropped:

* a line that is not valid JSON (or not valid UTF-8) is reported with its
  line number and written back unchanged; this is an error (exit 2), but the
  other lines are still processed;
* a record that is not an object, or whose field is missing or not a
  string, is written back unchanged and reported (not an error);
* blank lines are kept as they are.

``--edits-field NAME`` adds to every cleaned record a field ``NAME`` that
lists the repairs made to its text, in order, each as
``{"rule", "start", "end", "replacement", "message"}`` with ``start`` and
``end`` as character (code point) offsets into the original text; an
existing field of that name is replaced.  ``[]`` means nothing was changed.

Records are read a line at a time and processed in batches, in parallel with
``--jobs``, and written in their order, so memory holds a few batches.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Config
from ..pipeline import repair
from .files import InputError, Rewrite, open_binary
from .parallel import Workers
from .streaming import Outcome

__all__ = ["JsonlOptions", "clean_record", "process_jsonl"]

#: Lines and bytes per batch sent to a worker.
BATCH_LINES = 512
BATCH_BYTES = 1 << 20


@dataclass(frozen=True)
class JsonlOptions:
    command: str
    label: str
    field: str = "text"
    edits_field: str | None = None
    fmt: str = "text"


@dataclass
class RecordResult:
    line: bytes  # the output line, terminator included
    changed: bool = False
    count: int = 0
    message: str | None = None  # for stderr
    error: bool = False
    report: str = ""  # check: report lines
    records: list[dict[str, Any]] | None = None  # check --format json


def _split_terminator(line: bytes) -> tuple[bytes, bytes]:
    if line.endswith(b"\r\n"):
        return line[:-2], b"\r\n"
    if line.endswith(b"\n"):
        return line[:-1], b"\n"
    return line, b""


def clean_record(line: bytes, number: int, opts: JsonlOptions, config: Config) -> RecordResult:
    """Repair the text field of one JSONL line (terminator included).

    >>> opts = JsonlOptions("clean", "in.jsonl")
    >>> clean_record(b'{"id": 1, "text": "caf\\xc3\\x83\\xc2\\xa9  "}\\n', 1, opts, Config()).line
    b'{"id": 1, "text": "caf\\xc3\\xa9"}\\n'
    >>> r = clean_record(b'{"id": 2, \\n', 2, opts, Config())
    >>> r.line, r.error, r.message
    (b'{"id": 2, \\n', True, 'in.jsonl:2: malformed JSON, passed through unchanged: Expecting property name enclosed in double quotes (column 11)')
    """
    raw, end = _split_terminator(line)
    where = f"{opts.label}:{number}"
    if not raw.strip():
        return RecordResult(line)
    try:
        text = raw.decode("utf-8", errors=config.errors)
    except UnicodeDecodeError as exc:
        return RecordResult(
            line, message=f"{where}: invalid UTF-8 at byte {exc.start} of the line, passed through unchanged", error=True
        )
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return RecordResult(
            line, message=f"{where}: malformed JSON, passed through unchanged: {exc.msg} (column {exc.colno})", error=True
        )
    except ValueError as exc:  # e.g. numbers too long to parse
        return RecordResult(line, message=f"{where}: malformed JSON, passed through unchanged: {exc}", error=True)
    if not isinstance(record, dict):
        return RecordResult(line, message=f"{where}: not a JSON object, passed through unchanged")
    value = record.get(opts.field)
    if value is None and opts.field not in record:
        return RecordResult(line, message=f"{where}: no {opts.field!r} field, passed through unchanged")
    if not isinstance(value, str):
        return RecordResult(
            line, message=f"{where}: field {opts.field!r} is {type(value).__name__}, not a string, passed through unchanged"
        )
    result = repair(value, config)
    changed = result.text != value
    out = RecordResult(line, changed=changed, count=len(result.edits))
    if opts.command == "check":
        if opts.fmt == "json":
            out.records = [_finding(opts, number, value, item) for item in (*result.edits, *result.notes)]
            out.records.sort(key=lambda r: r["start"])
        else:
            out.report = "".join(
                f"{where}: {item.rule}: {_message(item)} ({opts.field}[{item.start}:{item.end}])\n"
                for item in sorted((*result.edits, *result.notes), key=lambda i: i.start)
            )
        return out
    if changed or opts.edits_field:
        record[opts.field] = result.text
        if opts.edits_field:
            record[opts.edits_field] = [
                {"rule": e.rule, "start": e.start, "end": e.end, "replacement": e.replacement, "message": e.message}
                for e in result.edits
            ]
        out.line = json.dumps(record, ensure_ascii=False).encode("utf-8", errors="surrogateescape") + end
    return out


def _message(item: Any) -> str:
    note = not hasattr(item, "replacement")
    return f"note: {item.message}" if note else (item.message or f"-> {item.replacement!r}")


def _finding(opts: JsonlOptions, number: int, value: str, item: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "path": opts.label,
        "line": number,
        "field": opts.field,
        "kind": "note" if not hasattr(item, "replacement") else "edit",
        "rule": item.rule,
        "message": item.message,
        "start": item.start,
        "end": item.end,
        "original": value[item.start : item.end],
    }
    if hasattr(item, "replacement"):
        rec["replacement"] = item.replacement
    return rec


def clean_batch(batch: tuple[JsonlOptions, int, list[bytes]], config: Config) -> list[RecordResult]:
    """Records of one batch: options, the number of its first line, lines."""
    opts, first, lines = batch
    return [clean_record(line, first + k, opts, config) for k, line in enumerate(lines)]


def _batches(fh: BinaryIO, opts: JsonlOptions) -> Iterator[tuple[JsonlOptions, int, list[bytes]]]:
    lines: list[bytes] = []
    size = 0
    first = 1
    for line in fh:
        lines.append(line)
        size += len(line)
        if len(lines) >= BATCH_LINES or size >= BATCH_BYTES:
            yield opts, first, lines
            first += len(lines)
            lines, size = [], 0
    if lines:
        yield opts, first, lines


def process_jsonl(
    name: str,
    opts: JsonlOptions,
    config: Config,
    workers: Workers,
    write: Callable[[bytes], None],
    say: Callable[[str, bool], None],
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Clean, check or fix one JSONL input (a path or ``"-"``).

    Cleaned lines (clean) and report lines (check) go to ``write`` in order;
    ``say(message, is_error)`` reports problem lines.
    """
    out = Outcome(opts.label)
    rewrite = None
    try:
        fh: BinaryIO = sys.stdin.buffer if name == "-" else open_binary(Path(name))
    except InputError as exc:
        out.error = str(exc)
        return out
    errors = 0
    try:
        if opts.command == "fix":
            rewrite = Rewrite(Path(name), config.chunk_size)
        for results in workers.run(clean_batch, _batches(fh, opts)):
            for r in results:
                if r.message:
                    say(r.message, r.error)
                    errors += r.error
                out.changed = out.changed or r.changed
                out.count += r.count
                if opts.command == "check":
                    if r.records is not None:
                        out.records.extend(r.records)
                    elif r.report:
                        write(r.report.encode("utf-8", errors="surrogateescape"))
                elif rewrite is not None:
                    rewrite.write(r.line.decode("utf-8", errors="surrogateescape"))
                else:
                    write(r.line)
                if progress is not None:
                    progress(len(r.line))
        if rewrite is not None:
            rewrite.finish(out.changed)
    except InputError as exc:
        out.error = str(exc)
        out.changed = False
    finally:
        if rewrite is not None:
            rewrite.abort()
        if fh is not sys.stdin.buffer:
            fh.close()
    if errors and out.error is None:
        out.error = f"{opts.label}: {errors} malformed line{'s' if errors > 1 else ''} passed through unchanged"
    return out
