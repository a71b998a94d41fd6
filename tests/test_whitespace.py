"""whitespace: trailing spaces, whitespace-only lines, blank-line runs (ARTIFACTS §9)."""

import pytest

from corpusclean import clean, fix_whitespace, repair


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("line one   \nline two\t\n", "line one\nline two\n"),
        ("para one\n\n\n\n\npara two\n", "para one\n\npara two\n"),
        ("para one\n \n\n \t \npara two", "para one\n\npara two"),
        ("\n\n\nstarts late\n", "starts late\n"),
        ("ends with many\n\n\n\n", "ends with many\n"),
        ("no newline at the end   ", "no newline at the end"),
        ("nbsp at the end\u00a0\nnext", "nbsp at the end\nnext"),
        ("   \n  \n", ""),
    ],
)
def test_repairs(raw, fixed):
    assert fix_whitespace(raw) == fixed
    assert clean(raw, select=["whitespace"]) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "one\n\ntwo\n",
        "\tindented with a tab\n\tand another\n",
        "two  spaces  inside a line stay\n",
        "no final newline",
        "",
    ],
)
def test_fine_text_untouched(text):
    assert repair(text, select=["whitespace"]).edits == ()


def test_crlf_kept():
    raw = "first  \r\n\r\n\r\n\r\nsecond \r\n"
    assert fix_whitespace(raw) == "first\r\n\r\nsecond\r\n"
    result = repair(raw, select=["whitespace"])
    assert result.text == "first\r\n\r\nsecond\r\n"


def test_lone_space_lines_between_paragraphs():
    # ARTIFACTS §9: lines holding a single space between paragraphs.
    raw = "The first paragraph ends here.\n\n \nThe second begins.\n"
    assert clean(raw, select=["whitespace"]) == "The first paragraph ends here.\n\nThe second begins.\n"
