"""Captions, photo credits and graphic text inside the body (ARTIFACTS §4).

Print pages put photographs, their credits (``NAME/AGENCY``), captions
(``Far left, ...``, a sentence beside a credit), graphics (a title over lists
of names or short labels), map source lines and reporting taglines beside the
text; extraction interleaves them with it, often in the middle of a sentence
or even of a word.  This rule recognises them and, when they interrupt a body
paragraph, takes them out of the way so that the body can be joined again by
the ``paragraphs`` and ``hyphenation`` rules.

Policy ``captions``:

* ``move`` (the default): captions that interrupt a paragraph move after the
  paragraph they interrupted; captions elsewhere stay where they are.
* ``drop``: every recognised caption, credit and graphic is removed, each
  removal an edit.
* ``keep``: nothing moves, and the paragraphs around them stay apart.

Whatever the policy, :func:`corpusclean.repair` returns the captions it found
(text, kind and original position) in ``Result.captions``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import attrgetter
from collections.abc import Iterator

from .config import Config
from .edits import Caption, Edit, apply_edits
from .layout import Layout, full, is_credit, is_institution

__all__ = ["caption_findings", "fix_captions"]

RULE = "captions"

_KIND_NAMES = {
    "credit": "photo credit",
    "caption": "caption",
    "graphic": "graphic text",
    "label": "graphic label",
    "source": "source line",
    "tagline": "reporting tagline",
    "body": "caption",
}


_CONTRIBUT = re.compile("contribut")
_start = attrgetter("start")
_CREDIT_OPENERS = (
    "Photo", "PHOTO", "Image", "Illustration", "Graphic", "Video", "(", "Courtesy", "Staff", "File",
    "Pool", "Submitted", "Contributed",
)


def _standalone(lay: Layout) -> dict[int, str]:
    """Units recognised as captions wherever they stand, with their kind.

    Cheap tests on each unit's first characters (list comprehensions, since
    most units are body text) pick the few worth a closer look."""
    text = lay.text
    units = lay.units
    pats = lay.pats
    found: dict[int, str] = {}
    leads = pats.lead_in_prefixes or ("\0",)
    photo_agencies = pats.photo_agencies
    # taglines ("... contributed reporting"): where the word occurs at all
    tagged = [m.start() for m in _CONTRIBUT.finditer(text)]
    # one cheap pass: units that could be a credit, a caption with a
    # lead-in, a source line ("Source: ...") or a tagline
    candidates = [
        i
        for i, u in enumerate(units)
        if (
            u.end - u.start <= 400
            and (
                text[u.start : u.start + 4].isupper()
                or text.startswith(_CREDIT_OPENERS, u.start)
                or text.find(":", u.start, u.start + 12) >= 0
            )
        )
        # "Ana Ruiz / The Ledger", "ANA RUIZ | REUTERS" (a credit is a short line)
        or (
            u.end - u.start <= 120
            and (text.find("/", u.start, u.end) >= 0 or text.find("|", u.start, u.end) >= 0)
        )
        or (u.end - u.start <= 40 and text[u.start : u.end] in photo_agencies)
        or text.startswith(leads, u.start)
    ]
    if tagged:
        for at in tagged:
            i = bisect_right(units, at, key=_start) - 1
            if i >= 0 and at + 9 <= units[i].end and units[i].end - units[i].start <= 400:
                candidates.append(i)
        candidates = sorted(set(candidates))
    for i in candidates:
        u = units[i]
        first = lay.first_line(i).strip()
        if text.startswith(leads, u.start):
            found.setdefault(i, "caption")
        elif u.end - u.start <= 130 and is_credit(first, pats):
            found[i] = "credit"
            k = i + 1
            while k < len(units) and lay.is_caption_sentence(k):  # each line of a wrapped one
                found[k] = "caption"
                if k + 1 == len(units) or not lay.same_block(k):
                    break
                k += 1
        elif i + 1 < len(units) and is_institution(first, pats) and lay.is_caption_sentence(i + 1):
            found[i] = "credit"
            found[i + 1] = "caption"
        elif full(pats.source_line, first):
            found[i] = "source"
        elif text.find("contribut", u.start, u.end) >= 0 and full(pats.tagline, " ".join(lay.unit_text(i).split())):
            found[i] = "tagline"
    return found


def caption_findings(
    text: str, config: Config | None = None, layout: Layout | None = None
) -> Iterator[Edit | Caption]:
    """Captions found, and the edits the ``captions`` policy makes (LF text).

    >>> t = "It was, in the end, a scene from a\\n\\nANA RUIZ/REUTERS\\n\\nvillage farce."
    >>> apply_edits(t, [f for f in caption_findings(t) if isinstance(f, Edit)])
    'It was, in the end, a scene from a\\n\\nvillage farce.\\n\\nANA RUIZ/REUTERS'
    """
    config = config or Config()
    lay = layout or Layout(text, config)
    links = lay.links()
    interlopers: dict[int, list[int]] = {}  # chain end -> units to move after it
    ends = lay.chain_ends()
    for link in links:
        if link.between:
            end = ends.get(link.b, link.b)
            interlopers.setdefault(end, []).extend(link.between)
    moving = {i for group in interlopers.values() for i in group}
    standalone = _standalone(lay)
    found = sorted(moving | set(standalone))
    for i in found:
        unit = lay.units[i]
        kind = standalone.get(i) or lay.kind(i)
        kind = "caption" if kind in ("body", "other") else kind
        yield Caption(unit.start, unit.end, lay.unit_text(i), kind)
    policy = config.captions
    if policy == "keep":
        return
    if policy == "drop":
        spans = lay.removal_spans(found)
        for i in found:
            start, end = spans[i]
            what = _KIND_NAMES.get(standalone.get(i) or lay.kind(i), "caption")
            yield Edit(start, end, "", RULE, f"{what} dropped: {_preview(lay.unit_text(i))}")
        return
    for end_unit, group in sorted(interlopers.items()):
        for i in group:
            start, stop = lay.units[i].start, lay.units[i + 1].start
            what = _KIND_NAMES.get(standalone.get(i) or lay.kind(i), "caption")
            yield Edit(start, stop, "", RULE, f"{what} moved after the paragraph it interrupted")
        moved = lay.joined(group)
        at = lay.units[end_unit].end
        if end_unit + 1 < len(lay.units) and lay.same_block(end_unit):
            moved += "\n"  # a line of its own follows: a blank line keeps them apart
        yield Edit(at, at, "\n\n" + moved, RULE, f"{len(group)} caption block(s) moved here")


def _preview(text: str, limit: int = 50) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= limit else one[: limit - 1] + "…")


def fix_captions(text: str, config: Config | None = None) -> str:
    """Apply the captions policy (``move`` by default) to ``text``."""
    from .textutil import fix_with

    return fix_with(text, lambda t: [f for f in caption_findings(t, config) if isinstance(f, Edit)])
