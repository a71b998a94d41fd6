"""Edits: the record of every change corpusclean makes.

An :class:`Edit` replaces ``text[start:end]`` with ``replacement``.  A list of
edits is *well formed* when it is sorted by ``(start, end)`` and no two edits
overlap; :func:`apply_edits` then rebuilds the repaired text from the original.

Rules run one after another, each on the output of the one before, and each
reports its edits in the coordinates of *its* input.  :func:`compose` maps a
rule's edits back onto the original input, merging an edit with an earlier one
when they touch the same characters, so that the final list still replays
exactly onto the original.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from operator import add, attrgetter, sub

__all__ = ["Caption", "Edit", "Note", "apply_edits", "compose", "shift"]


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """One change: ``text[start:end]`` becomes ``replacement``.

    ``start`` and ``end`` are offsets into the original input of
    :func:`corpusclean.repair`; ``rule`` is the stable name of the rule that
    made the change and ``message`` says what it did.

    >>> Edit(0, 1, "", "escapes", "markdown escape removed")
    Edit(start=0, end=1, replacement='', rule='escapes', message='markdown escape removed')
    """

    start: int
    end: int
    replacement: str
    rule: str
    message: str = ""

    @property
    def is_removal(self) -> bool:
        """True when the edit only deletes text."""
        return self.replacement == "" and self.end > self.start


def _fast_init() -> Callable[..., None]:
    """An ``__init__`` for :class:`Edit` that sets its slots through their
    descriptors: a third faster than the one ``dataclass`` writes for a
    frozen class, which matters to texts with a million edits (a hostile
    input is one edit per character).  Same signature, same result."""
    set_start = Edit.start.__set__  # type: ignore[attr-defined]
    set_end = Edit.end.__set__  # type: ignore[attr-defined]
    set_replacement = Edit.replacement.__set__  # type: ignore[attr-defined]
    set_rule = Edit.rule.__set__  # type: ignore[attr-defined]
    set_message = Edit.message.__set__  # type: ignore[attr-defined]

    def __init__(self: Edit, start: int, end: int, replacement: str, rule: str, message: str = "") -> None:
        set_start(self, start)
        set_end(self, end)
        set_replacement(self, replacement)
        set_rule(self, rule)
        set_message(self, message)

    __init__.__qualname__ = "Edit.__init__"
    __init__.__doc__ = Edit.__init__.__doc__
    return __init__


Edit.__init__ = _fast_init()  # type: ignore[method-assign]


@dataclass(frozen=True, slots=True, order=True)
class Note:
    """A finding that changes nothing: a possible problem left for a person.

    >>> Note(10, 13, "hyphenation", "lost text: 'un-' / 'pass' is no word")
    Note(start=10, end=13, rule='hyphenation', message="lost text: 'un-' / 'pass' is no word")
    """

    start: int
    end: int
    rule: str
    message: str


@dataclass(frozen=True, slots=True, order=True)
class Caption:
    """A caption, credit or graphic text found in the body flow.

    ``start`` and ``end`` locate it in the original input; ``kind`` is one of
    credit, caption, graphic, label, source, tagline.
    """

    start: int
    end: int
    text: str
    kind: str


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply well-formed edits to ``text``.

    >>> apply_edits("a-b", [Edit(1, 2, "", "x")])
    'ab'
    >>> apply_edits("abc", [])
    'abc'
    """
    parts: list[str] = []
    pos = 0
    for edit in edits:
        if edit.start < pos:
            raise ValueError(f"overlapping or unsorted edit at {edit.start}: {edit!r}")
        parts.append(text[pos : edit.start])
        parts.append(edit.replacement)
        pos = edit.end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def shift(edits: Iterable[Edit], offset: int) -> list[Edit]:
    """Move edits by ``offset`` characters (used to stitch chunked results).

    >>> shift([Edit(1, 2, "", "x")], 10)
    [Edit(start=11, end=12, replacement='', rule='x', message='')]
    """
    if not offset:
        return list(edits)
    return [
        Edit(e.start + offset, e.end + offset, e.replacement, e.rule, e.message)
        for e in edits
    ]


_START = attrgetter("start")
_END = attrgetter("end")
_REPLACEMENT = attrgetter("replacement")


def _interacts(a: int, b: int, s: int, e: int) -> bool:
    """Does a new edit ``[s, e)`` touch the replacement at ``[a, b)``?

    Both are in the coordinates of the text the new edit was made on.  A new
    edit only merges with an earlier one when it changes characters that the
    earlier edit wrote, or when it spans the point where the earlier edit
    deleted text; edits that merely touch end to end stay separate.
    """
    if b > a:
        if s == e:
            return a < s < b
        return s < b and a < e
    return s < a < e


def compose(prior: Sequence[Edit], new: Sequence[Edit], current: str) -> list[Edit]:
    """Merge ``new`` edits, made on ``current``, into ``prior`` original edits.

    ``prior`` are well-formed edits on the original text and ``current`` is
    the original with ``prior`` applied.  The result is a well-formed list of
    edits on the original whose replay gives ``current`` with ``new`` applied.

    >>> original = "ab  c"
    >>> first = [Edit(2, 3, "", "whitespace")]           # "ab  c" -> "ab c"
    >>> second = [Edit(1, 3, "X", "other")]              # "ab c"  -> "aXc"
    >>> merged = compose(first, second, "ab c")
    >>> merged
    [Edit(start=1, end=4, replacement='X', rule='other', message='')]
    >>> apply_edits(original, merged)
    'aXc'
    """
    if not new:
        return list(prior)
    if not prior:
        return list(new)

    # Where each earlier replacement sits in ``current`` (list
    # comprehensions: texts with a million edits are composed several times).
    # (map with C callables: texts with a million edits are composed several times)
    p_starts = list(map(_START, prior))
    lengths = list(map(len, map(_REPLACEMENT, prior)))
    # delta_k = sum of len(replacement) - (end - start) over the edits before k
    deltas = list(accumulate(map(sub, lengths, map(sub, map(_END, prior), p_starts)), initial=0))
    starts = list(map(add, p_starts, deltas))
    ends = list(map(add, starts, lengths))

    out: list[Edit] = []
    i = 0
    n_prior = len(prior)
    k = 0
    n_new = len(new)
    while k < n_new:
        edit = new[k]
        s, e = edit.start, edit.end
        # Earlier edits wholly before this one pass through unchanged: those
        # whose replacement ends at or before ``s`` (they cannot interact).
        j = bisect_right(ends, s, i)
        if j > i:
            out.extend(prior[i:j])
            i = j
        if i == n_prior or not _interacts(starts[i], ends[i], s, e):
            d = deltas[i]
            out.append(Edit(s - d, e - d, edit.replacement, edit.rule, edit.message))
            k += 1
            continue
        # A group: new edits and earlier edits that overlap, transitively.
        first = i
        g_start = min(s, starts[i])
        g_end = max(e, ends[i])
        members = [edit]
        i += 1
        k += 1
        grew = True
        while grew:
            grew = False
            while i < n_prior:
                a = starts[i]
                if g_start < a < g_end:
                    # Every earlier edit that starts strictly inside the group
                    # touches it: take them all at once (a rule may swallow a
                    # million earlier edits, e.g. blank lines emptied one by
                    # one and then removed as one run).
                    j = bisect_left(starts, g_end, i)
                    i = j
                    if ends[j - 1] > g_end:
                        g_end = ends[j - 1]
                elif _interacts(a, ends[i], g_start, g_end):
                    if ends[i] > g_end:
                        g_end = ends[i]
                    i += 1
                else:
                    break
                grew = True
            while k < n_new:
                m = new[k]
                if not _interacts(g_start, g_end, m.start, m.end):
                    break
                members.append(m)
                if m.end > g_end:
                    g_end = m.end
                k += 1
                grew = True
        last = i - 1
        o_start = prior[first].start if starts[first] == g_start else g_start - deltas[first]
        o_end = prior[last].end if ends[last] == g_end else g_end - deltas[last + 1]
        pieces: list[str] = []
        pos = g_start
        for m in members:
            pieces.append(current[pos : m.start])
            pieces.append(m.replacement)
            pos = m.end
        pieces.append(current[pos:g_end])
        messages = [m.message for m in members] + [p.message for p in prior[first:i]]
        message = "; ".join(dict.fromkeys(m for m in messages if m))
        out.append(Edit(o_start, o_end, "".join(pieces), members[-1].rule, message))
    out.extend(prior[i:])
    return out


class LineEndings:
    """Map between a text with CRLF line endings and its LF-only form.

    Rules see LF line endings only; :meth:`restore` maps their edits back onto
    the original so that CRLF files keep their line endings.

    >>> le = LineEndings.of("a\\r\\nb\\r\\n")
    >>> le.text
    'a\\nb\\n'
    >>> le.restore([Edit(1, 2, " ", "paragraphs")])
    [Edit(start=1, end=3, replacement=' ', rule='paragraphs', message='')]
    """

    __slots__ = ("text", "_crlf", "_newline")

    def __init__(self, text: str, crlf: list[int], newline: str) -> None:
        self.text = text
        self._crlf = crlf
        self._newline = newline

    @classmethod
    def of(cls, text: str) -> LineEndings:
        if "\r\n" not in text:
            return cls(text, [], "\n")
        normal = text.replace("\r\n", "\n")
        crlf: list[int] = []
        pos = 0
        shift_ = 0
        find = text.find
        while True:
            j = find("\r\n", pos)
            if j < 0:
                break
            crlf.append(j - shift_)
            shift_ += 1
            pos = j + 2
        bare = normal.count("\n") - len(crlf)
        newline = "\r\n" if len(crlf) >= bare else "\n"
        return cls(normal, crlf, newline)

    @property
    def trivial(self) -> bool:
        return not self._crlf

    @property
    def newline(self) -> str:
        return self._newline

    def _orig(self, pos: int) -> int:
        return pos + bisect_left(self._crlf, pos)

    def restore(self, edits: Iterable[Edit]) -> list[Edit]:
        if not self._crlf:
            return list(edits)
        crlf = self._crlf
        crlf_nl = self._newline != "\n"
        out = []
        append = out.append
        for e in edits:
            start, end, rep = e.start, e.end, e.replacement
            o_start = start + bisect_left(crlf, start)
            o_end = end + bisect_left(crlf, end, o_start - start)
            if crlf_nl and "\n" in rep:
                rep = rep.replace("\n", "\r\n")
            elif o_start == start and o_end == end:
                append(e)  # before the first CRLF: nothing to map
                continue
            append(Edit(o_start, o_end, rep, e.rule, e.message))
        return out

    def restore_notes(self, notes: Iterable[Note]) -> list[Note]:
        if not self._crlf:
            return list(notes)
        return [Note(self._orig(n.start), self._orig(n.end), n.rule, n.message) for n in notes]
