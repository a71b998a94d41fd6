"""What the command line says on stderr: messages and a progress bar.

The progress bar (tqdm) counts the bytes of the inputs done.  It is drawn
only when stderr is a terminal, not with ``-q``, and only once a run has
lasted a second, so short runs and pipes never see it; messages printed
while it is up go above it.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

__all__ = ["Console"]

#: Seconds a run lasts before its progress bar appears.
BAR_DELAY = 1.0


class Console:
    """Messages on stderr, and a progress bar over ``total`` bytes."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self._bar: Any = None

    def start(self, total: int, unit: str = "B") -> None:
        """Show progress over ``total`` units, if stderr is a terminal."""
        isatty = getattr(self.stream, "isatty", None)
        if self.quiet or total <= 0 or not (isatty and isatty()):
            return
        import tqdm

        tqdm.tqdm.monitor_interval = 0  # no monitor thread
        self._bar = tqdm.tqdm(
            total=total,
            unit=unit,
            unit_scale=True,
            unit_divisor=1024,
            file=self.stream,
            delay=BAR_DELAY,
            leave=False,
            desc="corpusclean",
            dynamic_ncols=True,
        )

    def advance(self, amount: int) -> None:
        if self._bar is not None and amount > 0:
            self._bar.update(amount)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def _print(self, text: str) -> None:
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream)

    def error(self, text: str) -> None:
        """Always shown."""
        self._print(f"corpusclean: error: {text}")

    def info(self, text: str, prefix: bool = True) -> None:
        """Not shown with ``-q``."""
        if not self.quiet:
            self._print(f"corpusclean: {text}" if prefix else text)
