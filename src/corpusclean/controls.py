"""Invisible and control characters, and Unicode normalization (NFC).

* C0 controls other than tab and newline, and DEL, are removed; a lone
  carriage return (an old Mac line break) becomes a newline.
* C1 controls are almost always Windows-1252 bytes decoded as Latin-1; ftfy's
  :func:`ftfy.fixes.fix_c1_controls` turns them into the characters meant.
* Byte-order marks, zero-width spaces and word joiners are removed.  Zero-width
  (non-)joiners are removed only in Latin or Common text: in emoji sequences
  and in scripts such as Arabic, Persian or Devanagari they carry meaning.
* Soft hyphens are removed; one that ends a line joins the word it split.
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

_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\r\x80-\x9f\u00ad\u200b-\u200d\u2060\ufeff]"
)

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


def _name(ch: str) -> str:
    return _NAMES.get(ch) or f"control character U+{ord(ch):04X}"


@lru_cache(maxsize=None)
def _removed(ch: str) -> str:
    """The message of a removal (cached: text may hold very many)."""
    return f"{_name(ch)} removed"


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
    if not facts.c0 and (not nonascii or not _NONASCII_CONTROL.search(nonascii)):
        matches = []
    else:
        matches = list(_CONTROL.finditer(text))
    pending: list[Edit] = []
    skip_to = -1
    for m in matches:
        i = m.start()
        if i < skip_to:
            continue
        ch = m.group()
        if ch == "\r":
            # a run of them is one edit (old Mac line endings: every line)
            j = i + 1
            while j < len(text) and text[j] == "\r":
                j += 1
            message = "lone carriage return -> newline" if j == i + 1 else f"{j - i} lone carriage returns -> newlines"
            pending.append(Edit(i, j, "\n" * (j - i), RULE, message))
            skip_to = j
        elif "\x80" <= ch <= "\x9f":
            if defer_c1 and (
                (i > 0 and not text[i - 1].isascii())
                or (i + 1 < len(text) and not text[i + 1].isascii())
            ):
                continue
            fixed = fix_c1_controls(ch)
            if fixed != ch:
                pending.append(Edit(i, i + 1, fixed, RULE, f"C1 control U+{ord(ch):04X} -> {fixed!r} (Windows-1252)"))
            else:
                pending.append(Edit(i, i + 1, "", RULE, _removed(ch)))
        elif ch == "\u00ad":
            # A soft hyphen before a line break marks a word broken there.
            j = i + 1
            n = len(text)
            while j < n and text[j] in " \t":
                j += 1
            if (
                j < n
                and text[j] == "\n"
                and i > 0
                and text[i - 1].isalpha()
                and j + 1 < n
                and text[j + 1].isalpha()
            ):
                pending.append(Edit(i, j + 1, "", RULE, "soft hyphen at line break: word joined"))
                skip_to = j + 1
            else:
                pending.append(Edit(i, i + 1, "", RULE, "soft hyphen removed"))
        elif ch in "\u200c\u200d" and _keeps_joiner(text, i):
            continue
        else:
            pending.append(Edit(i, i + 1, "", RULE, _removed(ch)))
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
