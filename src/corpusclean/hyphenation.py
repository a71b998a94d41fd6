"""Words hyphenated across a break, and break hyphens left inside a line.

Typesetting breaks words at line, column and page ends (``exam-`` /
``ple``); extraction keeps the hyphen and the break, sometimes with a blank
line between the halves.  Once captions and page furniture have been moved
out of the way, the halves meet again and this rule decides, on evidence:

* the document's own vocabulary: a joined form written elsewhere in the
  document wins (``battle-field`` where the text also says ``battlefield``),
  and so does a hyphenated form written elsewhere inside a line
  (``cease-fire``);
* word frequencies (wordfreq, in the configured language): ``ar-`` + ``gued``
  is ``argued``; ``three-`` + ``quarters`` stays ``three-quarters`` because
  ``threequarters`` is rare while both halves are common words;
* the shape of the halves: digits (``155-millimeter``), capitals
  (``KANNO-YOUNGS``, ``Baumgartel-Austin``) and prefixes before a capital
  (``anti-American``) keep their hyphen.

A line end inside a compound's last part (``mean-spir-`` / ``ited``) is
judged on that part alone: the part is joined (``mean-spirited``) and the
compound's own hyphen stays; a compound broken at its own hyphen
(``two-plus-`` / ``two``) keeps it.

It never joins into a non-word: ``un-`` + ``pass`` makes no word, so the text
is left alone and a note reports possible lost text.  A line ending in an em
dash, or in a hyphen after a space, is no hyphenation.

Inside a line, a hyphen is joined only on strong evidence: the joined form
appears elsewhere in the document, or one half is no word while the whole is
(``co-terie``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from functools import lru_cache

from .edits import Edit, Note, apply_edits
from .protect import code_of, covered

__all__ = ["Decision", "decide", "hyphenation_edits", "fix_hyphenation"]

RULE = "hyphenation"


class Decision(Enum):
    JOIN = "join"  # one word: drop the hyphen and the break
    KEEP = "keep"  # a hyphenated compound: drop the break, keep the hyphen
    LOST = "lost"  # the halves make no word: leave the text, note it
    NONE = "none"  # not a word break at all (e.g. "conviction-" / "And")


# Prefixes that are not words of their own: "un-" + "pass" is no compound.
BOUND_PREFIXES = frozenset(
    "un re de dis mis im in il ir con com col cor en em be ob sub trans inter intra "
    "pre pro non".split()
)
# Prefixes that take a hyphen before a capital: anti-American, post-Soviet.
CAPITAL_PREFIXES = frozenset(
    "anti pro post pre non un ex neo pan trans mid semi quasi pseudo ultra counter inter "
    "intra sub super vice self all much well ill half cross multi co de re".split()
)
# Hyphenated words whose closed form means something else.
DISTINCT = frozenset(
    "re-sign re-cover re-form re-creation re-press re-count re-lease re-serve re-sort "
    "re-treat re-collect re-mark re-solve re-sent co-op un-ionized re-dress".split()
)
# Compounds written with a hyphen although their closed form is common too
# (``coop`` is a chicken's): a line end after their hyphen keeps it.
HYPHENATED = frozenset("co-op well-being".split())

COMMON = 2.0  # zipf: a word in ordinary use
WORD = 2.5  # zipf: a half that is a word of its own
CLOSED = 3.0  # zipf: a closed compound common enough to be broken in two
SEAM = 1.5  # zipf: how much rarer than its halves a closed form of a compound is


# A document's own evidence for a word is looked for this far around it (the
# whole document, when it is smaller): the cost per question stays bounded,
# so cleaning stays linear in the size of the input.
EVIDENCE_REACH = 100_000


class Evidence:
    """What a document says about its own words."""

    def __init__(self, text: str) -> None:
        self.lowered = text.lower()
        self._answers: dict[tuple[str, int], bool] = {}
        self.at = 0  # where in the text the current question comes from

    @property
    def region(self) -> int:
        """Which stretch of the document answers questions asked at ``at``:
        the same words get the same answers in the same region."""
        if len(self.lowered) <= 2 * EVIDENCE_REACH:
            return 0
        return self.at // EVIDENCE_REACH

    def has_word(self, word: str) -> bool:
        """Is ``word`` written as a whole word in the document (near ``at``)?"""
        w = word.lower()
        key = self.region
        answer = self._answers.get((w, key))
        if answer is None:
            n = len(self.lowered)
            if n <= 2 * EVIDENCE_REACH:
                lo, hi = 0, n
            else:  # the region and one on either side
                lo = max(0, (key - 1) * EVIDENCE_REACH)
                hi = min(n, (key + 2) * EVIDENCE_REACH)
            answer = self._answers[(w, key)] = self._search(w, lo, hi)
        return answer

    def _search(self, w: str, lo: int, hi: int) -> bool:
        text = self.lowered
        n = len(w)
        i = text.find(w, lo, hi)
        while i >= 0:
            before = text[i - 1] if i else " "
            after = text[i + n] if i + n < len(text) else " "
            if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
                return True
            i = text.find(w, i + 1, hi)
        return False

    def has_inline_compound(self, first: str, second: str) -> bool:
        """Is ``first-second`` written somewhere inside a line?"""
        return self.has_word(f"{first}-{second}")


@lru_cache(maxsize=1 << 16)
def _zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency of ``word`` (cached: a document asks about
    the same words again and again).  wordfreq is imported on the first
    question: a command that meets no broken word never loads it."""
    if not word:
        return 0.0
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), language)


def decide(first: str, second: str, evidence: Evidence | None = None, language: str = "en") -> Decision:
    """How to mend ``first-`` + ``second`` broken at a line or column end.

    >>> decide("ar", "gued"), decide("three", "quarters"), decide("un", "pass")
    (<Decision.JOIN: 'join'>, <Decision.KEEP: 'keep'>, <Decision.LOST: 'lost'>)
    >>> decide("155", "millimeter"), decide("KANNO", "YOUNGS"), decide("conviction", "And")
    (<Decision.KEEP: 'keep'>, <Decision.KEEP: 'keep'>, <Decision.NONE: 'none'>)
    """
    if not first or not second:
        return Decision.NONE
    joined = first + second
    if not joined.isalpha() and any(c.isdigit() for c in joined):
        return Decision.KEEP
    if evidence is not None and evidence.has_inline_compound(first, second):
        return Decision.KEEP
    if second[0].isupper():
        if first.isupper() and second.isupper():
            # DEPART-MENT is one word; KANNO-YOUNGS is a name
            if f"{first}-{second}".lower() in HYPHENATED:
                return Decision.KEEP  # CO-OP
            zj = _zipf(joined, language)
            if zj >= 3.0 or (zj >= COMMON and min(_zipf(first, language), _zipf(second, language)) < WORD):
                return Decision.JOIN
            return Decision.KEEP
        if first[0].isupper() or first.lower() in CAPITAL_PREFIXES:
            return Decision.KEEP  # Baumgartel-Austin, anti-American
        return Decision.NONE
    if not second.islower():
        return Decision.NONE
    if evidence is not None and evidence.has_word(joined):
        return Decision.JOIN
    zj = _zipf(joined, language)
    z1, z2 = _zipf(first, language), _zipf(second, language)
    words = z1 >= WORD and z2 >= WORD and first.lower() not in BOUND_PREFIXES
    if words and _compound(first, second, zj, language):
        return Decision.KEEP  # long-term, full-time, co-op
    if zj >= COMMON:
        return Decision.JOIN
    if words:
        return Decision.KEEP  # three-quarters, well-known
    if first[0].isupper() and first[1:].islower() and z2 < WORD:
        return Decision.JOIN  # a name broken in two: Baum- / gartel
    if zj > 0 and z2 < 1.0:
        return Decision.JOIN  # a rare word whose second half is no word
    return Decision.LOST


def _compound(first: str, second: str, zj: float, language: str) -> bool:
    """Are two words, ``first-`` + ``second`` at a line end, a compound
    written with its hyphen rather than one closed word?  ``zj`` is the
    closed form's zipf.  wordfreq splits a hyphenated form into its words, so
    its frequency is what the two halves allow; a closed form much rarer than
    that (``longterm``) is not how the words are written together, while a
    common one (``something``, ``candid``) is a word broken in two.

    >>> _compound("long", "term", 2.75, "en"), _compound("some", "thing", 5.81, "en")
    (True, False)
    >>> _compound("door", "knobs", 2.21, "en"), _compound("Co", "op", 3.41, "en")
    (False, True)

    A plural is rarer than its singular, so a closed plural is judged by
    its singular too (``leaderboards`` by ``leaderboard``):

    >>> _compound("leader", "boards", 2.38, "en"), _compound("check", "ins", 1.15, "en")
    (False, True)
    """
    if f"{first}-{second}".lower() in HYPHENATED:
        return True
    closed = max(zj, _zipf(_singular(first + second), language))
    return closed < CLOSED and _zipf(f"{first}-{second}", language) - zj >= SEAM


def _singular(word: str) -> str:
    """``word`` without a plural ``s`` (a word without one is returned
    unchanged; a wrong stem such as ``boxe`` is simply no word).

    >>> _singular("leaderboards"), _singular("glass"), _singular("term")
    ('leaderboard', 'glass', 'term')
    """
    if len(word) > 4 and word[-1] in "sS" and word[-2] not in "sS":
        return word[:-1]
    return word


def decide_inline(first: str, second: str, evidence: Evidence | None, language: str = "en") -> bool:
    """Is ``first-second`` inside a line a break hyphen left behind?

    >>> decide_inline("co", "terie", None), decide_inline("cease", "fire", None)
    (True, False)
    """
    if f"{first}-{second}".lower() in DISTINCT:
        return False
    if not second.islower() or not (first.islower() or (first[0].isupper() and first[1:].islower())):
        return False
    if len(first) + len(second) < 5:
        return False
    joined = first + second
    zj = _zipf(joined, language)
    if zj < 1.0:
        return False  # no word to join into
    if zj >= COMMON and (
        _zipf(second, language) < 1.0 or (len(first) >= 3 and _zipf(first, language) < 1.0)
    ):
        return True  # co-terie: one half is no word, the whole is
    return evidence is not None and evidence.has_word(joined)


# A word fragment and a hyphen at the end of a line, the break (possibly
# with blank lines), and the first word of the next line.
# (The pattern starts with the hyphen, so that the regular expression engine
# skips to the next one fast; the fragment before it is looked for only then.)
_LINE_END_HYPHEN = re.compile(r"-(?=[ \t]*+(?:\n[ \t]*+)++([^\W_]++))")
_BREAK_TAIL = re.compile(r"([^\W_]+)-\Z")
# A hyphen with a word character after it (a superset: letters on both
# sides are checked).  No lookbehind: a pattern that starts with one makes
# the engine try every position of the text.
_INLINE_HYPHEN = re.compile(r"-(?=\w)")
_SPEAKER = re.compile(r"[A-Z][A-Za-z. ]{0,30}:\s")
# A numbered heading or list item: "4. Fares", "12) Fees", "b) Buses".
_NUMBERED = re.compile(r"(?:\d{1,3}[.)]|[a-z]\)) ")
_HEADING_WIDTH = 80


def _inline_candidates(text: str) -> Iterator[tuple[int, str, str]]:
    """(hyphen offset, first, second) for word-hyphen-word inside lines."""
    n = len(text)
    for hit in _INLINE_HYPHEN.finditer(text):
        i = hit.start()
        if i > 0 and text[i - 1].isalpha() and text[i + 1].isalpha():
            a = i - 1
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            b = i + 1
            while b < n and text[b].isalpha():
                b += 1
            # skip chains (two-plus-two, Mar-a-Lago) and words glued to digits
            chain = (a > 0 and (text[a - 1] in "-'’" or text[a - 1].isdigit())) or (
                b < n and (text[b] == "-" or text[b].isdigit())
            )
            if not chain:
                yield i, text[a:i], text[i + 1 : b]


def _heading_follows(text: str, start: int) -> bool:
    """Does the block at ``start`` (after a blank line) open with a numbered
    heading or list item, or is it a capitalised heading line?

    >>> _heading_follows("4. Fares and Fees\\n\\nThe", 0), _heading_follows("1990 saw it", 0)
    (True, False)
    >>> _heading_follows("Capital Plan, 2026-2030\\n\\nThe", 0), _heading_follows("Bus Fares\\nrose", 0)
    (True, False)
    >>> _heading_follows("Our guest today is here.\\n\\nAnd", 0)
    False
    """
    if _NUMBERED.match(text, start, start + 5):
        return True
    if not text[start].isupper():
        return False
    end = text.find("\n", start, start + _HEADING_WIDTH + 1)
    if end < 0:
        if len(text) - start > _HEADING_WIDTH:
            return False
        end = len(text)
    else:
        after = text.find("\n", end + 1)
        if text[end + 1 : after if after >= 0 else len(text)].strip(" \t"):
            return False  # the block goes on: no heading line
    return all(w[0].isupper() or not w[0].isalpha() for w in text[start:end].split() if len(w) > 3)


def _alone_on_its_line(text: str, end: int) -> bool:
    """Does the line go on after ``end`` with nothing but blanks?

    >>> _alone_on_its_line("x-\\n  42  \\ning", 7), _alone_on_its_line("x-\\n42 mm", 5)
    (True, False)
    """
    eol = text.find("\n", end)
    return not text[end : len(text) if eol < 0 else eol].strip()


def _repeated_start(text: str, lo: int, end: int, next_start: int) -> bool:
    """Do the last three words of ``text[lo:end]`` open the next line too?

    >>> _repeated_start("the city of-\\nthe city of Rome", 0, 11, 13)
    True
    """
    before = text[lo:end].lower().rsplit(maxsplit=3)[-3:]
    if len(before) < 3:
        return False
    after = text[next_start : next_start + 160].lower().split(maxsplit=3)[:3]
    return before == after


def _messages(first: str, second: str, decision: Decision) -> str:
    if decision is Decision.JOIN:
        return f"word broken at a line end joined: '{first}-' + '{second}' -> '{first}{second}'"
    if decision is Decision.KEEP:
        return f"hyphenated word rejoined across a line end: '{first}-{second}'"
    if decision is Decision.LOST:
        return f"possible lost text: '{first}-' and '{second}' make no word; left as is"
    return ""


def hyphenation_edits(text: str, language: str = "en", facts: object = None) -> Iterator[Edit | Note]:
    """Edits that mend words broken by hyphenation (LF text).

    >>> t = "Still, he ar-\\n\\ngued, as the battle-field\\nshowed. A way to un-\\n\\npass it.\\nThe battlefield."
    >>> apply_edits(t, [e for e in hyphenation_edits(t) if isinstance(e, Edit)])
    'Still, he argued, as the battlefield\\nshowed. A way to un-\\n\\npass it.\\nThe battlefield.'
    """
    if "-" not in text:
        return
    code = code_of(text, facts)  # no word in code is mended
    evidence: Evidence | None = None
    # The verdict on a pair of halves in one region of the document is the
    # same wherever it is asked (hostile text repeats one pair throughout).
    decided: dict[tuple[str, str, int], tuple[Decision, str]] = {}
    inline_decided: dict[tuple[str, str, int], bool] = {}
    # -- hyphens at line ends
    JOIN, KEEP, NONE, LOST = Decision.JOIN, Decision.KEEP, Decision.NONE, Decision.LOST
    rfind = text.rfind
    tail_at = _BREAK_TAIL.search
    for hit in _LINE_END_HYPHEN.finditer(text):
        i = hit.start()
        if not i or not text[i - 1].isalnum() or (code and covered(code, i)):  # (isalnum: [^\W_])
            continue
        line_start = rfind("\n", 0, i) + 1
        tail = tail_at(text, line_start, i + 1)
        if tail is None:
            continue
        first, second = tail.group(1), hit.group(1)
        first_start = tail.start()
        next_line_start = hit.start(1)
        # the last words of the line, as far as 120 characters back
        lo = max(line_start, i - 120)
        if first_start > 0 and text[first_start - 1] == "-":
            # part of a longer compound (two-plus-): its hyphen stays, unless
            # the break split a part (mean-spir- / ited): the part is no word,
            # or the document writes the joined part as a word of its own
            if first.isalpha() and second.isalpha():
                if evidence is None:
                    evidence = Evidence(text)
                evidence.at = i
                split = _zipf(first, language) < WORD or evidence.has_word(first + second)
                if split and decide(first, second, evidence, language) is JOIN:
                    yield Edit(i, next_line_start, "", RULE, _messages(first, second, JOIN))
                    continue
            decision = KEEP
        elif ("A" <= second[0] <= "Z" and _SPEAKER.match(text, next_line_start, next_line_start + 40)) or text.startswith(
            ("- ", "* ", "\u2022 "), next_line_start, next_line_start + 40
        ):
            decision = NONE
        elif second.isdigit() and _alone_on_its_line(text, hit.end(1)):
            decision = NONE  # a page number between the halves: "spell-" / "42" / "ing"
        elif text.count("\n", i, next_line_start) > 1 and _heading_follows(text, next_line_start):
            # a paragraph ends in a fragment ("to re-"), a heading follows
            message = f"possible lost text: '{first}-' ends a paragraph before a heading; left as is"
            yield Note(first_start, hit.end(1), RULE, message)
            continue
        elif first_start - lo >= 4 and _repeated_start(text, lo, i, next_line_start):
            # (three words before the fragment take four characters)
            decision = NONE  # a false start the next paragraph repeats (overlaps)
        elif (
            second[0].isupper()
            and text.count("\n", i, next_line_start) > 1
            and _zipf(second, language) >= 4.0
        ):
            decision = NONE  # a new paragraph starts: "Dagmar-" / "Our guest ..."
        else:
            if evidence is None:
                evidence = Evidence(text)
            evidence.at = i
            key = (first, second, evidence.region)
            known = decided.get(key)
            if known is None:
                decision = decide(first, second, evidence, language)
                known = decided[key] = (decision, _messages(first, second, decision))
            decision, message = known
            if decision is JOIN:
                yield Edit(i, next_line_start, "", RULE, message)
            elif decision is KEEP:
                yield Edit(i + 1, next_line_start, "", RULE, message)
            elif decision is LOST:
                yield Note(first_start, hit.end(1), RULE, message)
            continue
        if decision is KEEP:
            yield Edit(i + 1, next_line_start, "", RULE, _messages(first, second, decision))
    # -- break hyphens left inside a line
    for hyphen, first, second in _inline_candidates(text):
        if hyphen + 1 < len(text) and text[hyphen + 1] == "\n" or (code and covered(code, hyphen)):
            continue
        if evidence is None:
            evidence = Evidence(text)
        evidence.at = hyphen
        key = (first, second, evidence.region)
        join = inline_decided.get(key)
        if join is None:
            join = inline_decided[key] = decide_inline(first, second, evidence, language)
        if join:
            yield Edit(
                hyphen, hyphen + 1, "", RULE,
                f"break hyphen inside a line removed: '{first}-{second}' -> '{first}{second}'",
            )


def fix_hyphenation(text: str, language: str = "en") -> str:
    """Mend words broken by hyphenation, keeping genuine compounds.

    >>> fix_hyphenation("the exam-\\nple of a three-\\nquarters cease-fire")
    'the example of a three-quarters cease-fire'
    """
    from .textutil import fix_with

    return fix_with(text, lambda t: [e for e in hyphenation_edits(t, language) if isinstance(e, Edit)])
