"""Invisible and control characters, and Unicode normalization (NFC).

* C0 controls other than tab and newline, and DEL, are removed; a lone
  carriage return (an old Mac line break) becomes a newline.
* C1 controls are almost always Windows-1252 bytes decoded as Latin-1; ftfy's
  :func:`ftfy.fixes.fix_c1_controls` turns them into the characters meant.
* Byte-order marks, zero-width spaces and word joiners are removed.  Zero-width
  (non-)joiners are removed only in Latin or Common text: in emoji sequences
  and in scripts such as Arabic, Persian or Devanagari they carry meaning.
* Soft hyphens are removed; one that ends a line joins the word it split.
* A run of one removable character (soft hyphens, zero-width spaces, word
  joiners, byte-order marks, DEL, a C0 control, lone carriage returns) is one
  edit: "12 soft hyphens removed".  A run of soft hyphens that ends a line
  between two letters joins the word as one soft hyphen does.
* Text is put in Unicode NFC (composed accents), not NFKC, which would rewrite
  ligatures, superscripts and full-width forms that users keep.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import regex
from ftfy.fixes import fix_c1_controls

from .edits import Edit, apply_edits, compose
from .textutil import TextFacts, facts_of, fix_with

__all__ = ["control_edits", "remove_controls", "nfc_edits"]

RULE = "controls"

# Characters that may need a joiner: letters and marks of scripts other than
# Latin, emoji, variation selectors.
_JOINER_CONTEXT = regex.compile(
    r"[\p{L}\p{M}--\p{Script=Latin}--\p{Script=Common}--\p{Script=Inherited}]|\p{Extended_Pictographic}|"
    r"\p{Emoji_Modifier}|[\ufe0e\ufe0f\u20e3]",
    regex.V1,
)

# Runs of characters around which NFC may change something: starts of
# composition (QC=Maybe), non-NFC characters (QC=No) and combining marks,
# with the starter before them.
_NFC_UNSAFE = regex.compile(
    r".?(?:[\p{NFC_QC=N}\p{NFC_QC=M}]|\P{ccc=0})+", regex.V1 | regex.DOTALL
)

_NAMES = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "byte-order mark",
    "\x7f": "DEL control character",
}
_PLURALS = {
    "\u00ad": "soft hyphens",
    "\u200b": "zero-width spaces",
    "\u2060": "word joiners",
    "\ufeff": "byte-order marks",
    "\x7f": "DEL control characters",
}


def _name(ch: str) -> str:
    return _NAMES.get(ch) or f"control character U+{ord(ch):04X}"


@lru_cache(maxsize=None)
def _removed(ch: str) -> str:
    """The message of a removal (cached: text may hold very many)."""
    return f"{_name(ch)} removed"


def _removed_run(ch: str, count: int) -> str:
    """The message of the removal of ``count`` copies of ``ch`` in a row.

    >>> _removed_run("\u00ad", 1), _removed_run("\u00ad", 3), _removed_run("\x07", 2)
    ('soft hyphen removed', '3 soft hyphens removed', '2 control characters U+0007 removed')
    """
    if count == 1:
        return _removed(ch)
    plural = _PLURALS.get(ch) or f"control characters U+{ord(ch):04X}"
    return f"{count} {plural} removed"


@lru_cache(maxsize=None)
def _c1_fix(ch: str) -> tuple[str, str]:
    """The replacement of a C1 control and the message saying so."""
    fixed = fix_c1_controls(ch)
    if fixed != ch:
        return fixed, f"C1 control U+{ord(ch):04X} -> {fixed!r} (Windows-1252)"
    return "", _removed(ch)


def _keeps_joiner(text: str, i: int) -> bool:
    """Does the zero-width (non-)joiner at ``i`` sit in a script or emoji
    sequence that needs it?  Combining marks are looked through to the
    letter they sit on."""
    j = i - 1
    while j >= 0 and unicodedata.category(text[j]).startswith("M"):
        j -= 1
    before = text[j] if j >= 0 else ""
    if i > 0 and text[i - 1] in "\ufe0e\ufe0f\u20e3":
        before = text[i - 1]
    k = i + 1
    after = text[k] if k < len(text) else ""
    return any(c and _JOINER_CONTEXT.match(c) for c in (before, after))


# Non-ASCII characters this rule acts on, and those around which NFC may
# change something.
_NONASCII_CONTROL = re.compile("[\x80-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_NFC_SUSPECT = regex.compile(r"[\p{NFC_QC=N}\p{NFC_QC=M}]|\P{ccc=0}", regex.V1)


# What the rule acts on: one character, and with it the rest of a run of that
# character when a run is one edit (not for C1 controls, which ftfy maps one
# by one, nor for joiners, each judged by its neighbours).  With
# ``defer_c1``, a C1 control beside a non-ASCII character is not matched: it
# is left to the mojibake rule.  (The pattern starts with one character
# class, so that the regular expression engine skips to candidates fast.)
_ACTED_ON = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r\x80-\x9f\u00ad\u200b-\u200d\u2060\ufeff"
_RUNS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r\u00ad\u200b\u2060\ufeff"
_RUN_TAIL = f"(?:(?<=[{_RUNS}])\\1*+)?"
_FIND = re.compile(f"([{_ACTED_ON}]){_RUN_TAIL}")
_FIND_DEFER_C1 = re.compile(
    f"([{_ACTED_ON}])"
    "(?<![^\x00-\x7f][\x80-\x9f])"  # not a C1 control after a non-ASCII character
    "(?:(?<![\x80-\x9f])|(?![^\x00-\x7f]))"  # nor one before a non-ASCII character
    + _RUN_TAIL
)


def _removal_edits(text: str, find: re.Pattern[str]) -> list[Edit]:
    """The edits for control and invisible characters, in order.  A run of
    one removable character is one edit."""
    pending: list[Edit] = []
    append = pending.append
    n = len(text)
    for m in find.finditer(text):
        i, j = m.span()
        ch = m.group(1)
        if ch in "\u200c\u200d":
            # Between ASCII characters (Latin or Common text) no joiner is
            # needed; elsewhere its neighbours decide.
            if ((i == 0 or text[i - 1] < "\x80") and (j == n or text[j] < "\x80")) or not _keeps_joiner(text, i):
                append(Edit(i, j, "", RULE, _removed(ch)))
        elif ch == "\u00ad":
            # Soft hyphens before a line break mark a word broken there.
            k = j
            while k < n and text[k] in " \t":
                k += 1
            if (
                k < n
                and text[k] == "\n"
                and i > 0
                and text[i - 1].isalpha()
                and k + 1 < n
                and text[k + 1].isalpha()
            ):
                count = j - i
                message = (
                    "soft hyphen at line break: word joined"
                    if count == 1
                    else f"{count} soft hyphens at line break: word joined"
                )
                append(Edit(i, k + 1, "", RULE, message))
            else:
                append(Edit(i, j, "", RULE, _removed_run(ch, j - i)))
        elif ch == "\r":
            # old Mac line endings: every line
            message = "lone carriage return -> newline" if j == i + 1 else f"{j - i} lone carriage returns -> newlines"
            append(Edit(i, j, "\n" * (j - i), RULE, message))
        elif "\x80" <= ch <= "\x9f":
            fixed, message = _c1_fix(ch)
            append(Edit(i, j, fixed, RULE, message))
        elif j == i + 1:
            append(Edit(i, j, "", RULE, _removed(ch)))
        else:
            append(Edit(i, j, "", RULE, _removed_run(ch, j - i)))
    return pending


def control_edits(
    text: str, defer_c1: bool = False, facts: TextFacts | None = None
) -> Iterator[Edit]:
    """Edits for control, invisible and non-NFC characters.

    With ``defer_c1`` (set by the pipeline when the ``mojibake`` rule runs),
    a C1 control next to another non-ASCII character is left alone: it is
    most likely one byte of a mojibake sequence (``â€\x9d`` for ``”``),
    which ftfy repairs whole.

    >>> [(e.start, e.replacement, e.message) for e in control_edits("a\\u200bb")]
    [(1, '', 'zero-width space removed')]
    """
    facts = facts_of(text, facts)
    nonascii = facts.nonascii
    pending: list[Edit] = []
    if facts.c0 or (nonascii and _NONASCII_CONTROL.search(nonascii)):
        pending = _removal_edits(text, _FIND_DEFER_C1 if defer_c1 else _FIND)
    if not nonascii or not _NFC_SUSPECT.search(nonascii):
        yield from pending
        return
    # NFC runs on the text after the removals (a removed control may have
    # stood between a letter and its accent), mapped back through them.
    removed = apply_edits(text, pending) if pending else text
    nfc = list(nfc_edits(removed))
    if not nfc:
        yield from pending
    elif not pending:
        yield from nfc
    else:
        yield from compose(pending, nfc, removed)


def absorb_joiners(text: str, edit: Edit) -> Edit:
    """``edit`` widened over zero-width (non-)joiners right beside it that
    the controls rule would remove once ``edit`` is made (a joiner that
    sat by a Cyrillic letter which becomes Latin).

    >>> e = absorb_joiners("x\u200dД", Edit(2, 3, "D", "scripts"))
    >>> e.start, e.end, e.replacement
    (1, 3, 'D')
    """
    start, end = edit.start, edit.end
    joiners = "\u200c\u200d"
    left = start > 0 and text[start - 1] in joiners
    right = end < len(text) and text[end] in joiners
    if not (left or right):
        return edit  # the common case: nothing to look at
    # judge the joiners in the text as it reads after the edit
    lo = max(0, start - 2)
    after = text[lo:start] + edit.replacement + text[end : end + 2]
    offset = start - lo
    grow_left = left and not _keeps_joiner(after, offset - 1)
    grow_right = right and not _keeps_joiner(after, offset + len(edit.replacement))
    if not (grow_left or grow_right):
        return edit
    return Edit(start - grow_left, end + grow_right, edit.replacement, edit.rule, edit.message)


def nfc_edits(text: str) -> Iterator[Edit]:
    """Edits that put ``text`` in Unicode NFC, one per changed cluster.

    >>> [(e.start, e.end, e.replacement) for e in nfc_edits("Cafe\\u0301!")]
    [(3, 5, 'é')]
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return
    for m in _NFC_UNSAFE.finditer(text):
        seg = m.group()
        fixed = unicodedata.normalize("NFC", seg)
        if fixed != seg:
            yield Edit(m.start(), m.end(), fixed, RULE, "Unicode NFC normalization")


def remove_controls(text: str) -> str:
    """Remove control and invisible characters and normalize to NFC.

    >>> remove_controls("\\ufeffso\\u00adft a\\x00b caf\\u0065\\u0301")
    'soft ab café'
    >>> remove_controls("\\x93quoted\\x94")
    '“quoted”'
    """
    return fix_with(text, control_edits)
