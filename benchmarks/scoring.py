"""How well a tool repaired an injected document: the metrics of compare.py.

Definitions (one document; the corpus figures add the counts up):

Comparison form.  Ground truth and output are compared after straightening
quotation marks on both sides (``‘ ’ “ ” „ ‚`` -> ``' "``): which quotes to
use is a policy a user chooses (ARTIFACTS.md §8), not an error.  Nothing else
is normalised.

Tokens.  A text is split on spaces, tabs and newlines (only these: every
other character, controls included, belongs to its token).  A line break
inside a paragraph is no token, so re-wrapping lines changes nothing.  Each
blank line is a token ``¶`` (one blank line between two paragraphs is one
``¶``; three blank lines are three); a line holding only spaces or tabs is a
token ``␣¶``; spaces or tabs at the end of a line are a token ``␠``.  The
ground truth has one ``¶`` between paragraphs and none of the other two.

Alignment.  Ground-truth tokens and output tokens are aligned by a longest
common subsequence (rapidfuzz's Indel opcodes: insertions and deletions
only, so that text moved elsewhere is never "substituted" for the good text
that stands where it was).  A ground-truth token is *kept* when the alignment
matches it; output tokens the alignment inserts sit in a *gap* between two
ground-truth tokens.

WER: word error rate, over word tokens only (no ``¶ ␣¶ ␠``): (substitutions +
deletions + insertions) / ground-truth words, by jiwer, summed over the
corpus.

Repaired (per injected artifact, :class:`injector.Span`): every token of each
of its ``required`` ranges is kept, and no output token is inserted in a gap
inside such a range, nor right before or after it (unless the token on the
far side of that gap belongs to another artifact, whose leftovers may land
there).  The share repaired of a type is repaired / injected.

Good text: ground-truth tokens outside every span's ``extent``.
Good-text damage: (good tokens not kept + runs of only ``¶``/``␣¶``/``␠``
tokens inserted into a gap between two good tokens, i.e. a paragraph split
where there was none) / good tokens.  Runs that hold words are not counted
here: they are artifact text left in place or moved there (the WER counts
them).

Trap damage per family (per artifact type, the family of traps it has: see
``ArtifactType.family``): over the tokens of the ground-truth trap ranges of
that family that are good text, (tokens not kept + runs of only layout
tokens inserted in a gap inside a trap range) / trap tokens.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel

__all__ = ["PARA", "SPACE_LINE", "TRAILING", "Token", "Tally", "normalize", "tokenize", "score", "wer"]

PARA = "¶"
SPACE_LINE = "␣¶"
TRAILING = "␠"
LAYOUT = frozenset({PARA, SPACE_LINE, TRAILING})

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_WORD = re.compile(r"[^ \t\n]+")
_TRAIL = re.compile(r"[ \t]+$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


def normalize(text: str) -> str:
    """The comparison form: quotes straightened, one character for one.

    >>> normalize("“It’s”")
    '"It\\'s"'
    """
    return text.translate(_QUOTES)


def tokenize(text: str) -> list[Token]:
    """Word and layout tokens with their offsets in ``text``.

    >>> [t.text for t in tokenize("One two\\nthree  \\n\\n \\n\\nfour\\n")]
    ['One', 'two', 'three', '␠', '¶', '␣¶', '¶', 'four']
    """
    text = text.replace("\r", " ")  # a CR is whitespace here, like a space
    tokens: list[Token] = []
    pos = 0
    pending: list[Token] = []  # blank lines, until a line with words follows
    for line in text.split("\n"):
        end = pos + len(line)
        if not line.strip(" \t"):
            if line or pos < len(text):  # the empty string after a final newline is no line
                pending.append(Token(SPACE_LINE if line else PARA, pos, min(end + 1, len(text))))
        else:
            tokens.extend(pending)
            pending = []
            tokens.extend(Token(m.group(), pos + m.start(), pos + m.end()) for m in _WORD.finditer(line))
            trail = _TRAIL.search(line)
            if trail:
                tokens.append(Token(TRAILING, pos + trail.start(), end))
        pos = end + 1
    tokens.extend(pending)  # blank lines after the last words are junk too
    return tokens


def _words(tokens: Iterable[Token]) -> list[str]:
    return [t.text for t in tokens if t.text not in LAYOUT]


def wer(truths: Sequence[str], outputs: Sequence[str]) -> float:
    """Corpus word error rate (jiwer) over word tokens, in comparison form.

    Tokens are handed to jiwer as ids, so that its own whitespace splitting
    cannot split or merge them.

    >>> wer(["a b c d"], ["a x c d e"])
    0.5
    """
    import jiwer

    vocab: dict[str, str] = {}

    def ids(text: str) -> str:
        return " ".join(vocab.setdefault(w, f"w{len(vocab)}") for w in _words(tokenize(normalize(text))))

    refs = [ids(t) for t in truths]
    hyps = [ids(o) for o in outputs]
    keep = [k for k, r in enumerate(refs) if r]
    if not keep:
        return 0.0
    return float(jiwer.wer([refs[k] for k in keep], [hyps[k] for k in keep]))


@dataclass
class Tally:
    """Counts summed over documents (see the module docstring)."""

    injected: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    good: int = 0
    damaged: int = 0
    trap_tokens: Counter[str] = field(default_factory=Counter)
    trap_damaged: Counter[str] = field(default_factory=Counter)
    truths: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.injected.update(other.injected)
        self.repaired.update(other.repaired)
        self.good += other.good
        self.damaged += other.damaged
        self.trap_tokens.update(other.trap_tokens)
        self.trap_damaged.update(other.trap_damaged)
        self.truths.extend(other.truths)
        self.outputs.extend(other.outputs)

    def repaired_share(self, type_name: str | None = None) -> float | None:
        n = sum(self.injected.values()) if type_name is None else self.injected[type_name]
        r = sum(self.repaired.values()) if type_name is None else self.repaired[type_name]
        return r / n if n else None

    def damage_share(self) -> float | None:
        return self.damaged / self.good if self.good else None

    def trap_share(self, family: str) -> float | None:
        n = self.trap_tokens[family]
        return self.trap_damaged[family] / n if n else None

    def wer(self) -> float:
        return wer(self.truths, self.outputs)


def _covered(tokens: list[Token], starts: list[int], lo: int, hi: int) -> range:
    """Indices of the tokens that overlap ``[lo, hi)``."""
    first = bisect.bisect_right(starts, lo) - 1
    if first < 0 or tokens[first].end <= lo:
        first += 1
    last = bisect.bisect_left(starts, hi)
    return range(max(first, 0), last)


def score(injected: object, output: str) -> Tally:
    """Score one tool's ``output`` for one :class:`injector.Injected`."""
    truth: str = injected.truth  # type: ignore[attr-defined]
    t_tokens = tokenize(normalize(truth))
    o_texts = [t.text for t in tokenize(normalize(output))]
    t_texts = [t.text for t in t_tokens]
    n = len(t_tokens)
    kept = [False] * n
    inserted = [0] * (n + 1)  # inserted[g]: output tokens in the gap before truth token g
    inserted_layout = [0] * (n + 1)
    for op in Indel.opcodes(t_texts, o_texts):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            for i in range(i1, i2):
                kept[i] = True
        elif j2 > j1:  # insert (or replace: its truth tokens are not kept)
            added = o_texts[j1:j2]
            inserted[i1] += len(added)
            if all(t in LAYOUT for t in added):
                inserted_layout[i1] += len(added)
    starts = [t.start for t in t_tokens]

    tally = Tally()
    owners: list[set[int]] = [set() for _ in range(n)]  # spans whose extent holds each token
    spans = injected.spans  # type: ignore[attr-defined]
    for k, span in enumerate(spans):
        for lo, hi in span.extent:
            for i in _covered(t_tokens, starts, lo, hi):
                owners[i].add(k)
    in_extent = [bool(o) for o in owners]

    def foreign(i: int, k: int) -> bool:
        """Whether token ``i`` belongs to another artifact than span ``k``."""
        return 0 <= i < n and bool(owners[i] - {k})

    for k, span in enumerate(spans):
        tally.injected[span.type] += 1
        ok = True
        for lo, hi in span.required:
            idx = _covered(t_tokens, starts, lo, hi)
            if not idx:
                continue
            gaps = list(range(idx.start + 1, idx.stop))
            # the gaps at the ends count too, unless the token beyond is
            # another artifact's (whose leftovers may land there)
            if not foreign(idx.start - 1, k):
                gaps.append(idx.start)
            if not foreign(idx.stop, k):
                gaps.append(idx.stop)
            if not all(kept[i] for i in idx) or any(inserted[g] for g in gaps):
                ok = False
                break
        if ok:
            tally.repaired[span.type] += 1

    good = [not e for e in in_extent]
    tally.good = sum(good)
    tally.damaged = sum(1 for i in range(n) if good[i] and not kept[i])
    for g in range(1, n):
        if good[g - 1] and good[g]:
            tally.damaged += inserted_layout[g]

    for trap in injected.traps:  # type: ignore[attr-defined]
        idx = [i for i in _covered(t_tokens, starts, trap.start, trap.end) if good[i]]
        if not idx:
            continue
        tally.trap_tokens[trap.family] += len(idx)
        tally.trap_damaged[trap.family] += sum(1 for i in idx if not kept[i])
        tally.trap_damaged[trap.family] += sum(
            inserted_layout[g] for g in range(idx[0] + 1, idx[-1] + 1) if good[g - 1] and good[g]
        )
    tally.truths.append(truth)
    tally.outputs.append(output)
    return tally
