"""hyphenation: words broken across breaks, residual break hyphens, compounds (ARTIFACTS §2)."""

import pytest

from corpusclean import Note, clean, repair
from corpusclean.hyphenation import Decision, decide, fix_hyphenation


def hy(text, **options):
    return clean(text, select=["hyphenation"], **options)


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # at a line end (hard-wrapped PDF/OCR text)
        ("the commission dis-\ncussed it", "the commission discussed it"),
        # across a blank line (a column or page break)
        ("Still, she con-\n\ntended that the dam", "Still, she contended that the dam"),
        ("the Revenue De-\n\n\npartment froze", "the Revenue Department froze"),
        # a word split in the middle of two syllables
        ("the two nego-\n\ntiators walked", "the two negotiators walked"),
        # an all-caps word broken across lines
        ("THE DEPART-\nMENT OF WATER", "THE DEPARTMENT OF WATER"),
        # a name broken across lines
        ("said Mrs. Baum-\ngartner today", "said Mrs. Baumgartner today"),
        # trailing spaces after the hyphen (before the whitespace rule runs)
        ("the harbour au-  \nthority", "the harbour authority"),
    ],
)
def test_breaks_joined(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # a compound broken at its hyphen keeps the hyphen
        ("a three-\nquarters majority", "a three-quarters majority"),
        ("the well-\nknown story", "the well-known story"),
        ("a 155-\nmillimeter shell", "a 155-millimeter shell"),
        ("a 28-\npoint plan", "a 28-point plan"),
        ("By ANA KANNO-\nYOUNGS", "By ANA KANNO-YOUNGS"),
        ("Elle Marsh-\nAustin said", "Elle Marsh-Austin said"),
        ("an anti-\nAmerican mood", "an anti-American mood"),
        ("the two-plus-\ntwo plan", "the two-plus-two plan"),
    ],
)
def test_compounds_keep_their_hyphen(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # two words whose closed form is rare: a compound broken at its hyphen
        ("a long-\nterm lease on the pier", "a long-term lease on the pier"),
        ("the grocery co-\nop on Birch Street", "the grocery co-op on Birch Street"),
        ("THE GROCERY CO-\nOP", "THE GROCERY CO-OP"),
        ("two full-\ntime and three part-\ntime clerks", "two full-time and three part-time clerks"),
        ("a real-\ntime map of the ferries", "a real-time map of the ferries"),
        ("the well-\nbeing of the crews", "the well-being of the crews"),
        ("a short-\nlived truce", "a short-lived truce"),
        ("a cross-\ncountry relay", "a cross-country relay"),
        ("the decision-\nmaking body", "the decision-making body"),
        ("both left-\nwing and right-\nwing papers", "both left-wing and right-wing papers"),
        ("at the check-\nin desk", "at the check-in desk"),
        # plurals whose singular closed form is rare too
        ("two late check-\nins tonight", "two late check-ins tonight"),
        ("emails and follow-\nups", "emails and follow-ups"),
        ("the know-\nhow of the welders", "the know-how of the welders"),
    ],
)
def test_line_end_compounds_keep_their_hyphen(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # the last part of a compound broken inside: joined, the compound's hyphen kept
        ("a high-spir-\nited crowd on the quay", "a high-spirited crowd on the quay"),
        ("the self-suffi-\ncient island", "the self-sufficient island"),
        ("CHEERFUL, a. Lively; high-spir-\nited; glad.", "CHEERFUL, a. Lively; high-spirited; glad."),
        # the part is a word, but the document writes the joined part too
        ("a narrow-mind-\ned clerk, as minded as any", "a narrow-minded clerk, as minded as any"),
    ],
)
def test_broken_last_part_of_a_compound_joined(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "text",
    [
        # broken at the compound's own hyphen: kept
        "the two-plus-\ntwo plan",
        "a state-of-\nthe-art hull",
        "his mother-in-\nlaw said",
        "an up-to-\ndate chart",
        "the Mar-a-\nLago club",
        "a 24-hour-\nlong vigil",
    ],
)
def test_compounds_broken_at_their_own_hyphen_stay(text):
    assert hy(text) == text.replace("-\n", "-")


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # halves that are words, but the closed form is the common word
        ("there was some-\nthing odd", "there was something odd"),
        ("every-\none agreed", "everyone agreed"),
        ("not with-\nout a fight", "not without a fight"),
        ("any-\nway, it rained", "anyway, it rained"),
        ("a can-\ndid reply", "a candid reply"),
        ("the battle-\nfield lay quiet", "the battlefield lay quiet"),
        ("brass door-\nknobs", "brass doorknobs"),
        # a plural rarer than its halves, whose singular is the common word
        ("top of the quiz leader-\nboards", "top of the quiz leaderboards"),
        ("three new work-\nflows", "three new workflows"),
        # ordinary broken words
        ("for exam-\nple, the dock", "for example, the dock"),
        ("an impor-\ntant vote", "an important vote"),
    ],
)
def test_closed_words_broken_at_a_seam_are_joined(raw, fixed):
    assert hy(raw) == fixed


def test_document_evidence_outweighs_a_compound():
    # the document writes "coop" whole, so "co-" / "op" is that word broken
    text = "The coop held six hens.\n\nAt dawn the hens left the co-\nop again."
    assert hy(text) == "The coop held six hens.\n\nAt dawn the hens left the coop again."


def test_document_evidence_keeps_a_compound():
    # the document writes "cease-fire" inside a line, so a broken one keeps its hyphen
    text = "They wanted a cease-fire first.\n\nThen a cease-\nfire was agreed."
    assert hy(text) == "They wanted a cease-fire first.\n\nThen a cease-fire was agreed."


def test_lost_text_is_reported_not_joined():
    text = "The dinner was a way to un-\n\n\npass a note to the premier."
    result = repair(text, select=["hyphenation"])
    assert result.text == text
    (note,) = result.notes
    assert isinstance(note, Note) and note.rule == "hyphenation" and "lost text" in note.message
    assert text[note.start : note.end].startswith("un-")


@pytest.mark.parametrize(
    "text",
    [
        "The council hopes to re-\n\n3. Harbor Dredging, 2027-2031\n\nThe dredging costs more.\n",
        "The council hopes to re-\n\n12) Harbor dredging begins in May.\n",
        "The council hopes to re-\n\nb) dredging of the inner basin\n",
        "The council hopes to re-\n\nHarbor Dredging Plan\n\nThe dredging costs more.\n",
    ],
)
def test_a_fragment_before_a_heading_is_lost_text(text):
    result = repair(text, select=["hyphenation"])
    assert result.text == text
    (note,) = result.notes
    assert "lost text" in note.message and text[note.start : note.end].startswith("re-")


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # a number after a line-end hyphen keeps the hyphen, even across a blank line
        ("the pre-\n1990 survey", "the pre-1990 survey"),
        ("the pre-\n\n1990 survey was lost", "the pre-1990 survey was lost"),
        ("a 155-\n\nmillimeter shell", "a 155-millimeter shell"),
        # a capitalised line that goes on is no heading: the hyphen joins as before
        ("an anti-\nAmerican Revival Society", "an anti-American Revival Society"),
    ],
)
def test_no_heading_after_the_break(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "It ended with a dash —\nand then it went on.",  # an em dash at a line end
        "He paused -\nthen spoke.",  # a spaced dash
        "and it led to this belief-\nAnd it led to this belief in the end.",  # a capital after: no word break
        "Q: Is it over-\nA: Not yet.",  # a speaker's turn follows
    ],
)
def test_not_hyphenation(text):
    assert hy(text) == text


def test_a_page_number_between_the_halves_is_not_glued_on():
    # the lone number is a folio, not the second half of "dwell-"
    for text in (
        "the herons kept to the dwell-\n\n                  117\n\nings by the weir all winter.\n",
        "the herons kept to the dwell-\n117\nings by the weir all winter.\n",
    ):
        assert hy(text) == text
    # a number that goes on with its line is the second half
    assert hy("a 24-\n27 split of the vote") == "a 24-27 split of the vote"


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # residual break hyphens inside a line, with the joined word elsewhere
        ("On the water-front we met. The waterfront was empty.", "On the waterfront we met. The waterfront was empty."),
        ("They fought over sand-bags; sandbags were scarce.", "They fought over sandbags; sandbags were scarce."),
        # one half is no word, the whole is
        ("one of his con-fidants argued", "one of his confidants argued"),
        ("a small co-terie of friends", "a small coterie of friends"),
    ],
)
def test_residual_hyphens_inside_a_line(raw, fixed):
    assert hy(raw) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "a cease-fire, then talks",
        "the hard-liners on spending",
        "a three-quarters solution",
        "a 155-millimeter shell and a 28-point plan",
        "the two-plus-two plan at Mar-a-Lago",
        "Ex-Mayor Returns to the Bench",
        "By SAMUEL OYELARAN-BECK",
        "e-mail, X-ray, re-sign the contract, co-op",
        "a well-known, so-called long-term plan",
    ],
)
def test_genuine_compounds_stay(text):
    assert repair(text, select=["hyphenation"]).edits == ()


def test_hard_wrapped_pdf_text():
    text = (
        "The board met eleven times during the year. Its principal con-\n"
        "cern remained the condition of the eastern embankment, which\n"
        "suffered repeated damage during the floods. The repairs are tem-\n"
        "porary and will not survive another flood of the same size.\n"
    )
    out = clean(text, select=["hyphenation", "paragraphs"])
    assert out == (
        "The board met eleven times during the year. Its principal concern remained the "
        "condition of the eastern embankment, which suffered repeated damage during the "
        "floods. The repairs are temporary and will not survive another flood of the same size.\n"
    )


def test_language_is_handed_to_wordfreq():
    assert fix_hyphenation("ein schönes Bei-\nspiel", language="de") == "ein schönes Beispiel"
    assert clean("ein schönes Bei-\nspiel", select=["hyphenation"], language="de") == "ein schönes Beispiel"


def test_decide():
    assert decide("ar", "gued") is Decision.JOIN
    assert decide("three", "quarters") is Decision.KEEP
    assert decide("un", "pass") is Decision.LOST
    assert decide("conviction", "And") is Decision.NONE
    assert decide("long", "term") is Decision.KEEP
    assert decide("some", "thing") is Decision.JOIN


def test_crlf_kept():
    assert hy("con-\r\ntended and\r\nmore\r\n") == "contended and\r\nmore\r\n"


def test_a_false_start_repeated_on_the_next_line_is_no_break():
    text = "they went to the city of-\nthe city of Rome"
    assert hy(text) == text
    assert hy("the city of-\nthe city of Rome") == "the city of-\nthe city of Rome"
    # two words before the fragment are not enough to call it a repetition
    assert hy("went of-\nthe city") == "went ofthe city"


def test_a_repeated_pair_gets_one_verdict_everywhere():
    text = "exam-\nple-\n" * 1000
    result = repair(text, select=["hyphenation"])
    assert result.text == "example-" * 999 + "example-\n"
    messages = {e.message for e in result.edits}
    assert messages == {
        "word broken at a line end joined: 'exam-' + 'ple' -> 'example'",
        "hyphenated word rejoined across a line end: 'ple-exam'",
    }
    assert len(result.edits) == 1999


def test_document_evidence_is_looked_for_near_the_break():
    from corpusclean.hyphenation import EVIDENCE_REACH

    # "cease-fire" written inline near the first break only: the first keeps
    # its hyphen, a break three regions later does not see that evidence.
    filler = ("word " * (EVIDENCE_REACH // 5)) + "\n"
    text = "a cease-fire now.\nthe cease-\nfire held.\n" + filler * 4 + "the cease-\nfire held.\n"
    out = hy(text)
    assert out.startswith("a cease-fire now.\nthe cease-fire held.\n")
    assert out.endswith("the ceasefire held.\n")


def test_hyphens_in_code_blocks_stay():
    fenced = "Set it:\n\n```\nopts = pre-\nload(cfg)\n```\n\nThe pre-\nload step is quick.\n"
    out = clean(fenced, select=["hyphenation"])
    assert "opts = pre-\nload(cfg)" in out and "The preload step" in out
