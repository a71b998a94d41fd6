"""One input, read and repaired a chunk at a time, in bounded memory.

A file or stdin is read in blocks, decoded incrementally and fed to the same
:class:`~corpusclean.chunking.Chunker` that :func:`corpusclean.repair` uses
on a whole string; every chunk is repaired by
:func:`~corpusclean.pipeline.repair_chunk`, so the output of a stream equals
the output of repairing the whole text, by construction.  Memory holds one
window of text (about ``2 * chunk_size`` characters) and its repair, however
large the input.

A file larger than one block is first read once to find NUL bytes (a binary
file is skipped) and, unless ``--errors replace``, invalid UTF-8, so that
nothing is written before such a file is refused.  Stdin cannot be read
twice: invalid UTF-8 late in a long stream is reported after the chunks
before it were written.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..chunking import iter_chunks
from ..config import Config
from ..pipeline import repair_chunk
from .files import InputError, Rewrite, Skipped, invalid_utf8, open_binary, read_text
from .report import Position, json_records, text_lines, unified_diff

__all__ = ["BLOCK", "Outcome", "process", "text_blocks"]

#: Bytes read at a time.
BLOCK = 1 << 20


@dataclass
class Outcome:
    """What happened to one input."""

    name: str
    changed: bool = False
    output: str | bytes = ""  # cleaned text, report lines or diff (when not written as it came)
    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    count: int = 0
    spool_file: str | None = None  # output left in a file by a worker process


class _Utf8:
    """An incremental UTF-8 decoder whose errors name the input and the byte."""

    def __init__(self, name: str, errors: str) -> None:
        self.name = name
        self.errors = errors
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors)
        self._fed = 0

    def __call__(self, data: bytes, final: bool = False) -> str:
        held = len(self._decoder.getstate()[0])
        try:
            text = self._decoder.decode(data, final)
        except UnicodeDecodeError as exc:
            raise invalid_utf8(self.name, self._fed - held + exc.start) from None
        self._fed += len(data)
        return text


def _prescan(fh: BinaryIO, name: str, errors: str, block: int) -> None:
    check = _Utf8(name, errors) if errors == "strict" else None
    while True:
        data = fh.read(block)
        if b"\x00" in data:
            raise Skipped(f"{name}: binary file (NUL bytes), skipped")
        if check is not None:
            check(data, final=not data)
        if not data:
            return


def _blocks(fh: BinaryIO, name: str, errors: str, block: int) -> Iterator[str]:
    utf8 = _Utf8(name, errors)
    while True:
        data = fh.read(block)
        text = utf8(data, final=not data)
        if text:
            yield text
        if not data:
            return


def text_blocks(name: str, errors: str = "strict", block: int = BLOCK) -> Iterator[str]:
    """The decoded text of a file, or of stdin for ``"-"``, a block at a time.

    Raises :class:`InputError` or :class:`Skipped` (with the messages of
    :func:`files.read_text`) before yielding anything for a file."""
    if name == "-":
        yield from _blocks(sys.stdin.buffer, "<stdin>", errors, block)
        return
    path = Path(name)
    try:
        st = path.stat()
    except OSError:
        st = None
    if st is None or not stat.S_ISREG(st.st_mode) or st.st_size <= block:
        yield read_text(path, errors)  # small, missing, odd: the one-read path
        return
    with open_binary(path) as fh:
        _prescan(fh, name, errors, block)
        fh.seek(0)
        yield from _blocks(fh, name, errors, block)


def input_size(name: str) -> int:
    """Bytes in a file (0 for stdin or a path that cannot be read)."""
    if name == "-":
        return 0
    try:
        return os.stat(name).st_size
    except OSError:
        return 0


def process(
    command: str,
    name: str,
    config: Config,
    fmt: str = "text",
    diff: bool = False,
    write: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Outcome:
    """Clean, check or fix one input (a path or ``"-"``), chunk by chunk.

    With ``write``, output (cleaned text, report lines, diff) goes there as
    each chunk is done; otherwise it is collected in ``Outcome.output``.
    ``progress`` is told how many characters each chunk held.
    """
    label = "<stdin>" if name == "-" else name
    out = Outcome(label)
    collected: list[str] = []
    emit = write if write is not None else collected.append
    want_edits = command != "clean"
    pos = Position()
    rewrite = Rewrite(Path(name), config.chunk_size) if command == "fix" else None
    differ = _Differ(label, emit)
    try:
        for chunk, sep in iter_chunks(text_blocks(name, config.errors), config.chunk_size):
            result = repair_chunk(chunk, config, want_edits)
            changed = result.text != chunk
            out.changed = out.changed or changed
            out.count += len(result.edits)
            if command == "clean":
                emit(result.text + sep)
            elif rewrite is not None:
                rewrite.write(result.text + sep)
            elif diff:
                differ.add(chunk + sep, result.text + sep)
            elif fmt == "json":
                out.records.extend(json_records(label, chunk, result.edits, result.notes, pos))
            else:
                emit("".join(line + "\n" for line in text_lines(label, chunk, result.edits, result.notes, pos)))
            pos = pos.after(chunk + sep)
            if progress is not None:
                progress(len(chunk) + len(sep))
        if diff:
            differ.flush()
        if rewrite is not None:
            rewrite.finish(out.changed)
    except Skipped as exc:
        out.skipped = str(exc)
    except InputError as exc:
        out.error = str(exc)
        out.changed = False if command == "fix" else out.changed
    finally:
        if rewrite is not None:
            rewrite.abort()  # nothing left to remove after finish
    if write is None:
        out.output = "".join(collected)
    return out


class _Differ:
    """A unified diff of a file that comes a chunk at a time: chunks are
    diffed in groups that end at a line end, with line numbers of the whole."""

    def __init__(self, label: str, emit: Callable[[str], None]) -> None:
        self.label = label
        self.emit = emit
        self.old: list[str] = []
        self.new: list[str] = []
        self.old_line = self.new_line = 1
        self.started = False

    def add(self, before: str, after: str) -> None:
        self.old.append(before)
        self.new.append(after)
        if before.endswith("\n"):
            self.flush()

    def flush(self) -> None:
        before, after = "".join(self.old), "".join(self.new)
        self.old, self.new = [], []
        if before != after:
            self.emit(unified_diff(self.label, before, after, self.old_line, self.new_line, header=not self.started))
            self.started = True
        self.old_line += before.count("\n")
        self.new_line += after.count("\n")
