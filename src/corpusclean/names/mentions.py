"""Finding names in running text.

A *run* is a sequence of capitalised words, initials and surname particles
separated by spaces (``Vice President J.D. Vance``, ``Now Mr. Putin``).  A run
is cut into *parts* at titles and honorifics (``Mr.``, ``Gen.``, ``General``,
``President``: they stay, and the name after them is a reference) and after a
word that ends a sentence.  A sentence's first word is dropped from a part
when it is a common word (``Because Putin``, ``In Kyiv``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from .keys import Token, classify, strip_possessive

__all__ = ["RUN", "SCAN", "CORE", "Part", "parts_of", "sentence_start", "TITLES", "common_words"]

#: Titles and honorifics, lower case, without their full stop.
TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor gen general president vice sen senator
    rep representative gov governor secretary minister prime chancellor premier
    lt lieut col colonel maj capt captain adm admiral sgt cmdr commander sir dame
    lord lady king queen prince princess pope rev reverend fr father judge
    justice mayor ambassador chairman chairwoman commissioner envoy speaker
    sheikh hon
    """.split()
)

_TOKEN = r"(?:\p{Lu}\.(?:\p{Lu}\.)*|\p{Lu}[\p{L}\p{M}]*(?:['\u2019\-]\p{L}[\p{L}\p{M}]*)*\.?)"
_PARTICLE = r"(?:van|von|de|der|den|del|della|da|di|du|la|le|bin|ibn|al|el|ter|ten|dos|das|zu)"
_SEP = r"[ \t\u00a0]+"
#: A run of name-like words.
RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}_])(?:{_TOKEN})(?:{_SEP}(?:{_PARTICLE}{_SEP})*(?:{_TOKEN}))*"
)
#: A cheap first look: capitalised words (with whatever punctuation clings to
#: them) separated by spaces.  Runs are read inside what it finds, and only
#: when a word of it may be a registered name.
SCAN = regex.compile(
    rf"\p{{Lu}}\S*(?:{_SEP}(?:{_PARTICLE}{_SEP})*\p{{Lu}}\S*)*"
)
#: The letters of a word, without the punctuation around it.
CORE = regex.compile(r"\p{L}[\p{L}\p{M}]*(?:['\u2019\-]\p{L}[\p{L}\p{M}]*)*")
_WORDS = regex.compile(r"\S+")
_OPENERS = frozenset(" \t\u00a0\"'“‘([«")
_SENTENCE_END = frozenset(".!?:;—–")


@lru_cache(maxsize=8)
def common_words(language: str = "en", count: int = 400) -> frozenset[str]:
    """The most common words of a language (wordfreq): a sentence's first
    word that is one of them is not part of a name."""
    try:
        from wordfreq import top_n_list

        return frozenset(top_n_list(language, count))
    except (LookupError, ValueError):  # a language wordfreq does not know
        return frozenset()


@dataclass(frozen=True, slots=True)
class Part:
    """A name-like part of a run: its words (titles removed), whether a title
    came before it, and the possessive ending of its last word."""

    tokens: tuple[Token, ...]
    titled: bool
    possessive: str = ""
    all_caps: bool = False
    #: its first word begins a sentence (and may be no part of the name)
    sentence_start: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


def sentence_start(text: str, pos: int) -> bool:
    """Does a sentence (or a line) start at ``pos``?"""
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_END


def parts_of(
    text: str,
    start: int,
    end: int,
    common: frozenset[str] = frozenset(),
    at_sentence_start: bool | None = None,
) -> Iterator[Part]:
    """The name parts of the run ``text[start:end]``.

    >>> text = "Now Mr. Putin met Vice President J.D. Vance's aide."
    >>> [[t.text for t in p.tokens] for m in RUN.finditer(text)
    ...  for p in parts_of(text, m.start(), m.end(), frozenset({"now"}))]
    [['Putin'], ['J.D.', 'Vance']]
    """
    words = [(m.group(), start + m.start(), start + m.end()) for m in _WORDS.finditer(text[start:end])]
    letters = "".join(w for w, _, _ in words)
    caps = sum(c.isalpha() for c in letters) > 3 and letters.upper() == letters
    current: list[Token] = []
    titled = False
    if at_sentence_start is None:
        at_sentence_start = sentence_start(text, start)
    possessive = ""
    starts = False  # the part being read began a sentence

    def close() -> Part | None:
        nonlocal current, possessive
        tokens = current
        current = []
        poss, possessive = possessive, ""
        if not tokens:
            return None
        return Part(tuple(tokens), titled, poss, caps, starts)

    for word, a, _end in words:
        base = word
        ends_sentence = False
        if word.endswith(".") and not (len(word) >= 2 and word[-2].isupper() and (len(word) == 2 or word[-3] == ".")):
            base = word[:-1]
            lowered = base.lower()
            if lowered in TITLES or lowered in ("jr", "sr"):
                pass  # "Mr.", "Jr.": the full stop is part of the word
            else:
                ends_sentence = True
        lowered = base.lower()
        if lowered in TITLES and not (caps and len(current) > 0):
            part = close()
            if part:
                yield part
            titled = True
            at_sentence_start = False
            continue
        if not current and not titled and at_sentence_start and lowered in common:
            at_sentence_start = False
            continue  # "Because Putin": the sentence's first word
        base, poss = strip_possessive(base)
        kind = classify(base if not word.endswith(".") or ends_sentence else word, caps)
        text_ = word if kind == "initials" or (kind == "suffix" and not ends_sentence) else base
        if not current:
            starts = at_sentence_start and not titled
        current.append(Token(text_, a, a + len(text_), kind))
        at_sentence_start = False
        if poss or ends_sentence:
            possessive = poss
            part = close()
            if part:
                yield part
            titled = False
            at_sentence_start = ends_sentence
    part = close()
    if part:
        yield part
