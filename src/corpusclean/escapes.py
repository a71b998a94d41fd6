"""Markdown escapes left behind by HTML-to-text conversion (ARTIFACTS §1).

Converters escape ASCII punctuation that markdown would otherwise read as
markup: ``\\$6.00``, ``1986\\. A year``, ``\\*nix``.  In extracted text the
backslash is noise.  It is dropped only where it escapes ASCII punctuation,
never in front of a letter (``C:\\Users``, ``\\n``, ``\\alpha``), never inside
code spans, URLs or Windows paths, and ``\\\\`` is an escaped backslash that
stays as it is (and does not escape the character after it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .edits import Edit, apply_edits
from .textutil import line_bounds

__all__ = ["escape_edits", "unescape_markdown"]

RULE = "escapes"

# ASCII punctuation that markdown lets a backslash escape.  A run of
# backslashes before one escapes it when the run is odd; the pairs before it
# are escaped backslashes.
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[]^_`{|}~")

# Contexts where a backslash is not a markdown escape.
_PROTECTED = re.compile(
    r"""
    `[^`\n]+`                                  # code span
  | \b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>"]+      # URL
  | \b[A-Za-z]:\\[^\s]*                        # Windows path C:\...
  | \\\\[A-Za-z0-9_$.-]+\\[^\s]*               # UNC path \\server\share
  | \\\((?=[^\n]{0,3}\\\)|(?:(?!\\\)).)*?(?!\\\))[\\^_=<>{}+*])(?:(?!\\\)).)*?\\\)   # LaTeX \( math \)
  | \\\[(?=[^\n]{0,3}\\\]|(?:(?!\\\]).)*?(?!\\\])[\\^_=<>{}+*])(?:(?!\\\]).)*?\\\]   # LaTeX \[ math \]
  | \$\$[^$\n]+\$\$                            # $$ ... $$
    """,
    re.VERBOSE,
)


def escape_edits(text: str) -> Iterator[Edit]:
    """Edits that drop the backslash of markdown escapes.

    >>> from corpusclean.edits import apply_edits
    >>> apply_edits(r"He Runs a \\$2.1 Trillion Fund", escape_edits(r"He Runs a \\$2.1 Trillion Fund"))
    'He Runs a $2.1 Trillion Fund'
    """
    if "\\" not in text:
        return
    line_start = -1
    protected: list[tuple[int, int]] = []
    find = text.find
    n = len(text)
    i = find("\\")
    while i >= 0:
        run_start = i
        while i < n and text[i] == "\\":
            i += 1
        run_end = i
        if run_end < n and (run_end - run_start) % 2 == 1 and text[run_end] in _PUNCT:
            start, end = line_bounds(text, run_start)
            if start != line_start:
                # Code spans, URLs and paths are looked for on this line only.
                line_start = start
                protected = [
                    (start + a, start + b)
                    for a, b in (p.span() for p in _PROTECTED.finditer(text[start:end]))
                ]
            if not any(a <= run_start < b for a, b in protected):
                char = text[run_end]
                yield Edit(run_end - 1, run_end, "", RULE, f"markdown escape '\\{char}' -> '{char}'")
        i = find("\\", run_end)


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
