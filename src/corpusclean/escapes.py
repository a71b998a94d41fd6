"""Markdown escapes left behind by HTML-to-text conversion (ARTIFACTS §1).

Converters escape ASCII punctuation that markdown would otherwise read as
markup: ``\\$6.00``, ``1986\\. A year``, ``\\*nix``.  In extracted text the
backslash is noise.  It is dropped only where it escapes ASCII punctuation,
never in front of a letter (``C:\\Users``, ``\\n``, ``\\alpha``), never inside
code spans, code blocks, math or Windows paths, and ``\\\\`` is an escaped backslash that
stays as it is (and does not escape the character after it).  Inside a URL
the backslash before punctuation goes too (``https://x.org/a\\_b``): no
address holds a bare backslash, so it is the converter's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from .edits import Edit, apply_edits
from .protect import code_blocks, covered, math_spans
from .textutil import line_bounds

__all__ = ["escape_edits", "unescape_markdown"]

RULE = "escapes"

# ASCII punctuation that markdown lets a backslash escape.  A run of
# backslashes before one escapes it when the run is odd; the pairs before it
# are escaped backslashes.
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")

# Contexts where a backslash is not a markdown escape.  (LaTeX math is found
# by _math_spans: as a regular expression it takes quadratic time on a long
# line of unclosed "\(".)
_PROTECTED = re.compile(
    r"""
    `[^`\n]+`                                  # code span
  | (?P<url>[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"`]+)  # URL (its scheme may be glued to a word)
  | \b[A-Za-z]:\\[^\s]*                        # Windows path C:\...
  | \\\\[A-Za-z0-9_$.-]+\\[^\s]*               # UNC path \\server\share
  | \$\$[^$\n]+\$\$                            # $$ ... $$
    """,
    re.VERBOSE,
)
# What a line of display math holds (a TeX command, a superscript, an
# equation or an alignment) and a line of escaped prose seldom does.
_TEX_HINT = re.compile(r"\\[A-Za-z]|[\^=&]")
# Characters that make "\( ... \)" read as math, not as escaped brackets.
_MATH_CHARS = re.compile(r"[\\^_=<>{}+*]")


def _positions(line: str, needle: str) -> list[int]:
    out = []
    i = line.find(needle)
    while i >= 0:
        out.append(i)
        i = line.find(needle, i + 1)
    return out


def _math_at(line: str, opening: str, closing: str, maths: list[int]) -> list[tuple[int, int]]:
    r"""LaTeX math ``\( ... \)`` (or ``\[ ... \]``) that starts at each
    opening on one line: the opening, the first closing after it, and
    between them at most three characters or a character that only math has
    (``\ ^ _ = < > { } + *``).  ``maths`` are the offsets of those characters.

    >>> line = r"math \(a+b\), not \(unaudited\), short \(x\)"
    >>> maths = [m.start() for m in _MATH_CHARS.finditer(line)]
    >>> [line[a:b] for a, b in _math_at(line, "\\(", "\\)", maths)]
    ['\\(a+b\\)', '\\(x\\)']
    """
    opens = _positions(line, opening)
    if not opens:
        return []
    closes = _positions(line, closing)
    spans = []
    for o in opens:
        k = bisect_left(closes, o + 2)
        if k == len(closes):
            break  # no closing after this opening, nor after any later one
        c = closes[k]
        m = bisect_left(maths, o + 2)
        if c - (o + 2) <= 3 or (m < len(maths) and maths[m] < c):
            spans.append((o, c + 2))
    return spans


def _protected_spans(line: str) -> list[tuple[int, int]]:
    r"""Code spans, paths and math on one line, left to right and not
    overlapping, as one regular expression with all of them would find them
    (math is found apart, in linear time).  A URL protects nothing, but
    what it holds is no path or math either.

    >>> line = r"at https://x.org/a\_b, `\_` and C:\x\_y"
    >>> [line[a:b] for a, b in _protected_spans(line)]
    ['`\\_`', 'C:\\x\\_y']
    """
    if "\\(" not in line and "\\[" not in line:
        return [m.span() for m in _PROTECTED.finditer(line) if m.lastgroup != "url"]
    maths = [m.start() for m in _MATH_CHARS.finditer(line)]
    math = sorted(_math_at(line, "\\(", "\\)", maths) + _math_at(line, "\\[", "\\]", maths))
    spans: list[tuple[int, int]] = []
    pos = k = 0
    found = _PROTECTED.search(line)
    while True:
        while k < len(math) and math[k][0] < pos:
            k += 1
        if found is not None and found.start() < pos:
            found = _PROTECTED.search(line, pos)
        if found is None and k == len(math):
            return spans
        # (no two kinds can start at the same character)
        if k == len(math) or (found is not None and found.start() < math[k][0]):
            span = found.span()  # type: ignore[union-attr]
        else:
            span = math[k]
        if found is None or span != found.span() or found.lastgroup != "url":
            spans.append(span)
        pos = span[1]


# An escape: an odd run of backslashes before ASCII punctuation, matched at
# the start of the run (the pairs are taken whole, never given back, so a
# long run is read once).  The pattern starts with a backslash, so that the
# regular expression engine skips to the next one fast.
_ESCAPE = re.compile(r"\\(?<!\\\\)(?:\\\\)*+(?=[" + re.escape("".join(sorted(_PUNCT))) + "])")
_MESSAGES = {char: f"markdown escape '\\{char}' -> '{char}'" for char in _PUNCT}


def escape_edits(text: str) -> Iterator[Edit]:
    """Edits that drop the backslash of markdown escapes.

    >>> from corpusclean.edits import apply_edits
    >>> apply_edits(r"He Runs a \\$2.1 Trillion Fund", escape_edits(r"He Runs a \\$2.1 Trillion Fund"))
    'He Runs a $2.1 Trillion Fund'
    """
    if "\\" not in text:
        return
    fences = "`" in text or "~" in text
    code: list[tuple[int, int]] | None = None  # found when a line may be code
    line_end = -1
    # whether the current line is in a code block; its protected spans and inline math
    in_code = False
    starts: list[int] = []
    ends: list[int] = []
    maths: list[tuple[int, int]] = []
    for m in _ESCAPE.finditer(text):
        run_start, run_end = m.span()
        if run_start > line_end:
            start, line_end = line_bounds(text, run_start)
            line = text[start:line_end]
            # (code blocks are whole lines: a line is looked up when the
            # text has fences, or the line is indented or reads as TeX)
            in_code = False
            if fences or line.startswith(("    ", "\t")) or _TEX_HINT.search(line):
                if code is None:
                    code = code_blocks(text, math=True)
                in_code = covered(code, start)
            if in_code:
                continue
            # Code spans, URLs, paths and math are looked for on this line only.
            spans = _protected_spans(line)
            starts = [start + a for a, _ in spans]
            ends = [start + b for _, b in spans]
            maths = [(start + a, start + b) for a, b in math_spans(line)] if "$" in line else []
        if in_code or maths and covered(maths, run_start):
            continue
        if starts:
            k = bisect_right(starts, run_start) - 1
            if k >= 0 and ends[k] > run_start:
                continue
        yield Edit(run_end - 1, run_end, "", RULE, _MESSAGES[text[run_end]])


def unescape_markdown(text: str) -> str:
    r"""Drop the backslash of markdown escapes before ASCII punctuation.

    >>> unescape_markdown(r"Prices: \$6.00 and \$3.8 billion")
    'Prices: $6.00 and $3.8 billion'
    >>> unescape_markdown(r"C:\Users\me and \alpha and a\nb")
    'C:\\Users\\me and \\alpha and a\\nb'
    >>> unescape_markdown(r"a \\ b, \\$")
    'a \\\\ b, \\\\$'
    >>> unescape_markdown(r"see `a\*b` and \*this\*")
    'see `a\\*b` and *this*'
    """
    return apply_edits(text, escape_edits(text))
