"""controls: invisible characters, soft hyphens, NFC."""

import unicodedata

import pytest

from corpusclean import clean, remove_controls, repair


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("\ufeffA report begins", "A report begins"),
        ("mid\ufefftext", "midtext"),
        ("zero\u200bwidth and word\u2060joiner", "zerowidth and wordjoiner"),
        ("bell\x07 and escape\x1b[0m", "bell and escape[0m"),
        ("form\x0cfeed", "formfeed"),
        ("co\u00adop\u00aderation", "cooperation"),
        ("Cafe\u0301 and A\u030angstro\u0308m", "Café and Ångström"),
        ("\x93Hello,\x94 she said\x85", "“Hello,” she said…"),
        ("old\rmac\rlines", "old\nmac\nlines"),
    ],
)
def test_repairs(raw, fixed):
    assert remove_controls(raw) == fixed
    assert clean(raw, select=["controls"]) == fixed


def test_soft_hyphen_at_line_break_joins_the_word():
    assert clean("an extra\u00ad\nordinary day", select=["controls"]) == "an extraordinary day"


@pytest.mark.parametrize(
    "text",
    [
        "Tabs\tstay\tput.\nNewlines too.",
        "Emoji with joiners stay: \U0001F469\u200d\U0001F4BB and \U0001F3F3\ufe0f\u200d\U0001F308",
        "Persian needs its non-joiner: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
        "Devanagari conjunct control: \u0915\u094d\u200d\u0937",
        "NFKC would change these but NFC keeps them: \ufb01nd, x\u00b2, \uff21, \u2460",
        "Already composed: café, Ångström, São Paulo.",
    ],
)
def test_traps_stay(text):
    assert repair(text, select=["controls"]).edits == ()


def test_output_is_nfc_even_when_removals_meet_combining_marks():
    text = "e\u200b\u0301 and o\u0308\u0301"
    out = clean(text, select=["controls"])
    assert unicodedata.is_normalized("NFC", out)
    assert out.startswith("\u00e9")


def test_crlf_is_not_a_lone_carriage_return():
    assert clean("a\r\nb\r\n", select=["controls"]) == "a\r\nb\r\n"


def test_edits_name_what_was_removed():
    result = repair("a\u200bb", select=["controls"])
    (edit,) = result.edits
    assert edit.rule == "controls"
    assert "zero-width space" in edit.message


def test_removal_that_joins_a_letter_and_its_mark_is_normalized():
    # A control between a letter and a combining accent hides it from NFC
    # until it is removed; one pass gives the composed letter.
    text = "Caf\u0065\x1f\u0301 and A\x1f\u0300"
    assert remove_controls(text) == "Caf\u00e9 and \u00c0"
    assert clean(text) == clean(clean(text)) == "Caf\u00e9 and \u00c0"


def test_a_run_of_lone_carriage_returns_is_one_edit():
    result = repair("old Mac text\r\r\rnext part\rend", select=["controls"])
    assert result.text == "old Mac text\n\n\nnext part\nend"
    assert [(e.start, e.end, e.replacement) for e in result.edits] == [(12, 15, "\n\n\n"), (24, 25, "\n")]
    assert "3 lone carriage returns" in result.edits[0].message
