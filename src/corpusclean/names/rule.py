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
from functools import lru_cache

from rapidfuzz import fuzz

from ..edits import Edit, Note
from ..protect import Protected
from .keys import PersonName, Token, fold, is_derived, parse_person, place_key, readings
from .mentions import RUN, SCAN, Part, parts_of, sentence_start
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
    return a == b or (not is_derived(a, b) and fuzz.ratio(a, b) >= floor)


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
    """How well a mention fits one form of a person; None if it does not."""
    found = _entry_score(mine, [form], threshold)
    return None if found is None else found[0]


def _entry_score(
    mine: PersonName, forms: list[_Form], threshold: float
) -> tuple[float, _Form | None] | None:
    """How well a mention fits a person with these forms (canonical first):
    the surname against every spelling of it, the given names against every
    form that has some.  Also the listed variant the mention is, if any."""
    surname_score, surname = -1.0, ""
    for form in forms:
        theirs = form.person
        assert theirs is not None
        if theirs.surname == mine.surname:
            surname_score, surname = 100.0, theirs.surname
            break
        if is_derived(mine.surname, theirs.surname):
            continue
        score = fuzz.ratio(mine.surname, theirs.surname)
        if score > surname_score:
            surname_score, surname = score, theirs.surname
    if not mine.given:
        if surname_score < threshold:
            return None
        whole = next((f for f in forms if f.listed and f.key == mine.key), None)
        return surname_score, whole
    if surname_score < threshold - 15:
        return None
    best: tuple[float, _Form | None] | None = None
    for form in forms:
        theirs = form.person
        assert theirs is not None
        if form.key == mine.key:
            return 100.0, form if form.listed else None
        if not theirs.given:
            continue
        score = _given_score(mine, theirs, surname, threshold)
        if score is not None and (best is None or score > best[0]):
            best = (score, None)
    return best


def _given_score(mine: PersonName, theirs: PersonName, surname: str, threshold: float) -> float | None:
    pairs = _aligned(mine, theirs)
    if pairs is None:
        return None
    floor = max(0.0, threshold - 15)
    if not all(_units_fit(mine.given[i], theirs.given[j], floor) for i, j in pairs):
        return None
    a = " ".join(_unit_key(mine.given[i], theirs.given[j]) for i, j in pairs)
    b = " ".join(_unit_key(theirs.given[j], mine.given[i]) for i, j in pairs)
    score = _ratio(f"{a} {mine.surname}", f"{b} {surname}")
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
    """Resolves runs of a text against a registry.  Works on one run's text
    at a time (offsets relative to the run), so that results can be kept:
    documents repeat their runs ("Mr. Putin") within and across texts."""

    def __init__(self, registry: Registry, threshold: float, common: frozenset[str]):
        self.registry = registry
        self.threshold = threshold
        self.common = common
        self.run = lru_cache(maxsize=1 << 16)(self._run)

    def _run(self, run: str, sentence_start: bool) -> tuple[object, ...]:
        """What the run ``run`` holds: changes as ``_Match`` (only the spans
        that change, relative to the run), ``_Stranger`` and ``Note``."""
        out: list[object] = []
        for sub in RUN.finditer(run):
            at_start = sentence_start if sub.start() == 0 else None
            for part in parts_of(run, sub.start(), sub.end(), self.common, at_start):
                out.extend(self._changes(part, run))
        return tuple(out)

    def _changes(self, part: Part, run: str) -> Iterator[object]:
        for result in self.resolve(part, run):
            if isinstance(result, _Match):
                changes = tuple((a, b, r) for a, b, r in result.spans if run[a:b] != r)
                if not changes:
                    continue
                result = _Match(result.entry, result.score, changes, result.reference, result.surname)
            yield result

    @staticmethod
    def _readings(tokens: list[Token], first: int, end: int) -> list[PersonName]:
        words = tokens[first:end]
        found = (parse_person(words, lang) for lang in readings([t.text for t in words]))
        return [m for m in found if m is not None]

    def _person_fits(self, tokens: list[Token], first: int, end: int, people: list[_Form]):  # type: ignore[no-untyped-def]
        """(score, entry, listed variant seen whole, mention) for every person
        entry the name ``tokens[first:end]`` fits."""
        mentions = self._readings(tokens, first, end)
        fits = []
        for entry in dict.fromkeys(f.entry for f in people):
            forms = self.registry.person_forms(entry)
            scored = [(_entry_score(m, forms, self.threshold), m) for m in mentions]
            scored = [(sc, m) for sc, m in scored if sc is not None]
            if scored:
                (score, whole), mention = max(scored, key=lambda x: x[0][0])  # type: ignore[index]
                fits.append((score, entry, whole, mention))
        return fits

    def _foreign_word(self, tokens: list[Token], entry: int) -> bool:
        """Is one of ``tokens`` a word of another registered name (and of no
        form of ``entry``)?  Such a word is not a misspelt given name."""
        words = self.registry.words
        for t in tokens:
            if t.kind == "word":
                owners = words.get(fold(t.text))
                if owners and entry not in owners:
                    return True
        return False

    def _canonical(self, entry: int) -> _Form:
        return self.registry.canonical_form(entry)

    def resolve(self, part: Part, text: str) -> Iterator[_Match | _Stranger | Note]:
        """What the name part ``part`` of ``text`` is (``text``: one run)."""
        tokens = list(part.tokens)
        # Right to left: a surname ends a name, and its given names are read
        # with it ("Aaaaa Aaaaaa": the first word is not a surname alone).
        found_all = []
        j = len(tokens) - 1
        while j >= 0:
            token = tokens[j]
            if token.kind == "word":
                same, near = self.registry.candidates(token.text)
                if same or near:
                    # a word that is a registered name's last word is only
                    # ever read as that: never as a near miss of another
                    found = self._at(text, part, tokens, j, same or near)
                    if found is not None:
                        _, result, first = found
                        found_all.append(result)
                        j = min(j, first)
            j -= 1
        yield from reversed(found_all)

    def _at(self, text: str, part: Part, tokens: list[Token], j: int, form_ids: tuple[int, ...]):  # type: ignore[no-untyped-def]
        forms = [self.registry.forms[f] for f in form_ids]
        people = [f for f in forms if f.person is not None]
        places = [f for f in forms if f.person is None]
        end = j + 1
        while end < len(tokens) and tokens[end].kind == "suffix":
            end += 1
        best: list[tuple[float, bool, _Match]] = []  # (score, exact, match)
        match_first: dict[int, int] = {}  # entry -> first token its match used
        stranger: _Stranger | None = None
        first_used = j
        # a word followed by another word of the name is a given name, not a
        # surname alone; only an exact place name may sit inside a longer one
        followed = end < len(tokens) and tokens[end].kind in ("word", "initials")
        if people:
            first = j
            while first and tokens[first - 1].kind in ("word", "initials", "particle"):
                first -= 1
            while first < j and tokens[first].kind == "word" and tokens[first].text.lower() in self.common:
                first += 1
            fits = self._person_fits(tokens, first, end, people)
            if not fits and first == 0 and part.sentence_start and first + 1 < j:
                # "Meanwhile Dmytro Kovalenkoo": the sentence's first word
                # may be no given name
                first += 1
                fits = self._person_fits(tokens, first, end, people)
            mentions = self._readings(tokens, first, end)
            for score, entry, whole, mention in fits:
                if followed and not mention.given and score < 100.0:
                    continue  # "Colbey Smith": a given name, not Colby
                if score < 100.0 and self._foreign_word(tokens[first:j], entry):
                    continue  # another registered name just before this one
                match = self._person_match(text, part, tokens, first, end, mention, entry, whole, score)
                best.append((score, score == 100.0, match))
                match_first[entry] = first
            if not fits and mentions and mentions[0].given:
                stranger = _Stranger(mentions[0].surname)
                first_used = first
        if places and not part.titled:
            for form in places:
                n = form.ntokens
                if n > j + 1:
                    continue
                window = tokens[j + 1 - n : j + 1]
                if any(t.kind not in ("word", "initials") for t in window):
                    continue
                keys = [place_key(window, lang) for lang in readings([t.text for t in window])]
                key = max(keys, key=lambda k: _ratio(k, form.key))
                if key != form.key and is_derived(key, form.key):
                    continue
                score = _ratio(key, form.key)
                if score < self.threshold or (followed and score < 100.0):
                    continue
                start, stop = window[0].start, window[-1].end
                canonical = self.registry.entries[form.entry].canonical
                replacement = _cased(canonical, text[start:stop], part.all_caps)
                match = _Match(form.entry, score, ((start, stop, replacement),), False)
                best.append((score, score == 100.0, match))
                match_first[form.entry] = j + 1 - n
        if not best:
            if stranger is not None:
                return "stranger", stranger, first_used
            return None
        top = max(s for s, _, _ in best)
        winners = {m.entry: m for s, _, m in best if s == top}
        outcomes = {m.spans for m in winners.values()}
        if len(outcomes) > 1:
            names = ", ".join(repr(self.registry.entries[e].canonical) for e in winners)
            start = min(a for m in winners.values() for a, _, _ in m.spans)
            stop = max(b for m in winners.values() for _, b, _ in m.spans)
            note = Note(start, stop, RULE, f"{text[start:stop]!r} may be any of {names}; left as it is")
            return "note", note, j
        match = next(iter(winners.values()))
        return "match", match, match_first[match.entry]

    def _person_match(
        self, text: str, part: Part, tokens: list[Token], first: int, end: int,
        mention: PersonName, entry: int, whole: _Form | None, score: float,
    ) -> _Match:
        canon = self._canonical(entry)
        person = canon.person
        assert person is not None
        caps = part.all_caps
        name_start, name_end = tokens[first].start, tokens[end - 1].end
        spans: list[tuple[int, int, str]] = []
        if whole is not None and mention.given and (
            _script(text[name_start:name_end]) == _script(whole.text)
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
        return _Match(entry, score, tuple(spans), not mention.given, mention.surname)


@lru_cache(maxsize=16)
def _resolver(registry: Registry, threshold: float, common: frozenset[str]) -> _Resolver:
    return _Resolver(registry, threshold, common)


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
    hits = registry.run_has_candidates
    resolve = _resolver(registry, float(threshold), common).run
    found: list[_Match] = []
    strangers: set[str] = set()
    for m in SCAN.finditer(text):
        run = m.group()
        if not hits(run):
            continue
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # inside a word: "iPhone"
        for result in resolve(run, sentence_start(text, start)):
            if isinstance(result, _Match):
                found.append(_shifted(result, start))
            elif isinstance(result, _Stranger):
                strangers.add(result.surname)
            elif isinstance(result, Note):
                yield Note(result.start + start, result.end + start, result.rule, result.message)
    if not found:
        return
    protected = Protected(text)
    for match in found:
        changes = match.spans
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
            s_, e_, replacement = _trimmed(text[a:b], r, a)
            yield Edit(s_, e_, replacement, RULE, f"{text[a:b]!r} -> {r!r} ({canonical})")


def _shifted(match: _Match, offset: int) -> _Match:
    spans = tuple((a + offset, b + offset, r) for a, b, r in match.spans)
    return _Match(match.entry, match.score, spans, match.reference, match.surname)
