"""Small text helpers shared by the rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from rapidfuzz.distance import Indel

from .edits import Edit, LineEndings, apply_edits

__all__ = ["line_bounds", "diff_edits", "fix_with"]

# Above this many characters, a changed span is reported as one edit rather
# than diffed character by character (the diff is quadratic in the worst case).
_DIFF_LIMIT = 2000


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, without its newline.

    >>> line_bounds("ab\\ncd\\nef", 4)
    (3, 5)
    """
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _common_prefix(a: str, b: str, limit: int) -> int:
    """Length of the common prefix of ``a`` and ``b`` (at most ``limit``),
    by bisection on slice comparisons, which run in C."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def diff_edits(old: str, new: str, offset: int, rule: str, message: str) -> Iterator[Edit]:
    """Edits that turn ``old`` (found at ``offset``) into ``new``, as small as
    a character diff makes them.

    >>> [(e.start, e.end, e.replacement) for e in diff_edits("caf\\u00c3\\u00a9 ok", "caf\\u00e9 ok", 10, "r", "")]
    [(13, 15, 'é')]
    """
    # Trim the common prefix and suffix first: most repairs are local.
    n = min(len(old), len(new))
    p = _common_prefix(old, new, n)
    s = _common_prefix(old[::-1], new[::-1], n - p)
    a, b = old[p : len(old) - s], new[p : len(new) - s]
    base = offset + p
    if not a and not b:
        return
    if len(a) + len(b) > _DIFF_LIMIT or not a or not b:
        yield Edit(base, base + len(a), b, rule, message)
        return
    pending: list[tuple[int, int, str]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(a, b):
        if tag == "equal":
            continue
        if pending and pending[-1][1] == i1:
            s0, _, r0 = pending[-1]
            pending[-1] = (s0, i2, r0 + b[j1:j2])
        else:
            pending.append((i1, i2, b[j1:j2]))
    for i1, i2, rep in pending:
        yield Edit(base + i1, base + i2, rep, rule, message)


def fix_with(text: str, finder: Callable[[str], Iterable[Edit]]) -> str:
    """Run an edit finder on ``text`` with LF line endings and give back the
    repaired text with the line endings it came with."""
    le = LineEndings.of(text)
    edits = list(finder(le.text))
    if not edits:
        return text
    return apply_edits(text, le.restore(edits))


_ASCII_BYTES = bytes(range(128))
# Bytes that are not C0 controls (tab and newline count as text here).
_NOT_C0 = bytes(b for b in range(256) if not (b < 32 or b == 127) or b in (9, 10))


class TextFacts:
    """Cheap facts about a text that several rules screen on.

    Most text needs no repair, so rules first ask whether the characters
    they act on occur at all.  One pass over the UTF-8 bytes gives every
    non-ASCII character (usually a fraction of a percent of the text) and
    every C0 control byte; screening those small strings is far cheaper than
    scanning the text once per rule.

    >>> facts = TextFacts("caf\\u00e9 \\x07ok \\u2019")
    >>> facts.nonascii, facts.c0
    ('é’', b'\\x07')
    """

    __slots__ = ("text", "_nonascii", "_c0", "cache")

    def __init__(self, text: str) -> None:
        self.text = text
        self._nonascii: str | None = None
        self._c0: bytes | None = None
        #: analyses of this exact text that rules share (e.g. its layout)
        self.cache: dict[str, object] = {}

    def _scan(self) -> None:
        text = self.text
        if text.isascii():
            self._nonascii = ""
            data = text.encode("ascii")
        else:
            try:
                data = text.encode("utf-8")  # the strict codec is the fast one
            except UnicodeEncodeError:  # lone surrogates
                data = text.encode("utf-8", errors="surrogatepass")
            self._nonascii = data.translate(None, _ASCII_BYTES).decode(
                "utf-8", errors="surrogatepass"
            )
        self._c0 = data.translate(None, _NOT_C0)

    @property
    def nonascii(self) -> str:
        """Every non-ASCII character of the text, in order, nothing else."""
        if self._nonascii is None:
            self._scan()
        return self._nonascii  # type: ignore[return-value]

    @property
    def c0(self) -> bytes:
        """Every C0 control byte (other than tab and newline) and DEL."""
        if self._c0 is None:
            self._scan()
        return self._c0  # type: ignore[return-value]


def facts_of(text: str, facts: TextFacts | None) -> TextFacts:
    return facts if facts is not None and facts.text is text else TextFacts(text)
