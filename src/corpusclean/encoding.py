"""Mojibake: text decoded with the wrong encoding (``sÃ³`` for ``só``).

The repair is ftfy's (:func:`ftfy.fix_encoding`), applied line by line as
``ftfy.fix_text`` does, behind a pre-screen: ftfy only touches text in which
its badness heuristic finds a suspicious sequence, and every such sequence
holds a C1 control, one of a few lone trigger letters (``Ã Â Œ œ``), or two
adjacent non-ASCII characters of the set ftfy's heuristic knows.  Lines with
none of these never reach ftfy, which is what makes the rule fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import ftfy
from ftfy.badness import BADNESS_RE

from .edits import Edit, apply_edits
from .textutil import TextFacts, diff_edits, facts_of, line_bounds

__all__ = ["mojibake_edits", "fix_mojibake", "may_hold_mojibake"]

RULE = "mojibake"

_RUN = re.compile(r"[^\x00-\x7f]{2,}")
# Whitespace that the whitespace rule strips from line ends.
_TRAILING = " \t\r\x0b\x0c\x1c\x1d\x1e\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"

# Longest match of ftfy's badness heuristic, with room to spare.
_WINDOW = 16
_SINGLE = re.compile("[\x80-\x9f\u00c2\u00c3\u0152\u0153]")


@lru_cache(maxsize=1)
def _bad_chars() -> frozenset[str]:
    """Every non-ASCII character that ftfy's badness regex can match."""
    try:
        from re import _parser as parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as parser  # type: ignore[no-redef]
    chars: set[int] = set()

    def walk(items: object) -> None:
        for op, av in items:  # type: ignore[attr-defined]
            name = str(op)
            if name == "LITERAL":
                chars.add(av)
            elif name == "IN":
                for o, a in av:
                    if str(o) == "LITERAL":
                        chars.add(a)
                    elif str(o) == "RANGE":
                        chars.update(range(a[0], a[1] + 1))
            elif name == "SUBPATTERN":
                walk(av[-1])
            elif name == "BRANCH":
                for branch in av[1]:
                    walk(branch)
            elif name in ("MAX_REPEAT", "MIN_REPEAT"):
                walk(av[2])

    walk(parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags))
    return frozenset(chr(c) for c in chars if c >= 0x80)


def _suspect_positions(text: str) -> Iterator[int]:
    """Positions where ftfy's badness heuristic might match (a superset)."""
    bad = _bad_chars()
    for m in _RUN.finditer(text):
        run = m.group()
        for k in range(len(run) - 1):
            if run[k] in bad and run[k + 1] in bad:
                yield m.start() + k
                break
    for m in _SINGLE.finditer(text):
        yield m.start()


# Typographic punctuation that never takes part in a match of ftfy's badness
# heuristic unless some other non-ASCII character is present (checked
# exhaustively in tests/test_mojibake.py).  Text whose only non-ASCII
# characters are these cannot hold mojibake that ftfy would repair.
HARMLESS = frozenset("\u2018\u2019\u201c\u201d\u2014\u2013\u2026\u2022\u201a\u201e\u2039\u203a\u2122")
_NOT_HARMLESS = re.compile("[^" + "".join(sorted(HARMLESS)) + "]")


def may_hold_mojibake(text: str, facts: TextFacts | None = None) -> bool:
    """False when ftfy would certainly leave ``text`` alone.

    >>> may_hold_mojibake("plain ASCII")
    False
    >>> may_hold_mojibake("café – “quoted”")
    False
    >>> may_hold_mojibake("cafÃ©")
    True
    """
    nonascii = facts_of(text, facts).nonascii
    if not nonascii or not _NOT_HARMLESS.search(nonascii):
        return False
    return next(_suspect_positions(text), None) is not None


# Lines longer than this go to ftfy in pieces cut at spaces.  ftfy decodes
# a line in one step only when every sequence in it decodes; one broken
# sequence (a line cut inside a character) makes it mend the line fragment
# by fragment, ten times slower on a long line.  A mojibake sequence never
# holds an ASCII space, and ftfy's heuristics look only a few characters
# around each, so the pieces are repaired as the whole line would be.
# (ftfy.fix_text itself cuts lines at a million characters.)
LONG_LINE = 16_384


def _pieces(line: str) -> Iterator[str]:
    n = len(line)
    pos = 0
    while pos < n:
        cut = min(n, pos + LONG_LINE)
        if cut < n:
            space = line.rfind(" ", pos + 1, cut)
            if space > pos:
                cut = space + 1
        yield line[pos:cut]
        pos = cut


def _fix_line(line: str, cleanup: Callable[[str], str] | None) -> str:
    """ftfy's repair of one line; with ``cleanup``, repeated until stable."""
    if len(line) > LONG_LINE:
        return "".join(_fix_piece(piece, cleanup) for piece in _pieces(line))
    return _fix_piece(line, cleanup)


def _fix_piece(line: str, cleanup: Callable[[str], str] | None) -> str:
    fixed = ftfy.fix_encoding(line)
    if cleanup is None:
        return fixed
    for _ in range(8):
        cleaned = cleanup(fixed)
        if cleaned == fixed:
            break
        again = ftfy.fix_encoding(cleaned)
        fixed = again
        if again == cleaned:
            break
    return fixed


def mojibake_edits(
    text: str, cleanup: Callable[[str], str] | None = None, facts: TextFacts | None = None
) -> Iterator[Edit]:
    """Edits that undo mojibake, one ftfy call per suspect line.

    ``cleanup`` is applied to repaired lines (the pipeline passes the
    ``controls`` rule, so that characters ftfy decodes, such as a zero-width
    space or a decomposed accent, are tidied in the same pass).

    >>> [(e.start, e.end, e.replacement) for e in mojibake_edits("a sÃ³ b\\nok")]
    [(3, 5, 'ó')]
    """
    nonascii = facts_of(text, facts).nonascii
    if not nonascii:
        return
    unusual = _NOT_HARMLESS.findall(nonascii)
    if not unusual:
        return
    if len(unusual) * 200 > len(text):
        # dense non-ASCII text (Cyrillic, Greek...): scan runs and pairs
        positions = sorted(set(_suspect_positions(text)))
    else:
        # Every match of the heuristic holds a non-ASCII character that is
        # not HARMLESS, so windows around those characters decide.
        positions = []
        find = text.find
        for char in set(unusual):
            i = find(char)
            while i >= 0:
                positions.append(i)
                i = find(char, i + 1)
        positions.sort()
    done_until = -1
    start = end = -1
    for pos in positions:
        if pos < done_until:
            continue
        # ftfy changes nothing unless its badness heuristic matches the line;
        # every match holds a suspect position, so a window around it decides.
        if pos > end:  # positions are sorted: find each line once, not per position
            start, end = line_bounds(text, pos)
        lo, hi = max(start, pos - _WINDOW), min(end, pos + _WINDOW)
        if lo == start:  # "^" in the heuristic must see the line start
            if not BADNESS_RE.search(text[start:hi]):
                continue
        elif not BADNESS_RE.search(text, lo, hi):
            continue
        done_until = end
        # Trailing whitespace is the whitespace rule's; ftfy reads the line
        # without it, so that removing it later cannot change ftfy's verdict.
        line = text[start:end].rstrip(_TRAILING)
        if not line:
            continue
        fixed = _fix_line(line, cleanup)
        if fixed != line:
            yield from diff_edits(line, fixed, start, RULE, "mojibake repaired (ftfy)")


def fix_mojibake(text: str) -> str:
    """Repair mojibake line by line with ftfy.

    >>> fix_mojibake("The Mona Lisa doesnÃ¢â‚¬â„¢t have eyebrows.")
    'The Mona Lisa doesn’t have eyebrows.'
    """
    return apply_edits(text, mojibake_edits(text))
