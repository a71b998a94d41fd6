"""Laws of the layout rules, as properties over documents with layout artifacts."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpusclean import Config, apply_edits, clean, repair

from .strategies import any_text, layout_docs

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
POLICIES = st.sampled_from(["move", "drop", "keep"])
DOCS = st.one_of(layout_docs, any_text)
_ALNUM = re.compile(r"[^\W_]")


@SETTINGS
@given(DOCS, POLICIES)
def test_idempotent_and_replay(text, captions):
    result = repair(text, captions=captions)
    assert apply_edits(text, result.edits) == result.text
    assert clean(result.text, captions=captions) == result.text


@SETTINGS
@given(DOCS, st.sampled_from(["furniture", "captions", "hyphenation", "paragraphs", "overlaps"]))
def test_each_layout_rule_alone(text, rule):
    config = Config(select=[rule])
    result = repair(text, config)
    assert apply_edits(text, result.edits) == result.text
    assert all(a.end <= b.start for a, b in zip(result.edits, result.edits[1:]))
    assert all(e.rule == rule for e in result.edits)
    assert clean(result.text, config) == result.text


@SETTINGS
@given(DOCS, st.sampled_from(["hyphenation", "paragraphs", "whitespace"]), st.sampled_from(["move", "keep"]))
def test_rules_that_never_remove_words(text, rule, captions):
    """Only furniture, overlaps and captions (drop) remove text: the other
    layout rules, and captions when moving or keeping, keep every letter."""
    for select in ([rule], ["captions"]):
        out = clean(text, select=select, captions=captions)
        assert Counter(_ALNUM.findall(out)) == Counter(_ALNUM.findall(text))


@SETTINGS
@given(DOCS)
def test_removals_are_recorded(text):
    result = repair(text, select=["furniture", "captions", "overlaps"], captions="drop")
    removed = Counter()
    for e in result.edits:
        removed.update(_ALNUM.findall(text[e.start : e.end]))
        removed.subtract(_ALNUM.findall(e.replacement))
    assert Counter(_ALNUM.findall(text)) - removed == Counter(_ALNUM.findall(result.text))


def _analysis(lay):
    return (
        lay.units,
        [lay.kind(i) for i in range(len(lay.units))],
        lay.links(),
    )


@SETTINGS
@given(DOCS, st.sampled_from(["furniture", "captions", "hyphenation", "paragraphs"]))
def test_shared_memo_changes_no_verdict(text, rule):
    """The pipeline keeps what it found about each unit and block for the
    next version of the document (layout.UnitMemo): a layout made with the
    memo of the version before gives the same units, kinds and links as one
    made from scratch."""
    from corpusclean.layout import Layout, UnitMemo

    config = Config()
    memo = UnitMemo()
    _analysis(Layout(text, config, memo))
    edited = clean(text, select=[rule])
    assert _analysis(Layout(edited, config, memo)) == _analysis(Layout(edited, config))
    # and the memo's second use on the same text changes nothing either
    assert _analysis(Layout(text, config, memo)) == _analysis(Layout(text, config))


def test_blocks_seen_elsewhere_are_shifted():
    from corpusclean.layout import split_units

    block = "a list of\nshort lines\nthat stay\napart here\n"
    first = "Intro line.\n\n" + block
    seen: dict = {}
    assert split_units(first, seen) == split_units(first)
    moved = "A much longer introduction line.\n\n" + block
    assert split_units(moved, seen) == split_units(moved)
    assert [moved[u.start : u.end] for u in split_units(moved, seen)][1:] == [
        "a list of", "short lines", "that stay", "apart here"
    ]


def _links_by_full_passes(lay):
    """The paragraph links as the fixpoint over whole passes finds them (the
    reference for Layout.links, which passes again only where needed)."""
    n = len(lay.units)
    next_of: dict = {}
    out: list = []
    for _ in range(4):
        asked: dict = {}
        out = lay._links_once(next_of, asked, -1, n - 1)
        found = {link.a: link.b for link in out}
        if found == next_of or all(lay._chain_head(j, found) == h for j, h in asked.items()):
            break
        next_of = found
    return out


@SETTINGS
@given(DOCS)
def test_links_equal_whole_passes(text):
    from corpusclean.layout import Layout

    assert Layout(text, Config()).links() == _links_by_full_passes(Layout(text, Config()))


def test_links_equal_whole_passes_on_a_long_text():
    """A long text of documents like ours needs a second pass somewhere."""
    import sys

    from corpusclean.layout import Layout

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from corpus import build_corpus

    text = "\n\n".join(build_corpus(4))
    lay = Layout(text, Config())
    reference = Layout(text, Config())
    n = len(reference.units)
    asked: dict = {}
    first = reference._links_once({}, asked, -1, n - 1)
    found = {link.a: link.b for link in first}
    assert any(reference._chain_head(j, found) != h for j, h in asked.items())  # a second pass is needed
    assert lay.links() == _links_by_full_passes(reference)


def test_a_wrapped_unit_without_spaces_is_judged_as_its_unwrapped_line():
    # two lines of one word each: unwrapped, the paragraph is a line with a
    # space and may be continued; wrapped, it must be judged the same way,
    # or the second pass joins what the first left apart
    text = "?$5Q:ÓZJ34¹“[§a \ncafé\n\nàbc"
    once = clean(text)
    assert clean(once) == once
    assert once == "?$5Q:ÓZJ34¹“[§a café àbc"
