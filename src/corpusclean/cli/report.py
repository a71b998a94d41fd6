"""How ``corpusclean check`` reports: lines, JSON, unified diffs."""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..edits import Edit, Note

__all__ = ["Locator", "Position", "text_lines", "json_records", "unified_diff"]

# Lines split at "\n" only (str.splitlines also splits at form feeds, U+2028...).
_LINES = re.compile(r"[^\n]*\n|[^\n]+")


class Locator:
    """1-based line and column of an offset in a text.

    Columns count characters, and a CRLF line ending belongs to its line.

    >>> loc = Locator("ab\\ncd\\r\\nef")
    >>> loc(0), loc(4), loc(7)
    ((1, 1), (2, 2), (3, 1))
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


@dataclass(frozen=True)
class Position:
    """Where a chunk starts in its whole input: 1-based line and column, and
    the character offset (for reports on a file read a chunk at a time).

    >>> Position().after("ab\\ncd").after("ef")
    Position(line=2, column=5, offset=7)
    """

    line: int = 1
    column: int = 1
    offset: int = 0

    def after(self, text: str) -> Position:
        """The position just after ``text``, which starts here."""
        newlines = text.count("\n")
        if not newlines:
            return Position(self.line, self.column + len(text), self.offset + len(text))
        return Position(self.line + newlines, len(text) - text.rfind("\n"), self.offset + len(text))

    def of(self, line: int, column: int) -> tuple[int, int]:
        """A chunk's line and column as the whole input's."""
        if line == 1:
            return self.line, self.column + column - 1
        return self.line + line - 1, column


_START = Position()


def _shorten(s: str, limit: int = 60) -> str:
    s = s.replace("\r", "\\r").replace("\n", "\\n")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _describe(edit: Edit, text: str) -> str:
    if edit.message:
        return edit.message
    old = text[edit.start : edit.end]
    return f"{_shorten(old)!r} -> {_shorten(edit.replacement)!r}"


def text_lines(
    name: str, text: str, edits: Sequence[Edit], notes: Sequence[Note] = (), at: Position = _START
) -> Iterator[str]:
    """``PATH:LINE:COL: RULE: message`` for every edit and note, in order;
    ``at`` is where ``text`` starts in the whole input."""
    loc = Locator(text)
    items: list[tuple[int, int, str, str]] = [
        (e.start, 0, e.rule, _describe(e, text)) for e in edits
    ]
    items.extend((n.start, 1, n.rule, f"note: {n.message}") for n in notes)
    items.sort(key=lambda t: (t[0], t[1]))
    for offset, _, rule, message in items:
        line, col = at.of(*loc(offset))
        yield f"{name}:{line}:{col}: {rule}: {message}"


def json_records(
    name: str, text: str, edits: Sequence[Edit], notes: Sequence[Note] = (), at: Position = _START
) -> list[dict[str, Any]]:
    """Machine-readable findings of one file (or of a chunk of it that
    starts ``at``)."""
    loc = Locator(text)
    out: list[dict[str, Any]] = []
    for kind, items in (("edit", edits), ("note", notes)):
        for item in items:
            line, col = at.of(*loc(item.start))
            end_line, end_col = at.of(*loc(item.end))
            rec: dict[str, Any] = {
                "path": name,
                "kind": kind,
                "rule": item.rule,
                "message": item.message,
                "line": line,
                "column": col,
                "end_line": end_line,
                "end_column": end_col,
                "start": item.start + at.offset,
                "end": item.end + at.offset,
                "original": text[item.start : item.end],
            }
            if isinstance(item, Edit):
                rec["replacement"] = item.replacement
            out.append(rec)
    out.sort(key=lambda r: (r["start"], r["kind"]))
    return out


def dump_json(records: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2)


_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@", re.MULTILINE)


def unified_diff(
    name: str, before: str, after: str, old_line: int = 1, new_line: int = 1, header: bool = True
) -> str:
    """A unified diff of one file, as ``diff -u`` and ``black --diff`` print it.

    For a file diffed a part at a time, ``old_line`` and ``new_line`` are the
    first lines of the part in the old and new file, and ``header`` says
    whether to print the ``---``/``+++`` lines.

    >>> print(unified_diff("f.txt", "a\\nb \\n", "a\\nb\\n", old_line=10, new_line=9, header=False), end="")
    @@ -10,2 +9,2 @@
     a
    -b 
    +b
    """
    lines = difflib.unified_diff(
        _LINES.findall(before),
        _LINES.findall(after),
        fromfile=name if name.startswith(("/", "<")) else f"a/{name}",
        tofile=name if name.startswith(("/", "<")) else f"b/{name}",
    )
    out = []
    for k, line in enumerate(lines):
        if k < 2 and not header:
            continue
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    text = "".join(out)
    if old_line == 1 and new_line == 1:
        return text

    def move(m: re.Match[str]) -> str:
        a = int(m.group(1)) + old_line - 1
        b = int(m.group(3)) + new_line - 1
        return f"@@ -{a}{m.group(2) or ''} +{b}{m.group(4) or ''} @@"

    return _HUNK.sub(move, text)
