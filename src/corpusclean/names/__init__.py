"""Name canonicalization (ARTIFACTS §7): registries, the ``names`` rule and
``corpusclean names suggest``.

>>> from corpusclean.names import Entry, Registry, canonicalize_names
>>> reg = Registry.of([Entry("J.D. Vance", "person"), Entry("Kyiv", "place", ("Kiev",))])
>>> canonicalize_names("JD Vance flew to Kiev; Mr. Vance met J. D. Vance's team.", reg)
"J.D. Vance flew to Kyiv; Mr. Vance met J.D. Vance's team."
"""

from __future__ import annotations

from ..edits import Edit, apply_edits
from .keys import fold
from .mentions import common_words
from .registry import (
    KINDS,
    Entry,
    Registry,
    RegistryError,
    builtin_registry_names,
    load_registries,
    load_registry,
    parse_registry,
)
from .rule import name_edits

__all__ = [
    "KINDS",
    "Entry",
    "Registry",
    "RegistryError",
    "builtin_registry_names",
    "canonicalize_names",
    "common_words",
    "fold",
    "load_registries",
    "load_registry",
    "name_edits",
    "parse_registry",
]


def canonicalize_names(
    text: str, registry: Registry | None, threshold: float = 90.0, language: str = "en"
) -> str:
    """Every registered name in ``text`` in its canonical form."""
    edits = name_edits(text, registry, threshold, common_words(language))
    return apply_edits(text, [e for e in edits if isinstance(e, Edit)])
