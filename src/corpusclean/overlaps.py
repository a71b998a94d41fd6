"""A truncated fragment repeated at the start of the next paragraph (ARTIFACTS §10).

Transcripts and edited copy sometimes keep a false start: a paragraph breaks
off in a dangling fragment (``... and it led to this belief-``) and the next
paragraph starts with the same words, whole (``And it led to this belief in
the capital ...``).  The fragment goes; the whole paragraph stays.

Only a fragment that breaks off (it ends with a dash or hyphen) and whose
last three words or more open the next paragraph is removed: a paragraph
that merely starts with the same common words as the one before is no
repeat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from .edits import Edit, apply_edits

__all__ = ["overlap_edits", "fix_overlaps"]

RULE = "overlaps"

MIN_WORDS = 3
MAX_WORDS = 40

# After a dangling dash: the break (possibly with blank lines) up to the
# next non-blank line.
_AFTER = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\S)")


def _dangling(text: str) -> Iterator[int]:
    """Offsets of dashes that end a line right after a letter or digit."""
    hits: list[int] = []
    for dash in ("-", "\u2014", "\u2013"):
        needle = dash + "\n"
        i = text.find(needle)
        while i >= 0:
            if i > 0 and text[i - 1].isalnum():
                hits.append(i)
            i = text.find(needle, i + 2)
    return iter(sorted(hits))


_OPENERS = "\"“‘'(["
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def overlap_edits(text: str) -> Iterator[Edit]:
    """Edits that drop dangling fragments repeated by the next paragraph.

    >>> t = "It was hard, and it led to this belief-\\nAnd it led to this belief in the capital."
    >>> apply_edits(t, list(overlap_edits(t)))
    'It was hard\\nAnd it led to this belief in the capital.'
    """
    for dash in _dangling(text):
        m = _AFTER.match(text, dash + 1)
        if m is None:
            continue
        line_start = text.rfind("\n", 0, dash) + 1
        next_end = text.find("\n", m.end())
        next_line = text[m.end() : len(text) if next_end < 0 else next_end]
        head = [_norm(t.group()) for t in islice(_TOKEN.finditer(next_line, 0, 600), MAX_WORDS)]
        if len(head) < MIN_WORDS:
            continue
        tail_tokens = list(_TOKEN.finditer(text, max(line_start, dash - 600), dash))[-MAX_WORDS:]
        tail = [_norm(t.group()) for t in tail_tokens]
        best = 0
        for k in range(min(len(tail), len(head)), MIN_WORDS - 1, -1):
            if tail[-k:] == head[:k]:
                best = k
                break
        if not best:
            continue
        start = tail_tokens[-best].start()
        # an opening quote or bracket glued to the fragment goes with it
        while start > line_start and text[start - 1] in _OPENERS:
            start -= 1
        # take the comma or semicolon and space that led into the fragment
        cut = start
        while cut > line_start and text[cut - 1] in " \t":
            cut -= 1
        if cut > line_start and text[cut - 1] in ",;":
            cut -= 1
            while cut > line_start and text[cut - 1] in " \t":
                cut -= 1
        if cut == line_start:
            continue  # the whole paragraph is the fragment: leave it
        fragment = text[start : dash + 1]
        yield Edit(cut, dash + 1, "", RULE, f"truncated fragment repeated by the next paragraph removed: {fragment!r}")


def fix_overlaps(text: str) -> str:
    """Drop dangling fragments that the next paragraph repeats whole."""
    from .textutil import fix_with

    return fix_with(text, lambda t: list(overlap_edits(t)))
