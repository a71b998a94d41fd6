"""Cutting a long text into chunks that are repaired one at a time.

A text longer than ``Config.chunk_size`` is repaired chunk by chunk, so that
memory stays bounded however long the input is.  The same pure, deterministic
cutter serves :func:`corpusclean.repair` on a whole string and the command
line's streaming reader, which feeds it a block at a time: where a cut falls
depends only on the text, never on how it was read, so streamed output equals
whole output by construction.

Where to cut.  A cut goes at or after ``size`` characters from the chunk's
start and at most ``2 * size`` after it, at the first place that is, in
order of preference:

1. a *safe boundary*: a blank line after a paragraph that ends a sentence and
   before one that starts a new sentence, neither of them a short,
   caption-like block (:func:`is_safe_boundary`).  No layout rule joins
   across such a blank line, so cutting there changes nothing;
2. any blank line between two lines that hold text;
3. any line break between two lines that hold text;
4. any run of spaces or tabs between two non-space characters;
5. anywhere, but never inside a CRLF or before a combining mark.

Each chunk keeps what lies on its side of the cut; the separator between two
chunks (the second line break of a blank line, or the spaces of a fallback
cut) is left as it is, so the whitespace rule sees a chunk that ends with one
line break and a chunk that starts with text, just as it would inside the
whole text.

A cut is decided by the text of one *window* (``2 * size + CONTEXT``
characters from the chunk start) and by whether the text ends inside it;
:class:`Chunker` waits until it holds a full window (or the end of input)
before deciding.  Document-level evidence used by rules (running heads that
repeat, a document's own vocabulary) is gathered per chunk, which is why the
default chunk size is generous: ordinary documents are a single chunk.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import NamedTuple

__all__ = [
    "CONTEXT",
    "DEFAULT_CHUNK_SIZE",
    "Chunk",
    "Chunker",
    "chunk_spans",
    "find_cut",
    "is_safe_boundary",
    "iter_chunks",
]

#: Default ``Config.chunk_size`` in characters: ordinary documents (a
#: newspaper edition is 100-500 KB) are one chunk.  Some layout work grows
#: faster than the chunk (the paragraph links are judged again over a whole
#: chunk when one link changes the start of a paragraph; larger chunks fall
#: out of the processor's caches), so large inputs go in chunks of this size:
#: 1 MB and 64 MB inputs then clean at the same MB/s, where 4,000,000
#: characters made 64 MB a third slower (benchmarks/linearity.py).
DEFAULT_CHUNK_SIZE = 1_000_000
#: Characters of a paragraph before and after a blank line that
#: :func:`is_safe_boundary` is shown.
CONTEXT = 2_000
#: A block shorter than this (in characters) may be a caption, a credit, a
#: heading or a running head: never cut next to one.
SHORT_BLOCK = 200

# A character that no rule deletes on its own: not whitespace, not one of the
# control or invisible characters that the controls rule removes.
_VISIBLE = "[^\\s\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff]"
# A blank line between two lines with text: the first line break ends the
# chunk, the second is the separator kept between chunks.
_BLANK = re.compile(rf"(?<={_VISIBLE})[ \t]*(\r?\n)(\r?\n)(?=\s*{_VISIBLE})")
# A line break between two lines with text.
_NEWLINE = re.compile(rf"(?<={_VISIBLE})[ \t]*\r?\n(?={_VISIBLE})")
# Spaces or tabs between two visible characters.
_SPACES = re.compile(rf"(?<={_VISIBLE})[ \t]+(?={_VISIBLE})")
# Where a paragraph ends: a blank (or whitespace-only) line.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
# "Mr.", "Gen.", "U.S.", "A.": a full stop that may not end a sentence.
_ABBREVIATION = re.compile(r"[(\"'\u201c\u2018]?(?:[A-Z][a-z]{0,3}|(?:[A-Za-z]\.)+[A-Za-z]?)\.")
_OPENING_QUOTES = "\"'\u201c\u2018\u00ab\u2039"


class Chunk(NamedTuple):
    """One chunk of a text: ``text[start:end]``, then the separator
    ``text[end:next]`` that is kept as it is."""

    start: int
    end: int
    next: int


def _caption_like(block: str) -> bool:
    return len(block) < SHORT_BLOCK


def is_safe_boundary(before: str, after: str) -> bool:
    """May a text be cut at the blank line between these two paragraphs?

    ``before`` is the paragraph before the blank line and ``after`` the one
    after it, each stripped of surrounding whitespace and at most
    :data:`CONTEXT` characters long (the end of ``before``, the start of
    ``after``).  Safe means no repair would join across it: ``before`` ends a
    sentence (and not with an abbreviation such as ``Mr.``), ``after`` starts
    one with a capital letter or an opening quote, and neither is a short,
    caption-like block.

    >>> long = "The council met on Monday and talked for hours. " * 5
    >>> is_safe_boundary(long.strip(), long.strip())
    True
    >>> is_safe_boundary(long + "and then it ar-", "gued the point. " + long)
    False
    >>> is_safe_boundary(long + "they met Mr.", "Putin " + long)
    False
    >>> is_safe_boundary("TYLER HICKS/THE NEW YORK TIMES", long)
    False
    """
    if _caption_like(before) or _caption_like(after):
        return False
    tail = before[-40:]  # (the checks below read only the end of ``before``)
    if not _SENTENCE_END.search(tail):
        return False
    last_word = tail.rsplit(None, 1)[-1].rstrip("\"'\u201d\u2019)]")
    if _ABBREVIATION.fullmatch(last_word):
        return False
    first = after[0]
    if first in _OPENING_QUOTES:
        return len(after) > 1 and after[1].isupper()
    return first.isupper()


def _paragraph_before(text: str, floor: int, pos: int) -> str:
    """The paragraph that ends at ``pos`` (at most CONTEXT characters)."""
    lo = max(floor, pos - CONTEXT)
    j = text.rfind("\n", lo, pos)
    while j >= 0:
        k = text.rfind("\n", lo, j)
        if k < 0:
            break
        if not text[k + 1 : j].strip(" \t\r"):  # a blank line ends at j
            return text[j + 1 : pos].strip()
        j = k
    return text[lo:pos].strip()


def _paragraph_after(text: str, pos: int, limit: int) -> str:
    hi = min(limit, pos + CONTEXT)
    m = _PARAGRAPH_BREAK.search(text, pos, hi)
    return text[pos : m.start() if m else hi].strip()


def _safe_cut(text: str, start: int, lo: int, hi: int, limit: int) -> Chunk | None:
    for m in _BLANK.finditer(text, max(lo - 4, start + 1), min(hi + 4, limit)):
        end = m.end(1)
        if end < lo:
            continue
        if end > hi:
            break
        if not _SENTENCE_END.search(text, max(start, m.start() - 8), m.start()):
            continue  # is_safe_boundary's first test, before paragraphs are cut out
        # The paragraph after may start below more blank lines.
        after = _paragraph_after(text, m.end(2), limit)
        if after and is_safe_boundary(_paragraph_before(text, start, m.start()), after):
            return Chunk(start, end, m.end(2))
    return None


def find_cut(text: str, start: int, size: int, eof: bool = True) -> Chunk | None:
    """The chunk of ``text`` that starts at ``start``.

    ``eof`` says that ``text`` ends where the input ends; without it, the
    answer is ``None`` until ``text`` holds a whole window after ``start``.
    The answer depends only on ``text[start:start + 2 * size + CONTEXT + 8]``
    and on whether the input ends inside it.

    >>> para = "The council met on Monday and talked about the river. " * 4
    >>> text = (para.strip() + "\\n\\n") * 3
    >>> find_cut(text, 0, 300)
    Chunk(start=0, end=433, next=434)
    >>> text[431:435]
    '.\\n\\nT'
    """
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    hard = 2 * size
    window = hard + CONTEXT + 8
    n = len(text)
    at_end = eof and n - start <= window
    if not at_end and n - start < window:
        return None
    if at_end and n - start <= size:
        return Chunk(start, n, n)
    limit = min(n, start + window)
    lo = start + size
    hi = min(start + hard, limit)
    cut = _safe_cut(text, start, lo, hi, limit)
    if cut is not None:
        return cut
    if at_end and n <= start + hard:
        return Chunk(start, n, n)  # the rest fits: no need for an unsafe cut
    for m in _BLANK.finditer(text, max(lo - 1, start + 1), hi + 4):
        if lo <= m.end(1) <= hi:
            return Chunk(start, m.end(1), m.end(2))
    for pattern in (_NEWLINE, _SPACES):
        for m in pattern.finditer(text, max(lo - 1, start + 1), hi + 2):
            end = m.end() if pattern is _NEWLINE else m.start()
            if lo <= end <= hi:
                return Chunk(start, end, m.end())
    # The last position before the hard maximum (of the last thousand) that
    # splits neither a CRLF nor a letter from its combining mark; failing
    # that, no CRLF (two positions in a row cannot both fall inside one).
    for good in (_splits_nothing, _splits_no_crlf):
        for pos in range(start + hard, max(lo, start + hard - 1000) - 1, -1):
            if good(text, pos):
                return Chunk(start, pos, pos)
    raise AssertionError("unreachable: size >= 1 leaves two positions to choose from")


def _splits_no_crlf(text: str, pos: int) -> bool:
    return not (text[pos - 1] == "\r" and text[pos] == "\n")


def _splits_nothing(text: str, pos: int) -> bool:
    return _splits_no_crlf(text, pos) and not unicodedata.combining(text[pos])


def chunk_spans(text: str, size: int) -> list[Chunk]:
    """Every chunk of a whole text.

    >>> para = "The council met on Monday and talked about the river. " * 4
    >>> text = (para.strip() + "\\n\\n") * 3
    >>> [(c.start, c.end, c.next) for c in chunk_spans(text, 300)]
    [(0, 433, 434), (434, 651, 651)]
    >>> chunk_spans("short", 300)
    [Chunk(start=0, end=5, next=5)]
    """
    if len(text) <= size:
        return [Chunk(0, len(text), len(text))]
    spans = []
    start = 0
    while True:
        cut = find_cut(text, start, size, eof=True)
        assert cut is not None
        spans.append(cut)
        if cut.next >= len(text):
            return spans
        start = cut.next


class Chunker:
    """The same cuts as :func:`chunk_spans`, for text that arrives in pieces.

    ``feed`` takes the next piece and gives back the ``(chunk, separator)``
    pairs that are now certain; ``finish`` gives the rest.  Memory holds at
    most one window (``2 * size + CONTEXT`` characters) and the last piece.

    >>> para = "The council met on Monday and talked about the river. " * 4
    >>> text = (para.strip() + "\\n\\n") * 3
    >>> chunker = Chunker(300)
    >>> pieces = [p for i in range(0, len(text), 50) for p in chunker.feed(text[i : i + 50])]
    >>> pieces += list(chunker.finish())
    >>> [(len(c), s) for c, s in pieces]
    [(433, '\\n'), (217, '')]
    """

    def __init__(self, size: int = DEFAULT_CHUNK_SIZE) -> None:
        if size < 1:
            raise ValueError("chunk size must be at least 1")
        self.size = size
        self._window = 2 * size + CONTEXT + 8
        self._parts: list[str] = []
        self._held = 0

    def feed(self, data: str) -> Iterator[tuple[str, str]]:
        if not data:
            return
        self._parts.append(data)
        self._held += len(data)
        if self._held < self._window:
            return
        buf = "".join(self._parts)
        start = 0
        while len(buf) - start >= self._window:
            cut = find_cut(buf, start, self.size, eof=False)
            assert cut is not None
            yield buf[start : cut.end], buf[cut.end : cut.next]
            start = cut.next
        rest = buf[start:]
        self._parts = [rest] if rest else []
        self._held = len(rest)

    def finish(self) -> Iterator[tuple[str, str]]:
        buf = "".join(self._parts)
        self._parts = []
        self._held = 0
        start = 0
        while start < len(buf):
            cut = find_cut(buf, start, self.size, eof=True)
            assert cut is not None
            yield buf[start : cut.end], buf[cut.end : cut.next]
            start = cut.next


def iter_chunks(pieces: Iterable[str], size: int = DEFAULT_CHUNK_SIZE) -> Iterator[tuple[str, str]]:
    """``(chunk, separator)`` pairs of a text given as an iterable of pieces."""
    chunker = Chunker(size)
    for piece in pieces:
        yield from chunker.feed(piece)
    yield from chunker.finish()
