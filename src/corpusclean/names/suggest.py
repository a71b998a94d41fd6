"""``corpusclean names suggest``: mine a corpus for name variants.

Reads the names in a corpus the way the ``names`` rule does (runs of
capitalised words cut at titles), then clusters them:

* **People**: full names (given names and a surname) are grouped by the
  fuzzy similarity of their folded surnames, then split into people whose
  given names fit one another (``Elbridge A.``/``Eldridge A.`` fit;
  ``William E.`` does not, nor does ``Hunter`` fit ``Joseph R.``).  A surname
  alone (``Mr. Colby``, ``Zelenskyy``) joins the one person of that surname,
  and never a surname shared by two people.
* **Places**: single words seen after a place preposition (``in Odesa``,
  ``to Kyiv``) are grouped by fuzzy similarity of their keys; inflections
  (``Russia``/``Russian``) are not variants.

A cluster with more than one spelling is written as a draft registry entry
with a proposed canonical form (the commonest spelling, its fullest form;
ties go to the spelling seen in running prose rather than in a caption or a
list) and the count of each form, for a person to review.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from wordfreq import zipf_frequency

from ..scripts import script_of
from .keys import PersonName, Token, fold, is_derived, parse_person
from .mentions import RUN, common_words, parts_of

__all__ = ["Cluster", "mine", "draft_registry", "suggest"]

#: Words after which a capitalised word is a place.
PLACE_PREPOSITIONS = frozenset(
    "in to from near at outside inside across toward towards around into via through "
    "visited reached leaving".split()
)


@dataclass
class Cluster:
    """One person or place and the forms it was written in."""

    kind: str
    canonical: str
    counts: dict[str, int] = field(default_factory=dict)  # form -> times seen
    variants: list[str] = field(default_factory=list)  # forms to rewrite
    references: int = 0  # a surname alone, spelled as the canonical form


@dataclass
class _Form:
    text: str
    name: PersonName | None
    count: int = 0
    prose: int = 0
    first: int = 0  # order of first sighting

    def see(self, prose: bool, order: int) -> None:
        if not self.count:
            self.first = order
        self.count += 1
        self.prose += prose


def _prose(text: str, pos: int) -> bool:
    """Is ``pos`` on a line of running prose (not a caption, credit or list)?"""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) >= 80 and line[-1:] in '.!?"”’)'


def _word_before(text: str, pos: int) -> str:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and text[j].isalpha():
        j -= 1
    return text[j + 1 : i + 1]


def _surface(tokens: Sequence[Token]) -> str:
    return " ".join(t.text for t in tokens)


class _Corpus:
    def __init__(self, threshold: float, common: frozenset[str], language: str = "en"):
        self.language = language
        self.threshold = threshold
        self.common = common
        self.full: dict[str, _Form] = {}  # person surface -> form
        self.refs: dict[str, _Form] = {}  # a surname alone -> form
        self.places: dict[str, _Form] = {}  # single word with place evidence
        self.singles: Counter[str] = Counter()  # every single-word sighting
        self.single_prose: Counter[str] = Counter()
        self.order = 0

    def read(self, text: str) -> None:
        for m in RUN.finditer(text):
            for part in parts_of(text, m.start(), m.end(), self.common):
                self._part(text, part)

    def _part(self, text: str, part) -> None:  # type: ignore[no-untyped-def]
        if part.all_caps:
            return  # credits and headlines: no evidence of spelling
        tokens = list(part.tokens)
        while len(tokens) > 1 and tokens[0].kind == "word" and tokens[0].text.lower() in self.common:
            tokens.pop(0)
        self.order += 1
        prose = _prose(text, part.start)
        words = [t for t in tokens if t.kind == "word"]
        if len(tokens) == 1 and words:
            word = words[0].text
            if len(fold(word)) < 3:
                return
            if part.titled:
                self.refs.setdefault(word, _Form(word, None)).see(prose, self.order)
                return
            self.singles[word] += 1
            self.single_prose[word] += prose
            if _word_before(text, part.start).lower() in PLACE_PREPOSITIONS:
                self.places.setdefault(word, _Form(word, None))
            return
        if (
            part.sentence_start
            and len(words) >= 3
            and tokens[0].kind == "word"
            and zipf_frequency(tokens[0].text.lower(), self.language) >= 4.0
        ):
            tokens.pop(0)  # "Meanwhile Dmytro Kovalenko": a sentence's first word
        name = parse_person(tokens)
        if name is None or not name.given or len(name.surname) < 2:
            return
        if any(t.kind == "word" and t.text.lower() in self.common for t in tokens):
            return
        surface = _surface(tokens)
        if surface not in self.full:
            # spans relative to the surface itself
            self.full[surface] = _Form(surface, parse_person(_tokens(surface)))
        self.full[surface].see(prose, self.order)

    # -- clustering --------------------------------------------------------

    def _similar(self, a: str, b: str) -> bool:
        return a == b or (not is_derived(a, b) and fuzz.ratio(a, b) >= self.threshold)

    def _groups(self, keys: Iterable[str]) -> list[list[str]]:
        """Keys joined when similar (single linkage over distinct keys)."""
        keys = sorted(set(keys))
        parent = {k: k for k in keys}

        def find(k: str) -> str:
            while parent[k] != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        # Candidate pairs are keys one edit apart (as the names rule finds
        # them): keys that share a one-letter deletion, or where one is a
        # deletion of the other.  No comparison of every pair.
        by_deletion: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            by_deletion[k].append(k)
            if len(k) >= 4:
                for i in range(len(k)):
                    by_deletion[k[:i] + k[i + 1 :]].append(k)
        for bucket in by_deletion.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if a != b and self._similar(a, b):
                        parent[find(a)] = find(b)
        groups: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            groups[find(k)].append(k)
        return list(groups.values())

    def _fits(self, a: PersonName, b: PersonName) -> bool:
        from .rule import _Form as RuleForm
        from .rule import _person_score

        long_, short = (a, b) if len(a.given) >= len(b.given) else (b, a)
        probe = RuleForm(0, "", False, long_, long_.key, 0)
        return _person_score(short, probe, self.threshold) is not None

    def people(self) -> list[Cluster]:
        by_surname: dict[str, list[_Form]] = defaultdict(list)
        for form in self.full.values():
            assert form.name is not None
            by_surname[form.name.surname].append(form)
        ref_keys: dict[str, list[_Form]] = defaultdict(list)
        for word, form in self.refs.items():
            ref_keys[fold(word)].append(form)
        for word, count in self.singles.items():
            # a bare word joins a person when it is no common word ("German"
            # is not a spelling of "Germany")
            if word not in self.places and zipf_frequency(word.lower(), self.language) < 4.5:
                ref_keys[fold(word)].append(_bare(word, count, self.single_prose[word]))
        clusters: list[Cluster] = []
        for group in self._groups(list(by_surname) + [k for k in ref_keys if len(k) >= 4]):
            forms = [f for k in group for f in by_surname.get(k, [])]
            if not forms:
                continue
            persons = self._split(forms)
            refs = [f for k in group for f in ref_keys.get(k, [])]
            if len(persons) == 1:
                cluster = _person_cluster(persons[0], refs)
            else:
                # several people share the surname: references belong to none
                for person in persons:
                    cluster = _person_cluster(person, [])
                    if cluster.variants:
                        clusters.append(cluster)
                continue
            if cluster.variants:
                clusters.append(cluster)
        return clusters

    def _split(self, forms: list[_Form]) -> list[list[_Form]]:
        """People among the full forms of one surname group."""
        forms = sorted(forms, key=lambda f: (-len(f.name.given), -f.count, f.first))  # type: ignore[union-attr]
        persons: list[list[_Form]] = []
        for form in forms:
            fitting = [p for p in persons if all(self._fits(form.name, q.name) for q in p)]  # type: ignore[arg-type]
            if len(fitting) == 1:
                fitting[0].append(form)
            elif not fitting:
                persons.append([form])
            # fits several people ("J. Smith"): left out of every cluster
        return persons

    def place_clusters(self, taken: set[str]) -> list[Cluster]:
        keys: dict[str, list[str]] = defaultdict(list)
        for word in self.places:
            if fold(word) not in taken:
                keys[fold(word)].append(word)
        clusters = []
        for group in self._groups(keys):
            words = [w for k in group for w in keys[k]]
            if len(words) < 2:
                continue
            ranked = sorted(words, key=lambda w: (-self.singles[w], -self.single_prose[w], w))
            canonical = ranked[0]
            cluster = Cluster("place", canonical, {w: self.singles[w] for w in ranked})
            cluster.variants = ranked[1:]
            clusters.append(cluster)
        return clusters


def _latin(text: str) -> bool:
    """Written in Latin letters (the script a registry's canonical forms use
    in a corpus of Latin text)."""
    return all(c.isascii() or not c.isalpha() or script_of(c) == "Latin" for c in text)


def _bare(word: str, count: int, prose: int) -> _Form:
    form = _Form(word, None, count, prose)
    return form


def _person_cluster(forms: list[_Form], refs: list[_Form]) -> Cluster:
    """The proposed canonical form and the variants of one person."""
    surnames: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)  # key -> surface -> count
    prose: Counter[str] = Counter()
    for f in forms:
        assert f.name is not None
        a, b = f.name.surname_span
        surnames[f.name.surname] += f.count
        prose[f.name.surname] += f.prose
        spellings[f.name.surname][f.text[a:b]] += f.count
    for r in refs:
        key = fold(r.text)
        surnames[key] += r.count
        prose[key] += r.prose
        spellings[key][r.text] += r.count
    surname = max(surnames, key=lambda k: (surnames[k], prose[k]))
    surname_text = max(spellings[surname], key=lambda w: (_latin(w), spellings[surname][w]))
    with_surname = [f for f in forms if f.name and f.name.surname == surname] or forms
    best = max(
        with_surname,
        key=lambda f: (
            _latin(f.text),
            len(f.name.given),  # type: ignore[union-attr]
            sum(not initial for _, initial in f.name.given),  # type: ignore[union-attr]
            f.count,
            f.prose,
            -f.first,
        ),
    )
    assert best.name is not None
    given = best.text[: best.name.surname_span[0]].rstrip()
    canonical = f"{given} {surname_text}".strip()
    if best.name.suffix:
        canonical += " " + best.name.suffix
    cluster = Cluster("person", canonical)
    canon = parse_person(_tokens(canonical))
    assert canon is not None
    for f in sorted(forms, key=lambda f: (-f.count, f.first)):
        cluster.counts[f.text] = cluster.counts.get(f.text, 0) + f.count
        if f.text != canonical and _spelled_otherwise(f.name, canon, f.text, canonical):  # type: ignore[arg-type]
            cluster.variants.append(f.text)
    for r in refs:
        if fold(r.text) != canon.surname:
            cluster.counts[r.text] = cluster.counts.get(r.text, 0) + r.count
            if r.text not in cluster.variants:
                cluster.variants.append(r.text)
        else:
            cluster.references += r.count
    if canonical not in cluster.counts:
        cluster.counts = {canonical: 0, **cluster.counts}
    return cluster


def _tokens(text: str) -> list[Token]:
    from .keys import split_tokens

    return split_tokens(text)


def _spelled_otherwise(name: PersonName, canon: PersonName, text: str, canonical: str) -> bool:
    """Is ``name`` a spelling variant of ``canon`` (not merely a shorter
    form, such as ``Vladimir Putin`` for ``Vladimir V. Putin``)?"""
    if name.surname != canon.surname:
        return True
    if name.key == canon.key:
        return " ".join(text.split()) != " ".join(canonical.split())  # J.D. / JD
    m, t = len(name.given), len(canon.given)
    if m > t or not m:
        return False
    pairs = [(0, 0)] + [(m - k, t - k) for k in range(1, m)]
    return any(
        name.given[i][1] == canon.given[j][1] and name.given[i][0] != canon.given[j][0]
        for i, j in pairs
    )


def mine(texts: Iterable[str], threshold: float = 90.0, language: str = "en") -> list[Cluster]:
    """Clusters of name variants in ``texts``: people first, then places."""
    corpus = _Corpus(threshold, common_words(language), language)
    for text in texts:
        corpus.read(text)
    people = corpus.people()
    taken = {fold(w) for c in people for w in c.counts} | {
        f.name.surname for f in corpus.full.values() if f.name is not None
    }
    return people + corpus.place_clusters(taken)


def _toml_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def draft_registry(clusters: Sequence[Cluster], sources: Sequence[str] = ()) -> str:
    """A registry (TOML) of ``clusters`` for a person to review.

    >>> print(draft_registry([Cluster("place", "Odesa", {"Odesa": 2, "Odessa": 1}, ["Odessa"])]))
    ... # doctest: +ELLIPSIS
    # Draft names registry...
    [[entry]]
    canonical = "Odesa"
    kind = "place"
    variants = ["Odessa"]
    counts = { "Odesa" = 2, "Odessa" = 1 }
    <BLANKLINE>
    """
    lines = [
        "# Draft names registry written by `corpusclean names suggest`"
        + (f" from {len(sources)} file(s)." if sources else "."),
        "# Every entry is a proposal: check that each variant is the same person or",
        "# place as the canonical form, fix the canonical form if another spelling is",
        "# right, delete what is wrong, then use the file with `--names FILE`.",
        "# counts: how often each form was seen.",
        "",
        "[registry]",
        'name = "draft"',
        f"description = {_toml_string('Suggested from ' + ', '.join(sources) if sources else 'Suggested')}",
        "",
    ]
    seen: set[str] = set()
    for cluster in clusters:
        variants = [v for v in cluster.variants if v not in seen and v != cluster.canonical]
        if not variants or cluster.canonical in seen:
            continue
        seen.update(variants)
        seen.add(cluster.canonical)
        lines.append("[[entry]]")
        lines.append(f"canonical = {_toml_string(cluster.canonical)}")
        lines.append(f'kind = "{cluster.kind}"')
        lines.append("variants = [" + ", ".join(_toml_string(v) for v in variants) + "]")
        counts = ", ".join(f"{_toml_string(k)} = {v}" for k, v in cluster.counts.items())
        lines.append(f"counts = {{ {counts} }}")
        if cluster.references:
            lines.append(f"# and {cluster.references} reference(s) by surname alone")
        lines.append("")
    return "\n".join(lines)


def suggest(texts: Iterable[str], sources: Sequence[str] = (), threshold: float = 90.0, language: str = "en") -> str:
    """The draft registry (TOML) of the name variants in ``texts``."""
    return draft_registry(mine(texts, threshold, language), sources)
