"""Quotation marks: a policy, ``keep`` (the default), ``straight`` or ``curly``.

``straight`` turns typographic quotes into ASCII ones.  ``curly`` does the
reverse with the rules of English typography:

* a quote after a space or an opening bracket or dash opens (“ ‘), otherwise
  it closes (” ’);
* an apostrophe inside a word (``don't``, ``O'Brien``), after a word
  (``the Joneses'``) or in an elision (``'90s``, ``rock 'n' roll``,
  ``'em``) is ’, never ‘;
* primes in measurements (``5'10"``, ``a 12" record``) stay straight.

Guillemets and the primes ′ ″ are not quotation marks of this rule and are
never changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .edits import Edit, apply_edits
from .textutil import TextFacts, facts_of

__all__ = ["quote_edits", "straighten_quotes", "curl_quotes"]

RULE = "quotes"

_STRAIGHT_MAP = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
}
_CURLY = re.compile("[\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b]")
_STRAIGHT = re.compile("['\"]")
_QUOTE_STATE = re.compile("['\"\u201c\u201d]")

_OPENERS = frozenset(" \t\n([{<\u2014\u2013-/\u201c\u2018\"'\u00ab\u2039")
# Words whose first letters an apostrophe stands for.
_ELISION = re.compile(
    r"'(?:n|em|tis|twas|cause|cos|til|bout|kay|\d\ds?)(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _mojibake_neighbours() -> frozenset[str]:
    """Characters next to which a curly quote would read as mojibake."""
    from .encoding import _bad_chars

    return frozenset(c for c in _bad_chars() if c not in _ALL_QUOTES and c not in "\u2014\u2013")


_ALL_QUOTES = frozenset("'\"") | frozenset(_STRAIGHT_MAP)


def _near_suspect(text: str, i: int, suspect: frozenset[str]) -> bool:
    """Is the quote at ``i`` next to a character ftfy's heuristic watches?
    Neighbouring quotation marks are looked past, since this rule may change
    them too."""
    j = i - 1
    while j >= 0 and text[j] in _ALL_QUOTES:
        j -= 1
    if j >= 0 and text[j] in suspect:
        return True
    k = i + 1
    n = len(text)
    while k < n and text[k] in _ALL_QUOTES:
        k += 1
    return k < n and text[k] in suspect


def _curly_edits(text: str) -> Iterator[Edit]:
    open_double = 0  # double quotes opened and not yet closed in this paragraph
    suspect = _mojibake_neighbours()
    n = len(text)
    last = 0
    for m in _QUOTE_STATE.finditer(text):
        i = m.start()
        if text.find("\n\n", last, i) >= 0:
            open_double = 0  # quote state restarts with every paragraph
        last = i
        q = m.group()
        if q == "\u201c":
            open_double += 1
            continue
        if q == "\u201d":
            open_double -= 1
            continue
        prev = text[i - 1] if i > 0 else "\n"
        nxt = text[i + 1] if i + 1 < n else "\n"
        if _near_suspect(text, i, suspect):
            continue  # a curly quote here would look like mojibake (Â”)
        if q == "'":
            if prev.isdigit() and not nxt.isalpha():
                continue  # a prime: 5'10"
            if prev.isalnum() and nxt.isalpha():
                new, what = "\u2019", "apostrophe"
            elif prev in _OPENERS and _ELISION.match(text, i):
                new, what = "\u2019", "apostrophe (elision)"
            elif prev in _OPENERS and not nxt.isspace():
                new, what = "\u2018", "opening single quote"
            else:
                new, what = "\u2019", "closing single quote or apostrophe"
        else:
            if prev.isdigit() and open_double <= 0 and not nxt.isalnum():
                continue  # inches or seconds: a 12" record
            if prev in _OPENERS and nxt.isspace():
                opening = open_double <= 0  # a lone quote between spaces
            else:
                opening = prev in _OPENERS
            if opening:
                new, what = "\u201c", "opening double quote"
                open_double += 1
            else:
                new, what = "\u201d", "closing double quote"
                open_double -= 1
        yield Edit(i, i + 1, new, RULE, f"{q} -> {new} ({what})")


def _straight_edits(text: str) -> Iterator[Edit]:
    suspect = _mojibake_neighbours()
    n = len(text)
    for m in _CURLY.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else ""
        if prev == "\\":
            continue  # a straight quote here would become a markdown escape
        if _near_suspect(text, i, suspect):
            continue  # changing it would change what ftfy makes of its neighbours
        q = m.group()
        new = _STRAIGHT_MAP[q]
        yield Edit(m.start(), m.end(), new, RULE, f"{q} -> {new}")


def quote_edits(text: str, policy: str = "keep", facts: TextFacts | None = None) -> Iterator[Edit]:
    """Edits that apply a quote ``policy`` (keep, straight or curly)."""
    if policy == "keep":
        return iter(())
    if policy == "straight":
        nonascii = facts_of(text, facts).nonascii
        if not nonascii or not _CURLY.search(nonascii):
            return iter(())
        return _straight_edits(text)
    if policy == "curly":
        if "'" not in text and '"' not in text:
            return iter(())
        return _curly_edits(text)
    raise ValueError(f"unknown quote policy {policy!r} (keep, straight, curly)")


def straighten_quotes(text: str) -> str:
    """Make every typographic quotation mark straight.

    >>> straighten_quotes("“Don’t,” she said. ‘Fine.’")
    '"Don\\'t," she said. \\'Fine.\\''
    """
    return apply_edits(text, _straight_edits(text))


def curl_quotes(text: str) -> str:
    """Typographic quotes, apostrophes kept apart, primes left alone.

    >>> curl_quotes('"Don\\'t," she said of the \\'90s. He is 5\\'10" tall.')
    '“Don’t,” she said of the ’90s. He is 5\\'10" tall.'
    >>> curl_quotes("rock 'n' roll, 'quoted' and the Joneses' car")
    'rock ’n’ roll, ‘quoted’ and the Joneses’ car'
    """
    return apply_edits(text, _curly_edits(text))
