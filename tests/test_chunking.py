"""Chunking: cuts that do not depend on how the text was read, at safe places."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusclean import Config, ConfigError, apply_edits, clean, repair
from corpusclean.chunking import Chunker, chunk_spans, find_cut, is_safe_boundary, iter_chunks
from corpusclean.pipeline import repair_chunk

from .strategies import any_text

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Paragraphs of our own with the endings and openings the cutter cares about.
_PARAGRAPHS = [
    "The water board met on Tuesday and agreed to repair the weir before the spring floods arrived.",
    "Residents along the lower bank said the pumps had failed twice since January, flooding cellars.",
    '"We were told it would be fixed by March," said one owner, who asked not to be named here.',
    "The engineer's report, which runs to forty pages, blames the old sluice gates and the silt that",
    "builds up behind them every winter, and it asks for a survey of the whole channel this year.",
    "RIVER PHOTO COOPERATIVE",
    "Above, the weir at dawn.",
    "Continued on Page 4",
    "the council had not yet voted on the money, and several members said they would ask for more de-",
    "tails before they did so at the next meeting of the full board in the town hall.",
    "Q: How long will the work take?",
    "Mr.",
]

paragraph_text = st.lists(
    st.one_of(st.sampled_from(_PARAGRAPHS), any_text), min_size=1, max_size=60
).flatmap(
    lambda paras: st.lists(
        st.sampled_from(["\n\n", "\n", "\n\n\n", " \n\n", "\r\n\r\n", "\n \n", " "]),
        min_size=len(paras),
        max_size=len(paras),
    ).map(lambda seps: "".join(p + s for p, s in zip(paras, seps)))
)


def _pieces(text: str, rng: random.Random) -> list[str]:
    out = []
    i = 0
    while i < len(text):
        step = rng.choice([1, 2, 7, 50, 333, 4096])
        out.append(text[i : i + step])
        i += step
    return out


@SETTINGS
@given(paragraph_text, st.integers(1, 400), st.randoms(use_true_random=False))
def test_streamed_cuts_equal_whole_cuts(text, size, rng):
    spans = chunk_spans(text, size)
    whole = [(text[c.start : c.end], text[c.end : c.next]) for c in spans]
    streamed = list(iter_chunks(_pieces(text, rng), size))
    assert streamed == whole
    assert "".join(c + s for c, s in whole) == text


@SETTINGS
@given(paragraph_text, st.integers(1, 400))
def test_chunks_are_between_size_and_twice_size(text, size):
    spans = chunk_spans(text, size)
    assert spans[0].start == 0 and spans[-1].next == len(text)
    for a, b in zip(spans, spans[1:]):
        assert a.next == b.start
    for c in spans[:-1]:
        assert size <= c.end - c.start <= 2 * size
        assert text[c.end : c.next] in ("", "\n", "\r\n") or text[c.end : c.next].strip(" \t") == ""
        # never inside a CRLF
        assert not (text[c.end - 1 : c.end] == "\r" and text[c.next : c.next + 1] == "\n")
        assert not (text[c.end - 1 : c.end] == "\r" and text[c.end : c.end + 1] == "\n")


def test_cut_at_first_safe_boundary_after_size():
    body = "The river rose again overnight and the board met at dawn to decide what to do next."
    broken = "The engineers said the weir had been patched so often that it no longer held the"
    paras = [body * 3, broken * 6, body * 3, "RIVER PHOTO COOPERATIVE", body * 3, body * 3]
    text = "\n\n".join(paras) + "\n"
    size = len(paras[0]) + len(paras[1])  # the first blank line lies before size
    assert 2 * size > len("\n\n".join(paras[:5]))  # the safe one lies before the hard maximum
    cut = find_cut(text, 0, size)
    # not after the broken paragraph, not next to the credit: after the fifth paragraph
    before = text[: cut.end]
    assert before.endswith(paras[4] + "\n")
    assert text[cut.end : cut.next] == "\n"


def test_fallbacks_blank_line_then_newline_then_space_then_anywhere():
    no_safe = ("lower case words without an end " * 20 + "\n\n") * 10
    cut = find_cut(no_safe, 0, 700)
    assert no_safe[cut.end - 1 : cut.next + 1] == "\n\nl"
    lines = ("lower case words without an end " * 20 + "\n") * 10
    cut = find_cut(lines, 0, 700)
    assert lines[cut.end - 1] == "\n" and cut.next == cut.end
    one_line = "word " * 1000
    cut = find_cut(one_line, 0, 700)
    assert one_line[cut.end : cut.next] == " " and one_line[cut.end - 1] == "d"
    blob = "x" * 5000
    cut = find_cut(blob, 0, 700)
    assert (cut.end, cut.next) == (1400, 1400)
    crlf_blob = "x" * 1399 + "\r\n" + "y" * 3000
    cut = find_cut(crlf_blob, 0, 700)
    assert crlf_blob[cut.end - 1 : cut.end + 1] != "\r\n"


def test_streaming_needs_a_window_before_deciding():
    text = "Some words here. " * 100
    assert find_cut(text, 0, 500, eof=False) is None
    chunker = Chunker(500)
    assert list(chunker.feed(text)) == []
    assert "".join(c + s for c, s in chunker.finish()) == text


@pytest.mark.parametrize(
    ("before", "after", "safe"),
    [
        ("It was over. " * 20, "Then it began. " * 20, True),
        ("It was over. " * 20, '"Then," he said, "it began." ' * 10, True),
        ("It was over. " * 20, "\u201cThen\u201d it began. " * 20, True),
        ("It was over. " * 20, "then it began. " * 20, False),  # a sentence goes on
        ("It was over. " * 20 + "the", "Then it began. " * 20, False),
        ("It was over. " * 20 + "gov-", "Then it began. " * 20, False),
        ("It was over, said Gen.", "Then it began. " * 20, False),
        ("It was over. " * 20 + "in the U.S.", "Then it began. " * 20, False),
        ("Left, the weir.", "Then it began. " * 20, False),  # caption-like
        ("It was over. " * 20, "JANE DOE/RIVER PHOTOS", False),
    ],
)
def test_safe_boundary_predicate(before, after, safe):
    assert is_safe_boundary(before.strip(), after.strip()) is safe


@SETTINGS
@given(st.lists(any_text, min_size=1, max_size=30).map("\n\n".join), st.integers(100, 400))
def test_chunked_repair_obeys_the_laws(text, size):
    config = Config(chunk_size=size)
    result = repair(text, config)
    assert apply_edits(text, result.edits) == result.text
    assert all(a.end <= b.start for a, b in zip(result.edits, result.edits[1:]))
    assert clean(text, config) == result.text
    # Idempotence holds where the text is cut at safe boundaries; a fallback
    # cut (no safe boundary within twice the chunk size) may fall elsewhere
    # on the second pass, and the rules then see different pieces.
    if _cut_safely(text, size) and _cut_safely(result.text, size):
        assert clean(result.text, config) == result.text


def _cut_safely(text, size):
    from corpusclean.chunking import _paragraph_after, _paragraph_before

    spans = chunk_spans(text, size)
    for chunk in spans[:-1]:
        before = _paragraph_before(text, chunk.start, chunk.end)
        after = _paragraph_after(text, chunk.next, len(text))
        if text[chunk.end : chunk.next].count("\n") != 1 or not is_safe_boundary(before.strip(), after.strip()):
            return False
    return True


def test_idempotent_across_safe_cuts():
    para = "The council met on Monday and talked about the river and the weir. "
    text = "\n\n".join(
        f"{para * 3}Day after day, then, crates upon\n\ncrates waited at the depot. {para * 3}" for _ in range(12)
    )
    config = Config(chunk_size=500)
    assert _cut_safely(text, 500)
    once = clean(text, config)
    assert "crates upon crates" in once
    assert once == clean(text)  # the same as cleaning it whole
    assert clean(once, config) == once


@SETTINGS
@given(paragraph_text, st.integers(100, 400))
def test_repair_is_repair_chunk_of_each_chunk(text, size):
    config = Config(chunk_size=size)
    pieces = [repair_chunk(c, config).text + s for c, s in iter_chunks([text], size)]
    assert repair(text, config).text == "".join(pieces)


def test_cutting_at_safe_boundaries_changes_nothing():
    """Character rules give the same text whole and cut into small chunks."""
    paras = [
        "The caf\u00c3\u00a9 by the weir reopened on Monday after the flood.  " * 3,
        "Its owner paid \\$40 for new signs and repainted the door herself. " * 3,
        "\u201cWe are open,\u201d she said, \u201cand we are staying.\u201d " * 3,
    ]
    small = Config(chunk_size=1000)
    for blank in ("\n\n", "\n\n\n", "\n \n\n"):
        text = blank.join(paras * 40) + "\n"
        assert len(chunk_spans(text, 1000)) > 5
        assert clean(text, small) == clean(text)
    # the same edits, too, where no blank-line run straddles a cut
    text = "\n\n".join(paras * 40) + "\n"
    assert repair(text, small).edits == repair(text).edits


def test_chunk_size_is_validated():
    with pytest.raises(ConfigError, match="chunk_size"):
        Config(chunk_size=10)
    with pytest.raises(ConfigError, match="chunk_size"):
        Config(chunk_size="big")
    assert Config(chunk_size=1000).chunk_size == 1000
