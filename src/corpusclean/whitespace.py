"""Whitespace: trailing spaces, whitespace-only lines, runs of blank lines.

* Whitespace at the end of a line goes, so a line holding only spaces becomes
  an empty line.
* Blank lines at the start of the text go; a run of blank lines becomes one
  blank line; blank lines at the end become a single final newline.
* Blank lines inside a fenced code block stay as they are.
* Tabs and spaces inside a line stay, and so do the line endings (the
  pipeline hands rules LF text and restores CRLF afterwards).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .edits import Edit, apply_edits, compose
from .protect import code_blocks, covered
from .textutil import TextFacts, facts_of, fix_with

__all__ = ["whitespace_edits", "fix_whitespace"]

RULE = "whitespace"

# Whitespace other than space, tab and newline (rare in running text).
_OTHER_WS = re.compile("[\x0b\x0c\x1c-\x1f\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# (A lone carriage return before a line end counts too: rules see CRLF as LF,
# so a "\r" here is stray, and keeping it would make a CRLF of "\r \n".)
_WS = frozenset(" \t\r\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u1680\u2028\u2029\u202f\u205f\u3000") | frozenset(
    chr(c) for c in range(0x2000, 0x200B)
)
_BLANK_RUN = re.compile(r"\n\n\n+")


_OTHER_WS_BYTES = frozenset(b"\x0b\x0c\x1c\x1d\x1e\x1f")


def _line_end_candidates(text: str, facts: TextFacts, limit: int | None = None) -> list[int] | None:
    """Offsets of line ends (a newline, or the end of text) that follow
    whitespace; None as soon as more than ``limit`` lines end in a space or
    a tab."""
    ends: set[int] = set()
    find = text.find
    for needle in (" \n", "\t\n"):
        i = find(needle)
        while i >= 0:
            ends.add(i + 1)
            if limit is not None and len(ends) > limit:
                return None
            i = find(needle, i + 2)
    if any(b in _OTHER_WS_BYTES for b in facts.c0) or (
        facts.nonascii and _OTHER_WS.search(facts.nonascii)
    ):
        for m in _OTHER_WS.finditer(text):
            j = m.end()
            while j < len(text) and text[j] in _WS:
                j += 1
            if j == len(text) or text[j] == "\n":
                ends.add(j)
    if text and text[-1] in _WS:
        ends.add(len(text))
    return sorted(ends)


# A whole run of whitespace before a line end (matched from its start only,
# and taken whole, so that a long run of spaces is read once).
_WS_CLASS = "[" + re.escape("".join(sorted(_WS))) + "]"
_TRAILING_RUN = re.compile(f"(?<!{_WS_CLASS}){_WS_CLASS}++(?=\\n|\\Z)")


def _trailing_runs_sparse(text: str, ends: list[int]) -> list[tuple[int, int]]:
    """The trailing whitespace runs before the line ends ``ends`` (see
    :func:`_line_end_candidates`)."""
    runs = []
    ws = _WS
    for end in ends:
        start = end
        while start > 0 and text[start - 1] in ws:
            start -= 1
        if start < end:
            runs.append((start, end))
    return runs


def _trailing_runs_dense(text: str) -> list[tuple[int, int]]:
    """The same runs as :func:`_trailing_runs_sparse`, found by one regular
    expression: faster when many lines end in whitespace."""
    n = len(text)
    runs = []
    for m in _TRAILING_RUN.finditer(text):
        start, end = m.span()
        # A line end after spaces, tabs and carriage returns only, the last
        # a carriage return, is no candidate (see _line_end_candidates).
        if end < n and text[end - 1] == "\r" and not m.group().strip(" \t\r"):
            continue
        runs.append((start, end))
    return runs


def _trailing_edits(text: str, facts: TextFacts) -> list[Edit]:
    # The regular expression reads every character; finding line ends after
    # a space or tab with str.find is far faster unless there are many (more
    # than one per 64 characters).
    ends = _line_end_candidates(text, facts, len(text) // 64)
    runs = _trailing_runs_dense(text) if ends is None else _trailing_runs_sparse(text, ends)
    return [
        Edit(
            start, end, "", RULE,
            "whitespace-only line emptied" if start == 0 or text[start - 1] == "\n" else "trailing whitespace removed",
        )
        for start, end in runs
    ]


def _blank_line_edits(text: str) -> Iterator[Edit]:
    """Edits on text without trailing whitespace."""
    n = len(text)
    lead = 0
    while lead < n and text[lead] == "\n":
        lead += 1
    if lead:
        if lead == n:
            yield Edit(0, n, "", RULE, "blank lines removed")
            return
        yield Edit(0, lead, "", RULE, "blank lines at the start removed")
    tail = n
    while tail > lead and text[tail - 1] == "\n":
        tail -= 1
    # blank lines inside a fenced code block are the code's own
    code = code_blocks(text) if "`" in text or "~" in text else []
    for m in _BLANK_RUN.finditer(text, lead, tail):
        if code and covered(code, m.start()):
            continue
        yield Edit(m.start(), m.end(), "\n\n", RULE, f"{m.end() - m.start() - 1} blank lines -> 1")
    if n - tail > 1:
        yield Edit(tail + 1, n, "", RULE, "blank lines at the end removed")


def whitespace_edits(text: str, facts: TextFacts | None = None) -> list[Edit]:
    """Edits that tidy whitespace (LF text).

    >>> text = "\\n\\nTitle  \\n \\n\\n\\nBody\\tline.\\t\\n\\n\\n"
    >>> apply_edits(text, whitespace_edits(text))
    'Title\\n\\nBody\\tline.\\n'
    """
    first = _trailing_edits(text, facts_of(text, facts))
    stage = apply_edits(text, first) if first else text
    second = list(_blank_line_edits(stage))
    if not first:
        return second
    return compose(first, second, stage)


def fix_whitespace(text: str) -> str:
    """Tidy whitespace, keeping LF or CRLF line endings.

    >>> fix_whitespace("a  \\r\\n\\r\\n\\r\\n\\r\\nb\\r\\n")
    'a\\r\\n\\r\\nb\\r\\n'
    """
    return fix_with(text, whitespace_edits)
