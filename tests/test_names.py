"""names: registries and canonical names (ARTIFACTS §7, own text)."""

import pytest

from corpusclean import Config, ConfigError, Note, clean, repair
from corpusclean.names import Entry, Registry, RegistryError, canonicalize_names, parse_registry

from .conftest import seed_paths

REGISTRY = Registry.of(
    [
        Entry("Teodor K. Brannigan", "person", ("Teodor K. Branigan",)),
        Entry("Annika Thorvald", "person"),
        Entry("Volodymyr Zelensky", "person", ("Zelenskyy",)),
        Entry("J.D. Vance", "person"),
        Entry("Rustem Umerov", "person", ("Рустем Умеров",)),
        Entry("Marguerite A. Delacroix-Hale", "person"),
        Entry("Dagny Sørensen", "person"),
        Entry("Joseph R. Biden Jr.", "person"),
        Entry("Daniel P. Driscoll", "person"),
        Entry("Odesa", "place", ("Odessa",)),
        Entry("Kyiv", "place", ("Kiev",)),
        Entry("Castel Verde", "place"),
        Entry("Riverton Philharmonic", "organisation"),
    ]
)


def canon(text, threshold=90.0):
    return canonicalize_names(text, REGISTRY, threshold)


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # listed variants
        ("The envoy flew to Odessa on Monday.", "The envoy flew to Odesa on Monday."),
        ("a night train from Kiev to the coast", "a night train from Kyiv to the coast"),
        ("Teodor K. Branigan chaired it.", "Teodor K. Brannigan chaired it."),
        # unlisted variants within the threshold
        ("The conductor, Anika Thorvald, bowed.", "The conductor, Annika Thorvald, bowed."),
        ("Marguerite A. Delacroix-Hall wrote the plan.", "Marguerite A. Delacroix-Hale wrote the plan."),
        ("Volodymyr Zelenskyi spoke first.", "Volodymyr Zelensky spoke first."),
        # the punctuation of initials folds
        ("Later JD Vance arrived.", "Later J.D. Vance arrived."),
        ("Later J. D. Vance arrived.", "Later J.D. Vance arrived."),
        # accents fold
        ("The hydrologist Dagny Sorensen agreed.", "The hydrologist Dagny Sørensen agreed."),
        # script folds (a Cyrillic spelling in English text)
        ("The minister, Рустем Умеров, agreed.", "The minister, Rustem Umerov, agreed."),
        # organisations with more than one word
        ("The Riverton Philharmonik played.", "The Riverton Philharmonic played."),
    ],
)
def test_variants_become_canonical(raw, fixed):
    assert canon(raw) == fixed


def test_titles_stay_and_the_name_after_them_is_matched():
    assert canon("Gen. Teodor K. Branigan and President Zelenskyy met.") == (
        "Gen. Teodor K. Brannigan and President Zelensky met."
    )
    assert canon("Vice President JD Vance spoke.") == "Vice President J.D. Vance spoke."


def test_a_surname_alone_is_a_reference_and_is_not_expanded():
    text = "Mr. Brannigan and Ms. Thorvald and Dr. Vance met Mr. Zelensky."
    assert canon(text) == text
    # a misspelt surname alone gets the canonical surname, nothing more
    assert canon("Mr. Zelenskyy said so, and Ms. Thorvaldd agreed.") == (
        "Mr. Zelensky said so, and Ms. Thorvald agreed."
    )


def test_short_forms_keep_their_form():
    # an initial for a full given name stays; the surname is made canonical
    assert canon("V. Zelenskyy signed.") == "V. Zelensky signed."
    # a missing middle initial is not added
    assert canon("Teodor Branigan signed.") == "Teodor Brannigan signed."


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("Zelenskyy's plan", "Zelensky's plan"),
        ("Zelenskyy\u2019s plan", "Zelensky\u2019s plan"),
        ("Teodor K. Branigan's office", "Teodor K. Brannigan's office"),
    ],
)
def test_possessives_keep_their_ending(raw, fixed):
    assert canon(raw) == fixed


def test_capitals_stay_capitals():
    assert canon("VOLODYMYR ZELENSKYY ARRIVES") == "VOLODYMYR ZELENSKY ARRIVES"
    assert canon("A VISIT TO ODESSA") == "A VISIT TO ODESA"
    assert canon("said ZELENSKYY'S aide") == "said ZELENSKY'S aide"


def test_different_people_who_share_a_surname_are_not_merged():
    text = "Joseph R. Biden Jr. and his son Hunter Biden arrived."
    assert canon(text) == text
    # near-identical surname: Jane Driscol is not Daniel P. Driscoll, and a
    # reference to that surname in the same text is left (and reported)
    text = "Jane Driscol, a lawyer, said it. Later Ms. Driscol left."
    assert canon(text) == text
    assert _edits(text) == []
    notes = [n for n in _findings(text) if isinstance(n, Note)]
    assert len(notes) == 1 and "another person" in notes[0].message
    # without the stranger in the text, the reference is made canonical
    assert canon("Later Mr. Driscol left.") == "Later Mr. Driscoll left."


def test_a_sentence_s_first_word_is_no_given_name():
    assert canon("Meanwhile Teodor K. Branigan left.") == "Meanwhile Teodor K. Brannigan left."
    # a first word that fits the given names stays part of the name
    assert canon("Annika Thorvaldd left.") == "Annika Thorvald left."


def test_a_given_name_near_a_surname_is_not_a_reference():
    text = "Annikka Smith, a clerk, and Thorvalds Road"
    assert canon(text) == text


def test_nothing_inside_urls_addresses_or_code_changes():
    for text in [
        "See https://example.org/Zelenskyy/Odessa for the itinerary.",
        "Write to Zelenskyy@example.org today.",
        "Run `Zelenskyy --to Odessa` first.",
        "The page www.example.org/Odessa is down.",
    ]:
        assert canon(text) == text


def test_common_words_before_a_name_are_not_given_names():
    assert canon("Because Zelenskyy said so.") == "Because Zelensky said so."
    assert canon("In Odessa, the port reopened.") == "In Odesa, the port reopened."


def test_threshold_is_an_option():
    raw = "The conductor, Anika Thorvald, bowed."
    assert canon(raw, threshold=99) == raw
    assert clean(raw, Config(names=[str(_registry_file())], name_threshold=99)) == raw
    assert clean(raw, Config(names=[str(_registry_file())])) != raw


def test_derived_words_are_not_variants():
    text = "Odesan cafes and the Kyivan metro"
    assert canon(text) == text


def test_cyrillic_text_keeps_cyrillic_names():
    text = "Рустем Умеров приїхав до Києва вранці."
    assert canon(text) == text


def test_canonical_forms_are_left_alone():
    text = " ".join(f"{e.canonical} was there." for e in REGISTRY.entries)
    assert canon(text) == text


def test_edits_touch_only_what_differs():
    result = repair("Mr. Zelenskyy said", Config(select=["names"]).replace(names=[str(_registry_file())]))
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.replacement, edit.rule) == (12, 13, "", "names")
    assert "Zelensky" in edit.message


def test_crlf_is_kept():
    raw = "Odessa\r\nMr. Zelenskyy\r\n"
    assert clean(raw, Config(select=["names"], names=[str(_registry_file())])) == "Odesa\r\nMr. Zelensky\r\n"


def test_without_a_registry_nothing_changes():
    text = "Zelenskyy flew from Kiev to Odessa with JD Vance."
    result = repair(text, select=["names"])
    assert result.text == text and result.edits == () and result.notes == ()


# -- registries -------------------------------------------------------------

_TOML = """\
[registry]
name = "test"

[[entry]]
canonical = "Teodor K. Brannigan"
kind = "person"
variants = ["Teodor K. Branigan"]

[[entry]]
canonical = "Annika Thorvald"
kind = "person"

[[entry]]
canonical = "Volodymyr Zelensky"
kind = "person"
variants = ["Zelenskyy"]

[[entry]]
canonical = "Odesa"
kind = "place"
variants = ["Odessa"]

[[entry]]
canonical = "Riverton Philharmonic"
kind = "organization"
"""


def _registry_file():
    import tempfile
    from pathlib import Path

    path = Path(tempfile.gettempdir()) / "corpusclean-test-names.toml"
    if not path.exists() or path.read_text(encoding="utf-8") != _TOML:
        path.write_text(_TOML, encoding="utf-8")
    return path


def _edits(text):
    return [e for e in _findings(text) if not isinstance(e, Note)]


def _findings(text):
    from corpusclean.names import name_edits

    registry = Registry.of(
        [Entry("Daniel P. Driscoll", "person")]
    )
    return list(name_edits(text, registry))


def test_a_registry_file_loads():
    registry = parse_registry(_TOML, "test.toml")
    assert [e.canonical for e in registry.entries][:2] == ["Teodor K. Brannigan", "Annika Thorvald"]
    assert registry.entries[-1].kind == "organisation"  # either spelling
    assert registry.entries[0].where == "test.toml:4"


@pytest.mark.parametrize(
    "text, where, words",
    [
        ("[[entry]]\ncanonical = 'Ann Berg'\nkind = 'person'\nvariant = ['x']\n", "r.toml:4", ["entry.variant"]),
        ("[[entry]]\ncanonical = 'Ann Berg'\nkind = 'animal'\n", "r.toml:3", ["entry.kind", "animal"]),
        ("[[entry]]\nkind = 'person'\n", "r.toml:1", ["entry.canonical"]),
        ("[[entry]]\ncanonical = 'Ann Berg'\nkind = 'person'\nvariants = 'Ann Cole'\n", "r.toml:4", ["entry.variants"]),
        ("[[entry]]\ncanonical = 'Ann Berg'\nkind = 'person'\n[[entry]]\ncanonical = 'C'\nkind = 'place'\nvariants = ['Ann Berg']\n",
         "r.toml:4", ["also a form of", "r.toml:1"]),
        ("[[entry]]\ncanonical = 'J.D.'\nkind = 'person'\n", "r.toml:1", ["no surname"]),
        ("[people]\nx = 1\n", "r.toml:1", ["unknown key 'people'"]),
        ("[[entry]]\ncanonical = 'A B\n", "r.toml:2", ["invalid TOML"]),
    ],
)
def test_registry_errors_name_file_line_and_key(text, where, words):
    with pytest.raises(RegistryError) as info:
        parse_registry(text, "r.toml")
    message = str(info.value)
    assert message.startswith(where + ":"), message
    for word in words:
        assert word in message


def test_config_loads_registries_and_names_errors(tmp_path):
    config = Config(names=["seeds"])
    assert len(config.names_registry) > 20
    assert Config().names_registry is None
    with pytest.raises(ConfigError, match="'names'.*not found"):
        Config(names=[str(tmp_path / "missing.toml")])
    with pytest.raises(ConfigError, match="no built-in names registry 'nope'"):
        Config(names=["nope"])
    # relative paths in a config file are relative to that file
    (tmp_path / "people.toml").write_text(_TOML, encoding="utf-8")
    (tmp_path / "corpusclean.toml").write_text('names = ["people.toml"]\nname_threshold = 95\n', encoding="utf-8")
    config = Config.from_file(tmp_path / "corpusclean.toml")
    assert config.name_threshold == 95
    assert clean("Mr. Zelenskyy", config) == "Mr. Zelensky"
    # a changed file is read again
    (tmp_path / "people.toml").write_text(_TOML.replace('"Odessa"', '"Odessa", "Odessy"'), encoding="utf-8")
    assert clean("to Odessy", Config.from_file(tmp_path / "corpusclean.toml")) == "to Odesa"


def test_registry_index_finds_near_misses_without_scanning():
    registry = Registry.of([Entry(f"Person{i} Surname{i:05d}x", "person") for i in range(2000)])
    same, near = registry.candidates("Surname01234x")
    assert len(same) == 1 and registry.forms[same[0]].entry == 1234
    same, near = registry.candidates("Surname01234xx")
    assert not same and 1234 in {registry.forms[f].entry for f in near}


@pytest.mark.skipif(not seed_paths(), reason="shared seeds not present")
def test_seed_registry_on_the_seeds():
    config = Config(names=["seeds"])
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        result = repair(text, config)
        changes = [e for e in result.edits if e.rule == "names" or "names" in e.message]
        assert changes, path
        assert clean(result.text, config) == result.text
        assert "Hunter Biden" not in result.text or "Hunter" in text
        if "Eldridge A. Colby" in text:
            assert "Eldridge" not in result.text and "Elbridge A. Colby" in result.text
            assert "William E. Colby" in result.text  # another Colby
        if "Zelenskyy" in text:
            assert "Zelenskyy" not in result.text
