"""Edits: application, composition across rules, line endings."""

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusclean.edits import Edit, LineEndings, apply_edits, compose, shift


def test_apply_edits_in_order():
    assert apply_edits("hello world", [Edit(0, 1, "J", "r"), Edit(5, 6, "_", "r")]) == "Jello_world"


def test_apply_edits_rejects_overlap():
    import pytest

    with pytest.raises(ValueError):
        apply_edits("abc", [Edit(0, 2, "", "r"), Edit(1, 3, "", "r")])


def test_compose_keeps_separate_edits_apart():
    original = "a  b\\$"
    first = [Edit(1, 3, " ", "whitespace")]
    current = apply_edits(original, first)
    second = [Edit(3, 4, "", "escapes")]
    merged = compose(first, second, current)
    assert merged == [Edit(1, 3, " ", "whitespace"), Edit(4, 5, "", "escapes")]
    assert apply_edits(original, merged) == "a b$"


def test_compose_merges_overlapping_edits_under_the_later_rule():
    original = "ab\u00adc"
    first = [Edit(2, 3, "", "controls", "soft hyphen removed")]
    current = apply_edits(original, first)  # "abc"
    second = [Edit(0, 3, "ABC", "upper", "upper-cased")]
    merged = compose(first, second, current)
    assert len(merged) == 1
    assert merged[0].rule == "upper"
    assert (merged[0].start, merged[0].end) == (0, 4)
    assert "soft hyphen removed" in merged[0].message
    assert apply_edits(original, merged) == "ABC"


def _edits(draw, text, tag):
    n = len(text)
    points = sorted(draw(st.lists(st.integers(0, n), max_size=8, unique=True)))
    if len(points) % 2:
        points = points[:-1]
    out = []
    for a, b in zip(points[::2], points[1::2]):
        if draw(st.booleans()):
            b = a
        out.append(Edit(a, b, draw(st.text("XYZ\n", max_size=3)), tag))
    return out


@st.composite
def two_stages(draw):
    original = draw(st.text("abc \n", max_size=20))
    first = _edits(draw, original, "one")
    middle = apply_edits(original, first)
    second = _edits(draw, middle, "two")
    return original, first, middle, second


@settings(max_examples=500)
@given(two_stages())
def test_compose_replays_two_stages(stages):
    original, first, middle, second = stages
    merged = compose(first, second, middle)
    assert apply_edits(original, merged) == apply_edits(middle, second)
    assert all(e.start <= e.end for e in merged)
    assert all(a.end <= b.start for a, b in zip(merged, merged[1:]))


def test_line_endings_round_trip():
    le = LineEndings.of("one\r\ntwo\r\n\r\nthree")
    assert le.text == "one\ntwo\n\nthree"
    assert le.newline == "\r\n"
    edits = le.restore([Edit(3, 5, " ", "paragraphs"), Edit(8, 8, "\n", "x")])
    assert edits == [Edit(3, 6, " ", "paragraphs"), Edit(10, 10, "\r\n", "x")]


def test_shift_moves_edits():
    assert shift([Edit(0, 1, "", "r")], 5) == [Edit(5, 6, "", "r")]
