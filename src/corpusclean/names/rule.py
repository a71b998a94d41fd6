"""The ``names`` rule: every variant of a registered name becomes canonical.

For each capitalised word that the registry's index says may be a registered
surname or place (its folded key is a registered key, or one edit away):

* **People.**  The words before it are its given names (common words at the
  front are dropped: ``Because Putin``).  With no given names it is a
  *reference* (``Mr. Colby``, ``Zelenskyy``): only the surname's spelling is
  made canonical, never expanded.  With given names, they must fit the
  entry's (same first name or its initial; a full name may be spelled a
  little differently, ``Eldridge``/``Elbridge``) and the whole name must score
  at least the threshold; names that do not fit are a *different person*
  (``Hunter Biden`` is not ``Joseph R. Biden Jr.``), and then references to
  that surname in the same text are left alone too.  Given names written
  like the canonical ones (``JD``/``J.D.``) take the canonical spelling;
  written otherwise (``V.`` for ``Volodymyr``) they stay.  A variant listed in
  the registry, seen whole, becomes the canonical form whole.
* **Places and organisations.**  The words ending at it are compared with
  the entry's words; a match becomes the canonical form.

Fuzzy scores are rapidfuzz's ``fuzz.ratio`` (0-100) on folded keys; an exact
key always wins over a fuzzy one, so canonical forms are fixed points.
Titles stay, possessives keep their ending (``Zelenskyy's`` ->
``Zelensky's``), all-capital text stays in capitals, and nothing inside URLs,
e-mail addresses or code spans changes.  A name in another script than its
canonical form (``Рустем Умеров``) is rewritten only on a line written mostly
in the canonical form's script.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..edits import Edit, Note
from ..protect import Protected
from .keys import PersonName, Token, is_derived, parse_person, place_key
from .mentions import RUN, Part, parts_of
from .registry import Registry, _Form

__all__ = ["name_edits"]

RULE = "names"


@dataclass(frozen=True)
class _Match:
    entry: int
    score: float
    spans: tuple[tuple[int, int, str], ...]  # (start, end, replacement) in text
    reference: bool  # a surname alone
    surname: str = ""  # the mention's surname key (people)


@dataclass(frozen=True)
class _Stranger:
    """Given names that fit no registered person with this surname."""

    surname: str


def _ratio(a: str, b: str) -> float:
    return 100.0 if a == b else fuzz.ratio(a, b)


def _units_fit(mine: tuple[str, bool], theirs: tuple[str, bool], floor: float) -> bool:
    (a, a_initial), (b, b_initial) = mine, theirs
    if a_initial or b_initial:
        return a[:1] == b[:1]
    return a == b or fuzz.ratio(a, b) >= floor


def _aligned(mine: PersonName, theirs: PersonName) -> list[tuple[int, int]] | None:
    """Pairs of given-name units (mine, theirs), or None when mine has more."""
    m, t = len(mine.given), len(theirs.given)
    if m > t:
        return None
    if m == 0:
        return []
    # first with first, the rest from the end: "Joseph Biden" ~ "Joseph R. Biden"
    return [(0, 0)] + [(m - k, t - k) for k in range(1, m)]


def _unit_key(unit: tuple[str, bool], other: tuple[str, bool]) -> str:
    return unit[0][:1] if unit[1] or other[1] else unit[0]


def _person_score(mine: PersonName, form: _Form, threshold: float) -> float | None:
    """How well a mention fits a form of a person; None if it does not."""
    theirs = form.person
    assert theirs is not None
    if mine.surname == theirs.surname:
        surname_score = 100.0
    else:
        if is_derived(mine.surname, theirs.surname):
            return None
        surname_score = fuzz.ratio(mine.surname, theirs.surname)
    if not mine.given:
        return surname_score if surname_score >= threshold else None
    pairs = _aligned(mine, theirs)
    if pairs is None:
        return None
    floor = max(0.0, threshold - 15)
    if not all(_units_fit(mine.given[i], theirs.given[j], floor) for i, j in pairs):
        return None
    a = " ".join(_unit_key(mine.given[i], theirs.given[j]) for i, j in pairs)
    b = " ".join(_unit_key(theirs.given[j], mine.given[i]) for i, j in pairs)
    score = _ratio(f"{a} {mine.surname}", f"{b} {theirs.surname}")
    return score if score >= threshold else None


def _cased(replacement: str, original: str, all_caps: bool) -> str:
    letters = [c for c in original if c.isalpha()]
    if all_caps or (len(letters) > 1 and all(c.isupper() for c in letters) and len(original) > 3):
        return replacement.upper()
    return replacement


def _script(text: str) -> str:
    """The script a name is written in: Latin, or the first other one."""
    from ..scripts import script_of

    for c in text:
        script = script_of(c) if not c.isascii() else ""
        if script and script != "Latin":
            return script
    return "Latin"


def _trimmed(old: str, new: str, offset: int) -> tuple[int, int, str]:
    """The one edit that turns ``old`` into ``new``: what differs between
    their common beginning and end."""
    p = 0
    n = min(len(old), len(new))
    while p < n and old[p] == new[p]:
        p += 1
    s = 0
    while s < n - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return offset + p, offset + len(old) - s, new[p : len(new) - s]


def _latin_share(text: str, pos: int) -> float:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return sum(c.isascii() for c in letters) / len(letters) if letters else 1.0


class _Resolver:
    def __init__(self, text: str, registry: Registry, threshold: float, common: frozenset[str]):
        self.text = text
        self.registry = registry
        self.threshold = threshold
        self.common = common

    def _canonical(self, entry: int) -> _Form:
        return self.registry.canonical_form(entry)

    def resolve(self, part: Part) -> Iterator[_Match | _Stranger | Note]:
        tokens = list(part.tokens)
        used = -1
        for j, token in enumerate(tokens):
            if j <= used or token.kind != "word":
                continue
            same, near = self.registry.candidates(token.text)
            if not same and not near:
                continue
            found = self._at(part, tokens, j, same + near)
            if found is None:
                continue
            kind, result, consumed = found
            used = consumed
            yield result

    def _at(self, part: Part, tokens: list[Token], j: int, form_ids: tuple[int, ...]):  # type: ignore[no-untyped-def]
        forms = [self.registry.forms[f] for f in form_ids]
        people = [f for f in forms if f.person is not None]
        places = [f for f in forms if f.person is None]
        end = j + 1
        while end < len(tokens) and tokens[end].kind == "suffix":
            end += 1
        best: list[tuple[float, bool, _Match]] = []  # (score, exact, match)
        stranger: _Stranger | None = None
        if people:
            first = j
            while first and tokens[first - 1].kind in ("word", "initials", "particle"):
                first -= 1
            while first < j and tokens[first].kind == "word" and tokens[first].text.lower() in self.common:
                first += 1
            mention = parse_person(tokens[first:end])
            if mention is not None:
                fits = []
                for form in people:
                    score = _person_score(mention, form, self.threshold)
                    if score is not None:
                        fits.append((score, form))
                if fits:
                    for score, form in fits:
                        match = self._person_match(part, tokens, first, end, mention, form, score)
                        best.append((score, score == 100.0, match))
                elif mention.given:
                    stranger = _Stranger(mention.surname)
        if places and not part.titled:
            for form in places:
                n = form.ntokens
                if n > j + 1:
                    continue
                window = tokens[j + 1 - n : j + 1]
                if any(t.kind not in ("word", "initials") for t in window):
                    continue
                key = place_key(window)
                if key != form.key and is_derived(key, form.key):
                    continue
                score = _ratio(key, form.key)
                if score < self.threshold:
                    continue
                start, stop = window[0].start, window[-1].end
                canonical = self.registry.entries[form.entry].canonical
                replacement = _cased(canonical, self.text[start:stop], part.all_caps)
                match = _Match(form.entry, score, ((start, stop, replacement),), False)
                best.append((score, score == 100.0, match))
        if not best:
            if stranger is not None:
                return "stranger", stranger, j
            return None
        top = max(s for s, _, _ in best)
        winners = {m.entry: m for s, _, m in best if s == top}
        outcomes = {m.spans for m in winners.values()}
        if len(outcomes) > 1:
            names = ", ".join(repr(self.registry.entries[e].canonical) for e in winners)
            start = min(a for m in winners.values() for a, _, _ in m.spans)
            stop = max(b for m in winners.values() for _, b, _ in m.spans)
            return "note", Note(start, stop, RULE, f"{self.text[start:stop]!r} may be any of {names}; left as it is"), j
        (match,) = list(winners.values())[:1]
        return "match", match, end - 1

    def _person_match(
        self, part: Part, tokens: list[Token], first: int, end: int,
        mention: PersonName, form: _Form, score: float,
    ) -> _Match:
        canon = self._canonical(form.entry)
        person = canon.person
        assert person is not None
        text = self.text
        caps = part.all_caps
        name_start, name_end = tokens[first].start, tokens[end - 1].end
        spans: list[tuple[int, int, str]] = []
        if form.listed and mention.given and mention.key == form.key and (
            _script(text[name_start:name_end]) == _script(form.text)
        ):
            # a listed variant seen whole: the canonical form whole
            spans.append((name_start, name_end, _cased(canon.text, text[name_start:name_end], caps)))
        else:
            if mention.given_span and mention.given and mention.form == person.form and person.given_span:
                a, b = mention.given_span
                ga, gb = person.given_span
                spans.append((a, b, _cased(canon.text[ga:gb], text[a:b], caps)))
            a, b = mention.surname_span
            sa, sb = person.surname_span
            spans.append((a, b, _cased(canon.text[sa:sb], text[a:b], caps)))
        return _Match(form.entry, score, tuple(spans), not mention.given, mention.surname)


def name_edits(
    text: str,
    registry: Registry | None,
    threshold: float = 90.0,
    common: frozenset[str] = frozenset(),
) -> Iterator[Edit | Note]:
    """Edits that make every registered name canonical.

    >>> from corpusclean.names.registry import Entry, Registry
    >>> reg = Registry.of([Entry("Volodymyr Zelensky", "person", ("Zelenskyy",)),
    ...                    Entry("Odesa", "place", ("Odessa",))])
    >>> from corpusclean.edits import apply_edits
    >>> text = "Mr. Zelenskyy's visit to Odessa; V. Zelenskyy and Volodymyr Zelenskyi."
    >>> apply_edits(text, [e for e in name_edits(text, reg) if isinstance(e, Edit)])
    "Mr. Zelensky's visit to Odesa; V. Zelensky and Volodymyr Zelensky."
    """
    if registry is None or not registry.entries:
        return
    candidates = registry.candidates
    resolver = _Resolver(text, registry, threshold, common)
    protected = Protected(text)
    found: list[_Match] = []
    strangers: set[str] = set()
    for m in RUN.finditer(text):
        if not any(any(candidates(w)) for w in m.group().split()):
            continue
        for part in parts_of(text, m.start(), m.end(), common):
            for result in resolver.resolve(part):
                if isinstance(result, _Stranger):
                    strangers.add(result.surname)
                elif isinstance(result, Note):
                    yield result
                else:
                    found.append(result)
    for match in found:
        changes = [(a, b, r) for a, b, r in match.spans if text[a:b] != r]
        if not changes:
            continue
        start, stop = changes[0][0], changes[-1][1]
        if protected.covers(start, stop):
            continue
        canonical = registry.entries[match.entry].canonical
        if match.reference and match.surname in strangers:
            yield Note(
                start, stop, RULE,
                f"{text[start:stop]!r} may be {canonical!r} or another person of that "
                "name in this text; left as it is",
            )
            continue
        original = text[start:stop]
        if not original.isascii() and canonical.isascii() and _latin_share(text, start) < 0.5:
            continue  # a name in its own script, in text of that script
        for a, b, r in changes:
            start, stop, replacement = _trimmed(text[a:b], r, a)
            yield Edit(start, stop, replacement, RULE, f"{text[a:b]!r} -> {r!r} ({canonical})")
