"""controls: invisible characters, soft hyphens, NFC."""

import unicodedata

import pytest

from corpusclean import clean, remove_controls, repair
from corpusclean.controls import _JOINER_CONTEXT, control_edits
from corpusclean.edits import apply_edits


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


def test_a_run_of_soft_hyphens_is_one_edit():
    text = "soft" + "\u00ad" * 12 + "ware and more\u00ad\u00ad."
    result = repair(text, select=["controls"])
    assert result.text == "software and more."
    assert [(e.start, e.end, e.replacement, e.message) for e in result.edits] == [
        (4, 16, "", "12 soft hyphens removed"),
        (29, 31, "", "2 soft hyphens removed"),
    ]
    assert apply_edits(text, result.edits) == result.text


def test_a_single_soft_hyphen_keeps_its_message():
    (edit,) = repair("co\u00adop", select=["controls"]).edits
    assert edit.message == "soft hyphen removed"


def test_a_run_of_soft_hyphens_at_a_line_break_joins_the_word():
    text = "an extra\u00ad\u00ad\u00ad \nordinary day"
    result = repair(text, select=["controls"])
    assert result.text == "an extraordinary day"
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.message) == (8, 13, "3 soft hyphens at line break: word joined")
    assert apply_edits(text, result.edits) == result.text
    (single,) = repair("an extra\u00ad\nordinary day", select=["controls"]).edits
    assert single.message == "soft hyphen at line break: word joined"


@pytest.mark.parametrize(
    "char, message",
    [
        ("\u200b", "5 zero-width spaces removed"),
        ("\u2060", "5 word joiners removed"),
        ("\ufeff", "5 byte-order marks removed"),
        ("\x7f", "5 DEL control characters removed"),
        ("\x07", "5 control characters U+0007 removed"),
    ],
)
def test_a_run_of_one_invisible_character_is_one_edit(char, message):
    text = "a" + char * 5 + "b" + char + "c"
    result = repair(text, select=["controls"])
    assert result.text == "abc"
    assert [(e.start, e.end, e.message) for e in result.edits] == [
        (1, 6, message),
        (7, 8, _single_message[char]),
    ]


_single_message = {
    "\u200b": "zero-width space removed",
    "\u2060": "word joiner removed",
    "\ufeff": "byte-order mark removed",
    "\x7f": "DEL control character removed",
    "\x07": "control character U+0007 removed",
}


def test_different_invisible_characters_in_a_row_are_separate_edits():
    result = repair("a\u200b\ufeff\x07b", select=["controls"])
    assert result.text == "ab"
    assert [(e.start, e.end) for e in result.edits] == [(1, 2), (2, 3), (3, 4)]


def test_joiners_between_ascii_characters_go_one_edit_each():
    text = "a\u200db\u200cc\u200d"
    result = repair(text, select=["controls"])
    assert result.text == "abc"
    assert [(e.start, e.message) for e in result.edits] == [
        (1, "zero-width joiner removed"),
        (3, "zero-width non-joiner removed"),
        (5, "zero-width joiner removed"),
    ]


def test_no_ascii_character_calls_for_a_joiner():
    # control_edits removes a joiner between ASCII characters unjudged.
    assert not [c for c in map(chr, range(128)) if _JOINER_CONTEXT.match(c)]


def test_deferred_c1_controls_are_only_those_beside_non_ascii():
    text = "\x93a\x94 caf\x85\u00e9 \x85"
    edits = list(control_edits(text, defer_c1=True))
    assert [(e.start, e.replacement) for e in edits] == [(0, "\u201c"), (2, "\u201d"), (10, "\u2026")]
    assert [e.start for e in control_edits(text)] == [0, 2, 7, 10]


def test_c1_controls_and_joiners_in_a_row_stay_separate_edits():
    edits = list(control_edits("a\x93\x93b"))
    assert [(e.start, e.end, e.replacement) for e in edits] == [(1, 2, "\u201c"), (2, 3, "\u201c")]
    # with defer_c1, a C1 control beside another is left to the mojibake rule
    assert list(control_edits("a\x93\x93b", defer_c1=True)) == []
    edits = list(control_edits("a\u200d\u200db"))
    assert [(e.start, e.end) for e in edits] == [(1, 2), (2, 3)]
