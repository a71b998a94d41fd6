"""Acceptance on the real seed documents in ../shared/seeds (skipped when absent)."""

import re
from collections import Counter

import pytest

from corpusclean import apply_edits, clean, repair

from .conftest import SEEDS

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")

NEWSPAPER = SEEDS / "000_94ce16c636994588.txt"
NEWSLETTER = SEEDS / "004_550936aa1c4e5006.txt"

_WORD = re.compile(r"[^\W_]+")


@pytest.fixture(scope="module")
def paper():
    text = NEWSPAPER.read_text(encoding="utf-8")
    return text, repair(text)


@pytest.fixture(scope="module")
def letter():
    text = NEWSLETTER.read_text(encoding="utf-8")
    return text, repair(text)


def test_repairs_listed_in_artifacts(paper):
    _, result = paper
    out = result.text
    for repaired in (
        "argued, America needed",
        "understand Mr. Putin",
        "the Treasury Department to impose",
        "the two presidents commenced the show",
        "thousands upon thousands of 155s",
        "a set piece from a madcap diplomatic farce",
        "In the end, they waited for just 10 days, in a rail yard near Krakow.",
        "according to former law enforcement officials",
        "say the name of the toy",
        "It's about time",
        "the Ukrainian and Russian leaders had shown him",
        "will have to fight on without American support.",
        "said an official who was there.",
        "all kinds of outreach,\" Mr. Trump's pick for national security adviser",
        "battlefield balance",
        "his coterie of advisers",
        "over the doorknobs",
        "$3.8 billion",
    ):
        assert repaired in out, repaired
    for gone in (
        "Continued on", "From Page 1", "unpass", "\\$", "War in Ukraine The Separation",
        "VOL. CLXXV", "Prices in Canada", "That's Fit to Print", "AMERICA'S PARTNERSHIP WITH UKRAINE UNRAVELS",
    ):
        assert gone not in out, gone
    # traps stay
    for kept in (
        "cease-fire", "hard-liners", "three-quarters", "155-millimeter", "28-point", "two-plus-two",
        "Ex-Revolutionary", "Mar-a-Lago", "KANNO-YOUNGS", "THE SEPARATION", "PAGE 8", "PART 1\n\nThe Transition",
        "INTERNATIONAL 4-19",
    ):
        assert kept in out, kept
    # the lost text is reported
    assert any(n.rule == "hyphenation" and "lost text" in n.message for n in result.notes)


def test_newsletter(letter):
    text, result = letter
    out = result.text
    assert "$35 Billion" in out
    assert "and it led to this conviction-" not in out
    assert "And it led to this conviction coming into the Trump administration" in out
    assert out.count("\nQ: ") == text.count("\nQ: ")  # transcript turns stay separate
    assert "TRANSCRIPT\nQ:" in out and "SHOWNOTES:\n" in out


def _removed_words(original, result, rules):
    """Words removed by edits of ``rules``, net of what they put back (a
    move is a removal and an insertion), plus words rewritten in place by
    the word rules (one letter of a mixed-script word rewrites the word)."""
    removed = Counter()
    for e in result.edits:
        if e.rule in ("scripts", "names"):
            start, end = e.start, e.end
            while start > 0 and original[start - 1].isalnum():
                start -= 1
            while end < len(original) and original[end].isalnum():
                end += 1
            removed.update(_WORD.findall(original[start:end]))
        elif e.rule in rules:
            removed.update(_WORD.findall(original[e.start : e.end]))
            removed.subtract(_WORD.findall(e.replacement))
    return +removed


@pytest.mark.parametrize("which", ["paper", "letter"])
def test_no_body_word_lost(which, request):
    """The words after, plus the words of recorded removals, are the words
    before (a word broken by hyphenation counts as its joined form)."""
    text, result = request.getfixturevalue(which)
    assert apply_edits(text, result.edits) == result.text
    before = Counter(_WORD.findall(text))
    after = Counter(_WORD.findall(result.text))
    # removals, and words rewritten letter by letter (a mixed-script word made
    # single-script) count as accounted for
    removed = _removed_words(text, result, {"furniture", "captions", "overlaps", "scripts", "names"})
    lost = before - after - removed
    # what is left are halves of words joined by hyphenation ("ar" + "gued")
    joined = Counter(_WORD.findall(result.text)) - before
    for word in lost:
        assert any(word in j for j in joined), word
    # and no other rule removes a word
    for e in result.edits:
        if e.rule not in {"furniture", "captions", "overlaps", "scripts", "names"}:
            gone = Counter(_WORD.findall(text[e.start : e.end])) - Counter(_WORD.findall(e.replacement))
            assert not gone, (e, gone)


def test_idempotent_on_seeds(paper, letter):
    for _, result in (paper, letter):
        assert clean(result.text) == result.text
