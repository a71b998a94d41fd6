"""Properties of the scripts and names rules over arbitrary text."""

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from corpusclean import Config, apply_edits, clean, repair
from corpusclean.names import Entry, Registry, canonicalize_names, name_edits

from .strategies import any_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of text in which the names of the seeds registry, their variants and
# near misses occur, with titles, possessives, capitals and other scripts.
_NAME_PIECES = [
    "Zelenskyy", "Zelensky", "Zelenskyi", "Volodymyr ", "V. ", "Mr. ", "Ms. ", "President ",
    "Gen. ", "J.D. ", "JD ", "J. D. ", "Vance", "Elbridge A. ", "Eldridge A. ", "William E. ",
    "Colby", "Colbey", "Hunter ", "Joseph R. ", "Biden", " Jr.", "Odessa", "Odesa", "Kiev",
    "Kyiv", "Рустем ", "Умеров", "Rустем", "Юлія ", "Гриценкo", "'s", "\u2019s", "ZELENSKYY",
    "https://example.org/", "`", "@example.org", "Driscol", "Daniel P. ", "Because ", "In ",
    ". ", ", ", " ", "\n", "\n\n", "\r\n", "Cоlby", "Delacroix-Hale", "Margeurite A. ",
]
name_text = st.lists(
    st.one_of(st.sampled_from(_NAME_PIECES), st.text(max_size=3)), max_size=30
).map("".join)
texts = st.one_of(any_text, name_text)

SEEDS = Config(names=["seeds"])
LATIN = Config(names=["seeds"], scripts="latin")


@SETTINGS
@given(texts)
def test_without_a_registry_names_changes_nothing(text):
    result = repair(text, select=["names"])
    assert result.text == text
    assert result.edits == () and result.notes == ()
    assert list(name_edits(text, None)) == []


@SETTINGS
@given(texts, st.sampled_from([SEEDS, LATIN]))
def test_idempotent_with_scripts_and_names(text, config):
    once = clean(text, config)
    assert clean(once, config) == once


@SETTINGS
@given(texts)
def test_edits_replay_with_a_registry(text):
    result = repair(text, SEEDS)
    assert apply_edits(text, result.edits) == result.text
    assert all(a.end <= b.start for a, b in zip(result.edits, result.edits[1:]))


_AROUND = st.sampled_from(["", "Mr. ", "In ", "said ", "and ", "(", "\u201c", "\n", "The report on "])
_AFTER = st.sampled_from(["", ".", "'s", "\u2019s visit", ", who", " said", ")", "\u201d", "\n"])


@SETTINGS
@given(st.sampled_from(SEEDS.names_registry.entries), _AROUND, _AFTER)
def test_every_canonical_form_is_a_fixed_point(entry, before, after):
    text = f"{before}{entry.canonical}{after}"
    assert clean(text, SEEDS.replace(select=["names"])) == text


_NAME = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)


@st.composite
def registries(draw):
    """Registries of made-up people and places.  Their words are told apart
    (no two within fuzzy reach of each other, as "Aaaa" and "Aaaaa" would
    be): otherwise "Aaaa Aaaaa" is as good a spelling of the person
    "Aaaaa Aaaa" as any variant, and no rule could know better."""
    from rapidfuzz import fuzz

    entries = []
    words: list[str] = []

    def fresh() -> str:
        word = draw(_NAME.filter(lambda w: all(fuzz.ratio(w.lower(), o.lower()) < 70 for o in words)))
        words.append(word)
        return word

    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["person", "place"]))
        if kind == "person":
            initial = draw(st.sampled_from(["", "A. ", "J.D. "]))
            canonical = f"{fresh()} {initial}{fresh()}"
        else:
            canonical = fresh()
        entries.append(Entry(canonical, kind))
    return Registry.of(entries)


@SETTINGS
@given(registries(), st.data())
def test_canonical_forms_of_any_registry_are_fixed_points(registry, data):
    parts = [data.draw(_AROUND) + e.canonical + data.draw(_AFTER) for e in registry.entries]
    text = " ".join(parts)
    note(repr(text))
    assert canonicalize_names(text, registry) == text
