"""Rule packs: the patterns that are data, not code.

A rule pack is a TOML file: jump-line forms, photo agencies, caption lead-ins,
speaker labels, running heads.  corpusclean ships a ``generic`` pack (always
on) and a ``newspaper`` pack, inside the wheel; users add their own with
``--rules FILE`` or ``rules = [...]`` in the config.  Loading checks the schema
and names the file, the line and the key of any mistake.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .config import ConfigError, toml_error

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["RulePack", "PackError", "load_pack", "builtin_pack", "builtin_pack_names", "merge"]

#: The keys a pack may hold: section -> key -> kind ("patterns": regular
#: expressions, "words": literal strings).
SCHEMA: dict[str, dict[str, str]] = {
    "pack": {"name": "string", "description": "string"},
    "furniture": {
        "jump_lines": "patterns",  # "Continued on Page 12", "From Page 1"
        "jump_targets": "patterns",  # continuation markers: "From Page 1"
        "running_heads": "patterns",  # known running heads and section banners
        "folios": "patterns",  # page numbers and folio lines
        "masthead": "patterns",  # masthead, edition, price, date lines
    },
    "captions": {
        "agencies": "words",  # photo agencies and wire services
        "photo_agencies": "words",  # "Getty Images": a credit alone, as written
        "institutions": "words",  # "MINISTRY": bodies that credit their own photographs
        "lead_ins": "words",  # "Far left,", "Above,"
        "credit_patterns": "patterns",  # whole credit lines
        "taglines": "patterns",  # "X contributed reporting."
        "source_lines": "patterns",  # "Source: ..."
        "figure_captions": "patterns",  # "Figure 1: ...", "Table 3. ..."
    },
    "transcripts": {
        "speaker_labels": "patterns",  # "Q:", "FK:", "MODERATOR:"
    },
    "entries": {
        "heads": "patterns",  # "ABAFT, adv.": a glossary or dictionary entry opens
    },
    "web": {
        "residue": "patterns",  # "Read the entire report here." (reported)
        "post_headers": "patterns",  # "**ana_b** replied", "ana_b wrote:": a post opens
    },
}


class PackError(ConfigError):
    """A rule pack with a syntax or schema error."""


@dataclass(frozen=True)
class RulePack:
    """A loaded rule pack: its name, source and values by ``section.key``."""

    name: str
    source: str
    values: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, key: str) -> tuple[str, ...]:
        return tuple(self.values.get(key, ()))


def _line_of(text: str, section: str, key: str | None) -> int:
    """The line where ``key`` (or the section header) is written."""
    lines = text.splitlines()
    in_section = section == ""
    header = re.compile(r"^\s*\[\s*" + re.escape(section) + r"\s*\]\s*$")
    for number, line in enumerate(lines, 1):
        if header.match(line):
            in_section = True
            if key is None:
                return number
            continue
        if in_section and re.match(r"^\s*\[", line):
            in_section = False
        if in_section and key is not None and re.match(r"^\s*" + re.escape(key) + r"\s*=", line):
            return number
    return 1


def parse_pack(text: str, source: str) -> RulePack:
    """Parse and check a pack's TOML text; ``source`` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(toml_error(exc, text, source)) from None
    values: dict[str, tuple[str, ...]] = {}
    name = Path(source).stem
    for section, table in data.items():
        if section not in SCHEMA:
            line = _line_of(text, section, None)
            raise PackError(
                f"{source}:{line}: unknown section [{section}] "
                f"(sections: {', '.join(s for s in SCHEMA)})"
            )
        if not isinstance(table, dict):
            raise PackError(f"{source}:{_line_of(text, '', section)}: '{section}' must be a table")
        for key, value in table.items():
            line = _line_of(text, section, key)
            kind = SCHEMA[section].get(key)
            if kind is None:
                raise PackError(
                    f"{source}:{line}: unknown key '{section}.{key}' "
                    f"(keys of [{section}]: {', '.join(SCHEMA[section])})"
                )
            if kind == "string":
                if not isinstance(value, str):
                    raise PackError(f"{source}:{line}: '{section}.{key}' must be a string")
                if key == "name":
                    name = value
                continue
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise PackError(f"{source}:{line}: '{section}.{key}' must be a list of strings")
            if kind == "patterns":
                for pattern in value:
                    try:
                        re.compile(pattern)
                    except re.error as exc:
                        raise PackError(
                            f"{source}:{line}: '{section}.{key}' has a bad pattern {pattern!r}: {exc}"
                        ) from None
            values[f"{section}.{key}"] = tuple(value)
    return RulePack(name=name, source=source, values=values)


def load_pack(path: str | Path) -> RulePack:
    """Load a pack file, or raise PackError naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"{path}: rule pack not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read rule pack: {exc}") from None
    return parse_pack(text, str(path))


def _builtin_dir() -> Path:
    """Where the shipped packs are: inside the installed package, or the
    ``rules/`` folder of a source checkout."""
    inside = resources.files("corpusclean") / "rules"
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parent.parent.parent / "rules"


def builtin_pack_names() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in _builtin_dir().glob("*.toml")))


@lru_cache(maxsize=None)
def builtin_pack(name: str) -> RulePack:
    """A pack shipped with corpusclean, read once per process."""
    path = _builtin_dir() / f"{name}.toml"
    if not path.is_file():
        raise PackError(
            f"no built-in rule pack {name!r} (built-in packs: {', '.join(builtin_pack_names())})"
        )
    return load_pack(path)


def resolve(spec: str, base_dir: str = ".") -> RulePack:
    """A pack named by a config: a built-in name or a path to a TOML file."""
    if "/" not in spec and "\\" not in spec and not spec.endswith(".toml"):
        return builtin_pack(spec)
    path = Path(spec).expanduser()
    if not path.is_absolute():
        path = Path(base_dir) / path
    return load_pack(path)


def merge(packs: Iterable[RulePack]) -> dict[str, tuple[str, ...]]:
    """All packs' values together, by ``section.key``, in pack order."""
    out: dict[str, list[str]] = {}
    for pack in packs:
        for key, value in pack.values.items():
            out.setdefault(key, []).extend(v for v in value if v not in out.get(key, ()))
    return {k: tuple(v) for k, v in out.items()}
