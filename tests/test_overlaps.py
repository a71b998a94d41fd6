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


def test_a_timestamped_turn_restarts_a_word_broken_off():
    text = (
        "[00:03:11] MS. ORTEGA: The river never floods in one go. What most visitors get wro-\n\n"
        "[00:03:15] MS. ORTEGA: What most visitors get wrong is the timing of the melt.\n"
    )
    assert clean(text, select=["overlaps"]) == (
        "[00:03:11] MS. ORTEGA: The river never floods in one go.\n\n"
        "[00:03:15] MS. ORTEGA: What most visitors get wrong is the timing of the melt.\n"
    )
    labelled = "HOST: So the ferry stopped, and then the harbour master-\nHOST: And then the harbour master closed the slip.\n"
    assert clean(labelled, select=["overlaps"]) == (
        "HOST: So the ferry stopped\nHOST: And then the harbour master closed the slip.\n"
    )


def test_a_turn_that_is_only_the_fragment_or_shares_a_word_start_stays():
    # the whole turn is the fragment, and another speaker restarts it: kept
    whole = "[00:01:00] HOST: What most visitors get wro-\n\n[00:01:04] GUEST: What most visitors get wrong is the melt.\n"
    assert repair(whole, select=["overlaps"]).edits == ()
    # two words and the start of a third are too little to call a repeat
    short = "[00:02:00] GUEST: It rained, and the fer-\n\n[00:02:05] GUEST: And the ferry ran late.\n"
    assert repair(short, select=["overlaps"]).edits == ()
    # an em dash breaks off at a word's end, not inside it
    dash = "[00:02:00] GUEST: We sold the old har\u2014\n\n[00:02:05] GUEST: We sold the old harbour to the town.\n"
    assert repair(dash, select=["overlaps"]).edits == ()


def test_a_whole_caption_turn_restarted_goes_with_its_timestamp_and_marker():
    captions = (
        "[07:12:04] ABOUT NINETY BOATS ARE MOORED THERE.\n"
        "[07:12:09] >> Several ferry captains say that's exactly the trou-\n"
        "[07:12:09] >> Several ferry captains say that's exactly the trouble.\n"
        "[07:12:13] >> You close the slip, you close the island.\n"
    )
    assert clean(captions, select=["overlaps"]) == (
        "[07:12:04] ABOUT NINETY BOATS ARE MOORED THERE.\n"
        "[07:12:09] >> Several ferry captains say that's exactly the trouble.\n"
        "[07:12:13] >> You close the slip, you close the island.\n"
    )
    (edit,) = repair(captions, select=["overlaps"]).edits
    assert edit.rule == "overlaps" and "exactly the trou-" in edit.message
    # without timestamps, the marker goes with the fragment: none is left bare
    bare = ">> SEVERAL FERRY CAPTAINS SAY THAT'S THE TROU-\n>> SEVERAL FERRY CAPTAINS SAY THAT'S THE TROUBLE.\n>> YES.\n"
    assert clean(bare) == ">> SEVERAL FERRY CAPTAINS SAY THAT'S THE TROUBLE.\n>> YES.\n"
    # a same-speaker turn restarted after a blank line goes whole too
    turn = "[00:01:00] HOST: What most visitors get wro-\n\n[00:01:04] HOST: What most visitors get wrong is the melt.\n"
    assert clean(turn, select=["overlaps"]) == "[00:01:04] HOST: What most visitors get wrong is the melt.\n"


def test_a_fragment_inside_a_caption_turn_keeps_its_marker():
    text = ">> WELL, SEVERAL FERRY CAPTAINS SAY THE TROU-\n>> SEVERAL FERRY CAPTAINS SAY THE TROUBLE IS THE SLIP.\n"
    assert clean(text, select=["overlaps"]) == ">> WELL\n>> SEVERAL FERRY CAPTAINS SAY THE TROUBLE IS THE SLIP.\n"


def test_whole_turns_without_a_caption_marker_or_with_another_marker_stay():
    # a speaker label alone is no caption marker
    labelled = "HOST: Several ferry captains say the trou-\nHOST: Several ferry captains say the trouble is the slip.\n"
    assert repair(labelled, select=["overlaps"]).edits == ()
    # ">>>" opens a new story, ">>" a new speaker: not the same turn
    story = ">>> SEVERAL FERRY CAPTAINS SAY THE TROU-\n>> SEVERAL FERRY CAPTAINS SAY THE TROUBLE.\n"
    assert repair(story, select=["overlaps"]).edits == ()
    # a plain paragraph that is all fragment stays
    plain = "Several ferry captains say the trou-\n\nSeveral ferry captains say the trouble is the slip.\n"
    assert repair(plain, select=["overlaps"]).edits == ()
