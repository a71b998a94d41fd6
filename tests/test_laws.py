"""The laws every rule obeys, as properties over arbitrary text."""

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusclean import Config, apply_edits, clean, repair

from .strategies import any_text

CHARACTER_RULES = ["mojibake", "controls", "escapes", "whitespace", "quotes"]
QUOTES = st.sampled_from(["keep", "straight", "curly"])
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_ALNUM = regex.compile(r"[\p{L}\p{N}]")


def alnum(text: str) -> str:
    return "".join(_ALNUM.findall(text))


@SETTINGS
@given(any_text, QUOTES)
def test_never_raises_and_edits_replay(text, quotes):
    result = repair(text, quotes=quotes)
    assert isinstance(result.text, str)
    assert apply_edits(text, result.edits) == result.text
    assert all(0 <= e.start <= e.end <= len(text) for e in result.edits)
    assert all(a.end <= b.start for a, b in zip(result.edits, result.edits[1:]))
    assert all(e.rule for e in result.edits)
    assert clean(text, quotes=quotes) == result.text


@SETTINGS
@given(any_text, QUOTES)
def test_idempotent(text, quotes):
    once = clean(text, quotes=quotes)
    assert clean(once, quotes=quotes) == once


@SETTINGS
@given(any_text, st.sampled_from(CHARACTER_RULES))
def test_each_rule_alone_is_idempotent_and_replays(text, rule):
    config = Config(select=[rule], quotes="curly")
    result = repair(text, config)
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text, config) == result.text


@SETTINGS
@given(any_text, QUOTES)
def test_letters_and_digits_change_only_inside_edits(text, quotes):
    result = repair(text, select=CHARACTER_RULES, quotes=quotes)
    outside_before = []
    outside_after = []
    pos = 0
    out_pos = 0
    for e in result.edits:
        outside_before.append(text[pos : e.start])
        out_pos += e.start - pos
        outside_after.append(result.text[out_pos - (e.start - pos) : out_pos])
        out_pos += len(e.replacement)
        pos = e.end
    outside_before.append(text[pos:])
    outside_after.append(result.text[out_pos:])
    assert alnum("".join(outside_before)) == alnum("".join(outside_after))


@SETTINGS
@given(any_text, QUOTES)
def test_escapes_whitespace_quotes_never_touch_letters(text, quotes):
    out = clean(text, select=["escapes", "whitespace", "quotes"], quotes=quotes)
    assert alnum(out) == alnum(text)


@SETTINGS
@given(any_text)
def test_line_endings_come_out_as_they_went_in(text):
    out = clean(text)
    if "\r" not in text:
        assert "\r" not in out
    lf_only = text.replace("\r\n", "")
    if "\r" not in lf_only and "\n" not in lf_only and "\r\n" in text:
        # every line ending was CRLF: so is every line ending of the output
        assert "\n" not in out.replace("\r\n", "")


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 50_000))
def test_long_lines_and_empty_text(n):
    assert clean("") == ""
    line = "word " * n
    assert clean(line) == line.rstrip()
