"""Spans of text that word-level rules must never change.

URLs, e-mail addresses, bare domain names and markdown code spans are
identifiers, not prose: a homoglyph in ``exаmple.com`` is a finding for a
person (it may be a homograph attack, or the real address), and a name inside
``https://example.com/zelenskyy-visit`` is part of an address.  The rules
that rewrite words (``scripts``, ``names``) ask for these spans line by line,
and only for lines that hold something they would change.

Code and math are text of another language: :func:`code_blocks` finds
fenced and indented code blocks and display math (whole lines), which no
rule edits inside, and :func:`math_spans` finds inline ``$...$`` math on a
line, whose backslashes are LaTeX, not markdown escapes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import re

import regex

__all__ = ["protected_spans", "might_hold_spans", "Protected", "code_blocks", "code_of", "math_spans", "covered"]

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


# -- code blocks and math ------------------------------------------------------

# Lines that open and close a block of display math.
_MATH_FENCE = "$$"
# A blank line, then lines indented by four spaces or a tab up to the next
# blank line: an indented code block (the pattern starts with a newline,
# which the engine skips to).
_INDENTED = re.compile(r"\n[ \t]*\n((?: {4}|\t)[^\n]*+(?:\n(?: {4}|\t)[^\n]*+)*)(?=\n[ \t]*(?:\n|\Z)|\n?\Z)")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _fence_at(text: str, i: int) -> tuple[int, str] | None:
    """The line start and fence (``` or ~~~ run, or $$) of a fence marker
    found at ``i``, if it opens its line (after at most three spaces)."""
    start = text.rfind("\n", 0, i) + 1
    if i - start > 3 or text[start:i].strip(" "):
        return None
    j = i
    while j < len(text) and text[j] == text[i]:
        j += 1
    return start, text[i:j]


def _fence_close(text: str, pos: int, fence: str) -> int:
    """End of the line that closes ``fence`` after ``pos``, or -1.  A code
    fence closes on a line of the same character, at least as long; display
    math on a line that ends with ``$$``."""
    while pos < len(text):
        end = _line_end(text, pos)
        line = text[pos:end].strip()
        if fence == _MATH_FENCE:
            if line.endswith(_MATH_FENCE):
                return end
        elif line.startswith(fence) and not line.strip(fence[0]):
            return end
        pos = end + 1
    return -1


def _fenced(text: str, markers: tuple[str, ...]) -> list[tuple[int, int]]:
    """Fenced code blocks (``` or ~~~) and display math between ``$$``
    lines, from the opening line's start to the closing line's end, for the
    fence ``markers`` the text holds.  A fence that is never closed protects
    nothing (it may be a stray one, or the other half of a block cut off)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while True:
        hits = [i for i in (text.find(m, pos) for m in markers) if i >= 0]
        if not hits:
            return spans
        i = min(hits)
        found = _fence_at(text, i)
        if found is None:
            pos = i + 2
            continue
        start, fence = found
        if fence[0] == "$":
            if fence != _MATH_FENCE or text[i + 2 : _line_end(text, i)].strip():
                pos = i + len(fence)  # "$$ ... $$" on one line: the escapes rule's
                continue
        elif fence[0] == "`" and "`" in text[i + len(fence) : _line_end(text, i)]:
            pos = i + len(fence)  # ```code``` inline, not a fence
            continue
        close = _fence_close(text, _line_end(text, i) + 1, fence)
        if close < 0:
            pos = i + len(fence)
            continue
        spans.append((start, close))
        pos = close


def _indent(line: str) -> int:
    """Columns of indentation (a tab counts four)."""
    n = 0
    for ch in line:
        if ch == " ":
            n += 1
        elif ch == "\t":
            n += 4
        else:
            break
    return n


def _indented(text: str, fenced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Indented code blocks: lines indented by four spaces or more (or a
    tab) between blank lines, four columns more than the text before them.
    A document indented throughout (a page margin) has no code blocks; a
    block under another code block is one too."""
    spans: list[tuple[int, int]] = []
    found = [m.span(1) for m in _INDENTED.finditer(text)]
    for start, end in found:
        if covered(fenced, start, end):
            continue
        body = text[start:end].split("\n")
        if not any(line.strip() for line in body):
            continue
        # the end of the last line with text before the block
        before = text.rfind("\n", 0, start - 1)
        while before > 0 and not text[text.rfind("\n", 0, before) + 1 : before].strip():
            before = text.rfind("\n", 0, before)
        if before <= 0:
            continue  # no text before it to be indented from
        if spans and spans[-1][1] == before:
            spans.append((start, end))  # under another code block
            continue
        prev_start = text.rfind("\n", 0, before) + 1
        if _indent(text[prev_start:before]) + 4 > min(_indent(line) for line in body if line.strip()):
            continue  # not four columns more than the text before it: a margin
        spans.append((start, end))
    return spans


def code_blocks(text: str, math: bool = False) -> list[tuple[int, int]]:
    """Fenced and indented code blocks of ``text`` (with ``math``, display
    math between ``$$`` lines too: only the escapes rule would change it),
    as sorted ``(start, end)`` of whole lines (from a line start to the end
    of the last line, without its newline).  Texts without a fence or an
    indented line pay a few ``str.find``.

    >>> t = "Run:\\n\\n```sh\\nls -l\\n\\ncd x\\n```\\n\\nThen:\\n\\n    make all\\n\\nDone."
    >>> [t[a:b] for a, b in code_blocks(t)]
    ['```sh\\nls -l\\n\\ncd x\\n```', '    make all']
    """
    # (a single character is found far faster than a string)
    markers = tuple(
        m
        for c, m in (("`", "```"), ("~", "~~~"), ("\\" if math else "", _MATH_FENCE))
        if c and c in text and m in text
    )
    spans = _fenced(text, markers) if markers else []
    if "\n    " in text or "\t" in text and "\n\t" in text:
        spans = sorted(spans + _indented(text, spans))
    return spans


def code_of(text: str, facts: object = None) -> list[tuple[int, int]]:
    """:func:`code_blocks` of ``text`` (without math), found once per text
    version when ``facts`` (a :class:`corpusclean.textutil.TextFacts` of
    it) is given."""
    cache = getattr(facts, "cache", None)
    if cache is None or getattr(facts, "text", None) is not text:
        return code_blocks(text)
    found = cache.get("code blocks")
    if found is None:
        found = cache["code blocks"] = code_blocks(text)
    return found


def covered(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Does ``[start, end)`` (or the character at ``start``) overlap one of
    the sorted, disjoint ``spans``?

    >>> covered([(2, 5), (9, 12)], 5), covered([(2, 5)], 4, 7), covered([(2, 5)], 0, 2)
    (False, True, False)
    """
    if not spans:
        return False
    stop = start + 1 if end is None else max(end, start + 1)
    k = bisect_left(spans, (stop,)) - 1
    return k >= 0 and spans[k][1] > start


def math_spans(line: str) -> list[tuple[int, int]]:
    r"""Inline TeX math ``$...$`` on one line that holds a backslash: a
    dollar sign (not escaped, not doubled) before a character other than a
    space, up to the next dollar sign after a character other than a space
    or a backslash and before no digit (as pandoc reads it), so that prices
    (``$5 and $6``) are no math.

    >>> line = r"ratio $w = 3.6\,\ell$, cost $5 and $6, \$7 and $a\;b$."
    >>> [line[a:b] for a, b in math_spans(line)]
    ['$w = 3.6\\,\\ell$', '$a\\;b$']
    """
    if "\\" not in line:
        return []
    spans = []
    n = len(line)
    i = _dollar(line, 0)
    while 0 <= i < n - 1:
        if line[i + 1] in " \t$":
            i = _dollar(line, i + 2 if line[i + 1] == "$" else i + 1)
            continue
        j = _dollar(line, i + 1)
        if j < 0:
            break
        if line[j - 1] in " \t" or line[j + 1 : j + 2].isdigit():
            i = j  # no closing sign ("$5 and $6"): maybe an opening one
            continue
        if "\\" in line[i:j]:
            spans.append((i, j + 1))
        i = _dollar(line, j + 1)
    return spans


def _dollar(line: str, pos: int) -> int:
    """The next dollar sign from ``pos`` that no backslash escapes, or -1."""
    i = line.find("$", pos)
    while i > 0 and line[i - 1] == "\\":
        i = line.find("$", i + 1)
    return i
