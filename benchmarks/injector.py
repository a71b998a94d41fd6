"""Break clean documents the way text extraction does, and remember where.

:func:`inject` takes a ground-truth :class:`groundtruth.Document` and returns
an :class:`Injected`: the broken text, the ground truth, and for every
injected artifact the ranges of the ground truth it covers (:class:`Span`),
plus the traps (good text a careless repair would damage, :class:`Trap`).
The artifacts are the ones ../shared/ARTIFACTS.md describes; each kind has
one injection function, listed in :data:`ARTIFACT_TYPES` with the corpusclean
rules that must repair it (``ArtifactType.rules``).

Where it lives: this module, ``groundtruth.py`` and ``scoring.py`` sit in
``benchmarks/`` and import nothing from corpusclean, so they measure it from
outside.  ``benchmarks/compare.py`` imports them as top-level modules (Python
puts the script's folder on ``sys.path``); the tests put ``benchmarks/`` on
``sys.path`` in ``tests/conftest.py`` and import them the same way.

How a document is broken.  The document is rendered into *pieces*, each a
pair (broken text, ground-truth text); at first the two are equal.  An
injection carves a clean piece out of the text (a word, the gap between two
words, a separator between blocks) and gives it a different broken text, or
adds pieces that exist on one side only (a caption that the ground truth
holds after the paragraph, a continuation that the broken text holds at the
end of the page).  Every piece an injection touches carries its span's
number, and the pieces are never touched again, so artifacts never overlap.
Joining the broken texts gives the broken document, joining the truths gives
the ground truth, and a span's ranges are where its pieces fall in the
ground truth.

What a correct repair is must be well defined, so the injections are
realistic and unambiguous: words are hyphenated only at pyphen's syllable
breaks and only when wordfreq knows the word (and, for a hyphen left inside a
line, only when the document writes the whole word elsewhere); paragraphs are
broken only mid-sentence (after a word with no closing punctuation);
running heads repeat within a document; a mixed-script word has one foreign
letter among four or more.  Captions and graphic text that interrupt a
paragraph belong, in the ground truth, after that paragraph, one block each
(corpusclean's ``captions = "move"``); jump lines and running heads are not in
the ground truth, and a jumped story is whole there.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")
import pyphen
from groundtruth import _FIRST, _LAST, _MONTHS, _PAPER, _PLACES, _WEEKDAYS, TRAP_KINDS, Document, segments
from wordfreq import zipf_frequency

__all__ = [
    "ARTIFACT_TYPES",
    "ArtifactType",
    "Injected",
    "Span",
    "Trap",
    "inject",
    "repairable_types",
]


# -- results ------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """One injected artifact.

    ``required``: ground-truth ranges that a repair must restore exactly (the
    damaged words with their neighbours, and text the artifact displaced).
    ``extent``: ground-truth ranges that belong to the artifact (``required``
    and, for captions and jumps, the text between the break and the place
    where the displaced text belongs); it is not good text.
    ``where``: offset in the broken text where the artifact starts.
    """

    type: str
    required: tuple[tuple[int, int], ...]
    extent: tuple[tuple[int, int], ...]
    where: int


@dataclass(frozen=True)
class Trap:
    """Good ground-truth text that a careless repair of ``family`` would damage."""

    family: str
    start: int
    end: int


@dataclass(frozen=True)
class Injected:
    genre: str
    broken: str
    truth: str
    spans: tuple[Span, ...]
    traps: tuple[Trap, ...]


# -- pieces ----------------------------------------------------------------------


@dataclass
class _Piece:
    broken: str
    truth: str
    kind: str  # the block's kind, "sep" between blocks, "end" for the final newline
    block: int | None = None
    mark: str | None = None  # trap family from the document's markup
    span: int | None = None
    extent: frozenset[int] = field(default_factory=frozenset)

    @property
    def clean(self) -> bool:
        """Untouched good text, outside every artifact's extent: a site."""
        return self.span is None and self.mark is None and self.broken == self.truth and not self.extent


_TOKEN = re.compile(r"\S+")
_LAST_TOKEN = re.compile(r"\S+$")
# two neighbouring tokens and the whitespace between them
_GAP = re.compile(r"(?=(?<!\S)(\S+)(\s+)(\S+))")
_CORE = re.compile(r"^([^\w]*)([\w’']*\w)([^\w]*)$")
_ENDS_OPEN = re.compile(r"\w$")  # no closing punctuation: the sentence goes on


class Draft:
    """A document being broken (see the module docstring)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.pieces: list[_Piece] = []
        for i, block in enumerate(doc.blocks):
            if i:
                self.pieces.append(_Piece("\n\n", "\n\n", "sep"))
            for text, family in segments(block.marked):
                self.pieces.append(_Piece(text, text, block.kind, i, family))
        self.pieces.append(_Piece("\n", "\n", "end"))
        self.types: list[str] = []
        self.claimed: set[int] = set()  # blocks a layout artifact has used
        self.words = Counter(m.group(2).lower() for m in map(_CORE.match, doc.text.split()) if m)
        self.used_words: set[str] = set()

    # spans

    def new_span(self, type_name: str) -> int:
        self.types.append(type_name)
        return len(self.types) - 1

    # finding sites

    def tokens(self, kinds: set[str] | None = None) -> list[tuple[int, re.Match[str]]]:
        """(piece index, match) for every token of every clean piece that
        does not stand next to an artifact."""
        out = []
        for i, p in enumerate(self.pieces):
            if p.clean and p.kind not in ("sep", "end") and (kinds is None or p.kind in kinds):
                out.extend((i, m) for m in _TOKEN.finditer(p.truth) if self._apart(i, m.start(), m.end()))
        return out

    def _apart(self, i: int, start: int, end: int) -> bool:
        """Whether ``[start, end)`` of piece ``i`` has a token of good text (or
        a block boundary) on each side, so that artifacts never touch: an
        alignment could not tell which of two touching artifacts an
        inserted token belongs to."""
        text = self.pieces[i].truth
        if not text[:start].strip() and i > 0 and self.pieces[i - 1].span is not None:
            return False
        if not text[end:].strip() and i + 1 < len(self.pieces) and self.pieces[i + 1].span is not None:
            return False
        return True

    def gaps(self, kinds: set[str], unclaimed: bool = False) -> list[tuple[int, re.Match[str]]]:
        """(piece index, match) for every pair of neighbouring tokens in clean
        pieces (of unclaimed blocks only, if asked); groups: token,
        whitespace, token."""
        out = []
        for i, p in enumerate(self.pieces):
            if p.clean and p.kind in kinds and not (unclaimed and p.block in self.claimed):
                out.extend((i, m) for m in _GAP.finditer(p.truth) if self._apart(i, m.start(1), m.end(3)))
        return out

    def carve(self, index: int, start: int, end: int) -> int:
        """Split clean piece ``index`` so that ``[start, end)`` of its text is
        a piece of its own; return that piece's index."""
        p = self.pieces[index]
        text = p.truth
        parts = [text[:start], text[start:end], text[end:]]
        new = [replace(p, broken=t, truth=t) for t in parts]
        self.pieces[index : index + 1] = new
        return index + 1

    def set(self, index: int, broken: str, truth: str, span: int) -> None:
        p = self.pieces[index]
        p.broken, p.truth, p.span = broken, truth, span

    def block_end(self, block: int) -> int:
        """Index of the last piece of ``block``."""
        return max(i for i, p in enumerate(self.pieces) if p.block == block)

    def separators(self) -> list[int]:
        """Clean separators whose neighbours end and start with a clean token."""
        out = []
        for i, p in enumerate(self.pieces):
            if p.kind == "sep" and p.clean and 0 < i < len(self.pieces) - 1:
                before, after = self.pieces[i - 1], self.pieces[i + 1]
                if (
                    before.clean
                    and after.clean
                    and before.truth[-1:].strip()
                    and after.truth[:1].strip()
                    and after.kind != "end"
                    and self._apart(i - 1, *_LAST_TOKEN.search(before.truth).span())  # type: ignore[union-attr]
                    and self._apart(i + 1, *_TOKEN.match(after.truth).span())  # type: ignore[union-attr]
                ):
                    out.append(i)
        return out

    def around(self, sep: int, span: int, after_tokens: int = 1) -> tuple[str, str]:
        """Merge the last token before separator ``sep``, the separator and the
        first ``after_tokens`` tokens after it into one piece of ``span``
        (whose texts the caller sets); return the text before and after the
        separator."""
        before, after = self.pieces[sep - 1], self.pieces[sep + 1]
        last = list(_TOKEN.finditer(before.truth))[-1]
        first = list(_TOKEN.finditer(after.truth))[after_tokens - 1]
        assert last.end() == len(before.truth)
        rest_before, rest_after = before.truth[: last.start()], after.truth[first.end() :]
        new = []
        if rest_before:
            new.append(replace(before, broken=rest_before, truth=rest_before))
        new.append(_Piece("", "", before.kind, before.block, span=span))
        if rest_after:
            new.append(replace(after, broken=rest_after, truth=rest_after))
        self.pieces[sep - 1 : sep + 2] = new
        return last.group(), after.truth[: first.end()]

    def _tidy(self) -> None:
        self.pieces = [p for p in self.pieces if p.broken or p.truth or p.span is not None]

    # rendering

    def render(self) -> Injected:
        self._tidy()
        broken_parts: list[str] = []
        truth_parts: list[str] = []
        required: dict[int, list[tuple[int, int]]] = {}
        extent: dict[int, list[tuple[int, int]]] = {}
        where: dict[int, int] = {}
        traps: list[Trap] = []
        block_ranges: dict[int, list[int]] = {}
        t = b = 0
        for i, p in enumerate(self.pieces):
            t_end = t + len(p.truth)
            if p.span is not None:
                required.setdefault(p.span, []).append((t, t_end))
                extent.setdefault(p.span, []).append((t, t_end))
                if p.broken:
                    where.setdefault(p.span, b)
            for s in p.extent:
                extent.setdefault(s, []).append((t, t_end))
            if p.clean or (p.mark and p.span is None):
                traps.extend(_piece_traps(p, t))
            if p.block is not None and self.doc.blocks[p.block].kind in TRAP_KINDS:
                lo, hi = t, t_end
                if i and self.pieces[i - 1].kind == "sep":
                    lo -= len(self.pieces[i - 1].truth)
                if i + 1 < len(self.pieces) and self.pieces[i + 1].kind in ("sep", "end"):
                    hi += len(self.pieces[i + 1].truth)
                r = block_ranges.setdefault(p.block, [lo, hi])
                r[0], r[1] = min(r[0], lo), max(r[1], hi)
            broken_parts.append(p.broken)
            truth_parts.append(p.truth)
            t = t_end
            b += len(p.broken)
        for block, (lo, hi) in sorted(block_ranges.items()):
            for family in TRAP_KINDS[self.doc.blocks[block].kind]:
                traps.append(Trap(family, lo, hi))
        truth = "".join(truth_parts)
        spans = tuple(
            Span(
                self.types[s],
                tuple(_merge(required[s])),
                tuple(_pad(truth, _merge(extent[s])) if self.types[s] in _MOVING else _merge(extent[s])),
                where.get(s, 0),
            )
            for s in sorted(required)
        )
        return Injected(
            self.doc.genre, "".join(broken_parts), truth, spans, tuple(sorted(traps, key=lambda x: x.start))
        )


# Artifacts that move text: the blocks that trade places start and end with
# common tokens ("The", a paragraph break) that an alignment may take from
# either copy, so their extent reaches two tokens further on each side.
_MOVING = {"caption", "hyphen-caption", "jump"}
_NEXT = re.compile(r"\s*\S+\s+\S+|\s*\S+")
_PREV = re.compile(r"\S+\s+\S+\s*$|\S+\s*$")


def _pad(truth: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in ranges:
        before = _PREV.search(truth, 0, a)
        after = _NEXT.match(truth, b)
        out.append((before.start() if before else a, after.end() if after else b))
    return _merge(out)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out if b > a]


_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def _piece_traps(p: _Piece, offset: int) -> Iterator[Trap]:
    """Traps in a piece the injections left alone."""
    if p.mark:
        yield Trap(p.mark, offset, offset + len(p.truth))
        return
    if p.kind == "sep":
        yield Trap("whitespace", offset, offset + len(p.truth))  # a paragraph break to keep
        return
    for m in _TOKEN.finditer(p.truth):
        tok = m.group()
        lo, hi = offset + m.start(), offset + m.end()
        if _NON_LATIN.search(tok):
            yield Trap("scripts", lo, hi)
        if any(ord(c) > 127 and _NON_ASCII_LETTER.match(c) for c in tok):
            yield Trap("mojibake", lo, hi)
        if "$" in tok or "\\" in tok:
            yield Trap("escapes", lo, hi)
        if "\u200d" in tok:
            yield Trap("controls", lo, hi)


# -- helpers for the injections -----------------------------------------------------


@lru_cache(maxsize=1)
def _pyphen() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _breaks(word: str) -> list[int]:
    """Where ``word`` (letters only) may be hyphenated: pyphen's syllable
    breaks, halves of two and three letters at least, in a word wordfreq knows."""
    if len(word) < 6 or not word.isascii() or not word.isalpha() or _zipf(word.lower()) < 3.0:
        return []
    return [p for p in _pyphen().positions(word) if 2 <= p <= len(word) - 3]


def _split_token(token: str) -> tuple[str, str, str] | None:
    """(leading punctuation, word, trailing punctuation) of a token."""
    m = re.match(r"^([^A-Za-z]*)([A-Za-z]+)([^A-Za-z]*)$", token)
    return (m.group(1), m.group(2), m.group(3)) if m else None


def _hyphenatable(token: str) -> tuple[str, str, str, list[int]] | None:
    parts = _split_token(token)
    if not parts:
        return None
    lead, word, trail = parts
    if any(c in lead + trail for c in "-—–/"):
        return None
    points = _breaks(word)
    return (lead, word, trail, points) if points else None


def _open_gap(m: re.Match[str]) -> bool:
    """A gap inside a sentence: the first token has no closing punctuation."""
    return bool(_ENDS_OPEN.search(m.group(1))) and m.group(1)[-1].isalnum()


def _inner_gaps(
    d: Draft, kinds: set[str], min_side: int = 3, unclaimed: bool = False
) -> list[tuple[int, re.Match[str]]]:
    """Open gaps with at least ``min_side`` tokens of the piece on each side."""
    out = []
    for i, m in d.gaps(kinds, unclaimed):
        text = d.pieces[i].truth
        before = len(text[: m.start()].split())
        after = len(text[m.start() :].split()) - 1
        if before + 1 >= min_side and after >= min_side and _open_gap(m):
            out.append((i, m))
    return out


_BODY = {"body"}


def _after_paragraph(d: Draft, block: int, text: str, span: int) -> None:
    """Ground-truth-only piece: ``text`` as blocks of their own right after
    ``block`` (what ``captions = "move"`` gives)."""
    end = d.block_end(block)
    d.pieces.insert(end + 1, _Piece("", "\n\n" + text, "body", block, span=span))


def _mark_extent(d: Draft, span: int) -> None:
    """Every piece between the first and the last piece of ``span`` belongs to its extent."""
    idx = [i for i, p in enumerate(d.pieces) if p.span == span]
    for i in range(idx[0], idx[-1] + 1):
        p = d.pieces[i]
        if p.span is None:
            p.extent = p.extent | {span}


# -- captions, credits and graphic text ---------------------------------------------

_AGENCIES = ["THE " + _PAPER.upper(), "REUTERS", "ASSOCIATED PRESS", "GETTY IMAGES", "AGENCE FRANCE-PRESSE"]
_PHOTOS = [
    "dockworkers outside the ferry terminal before the morning shift",
    "the damaged section of the sea wall after the January storm",
    "members of the harbor commission leaving the assembly building",
    "a crane idle on the container quay",
    "fishing boats at anchor in the outer harbor",
    "volunteers filling sandbags on the promenade",
    "an engineer inspecting cracks in a support column",
    "the old lighthouse, which closed to visitors last year",
]
_LEAD_INS = ["Left", "Far left", "Above", "Right", "Below", "Top"]
_GRAPHIC_TITLES = ["The Negotiators", "Key Figures", "Who Decides", "The Coastline"]
_GRAPHIC_GROUPS = ["HARBOR COMMISSION", "DOCKWORKERS' UNION", "PROVINCIAL MINISTRY", "COUNTY COUNCIL"]


def _credit(rng: random.Random) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}".upper()
    if rng.random() < 0.25:
        return f"{name} FOR THE {_PAPER.upper()}"
    return f"{name}/{rng.choice(_AGENCIES)}"


def _photo(rng: random.Random, used: set[str]) -> str:
    """A photo description not used yet in this document (if any is left)."""
    fresh = [p for p in _PHOTOS if p not in used] or _PHOTOS
    photo = rng.choice(fresh)
    used.add(photo)
    return photo


def _caption_text(rng: random.Random, used: set[str]) -> str:
    photo = _photo(rng, used)
    if rng.random() < 0.5:
        return f"{rng.choice(_LEAD_INS)}, {photo}."
    return photo[0].upper() + photo[1:] + "."


def _caption_group(rng: random.Random, used: set[str]) -> list[str]:
    roll = rng.random()
    if roll < 0.45:
        return [_credit(rng), _caption_text(rng, used)]
    if roll < 0.6:
        return [_caption_text(rng, used), _credit(rng)]
    if roll < 0.8:
        first, second = _photo(rng, used), _photo(rng, used)
        return [_credit(rng), f"Far left, {first}.", f"Left, {second}."]
    fresh = [t for t in _GRAPHIC_TITLES if t not in used] or _GRAPHIC_TITLES
    group = [rng.choice(fresh)]
    used.add(group[0])
    for org in rng.sample(_GRAPHIC_GROUPS, 2):
        group.append(org)
        group.extend(f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.randint(1, 3)))
    group.append(f"Source: {rng.choice(['Kestrel Bay Harbor Authority', 'county records', 'provincial ministry'])}")
    return group


def inject_caption(d: Draft, rng: random.Random) -> int:
    """Credit, caption or graphic between the two halves of a sentence
    (ARTIFACTS §4); in the ground truth they follow the paragraph."""
    sites = _inner_gaps(d, _BODY, unclaimed=True)
    if not sites:
        return 0
    i, m = rng.choice(sites)
    block = d.pieces[i].block
    assert block is not None
    d.claimed.add(block)
    span = d.new_span("caption")
    group = "\n\n".join(_caption_group(rng, d.used_words))
    j = d.carve(i, m.start(1), m.end(3))
    t1, ws, t2 = m.group(1), m.group(2), m.group(3)
    d.set(j, f"{t1}\n\n{group}\n\n{t2}", f"{t1}{ws}{t2}", span)
    _after_paragraph(d, block, group, span)
    _mark_extent(d, span)
    return 1


def inject_hyphen_caption(d: Draft, rng: random.Random) -> int:
    """A word hyphenated across graphic labels that sit between its halves
    (ARTIFACTS §2, ``presi-`` / labels / ``dents``)."""
    sites = [(i, m, h) for i, m in _inner_gaps(d, _BODY, 2, True) if (h := _hyphenatable(m.group(3)))]
    if not sites:
        return 0
    i, m, (lead, word, trail, points) = rng.choice(sites)
    block = d.pieces[i].block
    assert block is not None
    d.claimed.add(block)
    span = d.new_span("hyphen-caption")
    labels = "\n\n".join(rng.sample(_PLACES, rng.randint(2, 3)))
    p = rng.choice(points)
    t1, ws = m.group(1), m.group(2)
    j = d.carve(i, m.start(1), m.end(3))
    d.set(j, f"{t1}{ws}{lead}{word[:p]}-\n\n{labels}\n\n{word[p:]}{trail}", m.group(1) + ws + m.group(3), span)
    _after_paragraph(d, block, labels, span)
    _mark_extent(d, span)
    return 1


# -- hyphenation -----------------------------------------------------------------------


def _hyphen_across(d: Draft, rng: random.Random, name: str, breaks: list[str], kinds: set[str] = _BODY) -> int:
    sites = [(i, m, h) for i, m in _inner_gaps(d, kinds, 2) if (h := _hyphenatable(m.group(3)))]
    if not sites:
        return 0
    i, m, (lead, word, trail, points) = rng.choice(sites)
    span = d.new_span(name)
    p = rng.choice(points)
    j = d.carve(i, m.start(1), m.end(3))
    t1, ws = m.group(1), m.group(2)
    d.set(j, f"{t1}{ws}{lead}{word[:p]}-{rng.choice(breaks)}{word[p:]}{trail}", t1 + ws + m.group(3), span)
    return 1


def inject_hyphen_paragraph(d: Draft, rng: random.Random) -> int:
    """A word hyphenated across a paragraph break (``he ar-`` / blank line / ``gued``)."""
    return _hyphen_across(d, rng, "hyphen-paragraph", ["\n\n"])


def inject_hyphen_column(d: Draft, rng: random.Random) -> int:
    """A word hyphenated across a column break: blank lines and a lone space line."""
    return _hyphen_across(d, rng, "hyphen-column", ["\n\n\n\n", "\n\n \n\n", "\n\n\n \n\n\n"])


def inject_hyphen_line(d: Draft, rng: random.Random) -> int:
    """A word hyphenated at the end of a hard-wrapped line (``exam-\\nple``)."""
    sites = [
        (i, m, h)
        for i, m in d.gaps(_BODY)
        if m.group(2) == "\n" and (h := _hyphenatable(m.group(3)))
    ]
    if not sites:
        return 0
    i, m, (lead, word, trail, points) = rng.choice(sites)
    span = d.new_span("hyphen-line")
    p = rng.choice(points)
    j = d.carve(i, m.start(1), m.end(3))
    t1 = m.group(1)
    d.set(j, f"{t1} {lead}{word[:p]}-\n{word[p:]}{trail}", t1 + "\n" + m.group(3), span)
    return 1


def inject_hyphen_inline(d: Draft, rng: random.Random) -> int:
    """A break hyphen left inside a line (``battle-field``) in a word the
    document also writes whole at least twice elsewhere."""
    sites = []
    for i, m in d.tokens(_BODY):
        h = _hyphenatable(m.group())
        if h and d.words[h[1].lower()] >= 3 and h[1].lower() not in d.used_words:
            sites.append((i, m, h))
    if not sites:
        return 0
    i, m, (lead, word, trail, points) = rng.choice(sites)
    d.used_words.add(word.lower())
    span = d.new_span("hyphen-inline")
    p = rng.choice(points)
    j = d.carve(i, m.start(), m.end())
    d.set(j, f"{lead}{word[:p]}-{word[p:]}{trail}", m.group(), span)
    return 1


# -- paragraphs, overlaps ------------------------------------------------------------------


def inject_paragraph_break(d: Draft, rng: random.Random) -> int:
    """A body paragraph split mid-sentence by a blank line (ARTIFACTS §3);
    sometimes the second half starts with a capitalised word."""
    sites = _inner_gaps(d, _BODY)
    if not sites:
        return 0
    capital = [s for s in sites if s[1].group(3)[:1].isupper()]
    if capital and rng.random() < 0.3:
        sites = capital
    i, m = rng.choice(sites)
    span = d.new_span("paragraph-break")
    j = d.carve(i, m.start(1), m.end(3))
    t1, ws, t2 = m.groups()
    d.set(j, f"{t1}\n\n{t2}", f"{t1}{ws}{t2}", span)
    return 1


def inject_overlap(d: Draft, rng: random.Random) -> int:
    """A paragraph that ends in a dangling fragment repeating the start of the
    next one (ARTIFACTS §10: ``... this belief-`` / ``And it led to this belief ...``)."""
    sites = []
    for s in d.separators():
        before, after = d.pieces[s - 1], d.pieces[s + 1]
        if before.kind in ("body", "turn") and after.kind == "body" and after.block not in d.claimed:
            words = after.truth.split()
            if len(words) >= 8 and all(_ENDS_OPEN.search(w) for w in words[:4]):
                sites.append(s)
    if not sites:
        return 0
    s = rng.choice(sites)
    words = d.pieces[s + 1].truth.split()
    n = rng.choice([k for k in range(4, 8) if all(_ENDS_OPEN.search(w) for w in words[:k])])
    d.claimed.add(d.pieces[s + 1].block)  # type: ignore[arg-type]
    span = d.new_span("overlap")
    fragment = " ".join(words[:n])
    # the repeated words belong to the artifact too: an alignment may match
    # either copy
    last, first = d.around(s, span, after_tokens=n)
    merged = next(i for i, p in enumerate(d.pieces) if p.span == span)
    d.set(merged, f"{last} {fragment}-\n\n{first}", f"{last}\n\n{first}", span)
    return 1


# -- page furniture ----------------------------------------------------------------------------


def inject_jump(d: Draft, rng: random.Random) -> int:
    """A story that breaks off mid-sentence with a jump line and resumes after
    the rest of the page under ``From Page 1`` (ARTIFACTS §5).  The ground
    truth has the story whole, then what stood between."""
    blocks = d.doc.blocks
    lead = [i for i, b in enumerate(blocks) if b.story == 1]
    if d.types or not lead or lead[-1] + 1 >= len(blocks):  # on an untouched draft only
        return 0
    last_lead = lead[-1]
    other_words = sum(len(b.text.split()) for b in blocks[last_lead + 1 :])
    sites = []
    for i, m in _inner_gaps(d, _BODY):
        block = d.pieces[i].block
        if block is None or blocks[block].story != 1 or block == lead[0]:
            continue
        tail = d.pieces[i].truth[m.start(2) :]
        rest = sum(len(blocks[k].text.split()) for k in range(block + 1, last_lead + 1))
        # the continuation must be the shorter of the two blocks that trade
        # places, so that an alignment moves it and not the page between
        if len(tail.split()) + rest <= other_words // 2 and _last_piece_of(d, block, i):
            sites.append((i, m))
    if not sites:
        return 0
    i, m = rng.choice(sites)
    span = d.new_span("jump")
    j = d.carve(i, m.start(1), m.end(1))
    # the truth text that follows the split: the rest of the lead story
    stop = d.block_end(last_lead)
    moved = d.pieces[j + 1 : stop + 1]
    cont = "".join(p.truth for p in moved)  # starts with the whitespace of the gap
    page = rng.randint(8, 22)
    jump = rng.choice([f"Continued on Page {page}", f"Continued on Page A{page}", "Continued on Following Page"])
    resume = rng.choice(["From Page 1", "Continued From Page 1", "Continued From Page A1"])
    token = d.pieces[j].truth
    d.pieces[j + 1 : stop + 1] = [
        _Piece(f"\n\n{jump}", "", "body", span=span),
        _Piece("", cont, "body", span=span),
    ]
    d.set(j, token, token, span)
    end = len(d.pieces) - 1
    d.pieces.insert(end, _Piece(f"\n\n{resume}\n\n{cont.lstrip()}", "", "body", span=span))
    d.claimed.update(range(lead[0], last_lead + 1))
    return 1


def _last_piece_of(d: Draft, block: int, index: int) -> bool:
    """Whether the pieces of ``block`` after ``index`` are all untouched (the
    continuation is moved whole)."""
    return all(p.span is None for p in d.pieces[index:] if p.block == block)


def inject_running_heads(d: Draft, rng: random.Random) -> int:
    """Two or three repeats of a running head (and a folio) at page breaks
    between paragraphs (ARTIFACTS §5)."""
    if "running-head" in d.types:
        return 0
    sites = [
        s
        for s in d.separators()
        if d.pieces[s - 1].kind == "body"
        and d.pieces[s + 1].kind == "body"
        and not {d.pieces[s - 1].block, d.pieces[s + 1].block} & d.claimed
    ]
    if len(sites) < 2:
        return 0
    if d.doc.genre == "report":
        head = d.doc.blocks[0].text + " — " + d.doc.blocks[1].text
        folios = [f"Page {n} of {rng.randint(14, 30)}" for n in range(2, 9)]
    else:
        title = next((b.text for b in d.doc.blocks if b.kind == "title"), "The Long Wait").title()
        head = f"{rng.choice(['Harbor Dispute', 'Coast Report', 'Region'])} {title}"
        folios = [rng.choice(["A", "PAGE "]) + str(n) for n in range(4, 12)]
    count = min(len(sites), rng.randint(2, 3))
    chosen = sorted(rng.sample(sites, count), reverse=True)  # from the end: indices stay valid
    folio_first = rng.random() < 0.5
    with_folio = rng.random() < 0.6
    for k, s in enumerate(chosen):
        span = d.new_span("running-head")
        d.claimed.update({d.pieces[s - 1].block, d.pieces[s + 1].block})  # type: ignore[arg-type]
        last, first = d.around(s, span)
        lines = [head]
        if with_folio:
            folio = folios[(count - 1 - k) % len(folios)]
            lines = [folio, head] if folio_first else [head, folio]
        merged = next(i for i, p in enumerate(d.pieces) if p.span == span)
        d.set(merged, f"{last}\n\n" + "\n\n".join(lines) + f"\n\n{first}", f"{last}\n\n{first}", span)
    return count


def inject_masthead(d: Draft, rng: random.Random) -> int:
    """The masthead of a front page above the lead story: nameplate, date,
    price (ARTIFACTS §5).  The ground truth starts with the headline."""
    if "masthead" in d.types or not d.pieces or d.pieces[0].kind != "title" or not d.pieces[0].clean:
        return 0
    span = d.new_span("masthead")
    day = f"{rng.choice(_WEEKDAYS).upper()}, {rng.choice(_MONTHS).upper()} {rng.randint(1, 28)}, 2026"
    lines = [f"The {_PAPER}", f"VOL. {rng.choice(['XCII', 'CLXXV', 'LXI'])} ... NO. {rng.randint(10000, 60000):,}", day, rng.choice(["$3.00", "$2.50", "$4.00"])]
    first = next(_TOKEN.finditer(d.pieces[0].truth))
    j = d.carve(0, first.start(), first.end())
    token = d.pieces[j].truth
    d.set(j, "\n\n".join(lines) + "\n\n" + token, token, span)
    return 1


# -- characters -----------------------------------------------------------------------------------

_ANY = {"body", "turn", "list", "heading", "title", "masthead", "byline", "index", "label"}


def inject_mojibake(d: Draft, rng: random.Random) -> int:
    """A whole line with non-ASCII letters, encoded as UTF-8 and decoded as
    Windows-1252 (as browsers do) or Latin-1 (ARTIFACTS: ``cafÃ©``).  Whole
    lines: a line that is half mojibake and half good non-ASCII text has no
    single right reading, and extraction tools read lines, not words."""
    blocks = {}
    for i, p in enumerate(d.pieces):
        if p.block is not None and p.kind in _ANY:
            blocks.setdefault(p.block, []).append(i)
    sites = []
    for block, idx in blocks.items():
        pieces = [d.pieces[i] for i in idx]
        if idx != list(range(idx[0], idx[-1] + 1)) or any(
            p.span is not None or p.broken != p.truth or p.extent for p in pieces
        ):
            continue
        text = "".join(p.truth for p in pieces)
        lines = [m for m in re.finditer(r"[^\n]+", text) if not m.group().isascii() and len(m.group().split()) >= 3]
        if lines:
            sites.append((idx, lines))
    if not sites:
        return 0
    idx, lines = rng.choice(sites)
    line = rng.choice(lines)
    # one piece for the block (its trap marks go: the line is the artifact's now)
    merged = _Piece(line.string, line.string, d.pieces[idx[0]].kind, d.pieces[idx[0]].block)
    d.pieces[idx[0] : idx[-1] + 1] = [merged]
    codec = "sloppy-windows-1252" if rng.random() < 0.7 else "latin-1"
    j = d.carve(idx[0], line.start(), line.end())
    span = d.new_span("mojibake")
    d.set(j, line.group().encode("utf-8").decode(codec), line.group(), span)
    return 1


_LATIN_TO_CYRILLIC = dict(zip("aeopcxyABCEHKMOPTX", "аеорсхуАВСЕНКМОРТХ"))
_CYRILLIC_TO_LATIN = {v: k for k, v in _LATIN_TO_CYRILLIC.items()} | {"і": "i", "І": "I"}
# Cyrillic capitals with a one-letter transliteration that is no homoglyph
_TRANSLIT = {"Д": "D", "Л": "L", "Р": "R", "З": "Z", "Ф": "F"}


def inject_mixed_script(d: Draft, rng: random.Random) -> int:
    """One letter of another script in a word of four letters or more
    (ARTIFACTS §6): a Cyrillic homoglyph in a Latin word, a Latin homoglyph in
    a Cyrillic word, or a Cyrillic word whose capital was typed in Latin
    (``Rустем``)."""
    latin, cyrillic, translit = [], [], []
    for i, m in d.tokens(_ANY):
        parts = re.match(r"^([^\w]*)(\w+)([^\w]*)$", m.group())
        if not parts or "://" in m.group() or "@" in m.group():
            continue
        word = parts.group(2)
        if len(word) < 4:
            continue
        if word.isascii() and word.isalpha() and any(c in _LATIN_TO_CYRILLIC for c in word):
            latin.append((i, m, parts))
        elif all("\u0400" <= c <= "\u04ff" for c in word):
            if any(c in _CYRILLIC_TO_LATIN for c in word):
                cyrillic.append((i, m, parts))
            if word[0] in _TRANSLIT:
                translit.append((i, m, parts))
    roll = rng.random()
    pool, table, first_only = latin, _LATIN_TO_CYRILLIC, False
    if cyrillic and (roll < 0.25 or not latin):
        pool, table = cyrillic, _CYRILLIC_TO_LATIN
    if translit and (0.25 <= roll < 0.4 or not (latin or cyrillic)):
        pool, table, first_only = translit, _TRANSLIT, True
    if not pool:
        return 0
    i, m, parts = rng.choice(pool)
    word = parts.group(2)
    where = [0] if first_only else [k for k, c in enumerate(word) if c in table]
    k = rng.choice(where)
    bad = word[:k] + table[word[k]] + word[k + 1 :]
    span = d.new_span("mixed-script")
    j = d.carve(i, m.start(), m.end())
    d.set(j, parts.group(1) + bad + parts.group(3), m.group(), span)
    return 1


def inject_escapes(d: Draft, rng: random.Random) -> int:
    """Markdown escapes left by an HTML-to-text converter (ARTIFACTS §1):
    ``\\$4.50``, ``\\#KBN``, ``1\\. Summary``, ``\\- item``.  Not ``\\[ii\\]``,
    which is also how LaTeX writes display math: its repair is not defined."""
    sites = []
    for i, m in d.tokens(_ANY):
        tok = m.group()
        if "://" in tok or "@" in tok or "\\" in tok:
            continue
        at_block_start = m.start() == 0 and (i == 0 or d.pieces[i - 1].kind == "sep")
        if re.search(r"[$#*_]", tok) or (at_block_start and re.fullmatch(r"\d+\.|-", tok)):
            sites.append((i, m))
    if not sites:
        return 0
    i, m = rng.choice(sites)
    tok = m.group()
    if re.fullmatch(r"\d+\.", tok):
        bad = tok[:-1] + "\\."
    elif tok == "-":
        bad = "\\-"
    else:
        bad = re.sub(r"([$#*_])", r"\\\1", tok)
    span = d.new_span("escapes")
    j = d.carve(i, m.start(), m.end())
    d.set(j, bad, tok, span)
    return 1


_C0 = ["\x00", "\x01", "\x08", "\x1a", "\x7f"]


def inject_controls(d: Draft, rng: random.Random) -> int:
    """Invisible and control characters (ARTIFACTS: controls rule): a
    zero-width space or a soft hyphen inside a word, a byte-order mark or a
    form feed before the first word of a block, a stray C0 control after a
    word, decomposed accents (NFD)."""
    tokens = d.tokens(_ANY)
    words = [(i, m) for i, m in tokens if re.fullmatch(r"[^\W\d_]{4,}[^\s]*", m.group())]
    starts = [(i, m) for i, m in tokens if m.start() == 0 and (i == 0 or d.pieces[i - 1].kind == "sep")]
    accented = [(i, m) for i, m in tokens if unicodedata.normalize("NFD", m.group()) != m.group()]
    soft = [(i, m, h) for i, m in words if (h := _hyphenatable(m.group()))]
    variants: list[tuple[str, list]] = [
        ("zwsp", words), ("shy", soft), ("bom", starts), ("formfeed", starts), ("c0", words), ("nfd", accented),
    ]
    variants = [(name, pool) for name, pool in variants if pool]
    if not variants:
        return 0
    name, pool = rng.choice(variants)
    site = rng.choice(pool)
    i, m = site[0], site[1]
    tok = m.group()
    if name == "zwsp":
        k = rng.randint(1, 3)
        bad = tok[:k] + "\u200b" + tok[k:]
    elif name == "shy":
        lead, word, trail, points = site[2]
        k = len(lead) + rng.choice(points)
        bad = tok[:k] + "\u00ad" + tok[k:]
    elif name == "bom":
        bad = "\ufeff" + tok
    elif name == "formfeed":
        bad = "\x0c" + tok
    elif name == "c0":
        bad = tok + rng.choice(_C0)
    else:
        bad = unicodedata.normalize("NFD", tok)
    span = d.new_span("controls")
    j = d.carve(i, m.start(), m.end())
    d.set(j, bad, tok, span)
    return 1


def inject_whitespace(d: Draft, rng: random.Random) -> int:
    """Whitespace junk (ARTIFACTS §9): trailing spaces, runs of blank lines,
    a line holding only spaces."""
    seps = d.separators()
    wrapped = [(i, m) for i, m in d.gaps(_ANY | {"body"}) if m.group(2) == "\n"]
    variants = [v for v, ok in (("trailing", seps), ("blank-run", seps), ("space-line", seps), ("wrapped", wrapped)) if ok]
    if not variants:
        return 0
    variant = rng.choice(variants)
    span = d.new_span("whitespace")
    spaces = " " * rng.randint(1, 4)
    if variant == "wrapped":
        i, m = rng.choice(wrapped)
        j = d.carve(i, m.start(1), m.end(3))
        t1, t2 = m.group(1), m.group(3)
        d.set(j, f"{t1}{spaces}\n{t2}", f"{t1}\n{t2}", span)
        return 1
    s = rng.choice(seps)
    last, first = d.around(s, span)
    junk = {
        "trailing": f"{spaces}\n\n",
        "blank-run": "\n" * rng.randint(3, 5),
        "space-line": rng.choice(["\n \n", "\n\n \n\n", f"\n{spaces}\n"]),
    }[variant]
    merged = next(i for i, p in enumerate(d.pieces) if p.span == span)
    d.set(merged, f"{last}{junk}{first}", f"{last}\n\n{first}", span)
    return 1


# -- the table ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArtifactType:
    """A kind of artifact: its injection and the corpusclean rules that repair it.

    ``family`` names the traps that measure damage done while repairing it;
    ``genres`` are the document kinds in which it occurs.
    """

    name: str
    rules: tuple[str, ...]
    family: str
    genres: tuple[str, ...]
    inject: Callable[[Draft, random.Random], int]
    summary: str


_ALL = ("newspaper", "newsletter", "webpage", "report")

#: Every artifact type, in the order the injections run (coarse to fine).
ARTIFACT_TYPES: dict[str, ArtifactType] = {
    t.name: t
    for t in [
        ArtifactType("jump", ("furniture",), "furniture", ("newspaper",), inject_jump,
                     "story broken off by a jump line, resumed after the rest of the page"),
        ArtifactType("running-head", ("furniture",), "furniture", ("newspaper", "report"), inject_running_heads,
                     "repeated running head and folio at page breaks"),
        ArtifactType("masthead", ("furniture",), "furniture", ("newspaper",), inject_masthead,
                     "nameplate, volume, date and price lines above the lead story"),
        ArtifactType("caption", ("captions",), "captions", ("newspaper",), inject_caption,
                     "credit, caption or graphic between the halves of a sentence"),
        ArtifactType("hyphen-caption", ("hyphenation", "captions"), "hyphenation", ("newspaper",), inject_hyphen_caption,
                     "word hyphenated across graphic labels"),
        ArtifactType("paragraph-break", ("paragraphs",), "paragraphs", _ALL, inject_paragraph_break,
                     "paragraph split mid-sentence by a blank line"),
        ArtifactType("hyphen-paragraph", ("hyphenation",), "hyphenation", _ALL, inject_hyphen_paragraph,
                     "word hyphenated across a paragraph break"),
        ArtifactType("hyphen-column", ("whitespace", "hyphenation"), "hyphenation", ("newspaper", "report"),
                     inject_hyphen_column, "word hyphenated across a column break (blank and space-only lines)"),
        ArtifactType("hyphen-line", ("hyphenation",), "hyphenation", ("report",), inject_hyphen_line,
                     "word hyphenated at the end of a hard-wrapped line"),
        ArtifactType("hyphen-inline", ("hyphenation",), "hyphenation", ("newspaper", "newsletter", "report"),
                     inject_hyphen_inline, "break hyphen left inside a line (battle-field)"),
        ArtifactType("overlap", ("overlaps",), "overlaps", ("newspaper", "newsletter"), inject_overlap,
                     "dangling fragment repeating the start of the next paragraph"),
        ArtifactType("mojibake", ("mojibake",), "mojibake", _ALL, inject_mojibake,
                     "UTF-8 read as Windows-1252 or Latin-1"),
        ArtifactType("mixed-script", ("scripts",), "scripts", ("newspaper", "newsletter", "webpage", "report"),
                     inject_mixed_script, "homoglyph of another script inside a word"),
        ArtifactType("escapes", ("escapes",), "escapes", _ALL, inject_escapes,
                     "markdown escape before ASCII punctuation"),
        ArtifactType("controls", ("controls",), "controls", _ALL, inject_controls,
                     "zero-width and control characters, soft hyphens, decomposed accents"),
        ArtifactType("whitespace", ("whitespace",), "whitespace", _ALL, inject_whitespace,
                     "trailing spaces, blank-line runs, space-only lines"),
    ]
}


def repairable_types(rules: object) -> list[ArtifactType]:
    """The artifact types all of whose repairing rules are in ``rules``
    (e.g. ``corpusclean.RULES``)."""
    return [t for t in ARTIFACT_TYPES.values() if all(r in rules for r in t.rules)]  # type: ignore[operator]


def inject(
    doc: Document,
    rng: random.Random,
    types: list[str] | tuple[str, ...] | None = None,
    per_type: int = 2,
) -> Injected:
    """Break ``doc`` with up to ``per_type`` artifacts of each of ``types``
    (default: all) that occur in documents of its genre, in the order of
    :data:`ARTIFACT_TYPES`.

    A type that finds no site left in the document injects fewer (the spans
    say how many there are).
    """
    names = [t.name for t in ARTIFACT_TYPES.values() if doc.genre in t.genres] if types is None else list(types)
    unknown = [n for n in names if n not in ARTIFACT_TYPES]
    if unknown:
        raise ValueError(f"unknown artifact types {unknown} (types: {', '.join(ARTIFACT_TYPES)})")
    d = Draft(doc)
    for name, kind in ARTIFACT_TYPES.items():
        if name in names and doc.genre in kind.genres:
            for _ in range(per_type):
                ARTIFACT_TYPES[name].inject(d, rng)
    return d.render()
