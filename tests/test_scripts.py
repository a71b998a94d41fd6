"""scripts: mixed-script words and transliteration (ARTIFACTS §6, own text)."""

import pytest

from corpusclean import Config, Note, clean, repair
from corpusclean.scripts import load_confusables, script_edits, to_latin, unify_scripts

from .conftest import seed_paths

CYR_A, CYR_E, CYR_O, CYR_P, CYR_S, CYR_X = "\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u0445"


def notes(text, policy="unify"):
    return [n for n in repair(text, select=["scripts"], scripts=policy).notes]


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # Cyrillic homoglyphs inside Latin words
        (f"The c{CYR_O}uncil met in P{CYR_A}ris.", "The council met in Paris."),
        (f"{CYR_S}hief engineer Ingrid S{CYR_O}lvang", "chief engineer Ingrid Solvang"),
        (f"a r{CYR_E}port on the {CYR_X}-rays", f"a report on the {CYR_X}-rays"),
        (f"e{CYR_X}port and im{CYR_P}ort", "export and import"),
        # the reverse: Latin homoglyphs inside Cyrillic words
        ("Мoсква и Киeв", "Москва и Киев"),
        # a Latin letter with no Cyrillic homoglyph: its transliteration
        ("Rустем Умеров, the defence minister", "Рустем Умеров, the defence minister"),
        # all capitals
        ("XМL and \u041dTML", "XML and HTML"),
        # Greek homoglyph inside a lower-case Latin word
        ("the Gοοgle search", "the Google search"),
    ],
)
def test_unify_makes_words_single_script(raw, fixed):
    assert unify_scripts(raw) == fixed
    assert clean(raw, select=["scripts"]) == fixed


def test_the_seed_pattern_latin_capital_before_cyrillic():
    text = "Rустем Умеров, the minister, and later Rustem Umerov again."
    result = repair(text, select=["scripts"])
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.replacement, edit.rule) == (0, 1, "\u0420", "scripts")


@pytest.mark.parametrize(
    "text",
    [
        "Слава Україні! Ελληνικά κείμενα. Русский текст.",  # genuine non-Latin text
        "COVID-19 and X-ray and α-helix and β2-agonists",  # deliberate mixes
        "TNFα and IFNγ levels; NFκB; 5 μmol; Aβ plaques",  # Greek notation
        "東京タワー and Tシャツ",  # other scripts mixing is not this rule's
        "café, naïve, Škoda, Øresund",  # accented Latin is Latin
    ],
)
def test_unify_traps_stay(text):
    assert unify_scripts(text) == text
    assert repair(text, select=["scripts"]).edits == ()


def test_greek_notation_is_reported_not_changed():
    found = notes("TNFα rose")
    assert len(found) == 1 and "notation" in found[0].message


def test_a_tie_is_left_and_reported():
    text = "O\u043a then"
    assert unify_scripts(text) == text
    (note,) = notes(text)
    assert (note.start, note.end) == (0, 2)
    assert "equally" in note.message


@pytest.mark.parametrize(
    "text",
    [
        f"Write to ivan@ex{CYR_A}mple.org today.",
        f"Visit https://ex{CYR_A}mple.com/p{CYR_O}st now.",
        f"Go to www.g{CYR_O}{CYR_O}gle.com now.",
        f"See ex{CYR_A}mple.com for more.",
        f"Run `pr{CYR_O}cess --fast` first.",
    ],
)
def test_urls_addresses_and_code_never_change_and_are_reported(text):
    for policy in ("unify", "latin"):
        result = repair(text, select=["scripts"], scripts=policy)
        assert result.text == text
        assert result.notes and all("homograph" in n.message for n in result.notes)


def test_latin_policy_transliterates():
    assert clean("Рустем Умеров", select=["scripts"], scripts="latin") == "Rustem Umerov"
    # Ukrainian (і ї є ґ) by the national system
    assert to_latin("Київ, Харків і Одеса") == "Kyiv, Kharkiv i Odesa"
    # Russian (ы э ъ ё, or nothing Ukrainian) as English-language usage writes it
    assert to_latin("Хрущёв") == "Khrushchyov"
    # a mixed word is unified first, then transliterated
    assert clean("Rустем", select=["scripts"], scripts="latin") == "Rustem"
    # capitals stay capitals
    assert to_latin("ЩЕРБИНА і") == "SHCHERBYNA i"


def test_latin_policy_on_cyrillic_paragraphs():
    text = "Рустем Умеров прибыл 5-го числа.\r\nЮлія Гриценко, Київ.\r\n"
    out = clean(text, select=["scripts"], scripts="latin")
    assert out == "Rustem Umerov pribyl 5-go chisla.\r\nYuliia Hrytsenko, Kyiv.\r\n"
    # and unify leaves it as it is
    assert clean(text, select=["scripts"]) == text


def test_language_option_chooses_the_cyrillic_table():
    assert clean("Зеленський", select=["scripts"], scripts="latin", language="uk") == "Zelenskyi"
    assert clean("Владимир", select=["scripts"], scripts="latin", language="ru") == "Vladimir"


def test_latin_policy_keeps_notation():
    text = "the α subunit, α-helix, β2 and 5μm"
    assert clean(text, select=["scripts"], scripts="latin") == text


def test_keep_policy_changes_nothing():
    text = "Rустем and c\u043euncil"
    result = repair(text, select=["scripts"], scripts="keep")
    assert result.text == text and not result.edits and not result.notes


def test_confusables_come_from_the_unicode_file():
    data = load_confusables()
    assert data.version == "13.0.0"
    assert data.homoglyph(CYR_O, "Latin") == "o"
    assert data.homoglyph("p", "Cyrillic") == CYR_P
    assert data.homoglyph("R", "Cyrillic") is None  # no homoglyph: transliterated
    assert data.homoglyph("l", "Cyrillic") is None  # case is kept: l is no І


def test_crlf_and_offsets_in_original_text():
    text = "line one\r\nthe c\u043euncil\r\n"
    result = repair(text, select=["scripts"])
    assert result.text == "line one\r\nthe council\r\n"
    (edit,) = result.edits
    assert text[edit.start : edit.end] == "\u043e"


def test_edits_and_notes_only_when_asked():
    assert list(script_edits("plain ASCII text")) == []
    assert list(script_edits("café crème brûlée")) == []
    assert all(isinstance(n, Note) for n in script_edits("TNFα"))


def test_bad_policy_is_a_config_error():
    with pytest.raises(ValueError):
        Config(scripts="greek")


@pytest.mark.skipif(not seed_paths(), reason="shared seeds not present")
def test_seeds_have_one_mixed_word_and_it_is_unified():
    for path in seed_paths():
        text = path.read_text(encoding="utf-8")
        result = repair(text, select=["scripts"])
        for edit in result.edits:
            assert text[edit.start : edit.end] == "R"
            assert edit.replacement == "\u0420"
        assert clean(result.text, select=["scripts"]) == result.text
    changed = [p for p in seed_paths() if repair(p.read_text(encoding="utf-8"), select=["scripts"]).edits]
    assert len(changed) == 1
