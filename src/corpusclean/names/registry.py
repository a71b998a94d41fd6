"""Names registries: canonical forms of people, places and organisations.

A registry is a TOML file of entries::

    [registry]
    name = "ukraine-2025"
    description = "People and places of our Ukraine coverage"

    [[entry]]
    canonical = "Volodymyr Zelensky"
    kind = "person"                     # person | place | organisation
    variants = ["Zelenskyy", "Volodymyr Zelenskyy", "Володимир Зеленський"]

    [[entry]]
    canonical = "Odesa"
    kind = "place"
    variants = ["Odessa"]

An entry may also hold ``note`` (a string for people) and ``counts`` (a table
of how often each form was seen; ``corpusclean names suggest`` writes it).
Loading checks the schema and names the file, the line and the key of any
mistake.  corpusclean ships registries in ``rules/names/``; ``--names NAME``
takes a built-in registry by name, ``--names FILE`` a file of your own.

The loaded :class:`Registry` is immutable; it indexes the entries by the
folded key of their last word (a surname, or the last word of a place) and
by every key one deletion away, so that finding the entries a word may be a
spelling of costs a few dictionary look-ups, however large the registry.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import ConfigError, toml_error
from .keys import PersonName, Token, fold, parse_person, place_key, readings, split_tokens, strip_possessive

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Entry",
    "Registry",
    "RegistryError",
    "KINDS",
    "parse_registry",
    "load_registry",
    "load_registries",
    "builtin_registry_names",
]

KINDS = ("person", "place", "organisation")
_KIND_ALIASES = {"organization": "organisation", "org": "organisation"}
_ENTRY_KEYS = ("canonical", "kind", "variants", "note", "counts")
_REGISTRY_KEYS = ("name", "description")


class RegistryError(ConfigError):
    """A names registry with a syntax or schema error."""


@dataclass(frozen=True)
class Entry:
    """One person, place or organisation and the ways it is written."""

    canonical: str
    kind: str
    variants: tuple[str, ...] = ()
    where: str = ""  # file:line, for messages
    note: str = ""

    @property
    def tokens(self) -> list[Token]:
        return split_tokens(self.canonical)

    @property
    def person(self) -> PersonName | None:
        return parse_person(self.tokens) if self.kind == "person" else None

    def forms(self) -> list[tuple[str, bool]]:
        """``(text, listed)`` for the canonical form and each listed variant."""
        return [(self.canonical, False), *((v, True) for v in self.variants)]


@dataclass(frozen=True)
class _Form:
    """A parsed form (canonical or variant) of an entry."""

    entry: int
    text: str
    listed: bool  # a listed variant (not the canonical form)
    person: PersonName | None
    key: str  # PersonName.key for people, place_key otherwise
    ntokens: int
    surface_surname: str = ""  # canonical surname as written ("Delacroix-Hale")


@dataclass(frozen=True)
class Registry:
    """Loaded entries and their indexes.  Build one with :func:`parse_registry`,
    :func:`load_registry` or :meth:`Registry.of`."""

    entries: tuple[Entry, ...]
    sources: tuple[str, ...] = ()
    forms: tuple[_Form, ...] = field(default=(), repr=False)
    #: folded last word -> forms whose last word it is
    exact: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: a last word with one letter deleted -> forms
    deletes: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: full key of a form -> forms with that key
    by_key: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: entry -> its canonical form
    first_form: tuple[int, ...] = field(default=(), repr=False)
    #: folded word -> entries with a form holding that word
    words: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # A per-registry memo of word -> candidate forms (pure: the registry
        # never changes); documents repeat their capitalised words.
        object.__setattr__(self, "_memo", lru_cache(maxsize=1 << 17)(self._lookup))
        object.__setattr__(self, "_run_memo", lru_cache(maxsize=1 << 17)(self._run_lookup))

    def __len__(self) -> int:
        return len(self.entries)

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    @classmethod
    def of(cls, entries: Iterable[Entry], sources: Sequence[str] = ()) -> Registry:
        """Index ``entries`` (checked: no form may belong to two entries)."""
        entries = tuple(entries)
        forms: list[_Form] = []
        owner: dict[str, int] = {}
        for i, entry in enumerate(entries):
            for text, listed in entry.forms():
                tokens = split_tokens(text)
                if entry.kind == "person":
                    person = parse_person(tokens)
                    if person is None:
                        raise RegistryError(
                            f"{entry.where}: {'variant' if listed else 'canonical'} {text!r} "
                            "of a person has no surname (a last word that is not an initial)"
                        )
                    key = person.key
                else:
                    person = None
                    key = place_key(tokens)
                if not key.replace(" ", ""):
                    raise RegistryError(f"{entry.where}: {text!r} has no letters")
                other = owner.get(key)
                if other is not None and other != i:
                    raise RegistryError(
                        f"{entry.where}: {text!r} is also a form of {entries[other].canonical!r} "
                        f"({entries[other].where}); a form may belong to one entry only"
                    )
                owner[key] = i
                surname = ""
                if person is not None:
                    a, b = person.surname_span
                    surname = text[a:b]
                forms.append(_Form(i, text, listed, person, key, len(tokens), surname))
        exact: dict[str, list[int]] = {}
        deletes: dict[str, list[int]] = {}
        by_key: dict[str, list[int]] = {}
        for f_id, form in enumerate(forms):
            for last in _last_word_keys(form):
                exact.setdefault(last, []).append(f_id)
                for d in _deletions(last):
                    deletes.setdefault(d, []).append(f_id)
            by_key.setdefault(form.key, []).append(f_id)
        return cls(
            entries,
            tuple(sources),
            tuple(forms),
            {k: tuple(v) for k, v in exact.items()},
            {k: tuple(v) for k, v in deletes.items()},
            {k: tuple(v) for k, v in by_key.items()},
            tuple(f_id for f_id, form in enumerate(forms) if not form.listed),
            _words(forms),
        )

    def person_forms(self, entry: int) -> list[_Form]:
        """Every form of a person entry, the canonical form first."""
        first = self.first_form[entry]
        end = self.first_form[entry + 1] if entry + 1 < len(self.first_form) else len(self.forms)
        return [f for f in self.forms[first:end] if f.person is not None]

    def canonical_form(self, entry: int) -> _Form:
        """The parsed canonical form of entry number ``entry``."""
        return self.forms[self.first_form[entry]]

    def _lookup(self, word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        word = strip_possessive(word.rstrip("."))[0]
        get_exact, get_del = self.exact.get, self.deletes.get
        same: set[int] = set()
        near: set[int] = set()
        for language in readings([word]):
            key = fold(word, language)
            same.update(get_exact(key, ()))
            near.update(get_del(key, ()))  # the word lacks a letter
            for d in _deletions(key):
                near.update(get_exact(d, ()))  # the word has a letter too many
                near.update(get_del(d, ()))  # one letter differs
        near.difference_update(same)
        return tuple(sorted(same)), tuple(sorted(near))

    def _run_lookup(self, run: str) -> bool:
        from .mentions import CORE

        memo = self._memo  # type: ignore[attr-defined]
        return any(a or b for a, b in map(memo, CORE.findall(run)))

    def run_has_candidates(self, run: str) -> bool:
        """Does any word of ``run`` (any text) have candidates?  Most runs of
        capitalised words in a text have none."""
        return self._run_memo(run)  # type: ignore[attr-defined,no-any-return]

    def candidates(self, word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Forms whose last word is ``word`` folded, and forms whose last word
        is one edit away from it (a letter more, less or different)."""
        return self._memo(word)  # type: ignore[attr-defined,no-any-return]


def _words(forms: list[_Form]) -> dict[str, frozenset[int]]:
    found: dict[str, set[int]] = {}
    for form in forms:
        for word in form.text.split():
            for language in readings([word]):
                found.setdefault(fold(word, language), set()).add(form.entry)
    return {k: frozenset(v) for k, v in found.items() if k}


def _last_word_keys(form: _Form) -> set[str]:
    """Keys of a form's last word (a surname's, or a place's), in every
    reading of its script."""
    if form.person is not None:
        a, b = form.person.surname_span
        last = form.text[a:b].split()[-1]
    else:
        last = form.text.split()[-1]
    return {fold(last, language) for language in readings(form.text.split())}


def _deletions(key: str) -> list[str]:
    if len(key) < 4:
        return []  # short words: exact matches only
    return [key[:i] + key[i + 1 :] for i in range(len(key))]


# -- loading ---------------------------------------------------------------


def _entry_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*entry\s*\]\]", line)]


def _key_line(text: str, start_line: int, key: str) -> int:
    lines = text.splitlines()
    for n in range(start_line, len(lines) + 1):
        line = lines[n - 1]
        if n > start_line and re.match(r"^\s*\[", line):
            break
        if re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
            return n
    return start_line


def parse_registry(text: str, source: str) -> Registry:
    """Parse and check a registry's TOML text; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(toml_error(exc, text, source)) from None
    return Registry.of(entries_of(data, text, source), [source])


def entries_of(data: dict, text: str, source: str) -> list[Entry]:  # type: ignore[type-arg]
    """The checked entries of a parsed registry table."""
    for key in data:
        if key not in ("registry", "entry"):
            line = next(
                (n for n, l in enumerate(text.splitlines(), 1)
                 if re.match(r"^\s*\[*\s*" + re.escape(key) + r"\b", l)),
                1,
            )
            raise RegistryError(
                f"{source}:{line}: unknown key {key!r} (a registry has [registry] and [[entry]] tables)"
            )
    meta = data.get("registry", {})
    if not isinstance(meta, dict):
        raise RegistryError(f"{source}:1: 'registry' must be a table")
    for key, value in meta.items():
        line = _key_line(text, 1, key)
        if key not in _REGISTRY_KEYS:
            raise RegistryError(f"{source}:{line}: unknown key 'registry.{key}' (keys: name, description)")
        if not isinstance(value, str):
            raise RegistryError(f"{source}:{line}: 'registry.{key}' must be a string")
    raw = data.get("entry", [])
    if not isinstance(raw, list):
        raise RegistryError(f"{source}:1: 'entry' must be an array of tables: [[entry]]")
    starts = _entry_lines(text)
    entries: list[Entry] = []
    for i, item in enumerate(raw):
        start = starts[i] if i < len(starts) else 1
        entries.append(_entry(item, text, source, start, i + 1))
    return entries


def _entry(item: object, text: str, source: str, start: int, number: int) -> Entry:
    here = f"{source}:{start}"
    if not isinstance(item, dict):
        raise RegistryError(f"{here}: entry {number} must be a table")
    for key in item:
        if key not in _ENTRY_KEYS:
            raise RegistryError(
                f"{source}:{_key_line(text, start, key)}: unknown key 'entry.{key}' "
                f"(keys: {', '.join(_ENTRY_KEYS)})"
            )
    canonical = item.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        line = _key_line(text, start, "canonical")
        raise RegistryError(f"{source}:{line}: 'entry.canonical' of entry {number} must be a non-empty string")
    kind = item.get("kind", "")
    kind = _KIND_ALIASES.get(kind, kind)
    if kind not in KINDS:
        line = _key_line(text, start, "kind")
        raise RegistryError(
            f"{source}:{line}: 'entry.kind' of {canonical!r} must be one of {', '.join(KINDS)}, not {item.get('kind')!r}"
        )
    variants = item.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        line = _key_line(text, start, "variants")
        raise RegistryError(f"{source}:{line}: 'entry.variants' of {canonical!r} must be a list of strings")
    note = item.get("note", "")
    if not isinstance(note, str):
        raise RegistryError(f"{source}:{_key_line(text, start, 'note')}: 'entry.note' must be a string")
    counts = item.get("counts", {})
    if not isinstance(counts, dict) or not all(isinstance(v, int) for v in counts.values()):
        line = _key_line(text, start, "counts")
        raise RegistryError(f"{source}:{line}: 'entry.counts' must be a table of whole numbers")
    variants = [" ".join(v.split()) for v in variants]
    return Entry(" ".join(canonical.split()), kind, tuple(dict.fromkeys(variants)), here, note)


def _builtin_dir() -> Path:
    from ..packs import _builtin_dir as rules_dir

    return rules_dir() / "names"


def builtin_registry_names() -> tuple[str, ...]:
    folder = _builtin_dir()
    return tuple(sorted(p.stem for p in folder.glob("*.toml"))) if folder.is_dir() else ()


def _resolve(spec: str, base_dir: str) -> Path:
    if "/" not in spec and "\\" not in spec and not spec.endswith(".toml"):
        path = _builtin_dir() / f"{spec}.toml"
        if not path.is_file():
            raise RegistryError(
                f"no built-in names registry {spec!r} "
                f"(built-in: {', '.join(builtin_registry_names()) or 'none'})"
            )
        return path
    path = Path(spec).expanduser()
    return path if path.is_absolute() else Path(base_dir) / path


@lru_cache(maxsize=64)
def _load_cached(path: str, stamp: tuple[int, int]) -> tuple[tuple[Entry, ...], str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryError(f"{path}: names registry not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read names registry: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        parse_registry(text, path)  # raises with the line
        raise
    return tuple(entries_of(data, text, path)), path


def load_registry(path: str | Path) -> Registry:
    """Load one registry file."""
    return load_registries([str(path)])


@lru_cache(maxsize=16)
def _combined(files: tuple[tuple[str, tuple[int, int]], ...]) -> Registry:
    parts = [_load_cached(path, stamp) for path, stamp in files]
    entries = [e for part, _ in parts for e in part]
    return Registry.of(entries, [source for _, source in parts])


def load_registries(
    specs: Iterable[str], base_dir: str = ".", source: str = "options"
) -> Registry | None:
    """The registries a config names (built-in names or files), as one
    registry; None when there are none.  Files are read once per process
    while they do not change.  ``source`` names the config in errors."""
    files = []
    for spec in specs:
        try:
            path = _resolve(spec, base_dir)
        except RegistryError as exc:
            raise RegistryError(f"{source}: 'names': {exc}") from None
        try:
            st = os.stat(path)
        except OSError:
            raise RegistryError(f"{source}: 'names': {path}: names registry not found") from None
        files.append((str(path), (st.st_mtime_ns, st.st_size)))
    if not files:
        return None
    return _combined(tuple(files))
