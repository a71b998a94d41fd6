"""Configuration: one frozen :class:`Config` for the library and the command line.

A config comes from keyword options (``Config(quotes="curly")``), from the
``[tool.corpusclean]`` table of a ``pyproject.toml``, or from a
``corpusclean.toml`` whose keys sit at the top level.  Unknown keys and bad
values are errors that name the key and the file.

Loading a config reads its files (rule packs, name registries) once; the
repair functions never touch the file system.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chunking import DEFAULT_CHUNK_SIZE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Config", "ConfigError", "find_config_file"]

QUOTE_POLICIES = ("keep", "straight", "curly")
CAPTION_POLICIES = ("move", "drop", "keep")
SCRIPT_POLICIES = ("unify", "latin", "keep")
ERROR_POLICIES = ("strict", "replace")
#: Smaller chunks would cut inside paragraphs too often to be of use.
MIN_CHUNK_SIZE = 100


class ConfigError(ValueError):
    """A bad option, key or value; the message names the key and the file."""


def _tuple_of_str(key: str, value: Any, source: str) -> tuple[str, ...]:
    if isinstance(value, str):
        # "a,b" on the command line or a single string in TOML
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, Iterable) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{source}: '{key}' must be a list of strings, not {value!r}")


def _choice(key: str, value: Any, choices: tuple[str, ...], source: str) -> str:
    if value not in choices:
        raise ConfigError(
            f"{source}: '{key}' must be one of {', '.join(choices)}, not {value!r}"
        )
    return str(value)


def toml_error(exc: Exception, text: str, source: str) -> str:
    """A TOML syntax error as ``SOURCE:LINE: invalid TOML: message`` (the
    line tomllib names, or the last line when it says "end of document")."""
    message = str(exc)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if where:
        line = where.group(1)
        message = message[: where.start()].strip()
    else:
        line = str(max(1, len(text.splitlines())))
        message = re.sub(r"\s*\(at end of document\)", " at the end of the file", message)
    return f"{source}:{line}: invalid TOML: {message}"


@dataclass(frozen=True)
class Config:
    """Options for :func:`corpusclean.repair` and :func:`corpusclean.clean`.

    >>> Config(quotes="curly").quotes
    'curly'
    >>> Config(select=["mojibake"]).select
    ('mojibake',)
    >>> Config(colour="red")
    Traceback (most recent call last):
    ...
    TypeError: Config.__init__() got an unexpected keyword argument 'colour'
    """

    #: Rules to run (None: the default set).
    select: tuple[str, ...] | None = None
    #: Rules not to run.
    ignore: tuple[str, ...] = ()
    #: Quotation marks: keep them, make them all straight, or all curly.
    quotes: str = "keep"
    #: Captions and credits inside body text: move them after the paragraph,
    #: drop them, or keep them where they are.
    captions: str = "move"
    #: Words that mix scripts: unify them, transliterate to Latin, or keep.
    scripts: str = "unify"
    #: Language of the text (a wordfreq language code) for word evidence.
    language: str = "en"
    #: Extra rule packs: built-in names ("newspaper") or TOML files.
    rules: tuple[str, ...] = ()
    #: Name registries (TOML files) for the ``names`` rule.
    names: tuple[str, ...] = ()
    #: Fuzzy-match score (0-100) above which an unseen name is a variant.
    name_threshold: float = 90.0
    #: Invalid UTF-8 in files: stop with an error, or replace bad bytes.
    errors: str = "strict"
    #: Glob patterns of paths that --recursive skips.
    exclude: tuple[str, ...] = ()
    #: Texts longer than this many characters are repaired chunk by chunk,
    #: cut at safe paragraph boundaries (see :mod:`corpusclean.chunking`).
    chunk_size: int = DEFAULT_CHUNK_SIZE
    #: Where the config came from (for messages).
    source: str = field(default="options", compare=False)
    #: Folder that relative paths in the config are relative to.
    base_dir: str = field(default=".", compare=False)

    def __post_init__(self) -> None:
        src = self.source
        set_ = object.__setattr__
        if self.select is not None:
            set_(self, "select", _tuple_of_str("select", self.select, src))
        set_(self, "ignore", _tuple_of_str("ignore", self.ignore, src))
        set_(self, "rules", _tuple_of_str("rules", self.rules, src))
        set_(self, "names", _tuple_of_str("names", self.names, src))
        set_(self, "exclude", _tuple_of_str("exclude", self.exclude, src))
        _choice("quotes", self.quotes, QUOTE_POLICIES, src)
        _choice("captions", self.captions, CAPTION_POLICIES, src)
        _choice("scripts", self.scripts, SCRIPT_POLICIES, src)
        _choice("errors", self.errors, ERROR_POLICIES, src)
        if not isinstance(self.language, str) or not self.language:
            raise ConfigError(f"{src}: 'language' must be a language code like 'en'")
        try:
            threshold = float(self.name_threshold)
        except (TypeError, ValueError):
            threshold = -1.0
        if not 0 <= threshold <= 100:
            raise ConfigError(f"{src}: 'name_threshold' must be a number from 0 to 100")
        set_(self, "name_threshold", threshold)
        if (
            isinstance(self.chunk_size, bool)
            or not isinstance(self.chunk_size, int)
            or self.chunk_size < MIN_CHUNK_SIZE
        ):
            raise ConfigError(
                f"{src}: 'chunk_size' must be a whole number of characters, at least {MIN_CHUNK_SIZE}"
            )
        from . import packs as packs_module
        from . import pipeline  # late: the rule table imports the rule modules

        # Rule packs are read here, once, so that repairing never reads files.
        loaded = [packs_module.builtin_pack("generic")]
        loaded.extend(packs_module.resolve(spec, self.base_dir) for spec in self.rules)
        set_(self, "_packs", tuple(loaded))
        set_(self, "_pack_values", packs_module.merge(loaded))

        # Names registries too: read (and indexed) once, here.
        from .names import common_words, load_registries

        registry = load_registries(self.names, self.base_dir, src)
        set_(self, "_names_registry", registry)
        set_(self, "_sentence_words", common_words(self.language) if registry else frozenset())

        for key in ("select", "ignore"):
            for name in getattr(self, key) or ():
                if name not in pipeline.RULES:
                    known = ", ".join(pipeline.RULES)
                    raise ConfigError(
                        f"{src}: '{key}' names an unknown rule {name!r} (rules: {known})"
                    )

    @property
    def packs(self) -> tuple[Any, ...]:
        """The rule packs in force: the generic pack, then ``rules``."""
        return self._packs  # type: ignore[attr-defined,no-any-return]

    @property
    def names_registry(self) -> Any:
        """The names registries in force, as one ``Registry`` (None: none)."""
        return self._names_registry  # type: ignore[attr-defined]

    @property
    def sentence_words(self) -> frozenset[str]:
        """Common words of ``language``: a name never starts with one."""
        return self._sentence_words  # type: ignore[attr-defined,no-any-return]

    def pack(self, key: str) -> tuple[str, ...]:
        """Values of ``section.key`` from every pack in force, in order."""
        return self._pack_values.get(key, ())  # type: ignore[attr-defined,no-any-return]

    # -- construction -----------------------------------------------------

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The keys a config file may hold."""
        return tuple(f.name for f in dataclasses.fields(cls) if f.name not in ("source", "base_dir"))

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], source: str = "options", base_dir: str = "."
    ) -> Config:
        """Build a config from a table; unknown keys name the key and ``source``."""
        known = set(cls.keys())
        values: dict[str, Any] = {}
        for key, value in data.items():
            norm = key.replace("-", "_")
            if norm not in known:
                raise ConfigError(
                    f"{source}: unknown key {key!r} (known keys: {', '.join(sorted(known))})"
                )
            values[norm] = value
        return cls(source=source, base_dir=base_dir, **values)

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Read a ``pyproject.toml`` (its ``[tool.corpusclean]`` table) or a
        ``corpusclean.toml`` (top-level keys)."""
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{path}: not UTF-8 at byte {exc.start}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("corpusclean", {})
            source = f"{path} [tool.corpusclean]"
        else:
            table = data.get("tool", {}).get("corpusclean", data) if "tool" in data else data
            source = str(path)
        if not isinstance(table, dict):
            raise ConfigError(f"{source}: expected a table of options")
        return cls.from_mapping(table, source=source, base_dir=str(path.parent))

    @classmethod
    def discover(cls, start: str | Path = ".") -> Config:
        """The config of the nearest ``corpusclean.toml`` or ``pyproject.toml``
        with a ``[tool.corpusclean]`` table, looking up from ``start``."""
        found = find_config_file(start)
        return cls.from_file(found) if found else cls()

    def replace(self, **changes: Any) -> Config:
        """A copy with some options changed (validated like the original)."""
        return dataclasses.replace(self, **changes)

    def rule_names(self) -> tuple[str, ...]:
        """The rules this config runs, in pipeline order."""
        from . import pipeline

        chosen = set(self.select) if self.select is not None else None
        return tuple(
            r.name
            for r in pipeline.RULES.values()
            if (chosen is None and r.default or chosen is not None and r.name in chosen)
            and r.name not in self.ignore
        )

    def resolve(self, path: str) -> Path:
        """A path from this config, relative to the config's folder."""
        p = Path(path).expanduser()
        return p if p.is_absolute() else Path(self.base_dir) / p


def find_config_file(start: str | Path = ".") -> Path | None:
    """The nearest ``corpusclean.toml``, or ``pyproject.toml`` with a
    ``[tool.corpusclean]`` table, in ``start`` or a parent folder."""
    here = Path(start).resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        own = folder / "corpusclean.toml"
        if own.is_file():
            return own
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "corpusclean" in data.get("tool", {}):
                return pyproject
        if (folder / ".git").exists():
            break
    return None
