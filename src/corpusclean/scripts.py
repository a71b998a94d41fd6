"""Words that mix scripts (ARTIFACTS §6), and transliteration.

Text extraction and careless typing leave words that mix alphabets: a Latin
``R`` before Cyrillic letters (``Rустем``), a Cyrillic ``о`` inside a Latin
word (``Cоlby``).  They look right and compare wrong.  A word here is a run of
letters (with marks and inner apostrophes); its letters' scripts come from
Unicode's Script property (the ``regex`` module's ``\\p{Script=...}``).  Only
Latin, Cyrillic and Greek are alphabets this rule mixes or unmixes; a word
holding a letter of any other script (Han with Katakana, Latin with Hangul) is
left alone.

Policies (``Config.scripts``):

``unify`` (the default)
    A mixed word becomes single-script in its dominant script (the script of
    most of its letters).  A letter of another script becomes its homoglyph in
    the dominant script, from Unicode's confusables data (UTS #39, the file
    ``rules/unicode/confusables.txt``), or, when it has none, its standard
    transliteration (``Rустем`` -> ``Рустем``).  In doubt the word stays as it
    is and a note says why: no dominant script (``Oк``), a letter with neither
    homoglyph nor transliteration, or a Greek letter that is not inside a
    lower-case Latin word (``TNFα``, ``IFNγ``, ``μmol`` are notation).
``latin``
    As ``unify``, then Cyrillic and Greek words are transliterated to Latin:
    Ukrainian by the national system of 2010 (``Київ`` -> ``Kyiv``), Russian
    as English-language usage writes it (BGN/PCGN as Wikipedia simplifies it:
    ``Сергей`` -> ``Sergey``), other text by Unidecode.  A single Greek letter
    (``the α subunit``) and a word joined to Latin letters or digits without a
    space (``α-helix``, ``β2``) are notation and stay.
``keep``
    Nothing changes.

Genuine single-script text is never changed by ``unify``; URLs, e-mail
addresses, domain names and code spans are never changed at all (a mixed word
inside one is reported as a possible homograph).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex

from .edits import Edit, Note, apply_edits
from .protect import Protected
from .textutil import TextFacts, facts_of

__all__ = [
    "script_edits",
    "unify_scripts",
    "to_latin",
    "script_of",
    "cyrillic_language",
    "Confusables",
    "load_confusables",
]

RULE = "scripts"
POLICIES = ("unify", "latin", "keep")

LATIN, CYRILLIC, GREEK = "Latin", "Cyrillic", "Greek"
_ALPHABETS = (LATIN, CYRILLIC, GREEK)
_SCRIPT_PATTERNS = {s: regex.compile(rf"\p{{Script={s}}}") for s in _ALPHABETS}
_COMMON = regex.compile(r"[\p{Script=Common}\p{Script=Inherited}]")

# A letter of a non-Latin alphabet: the only thing that can make a word mixed
# (a word whose letters are all Latin is single-script).
_NONLATIN_LETTER = regex.compile(r"[\p{Script=Cyrillic}\p{Script=Greek}]")
_GREEK_LETTER = regex.compile(r"\p{Script=Greek}")
_ALPHABET_LETTERS = (
    regex.compile(r"\p{Script=Latin}"),
    regex.compile(r"\p{Script=Cyrillic}"),
    _GREEK_LETTER,
)
# A letter of any other script (Han, Arabic, ...): such words are left alone.
_OTHER_LETTER = regex.compile(
    r"(?=\p{L})[^\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Common}\p{Script=Inherited}]"
)
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['\u2019\u02bc][\p{L}\p{M}]+)*")

# The letters a homoglyph may become: the ordinary letters of each alphabet
# (not Komi, Abkhaz or archaic letters, not accented Latin).
_TARGETS = {
    LATIN: frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    CYRILLIC: frozenset(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
        "ґєіїҐЄІЇўЎјЈѕЅ"
    ),
    GREEK: frozenset("αβγδεζηθικλμνξοπρσςτυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ"),
}

# Letters that only Ukrainian, or only Russian, writes.
_UKRAINIAN_ONLY = frozenset("ґєіїҐЄІЇ")
_RUSSIAN_ONLY = frozenset("ёъыэЁЪЫЭ")
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
_UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


@lru_cache(maxsize=8192)
def script_of(char: str) -> str:
    """The alphabet of a letter: ``Latin``, ``Cyrillic``, ``Greek``; ``""`` for
    characters of no script (digits, punctuation, combining marks) and
    ``"other"`` for letters of any other script.

    >>> [script_of(c) for c in "Rу1α東"]
    ['Latin', 'Cyrillic', '', 'Greek', 'other']
    """
    for name, pattern in _SCRIPT_PATTERNS.items():
        if pattern.match(char):
            return name
    if _COMMON.match(char) or not char.isalpha():
        return ""
    return "other"


# -- confusables ----------------------------------------------------------


@dataclass(frozen=True)
class Confusables:
    """Unicode's confusables data: the skeleton (prototype) of each character.

    Two characters are homoglyphs when they have the same skeleton.
    """

    version: str
    skeleton: dict[str, str] = field(repr=False)
    #: script -> skeleton -> letters of that script with that skeleton
    _by_skeleton: dict[str, dict[str, tuple[str, ...]]] = field(repr=False, default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> Confusables:
        version = "unknown"
        skeleton: dict[str, str] = {}
        for line in text.splitlines():
            if line.startswith("# Version:"):
                version = line.split(":", 1)[1].strip()
            data = line.split("#", 1)[0].strip().lstrip("\ufeff")
            if not data:
                continue
            source, target, *_ = (part.strip() for part in data.split(";"))
            skeleton[chr(int(source, 16))] = "".join(chr(int(h, 16)) for h in target.split())
        by_skeleton: dict[str, dict[str, list[str]]] = {s: {} for s in _ALPHABETS}
        for script, letters in _TARGETS.items():
            for letter in sorted(letters):
                by_skeleton[script].setdefault(skeleton.get(letter, letter), []).append(letter)
        frozen = {s: {k: tuple(v) for k, v in d.items()} for s, d in by_skeleton.items()}
        return cls(version, skeleton, frozen)

    def homoglyph(self, char: str, script: str) -> str | None:
        """The letter of ``script`` that looks like ``char``, if exactly one does.

        >>> c = load_confusables()
        >>> c.homoglyph("о", "Latin"), c.homoglyph("p", "Cyrillic"), c.homoglyph("R", "Cyrillic")
        ('o', 'р', None)
        """
        key = self.skeleton.get(char, char)
        found = [c for c in self._by_skeleton.get(script, {}).get(key, ()) if c != char]
        # a homoglyph keeps the case: l is no І, b no Ь
        found = [c for c in found if c.isupper() == char.isupper()]
        if len(found) > 1:
            # σ and ο both look like o: prefer the one that also reads as it
            from unidecode import unidecode

            found = [c for c in found if unidecode(c).lower() == unidecode(char).lower()]
        return found[0] if len(found) == 1 else None


def _rules_dir() -> Path:
    from .packs import _builtin_dir

    return _builtin_dir()


@lru_cache(maxsize=None)
def load_confusables(path: str | None = None) -> Confusables:
    """Unicode's ``confusables.txt`` (shipped in ``rules/unicode/``), parsed
    once per process.

    >>> load_confusables().version
    '13.0.0'
    """
    source = Path(path) if path else _rules_dir() / "unicode" / "confusables.txt"
    return Confusables.parse(source.read_text(encoding="utf-8-sig"))


# -- transliteration ------------------------------------------------------


def _cyrillic_language(word: str, hint: str) -> str:
    """``uk`` or ``ru``: from the word's own letters, then ``hint``."""
    letters = set(word)
    if letters & _UKRAINIAN_ONLY and not letters & _RUSSIAN_ONLY:
        return "uk"
    if letters & _RUSSIAN_ONLY and not letters & _UKRAINIAN_ONLY:
        return "ru"
    return hint


def cyrillic_language(text: str) -> str:
    """``uk`` or ``ru`` when ``text`` has letters only one of them writes,
    else ``""``.

    >>> cyrillic_language("Юлія Гриценко"), cyrillic_language("Гриценко"), cyrillic_language("Хрущёв")
    ('uk', '', 'ru')
    """
    letters = set(text)
    uk, ru = bool(letters & _UKRAINIAN_ONLY), bool(letters & _RUSSIAN_ONLY)
    return "uk" if uk and not ru else "ru" if ru and not uk else ""


def _text_language(nonascii: str, language: str) -> str:
    """The Cyrillic language a text is in, for words that do not say."""
    if language in ("uk", "ru"):
        return language
    uk = sum(nonascii.count(c) for c in _UKRAINIAN_ONLY)
    ru = sum(nonascii.count(c) for c in _RUSSIAN_ONLY)
    return "uk" if uk > ru else "ru"


def _with_case(word: str, convert) -> str:  # type: ignore[no-untyped-def]
    if len(word) > 1 and word.isupper():
        return str(convert(word.lower())).upper()
    return str(convert(word))


@lru_cache(maxsize=65536)
def _latin_word(word: str, language: str) -> str:
    from unidecode import unidecode

    scripts = {script_of(c) for c in word}
    if CYRILLIC in scripts:
        if _cyrillic_language(word, language) == "uk":
            from translitua import UkrainianKMU, translit

            out = _with_case(word, lambda w: translit(w, UkrainianKMU))
        else:
            import iuliia

            out = _with_case(word, iuliia.WIKIPEDIA.translate)
    else:
        out = word
    if not out.isascii():
        # letters the language's table does not know (Serbian, Greek, ...)
        out = "".join(
            c if c.isascii() or script_of(c) in ("", LATIN) else unidecode(c) for c in out
        )
    return out


def to_latin(text: str, language: str = "") -> str:
    """Transliterate the Cyrillic and Greek words of ``text`` to Latin.

    Ukrainian (a word with ``і ї є ґ``, or ``language="uk"``) follows the
    national system of 2010; Russian follows English-language usage
    (Wikipedia's simplified BGN/PCGN); the rest follows Unidecode.

    >>> to_latin("Рустем Умеров")
    'Rustem Umerov'
    >>> to_latin("Олександр Петренко у Києві", "uk")
    'Oleksandr Petrenko u Kyievi'
    >>> to_latin("Сергей ЛАВРОВ, Αθήνα")
    'Sergey LAVROV, Athena'
    """
    hint = _text_language(text, language)
    return _WORD.sub(
        lambda m: _latin_word(m.group(), hint) if _NONLATIN_LETTER.search(m.group()) else m.group(),
        text,
    )


@lru_cache(maxsize=None)
def _from_latin(language: str) -> dict[str, str]:
    """Latin letter -> the one Cyrillic letter that transliterates to it."""
    alphabet = _UKRAINIAN if language == "uk" else _RUSSIAN
    found: dict[str, list[str]] = {}
    for letter in alphabet:
        latin = _letter_to_latin(letter, language)
        if len(latin) == 1:
            found.setdefault(latin, []).append(letter)
    table = {lat: cyr[0] for lat, cyr in found.items() if len(cyr) == 1}
    table.update({lat.upper(): cyr.upper() for lat, cyr in list(table.items())})
    return table


def _letter_to_latin(letter: str, language: str) -> str:
    """One Cyrillic letter in Latin, as it is written inside a word (after a
    consonant: ``е`` is ``e`` there, not ``ye``)."""
    latin = _latin_word("д" + letter.lower(), _cyrillic_language(letter, language))
    latin = latin[1:] if latin.startswith("d") else latin
    return latin.capitalize() if letter.isupper() else latin


# -- the rule -------------------------------------------------------------


@dataclass(frozen=True)
class _Verdict:
    replacement: str | None  # None: leave the word
    reason: str = ""  # why it was left (a note) or what was done


@lru_cache(maxsize=8192)
def _unify(word: str, language: str) -> _Verdict:
    """Make a mixed word single-script, or say why not (a pure function of
    the word: memoised, since a text repeats its words)."""
    scripts = [script_of(c) for c in word]
    counts = Counter(s for s in scripts if s)
    if "other" in counts:
        return _Verdict(None)
    ranked = counts.most_common()
    if ranked[0][1] == ranked[1][1]:
        names = " and ".join(s for s, _ in ranked)
        return _Verdict(None, f"word {word!r} mixes {names} letters equally; left as it is")
    dominant = ranked[0][0]
    confusables = load_confusables()
    out: list[str] = []
    for i, (char, script) in enumerate(zip(word, scripts)):
        if not script or script == dominant:
            out.append(char)
            continue
        if GREEK in (script, dominant) and _greek_notation(word, i, scripts, dominant):
            return _Verdict(
                None, f"{script} {char!r} in {dominant} word {word!r} may be notation; left as it is"
            )
        twin = confusables.homoglyph(char, dominant)
        if twin is None:
            twin = _transliterate_letter(char, script, dominant, language)
        if twin is None:
            return _Verdict(
                None,
                f"{script} {char!r} in {dominant} word {word!r} has no {dominant} "
                "homoglyph or transliteration; left as it is",
            )
        out.append(twin)
    return _Verdict("".join(out), f"mixed-script word {word!r} -> {dominant}")


def _greek_notation(word: str, i: int, scripts: list[str], dominant: str) -> bool:
    """Greek letters beside Latin ones are often notation: at the edge of a
    word (``TNFα``, ``μmol``, ``Aβ``) or inside capitals (``NFκB``).  Only a
    letter inside a word that is not all capitals is a homoglyph slip."""
    if i == 0 or i == len(word) - 1:
        return True
    own = [c for c, s in zip(word, scripts) if s == dominant]
    return all(c.isupper() for c in own)


def _transliterate_letter(char: str, script: str, dominant: str, language: str) -> str | None:
    if script == CYRILLIC and dominant == LATIN:
        latin = _letter_to_latin(char, language)
        return latin if latin.isascii() and latin.isalpha() else None
    if script == LATIN and dominant == CYRILLIC:
        return _from_latin(language).get(char)
    return None


def _notation(text: str, start: int, end: int, word: str) -> bool:
    """Is a non-Latin word notation rather than a word to transliterate?
    A single Greek letter; a Greek word joined without a space to Latin
    letters or digits (``α-helix``, ``β2``); a Cyrillic word joined to Latin
    letters (``COVID-вакцина``)."""
    greek = _GREEK_LETTER.search(word) is not None
    if greek and len(word) == 1:
        return True
    i = start - 1
    while i >= 0 and not text[i].isspace():
        if (greek and text[i].isdigit()) or script_of(text[i]) == LATIN:
            return True
        i -= 1
    j, n = end, len(text)
    while j < n and not text[j].isspace():
        if (greek and text[j].isdigit()) or script_of(text[j]) == LATIN:
            return True
        j += 1
    return False


def script_edits(
    text: str,
    policy: str = "unify",
    facts: TextFacts | None = None,
    language: str = "",
) -> Iterator[Edit | Note]:
    """Edits (and notes) that apply a script ``policy`` to ``text``.

    >>> [(e.start, e.end, e.replacement) for e in script_edits("Rустем Умеров")]
    [(0, 1, 'Р')]
    >>> [(e.start, e.end, e.replacement) for e in script_edits("Mr. Cоlby, Рустем Умеров", "latin")]
    [(5, 6, 'o'), (11, 24, 'Rustem Umerov')]
    """
    if policy == "keep":
        return
    if policy not in POLICIES:
        raise ValueError(f"unknown scripts policy {policy!r} ({', '.join(POLICIES)})")
    nonascii = facts_of(text, facts).nonascii
    # Cheap screen: without a Cyrillic or Greek letter, every word is Latin.
    if not nonascii or not _NONLATIN_LETTER.search(nonascii):
        return
    hint = _text_language(nonascii, language)
    protected = Protected(text)
    # The text is scanned for the very Cyrillic and Greek letters it holds
    # (a class of a few characters, which ``re`` checks several times
    # faster than the Script properties of ``regex``).
    present = _present_letters(frozenset(_NONLATIN_LETTER.findall(nonascii)))
    pos = 0
    n = len(text)
    while pos < n:
        m = present.search(text, pos)
        if m is None:
            break
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.start())
        if line_end < 0:
            line_end = n
        # the line's own letters say Ukrainian or Russian best; else the text's
        line_hint = hint if language in ("uk", "ru") else (
            cyrillic_language(text[line_start:line_end]) or hint
        )
        if policy == "latin" and _plain_cyrillic(text, line_start, line_end):
            yield from _whole_line_latin(text, line_start, line_end, line_hint)
        elif policy == "latin" or _may_mix(text, line_start, line_end):
            yield from _line_edits(text, line_start, line_end, policy, line_hint, protected)
        pos = line_end + 1


@lru_cache(maxsize=64)
def _present_letters(letters: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(letters)) + "]")


def _plain_cyrillic(text: str, start: int, end: int) -> bool:
    """A line whose only letters are Cyrillic, with no address or code span:
    every word of it is transliterated alike."""
    from .protect import might_hold_spans

    return not (
        _ALPHABET_LETTERS[0].search(text, start, end)
        or _GREEK_LETTER.search(text, start, end)
        or _OTHER_LETTER.search(text, start, end)
        or might_hold_spans(text, start, end)
    )


def _whole_line_latin(text: str, start: int, end: int, language: str) -> Iterator[Edit]:
    old = text[start:end]
    new = unicodedata.normalize("NFC", _WORD.sub(lambda m: _latin_word(m.group(), language), old))
    if new == old:
        return
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    a, b = old[p : len(old) - q], new[p : len(new) - q]
    yield Edit(start + p, end - q, b, RULE, f"{_short(a)!r} -> {_short(b)!r} (transliterated to Latin)")


def _short(s: str, limit: int = 40) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def _may_mix(text: str, start: int, end: int) -> bool:
    """Could a word of this line mix scripts?  Only if the line has letters
    of two of Latin, Cyrillic and Greek (a line of Russian has none)."""
    found = 0
    for pattern in _ALPHABET_LETTERS:
        if pattern.search(text, start, end):
            found += 1
            if found == 2:
                return True
    return False


def _mixed(word: str) -> bool:
    return sum(1 for p in _ALPHABET_LETTERS if p.search(word)) > 1


def _line_edits(
    text: str, start: int, end: int, policy: str, language: str, protected: Protected
) -> Iterator[Edit | Note]:
    latin = policy == "latin"
    run: list[tuple[int, int, str]] = []  # words transliterated, to join in one edit

    def flush() -> Iterator[Edit]:
        if run:
            a, b = run[0][0], run[-1][1]
            old = text[a:b]
            pieces, pos = [], a
            for s_, e_, new_ in run:
                pieces.append(text[pos:s_])
                pieces.append(new_)
                pos = e_
            new = "".join(pieces)
            run.clear()
            yield Edit(a, b, new, RULE, f"{old!r} -> {new!r} (transliterated to Latin)")

    for m in _WORD.finditer(text, start, end):
        word = m.group()
        if not _NONLATIN_LETTER.search(word):
            continue
        mixed = _mixed(word)
        if not mixed and not latin:
            continue  # a Cyrillic or Greek word: nothing to unify
        if protected.covers(m.start(), m.end()):
            if mixed:
                yield Note(
                    m.start(), m.end(), RULE,
                    f"mixed-script {word!r} in a URL, address or code span "
                    "(a possible homograph); left as it is",
                )
            continue
        new = word
        message = ""
        if mixed:
            verdict = _unify(word, language)
            if verdict.replacement is None:
                if verdict.reason:
                    yield Note(m.start(), m.end(), RULE, verdict.reason)
                continue
            new, message = verdict.replacement, verdict.reason
        if latin and _NONLATIN_LETTER.search(new) and not _OTHER_LETTER.search(new):
            if _notation(text, m.start(), m.end(), new):
                continue
            new = unicodedata.normalize("NFC", _latin_word(new, language))
            if run and text[run[-1][1] : m.start()].strip(" \t,.;:-'\u2019") :
                yield from flush()
            run.append((m.start(), m.end(), new))
            continue
        yield from flush()
        # a homoglyph may now compose with a following accent (Е + ́ -> É)
        new = unicodedata.normalize("NFC", new)
        if new != word:
            yield from _char_edits(word, new, m.start(), message)
    yield from flush()


def _char_edits(old: str, new: str, offset: int, message: str) -> Iterator[Edit]:
    """One edit per changed letter when lengths agree, else one for the word."""
    if len(old) != len(new):
        yield Edit(offset, offset + len(old), new, RULE, message)
        return
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b:
            yield Edit(offset + i, offset + i + 1, b, RULE, message)


def unify_scripts(text: str, language: str = "") -> str:
    """Make every mixed-script word single-script (the ``unify`` policy).

    >>> unify_scripts("Rустем Умеров met Mr. Cоlby in Kyiv.")
    'Рустем Умеров met Mr. Colby in Kyiv.'
    >>> unify_scripts("X-ray, COVID-19, α-helix and Слава stay.")
    'X-ray, COVID-19, α-helix and Слава stay.'
    """
    return apply_edits(
        text, [e for e in script_edits(text, "unify", None, language) if isinstance(e, Edit)]
    )
