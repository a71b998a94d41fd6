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


@pytest.mark.parametrize(
    "text",
    [
        "a \n" * 50,
        " \n\t\n" * 50,
        "a\t \n\n\n b \u3000\nc\r\n d \r\n\xa0\r \n  ",
        "x\r \r\n \x0b\n" * 30,
    ],
)
def test_dense_and_sparse_trailing_whitespace_finders_agree(text):
    from corpusclean.textutil import TextFacts
    from corpusclean.whitespace import _line_end_candidates, _trailing_runs_dense, _trailing_runs_sparse

    ends = _line_end_candidates(text, TextFacts(text))
    assert _trailing_runs_dense(text) == _trailing_runs_sparse(text, ends)
    # past its limit of lines ending in a space or tab, the screen gives up
    # (and the regular expression runs)
    if text.count(" \n") + text.count("\t\n") > 3:
        assert _line_end_candidates(text, TextFacts(text), 3) is None


def test_many_emptied_lines_compose_into_one_blank_line_edit():
    text = "para\n" + " \n\t\n" * 1000 + "next\n"
    result = repair(text, select=["whitespace"])
    assert result.text == "para\n\nnext\n"
    (edit,) = result.edits
    assert (edit.start, edit.end, edit.replacement) == (4, 5 + 4000, "\n\n")
    assert edit.message == "2000 blank lines -> 1; whitespace-only line emptied"


def test_blank_lines_inside_a_fenced_code_block_stay():
    text = "Code:\n\n\n\n```\nimport os\n\n\ndef main():\n    pass\n```\n"
    assert clean(text, select=["whitespace"]) == "Code:\n\n```\nimport os\n\n\ndef main():\n    pass\n```\n"
