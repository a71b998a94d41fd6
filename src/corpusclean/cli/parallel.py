"""Running work in parallel worker processes, results in input order.

:class:`Workers` is a process pool (``concurrent.futures``) whose workers
receive the run's :class:`~corpusclean.Config` once, when they start, so rule
packs are never loaded again per task.  :meth:`Workers.run` takes tasks in
order and gives their results back in the same order, keeping only a few
tasks in flight so memory stays bounded; a task may also be marked to run in
the calling process (a file streamed to stdout) when its turn comes.

Workers ignore SIGINT: on Ctrl-C the calling process cancels what has not
started, waits for the tasks that are running (each finishes its file,
atomically) and stops.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

from ..config import Config

__all__ = ["Workers", "available_cores", "Local"]

T = TypeVar("T")

_config: Config | None = None


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _start_worker(config: Config) -> None:
    global _config
    _config = config
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call(func: Callable[[Any, Config], T], item: Any) -> T:
    assert _config is not None
    return func(item, _config)


class Local:
    """A task that runs in the calling process, in its turn."""

    def __init__(self, func: Callable[[], Any]) -> None:
        self.func = func


def _context() -> Any:
    """Fork where it is safe and cheap (Linux): workers start at once with
    corpusclean already imported.  The pool starts all its workers before its
    own thread, and the command line runs no other thread (tqdm's monitor is
    off), so nothing is forked in a half-held lock.  Elsewhere, a fork server
    that imports corpusclean once, or the platform's default."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    if sys.platform == "darwin":  # pragma: no cover
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["corpusclean.cli.main"])
        return ctx
    return multiprocessing.get_context()  # pragma: no cover


class Workers:
    """``jobs`` worker processes (none when ``jobs`` is 1) sharing ``config``."""

    def __init__(self, jobs: int, config: Config) -> None:
        self.jobs = max(1, jobs)
        self.config = config
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._pool is not None:
            # on an interrupt or error: drop what has not started, let running
            # tasks finish (a file being written is written whole)
            self._pool.shutdown(wait=True, cancel_futures=exc_type is not None)
            self._pool = None

    def _submit(self, func: Callable[[Any, Config], T], item: Any) -> Future[T]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=_context(),
                initializer=_start_worker,
                initargs=(self.config,),
            )
        return self._pool.submit(_call, func, item)

    def run(
        self, func: Callable[[Any, Config], T], items: Iterable[Any], ahead: int | None = None
    ) -> Iterator[T]:
        """``func(item, config)`` for every item, results in order.

        An item that is a :class:`Local` runs here instead, when its turn
        comes.  With one job everything runs here, without a pool.
        """
        if self.jobs == 1:
            for item in items:
                yield item.func() if isinstance(item, Local) else func(item, self.config)
            return
        ahead = ahead or 4 * self.jobs
        pending: deque[Future[T] | Local] = deque()
        source = iter(items)

        def refill() -> None:
            while len(pending) < ahead:
                item = next(source, _END)
                if item is _END:
                    return
                pending.append(item if isinstance(item, Local) else self._submit(func, item))

        refill()
        while pending:
            head = pending.popleft()
            result = head.func() if isinstance(head, Local) else head.result()
            refill()
            yield result


_END = object()
