"""overlaps: a truncated fragment repeated at the start of the next paragraph (ARTIFACTS §10)."""

from corpusclean import clean, repair
from corpusclean.overlaps import fix_overlaps

TURN = (
    "DS: The north has spent four years waiting for the south to blink, and it led to this belief-\n"
    "And it led to this belief in the capital that the south had unrealistic expectations.\n"
)


def test_fragment_dropped_paragraph_kept():
    out = clean(TURN, select=["overlaps"])
    assert out == (
        "DS: The north has spent four years waiting for the south to blink\n"
        "And it led to this belief in the capital that the south had unrealistic expectations.\n"
    )
    assert fix_overlaps(TURN) == out


def test_across_a_blank_line_and_with_an_em_dash():
    text = "We walked to the river and then we saw the water—\n\nAnd then we saw the water rising over the quay.\n"
    assert clean(text, select=["overlaps"]) == "We walked to the river\n\nAnd then we saw the water rising over the quay.\n"


def test_edit_names_the_fragment():
    (edit,) = repair(TURN, select=["overlaps"]).edits
    assert edit.rule == "overlaps" and "and it led to this belief-" in edit.message


def test_same_common_words_are_not_a_repeat():
    text = "He said it was over.\nHe said it was not over yet, and he meant it.\n"
    assert repair(text, select=["overlaps"]).edits == ()
    text2 = "The rain fell all night and the-\nThe river rose over the quay by morning.\n"
    assert repair(text2, select=["overlaps"]).edits == ()


def test_stable_with_the_other_layout_rules():
    once = clean(TURN)
    assert clean(once) == once
    assert "belief-" not in once


def test_fragment_ending_in_a_figure_or_opening_with_a_quote():
    money = (
        "It would take two dry summers, if the crews began at once. The board has set aside $310,000-\n\n"
        "The board has set aside $310,000 and then frozen it, which says a great deal.\n"
    )
    assert clean(money, select=["overlaps"]) == (
        "It would take two dry summers, if the crews began at once.\n\n"
        "The board has set aside $310,000 and then frozen it, which says a great deal.\n"
    )
    quoted = (
        'Neither side has signaled any wish to give ground. "We have waited for a-\n\n'
        '"We have waited for a very long time," said a ferryman on the quay.\n'
    )
    assert clean(quoted, select=["overlaps"]) == (
        'Neither side has signaled any wish to give ground.\n\n'
        '"We have waited for a very long time," said a ferryman on the quay.\n'
    )
