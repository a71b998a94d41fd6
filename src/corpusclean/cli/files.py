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
from typing import BinaryIO

__all__ = ["AtomicFile", "Rewrite", "InputError", "Skipped", "decode", "read_text", "write_atomic"]


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
        raise invalid_utf8(name, exc.start) from None


def invalid_utf8(name: str, byte: int) -> InputError:
    """The error for invalid UTF-8 at ``byte`` of the input ``name``."""
    return InputError(
        f"{name}: invalid UTF-8 at byte {byte} (use --errors replace to go on with U+FFFD in its place)"
    )


IS_A_DIRECTORY = "is a directory (use --recursive to clean the files in it)"


def cannot_read(name: str, exc: OSError) -> InputError:
    """The error for an input that the system refused to read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(exc, PermissionError):
        return InputError(f"{name}: permission denied")
    if isinstance(exc, IsADirectoryError):
        return InputError(f"{name}: {IS_A_DIRECTORY}")
    return InputError(f"{name}: cannot read: {exc.strerror or exc}")


def open_binary(path: Path) -> BinaryIO:
    """Open an input for reading bytes, or raise InputError naming it."""
    try:
        return open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        raise cannot_read(str(path), exc) from None


def read_text(path: Path, errors: str = "strict") -> str:
    """Read a text file, or raise InputError / Skipped with a clear message."""
    name = str(path)
    try:
        if path.is_symlink() and not path.exists():
            raise InputError(f"{name}: broken symbolic link")
        if path.is_dir():
            raise InputError(f"{name}: {IS_A_DIRECTORY}")
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise Skipped(f"{name}: not a regular file, skipped")
        data = path.read_bytes()
    except OSError as exc:
        raise cannot_read(name, exc) from None
    if b"\x00" in data:
        raise Skipped(f"{name}: binary file (NUL bytes), skipped")
    return decode(data, name, errors)


class AtomicFile:
    """A file written beside ``path`` and renamed over it on :meth:`commit`.

    The temporary file is made on the first :meth:`write`; :meth:`abort`
    (or leaving a ``with`` block by an exception, an interrupt included)
    removes it, and the original is never touched until the rename.  Errors
    name ``path`` and say the file was left unchanged.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._target = path.resolve() if path.is_symlink() else path
        try:
            self._mode = stat.S_IMODE(self._target.stat().st_mode)
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        self._fh: BinaryIO | None = None
        self._tmp: str | None = None

    def _fail(self, exc: OSError) -> InputError:
        self.abort()
        return InputError(f"{self.path}: cannot write, file left unchanged: {exc.strerror or exc}")

    def write(self, text: str) -> None:
        data = text.encode("utf-8", errors="surrogateescape")
        try:
            if self._fh is None:
                fd, self._tmp = tempfile.mkstemp(
                    prefix=f".{self._target.name}.", suffix=".corpusclean", dir=self._target.parent
                )
                self._fh = os.fdopen(fd, "wb")
            self._fh.write(data)
        except OSError as exc:
            raise self._fail(exc) from None

    def commit(self) -> None:
        """Flush to disk, give the original's mode, rename over the original."""
        if self._fh is None:
            self.write("")
        assert self._fh is not None and self._tmp is not None
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            os.chmod(self._tmp, self._mode)
            os.replace(self._tmp, self._target)
            self._tmp = None
        except OSError as exc:
            raise self._fail(exc) from None

    def abort(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
        self._fh = None
        self._tmp = None

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.abort()  # after commit there is nothing left to remove


class Rewrite:
    """The new content of a file that comes a piece at a time.

    Pieces are held in memory until they outgrow ``limit`` characters and
    then go to an :class:`AtomicFile`; :meth:`finish` replaces the file when
    it ``changed`` and otherwise leaves it untouched, so a file that needs
    no repair is never written.
    """

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self._held: list[str] = []
        self._size = 0
        self._file: AtomicFile | None = None

    def write(self, text: str) -> None:
        self._held.append(text)
        self._size += len(text)
        if self._size > self.limit:
            if self._file is None:
                self._file = AtomicFile(self.path)
            self._file.write("".join(self._held))
            self._held = []
            self._size = 0

    def finish(self, changed: bool) -> None:
        if not changed:
            self.abort()
        elif self._file is None:
            write_atomic(self.path, "".join(self._held))
        else:
            self._file.write("".join(self._held))
            self._file.commit()
            self._file = None

    def abort(self) -> None:
        if self._file is not None:
            self._file.abort()
            self._file = None


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, keeping its mode.

    On any failure the original file is untouched and the temporary file is
    removed; the error names the file.
    """
    with AtomicFile(path) as out:
        out.write(text)
        out.commit()
