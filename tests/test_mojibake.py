"""mojibake: ftfy's repair behind a pre-screen, held against ftfy's own suite."""

import json

import ftfy
import pytest
from ftfy.badness import is_bad
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusclean import clean, fix_mojibake, repair
from corpusclean.encoding import _bad_chars, may_hold_mojibake

from .conftest import PEER_TESTS

FTFY_CASES = PEER_TESTS / "ftfy"


def _ftfy_cases():
    if not FTFY_CASES.is_dir():
        return []
    cases = []
    for path in sorted(FTFY_CASES.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            cases.append(pytest.param(case, id=f"{path.stem}:{case['label']}"))
    return cases


@pytest.mark.skipif(not FTFY_CASES.is_dir(), reason="../shared/peer-tests/ftfy not present")
@pytest.mark.parametrize("case", _ftfy_cases())
def test_same_as_ftfy_fix_encoding(case):
    original = case["original"]
    expected = ftfy.fix_encoding(original)
    assert fix_mojibake(original) == expected
    assert clean(original, select=["mojibake"]) == expected
    if case["expect"] == "pass":
        assert expected == case.get("fixed-encoding", case["fixed"])


def test_suite_is_all_there():
    if not FTFY_CASES.is_dir():
        pytest.skip("../shared/peer-tests/ftfy not present")
    assert len(_ftfy_cases()) >= 150


@pytest.mark.parametrize(
    "raw, fixed",
    [
        ("The cafÃ© on the corner", "The café on the corner"),
        ("Itâ€™s a fine day â€” isnâ€™t it?", "It’s a fine day — isn’t it?"),
        ("naÃ¯ve faÃ§ade", "naïve façade"),
    ],
)
def test_own_examples(raw, fixed):
    assert fix_mojibake(raw) == fixed


def test_fixed_per_line_so_good_lines_stay():
    # Whole-text decoding would fail because of the Cyrillic line; per line
    # the mojibake line is repaired and the Cyrillic one is left alone.
    text = "Ð¡Ð»Ð¾Ð²Ð¾\nГород стоит на реке.\nthe cafÃ© opened"
    out = clean(text, select=["mojibake"])
    assert out.splitlines()[1] == "Город стоит на реке."
    assert out.splitlines()[2] == "the café opened"


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text stays as it is.",
        "Typographic “quotes”, apostrophes’ and an em dash — stay.",
        "Accents in São Paulo, Zürich, Kraków and Ελλάδα stay.",
        "Прямой русский текст остаётся.",
    ],
)
def test_good_text_untouched(text):
    assert repair(text, select=["mojibake"]).edits == ()


_mojibake_alphabet = st.sampled_from(sorted(_bad_chars()) + list("aeZ .,\n'\"–—’“”é"))


@settings(max_examples=1000)
@given(st.text(_mojibake_alphabet, max_size=12))
def test_prescreen_never_hides_mojibake(text):
    """Text the pre-screen lets pass is text ftfy's heuristic finds clean."""
    if not may_hold_mojibake(text):
        assert not is_bad(text)
        assert ftfy.fix_encoding(text) == text


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_matches_ftfy_on_arbitrary_lines(text):
    line = text.replace("\n", " ").replace("\r", " ")
    assert fix_mojibake(line) == ftfy.fix_encoding(line)


def test_harmless_punctuation_never_looks_like_mojibake():
    """The fast path skips text whose only non-ASCII characters are typographic
    punctuation.  Exhaustively, no string of up to four such characters and
    ASCII matches ftfy's badness heuristic."""
    import itertools

    from ftfy.badness import BADNESS_RE

    from corpusclean.encoding import HARMLESS

    alphabet = sorted(HARMLESS) + list("aZ0 .,!?\n\t\"'-($)")
    for n in (1, 2, 3, 4):
        for chars in itertools.product(alphabet, repeat=n):
            assert not BADNESS_RE.search("".join(chars)), chars


@settings(max_examples=500)
@given(st.text(st.sampled_from(sorted(__import__("corpusclean.encoding").encoding.HARMLESS) + list("ab AZ.,;:'\"\n0-")), max_size=60))
def test_harmless_text_is_never_bad(text):
    assert not is_bad(text)
    assert not may_hold_mojibake(text)


def test_c1_inside_mojibake_is_repaired_whole_by_the_pipeline():
    # The C1 control \x9d is the last byte of a mis-decoded right double quote;
    # controls leaves it for ftfy, which repairs the whole sequence.
    assert clean("\u00e2\u20ac\u0153Hi,\u00e2\u20ac\x9d she said.") == "\u201cHi,\u201d she said."
    # a stray C1 control in plain text is still handled
    assert clean("stray\x81 byte") == "stray byte"


def test_a_long_line_is_repaired_in_pieces_as_ftfy_repairs_it_whole():
    from corpusclean.encoding import LONG_LINE

    # mojibake throughout a line far longer than LONG_LINE, cut at its end
    # inside a character (which sends ftfy down its fragment-by-fragment path)
    line = ("na\u00c3\u00afve caf\u00c3\u00a9 r\u00c3\u00a9sum\u00c3\u00a9 " * (LONG_LINE // 8))[:-5]
    assert len(line) > 2 * LONG_LINE
    fixed = fix_mojibake(line)
    assert fixed == ftfy.fix_encoding(line)
    assert "café" in fixed and "cafÃ" not in fixed[:-10]
