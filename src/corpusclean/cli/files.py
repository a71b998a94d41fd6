"""Reading and writing the files the command line works on.

Reading never guesses: a file is UTF-8 (with or without a byte-order mark),
or it is an error that names the byte where decoding failed, unless the user
asked for ``--errors replace``.  Files holding NUL bytes are binary and are
skipped.  Writing is atomic: a temporary file in the same folder, flushed to
disk, given the original's mode, then renamed over the original, so a crash,
a full disk or an interrupt leaves either the old file or the new one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Skipped", "decode", "read_text", "write_atomic"]


class InputError(Exception):
    """A file that cannot be processed; the message names it."""


class Skipped(Exception):
    """A path that is reported and skipped (binary file, symlink...)."""


@dataclass(frozen=True)
class Source:
    """A text to clean and where it came from."""

    name: str
    text: str
    path: Path | None = None


def decode(data: bytes, name: str, errors: str = "strict") -> str:
    """Decode UTF-8, naming the file and byte offset on failure.

    >>> decode(b"caf\\xc3\\xa9", "x.txt")
    'café'
    >>> decode(b"bad \\xff byte", "x.txt")
    Traceback (most recent call last):
    ...
    corpusclean.cli.files.InputError: x.txt: invalid UTF-8 at byte 4 (use --errors replace to go on with U+FFFD in its place)
    >>> decode(b"bad \\xff byte", "x.txt", errors="replace")
    'bad \\ufffd byte'
    """
    try:
        return data.decode("utf-8", errors=errors)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: invalid UTF-8 at byte {exc.start}"
            " (use --errors replace to go on with U+FFFD in its place)"
        ) from None


def read_text(path: Path, errors: str = "strict") -> str:
    """Read a text file, or raise InputError / Skipped with a clear message."""
    name = str(path)
    try:
        if path.is_symlink() and not path.exists():
            raise InputError(f"{name}: broken symbolic link")
        if path.is_dir():
            raise InputError(f"{name}: is a directory (use --recursive to clean the files in it)")
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise Skipped(f"{name}: not a regular file, skipped")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory (use --recursive to clean the files in it)") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if b"\x00" in data:
        raise Skipped(f"{name}: binary file (NUL bytes), skipped")
    return decode(data, name, errors)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, keeping its mode.

    On any failure the original file is untouched and the temporary file is
    removed; the error names the file.
    """
    data = text.encode("utf-8", errors="surrogateescape")
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".corpusclean", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
        tmp_name = None
    except OSError as exc:
        raise InputError(f"{path}: cannot write, file left unchanged: {exc.strerror or exc}") from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
