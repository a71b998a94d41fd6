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

from collections.abc import Iterator

from .config import Config
from .edits import Caption, Edit, apply_edits
from .layout import Layout

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


def _span_with_separator(lay: Layout, i: int) -> tuple[int, int]:
    """Unit ``i`` and the break after it (or before it, at the very end)."""
    units = lay.units
    if i + 1 < len(units):
        return units[i].start, units[i + 1].start
    if i > 0:
        return units[i - 1].end, units[i].end
    return units[i].start, units[i].end


def _standalone(lay: Layout) -> Iterator[int]:
    """Units recognised as captions wherever they stand."""
    for i in range(len(lay.units)):
        kind = lay.kind(i)
        if kind in ("credit", "source", "tagline") or (kind == "caption"):
            yield i
        elif lay.is_caption_sentence(i):
            yield i


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
    for link in links:
        if link.between:
            end = lay.chain_end(links, link.b)
            interlopers.setdefault(end, []).extend(link.between)
    moving = {i for group in interlopers.values() for i in group}
    found = sorted(moving | set(_standalone(lay)))
    for i in found:
        unit = lay.units[i]
        kind = lay.kind(i)
        kind = "caption" if kind in ("body", "other") else kind
        yield Caption(unit.start, unit.end, lay.unit_text(i), kind)
    policy = config.captions
    if policy == "keep":
        return
    if policy == "drop":
        for i in found:
            start, end = _span_with_separator(lay, i)
            what = _KIND_NAMES.get(lay.kind(i), "caption")
            yield Edit(start, end, "", RULE, f"{what} dropped: {_preview(lay.unit_text(i))}")
        return
    for end_unit, group in sorted(interlopers.items()):
        for i in group:
            start, stop = lay.units[i].start, lay.units[i + 1].start
            what = _KIND_NAMES.get(lay.kind(i), "caption")
            yield Edit(start, stop, "", RULE, f"{what} moved after the paragraph it interrupted")
        moved = "\n\n".join(lay.unit_text(i) for i in group)
        at = lay.units[end_unit].end
        yield Edit(at, at, "\n\n" + moved, RULE, f"{len(group)} caption block(s) moved here")


def _preview(text: str, limit: int = 50) -> str:
    one = " ".join(text.split())
    return repr(one if len(one) <= limit else one[: limit - 1] + "…")


def fix_captions(text: str, config: Config | None = None) -> str:
    """Apply the captions policy (``move`` by default) to ``text``."""
    from .textutil import fix_with

    return fix_with(text, lambda t: [f for f in caption_findings(t, config) if isinstance(f, Edit)])
