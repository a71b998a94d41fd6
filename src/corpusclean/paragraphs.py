"""Paragraphs broken mid-sentence, and hard-wrapped lines (ARTIFACTS §3).

Two repairs:

* A body paragraph split by a blank line at a column or page break is one
  paragraph again, its halves joined by one space: the first part does not
  end a sentence and the second continues it (it starts with a lowercase
  letter, or with a capital after a comma or a word such as "without" that
  cannot end an English sentence).  Headings, labels, list items, index
  entries and transcript turns (``Q:``, ``FK:``) are never joined.
* Lines hard-wrapped at a fixed width (PDF and OCR text) are unwrapped into
  one line per paragraph; a short line that ends a sentence ends its
  paragraph, which is then followed by a blank line.  A glossary or
  dictionary entry ("ABAFT, adv. ...", the ``entries.heads`` patterns)
  stays a line of its own; a line that ends in a quoted-printable soft
  break ("again=") is left as it is; a joined line loses its indent.

Words hyphenated across the break are the ``hyphenation`` rule's; captions
between the halves are moved out first by the ``captions`` rule.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .config import Config
from .edits import Edit, apply_edits
from .layout import (
    Layout,
    ends_sentence,
    ends_with_hyphen,
    is_heading_like,
    opens_entry,
    opens_item,
    is_speaker_turn,
    patterns_for,
    runs_on_entry,
    starts_upper,
    unit_lines,
    wrap_width,
)

__all__ = ["paragraph_edits", "fix_paragraphs"]

RULE = "paragraphs"


def _unwrap(text: str, lines: Sequence[tuple[int, int]], config: Config) -> Iterator[Edit]:
    """Edits that unwrap one hard-wrapped block."""
    pats = patterns_for(config)
    texts = [text[s:e] for s, e in lines]
    width = wrap_width([len(t.rstrip()) for t in texts[:-1]])
    for k in range(len(lines) - 1):
        line, nxt = texts[k], texts[k + 1]
        stripped = line.rstrip()
        end_of_line = lines[k][0] + len(stripped)
        next_start = lines[k + 1][0] + (len(nxt) - len(nxt.lstrip()))
        if ends_with_hyphen(stripped) or stripped.endswith("-"):
            continue  # a break the hyphenation rule left on purpose
        last = stripped[-1]
        if last == "=" and not stripped[-2:-1].isspace():
            continue  # a quoted-printable soft break ("again=" / "st"): not ours to mend
        if last == "." and nxt[:1].isupper() and opens_entry(nxt, pats):
            continue  # an entry ends, a glossary entry opens: entries stay lines of their own
        short = len(stripped) < 0.75 * width
        new_paragraph = (
            is_speaker_turn(nxt, pats)
            or opens_item(texts, k + 1) and not runs_on_entry(stripped, nxt, pats)
            or (short and (ends_sentence(stripped) or starts_upper(nxt) and is_heading_like(stripped)))
        )
        if new_paragraph:
            yield Edit(end_of_line, next_start, "\n\n", RULE, "hard-wrapped paragraphs separated")
        else:
            joiner = "" if stripped.endswith(("—", "–")) and not stripped[:-1].endswith(" ") else " "
            yield Edit(end_of_line, next_start, joiner, RULE, "hard-wrapped line unwrapped")


def paragraph_edits(text: str, config: Config | None = None, layout: Layout | None = None) -> Iterator[Edit]:
    """Edits that rejoin broken paragraphs and unwrap hard-wrapped lines (LF text).

    >>> t = "Day after day, then, hundreds upon\\n\\nhundreds of crates waited.\\n\\nPART 1\\n\\nThe Start"
    >>> apply_edits(t, list(paragraph_edits(t)))
    'Day after day, then, hundreds upon hundreds of crates waited.\\n\\nPART 1\\n\\nThe Start'
    """
    config = config or Config()
    lay = layout or Layout(text, config)
    units = lay.units
    for unit in units:
        if unit.wrapped:
            yield from _unwrap(text, unit_lines(text, unit), config)
    for i in [i for i, u in enumerate(units) if u.end - u.start <= 3]:
        if lay.drop_cap(i):
            at = units[i].start + 1
            yield Edit(at, units[i + 1].start, "", RULE, "drop cap joined to the rest of its word")
    for link in lay.links():
        if link.between:
            continue  # captions in the way: kept in place by the captions policy
        a_text = lay.unit_text(link.a)
        if ends_with_hyphen(a_text):
            continue  # the hyphenation rule's to mend (or to leave as lost text)
        start = units[link.a].end
        end = units[link.b].start
        while text[end] in " \t":
            end += 1  # a line's hanging indent goes with the break it follows
        # keep trailing spaces out of it: the whitespace rule owns them
        while start > units[link.a].start and text[start - 1] in " \t":
            start -= 1
        yield Edit(start, end, " ", RULE, "paragraph broken mid-sentence joined")


def fix_paragraphs(text: str, config: Config | None = None) -> str:
    """Rejoin paragraphs broken mid-sentence and unwrap hard-wrapped lines.

    >>> fix_paragraphs("The cat sat on the\\nmat and looked at the\\ndog next door.")
    'The cat sat on the mat and looked at the dog next door.'
    """
    from .textutil import fix_with

    return fix_with(text, lambda t: list(paragraph_edits(t, config)))
