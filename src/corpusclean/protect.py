"""Spans of text that word-level rules must never change.

URLs, e-mail addresses, bare domain names and markdown code spans are
identifiers, not prose: a homoglyph in ``exаmple.com`` is a finding for a
person (it may be a homograph attack, or the real address), and a name inside
``https://example.com/zelenskyy-visit`` is part of an address.  The rules
that rewrite words (``scripts``, ``names``) ask for these spans line by line,
and only for lines that hold something they would change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re

import regex

__all__ = ["protected_spans", "might_hold_spans", "Protected"]

_NEWLINE = re.compile("\n")
_PROTECTED = regex.compile(
    r"""
    `[^`\n]+`                                             # code span
  | \b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"`]+                # URL with a scheme
  | \bwww\.[^\s<>"`]+                                     # www.example.com/...
  | [\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+  # e-mail address
  | (?<![\p{L}\p{N}@._-])                                 # bare domain name:
    (?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+    #   labels and dots,
    \p{Ll}{2,24}(?![\p{L}\p{N}@_-])                       #   a lower-case TLD
    (?:/[^\s<>"`]*)?                                      #   and maybe a path
    """,
    regex.VERBOSE,
)

# What every protected span holds: a backquote, "@", or a dot before a letter.
_MAYBE = re.compile(r"[`@]|\.[^\W\d_]")


def might_hold_spans(text: str, start: int = 0, end: int | None = None) -> bool:
    """Could ``text[start:end]`` hold a protected span?  (Cheap.)"""
    return _MAYBE.search(text, start, len(text) if end is None else end) is not None


def protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The protected spans of ``text[start:end]``, in ``text`` offsets.

    >>> line = "Mail ann@exаmple.org or see https://x.io/a b `c d` and bbc.co.uk."
    >>> [line[a:b] for a, b in protected_spans(line)]
    ['ann@exаmple.org', 'https://x.io/a', '`c d`', 'bbc.co.uk']
    """
    stop = len(text) if end is None else end
    if not _MAYBE.search(text, start, stop):
        return []  # most lines hold no address, domain or code span
    return [(m.start(), m.end()) for m in _PROTECTED.finditer(text, start, stop)]


class Protected:
    """Protected spans of one text, computed a line at a time on demand.

    >>> p = Protected("see https://a.io/x\\nplain line")
    >>> p.covers(8, 9), p.covers(20, 25)
    (True, False)
    """

    __slots__ = ("_text", "_breaks", "_lines")

    def __init__(self, text: str) -> None:
        self._text = text
        self._breaks: list[int] | None = None  # offsets of the newlines, found once
        # line start -> (starts, ends) of that line's protected spans
        self._lines: dict[int, tuple[list[int], list[int]]] = {}

    def _line(self, pos: int) -> tuple[list[int], list[int]]:
        if self._breaks is None:
            self._breaks = [m.start() for m in _NEWLINE.finditer(self._text)]
        k = bisect_left(self._breaks, pos)  # the first newline at or after pos
        start = self._breaks[k - 1] + 1 if k else 0
        found = self._lines.get(start)
        if found is None:
            end = self._breaks[k] if k < len(self._breaks) else len(self._text)
            spans = protected_spans(self._text, start, end)
            found = self._lines[start] = ([a for a, _ in spans], [b for _, b in spans])
        return found

    def covers(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap a protected span of its line?"""
        starts, ends = self._line(start)
        if not starts:
            return False
        # Spans never overlap, so only the last one starting before ``end``
        # can reach ``start``.
        i = bisect_right(starts, max(start, end - 1)) - 1
        return i >= 0 and ends[i] > start
