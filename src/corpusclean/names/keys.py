"""Folded keys of names: what two spellings of one name have in common.

A key folds case, accents, script (Cyrillic and Greek are transliterated) and
the punctuation of initials, so that ``J.D. Vance``, ``J. D. Vance`` and
``JD Vance`` share the key ``jd vance``, and ``Рустем Умеров`` and ``Rustem
Umerov`` share ``rustem umerov``.  A person's name is read as given names
(full names and initials), a surname (with its particles: ``van``, ``de``)
and a suffix (``Jr.``, ``III``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

__all__ = [
    "fold",
    "Token",
    "PersonName",
    "classify",
    "split_tokens",
    "parse_person",
    "place_key",
    "is_derived",
    "readings",
    "strip_possessive",
]

#: Lower-case words that belong to a surname: "Ludwig van Beethoven".
PARTICLES = frozenset(
    "van von de der den del della da di du la le bin ibn al el ter ten dos das zu".split()
)
#: Generational suffixes; they stay as they are written.
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Endings that make another word of a name (Russia -> Russian, Odesa ->
# Odesan): a key that is another key plus one of these is not a variant.
_DERIVED = ("s", "es", "n", "an", "ns", "ans", "ian", "ians", "ese", "ic", "ish", "ite", "ites")

_INITIALS = regex.compile(r"(?:\p{Lu}\.)+|\p{Lu}")
_BARE_INITIALS = regex.compile(r"\p{Lu}{2,3}")
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_POSSESSIVE = regex.compile(r"(?:['\u2019][sS]|(?<=[sS])['\u2019])$")


@lru_cache(maxsize=1 << 16)
def fold(word: str, language: str = "") -> str:
    """The folded key of a word or name: lower case, no accents, Latin
    letters, no punctuation (spaces between words stay).  Cyrillic is read
    as ``language`` (``uk`` or ``ru``) unless its letters say which.

    >>> fold("Delacroix-Hale"), fold("Умеров"), fold("J.D."), fold("Ødegård"), fold("Jean-Luc  Picard")
    ('delacroixhale', 'umerov', 'jd', 'odegard', 'jeanluc picard')
    >>> fold("Гриценко", "uk"), fold("Гриценко", "ru")
    ('hrytsenko', 'gritsenko')
    """
    if not word.isascii():
        from unidecode import unidecode

        from ..scripts import to_latin

        word = to_latin(word, language)
        if not word.isascii():
            word = unidecode(word)
    return " ".join(_NOT_ALNUM.sub("", w) for w in word.lower().split())


def readings(texts: list[str]) -> tuple[str, ...]:
    """The languages to read a name's Cyrillic in: the one its letters say,
    or both Ukrainian and Russian when they say nothing (``""``: no Cyrillic).

    >>> readings(["Юлія", "Гриценко"]), readings(["Гриценко"]), readings(["Kyiv"])
    (('uk',), ('uk', 'ru'), ('',))
    """
    from ..scripts import CYRILLIC, cyrillic_language, script_of

    joined = "".join(texts)
    if joined.isascii() or not any(script_of(c) == CYRILLIC for c in joined):
        return ("",)
    said = cyrillic_language(joined)
    return (said,) if said else ("uk", "ru")


def strip_possessive(word: str) -> tuple[str, str]:
    """``("Zelenskyy", "'s")`` from ``"Zelenskyy's"``.

    >>> strip_possessive("Zelenskyy’s"), strip_possessive("Jones'"), strip_possessive("Kyiv")
    (('Zelenskyy', '’s'), ('Jones', "'"), ('Kyiv', ''))
    """
    m = _POSSESSIVE.search(word)
    if m and m.start() > 0:
        return word[: m.start()], word[m.start() :]
    return word, ""


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name: its text, where it is, and what it is."""

    text: str
    start: int
    end: int
    kind: str  # word | initials | particle | suffix

    @property
    def key(self) -> str:
        return fold(self.text)


def classify(text: str, all_caps: bool = False) -> str:
    """What a word of a name is.

    >>> [classify(t) for t in ("J.D.", "A", "JD", "van", "Jr.", "Colby")]
    ['initials', 'initials', 'initials', 'particle', 'suffix', 'word']
    >>> classify("JD", all_caps=True), classify("VANCE", all_caps=True)
    ('initials', 'word')
    """
    if text.lower() in SUFFIXES and (text[0].isupper() or text in ("ii", "iii", "iv")):
        return "suffix"
    if text in PARTICLES:
        return "particle"
    if _INITIALS.fullmatch(text):
        return "initials"
    if _BARE_INITIALS.fullmatch(text) and (not all_caps or len(text) == 2):
        return "initials"
    return "word"


def split_tokens(text: str) -> list[Token]:
    """The words of a name written on its own (a registry entry).

    >>> [(t.text, t.kind) for t in split_tokens("Joseph R. Biden Jr.")]
    [('Joseph', 'word'), ('R.', 'initials'), ('Biden', 'word'), ('Jr.', 'suffix')]
    """
    found = [(m.group(), m.start(), m.end()) for m in regex.finditer(r"\S+", text)]
    letters = [c for w, _, _ in found for c in w if c.isalpha()]
    caps = len(letters) > 3 and all(c.isupper() for c in letters)
    return [Token(w, s, e, classify(w, caps)) for w, s, e in found]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name read as given names, surname and suffix.

    ``given`` holds one unit per given name or initial letter: its folded key
    and whether it is an initial.  ``given_span`` and ``surname_span`` locate
    the parts in the text the name was read from.
    """

    given: tuple[tuple[str, bool], ...]
    surname: str
    given_span: tuple[int, int] | None
    surname_span: tuple[int, int]
    suffix: str = ""

    @property
    def key(self) -> str:
        """``jd vance``: given names (initials run together), then surname."""
        parts: list[str] = []
        run = ""
        for unit, initial in self.given:
            if initial:
                run += unit
                continue
            if run:
                parts.append(run)
                run = ""
            parts.append(unit)
        if run:
            parts.append(run)
        parts.append(self.surname)
        return " ".join(parts)

    @property
    def form(self) -> tuple[bool, ...]:
        """Which given units are initials: names written the same way have
        the same form (``J.D.`` and ``JD``; ``Elbridge A.`` and ``Eldridge A.``)."""
        return tuple(initial for _, initial in self.given)


def parse_person(tokens: list[Token], language: str = "") -> PersonName | None:
    """Read ``tokens`` as a person's name; None if there is no surname.

    >>> name = parse_person(split_tokens("J. D. Vance"))
    >>> name.key, name.given, name.surname
    ('jd vance', (('j', True), ('d', True)), 'vance')
    >>> parse_person(split_tokens("Ludwig van Beethoven")).surname
    'vanbeethoven'
    >>> parse_person(split_tokens("J.D.")) is None
    True
    """
    end = len(tokens)
    suffix = ""
    while end and tokens[end - 1].kind == "suffix":
        end -= 1
        suffix = tokens[end].text + (" " + suffix if suffix else "")
    if not end or tokens[end - 1].kind != "word":
        return None
    first = end - 1
    while first and tokens[first - 1].kind == "particle":
        first -= 1
    if not language:
        language = readings([t.text for t in tokens])[0]
    surname = "".join(fold(t.text, language) for t in tokens[first:end])
    given: list[tuple[str, bool]] = []
    for t in tokens[:first]:
        if t.kind == "initials":
            given.extend((c, True) for c in fold(t.text, language))
        elif t.kind == "word":
            given.append((fold(t.text, language), False))
        else:
            return None  # a particle or suffix before the surname: not a name
    given_span = (tokens[0].start, tokens[first - 1].end) if first else None
    return PersonName(
        tuple(given), surname, given_span, (tokens[first].start, tokens[end - 1].end), suffix
    )


def place_key(tokens: list[Token], language: str = "") -> str:
    """The key of a place or organisation name: every word folded.

    >>> place_key(split_tokens("Kryvyi Rih")), place_key(split_tokens("U.S. Army"))
    ('kryvyi rih', 'us army')
    """
    if not language:
        language = readings([t.text for t in tokens])[0]
    return " ".join(fold(t.text, language) for t in tokens)


def is_derived(a: str, b: str) -> bool:
    """Is one key the other plus an ending that makes a new word
    (``russia``/``russian``, ``odesa``/``odesan``)?  Such pairs are not
    spelling variants however similar they look.

    >>> is_derived("russia", "russian"), is_derived("zelensky", "zelenskyy")
    (True, False)
    """
    if len(a) > len(b):
        a, b = b, a
    return b.startswith(a) and b[len(a) :] in _DERIVED
