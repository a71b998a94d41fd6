"""Which inputs a run works on: paths as given, or the files under folders.

A path given on the command line is processed unless it is a symbolic link
(reported and skipped: corpusclean rewrites files, not what links point to)
or a folder without ``--recursive`` (an error).  ``--recursive`` walks a
folder in sorted order and skips, without a word, hidden files and folders
(``.git``, ``.venv``...) and paths matching an ``exclude`` pattern; symbolic
links met on the way are reported and skipped.  Binary files are found when
they are read (see ``files.read_text``).

Exclude patterns are globs matched like :meth:`pathlib.PurePath.match`:
from the right, so ``*.log`` skips every ``.log`` file and ``drafts`` or
``seeds/raw/*`` skip a folder wherever it sits; a pattern that matches a
folder skips everything inside it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from .files import IS_A_DIRECTORY

__all__ = ["Target", "discover", "excluded"]


@dataclass(frozen=True)
class Target:
    """One input: a path (``"-"`` is stdin), or a problem to report."""

    name: str
    error: str | None = None  # reported, exit 2
    skipped: str | None = None  # reported, exit unaffected

    @property
    def is_stdin(self) -> bool:
        return self.name == "-"


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Does any glob in ``patterns`` match ``path`` (from the right)?

    >>> excluded("corpus/drafts/a.txt", ["drafts"])
    False
    >>> excluded("corpus/drafts", ["drafts"]), excluded("corpus/a.log", ["*.log"])
    (True, True)
    """
    pure = PurePath(path)
    return any(pure.match(p) for p in patterns)


def _walk(top: str, exclude: Sequence[str]) -> Iterator[Target]:
    for folder, dirs, files in os.walk(top, followlinks=False):
        keep = []
        for d in sorted(dirs):
            full = os.path.join(folder, d)
            if d.startswith(".") or excluded(full, exclude):
                continue
            if os.path.islink(full):
                yield Target(full, skipped=f"{full}: symbolic link, skipped")
                continue
            keep.append(d)
        dirs[:] = keep
        for f in sorted(files):
            full = os.path.join(folder, f)
            if f.startswith(".") or excluded(full, exclude):
                continue
            if os.path.islink(full):
                yield Target(full, skipped=f"{full}: symbolic link, skipped")
                continue
            yield Target(full)


def discover(paths: Iterable[str], recursive: bool = False, exclude: Sequence[str] = ()) -> Iterator[Target]:
    """The inputs named by ``paths``, in order (folders walked when
    ``recursive``)."""
    for name in paths:
        if name == "-":
            yield Target(name)
            continue
        path = Path(name)
        if path.is_symlink():
            if not path.exists():
                yield Target(name, error=f"{name}: broken symbolic link")
            else:
                yield Target(name, skipped=f"{name}: symbolic link, skipped (name the file it points to)")
        elif path.is_dir():
            if recursive:
                yield from _walk(name, exclude)
            else:
                yield Target(name, error=f"{name}: {IS_A_DIRECTORY}")
        else:
            yield Target(name)  # missing, unreadable or binary: found when read
