"""What the layout rules share: blocks, lines and what kind of text they hold.

Extracted print and PDF text is a sequence of *blocks* separated by blank
lines; a block holds one or more lines.  The layout rules (furniture,
captions, hyphenation, paragraphs, overlaps) all ask the same questions of
blocks and lines: does this paragraph end a sentence?  does the next one
continue it?  is this line a photo credit, a caption, a heading, a speaker's
turn?  The answers live here, so that every rule gives the same answer.

Patterns that are data (agencies, lead-ins, jump-line forms, speaker labels)
come from the rule packs of the config (see :mod:`corpusclean.packs`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from .config import Config
from .protect import code_blocks

__all__ = [
    "Unit",
    "Layout",
    "UnitMemo",
    "Patterns",
    "patterns_for",
    "split_units",
    "unit_lines",
    "ends_sentence",
    "starts_lower",
    "last_word",
    "first_word",
    "words",
    "is_all_caps",
    "is_heading_like",
    "is_body",
    "FUNCTION_WORDS",
]


class Unit(NamedTuple):
    """A paragraph-sized piece of text: a block (lines between blank lines)
    of one line, a line of a block that holds a line per paragraph, or a
    hard-wrapped block (``wrapped``)."""

    start: int
    end: int
    first_end: int  # end of the unit's first line
    wrapped: bool


# A blank line or more: a newline, blank lines, and the next line's indent.
_SEPARATOR = re.compile(r"(\n[ \t\u00a0]*\n[ \t\u00a0\n]*)")


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


_new_tuple = tuple.__new__


def split_units(
    text: str,
    blocks_seen: dict[str, tuple[int, list[Unit]]] | None = None,
    code: Sequence[tuple[int, int]] = (),
) -> list[Unit]:
    """The units of ``text``, in order.  Each code block of ``code`` (see
    :func:`corpusclean.protect.code_blocks`) is one unit, blank lines and
    all.

    >>> t = "Run:\\n```\\nls\\n\\ncd\\n```\\nDone."
    >>> [t[u.start:u.end] for u in split_units(t, code=code_blocks(t))]
    ['Run:', '```\\nls\\n\\ncd\\n```', 'Done.']
    """
    if not code:
        return _split_units(text, blocks_seen)
    units: list[Unit] = []
    pos = 0
    for a, b in code:
        units.extend(_shifted(_split_units(text[pos:a], blocks_seen), pos))
        start = a + len(text[a:b]) - len(text[a:b].lstrip())
        first_end = text.find("\n", start, b)
        units.append(Unit(start, b, b if first_end < 0 else first_end, False))
        pos = b
    units.extend(_shifted(_split_units(text[pos:], blocks_seen), pos))
    return units


def _shifted(units: list[Unit], d: int) -> list[Unit]:
    return [_new_tuple(Unit, (u[0] + d, u[1] + d, u[2] + d, u[3])) for u in units] if d else units


def _split_units(text: str, blocks_seen: dict[str, tuple[int, list[Unit]]] | None = None) -> list[Unit]:
    """The units of ``text`` without code blocks, in order.

    Splitting at blank lines runs in C; the common case, a block of one
    line, becomes a unit without a Python-level loop.  ``blocks_seen``
    remembers the units of each block of several lines, for splitting the
    next version of the same document (see :class:`UnitMemo`).

    >>> t = "Title\\n\\nOne line.\\n\\n\\nwrapped text that goes on and on over\\nthe next line and on.\\n"
    >>> [(t[u.start:u.end], u.wrapped) for u in _split_units(t)]
    [('Title', False), ('One line.', False), ('wrapped text that goes on and on over\\nthe next line and on.', True)]
    """
    parts = _SEPARATOR.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    blocks = parts[0::2]
    starts = offsets[0::2]
    # Blocks of one line become units in list comprehensions (the common
    # case); the few blocks of several lines are looked at one by one.
    multi = [k for k, b in enumerate(blocks) if "\n" in b]
    if not multi:
        return _single_line_units(starts, blocks)
    units: list[Unit] = []
    prev = 0
    lined: list[tuple[int, int]] = []  # blocks of lines, none wrapped: their units
    wrapped: list[Unit] = []
    for k in multi:
        if k > prev:
            units.extend(_single_line_units(starts[prev:k], blocks[prev:k]))
        prev = k + 1
        s, b = starts[k], blocks[k]
        first = len(units)
        if blocks_seen is None:
            _block_units(text, s, b, units)
        else:
            seen = blocks_seen.get(b)
            if seen is None:
                found: list[Unit] = []
                _block_units(text, s, b, found)
                blocks_seen[b] = (s, found)
                units.extend(found)
            elif seen[0] == s:
                units.extend(seen[1])
            else:
                d = s - seen[0]
                units.extend([_new_tuple(Unit, (u[0] + d, u[1] + d, u[2] + d, u[3])) for u in seen[1]])
        if len(units) == first:
            continue
        if units[-1].wrapped:
            wrapped.append(units[-1])
        elif 2 <= len(units) - first <= MAX_LINES_WIDTH_ONLY:
            lined.append((first, len(units)))
    if prev < len(blocks):
        units.extend(_single_line_units(starts[prev:], blocks[prev:]))
    if lined and len(wrapped) >= MIN_WRAPPED_FOR_WIDTH:
        _wrap_at_document_width(text, units, lined, document_width(text, wrapped))
    return units


#: A block of this many lines or fewer, not judged wrapped on its own, may be
#: judged wrapped by the width of the document's wrapped paragraphs.
MAX_LINES_WIDTH_ONLY = 4
#: Wrapped paragraphs a document needs for its width to count, and how many
#: of them are measured (the first ones: enough for a median).
MIN_WRAPPED_FOR_WIDTH = 3
MAX_WRAPPED_FOR_WIDTH = 25


def document_width(text: str, wrapped: Sequence[Unit]) -> int | None:
    """The width the hard-wrapped paragraphs ``wrapped`` of a document are
    wrapped at (the median of theirs), when there are a few of them and
    they agree."""
    widths = []
    for u in wrapped[:MAX_WRAPPED_FOR_WIDTH]:
        lines = text[u.start : u.end].split("\n")
        if len(lines) >= 3:
            widths.append(wrap_width([len(line.rstrip()) for line in lines[:-1]]))
    if len(widths) < MIN_WRAPPED_FOR_WIDTH:
        return None
    widths.sort()
    middle = widths[len(widths) // 2]
    # (columns of several widths, or none: no single width to go by)
    agree = sum(1 for w in widths if abs(w - middle) <= 0.1 * middle)
    return middle if agree >= 0.6 * len(widths) else None


def _wrap_at_document_width(text: str, units: list[Unit], lined: list[tuple[int, int]], width: int | None) -> None:
    """Blocks of two to four lines that ``is_wrapped`` cannot judge (too
    few lines, a second line that opens with a name): wrapped when every
    line but the last fills the document's wrap width and stops
    mid-sentence.  The blocks are ranges of ``units``, one unit a line."""
    if width is None:
        return
    for lo, hi in reversed(lined):
        lines = [text[u.start : u.end] for u in units[lo:hi]]
        if _fills_width(lines, width):
            units[lo:hi] = [Unit(units[lo].start, units[hi - 1].end, units[lo].end, True)]


def _fills_width(lines: list[str], width: int) -> bool:
    """Are ``lines`` one paragraph wrapped at ``width``?

    >>> _fills_width(["The report lists the ten routes that carried the most riders in", "October 2025, a month after the new timetable."], 66)
    True
    >>> _fills_width(["PRESENT: Mayor Lind, Deputy Mayor Osei, Councillors Abara, Brandt,", "Cole, Dunn", "ABSENT: Councillor Feld"], 66)
    False
    >>> _fills_width(["Council Approves Ferry Budget After a Long Debate Over the Fares", "Riders Say the New Schedule Leaves Them Waiting"], 66)
    False
    """
    *body, last = [line.rstrip() for line in lines]
    if len(last.strip()) > 1.1 * width or is_heading_like(body[0]):
        return False
    for line in body:
        if not 0.85 * width <= len(line) <= 1.1 * width or ends_sentence(line) or column_gap(line):
            return False
    # (a line that opens with a label, "CHAIR:", "Q:", begins a turn)
    return not any(_LABEL_START.match(lines[k]) or opens_item(lines, k) for k in range(1, len(lines)))


_LABEL_START = re.compile(r"\s*[A-Z][A-Z0-9 .'’&-]{0,40}:(?:\s|\Z)")


#: A block of at least this many lines, ``LONG_LIST_WIDTH`` characters or
#: fewer each on average, is one unit.
LONG_LIST_LINES = 10_000
LONG_LIST_WIDTH = 6


def _block_units(text: str, s: int, b: str, units: list[Unit]) -> None:
    """Add the units of block ``b`` (several lines), which starts at ``s``."""
    if _LETTER_OR_DIGIT.search(b) is None:
        # rules, dashes, asterisks: no line of it is text any rule reads,
        # so the block is one unit (thousands of "-" lines cost one)
        _whole_block(s, b, units)
        return
    lines = b.split("\n")
    if len(lines) >= LONG_LIST_LINES and len(b) <= LONG_LIST_WIDTH * len(lines):
        # thousands of lines of a word or two each (a token per line): no
        # rule reads such a list line by line, so it is one unit, as a
        # block without letters is
        _whole_block(s, b, units)
        return
    line_starts = accumulate((len(line) + 1 for line in lines), initial=s)
    spans = [(a, a + len(line)) for a, line in zip(line_starts, lines) if line.strip()]
    if not spans:
        return
    if len(spans) == 1:
        units.append(Unit(spans[0][0], spans[0][1], spans[0][1], False))
    else:
        texts = [text[a:e] for a, e in spans]
        k = _wrapped_from(texts)
        units.extend([Unit(a, e, e, False) for a, e in spans[:k]])
        if k < len(spans):
            units.append(Unit(spans[k][0], spans[-1][1], spans[k][1], True))


# A wrapped paragraph may sit under a few short lines of the same block
# (a byline, a kicker, a headline over two lines).
MAX_LINES_OVER_WRAPPED = 3


def _wrapped_from(lines: list[str]) -> int:
    """The first line of the hard-wrapped paragraph that ends a block: 0 for
    a wrapped block, ``len(lines)`` for none.  Only short lines (ending well
    before the wrap width) may stand over it.

    >>> _wrapped_from(["BY ANA RUIZ", "The trail starts at the lake and climbs", "past a meadow, then turns north at the", "ridge."])
    1
    >>> _wrapped_from(["Roses are red,", "Violets are blue,", "Sugar is sweet"])
    3
    """
    if is_wrapped(lines):
        return 0
    n = len(lines)
    if n < 4 or sum(1 for line in lines if starts_lower(line)) < 0.4 * (n - MAX_LINES_OVER_WRAPPED - 1):
        return n  # too few lines go on in lowercase for a wrapped paragraph
    for k in range(1, min(MAX_LINES_OVER_WRAPPED, n - 3) + 1):
        width = wrap_width([len(line.rstrip()) for line in lines[k:-1]])
        if len(lines[k - 1].rstrip()) > 0.75 * width:
            break
        if is_wrapped(lines[k:]):
            return k
    return n


def _whole_block(s: int, b: str, units: list[Unit]) -> None:
    """Add block ``b`` (at ``s``), without its outer whitespace, as one unit."""
    first = len(b) - len(b.lstrip())
    last = len(b.rstrip())
    if last > first:
        units.append(Unit(s + first, s + last, s + last, False))


def _single_line_units(starts: Sequence[int], blocks: Sequence[str]) -> list[Unit]:
    # (tuple.__new__ makes the named tuples without a Python-level call:
    # a text has thousands of units and is split after each layout rule)
    return [
        _new_tuple(Unit, (s, s + n, s + n, False))
        for s, n, b in zip(starts, map(len, blocks), blocks)
        if n and not b.isspace()
    ]


def unit_lines(text: str, unit: Unit) -> list[tuple[int, int]]:
    """(start, end) of the non-blank lines of a unit."""
    out = []
    pos = unit.start
    for line in text[unit.start : unit.end].split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


# -- words and sentences ------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLOSERS = "\"'”’»)]}*_"
_OPENERS = "\"'“‘«([{*_¿¡"
_FINAL = frozenset(".!?…:")
_DASHES = frozenset("—–")

# Words after which a noun phrase must go on, and capitalised articles that
# cannot follow them ("of the" / "The ..." are two pieces of text).
_DETERMINERS = frozenset("a an the this these those its his her their our my your".split())
_ARTICLES = frozenset(("The", "A", "An"))

#: English words that cannot end a sentence: a paragraph ending in one is
#: broken even when the next one starts with a capital.
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for with from into onto upon about against between
    through during without within under over after before since until toward towards
    among amid across along around beyond despite via per versus than and or but nor
    because although though while whereas if unless whether that which whose whom
    his her its their our my your this these those such every each either neither
    both any some no not very more most less least also as so yet""".split()
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def last_word(text: str) -> str:
    """The last word of ``text`` ('' if none).

    >>> last_word("waited for just 10")
    '10'
    """
    ws = _WORD.findall(text[-80:])
    return ws[-1] if ws else ""


def first_word(text: str) -> str:
    ws = _WORD.findall(text[:80])
    return ws[0] if ws else ""


def ends_sentence(text: str) -> bool:
    """Does ``text`` end a sentence (or a clause that may close a paragraph)?

    >>> ends_sentence('He said, "Enough."'), ends_sentence("thousands upon")
    (True, False)
    >>> ends_sentence("the last word —"), ends_sentence("he said,")
    (True, False)
    """
    t = u = text.rstrip()
    while u and u[-1] in _CLOSERS:
        u = u[:-1].rstrip()
    if not u or u[-1] in _FINAL or u[-1] in _DASHES:
        return True
    # an emoticon or an emoji closes a post (an emoticon's last two
    # characters are in these sets; an emoji lies above U+2600)
    return (t[-1] in _EMOTICON_LAST and t[-2:-1] in _EMOTICON_PENULT or t[-1] >= "\u2600") and _ends_emoticon(t)


#: Emoticons that close a post or a message as a full stop would.
_EMOTICONS = frozenset(
    r""":) :-) :( :-( ;) ;-) :D :-D :P :-P :p :-p :/ :-/ :'( :O :o :| :-| xD XD <3 ^^ ^_^ T_T""".split()
)
_EMOTICON_LAST = frozenset(e[-1] for e in _EMOTICONS) | {"¯"}  # (and a shrug: ¯\_(ツ)_/¯)
_EMOTICON_PENULT = frozenset(e[-2] for e in _EMOTICONS) | {"/"}


def _ends_emoticon(t: str) -> bool:
    r"""Does ``t`` (stripped) end with an emoticon or an emoji?

    >>> _ends_emoticon("they won't have done anything yet :-("), _ends_emoticon("so that was a waste 😅")
    (True, True)
    >>> _ends_emoticon(r"no idea ¯\_(ツ)_/¯"), _ends_emoticon("the help"), _ends_emoticon("a man (")
    (True, False, False)
    """
    c = t.rstrip("\ufe0f\u200d")[-1:]
    if c and ("\u2600" <= c <= "\u27bf" or "\U0001f000" <= c <= "\U0001faff"):
        return True
    last = t[-16:].rsplit(None, 1)[-1]
    return last in _EMOTICONS or last.endswith("/¯")


def ends_with_dash(text: str) -> bool:
    """Does ``text`` stop on an em or en dash (an interruption)?"""
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in _DASHES


def ends_with_hyphen(text: str) -> bool:
    """A word broken at the end: a letter right before a final hyphen."""
    t = text.rstrip()
    return len(t) >= 2 and t[-1] == "-" and t[-2].isalpha()


_FIGURE = re.compile(r"[$£€¥]?\d")


def starts_figure(text: str) -> bool:
    """Does ``text`` start with a number or an amount?

    >>> starts_figure("75 days"), starts_figure("$7.5 million"), starts_figure("May 5")
    (True, True, False)
    """
    return _FIGURE.match(text.lstrip()) is not None


def starts_lower(text: str) -> bool:
    """Does ``text`` start (after opening quotes) with a lowercase letter?

    >>> starts_lower("days, in a rail yard"), starts_lower('"warm," she said')
    (True, True)
    >>> starts_lower("Mr. Trump")
    False
    """
    t = text.lstrip()
    first = t[:1]
    if first not in _OPENERS or not first:  # (the common case: no quote)
        return first.islower()
    i = 1
    while i < len(t) and t[i] in _OPENERS:
        i += 1
    return i < len(t) and t[i].islower()


def starts_upper(text: str) -> bool:
    t = text.lstrip()
    i = 0
    while i < len(t) and t[i] in _OPENERS:
        i += 1
    return i < len(t) and t[i].isupper()


def is_all_caps(text: str) -> bool:
    """Letters present and none lowercase.

    >>> is_all_caps("TYLER HICKS/THE NEW YORK TIMES"), is_all_caps("U.S.")
    (True, True)
    """
    return text.isupper()


def is_heading_like(text: str) -> bool:
    """A short line without a closing stop: a heading, label or title.

    >>> is_heading_like("The Transition"), is_heading_like("PART 1")
    (True, True)
    >>> is_heading_like("thousands upon")
    False
    """
    if len(text) > 160:
        return False
    ws = words(text)
    if not ws or len(ws) > 12:
        return False
    if ends_sentence(text) and not text.rstrip().endswith(":"):
        return False
    if ws[-1].lower() in FUNCTION_WORDS:
        return False  # it stops on "the": prose
    # every word capitalised (or a number), but for little words
    caps = 0
    for w in ws:
        if w[0].isupper() or w[0].isdigit():
            caps += 1
        elif w.lower() not in FUNCTION_WORDS:
            return False
    # (last, as it costs most: a sentence that ends inside it makes it prose)
    return caps >= 1 and not sentence_count(text)


# Body-ness is judged on the start of a text: enough to tell prose from a
# list of names, and stable when more text is joined on at the end.
_BODY_PREFIX = 240
_PUNCT_STRIP = "\"'“‘”’([{«»)]}*_—–-.,;:!?…"


# A word that starts with a lowercase letter (after opening quotes).
_ASCII_LOWER_WORD = re.compile(r"(?<!\S)[\"'(\[]?[a-z]")


def is_body(text: str, min_words: int = 8) -> bool:
    """Running prose: enough words, mostly lowercase, not shouted.

    >>> is_body("Day after day, then, thousands upon thousands of shells waited.")
    True
    >>> is_body("Lloyd J. Austin III, Joseph R. Biden Jr., Keith Kellogg")
    False
    """
    head = text[:_BODY_PREFIX]
    n = len(head.split())
    if n < min_words:
        return False
    if head.isascii():
        lower = len(_ASCII_LOWER_WORD.findall(head))
    else:
        lower = sum(
            1 for t in head.split() if t[:1].islower() or (t[:1] in _OPENERS and t[1:2].islower())
        )
    return lower * 3 >= n


def word_count(text: str) -> int:
    """Whitespace-separated tokens in ``text`` (a fast word count)."""
    return len(text.split())


# -- patterns from the rule packs ---------------------------------------------


@dataclass(frozen=True)
class Patterns:
    """Compiled rule-pack patterns (whole-line matches)."""

    jump_line: re.Pattern[str] | None
    jump_target: re.Pattern[str] | None
    running_head: re.Pattern[str] | None
    folio: re.Pattern[str] | None
    masthead: re.Pattern[str] | None
    credit: re.Pattern[str] | None
    agencies: frozenset[str]
    photo_agencies: frozenset[str]
    agency_suffix: re.Pattern[str] | None
    institution: re.Pattern[str] | None
    institution_words: frozenset[str]  # the words institutions end with or open with
    lead_in: re.Pattern[str] | None
    lead_in_words: frozenset[str]
    lead_in_prefixes: tuple[str, ...]
    tagline: re.Pattern[str] | None
    source_line: re.Pattern[str] | None
    figure_caption: re.Pattern[str] | None
    speaker: re.Pattern[str] | None
    entry_head: re.Pattern[str] | None
    residue: re.Pattern[str] | None
    post_header: re.Pattern[str] | None


_LEADING_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


def _scoped(pattern: str) -> str:
    """``(?i)abc`` -> ``(?i:abc)``, so patterns can be joined into one."""
    m = _LEADING_FLAGS.match(pattern)
    if m:
        return f"(?{m.group(1)}:{pattern[m.end():]})"
    return f"(?:{pattern})"


def _union(patterns: Sequence[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("(?:" + "|".join(_scoped(p) for p in patterns) + r")\Z")


@lru_cache(maxsize=16)
def _compile(values: tuple[tuple[str, tuple[str, ...]], ...]) -> Patterns:
    v = dict(values)
    agencies = frozenset(a.upper() for a in v.get("captions.agencies", ()))
    agency_alt = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True))
    bodies = sorted({b.upper() for b in v.get("captions.institutions", ())}, key=len, reverse=True)
    lead_ins = v.get("captions.lead_ins", ())
    lead = (
        re.compile(
            "(?:" + "|".join(re.escape(x) for x in sorted(lead_ins, key=len, reverse=True)) + r"),\s"
        )
        if lead_ins
        else None
    )
    speakers = v.get("transcripts.speaker_labels", ())
    heads = v.get("entries.heads", ())
    return Patterns(
        jump_line=_union(v.get("furniture.jump_lines", ())),
        jump_target=_union(v.get("furniture.jump_targets", ())),
        running_head=_union(v.get("furniture.running_heads", ())),
        folio=_union(v.get("furniture.folios", ())),
        masthead=_union(v.get("furniture.masthead", ())),
        credit=_union(v.get("captions.credit_patterns", ())),
        agencies=agencies,
        photo_agencies=frozenset(v.get("captions.photo_agencies", ())),
        agency_suffix=(
            re.compile(r"(?:^|[/—–\-\s])(?:" + agency_alt + r")\Z") if agency_alt else None
        ),
        institution_words=frozenset(w for b in bodies for w in (b.split()[0], b.split()[-1])),
        institution=(
            re.compile(r"(?:^|\s)(?:{0})\Z|^(?:THE )?(?:{0}) OF ".format("|".join(re.escape(b) for b in bodies)))
            if bodies
            else None
        ),
        lead_in=lead,
        lead_in_words=frozenset(x.split()[0] for x in lead_ins if x.split()),
        lead_in_prefixes=tuple(f"{x}," for x in lead_ins),
        tagline=_union(v.get("captions.taglines", ())),
        source_line=_union(v.get("captions.source_lines", ())),
        figure_caption=_union(v.get("captions.figure_captions", ())),
        speaker=(
            re.compile("(?:" + "|".join(_scoped(p) for p in speakers) + r")(?=\s)")
            if speakers
            else None
        ),
        entry_head=(
            re.compile("(?:" + "|".join(_scoped(p) for p in heads) + r")(?=\s|\Z)") if heads else None
        ),
        residue=_union(v.get("web.residue", ())),
        post_header=_union(v.get("web.post_headers", ())),
    )


def patterns_for(config: Config) -> Patterns:
    """The compiled patterns of a config's rule packs (compiled once)."""
    keys = (
        "furniture.jump_lines", "furniture.jump_targets", "furniture.running_heads",
        "furniture.folios", "furniture.masthead", "captions.agencies", "captions.photo_agencies",
        "captions.institutions",
        "captions.lead_ins",
        "captions.credit_patterns", "captions.taglines", "captions.source_lines",
        "captions.figure_captions",
        "transcripts.speaker_labels", "entries.heads", "web.residue", "web.post_headers",
    )
    return _compile(tuple((k, config.pack(k)) for k in keys))


def full(pattern: re.Pattern[str] | None, line: str) -> bool:
    """Does ``pattern`` match the whole (stripped) line?"""
    return pattern is not None and pattern.match(line.strip()) is not None


# -- kinds of lines -------------------------------------------------------------

_CREDIT_PUNCT = frozenset(" .,'’/&-—–()")


def _credit_chars(s: str) -> bool:
    return all(c.isupper() or c.isdigit() or c in _CREDIT_PUNCT for c in s)


def is_credit(line: str, pats: Patterns) -> bool:
    """A photo credit: an all-caps line naming a photographer and/or agency.

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> is_credit("PAVEL NOWAK/ASSOCIATED PRESS", p), is_credit("JONAS AHLBERG FOR THE RIVERTON LEDGER", p)
    (True, True)
    >>> is_credit("JONAS AHLBERG | THE RIVERTON LEDGER", p), is_credit("Getty Images", p)
    (True, True)
    >>> is_credit("THE RECKONING", p), is_credit("PART 1", p), is_credit("| Name | Score |", p)
    (False, False, False)
    """
    s = line.strip()
    if not s or len(s) > 120:
        return False
    if full(pats.credit, s) or s in pats.photo_agencies:
        return True
    if "|" in s or "/" in s and not is_all_caps(s):
        return is_name_and_outlet(s, pats)
    if not is_all_caps(s) or not _credit_chars(s):
        return False
    if "/" in s:
        left, _, right = s.partition("/")
        return len(words(left)) >= 2 and bool(words(right))
    if s.upper() in pats.agencies:
        return True
    if pats.agency_suffix is not None and pats.agency_suffix.search(s):
        return len(words(s)) >= 2
    return False


_OUTLET_JOINERS = frozenset(("of", "and", "&", "-"))


def is_name_and_outlet(line: str, pats: Patterns) -> bool:
    """A credit of two parts split by one pipe, or by a slash in mixed case:
    a person's name, then a known agency or a paper's name opening with
    "The" ("Ana Ruiz / The Riverton Ledger", "ANA RUIZ | REUTERS").  A table
    row, a section banner ("The Ledger | Opinion") or two names are not.

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> is_name_and_outlet("Ana Ruiz / The Riverton Ledger", p), is_name_and_outlet("ANA RUIZ | REUTERS", p)
    (True, True)
    >>> is_name_and_outlet("The Ledger | Opinion", p), is_name_and_outlet("Ana Ruiz / Bo Park", p)
    (False, False)
    """
    sep = "|" if "|" in line else "/"
    left, _, right = line.partition(sep)
    name, outlet = left.split(), right.split()
    if sep in right or not 2 <= len(name) <= 5 or not 1 <= len(outlet) <= 7 or name[0].upper() == "THE":
        return False
    if not all(_NAME.fullmatch(w) for w in name):
        return False
    whole = " ".join(outlet).upper()
    if whole in pats.agencies or pats.agency_suffix is not None and pats.agency_suffix.search(whole):
        return True
    return outlet[0].upper() == "THE" and len(outlet) >= 2 and all(
        _NAME.fullmatch(w) or w in _OUTLET_JOINERS for w in outlet[1:]
    )


_NAME_FOR_OUTLET = re.compile(
    r"[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]*){1,2} for (?:[Tt]he )?[A-Z][\w'’.&\-]*(?: [A-Z][\w'’.&\-]*){0,3}\Z"
)


def is_name_for_outlet(line: str) -> bool:
    """A credit in mixed case, a photographer's name and the publication
    the picture was taken for ("Ana Ruiz for The Ledger").  A headline can
    read the same ("Better Homes for Young Families"), so it is a credit
    only over a one-sentence caption in the same block (see
    :meth:`Layout.is_caption_sentence`).

    >>> is_name_for_outlet("Ana Ruiz for Harbourview"), is_name_for_outlet("Ana M. Ruiz for The Ledger")
    (True, True)
    >>> is_name_for_outlet("Votes for Women"), is_name_for_outlet("A Plan for the Harbour and the Town")
    (False, False)
    """
    s = line.strip()
    return len(s) <= 80 and " for " in s and _NAME_FOR_OUTLET.match(s) is not None


def is_institution(line: str, pats: Patterns) -> bool:
    """An all-caps line of two to six words naming a body that hands out its
    own photographs ("RUSSIAN DEFENSE MINISTRY", "MINISTRY OF DEFENSE"): a credit when a verbless
    caption stands under it (:meth:`Layout.is_caption_sentence`), a heading
    otherwise.

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> is_institution("NATIONAL PARK SERVICE", p), is_institution("LIBRARY OF CONGRESS", p)
    (True, True)
    >>> is_institution("MINISTRY", p), is_institution("PART 5 THE MINISTRY", p), is_institution("THE RECKONING", p)
    (False, False, False)
    """
    s = line.strip()
    if pats.institution is None or len(s) > 80:
        return False
    ws = s.split()
    if not 2 <= len(ws) <= 6:
        return False
    known = pats.institution_words
    if ws[-1] not in known and ws[0] not in known and ws[1] not in known:
        return False  # (a quick look first: most lines name no institution)
    return (
        is_all_caps(s)
        and _credit_chars(s)
        and not any(c.isdigit() for c in s)
        and pats.institution.search(s) is not None
    )


# A finite verb, by its commonest English forms: auxiliaries, "says", "said",
# "-n't", and a whole word in "-ed" ("U.S.-produced" is not one) that does not
# follow a determiner or preposition ("the flooded quay" is an adjective).
_FINITE = re.compile(
    r"(?<![\w.'’-])(?:am|is|are|was|were|has|have|had|do|does|did|says|said|will|would|can|could"
    r"|may|might|must|should|shall|[a-z]+n[’']t|([a-z]{2,}ed))(?![\w'’-])"
)
_BEFORE_ADJECTIVE = frozenset(
    "a an the this that these those its his her their our my your of in on at by with from near "
    "and newly recently partly heavily badly".split()
)


def has_finite_verb(text: str) -> bool:
    """Does an English sentence hold a finite verb?  A photo caption often has
    none ("Soldiers near the border in 2024."); a sentence of a story has one.

    >>> has_finite_verb("The remains of a U.S.-produced missile in the Kursk region in 2024.")
    False
    >>> has_finite_verb("A flooded street in the old town after the storm.")
    False
    >>> has_finite_verb("The ministry released the photograph on Monday.")
    True
    """
    for m in _FINITE.finditer(text):
        if m.group(1) is None:
            return True
        before = text[max(0, m.start() - 20) : m.start()].split()
        if not before or before[-1].lower() not in _BEFORE_ADJECTIVE:
            return True
    return False


def is_lead_in_caption(line: str, pats: Patterns) -> bool:
    """A caption that opens with a position word: "Far left, ...", "Above, ..."."""
    return pats.lead_in is not None and pats.lead_in.match(line.lstrip()) is not None


def is_speaker_turn(line: str, pats: Patterns) -> bool:
    """A transcript turn: "Q: ...", "FK: ...", "MODERATOR: ...", or the
    header of a post in a thread ("**ana_b** replied", "ana_b wrote:").

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> is_speaker_turn("**tom_k** replied", p), is_speaker_turn("tom_k wrote:", p)
    (True, True)
    >>> is_speaker_turn("then she said: no more", p), is_speaker_turn("he said:", p)
    (False, False)
    """
    if pats.speaker is not None and pats.speaker.match(line.lstrip()) is not None:
        return True
    # (a post's header is a line of its own)
    return pats.post_header is not None and len(line) <= 150 and pats.post_header.fullmatch(line.strip()) is not None


def opens_entry(line: str, pats: Patterns) -> bool:
    """Does ``line`` open a glossary or dictionary entry: a headword, a
    comma and a part of speech (the ``entries.heads`` patterns)?

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> opens_entry("QUILLET, n. A subtle distinction.", p), opens_entry("Marrow-fat, a. Rich.", p)
    (True, True)
    >>> opens_entry("Halvorsen, a farmer, said so.", p), opens_entry("on wires, n. b.", p)
    (False, False)
    """
    t = line.lstrip()
    return pats.entry_head is not None and t[:1].isupper() and pats.entry_head.match(t) is not None


def runs_on_entry(above: str, line: str, pats: Patterns) -> bool:
    """Does ``line`` go on with a run-on entry that ``above`` opens at its
    end, its headword after a stop and its part of speech on ``line``?

    >>> from corpusclean import Config
    >>> p = patterns_for(Config())
    >>> runs_on_entry("nimble; quick. Quill-driver,", "n. A clerk.", p)
    True
    >>> runs_on_entry("The forms went to Marta,", "a. the treasurer", p)
    False
    """
    above = above.rstrip()
    if not above.endswith(","):
        return False
    ws = above[-60:].split()
    if len(ws) >= 2 and ws[-2][-1:] not in (".", ";"):
        return False  # a word of a sentence ("went to Marta,"), not a headword
    return opens_entry(ws[-1] + " " + line.lstrip(), pats)


_BYLINE = re.compile(
    r"B[yY]\s+(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*"
    r"(?:(?:,\s+|,?\s+and\s+)(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)*\s*\Z"
)
# A dateline that opens a story's first paragraph: "CORRAN SOUND — ",
# "RIVERTON, Ore. — ", "KYIV (Reuters) -- ".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})?"
    r"(?: \([A-Za-z .]{1,20}\))?\s?(?:[—–-]|--)\s"
)


def is_byline(line: str) -> bool:
    """A byline: "By ANA RUIZ", "By Ana Ruiz and Bo Park".  It opens a story,
    so it never sits inside a broken paragraph.

    >>> is_byline("By MARTA OKONKWO"), is_byline("BY ANA RUIZ"), is_byline("By Ana Ruiz, Bo Park and Cy Diaz")
    (True, True, True)
    >>> is_byline("By the time the crews arrived")
    False
    """
    return len(line) <= 120 and _BYLINE.match(line.strip()) is not None


def starts_dateline(line: str) -> bool:
    """Does a paragraph open with a dateline ("RIVERTON, Ore. — ")?  It is the
    first paragraph of a story, never the continuation of another.

    >>> starts_dateline("CASTEL VERDE, Italy — The river rose again.")
    True
    >>> starts_dateline("KYIV (Reuters) -- Talks resumed."), starts_dateline("NASA said on Monday — again")
    (True, False)
    """
    return line[:2].isupper() and _DATELINE.match(line) is not None


_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–]\s|\d{1,3}[.)]\s|[a-z][.)]\s|\(\w{1,3}\)\s)")


def is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


_NUMBERED = re.compile(r"\s*(\d{1,3})[.)]\s")


def opens_item(lines: Sequence[str], k: int) -> bool:
    """Does line ``k`` of a block open a list item?  A number and a period
    that end a sentence the line above left open ("... Id. at" / "427.
    Before today ...") do not, unless the item numbered one less stands
    above it in the block; an item numbered 1 always does.

    >>> opens_item(["The claim fails as a matter of law. Id. at", "427. Before today, no court"], 1)
    False
    >>> opens_item(["1. Buy milk", "2. Collect the keys from"], 1), opens_item(["1. Buy milk at", "2. Call"], 1)
    (True, True)
    """
    line = lines[k]
    if not is_list_item(line):
        return False
    m = _NUMBERED.match(line)
    if m is None or k == 0:
        return True
    n = int(m.group(1))
    above = lines[k - 1].rstrip()
    if n <= 1 or not above[-1:].isalpha() or ends_sentence(above):
        return True
    for prev in lines[:k]:
        p = _NUMBERED.match(prev)
        if p is not None and int(p.group(1)) == n - 1:
            return True
    return False


_NAME = re.compile(r"(?:[A-Z][\w'’.\-]*\.?|[A-Z]\.|(?:de|van|von|der|da|di|bin|al|la|le)\b)(?:\s+|$)")


def is_name_list(line: str) -> bool:
    """A list of names, as in a graphic: "Ann Lee, Bo Park, Cy Diaz".

    >>> is_name_list("Lloyd J. Austin III, Joseph R. Biden Jr., Keith Kellogg, Jared Kushner")
    True
    >>> is_name_list("Mr. Trump's pick for national security adviser, Michael Waltz, told")
    False
    """
    s = line.strip()
    if not s or ends_sentence(s) and not s.endswith("."):
        return False
    items = [i.strip() for i in s.split(",")]
    if len(items) < 2:
        return False
    for item in items:
        ws = item.split()
        if not 1 <= len(ws) <= 5:
            return False
        if not all(w[0].isupper() or w.lower() in ("de", "van", "von", "der", "da", "di", "bin", "al", "jr.", "sr.") for w in ws):
            return False
    return True


def short_label(line: str, max_words: int = 6) -> bool:
    """A short label of a graphic or map: "U.S.", "Russia", "North"."""
    s = line.strip()
    ws = words(s)
    return 0 < len(ws) <= max_words and (is_heading_like(s) or is_all_caps(s) or len(ws) <= 2)


# -- the reflow engine: which paragraph continues which -------------------------

#: Kinds of blocks that may sit inside a broken paragraph and leave it.
INTERLOPER_KINDS = frozenset({"credit", "caption", "graphic", "label", "source", "tagline"})

# An index entry or teaser ends with its page: "... PAGE 8".
_PAGE_REF = re.compile(r"(?i)\bpages? [A-Z]?\d{1,4}[A-Z]?\s*\Z")
_REFER = re.compile(r"[A-Z][A-Z'’\-]{2,}(?: [A-Z][A-Z'’\-]{2,}){0,3} [A-Z][a-z]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?:\s|$)")

# How far past an open paragraph to look for its continuation.
MAX_GAP_BLOCKS = 16
MAX_GAP_CHARS = 4000


_ABBREVIATIONS = frozenset(
    """mr mrs ms dr jr sr st gen gov sen rep lt col capt sgt maj adm cmdr pres prof rev
    no vol inc corp co ltd dept univ fig eg ie vs etc jan feb mar apr jun jul aug sep
    sept oct nov dec mt ft ave blvd""".split()
)


# Titles written without a stop in British English ("Dr Ana Ruiz").
_HONORIFICS = frozenset("mr mrs ms dr prof sir dame lord lady rev revd cllr capt col gen sgt lt".split())


def sentence_count(text: str) -> int:
    """Sentences in ``text``, not counting initials and abbreviations.

    >>> sentence_count("President Joseph R. Biden Jr. with Donald J. Trump, in 2024.")
    1
    """
    count = 0
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == ".":
            before = text[max(0, m.start() - 12) : m.start()]
            word = before.rsplit(None, 1)[-1] if before.strip() else ""
            word = word.lstrip("\"'“‘(").rstrip(".")
            if (len(word) == 1 and word.isalpha()) or word.lower().replace(".", "") in _ABBREVIATIONS:
                continue
            if "." in word and all(len(part) <= 2 for part in word.split(".")):
                continue  # U.S., D.O.D.
        count += 1
    return count


@dataclass(frozen=True, slots=True)
class Link:
    """Block ``a`` (open) is continued by block ``b``; ``between`` are the
    indices of the interloping blocks."""

    a: int
    b: int
    between: tuple[int, ...]


# A hyphen at the end of a line (after a letter or not: a superset).
_LINE_END_HYPHEN = re.compile(r"-\s*(?:\n|\Z)")


def wrap_width(widths: Sequence[int]) -> int:
    """The width hard-wrapped lines were wrapped at: the longest line but
    for a word mended across a line end, which makes one line nearly two
    lines long (in a narrow column, far longer than the others).

    >>> wrap_width([38, 40, 39, 81, 40]), wrap_width([52, 55])
    (40, 55)
    """
    typical = sorted(widths)[(len(widths) - 1) // 2] * 1.5
    return max(w for w in widths if w <= typical)


def is_wrapped(lines: Sequence[str]) -> bool:
    """Are these lines one or more paragraphs hard-wrapped at a fixed width
    (PDF and OCR text), rather than a line per paragraph, item or verse?

    >>> is_wrapped(["The board met eleven times during the year. Its main",
    ...             "concern remained the embankment, which suffered damage",
    ...             "in January."])
    True
    >>> is_wrapped(["Roses are red,", "Violets are blue,", "Sugar is sweet"])
    False

    A narrow column with a word broken at a line end is still wrapped:

    >>> is_wrapped(["The path leaves the road at a gate", "and climbs past the old quar-",
    ...             "ry to a saddle, where the wind", "Sergei warned us about waits for",
    ...             "anyone who comes up late."])
    True
    """
    # Judge the lines as they will be once words broken at their ends are
    # mended, so that mending them does not change the verdict.
    # (Pieces are joined once per line: a long run of "word-" lines would
    # make repeated concatenation quadratic.)
    if _LINE_END_HYPHEN.search("\n".join(lines)):
        merged: list[str] = []
        pieces: list[str] = []
        for line in lines:
            if pieces and ends_with_hyphen(pieces[-1]) and starts_lower(line):
                pieces[-1] = pieces[-1].rstrip()[:-1]
                pieces.append(line.lstrip())
            else:
                if pieces:
                    merged.append("".join(pieces))
                pieces = [line]
        if pieces:
            merged.append("".join(pieces))
        lines = merged
    n = len(lines)
    if n < 2:
        return False
    widths = list(map(len, map(str.rstrip, lines)))
    body = widths[:-1]
    width = wrap_width(body)
    if not 15 <= width <= 160:
        return False  # no wrap width
    longer = [w for w in widths if w > width * 1.15]
    # (a line with one word mended at its end is about twice the width; the
    # last line of a paragraph, with two or three, may be longer still)
    if longer and (
        len(longer) > (0 if n < 3 else max(1, n // 4))
        or max(body) > 2.3 * width
        or widths[-1] > (3.5 if n > 3 else 2.3) * width
    ):
        return False  # lines longer than the width: not one wrapped text
    if sum(1 for w in body if w >= 0.6 * width) < 0.7 * len(body):
        return False
    lower_starts = sum(1 for line in lines[1:] if starts_lower(line))
    open_ends = sum(1 for line in lines[:-1] if not ends_sentence(line))
    return lower_starts >= 0.4 * (n - 1) and open_ends >= 0.5 * (n - 1) and not is_tabular(lines)


# A time that opens a line of a schedule: "9:00", "10.30", "7:45 pm".
_TIME_START = re.compile(r"\s*\d{1,2}[:.][0-5]\d(?=\s|\Z)")
# Characters after which two spaces are a typewriter's sentence gap, not a
# gap between columns.
_SENTENCE_GAP = frozenset(".!?:;\"'”’)")


def column_gap(line: str) -> bool:
    """Does ``line`` hold a gap between columns: three spaces or more, or
    two after anything but the end of a sentence?

    >>> column_gap("7 May   Dr. Ng  Lipids"), column_gap("It ended.  Then rain.")
    (True, False)
    """
    text = line.strip()
    i = text.find("  ")
    while i > 0:
        if text[i - 1] not in _SENTENCE_GAP or text.startswith("   ", i):
            return True
        i = text.find("  ", i + 2)
    return False


def is_tabular(lines: Sequence[str]) -> bool:
    """Are these lines rows of a table or a timetable rather than prose:
    columns aligned with runs of spaces on most of them (two thirds), or a
    time at the start of half of them?  (Justified text has a double space
    now and then, not on most lines; wrapped prose rarely starts a line with
    a time.)

    >>> is_tabular(["9:00 coffee and registration in the hall", "10:30 the keynote by the dean", "12:30 lunch"])
    True
    >>> is_tabular(["The vote was held at", "9:30 on Monday, and the council", "approved it."])
    False
    """
    n = len(lines)
    if n < 2:
        return False
    if sum(1 for line in lines if "  " in line.strip() and column_gap(line)) * 3 >= 2 * n:
        return True
    times = sum(1 for line in lines if line.lstrip()[:1].isdigit() and _TIME_START.match(line))
    return times >= 2 and times * 2 >= n


def _short_prose(text: str) -> bool:
    """A few words of running prose ("What struck me", a story's dateline
    and first word: "CORRAN SOUND — According"), not a heading."""
    dateline = _DATELINE.match(text)
    if dateline and text[dateline.end() :].strip():
        return True
    tokens = text.split()
    if not 2 <= len(tokens) <= 8 or is_all_caps(text) or is_heading_like(text):
        return False
    lower = [t for t in tokens[1:] if t[:1].islower()]
    # mostly lowercase, or a name and a verb ("The Harbor Board voted 7"):
    # a title-case heading capitalises every word but the little ones
    return len(lower) * 2 >= len(tokens) - 1 or any(t.lower() not in FUNCTION_WORDS for t in lower)


# Last characters of a unit that end it for sure: a unit ending in anything
# else is looked at (a closing quote may follow a comma).
_CLOSED_LAST = frozenset(".!?…:")


# A paragraph of this many characters or more is no headline.
_LONG_PARAGRAPH = 80


def _inside(a: int, spans: list[tuple[int, int]]) -> bool:
    """Is unit ``a`` in one of the sorted ranges ``(lo, hi]``?"""
    k = bisect_left(spans, (a,)) - 1  # the last range with lo < a
    return k >= 0 and a <= spans[k][1]


def _link_start(link: Link) -> int:
    return link.a


def _open_end(tail: str, short_ok: bool) -> bool:
    """May a paragraph ending in ``tail`` go on?  (Not when it ends a
    sentence, unless ``short_ok`` and it stops on a dash; not when it ends
    with a page reference.)"""
    if ends_sentence(tail) and not (short_ok and ends_with_dash(tail)):
        return False
    return _PAGE_REF.search(tail[-20:]) is None


def _advance(pending: Iterator[int], i: int, n: int) -> int:
    """The next candidate after ``i``."""
    for j in pending:
        if j > i:
            return j
    return n


class UnitMemo:
    """What the layout of one version of a document found about each unit
    text (its kind; whether it breaks off open) and about each block of
    several lines (its units), kept for the layouts of the next versions:
    most units come through a rule unchanged, and each of these verdicts
    depends on the unit's (or block's) own text alone.  One memo serves one
    document and one config (the pipeline makes one per repair)."""

    __slots__ = ("kinds", "opens", "blocks")

    def __init__(self) -> None:
        self.kinds: dict[tuple[int, str], str] = {}
        self.opens: dict[tuple[int, str], bool | None] = {}
        #: the units of each block of several lines (see split_units)
        self.blocks: dict[str, tuple[int, list[Unit]]] = {}


class Layout:
    """Units of a text, what kind each is, and the links between them."""

    def __init__(
        self,
        text: str,
        config: Config,
        memo: UnitMemo | None = None,
        code: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        """``memo``, when given, remembers what was found about each unit
        text across layouts of successive versions of a document (see
        :class:`UnitMemo`); share it only between layouts made with the same
        config.  ``code`` are the text's code blocks, when already found
        (see :func:`corpusclean.protect.code_blocks`)."""
        self.text = text
        self.config = config
        self._memo = memo
        self.pats = patterns_for(config)
        self.english = config.language.split("-")[0] == "en"
        if code is None:
            code = code_blocks(text)
        self.units = split_units(text, None if memo is None else memo.blocks, code)
        self._kinds: list[str | None] = [None] * len(self.units)
        #: the units that are code blocks: of kind "code", never linked
        self.code: frozenset[int] = frozenset()
        if code:
            starts = [u.start for u in self.units]
            self.code = frozenset(bisect_left(starts, a) for a, _ in code)
            for i in self.code:
                self._kinds[i] = "code"
        self._links: list[Link] | None = None

    # -- kinds --------------------------------------------------------------

    def unit_text(self, i: int) -> str:
        u = self.units[i]
        return self.text[u.start : u.end]

    def head(self, i: int, size: int = _BODY_PREFIX) -> str:
        u = self.units[i]
        return self.text[u.start : min(u.end, u.start + size)]

    def tail(self, i: int, size: int = 80) -> str:
        u = self.units[i]
        return self.text[max(u.start, u.end - size) : u.end]

    def first_line(self, i: int) -> str:
        u = self.units[i]
        return self.text[u.start : u.first_end]

    def is_byline(self, i: int) -> bool:
        """Is the first line of unit ``i`` a byline (see :func:`is_byline`)?
        (Its first letters are looked at before the pattern.)"""
        u = self.units[i]
        return (
            u.first_end - u.start <= 120
            and self.text.startswith(("By", "BY"), u.start)
            and is_byline(self.first_line(i))
        )

    def opens_lower(self, i: int) -> bool:
        """Does unit ``i`` start in lowercase (see :func:`starts_lower`)?
        (Reads its first characters only, not its whole first line.)"""
        u = self.units[i]
        return starts_lower(self.text[u.start : min(u.first_end, u.start + 20)])

    def separator(self, i: int) -> str:
        """The text between unit ``i`` and unit ``i + 1``."""
        return self.text[self.units[i].end : self.units[i + 1].start]

    def kind(self, i: int) -> str:
        k = self._kinds[i]
        if k is None:
            memo = self._memo
            if memo is None:
                k = self._kinds[i] = self._classify(i)
                return k
            key = self._key(i)
            k = memo.kinds.get(key)
            if k is None:
                k = memo.kinds[key] = self._classify(i)
            self._kinds[i] = k
        return k

    def _key(self, i: int) -> tuple[int, str]:
        """What a unit's own verdicts depend on: its text and lines."""
        u = self.units[i]
        return (u.first_end - u.start, self.text[u.start : u.end])

    def _classify(self, i: int) -> str:
        pats = self.pats
        u = self.units[i]
        length = u.end - u.start
        first = self.first_line(i).strip() if u.first_end - u.start <= 400 else self.head(i, 400)
        if (first[:1].isupper() or first[:1] == "(") and len(first) <= 120 and is_credit(first, pats):
            return "credit"
        if is_lead_in_caption(first, pats) or (len(first) <= 400 and full(pats.figure_caption, first)):
            return "caption"
        if len(first) <= 400 and full(pats.source_line, first):
            return "source"
        if is_speaker_turn(first, pats):
            return "turn"
        if is_list_item(first):
            return "list"
        if length <= 500:
            text = self.unit_text(i)
            if full(pats.tagline, " ".join(text.split())):
                return "tagline"
            if is_name_list(text):
                return "graphic"
            if length <= 160 and word_count(text) <= 12 and (is_heading_like(text) or is_all_caps(text)):
                return "label"
            if _REFER.match(first) and word_count(text) <= 60 and sentence_count(text) <= 3:
                return "caption"
        if is_body(self.head(i), min_words=5):
            return "body"
        return "other"

    def near_credit(self, i: int) -> bool:
        """Does unit ``i`` sit under a photo credit?  (Only credits above
        count: text above a credit is as often the end of a paragraph.)"""
        return i > 0 and self.kind(i - 1) == "credit"

    def is_caption_sentence(self, i: int) -> bool:
        """A photo caption: one to three sentences under a photo credit, or
        one sentence without a verb under an institution's name (see
        :func:`is_institution`).  A caption hard-wrapped over a few lines
        that are not judged a wrapped paragraph (a line opens with a
        capital) is a unit per line; each is judged with its block."""
        u = self.units[i]
        if u.end - u.start > 500 or i == 0:
            return False
        lo, hi = self._line_block(i)
        if lo < i and (self.kind(lo) == "credit" or is_name_for_outlet(self.first_line(lo))):
            lo += 1  # the credit heads the block: the caption is the lines under it
        if lo != hi:
            return self._caption_lines(lo, hi)
        above = self.kind(i - 1)
        if above == "credit":
            limit, most = 60, 3
        elif above == "label" and self.english and is_institution(self.first_line(i - 1), self.pats):
            limit, most = 30, 1
        elif above == "label" and self.same_block(i - 1) and is_name_for_outlet(self.first_line(i - 1)):
            return self.kind(i) == "body" and ends_sentence(self.tail(i)) and sentence_count(self.unit_text(i)) <= 1
        else:
            return False
        if self.kind(i) != "body" or not ends_sentence(self.tail(i)):
            return False
        text = self.unit_text(i)
        if word_count(text) > limit or sentence_count(text) > most:
            return False
        return above == "credit" or not has_finite_verb(text)

    def same_block(self, i: int) -> bool:
        """Are units ``i`` and ``i + 1`` lines of one block (no blank line)?"""
        return self.text.count("\n", self.units[i].end, self.units[i + 1].start) == 1

    def joined(self, group: Sequence[int]) -> str:
        """The text of units moved together (sorted indices): a blank line
        between them, one line end between lines of one block (a table, a
        hard-wrapped caption), as they stood."""
        parts = [self.unit_text(group[0])]
        for prev, i in zip(group, group[1:]):
            same = i == prev + 1 and self.same_block(prev)
            parts.append(("\n" if same else "\n\n") + self.unit_text(i))
        return "".join(parts)

    def _line_block(self, i: int, most: int = 4) -> tuple[int, int]:
        """The first and last unit of the block of line units around unit
        ``i``; ``(i, i)`` for a unit alone or a block of more than ``most``
        lines."""
        lo = hi = i
        while lo > 0 and self.same_block(lo - 1):
            lo -= 1
            if i - lo >= most:
                return i, i
        while hi + 1 < len(self.units) and self.same_block(hi):
            hi += 1
            if hi - lo >= most:
                return i, i
        return lo, hi

    def _caption_lines(self, lo: int, hi: int) -> bool:
        """Are units ``lo``..``hi``, the lines of one block, a caption of one
        to three sentences under a photo credit?"""
        if lo == 0 or self.kind(lo - 1) != "credit" or not ends_sentence(self.tail(hi)):
            return False
        if any(self.kind(k) not in ("body", "other", "label") for k in range(lo, hi + 1)):
            return False
        text = self.text[self.units[lo].start : self.units[hi].end]
        return len(text) <= 500 and word_count(text) <= 60 and sentence_count(text) <= 3

    def is_interloper(self, i: int) -> bool:
        """May unit ``i`` sit inside a broken paragraph?  Credits, captions,
        graphic text, and a short sentence under a credit or over one (some
        papers print the caption first)."""
        if i in self.code:
            return False
        u = self.units[i]
        if i + 1 < len(self.units) and self.same_block(i) and self.opens_lower(i + 1):
            return False  # the next line goes on with it: part of the text's flow
        if u.end - u.start <= 120 and self.text.startswith(("By", "BY"), u.start) and is_byline(self.unit_text(i)):
            return False  # the start of another story
        if u.end - u.start <= 3 and self.drop_cap(i):
            return False  # the first letter of the next paragraph
        if self.kind(i) in INTERLOPER_KINDS or self.is_caption_sentence(i):
            return True
        return (
            i + 1 < len(self.units)
            and self.kind(i + 1) == "credit"
            and u.end - u.start <= 300
            and ends_sentence(self.tail(i))
            and sentence_count(self.unit_text(i)) <= 2
        )

    def drop_cap(self, i: int) -> bool:
        """Is unit ``i`` a drop cap: a capital letter alone, the first letter
        of the paragraph after it, which goes on in lowercase ("T" / "he
        ferry leaves ...")?  Only when the letter and the next word make a
        common word, more common than that word alone ("The", "After", not
        "Amen" for "A" / "men")."""
        u = self.units[i]
        letter = self.text[u.start : u.end].rstrip()
        if len(letter) != 1 or not letter.isupper() or i + 1 == len(self.units):
            return False
        nxt = self.units[i + 1].start
        if not self.text[nxt : nxt + 1].islower() or not is_body(self.head(i + 1), min_words=5):
            return False
        rest = first_word(self.text[nxt : nxt + 40])
        from wordfreq import zipf_frequency

        lang = self.config.language
        whole = zipf_frequency((letter + rest).lower(), lang)
        return whole >= 5.0 or whole >= 3.5 and whole > zipf_frequency(rest, lang) + 1

    # -- continuation ---------------------------------------------------------

    def continues(self, a_tail: str, i: int, b_head: str | None = None) -> bool:
        """Does unit ``i`` continue a paragraph that ends with ``a_tail``?

        ``b_head`` is the start of the paragraph that unit ``i`` begins (its
        text and whatever continues it), when that is known."""
        if i in self.code:
            return False
        u = self.units[i]
        b_first = self.text[u.start : min(u.first_end, u.start + 200)]
        if is_speaker_turn(b_first, self.pats) or is_list_item(b_first) or self._next_row(i):
            return False
        if starts_lower(b_first):
            return True
        if starts_figure(b_first) and is_body(self.head(i) if b_head is None else b_head, min_words=8):
            return True  # "after a pause of nearly" / "75 days, the crews returned" ("$7.5 million")
        if not self.english:
            return False
        if not (starts_upper(b_first) or starts_figure(b_first)) or starts_dateline(b_first):
            return False
        tail = a_tail.rstrip()
        while tail and tail[-1] in _CLOSERS:
            tail = tail[:-1].rstrip()
        last = last_word(tail).lower()
        open_end = bool(tail) and tail[-1] == "," or last in FUNCTION_WORDS
        if not open_end:
            return self._name_goes_on(tail, b_first)
        if last in _DETERMINERS and b_first.split(None, 1)[0] in _ARTICLES:
            return False  # "the length of the" / "The service ...": no sentence says "the The"
        head = self.head(i) if b_head is None else b_head
        return (
            is_body(head, min_words=8)
            and not is_all_caps(b_first[:40])
            and not (self.pats.lead_in_prefixes and head.startswith(self.pats.lead_in_prefixes))
        )

    def _next_row(self, i: int) -> bool:
        """Is unit ``i`` the line under another row of the same table or
        timetable (see :func:`is_tabular`)?"""
        if i == 0 or not self.same_block(i - 1):
            return False
        text = self.text
        end = self.units[i - 1].end
        u = self.units[i]
        above = text[text.rfind("\n", 0, end) + 1 : end]
        return is_tabular([above, text[u.start : u.first_end]])

    def _name_goes_on(self, a_tail: str, b_first: str) -> bool:
        """A name broken between its parts: "led by Björn" / "Castellano, with
        ...".  The paragraph ends in a capitalised word that is not the
        start of a sentence, and the next begins with a capitalised word that
        is rare as an ordinary word, followed by a comma or a lowercase word."""
        a_words = a_tail.split()
        b_words = b_first.split()
        if len(a_words) < 2 or len(b_words) < 2:
            return False
        last, before = a_words[-1], a_words[-2]
        first, after = b_words[0], b_words[1]
        if not (last[:1].isupper() and last[1:].islower() and last.isalpha()):
            return False
        title = (
            before.endswith(".") and before[:-1].lower() in _ABBREVIATIONS
            or before[:1].isupper() and before.lower() in _HONORIFICS  # "Dr Rohan" (no stop, as in Britain)
        )
        if not (title or before[:1].islower() or before.lower().strip(",") in FUNCTION_WORDS):
            return False
        core = first.rstrip(",")
        if not (core[:1].isupper() and core[1:].islower() and core.isalpha()):
            return False
        if not (first.endswith(",") or after[:1].islower()):
            return False
        from wordfreq import zipf_frequency

        return zipf_frequency(core.lower(), self.config.language) < 3.8

    def is_open(self, chain_head: str, chain_tail: str, short_ok: bool = False) -> bool:
        """Is a paragraph that starts with ``chain_head`` and ends with
        ``chain_tail`` broken off?  With ``short_ok`` (when what follows
        starts in lowercase), a prose fragment of a few words ("What struck
        me") counts too, and so does a paragraph that stops on a dash."""
        if not _open_end(chain_tail, short_ok):
            return False
        return is_body(chain_head, min_words=5) or (short_ok and _short_prose(chain_head))

    def links(self) -> list[Link]:
        """Every open paragraph and the unit that continues it.

        A paragraph is judged by its start (is it prose?) and its end (does
        it stop mid-sentence?); when a link joins two units, the paragraph
        keeps its start and takes the end of the second, so a paragraph
        broken twice is judged as a whole, and the joined text is judged the
        same way when it is cleaned again."""
        if self._links is not None:
            return self._links
        # A capital-letter continuation is judged by the start of the
        # paragraph it begins, which may itself continue further on: repeat
        # until the links no longer change (usually once or twice).
        n = len(self.units)
        next_of: dict[int, int] = {}
        asked: dict[int, str] = {}
        out = self._links_once(next_of, asked, -1, n - 1)
        for _ in range(3):
            found = {link.a: link.b for link in out}
            # A pass depends on next_of only through the chain heads it
            # asked for: when those read the same under the links just
            # found, another pass would find the same links.
            changed = [j for j, h in asked.items() if self._chain_head(j, found) != h]
            if found == next_of or not changed:
                break
            next_of = found
            # Only the stretches between barriers that hold a changed chain
            # head can link differently: pass over those again (a document
            # of any length needs a second pass somewhere; passing over all
            # of it again made the cost grow faster than the text).
            stretches = self._stretches(changed)
            kept = [link for link in out if not _inside(link.a, stretches)]
            asked = {}
            for lo, hi in stretches:
                kept.extend(self._links_once(next_of, asked, lo, hi))
            kept.sort(key=_link_start)
            out = kept
        self._links = out
        return out

    def _is_barrier(self, k: int) -> bool:
        """No link crosses unit ``k`` and none starts at it: it ends a
        sentence, so nothing continues it, and it is no caption or credit,
        so the search for a continuation stops at it."""
        u = self.units[k]
        return self.text[u.end - 1] in _CLOSED_LAST and not self.is_interloper(k)

    def _stretches(self, changed: list[int]) -> list[tuple[int, int]]:
        """Ranges ``(lo, hi]`` of units, each from just after a barrier to
        the next barrier, that hold the units in ``changed``; in order."""
        n = len(self.units)
        spans: list[tuple[int, int]] = []
        for j in sorted(changed):
            if spans and j <= spans[-1][1]:
                continue
            lo = j - 1
            while lo >= 0 and not self._is_barrier(lo):
                lo -= 1
            hi = j
            while hi < n - 1 and not self._is_barrier(hi):
                hi += 1
            # (no overlap with the stretch before: its end is a barrier
            # before j, so lo is that barrier or a later one)
            spans.append((lo, hi))
        return spans

    def _chain_head(self, i: int, next_of: dict[int, int], asked: dict[int, str] | None = None) -> str:
        start = i
        head = self.head(i)
        while len(head) < _BODY_PREFIX and i in next_of:
            i = next_of[i]
            head = head + " " + self.head(i)
        head = head[:_BODY_PREFIX]
        if asked is not None:
            asked[start] = head
        return head

    def _links_once(self, next_of: dict[int, int], asked: dict[int, str], lo: int, hi: int) -> list[Link]:
        """One pass over the units ``(lo, hi]``: ``lo`` is -1 or a barrier,
        ``hi`` the last unit or a barrier (see :meth:`_is_barrier`)."""
        out: list[Link] = []
        units = self.units
        text = self.text
        n = len(units)
        code = self.code
        # Candidates: units whose last character cannot end a sentence (a
        # list comprehension, so the many closed paragraphs cost little);
        # code goes on no paragraph.
        candidates = [
            i
            for i, u in enumerate(units[lo + 1 : hi + 1], lo + 1)
            if text[u.end - 1] not in _CLOSED_LAST
            and not (text[u.end - 1] in _CLOSERS and text[u.end - 2 : u.end - 1] in _CLOSED_LAST)
            and (u.wrapped or text.find(" ", u.start, u.end) >= 0 or text[u.end - 1] == "-")
            and i not in code
        ]
        head = ""
        body_of: tuple[str | None, bool] = (None, False)  # a head, is_body(head)
        linked_into: set[int] = set()
        dangling = -1  # the last open paragraph left without a continuation
        pending = iter(candidates)
        i = next(pending, n)
        while i <= hi:
            tail = self.tail(i)
            if (
                ends_with_hyphen(tail)
                and i + 1 < n
                and i + 1 not in code
                and self.opens_lower(i + 1)
            ):
                # a word broken at the end: always continued by the next unit
                # (the hyphenation rule decides how to mend it)
                out.append(Link(i, i + 1, ()))
                if i not in linked_into:
                    head = self.head(i)
                if len(head) < _BODY_PREFIX:
                    head = (head + " " + self.head(i + 1))[:_BODY_PREFIX]
                linked_into.add(i + 1)
                i += 1
                continue
            if i not in linked_into:
                # the start of a paragraph: judged on the unit alone
                verdict = self._opens(i)
                if verdict is None:
                    i = _advance(pending, i, n)
                    continue
                head = self.head(i)
                short = verdict
            else:
                # a paragraph continued: judged by its start (the same
                # string all along a long chain, so judged once) and the
                # end of this unit
                if head is not body_of[0]:
                    body_of = (head, is_body(head, min_words=5))
                short = not body_of[1]
                if not head or not (
                    ends_with_hyphen(tail)
                    or (
                        _open_end(tail, short_ok=True)
                        and (not short or _short_prose(head))
                    )
                ):
                    i = _advance(pending, i, n)
                    continue
            j = i + 1
            found = None
            while j < n and j - i <= MAX_GAP_BLOCKS and units[j].start - units[i].end <= MAX_GAP_CHARS:
                lower = self.opens_lower(j)
                if not lower and self.is_interloper(j):
                    # A caption by a credit, not the continuation - unless it
                    # reads as the continuation too and nothing lowercase
                    # continues the paragraph after the captions (captions
                    # already moved after a paragraph sit by its end).
                    if j == i + 1 and self.continues(tail, j, self._chain_head(j, next_of, asked)):
                        k = j + 1
                        while (
                            k < n
                            and k - i <= MAX_GAP_BLOCKS
                            and not self.opens_lower(k)
                            and self.is_interloper(k)
                        ):
                            k += 1
                        if not (k < n and self.opens_lower(k)):
                            found = j
                            break
                    j += 1
                    continue
                if self.continues(tail, j, self._chain_head(j, next_of, asked)) and (
                    # a fragment, a list item or a paragraph that stops on a
                    # dash goes on only in lowercase
                    lower or not (short or is_list_item(head) or ends_with_dash(tail))
                ):
                    found = j  # (a fragment of a few words only before a lowercase continuation)
                    if not lower:
                        found = self._lowercase_after_caption(tail, i, j, next_of, asked)
                    break
                if not self.is_interloper(j):
                    break
                j += 1
            if found is None or dangling >= 0 and self._other_story_goes_on(dangling, i, found):
                if not short and units[i].end - units[i].start >= _LONG_PARAGRAPH:
                    dangling = i  # running prose (no headline), open, and nothing continues it
                i = _advance(pending, i, n)
                continue
            out.append(Link(i, found, tuple(range(i + 1, found))))
            if len(head) < _BODY_PREFIX:
                head = (head + " " + self.head(found))[:_BODY_PREFIX]
            linked_into.add(found)
            i = found
        return out

    def _other_story_goes_on(self, d: int, i: int, j: int) -> bool:
        """Unit ``j`` continues the paragraph ending at unit ``i``, but a
        story starts between ``i`` and the open paragraph ``d`` before it (a
        byline, or a dateline opening ``i``), ``j`` may as well continue
        ``d``, and another paragraph further on opens in lowercase after a
        closed one: two stories interleaved on a page, two continuations
        for two broken paragraphs.  Joining one to the wrong story is worse
        than leaving both open.

        (Called only when a link is found and an open paragraph was left
        before it: a few units are looked at.)"""
        units = self.units
        if not d < i < j or j - d > MAX_GAP_BLOCKS or units[j].start - units[d].end > MAX_GAP_CHARS:
            return False
        if not (starts_dateline(self.head(i, 60)) or any(self.is_byline(k) for k in range(d + 1, i))):
            return False
        if not self.continues(self.tail(d), j):
            return False
        k = j + 1
        while k < len(units) and k - i <= MAX_GAP_BLOCKS and units[k].start - units[i].end <= MAX_GAP_CHARS:
            if self.opens_lower(k):
                # an orphan: nothing open stands between (captions aside)
                return all(ends_sentence(self.tail(m)) or self.is_interloper(m) for m in range(j, k))
            k += 1
        return False

    def _lowercase_after_caption(
        self, tail: str, i: int, j: int, next_of: dict[int, int], asked: dict[int, str]
    ) -> int:
        """Unit ``j`` reads as the continuation of a paragraph ending with
        ``tail`` (unit ``i``), but it is a short complete sentence, as a
        caption is: when the unit after it (past any captions) starts in
        lowercase and continues the paragraph, that one is the continuation
        and ``j`` a caption without a credit.  Else ``j``."""
        u = self.units[j]
        if u.end - u.start > 300 or not ends_sentence(self.tail(j)):
            return j
        text = self.unit_text(j)
        if word_count(text) > 40 or sentence_count(text) > 2:
            return j
        units = self.units
        k = j + 1
        while k < len(units) and k - i <= MAX_GAP_BLOCKS and units[k].start - units[i].end <= MAX_GAP_CHARS:
            if self.opens_lower(k):
                return k if self.continues(tail, k, self._chain_head(k, next_of, asked)) else j
            if not self.is_interloper(k):
                return j
            k += 1
        return j

    def _opens(self, i: int) -> bool | None:
        """Does unit ``i``, as the first unit of a paragraph, break off
        open?  None when it does not; else whether it is short (a few words
        rather than running prose)."""
        memo = self._memo
        if memo is None:
            return self._judge_open(i)
        key = self._key(i)
        if key in memo.opens:
            return memo.opens[key]
        verdict = memo.opens[key] = self._judge_open(i)
        return verdict

    def _judge_open(self, i: int) -> bool | None:
        tail = self.tail(i)
        if not _open_end(tail, short_ok=True):
            return None
        head = self.head(i)
        short = not is_body(head, min_words=5)
        if short and ends_with_hyphen(tail):
            return short  # a word broken at the end: open, whatever comes before it
        if (
            (short and not _short_prose(head))
            or (is_heading_like(head) and not _DATELINE.match(head))  # a headline
            or (self.pats.lead_in_prefixes and head.startswith(self.pats.lead_in_prefixes))
        ):
            return None
        # open: running prose, or a few words of prose (is_open's test)
        return short

    def removal_spans(self, gone: Sequence[int]) -> dict[int, tuple[int, int]]:
        """For units to remove, the spans to delete: each unit with the
        break after it, or before it when nothing is kept after it; when
        nothing is kept at all, the whole text."""
        units = self.units
        gone_set = set(gone)
        spans: dict[int, tuple[int, int]] = {}
        if not gone:
            return spans
        if len(gone_set) == len(units):
            for k, u in enumerate(units):
                start = 0 if k == 0 else u.start
                end = units[k + 1].start if k + 1 < len(units) else len(self.text)
                spans[k] = (start, end)
            return spans
        last_kept = max(k for k in range(len(units)) if k not in gone_set)
        for u in sorted(gone_set):
            if u < last_kept:
                spans[u] = (units[u].start, units[u + 1].start)
            else:  # nothing kept after it: take the break before it instead
                spans[u] = (units[u - 1].end, units[u].end)
        return spans

    def chain_ends(self) -> dict[int, int]:
        """For every unit that starts or continues a linked paragraph, the
        last unit of that paragraph."""
        nxt = {link.a: link.b for link in self.links()}
        ends: dict[int, int] = {}
        for start in sorted(nxt, reverse=True):
            b = nxt[start]
            ends[start] = ends.get(b, b)
        return ends
