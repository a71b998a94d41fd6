"""Page furniture and jumps (ARTIFACTS §5).

Removed, each removal an edit:

* jump lines: ``Continued on Page 12``, ``Continued on Following Page``,
  ``From Page 1``, ``Continued from Page A1``, ``See Budget, Page 4``,
  ``Continued on A12``, ``BUDGET from A1`` (forms in the rule packs);
* running heads and footers, found by their repetition within the document
  (``War in Ukraine The Separation`` on every page; ``Water Board  Page 3``
  with its page number changing), and section banners (all-caps lines that
  share a prefix, or that sit under a running head);
* page numbers next to a running head or other furniture (``PAGE 8`` after
  an index entry is the entry's, and stays);
* the masthead, edition, price and date lines at the top of a front page
  (two or more of them, above the first paragraph).

A story whose jump line and continuation are both in the document is
stitched: its broken sentence meets its continuation again, and what stood
between (other stories, the index) moves after the stitched story.  The
sentence itself is joined by the ``paragraphs`` rule.

Headlines, story titles and index entries (``... PAGE 8``) are content and
stay.  Link text left without its link (``Read the full report here.``) is
reported, not removed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from .config import Config
from .edits import Edit, Note, apply_edits
from .layout import (
    Layout,
    ends_sentence,
    full,
    is_all_caps,
    is_body,
    is_byline,
    is_credit,
    is_list_item,
    is_speaker_turn,
    starts_lower,
    unit_lines,
    words,
)

__all__ = ["furniture_findings", "fix_furniture"]

RULE = "furniture"

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_SPACE_RUN = re.compile(r"  +")
_BARE_FOLIO = re.compile(r"\s*[-–—]?\s*[A-Z]?\d{1,4}\s*[-–—]?\Z")
# A page number on a line of its own: "12", "A5", "PAGE 4", "Page 3 of 20".
_FOLIO = re.compile(r"(?:page\s*|p\.\s*)?[-–—]?\s*[A-Z]?\d{1,4}(?:\s*of\s*\d{1,4})?\s*[-–—]?\Z", re.I)
_PAGE_NUMBER = re.compile(r"(?i)page\s*([A-Z]?)(\d{1,4})")
_FIELD_PAGE = re.compile(r"(?i)\bpage:?\s*\d{1,4}\b")  # "Page: 3" in a filing's head
# "48     THE HISTORY OF THE PARISH." / "THE MILLS UPON THE RIVER.     49"
_BOOK_HEAD = re.compile(r"(?:\d{1,4}\s{3,}(\D+)|(\D+?)\s{3,}\d{1,4})\Z")
_JUMP_PAGE = re.compile(r"[A-Z]?\d{1,4}\Z")  # the page a jump line names, "B4"
# a page number at one end of a head, set apart: "B4 | THE COURIER", "THE COURIER    12"
_PAGE_HEAD_END = re.compile(r"(?:([A-Z]?\d{1,4})(?: [|•·] |\s{3,}).*|.*(?: [|•·] |\s{3,})([A-Z]?\d{1,4}))\Z")
# a page head with its date, then its page number: "WEDNESDAY, MAY 6, 2026 A9"
_DATED_PAGE = re.compile(r".*\b(?:1[6-9]|20)\d\d,? ([A-Z]\d{1,3})\Z")
# a story's slug on a line of its own, in capitals: "RIVER", "CITY BUDGET"
_SLUG_LINE = re.compile(r"[A-Z][A-Z0-9&'’.-]*[A-Z](?: [A-Z][A-Z0-9&'’.-]*[A-Z]){0,2}\Z")
_END_PAGE = re.compile(r"\b([A-Z]?)(\d{1,4})\Z")  # "Continued on A12"
_SLUG_WORD = re.compile(r"\b[A-Z][A-Z'’&.-]*[A-Z]\b")  # "BUDGET", "O'BRIEN"
_FOOTNOTE = re.compile(r"(?<=[\w.,;:!?’'\"”)])\[(?:[ivxlc]{1,6}|\d{1,3})\](?!\()")
_HASHTAG_HEAD = re.compile(r"#[A-Za-z][\w-]{1,30}(?=\s)")

# A page number set this far in, at the top or the foot of a text, is the
# page's (a footnote's number stands nearer the margin).
_CENTRED = " " * 12

# Headings are no longer than this.
_LONGEST_LABEL = 160

# Masthead lines are looked for this far into a document.
MASTHEAD_LINES = 40
# A continuation is matched with one of this many jumps before it.
MAX_OPEN_JUMPS = 24
# Occurrences of a running head are at least this far apart on average.
PAGE_SPACING = 400


class Line(NamedTuple):
    start: int
    end: int
    text: str  # stripped
    unit: int  # index of the unit holding it


# Lines longer than this are never furniture (and are not looked at).
LONGEST = 200


def _lines(lay: Layout) -> list[Line]:
    """The short lines of the text (long ones are body text and are left
    out), with the units holding them."""
    text = lay.text
    units = lay.units
    new = tuple.__new__  # (named tuples made without a Python-level call)
    code = lay.code  # (code is no furniture, but a page number indented
    # like a code block is no code: "                42")
    out = [
        new(Line, (u.start, u.end, text[u.start : u.end].strip(), i))
        for i, u in enumerate(units)
        if u.end - u.start <= LONGEST
        and not u.wrapped
        and (i not in code or _BARE_FOLIO.match(text, u.start, u.end) is not None)
    ]
    wrapped = [i for i, u in enumerate(units) if u.wrapped]
    if not wrapped:
        return out
    for i in wrapped:
        for s, e in unit_lines(text, units[i]):
            if e - s <= LONGEST:
                out.append(Line(s, e, text[s:e].strip(), i))
    out.sort(key=lambda line: line.start)
    return out


def _line_counts(lay: Layout) -> dict[int, int]:
    """Lines of each wrapped unit (every other unit is one line)."""
    return {i: len(unit_lines(lay.text, u)) for i, u in enumerate(lay.units) if u.wrapped}


def _candidate_head(line: str, lay: Layout) -> bool:
    if len(line) > 100 or not (line[:1].isupper() or line[:1].isdigit()):
        return False
    if is_byline(line):
        return False  # a reporter writes many stories
    if is_credit(line, lay.pats):
        return False  # photographers credit many pictures
    ws = words(line)
    if not 1 <= len(ws) <= 12 or len(line) > 100:
        return False
    if starts_lower(line) or is_list_item(line):
        return False
    if is_speaker_turn(line, lay.pats) and not _fielded_page_head(line):
        return False
    return not ends_sentence(line) or bool(_PAGE_NUMBER.search(line)) or _book_head(line)


# The title a section banner repeats before its colon: three words or more,
# in letters ("THE DAM THAT DIVIDED: ..."); a speaker's label ("ANCHOR:",
# "CHAIR OKAFOR:") or a time ("[18:02:11] >> ...") is none.
_BANNER_PREFIX = re.compile(r"[A-Z][A-Z'’&.-]*(?: [A-Z'’&.-]+){2,9}:")


def _banner_prefix(line: str) -> bool:
    """Could ``line`` be a section banner with its title before a colon: a
    title of three words or more, then a few words that stop without a full
    stop (a turn in capitals says a sentence)?

    >>> _banner_prefix("THE DAM THAT DIVIDED: A PLAN ON THE TABLE")
    True
    >>> _banner_prefix("ANCHOR: GOOD EVENING"), _banner_prefix("CHAIR ANA RUIZ: THE MOTION CARRIES.")
    (False, False)
    >>> _banner_prefix("[18:02:11] >> THE WATER IS STILL RISING TONIGHT")
    False
    """
    if _BANNER_PREFIX.match(line) is None:
        return False
    ws = words(line)
    return 4 <= len(ws) <= 24 and not ends_sentence(line)


def _book_head(line: str) -> bool:
    """A book's page head: its page number at one end, set apart by a wide
    gap from a title in capitals (which may end in a period).

    >>> _book_head("52            A HISTORY OF THE FENS."), _book_head("OF MILLS.      53")
    (True, True)
    >>> _book_head("52 A HISTORY OF THE FENS."), _book_head("Total            52")
    (False, False)
    """
    if not (line[:1].isdigit() or line[-1:].isdigit()) or "\n" in line:
        return False
    m = _BOOK_HEAD.match(line)
    return m is not None and is_all_caps(m.group(1) or m.group(2))


# The first and last words of a dictionary's page ("ABACUS — ABBEY").
_GUIDE_WORDS = re.compile(r"([^\W\d_][\w'’.]*) (?:[—–-]|--) ([^\W\d_][\w'’.]*)\Z")


def _guide_words(line: str) -> tuple[str, str] | None:
    """The guide words of a dictionary's page head (a book head whose title
    is two words joined by a dash, in alphabetical order), in lowercase.

    >>> _guide_words("12        ABACUS — ABBEY"), _guide_words("ABBEY – ABDUCT        13")
    (('abacus', 'abbey'), ('abbey', 'abduct'))
    >>> _guide_words("12        WAR — PEACE"), _guide_words("12        THE WAR — AND PEACE")
    (None, None)
    """
    m = _BOOK_HEAD.match(line)
    if m is None:
        return None
    g = _GUIDE_WORDS.match((m.group(1) or m.group(2)).strip())
    if g is None:
        return None
    first, last = g.group(1).lower(), g.group(2).lower()
    return (first, last) if first <= last else None


def _guides_run_on(lines: list[Line], ks: list[int]) -> bool:
    """Are these dictionary heads a page apart each (other lines between
    them: a table of contents sets its lines one under the other), with
    their page numbers rising and their guide words in alphabetical order
    from page to page?"""
    words_in_order: list[str] = []
    pages = [_head_page(lines[k].text) for k in ks]
    for k in ks:
        words_in_order.extend(_guide_words(lines[k].text) or ())
    apart = all(lines[b].unit - lines[a].unit >= 2 for a, b in zip(ks, ks[1:]))
    return (
        apart
        and all(a < b for a, b in zip(pages, pages[1:]))
        and all(a <= b for a, b in zip(words_in_order, words_in_order[1:]))
    )


def _fielded_page_head(line: str) -> bool:
    """A page head of labelled fields set apart by wide gaps, one of them the
    page number, as court filings print: not a speaker's turn though it opens
    with a label.

    >>> _fielded_page_head("Case: 24-101    Doc: 9    Page: 3    Filed: 01/02/2025")
    True
    >>> _fielded_page_head("CLERK: Turn to page 3 of the exhibit.")
    False
    """
    return "   " in line and _FIELD_PAGE.search(line) is not None


def _heads_over_targets(lay: Layout, lines: list[Line], plan: _Plan, jumps: list[int], targets: list[int]) -> None:
    """The head of the page a story jumps to, right over the continuation's
    marker ("B4 | THE COURIER | TUESDAY" / "BUDGET | From B1"): the page
    number a jump line named, at one end, set apart by a bar or a wide gap,
    or after the date ("SENTINEL" / "WEDNESDAY, MAY 6, 2026 A9"); and the
    story's slug over the marker ("RIVER" / "From Page A1") when a jump line
    named it ("Please see RIVER, Page A9")."""
    pages = {m.group() for j in jumps for m in [_JUMP_PAGE.search(lines[j].text)] if m}
    named = {s for j in jumps for s in [_slug(lines[j].text)] if s}
    slugs: list[int] = []  # slug lines over the markers
    for t in targets:
        k = t - 1
        if k >= 0 and _stacked(lay, lines, k) and _SLUG_LINE.match(lines[k].text):
            if k not in plan.drop:  # (else the marker's first line: "RIVER" / "from A1")
                slugs.append(k)
            k -= 1
        if k < 0 or k in plan.drop or not (lines[k].unit == lines[k + 1].unit - 1 or _stacked(lay, lines, k)):
            continue
        m = _PAGE_HEAD_END.match(lines[k].text) or _DATED_PAGE.match(lines[k].text)
        if m and (m.group(1) or m.group(2)) in pages and _candidate_head(lines[k].text, lay):
            plan.add(k, f"running head removed: {lines[k].text!r}")
            # the paper's name set over the date ("SENTINEL" / "MAY 6, 2026 A9")
            top = k - 1
            if top >= 0 and top not in plan.drop and _stacked(lay, lines, top) and _SLUG_LINE.match(lines[top].text):
                plan.add(top, f"running head removed: {lines[top].text!r}")
    # a slug goes when a jump line named it, and the others in its form with it
    if any(lines[k].text in named for k in slugs):
        for k in slugs:
            plan.add(k, f"jump slug removed: {lines[k].text!r}")


def _stacked(lay: Layout, lines: list[Line], k: int) -> bool:
    """Does line ``k`` stand right over the next line (one line break
    between them)?"""
    return k + 1 < len(lines) and lay.text.count("\n", lines[k].end, lines[k + 1].start) == 1


def _banner_under_heads(lines: list[Line], ks: list[int], furniture_units: set[int]) -> bool:
    """Is a line in capitals, repeated on three pages or more, a section
    banner: each time after the first right under the page's furniture (a
    running head, a page number), and on every page (no page furniture
    between two of them but the lines right above the second: a heading that
    opens chapters pages apart is no banner)?"""
    if len(ks) < 3 or not all(lines[k].unit - 1 in furniture_units for k in ks[1:]):
        return False
    if not is_all_caps(lines[ks[0]].text):
        return False
    marks = sorted(furniture_units)
    for a, b in zip(ks, ks[1:]):
        top = lines[b].unit - 1
        if top not in furniture_units:
            return False
        while top - 1 in furniture_units:
            top -= 1
        # furniture between the two, above the run right over the second
        if bisect_left(marks, top) > bisect_right(marks, lines[a].unit):
            return False
    return True


# A rule line drawn with one character: "==========", "----------".
_RULE_LINE = re.compile(r"([=*_~-])\1{4,}\Z")


def _framed(lay: Layout, lines: list[Line], k: int) -> bool:
    """Is line ``k`` framed by rule lines right above and below it
    ("==========" / "SECTION 2: OVERVIEW" / "==========")?"""
    return (
        0 < k < len(lines) - 1
        and _RULE_LINE.match(lines[k - 1].text) is not None
        and _RULE_LINE.match(lines[k + 1].text) is not None
        and _stacked(lay, lines, k - 1)
        and _stacked(lay, lines, k)
    )


def _beside(lay: Layout, lines: list[Line], k: int) -> tuple[int, int]:
    """The units right above and below line ``k``, past the rule lines that
    frame it."""
    if _framed(lay, lines, k):
        return lines[k - 1].unit - 1, lines[k + 1].unit + 1
    return lines[k].unit - 1, lines[k].unit + 1


def _pages_run_on(heads: list[str]) -> bool:
    """Do the page numbers at the ends of these heads run on by one?

    >>> _pages_run_on(["4  THE REVIEW 2025", "THE REVIEW 2025  5", "6  THE REVIEW 2025"])
    True
    >>> _pages_run_on(["4  THE REVIEW 2025", "THE REVIEW 2025  9", "6  THE REVIEW 2025"])
    False
    """
    pages = [_head_page(head) for head in heads]
    return all(b == a + 1 for a, b in zip(pages, pages[1:]))


def _head_page(head: str) -> int:
    """The page number of a head that has one at an end: its first number
    when it opens with one, else its last.

    >>> _head_page("4  THE REVIEW 2025"), _head_page("THE REVIEW 2025  5")
    (4, 5)
    """
    found = _DIGITS.findall(head)
    return int(found[0] if head[:1].isdigit() else found[-1])


def _opens_wrapped_prose(lay: Layout, line: Line) -> bool:
    """A line of sentence-case prose that the next line of its paragraph
    continues: the first line of a paragraph the document repeats, not a
    head.  Heads are short or written in title case or capitals."""
    unit = lay.units[line.unit]
    if not unit.wrapped or line.end >= unit.end:
        return False
    ws = words(line.text)
    return len(ws) >= 6 and sum(w[:1].islower() for w in ws) * 2 > len(ws)


def _over_byline(lay: Layout, line: Line) -> bool:
    """A headline: the next unit is a byline ("By ANA RUIZ")."""
    u = line.unit + 1
    return u < len(lay.units) and lay.is_byline(u)


def _placed_as_head(lay: Layout, lines: list[Line], k: int) -> bool:
    """May short line ``k``, where it stands, be a running head: not a
    headline over a byline, not the line under a byline, not the opening
    line of wrapped prose?"""
    return (
        not _over_byline(lay, lines[k])
        and not _under_byline(lines, k)
        and not _opens_wrapped_prose(lay, lines[k])
    )


def _under_byline(lines: list[Line], k: int) -> bool:
    """The line after a byline ("By ANA RUIZ" / "Ledger Staff Writer"): part
    of the byline, however many stories repeat it."""
    return k > 0 and lines[k - 1].unit >= lines[k].unit - 1 and is_byline(lines[k - 1].text)


def _numbered_at_end(key: str) -> bool:
    """Does a grouping key carry its number in its first or last word, where
    a page number stands?

    >>> _numbered_at_end("water board #"), _numbered_at_end("a# the ledger"), _numbered_at_end("day # in the alps")
    (True, True, False)
    """
    ws = key.split()
    return "#" in ws[0] or "#" in ws[-1]


def _normal(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split())).lower()


class _Plan:
    """Lines to drop and units to move, with their messages."""

    def __init__(self) -> None:
        self.drop: dict[int, str] = {}  # line index -> message
        self.units: dict[int, str] = {}  # unit index -> message (units no line stands for)

    def add(self, index: int, message: str) -> None:
        self.drop.setdefault(index, message)


class _Short(NamedTuple):
    """The non-blank short lines: their indices and texts, and the texts
    joined one per line (for grouping them in one pass)."""

    index: list[int]  # line indices
    texts: list[str]
    joined: str


def _short_lines(lines: list[Line]) -> _Short:
    index = [k for k, line in enumerate(lines) if line.text]
    texts = [lines[k].text for k in index]
    return _Short(index, texts, "\n".join(texts))


def _find(lay: Layout, lines: list[Line], plan: _Plan, shared: _Short) -> tuple[list[int], list[int]]:
    pats = lay.pats
    jumps: list[int] = []
    targets: list[int] = []
    short, _, joined = shared
    pairs = _line_pairs(lines)
    for k in _matching_lines(pats.jump_target, shared):
        targets.append(k)
        plan.add(k, f"jump line removed: {lines[k].text!r}")
    for k, text in _matching_pairs(pats.jump_target, pairs, lines, plan):
        targets.append(k + 1)  # the continuation follows its second line
        plan.add(k, f"jump line removed: {text!r}")
        plan.add(k + 1, f"jump line removed: {text!r}")
    for k in _matching_lines(pats.jump_line, shared):
        if k not in plan.drop:
            jumps.append(k)
            plan.add(k, f"jump line removed: {lines[k].text!r}")
    for k, text in _matching_pairs(pats.jump_line, pairs, lines, plan):
        jumps.append(k)  # the story breaks off above its first line
        plan.add(k, f"jump line removed: {text!r}")
        plan.add(k + 1, f"jump line removed: {text!r}")
    jumps.sort()
    targets.sort()
    if jumps and targets:
        _heads_over_targets(lay, lines, plan, jumps, targets)

    # masthead (rule packs such as "newspaper" list its forms)
    if pats.masthead is not None:
        # the masthead is above the first paragraph of running text
        first_body = next(
            (
                u.start
                for i, u in enumerate(lay.units[: MASTHEAD_LINES * 2])
                if u.end - u.start > LONGEST or u.wrapped or is_body(lay.head(i), min_words=12)
            ),
            len(lay.text),
        )
        top = [line for line in lines[:MASTHEAD_LINES] if line.start < first_body]
        marked = [full(pats.masthead, ln.text) for ln in top]
        # a masthead element written over two lines (a motto)
        for k in range(len(top) - 1):
            if not marked[k] and top[k].unit == top[k + 1].unit - 0 and full(
                pats.masthead, top[k].text + " " + top[k + 1].text
            ):
                marked[k] = marked[k + 1] = True
        # two masthead lines or more make a masthead; then the nameplate and
        # motto are the short lines above the last of them
        if sum(marked) < 2:
            marked = [False] * len(top)
        if any(marked):
            last = max(k for k, hit in enumerate(marked) if hit)
            for k in range(last):
                t = top[k].text
                if not marked[k] and t and len(words(t)) <= 8 and not is_body(t, min_words=9):
                    marked[k] = True
        for k, hit in enumerate(marked):
            if hit:
                plan.add(k, f"masthead removed: {top[k].text!r}")

    # running heads and footers: short lines repeated through the document
    # group first (cheap), look closer only at lines that repeat
    # (right-aligned page numbers pad "Page 9 of 12" wider than "Page 10 of
    # 12": runs of spaces count as one)
    keyed = joined.lower().replace("\t", " ")
    if "  " in keyed:
        keyed = _SPACE_RUN.sub(" ", keyed)
    keys = _DIGITS.sub("#", keyed).split("\n")
    counts = Counter(keys)
    groups: dict[str, list[int]] = defaultdict(list)
    head_like: dict[str, bool] = {}  # repeated lines are often the same text
    for k, key in zip(short, keys):
        if counts[key] < 2:
            continue
        line_text = lines[k].text
        verdict = head_like.get(line_text)
        if verdict is None:
            verdict = head_like[line_text] = _candidate_head(line_text, lay)
        if verdict and _placed_as_head(lay, lines, k):
            groups[key].append(k)
    facing = _facing_heads(lay, lines, short, keys)
    if facing:
        key_of = dict(zip(short, keys))
        for bag, ks in facing.items():
            for k in ks:
                groups.pop(key_of[k], None)
            groups[bag] = ks
    undecided = []
    for norm, ks in groups.items():
        if len(ks) < 2:
            continue
        positions = [lines[k].start for k in ks]
        numbers = [_DIGITS.findall(lines[k].text) for k in ks]
        plain_words = [w for w in words(norm) if not w.isdigit()]
        spacing = (positions[-1] - positions[0]) / (len(ks) - 1)
        # a head with its page number: says "page", or stands a page apart
        # with the number at one end ("Day 1 in the Alps" / "Day 2 in the
        # Alps" and comment timestamps are numbered headings, not heads)
        paged = "#" in norm and len({tuple(n) for n in numbers}) == len(ks) and (
            "page" in norm
            or (len(plain_words) >= 3 and spacing >= PAGE_SPACING and _numbered_at_end(norm))
        )
        # facing heads on three pages running on (4, 5, 6) need no spacing
        paged = paged or (norm in facing and len(ks) >= 3 and _pages_run_on([lines[k].text for k in ks]))
        if (
            paged
            or (len(ks) >= 3 and spacing >= PAGE_SPACING and len(plain_words) >= 3)
            or (spacing >= 2 * PAGE_SPACING and len(plain_words) >= 4)
        ):
            for k in ks:
                plan.add(k, f"running head removed: {lines[k].text!r}")
        else:
            undecided.append(ks)
    # a repeated line that sits beside other furniture (or a page number)
    # every time is furniture
    folios = set(_matching_lines(_FOLIO, shared))
    furniture_units = {lines[k].unit for k in set(plan.drop) | folios}
    for ks in undecided:
        if all(not furniture_units.isdisjoint(_beside(lay, lines, k)) for k in ks):
            for k in ks:
                plan.add(k, f"running head removed: {lines[k].text!r}")
        elif _banner_under_heads(lines, ks, furniture_units):
            # the section's own heading stays where the section starts
            for k in ks[1:]:
                plan.add(k, f"section banner removed: {lines[k].text!r}")
    # page numbers beside a running head, with body text on their other side
    head_units = {lines[k].unit for k, m in plan.drop.items() if m.startswith("running head")}
    for k in folios:
        u = lines[k].unit
        for near, far in ((u - 1, u + 1), (u + 1, u - 1)):
            if near in head_units and 0 <= far < len(lay.units) and (
                far in head_units or lay.kind(far) in ("body", "other", "turn")
            ):
                plan.add(k, f"page number removed: {lines[k].text!r}")
                break
    heads = {k for k, m in plan.drop.items() if m.startswith("running head")}

    # section banners: shouted lines with a shared prefix, or under a head
    prefixes: dict[str, list[int]] = defaultdict(list)
    for k in _lines_holding(":", shared):
        line = lines[k]
        if _banner_prefix(line.text) and is_all_caps(line.text) and not is_credit(line.text, lay.pats):
            prefixes[line.text.split(":", 1)[0].strip()].append(k)
    for ks in prefixes.values():
        if len(ks) >= 2:
            for k in ks:
                plan.add(k, f"section banner removed: {lines[k].text!r}")
    for k in heads:
        if k + 1 < len(lines) and lines[k + 1].unit == lines[k].unit + 1:
            nxt = lines[k + 1].text
            if (
                is_all_caps(nxt)
                and len(words(nxt)) >= 4
                and not ends_sentence(nxt.rstrip("."))
                and not is_credit(nxt, lay.pats)
            ):
                plan.add(k + 1, f"section banner removed: {nxt!r}")

    # a book's page head that a sentence goes on under (it may be the only
    # one in the text), and a dictionary's heads with their guide words
    guides: list[int] = []
    for k in _lines_holding("   ", shared):
        line = lines[k]
        u = line.unit
        if not _book_head(line.text) or line.start != lay.units[u].start or line.end != lay.units[u].end:
            continue
        if u + 1 < len(lay.units) and lay.opens_lower(u + 1):
            plan.add(k, f"running head removed: {line.text!r}")
        elif _guide_words(line.text) is not None:
            guides.append(k)
    if len(guides) >= 2 and _guides_run_on(lines, guides):
        for k in guides:
            plan.add(k, f"running head removed: {lines[k].text!r}")

    # the rule lines that frame a removed banner go with it
    for k in [k for k in plan.drop if _framed(lay, lines, k)]:
        for rule in (k - 1, k + 1):
            plan.add(rule, f"rule line framing {lines[k].text!r} removed")

    _letterheads(lay, lines, plan, shared)

    # bare page numbers ("12", "A5", "- 4 -") next to other furniture, or
    # inside a sentence that a page break splits
    dropped_units = {lines[k].unit for k in plan.drop} | plan.units.keys()
    for k in _matching_lines(_BARE_FOLIO, shared):
        line = lines[k]
        if (
            line.unit - 1 in dropped_units
            or line.unit + 1 in dropped_units
            or _splits_sentence(lay, line.unit)
            or (line.unit in (0, len(lay.units) - 1) and lay.text.startswith(_CENTRED, line.start - len(_CENTRED)))
        ):
            plan.add(k, f"page number removed: {line.text!r}")
    return jumps, targets


# A letterhead repeated on a page is indented this far at least.
_INDENT = " " * 8
# A letterhead has at most this many lines.
LETTERHEAD_LINES = 8


def _letterheads(lay: Layout, lines: list[Line], plan: _Plan, shared: _Short) -> None:
    """A letterhead printed again at the top of later pages: the document's
    first lines, two or more set one under the other and indented, the
    first in capitals (a name), again in a block of their own (often read as
    code).  Each repeat goes; the first, the document's own heading, stays.
    (A refrain that opens a song is no letterhead: it is not in capitals.)"""
    text = lay.text
    units = lay.units
    first = lay.first_line(0).strip()
    if not first[:1].isupper() or not is_all_caps(first):
        return
    joined = shared.joined  # (the first short line opens it: "\n" + first is a repeat)
    again = joined.find(f"\n{first}\n") >= 0 or joined.endswith(f"\n{first}")
    code = [u for u in lay.code if u and text[units[u].start : units[u].first_end].strip() == first]
    if not (again or code) or not _candidate_head(first, lay):
        return
    opening = _opening_block(text[units[0].start : units[0].start + LETTERHEAD_LINES * 101])
    if opening is None:
        return
    message = f"letterhead repeated at the top of a page removed: {first!r}"
    for u in code:
        if [line.strip() for line in text[units[u].start : units[u].end].split("\n")] == opening:
            plan.units[u] = message
    n = len(opening)
    for k in _lines_holding(first, shared) if again else ():
        block = lines[k : k + n]
        if (
            lines[k].unit > 0
            and len(block) == n
            and [line.text for line in block] == opening
            and all(_stacked(lay, lines, j) for j in range(k, k + n - 1))
            and all(_indented(text, line.start) for line in block)
        ):
            for j in range(k, k + n):
                plan.add(j, message)


def _indented(text: str, at: int) -> bool:
    """Is the line holding offset ``at`` indented by ``_INDENT`` or more
    (after a page break)?

    >>> _indented("x\\n\\f          HARBOUR", 8), _indented("x\\n  HARBOUR", 5)
    (True, False)
    """
    start = text.rfind("\n", 0, at) + 1
    return text[start : start + len(_INDENT) + 1].lstrip("\f").startswith(_INDENT)


def _opening_block(top: str) -> list[str] | None:
    """The first lines of a text, up to its first blank line, stripped, when
    they are two to ``LETTERHEAD_LINES`` short lines (a letterhead).

    >>> _opening_block("  HARBOUR BOARD\\n  1 Quay Street\\n\\nDear Sir,")
    ['HARBOUR BOARD', '1 Quay Street']
    >>> _opening_block("  HARBOUR BOARD\\n\\nDear Sir,"), _opening_block("To: the board,\\nA\\n")
    (None, None)
    """
    block = []
    for line in top.split("\n"):
        line = line.strip()
        if not line:
            break
        if len(line) > 100 or line[-1] in ":;,{":
            return None
        block.append(line)
    else:
        return None  # (no blank line within reach)
    return block if 2 <= len(block) <= LETTERHEAD_LINES else None


def _splits_sentence(lay: Layout, u: int) -> bool:
    """Does unit ``u`` (a page number) stand between a paragraph that stops
    mid-sentence and its lowercase continuation ("... an exclusion for" /
    "12" / "gradual wear")?"""
    if u == 0 or u + 1 >= len(lay.units) or not lay.opens_lower(u + 1):
        return False
    return lay.kind(u - 1) in ("body", "other") and not ends_sentence(lay.tail(u - 1))


# The words of a grouping key, for matching heads that put the same words
# in another order ("#, #", "b#" and "&" count as words).
_KEY_WORD = re.compile(r"[\w#&]+")


def _facing_heads(lay: Layout, lines: list[Line], short: list[int], keys: list[str]) -> dict[str, list[int]]:
    """Running heads of facing pages: a left page prints "48  TRAILS &
    TIMBER  SUMMER 2026", a right page "SUMMER 2026  TRAILS & TIMBER  49".
    Lines with the same words in two orders or more, each with its page
    number at one end, grouped by those words (numbers first): for the
    heads above, ``"# # # & summer timber trails"``.  Each group maps to
    the lines that may be heads."""
    # Lines in another order hold the same characters: a cheap screen
    # first, by a sum over each numbered line's bytes (in C).
    spelled: dict[tuple[int, int], set[str]] = defaultdict(set)
    # (a page number is a short word at one end: "#", "b#")
    numbered = [
        (k, key, (len(key), sum(key.encode()))) for k, key in zip(short, keys) if "#" in key[:3] or "#" in key[-3:]
    ]
    for _, key, chars in numbered:
        spelled[chars].add(key)
    bags: dict[str, list[int]] = defaultdict(list)
    orders: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for k, key, chars in numbered:
        if len(spelled[chars]) < 2 or not _numbered_at_end(key):
            continue
        found = _KEY_WORD.findall(key)
        plain = sorted(w for w in found if "#" not in w)
        if len(plain) >= 3:
            bag = " ".join(sorted(w for w in found if "#" in w) + plain)
            bags[bag].append(k)
            orders[bag].add(tuple(found))
    return {
        bag: [
            k
            for k in ks
            if _candidate_head(lines[k].text, lay) and _placed_as_head(lay, lines, k)
        ]
        for bag, ks in bags.items()
        # (the words in two orders: lines that differ in their punctuation
        # alone, "$1.3" and "$92,500,", are no facing heads)
        if len(orders[bag]) >= 2
    }


def _matching_lines(pattern: re.Pattern[str] | None, shared: _Short) -> list[int]:
    """Indices of the short lines that ``pattern`` (ending in ``\\Z``)
    matches whole, in order.  (Matching line by line is faster than one
    multi-line scan, which tries a match at every character.)"""
    if pattern is None:
        return []
    match = pattern.match
    return [k for k, text in zip(shared.index, shared.texts) if match(text)]


# A jump line broken over two lines ("Continued on" / "Page 12") is at most
# this long.
LONGEST_JUMP = 60


def _line_pairs(lines: list[Line]) -> list[int]:
    """Indices ``k`` of the short lines that the next short line follows
    right after one line break (in the same block), short enough together
    to be a jump line broken in two, the first starting with a capital."""
    return [
        k
        for k in range(len(lines) - 1)
        if lines[k + 1].start - lines[k].end == 1  # one newline between them
        and len(lines[k].text) + len(lines[k + 1].text) < LONGEST_JUMP
        and lines[k].text[:1].isupper()  # "Continued on", "From Page", "SEE"
    ]


def _matching_pairs(
    pattern: re.Pattern[str] | None, pairs: list[int], lines: list[Line], plan: _Plan
) -> Iterator[tuple[int, str]]:
    """Pairs of lines (``k``, ``k + 1``) that ``pattern`` matches whole once
    joined by a space, though neither is furniture alone."""
    if pattern is None:
        return
    for k in pairs:
        if k in plan.drop or k + 1 in plan.drop:
            continue
        joined = f"{lines[k].text} {lines[k + 1].text}"
        if pattern.match(joined):
            yield k, joined


def _lines_holding(needle: str, shared: _Short) -> list[int]:
    """Indices of the short lines that contain ``needle``, in order."""
    return [k for k, text in zip(shared.index, shared.texts) if needle in text]


def _page_of(line: str) -> int | None:
    """The page a jump line sends to.

    >>> _page_of("Continued on Page 12"), _page_of("See BUDGET, A4"), _page_of("Continued on Following Page")
    (12, 4, None)
    """
    m = _PAGE_NUMBER.search(line) or _END_PAGE.search(line)
    return int(m.group(2)) if m else None


def _slug(line: str) -> str | None:
    """The story's slug that a jump line or continuation marker names, in
    capitals in a line that is not all capitals.

    >>> _slug("Please see TRAIL on A6"), _slug("TIGERS | From B1"), _slug("Continued from A1")
    ('TRAIL', 'TIGERS', None)
    """
    if line.isupper():
        return None  # "SEE BUDGET, A4": the slug cannot be told from the rest
    return " ".join(_SLUG_WORD.findall(line)) or None


def _stitch(
    lay: Layout, lines: list[Line], plan: _Plan, jumps: list[int], targets: list[int]
) -> Iterator[tuple[int, int, int]]:
    """(jump line, continuation unit, continuation end unit) for each story
    whose jump and continuation are both here."""
    used: set[int] = set()
    claimed: list[tuple[int, int]] = []  # unit spans of stitched stories
    dropped_units = {lines[k].unit for k in plan.drop} | plan.units.keys()
    for t_index, t in enumerate(targets):
        # the continuation: the first body unit after the target line
        cont = None
        for u in range(lines[t].unit + 1, min(len(lay.units), lines[t].unit + 8)):
            if u in dropped_units:
                continue
            if lay.kind(u) in ("body", "turn", "other"):
                cont = u
                break
            if not lay.is_interloper(u):
                break
        if cont is None:
            continue
        # open stories that jump before this target: the one its slug names
        # ("See BUDGET, A4" ... "BUDGET from A1"), else the lowest page first
        slug = _slug(lines[t].text)
        candidates = []
        earlier = [j for j in jumps if j < t and j not in used][-MAX_OPEN_JUMPS:]
        for j in earlier:
            if lines[j].unit == 0:
                continue
            jump_slug = _slug(lines[j].text) if slug else None
            if jump_slug and jump_slug != slug:
                continue  # another story's jump
            page = _page_of(lines[j].text)
            if page is None:
                page = 10_000  # "Continued on Following Page": after any numbered jump
            before = lines[j].unit - 1
            while before >= 0 and before in dropped_units:
                before -= 1
            if before < 0:
                continue
            a_tail = lay.tail(before)
            lower = lay.opens_lower(cont)
            # A story that breaks off right above its jump line and goes on
            # in lowercase after "From Page N" is open even when its last
            # paragraph reads like a name ("The Harbor Commission voted 7").
            broken_off = lower and not ends_sentence(a_tail) and not is_all_caps(a_tail)
            if (broken_off or lay.is_open(lay.head(before), a_tail, short_ok=lower)) and (
                lower or lay.continues(a_tail, cont)
            ):
                candidates.append((jump_slug is None, page, j))
        if not candidates:
            continue
        *_, jump = min(candidates)
        # the continued story runs to the next continuation or the end, and
        # no further than its own paragraphs
        nxt = targets[t_index + 1] if t_index + 1 < len(targets) else None
        limit = len(lay.units) - 1 if nxt is None else lines[nxt].unit - 1
        end_unit = _story_end(lay, cont, limit, dropped_units)
        span = (lines[jump].unit, end_unit)
        if end_unit < cont or any(a <= span[1] and span[0] <= b for a, b in claimed):
            continue  # stories tangled with one already stitched: leave them
        used.add(jump)
        claimed.append(span)
        yield jump, cont, end_unit


def _opens_story(lay: Layout, u: int) -> bool:
    """Is unit ``u`` a heading that starts another story or section: a
    title over a byline, or a banner in capitals without numbers over a
    paragraph?"""
    if u + 1 >= len(lay.units):
        return False
    if lay.is_byline(u + 1):
        return lay.kind(u) == "label"
    if not lay.text[lay.units[u].start].isupper():
        return False  # (no banner in capitals)
    text = lay.unit_text(u)
    return (
        is_all_caps(text)
        and _DIGITS.search(text) is None
        and lay.kind(u) == "label"
        and lay.kind(u + 1) == "body"
    )


def _story_end(lay: Layout, cont: int, limit: int, dropped_units: set[int]) -> int:
    """The last unit of a continued story that resumes at unit ``cont``:
    its paragraphs up to ``limit``, ending before the next story (a title
    over a byline) or section (a banner such as ``LEGAL NOTICES``) and on a
    finished sentence, so that nothing moved after it is read as its next
    words.  ``cont - 1`` when no paragraph of it ends a sentence.  (Its own
    subheads, ``PART 2``, ``The Players``, are no ends.)"""
    units = lay.units
    end = limit
    for u in range(cont + 1, limit + 1):
        if (
            units[u].end - units[u].start <= _LONGEST_LABEL
            and u not in dropped_units
            and _opens_story(lay, u)
            and not lay.is_interloper(u)  # (a credit in capitals)
        ):
            end = u - 1
            break
    while end >= cont and (
        end in dropped_units
        or not ends_sentence(lay.tail(end))  # a truncated last paragraph
        or (end > cont and lay.is_interloper(end))
    ):
        end -= 1  # the moved stories go before it
    return end


def furniture_findings(
    text: str, config: Config | None = None, layout: Layout | None = None
) -> Iterator[Edit | Note]:
    """Edits that remove page furniture and stitch jumped stories (LF text).

    >>> t = "They waited for just 12\\n\\nContinued on Page 9\\n\\nOther News\\n\\nFrom Page 1\\n\\ndays at the border."
    >>> apply_edits(t, [f for f in furniture_findings(t) if isinstance(f, Edit)])
    'They waited for just 12\\n\\ndays at the border.\\n\\nOther News'
    """
    config = config or Config()
    lay = layout or Layout(text, config)
    if not lay.units:
        return
    lines = _lines(lay)
    plan = _Plan()
    shared = _short_lines(lines)
    jumps, targets = _find(lay, lines, plan, shared)
    yield from _residue(lay, lines, shared)
    if not plan.drop and not plan.units:
        return
    units = lay.units
    # units wholly made of dropped lines go as units; other dropped lines
    # (a footer inside a hard-wrapped paragraph) go as lines
    by_unit: dict[int, list[int]] = defaultdict(list)
    for k in plan.drop:
        by_unit[lines[k].unit].append(k)
    wrapped_lines = _line_counts(lay)
    drop_units: dict[int, str] = {}
    line_drops: list[int] = []
    for u, hit in by_unit.items():
        hit.sort()
        if len(hit) == wrapped_lines.get(u, 1):
            drop_units[u] = "; ".join(plan.drop[k] for k in hit)
        else:
            line_drops.extend(hit)
    drop_units.update(plan.units)
    move_units: dict[int, int] = {}  # unit -> unit after which it goes
    for jump, cont, end_unit in _stitch(lay, lines, plan, jumps, targets):
        for u in range(lines[jump].unit + 1, cont):
            if u not in drop_units:
                move_units[u] = end_unit
    gone = sorted(set(drop_units) | set(move_units))
    spans = lay.removal_spans(gone)
    taken = 0  # the end of the span removed before
    for u in gone:
        span = spans[u]
        if u in drop_units:
            start = span[0]
            if start == units[u].start:  # with its indent ("      42")
                while start > taken and text[start - 1] in " \t":
                    start -= 1
            yield Edit(start, span[1], "", RULE, drop_units[u])
        else:
            yield Edit(span[0], span[1], "", RULE, "moved after the continued story it interrupted")
        taken = span[1]
    targets_of: dict[int, list[int]] = defaultdict(list)
    for u, end_unit in move_units.items():
        targets_of[end_unit].append(u)
    for end_unit, group in sorted(targets_of.items()):
        at = units[end_unit].end
        moved = lay.joined(sorted(group))
        yield Edit(at, at, "\n\n" + moved, RULE, f"{len(group)} block(s) moved here from between a jump and its continuation")
    for k in line_drops:
        line = lines[k]
        text_end = lay.units[line.unit].end
        start = text.rfind("\n", 0, line.start) + 1
        end = line.end + 1 if line.end < text_end else line.end
        if end == line.end and start > units[line.unit].start:
            start -= 1  # the last line of its unit: take the newline before it
        yield Edit(start, end, "", RULE, plan.drop[k])


def _residue(lay: Layout, lines: list[Line], shared: _Short) -> Iterator[Note]:
    """Web residue, reported: link text without its link, footnote markers,
    hashtag headings."""
    pats = lay.pats
    for k in _matching_lines(pats.residue, shared):
        line = lines[k]
        if len(line.text) > 120:
            continue
        yield Note(line.start, line.end, RULE, f"link text without its link: {line.text!r}")
    text = lay.text
    i = text.find("[")
    while i >= 0:
        m = _FOOTNOTE.match(text, i)
        if m:
            yield Note(m.start(), m.end(), RULE, f"footnote marker without its footnote: {m.group()!r}")
        i = text.find("[", i + 1)
    if lines and _HASHTAG_HEAD.match(lines[0].text):
        m = _HASHTAG_HEAD.match(lines[0].text)
        assert m is not None
        yield Note(lines[0].start, lines[0].start + m.end(), RULE, f"heading marker: {m.group()!r}")


def fix_furniture(text: str, config: Config | None = None) -> str:
    """Remove page furniture and stitch jumped stories."""
    from .textutil import fix_with

    return fix_with(
        text, lambda t: [f for f in furniture_findings(t, config) if isinstance(f, Edit)]
    )

