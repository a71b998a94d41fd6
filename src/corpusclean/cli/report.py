"""How ``corpusclean check`` reports: lines, JSON, unified diffs."""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..edits import Edit, Note

__all__ = ["Locator", "text_lines", "json_records", "unified_diff"]

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


def _shorten(s: str, limit: int = 60) -> str:
    s = s.replace("\r", "\\r").replace("\n", "\\n")
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _describe(edit: Edit, text: str) -> str:
    if edit.message:
        return edit.message
    old = text[edit.start : edit.end]
    return f"{_shorten(old)!r} -> {_shorten(edit.replacement)!r}"


def text_lines(
    name: str, text: str, edits: Sequence[Edit], notes: Sequence[Note] = ()
) -> Iterator[str]:
    """``PATH:LINE:COL: RULE: message`` for every edit and note, in order."""
    loc = Locator(text)
    items: list[tuple[int, int, str, str]] = [
        (e.start, 0, e.rule, _describe(e, text)) for e in edits
    ]
    items.extend((n.start, 1, n.rule, f"note: {n.message}") for n in notes)
    items.sort(key=lambda t: (t[0], t[1]))
    for offset, _, rule, message in items:
        line, col = loc(offset)
        yield f"{name}:{line}:{col}: {rule}: {message}"


def json_records(
    name: str, text: str, edits: Sequence[Edit], notes: Sequence[Note] = ()
) -> list[dict[str, Any]]:
    """Machine-readable findings of one file."""
    loc = Locator(text)
    out: list[dict[str, Any]] = []
    for kind, items in (("edit", edits), ("note", notes)):
        for item in items:
            line, col = loc(item.start)
            end_line, end_col = loc(item.end)
            rec: dict[str, Any] = {
                "path": name,
                "kind": kind,
                "rule": item.rule,
                "message": item.message,
                "line": line,
                "column": col,
                "end_line": end_line,
                "end_column": end_col,
                "start": item.start,
                "end": item.end,
                "original": text[item.start : item.end],
            }
            if isinstance(item, Edit):
                rec["replacement"] = item.replacement
            out.append(rec)
    out.sort(key=lambda r: (r["start"], r["kind"]))
    return out


def dump_json(records: Iterable[dict[str, Any]]) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2)


def unified_diff(name: str, before: str, after: str) -> str:
    """A unified diff of one file, as ``diff -u`` and ``black --diff`` print it."""
    lines = difflib.unified_diff(
        _LINES.findall(before),
        _LINES.findall(after),
        fromfile=name if name.startswith(("/", "<")) else f"a/{name}",
        tofile=name if name.startswith(("/", "<")) else f"b/{name}",
    )
    out = []
    for line in lines:
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
