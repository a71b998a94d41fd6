"""quotes: keep, straight, curly (ARTIFACTS §8)."""

import pytest

from corpusclean import clean, curl_quotes, repair, straighten_quotes

MIXED = "He said \"we're ready\" and then \u201cwe\u2019re not.\u201d"


def test_keep_is_the_default():
    assert repair(MIXED).text == MIXED
    assert clean(MIXED, quotes="keep") == MIXED


def test_straight():
    assert clean(MIXED, quotes="straight") == "He said \"we're ready\" and then \"we're not.\""
    assert straighten_quotes("\u2018single\u2019 \u201edouble\u201c") == "'single' \"double\""


@pytest.mark.parametrize(
    "raw, curled",
    [
        ('"Ready?" she asked.', "\u201cReady?\u201d she asked."),
        ("I don't know, O'Neill.", "I don\u2019t know, O\u2019Neill."),
        ("the class of '98 and the '80s", "the class of \u201998 and the \u201980s"),
        ("fish 'n' chips", "fish \u2019n\u2019 chips"),
        ("tell 'em now", "tell \u2019em now"),
        ("the players' union", "the players\u2019 union"),
        ("'Hi,' he said. \"'No,' she said.\"", "\u2018Hi,\u2019 he said. \u201c\u2018No,\u2019 she said.\u201d"),
        ("(\"quoted\") and [\"this\"]", "(\u201cquoted\u201d) and [\u201cthis\u201d]"),
        ("a wall\u2014\"the wall\"", "a wall\u2014\u201cthe wall\u201d"),
        ('She wrote "1999" on it.', "She wrote \u201c1999\u201d on it."),
    ],
)
def test_curly(raw, curled):
    assert curl_quotes(raw) == curled
    assert clean(raw, quotes="curly") == curled


@pytest.mark.parametrize(
    "text",
    [
        "The guard is 6'4\" tall.",
        "A 12\" record and a 7\" single.",
        "The run took 3'20\".",
    ],
)
def test_primes_stay_straight(text):
    assert curl_quotes(text) == text


def test_curly_is_idempotent_on_mixed_text():
    once = clean(MIXED, quotes="curly")
    assert clean(once, quotes="curly") == once


def test_quote_state_restarts_each_paragraph():
    text = 'An "open quote never closed\n\nA 12" pipe.'
    assert curl_quotes(text).endswith('A 12" pipe.')
