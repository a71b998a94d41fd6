"""A truncated fragment repeated at the start of the next paragraph (ARTIFACTS §10).

Transcripts and edited copy sometimes keep a false start: a paragraph breaks
off in a dangling fragment (``... and it led to this belief-``) and the next
paragraph starts with the same words, whole (``And it led to this belief in
the capital ...``).  The fragment goes; the whole paragraph stays.

Only a fragment that breaks off (it ends with a dash or hyphen) and whose
last three words or more open the next paragraph is removed: a paragraph
that merely starts with the same common words as the one before is no
repeat.  A fragment may break off inside a word (``people misunder-``,
repeated as ``people misunderstand``), and in a transcript the repeat may
come after the next turn's timestamp and speaker label
(``[00:01:02] HOST: ...``) or a closed caption's ``>>`` marker, which stay.
When the fragment is a whole turn of captions (``[18:01:37] >> SOME OF THE
PROB-``) and the next line restarts it after the same marker, the whole line
goes, its timestamp and marker with it: a bare marker is never left.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from .edits import Edit, apply_edits

__all__ = ["overlap_edits", "fix_overlaps"]

RULE = "overlaps"

MIN_WORDS = 3
MAX_WORDS = 40

# After a dangling dash: the break (possibly with blank lines) up to the
# next non-blank line.
_AFTER = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=\S)")


def _dangling(text: str) -> Iterator[int]:
    """Offsets of dashes that end a line right after a letter or digit."""
    hits: list[int] = []
    for dash in ("-", "\u2014", "\u2013"):
        needle = dash + "\n"
        i = text.find(needle)
        while i >= 0:
            if i > 0 and text[i - 1].isalnum():
                hits.append(i)
            i = text.find(needle, i + 2)
    return iter(sorted(hits))


_OPENERS = "\"“‘'(["
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A transcript turn's timestamp, closed-caption marker and speaker label at
# the start of a line ("[00:01:02] HOST: ", "(12:40) Dr. Amsel: ",
# "[18:01:37] >> ", ">> REPORTER: "); matched at a line start only.
_LABEL = re.compile(
    r"(?P<time>[\[(]?\d{1,2}(?::\d\d){1,2}[\])]?[ \t]+)?"
    r"(?P<turn>(?:>>+[ \t]*)?(?:[A-Z][A-Za-z.'\- ]{0,40}:[ \t]+)?)"
)


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _label_end(text: str, start: int) -> int:
    """Where a line's text begins after a turn's timestamp, caption marker
    and speaker label.

    >>> _label_end("[00:01:02] DR. AMSEL: Well, no.", 0), _label_end("Well, no.", 0)
    (22, 0)
    >>> _label_end("[18:01:37] >> WELL, NO.", 0), _label_end(">>WELL, NO.", 0)
    (14, 2)
    """
    return _LABEL.match(text, start).end()


def _same_caption_turn(line: str, next_line: str) -> bool:
    """Do two lines open with a timestamp or a ``>>`` marker, and the same
    marker and speaker after their timestamps?  Then a fragment that is the
    whole of the first line's turn is a caption restarted on the next.

    >>> _same_caption_turn("[18:01:37] >> SOME OF", "[18:01:38] >> SOME OF THE")
    True
    >>> _same_caption_turn("HOST: Some of", "HOST: Some of the"), _same_caption_turn(">> Some", ">>> Some")
    (False, False)
    """
    a, b = _LABEL.match(line), _LABEL.match(next_line)
    if not (a["time"] or a["turn"].startswith(">>")) or not (b["time"] or b["turn"].startswith(">>")):
        return False
    return a["turn"].rstrip() == b["turn"].rstrip() and bool(a["time"]) == bool(b["time"])


def _overlap(tail: list[str], head: list[str], broken_word: bool) -> int:
    """How many last words of ``tail`` open ``head`` (0: fewer than
    ``MIN_WORDS``).  With ``broken_word``, the last word of ``tail`` may be
    the start of the word in ``head`` (``misunder`` / ``misunderstand``);
    such a match needs one word more.

    >>> _overlap("so the thing people misunder".split(), "the thing people misunderstand is".split(), True)
    4
    >>> _overlap("so the thing people misunder".split(), "the thing people misunderstand is".split(), False)
    0
    """
    for k in range(min(len(tail), len(head)), MIN_WORDS - 1, -1):
        if tail[-k:-1] != head[: k - 1]:
            continue
        last, word = tail[-1], head[k - 1]
        if last == word or (broken_word and k > MIN_WORDS and len(last) >= 2 and word.startswith(last)):
            return k
    return 0


def overlap_edits(text: str) -> Iterator[Edit]:
    """Edits that drop dangling fragments repeated by the next paragraph.

    >>> t = "It was hard, and it led to this belief-\\nAnd it led to this belief in the capital."
    >>> apply_edits(t, list(overlap_edits(t)))
    'It was hard\\nAnd it led to this belief in the capital.'
    """
    for dash in _dangling(text):
        m = _AFTER.match(text, dash + 1)
        if m is None:
            continue
        line_start = text.rfind("\n", 0, dash) + 1
        body = _label_end(text, line_start)  # the fragment's own turn keeps its label
        next_end = text.find("\n", m.end())
        next_line = text[m.end() : len(text) if next_end < 0 else next_end]
        tail_tokens = list(_TOKEN.finditer(text, max(body, dash - 600), dash))[-MAX_WORDS:]
        tail = [_norm(t.group()) for t in tail_tokens]
        broken_word = text[dash] == "-"
        best = 0
        label = _label_end(next_line, 0)
        for skip in (0, label) if label else (0,):  # the turn's label may come first
            head = [_norm(t.group()) for t in islice(_TOKEN.finditer(next_line, skip, 600), MAX_WORDS)]
            best = best or _overlap(tail, head, broken_word)
        if not best:
            continue
        start = tail_tokens[-best].start()
        # an opening quote or bracket glued to the fragment goes with it
        while start > body and text[start - 1] in _OPENERS:
            start -= 1
        # take the comma or semicolon and space that led into the fragment
        cut = start
        while cut > body and text[cut - 1] in " \t":
            cut -= 1
        if cut > body and text[cut - 1] in ",;":
            cut -= 1
            while cut > body and text[cut - 1] in " \t":
                cut -= 1
        fragment = text[start : dash + 1]
        if cut == body:
            # the whole turn is the fragment: a caption line restarted on the
            # next goes with its marker; any other whole paragraph stays
            if body == line_start or not _same_caption_turn(text[line_start:body], next_line):
                continue
            next_start = text.rfind("\n", 0, m.end()) + 1
            yield Edit(line_start, next_start, "", RULE, f"truncated turn restarted by the next one removed, with its marker: {fragment!r}")
            continue
        yield Edit(cut, dash + 1, "", RULE, f"truncated fragment repeated by the next paragraph removed: {fragment!r}")


def fix_overlaps(text: str) -> str:
    """Drop dangling fragments that the next paragraph repeats whole."""
    from .textutil import fix_with

    return fix_with(text, lambda t: list(overlap_edits(t)))
