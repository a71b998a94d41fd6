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
from functools import lru_cache

from .config import Config

__all__ = [
    "Block",
    "Patterns",
    "patterns_for",
    "split_blocks",
    "split_lines",
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


@dataclass(frozen=True, slots=True)
class Block:
    """A run of non-blank lines; ``start``/``end`` bound its text (without the
    final newline); ``lines`` are (start, end) spans of its lines."""

    start: int
    end: int
    lines: tuple[tuple[int, int], ...]

    def text(self, source: str) -> str:
        return source[self.start : self.end]


# A blank line: a newline, then only spaces/tabs up to the next newline.
_BLANK_RUN = re.compile(r"\n(?:[ \t\u00a0]*\n)+")


def split_blocks(text: str) -> list[Block]:
    """Blocks of ``text`` in order.

    >>> t = "a\\nb\\n\\n\\nc\\n"
    >>> [(b.text(t), len(b.lines)) for b in split_blocks(t)]
    [('a\\nb', 2), ('c', 1)]
    """
    blocks: list[Block] = []
    pos = 0
    n = len(text)
    # skip leading blank lines
    while pos < n:
        j = text.find("\n", pos)
        line = text[pos : (n if j < 0 else j)]
        if line.strip(" \t\u00a0"):
            break
        if j < 0:
            return blocks
        pos = j + 1
    for m in _BLANK_RUN.finditer(text, pos):
        if m.start() > pos:
            blocks.append(_block(text, pos, m.start()))
        pos = m.end()
    end = n
    while end > pos and text[end - 1] in "\n \t\u00a0":
        end -= 1
    if end > pos:
        blocks.append(_block(text, pos, end))
    return blocks


def _block(text: str, start: int, end: int) -> Block:
    if text.find("\n", start, end) < 0:
        return Block(start, end, ((start, end),))
    return Block(start, end, tuple(split_lines(text, start, end)))


def split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) spans of the lines between ``start`` and ``end``."""
    pos = start
    while True:
        j = text.find("\n", pos, end)
        if j < 0:
            yield pos, end
            return
        yield pos, j
        pos = j + 1


# -- words and sentences ------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_CLOSERS = "\"'”’»)]}*_"
_OPENERS = "\"'“‘«([{*_¿¡"
_FINAL = frozenset(".!?…:")
_DASHES = frozenset("—–")

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
    t = text.rstrip()
    while t and t[-1] in _CLOSERS:
        t = t[:-1].rstrip()
    if not t:
        return True
    return t[-1] in _FINAL or t[-1] in _DASHES


def ends_with_hyphen(text: str) -> bool:
    """A word broken at the end: a letter right before a final hyphen."""
    t = text.rstrip()
    return len(t) >= 2 and t[-1] == "-" and t[-2].isalpha()


def starts_lower(text: str) -> bool:
    """Does ``text`` start (after opening quotes) with a lowercase letter?

    >>> starts_lower("days, in a rail yard"), starts_lower('"warm," she said')
    (True, True)
    >>> starts_lower("Mr. Trump")
    False
    """
    t = text.lstrip()
    i = 0
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
    has_upper = False
    for ch in text:
        if ch.islower():
            return False
        if ch.isupper():
            has_upper = True
    return has_upper


def is_heading_like(text: str) -> bool:
    """A short line without a closing stop: a heading, label or title.

    >>> is_heading_like("The Transition"), is_heading_like("PART 1")
    (True, True)
    >>> is_heading_like("thousands upon")
    False
    """
    ws = words(text)
    if not ws or len(ws) > 12:
        return False
    if ends_sentence(text) and not text.rstrip().endswith(":"):
        return False
    caps = sum(1 for w in ws if w[0].isupper() or w[0].isdigit())
    minor = sum(1 for w in ws if w.lower() in FUNCTION_WORDS)
    return caps >= 1 and caps + minor >= len(ws)


def is_body(text: str, min_words: int = 8) -> bool:
    """Running prose: enough words, mostly lowercase, not shouted.

    >>> is_body("Day after day, then, thousands upon thousands of shells waited.")
    True
    >>> is_body("Lloyd J. Austin III, Joseph R. Biden Jr., Keith Kellogg")
    False
    """
    ws = words(text)
    if len(ws) < min_words:
        return False
    lower = sum(1 for w in ws if w[0].islower())
    return lower * 3 >= len(ws)


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
    agency_suffix: re.Pattern[str] | None
    lead_in: re.Pattern[str] | None
    tagline: re.Pattern[str] | None
    source_line: re.Pattern[str] | None
    speaker: re.Pattern[str] | None
    residue: re.Pattern[str] | None


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
    lead_ins = v.get("captions.lead_ins", ())
    lead = (
        re.compile(
            "(?:" + "|".join(re.escape(x) for x in sorted(lead_ins, key=len, reverse=True)) + r"),\s"
        )
        if lead_ins
        else None
    )
    speakers = v.get("transcripts.speaker_labels", ())
    return Patterns(
        jump_line=_union(v.get("furniture.jump_lines", ())),
        jump_target=_union(v.get("furniture.jump_targets", ())),
        running_head=_union(v.get("furniture.running_heads", ())),
        folio=_union(v.get("furniture.folios", ())),
        masthead=_union(v.get("furniture.masthead", ())),
        credit=_union(v.get("captions.credit_patterns", ())),
        agencies=agencies,
        agency_suffix=(
            re.compile(r"(?:^|[/—–\-\s])(?:" + agency_alt + r")\Z") if agency_alt else None
        ),
        lead_in=lead,
        tagline=_union(v.get("captions.taglines", ())),
        source_line=_union(v.get("captions.source_lines", ())),
        speaker=(
            re.compile("(?:" + "|".join(_scoped(p) for p in speakers) + r")(?=\s)")
            if speakers
            else None
        ),
        residue=_union(v.get("web.residue", ())),
    )


def patterns_for(config: Config) -> Patterns:
    """The compiled patterns of a config's rule packs (compiled once)."""
    keys = (
        "furniture.jump_lines", "furniture.jump_targets", "furniture.running_heads",
        "furniture.folios", "furniture.masthead", "captions.agencies", "captions.lead_ins",
        "captions.credit_patterns", "captions.taglines", "captions.source_lines",
        "transcripts.speaker_labels", "web.residue",
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
    >>> is_credit("THE RECKONING", p), is_credit("PART 1", p)
    (False, False)
    """
    s = line.strip()
    if not s or len(s) > 120:
        return False
    if full(pats.credit, s):
        return True
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


def is_lead_in_caption(line: str, pats: Patterns) -> bool:
    """A caption that opens with a position word: "Far left, ...", "Above, ..."."""
    return pats.lead_in is not None and pats.lead_in.match(line.lstrip()) is not None


def is_speaker_turn(line: str, pats: Patterns) -> bool:
    """A transcript turn: "Q: ...", "FK: ...", "MODERATOR: ..."."""
    return pats.speaker is not None and pats.speaker.match(line.lstrip()) is not None


_LIST_ITEM = re.compile(r"\s*(?:[-*•·▪–]\s|\d{1,3}[.)]\s|[a-z][.)]\s|\(\w{1,3}\)\s)")


def is_list_item(line: str) -> bool:
    return _LIST_ITEM.match(line) is not None


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


def is_wrapped(lines: Sequence[str]) -> bool:
    """Are these lines one or more paragraphs hard-wrapped at a fixed width
    (PDF and OCR text), rather than a line per paragraph, item or verse?

    >>> is_wrapped(["The board met eleven times during the year. Its main",
    ...             "concern remained the embankment, which suffered damage",
    ...             "in January."])
    True
    >>> is_wrapped(["Roses are red,", "Violets are blue,", "Sugar is sweet"])
    False
    """
    n = len(lines)
    if n < 2:
        return False
    widths = [len(line.rstrip()) for line in lines]
    body = widths[:-1]
    width = max(body)
    if not 15 <= width <= 160:
        return False
    if sum(1 for w in body if w >= 0.6 * width) < 0.7 * len(body):
        return False
    lower_starts = sum(1 for line in lines[1:] if starts_lower(line))
    open_ends = sum(1 for line in lines[:-1] if not ends_sentence(line))
    return lower_starts >= 0.4 * (n - 1) and open_ends >= 0.5 * (n - 1)


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph-sized piece of text: a block, a line of a block that holds
    a line per paragraph, or a hard-wrapped block (``wrapped``)."""

    start: int
    end: int
    first_end: int  # end of the unit's first line
    wrapped: bool


def split_units(text: str, blocks: Sequence[Block]) -> list[Unit]:
    units: list[Unit] = []
    for b in blocks:
        if len(b.lines) == 1:
            units.append(Unit(b.start, b.end, b.end, False))
            continue
        texts = [text[s:e] for s, e in b.lines]
        if is_wrapped(texts):
            units.append(Unit(b.start, b.end, b.lines[0][1], True))
        else:
            units.extend(Unit(s, e, e, False) for s, e in b.lines if text[s:e].strip())
    return units


class Layout:
    """Units of a text, what kind each is, and the links between them."""

    def __init__(self, text: str, config: Config) -> None:
        self.text = text
        self.config = config
        self.pats = patterns_for(config)
        self.english = config.language.split("-")[0] == "en"
        self.blocks = split_blocks(text)
        self.units = split_units(text, self.blocks)
        self._kinds: list[str | None] = [None] * len(self.units)

    # -- kinds --------------------------------------------------------------

    def unit_text(self, i: int) -> str:
        u = self.units[i]
        return self.text[u.start : u.end]

    def first_line(self, i: int) -> str:
        u = self.units[i]
        return self.text[u.start : u.first_end]

    def separator(self, i: int) -> str:
        """The text between unit ``i`` and unit ``i + 1``."""
        return self.text[self.units[i].end : self.units[i + 1].start]

    def kind(self, i: int) -> str:
        k = self._kinds[i]
        if k is None:
            k = self._kinds[i] = self._classify(i)
        return k

    def _classify(self, i: int) -> str:
        pats = self.pats
        text = self.unit_text(i)
        first = self.first_line(i).strip()
        if is_credit(first, pats):
            return "credit"
        if is_lead_in_caption(first, pats):
            return "caption"
        if full(pats.source_line, first):
            return "source"
        if full(pats.tagline, " ".join(text.split())):
            return "tagline"
        if is_speaker_turn(first, pats):
            return "turn"
        if is_list_item(first):
            return "list"
        n = len(words(text))
        if is_name_list(text):
            return "graphic"
        if n <= 12 and (is_heading_like(text) or is_all_caps(text)):
            return "label"
        if _REFER.match(first) and n <= 60 and sentence_count(text) <= 3:
            return "caption"
        if is_body(text, min_words=5):
            return "body"
        return "other"

    def near_credit(self, i: int) -> bool:
        """Does unit ``i`` sit under a photo credit?  (Only credits above
        count: text above a credit is as often the end of a paragraph.)"""
        return i > 0 and self.kind(i - 1) == "credit"

    def is_caption_sentence(self, i: int, lower_continuation: bool = False) -> bool:
        """A photo caption: one or two sentences beside a credit, or any short
        closed sentence when the text after it clearly continues."""
        text = self.unit_text(i)
        n = len(words(text))
        return (
            self.kind(i) == "body"
            and ends_sentence(text)
            and sentence_count(text) <= 3
            and n <= 60
            and (self.near_credit(i) or (lower_continuation and n <= 45))
        )

    def is_interloper(self, i: int, lower_continuation: bool) -> bool:
        """May unit ``i`` sit inside a broken paragraph?"""
        return self.kind(i) in INTERLOPER_KINDS or self.is_caption_sentence(i, lower_continuation)

    # -- continuation ---------------------------------------------------------

    def continues(self, a_text: str, i: int) -> bool:
        """Does unit ``i`` continue a paragraph that ends with ``a_text``?"""
        b_first = self.first_line(i)
        if is_speaker_turn(b_first, self.pats) or is_list_item(b_first):
            return False
        if starts_lower(b_first):
            return True
        if not self.english:
            return False
        if not (starts_upper(b_first) or b_first.lstrip()[:1].isdigit()):
            return False
        tail = a_text.rstrip()
        while tail and tail[-1] in _CLOSERS:
            tail = tail[:-1].rstrip()
        open_end = bool(tail) and tail[-1] in ",;" or last_word(tail).lower() in FUNCTION_WORDS
        return open_end and self.kind(i) == "body" and len(words(self.unit_text(i))) >= 8

    def is_open(self, chain_text: str) -> bool:
        """Is a paragraph that ends with ``chain_text`` broken off?"""
        if ends_sentence(chain_text) or _PAGE_REF.search(chain_text[-20:]):
            return False
        return is_body(chain_text, min_words=5)

    def links(self) -> list[Link]:
        """Every open paragraph and the unit that continues it.

        A paragraph's text accumulates along a chain of links, so that a
        paragraph broken twice is judged as a whole (and the result of
        joining it is judged the same way when cleaned again)."""
        out: list[Link] = []
        units = self.units
        n = len(units)
        chain = ""
        i = 0
        linked_into: set[int] = set()
        while i < n:
            if i not in linked_into:
                chain = self.unit_text(i) if self.kind(i) in ("body", "turn", "other") else ""
            if not chain or not self.is_open(chain):
                i += 1
                continue
            j = i + 1
            found = None
            while j < n and j - i <= MAX_GAP_BLOCKS and units[j].start - units[i].end <= MAX_GAP_CHARS:
                lower = starts_lower(self.first_line(j))
                if not lower and self.is_interloper(j, False):
                    j += 1  # a caption beside a credit, not the continuation
                    continue
                if self.continues(chain, j):
                    # everything between must be able to leave the paragraph
                    if all(self.is_interloper(k, lower) for k in range(i + 1, j)):
                        found = j
                    break
                if not self.is_interloper(j, True):
                    break
                j += 1
            if found is None:
                i += 1
                continue
            out.append(Link(i, found, tuple(range(i + 1, found))))
            chain = chain + " " + self.unit_text(found)
            linked_into.add(found)
            i = found
        return out

    def chain_end(self, links: Sequence[Link], i: int) -> int:
        """The last unit of the paragraph that unit ``i`` belongs to."""
        nxt = {link.a: link.b for link in links}
        while i in nxt:
            i = nxt[i]
        return i
