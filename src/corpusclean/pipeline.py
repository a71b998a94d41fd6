"""The pipeline: rules in a fixed order, each recording its edits.

Every rule is a function from text to edits (and optionally notes) on that
text.  :func:`repair` runs the selected rules one after another, each on the
output of the one before, and composes their edits into one list in the
coordinates of the original input.  Rules see LF line endings only; CRLF
input is mapped to LF before the first rule and back after the last.

The order (see ``RULES``) is part of the contract: invisible characters
first, since they hide mojibake from ftfy; encoding next, because every later
rule reads characters; then escapes;
then word-level script repair, whitespace, the layout rules from the coarsest
(page furniture) to the finest (words split at line ends), names, and quotes
last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Union

from . import (
    captions,
    controls,
    encoding,
    escapes,
    furniture,
    hyphenation,
    names,
    overlaps,
    paragraphs,
    quotes,
    scripts,
    whitespace,
)
from .chunking import chunk_spans
from .config import Config
from .edits import Caption, Edit, LineEndings, Note, apply_edits, compose, shift
from .layout import Layout, UnitMemo
from .protect import code_of
from .textutil import TextFacts

__all__ = ["Rule", "RULES", "Result", "repair", "repair_chunk", "clean", "Caption"]


Finding = Union[Edit, Note, Caption]
RuleFunc = Callable[[str, Config, TextFacts], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A named repair in the pipeline."""

    name: str
    family: str
    summary: str
    func: RuleFunc
    default: bool = True


@dataclass(frozen=True)
class Result:
    """What :func:`repair` did.

    ``text`` is the repaired text; ``edits`` are sorted, non-overlapping and in
    original-input offsets, so that applying them to the input gives ``text``;
    ``notes`` are findings that changed nothing; ``captions`` are the
    captions and credits found in the body.
    """

    text: str
    edits: tuple[Edit, ...] = ()
    notes: tuple[Note, ...] = ()
    captions: tuple[Caption, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.edits)


def _escapes(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return escapes.escape_edits(text)


def _mojibake(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    # Text that ftfy decodes may hold invisible characters or decomposed
    # accents; when the controls rule runs, tidy them in the same pass.
    cleanup = controls.remove_controls if "controls" in config.rule_names() else None
    return encoding.mojibake_edits(text, cleanup, facts)


def _controls(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    # C1 controls inside mojibake are left for ftfy, which repairs them whole.
    defer_c1 = "mojibake" in config.rule_names()
    return controls.control_edits(text, defer_c1, facts)


def _scripts(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    found = scripts.script_edits(text, config.scripts, facts, config.language)
    if "controls" not in config.rule_names():
        return found
    # A zero-width (non-)joiner kept beside a Cyrillic or Greek letter goes
    # when that letter becomes Latin, as the controls rule would remove it
    # then: take it in the same edit.
    return (controls.absorb_joiners(text, f) if isinstance(f, Edit) else f for f in found)


def _whitespace(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return whitespace.whitespace_edits(text, facts)


def _layout(text: str, config: Config, facts: TextFacts) -> Layout:
    """The layout analysis of ``text``, shared by the layout rules for as long
    as none of them changes the text."""
    cached = facts.cache.get("layout")
    if cached is None or cached.config is not config:
        memo = facts.cache.get("unit memo")
        cached = facts.cache["layout"] = Layout(
            text, config, memo if isinstance(memo, UnitMemo) else None, code_of(text, facts)
        )
    return cached


def _furniture(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return furniture.furniture_findings(text, config, _layout(text, config, facts))


def _captions(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return captions.caption_findings(text, config, _layout(text, config, facts))


def _hyphenation(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return hyphenation.hyphenation_edits(text, config.language, facts)


def _paragraphs(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return paragraphs.paragraph_edits(text, config, _layout(text, config, facts))


def _overlaps(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return overlaps.overlap_edits(text)


def _names(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return names.name_edits(text, config.names_registry, config.name_threshold, config.sentence_words)


def _quotes(text: str, config: Config, facts: TextFacts) -> Iterable[Finding]:
    return quotes.quote_edits(text, config.quotes, facts)


_RULE_LIST: list[Rule] = [
    Rule("controls", "characters", "control and invisible characters, soft hyphens, NFC", _controls),
    Rule("mojibake", "characters", "text decoded with the wrong encoding (ftfy)", _mojibake),
    Rule("escapes", "characters", "markdown escapes before ASCII punctuation", _escapes),
    Rule("scripts", "words", "words mixing Latin, Cyrillic, Greek: unify, latin or keep", _scripts),
    Rule("whitespace", "characters", "trailing spaces, blank-line runs", _whitespace),
    Rule("furniture", "layout", "jump lines, running heads, banners, folios; jumped stories stitched", _furniture),
    Rule("captions", "layout", "captions, credits and graphics inside the body: move, drop or keep", _captions),
    Rule("hyphenation", "layout", "words hyphenated across line, column and page breaks", _hyphenation),
    Rule("paragraphs", "layout", "paragraphs broken mid-sentence; hard-wrapped lines", _paragraphs),
    Rule("overlaps", "layout", "a truncated fragment repeated at the start of the next paragraph", _overlaps),
    Rule("names", "words", "name variants made canonical from a names registry (--names)", _names),
    Rule("quotes", "characters", "quotation marks: keep, straight or curly", _quotes),
]

#: Every rule, in pipeline order.
RULES: dict[str, Rule] = {r.name: r for r in _RULE_LIST}


def _well_formed(edits: list[Edit]) -> list[Edit]:
    """Sort a rule's edits; should two ever overlap (a bug), keep the first
    rather than fail on a user's document."""
    edits.sort(key=lambda e: (e.start, e.end))
    out: list[Edit] = []
    end = -1
    for e in edits:
        if e.start < end or (e.start == end and e.start == e.end and out and out[-1].start == out[-1].end == e.start):
            continue
        out.append(e)
        end = e.end
    return out


def _config(config: Config | None, options: dict[str, Any]) -> Config:
    if config is None:
        return Config(**options) if options else _DEFAULT
    return config.replace(**options) if options else config


def _position_map(prior: list[Edit]) -> Callable[[int], int]:
    """Map an offset in the current text back to the original text."""
    if not prior:
        return lambda p: p
    starts: list[int] = []
    ends: list[int] = []
    deltas: list[int] = []
    delta = 0
    for e in prior:
        cs = e.start + delta
        starts.append(cs)
        ends.append(cs + len(e.replacement))
        deltas.append(delta)
        delta += len(e.replacement) - (e.end - e.start)
    from bisect import bisect_right

    def to_original(p: int) -> int:
        i = bisect_right(starts, p) - 1
        if i < 0:
            return p
        if p < ends[i]:
            return prior[i].start  # inside a replacement
        return p - (deltas[i] + len(prior[i].replacement) - (prior[i].end - prior[i].start))

    return to_original


def _run(text: str, config: Config, want_edits: bool) -> Result:
    """Repair a whole text: chunk by chunk when it is longer than
    ``config.chunk_size``, with the cuts of :mod:`corpusclean.chunking`."""
    if len(text) <= config.chunk_size:
        return _run_chunk(text, config, want_edits)
    texts: list[str] = []
    edits: list[Edit] = []
    notes: list[Note] = []
    captions: list[Caption] = []
    for chunk in chunk_spans(text, config.chunk_size):
        part = _run_chunk(text[chunk.start : chunk.end], config, want_edits)
        texts.append(part.text)
        texts.append(text[chunk.end : chunk.next])
        at = chunk.start
        edits.extend(shift(part.edits, at))
        notes.extend(Note(n.start + at, n.end + at, n.rule, n.message) for n in part.notes)
        captions.extend(Caption(c.start + at, c.end + at, c.text, c.kind) for c in part.captions)
    return Result("".join(texts), tuple(edits), tuple(notes), tuple(captions))


def _run_chunk(text: str, config: Config, want_edits: bool) -> Result:
    le = LineEndings.of(text)
    current = le.text
    track = want_edits or not le.trivial
    edits: list[Edit] = []
    notes: list[Note] = []
    captions: list[Caption] = []
    facts = TextFacts(current)
    # the layout rules classify the units of each version of the text; a
    # unit left unchanged by a rule keeps its kind (see layout.Layout)
    unit_memo = UnitMemo()
    facts.cache["unit memo"] = unit_memo
    for name in config.rule_names():
        rule = RULES[name]
        if facts.text is not current:
            facts = TextFacts(current)
            facts.cache["unit memo"] = unit_memo
        new: list[Edit] = []
        found_notes: list[Note] = []
        found_caps: list[Caption] = []
        for item in rule.func(current, config, facts):
            if isinstance(item, Edit):
                new.append(item)
            elif isinstance(item, Note):
                found_notes.append(item)
            else:
                found_caps.append(item)
        if (found_notes or found_caps) and track:
            to_orig = _position_map(edits)
            notes.extend(
                Note(to_orig(n.start), to_orig(n.end), n.rule, n.message) for n in found_notes
            )
            captions.extend(
                Caption(to_orig(c.start), to_orig(c.end), c.text, c.kind) for c in found_caps
            )
        elif found_caps:
            captions.extend(found_caps)
        if not new:
            continue
        new = _well_formed(new)
        if track:
            edits = compose(edits, new, current)
        current = apply_edits(current, new)
    if not track:
        return Result(current, (), (), tuple(captions))
    final_edits = le.restore(edits)
    final_text = current if le.trivial else apply_edits(text, final_edits)
    notes.sort()
    return Result(
        final_text,
        tuple(final_edits),
        tuple(le.restore_notes(notes)),
        tuple(captions),
    )


def repair(text: str, config: Config | None = None, **options: Any) -> Result:
    """Repair ``text`` and say what was done.

    >>> r = repair("Price: \\\\$6.00  \\n")
    >>> r.text
    'Price: $6.00\\n'
    >>> [(e.start, e.end, e.replacement, e.rule) for e in r.edits]
    [(7, 8, '', 'escapes'), (13, 15, '', 'whitespace')]
    """
    if not isinstance(text, str):
        raise TypeError(f"repair() takes str, not {type(text).__name__}")
    return _run(text, _config(config, options), want_edits=True)


def repair_chunk(text: str, config: Config, want_edits: bool = True) -> Result:
    """Repair one chunk cut by :mod:`corpusclean.chunking` (or any text) as
    a whole, without cutting it again: the streaming reader's building block.
    ``repair`` of a long text is ``repair_chunk`` of each of its chunks."""
    return _run_chunk(text, config, want_edits)


def clean(text: str, config: Config | None = None, **options: Any) -> str:
    """The repaired text alone.

    >>> clean("caf\\u00c3\\u00a9  \\n\\n\\n\\nnext", select=["mojibake"])
    'café  \\n\\n\\n\\nnext'
    """
    if not isinstance(text, str):
        raise TypeError(f"clean() takes str, not {type(text).__name__}")
    return _run(text, _config(config, options), want_edits=False).text


_DEFAULT = Config()
