"""Bounded cost per article: a time bound for extraction, a memory ceiling for worker processes
(and a headroom for extraction in the ingest process itself).

An article whose extraction runs past its time bound, or past a worker's memory ceiling, becomes a
rejection with reason ``too-costly`` (``newsclaims extract``: exit code 4), never a lost batch or a
machine brought to its knees. The bound grows with the text, so a long ordinary article gets the
time it needs: ``seconds_for(chars)`` is several times what ordinary French text takes on one core.

The time bound is a SIGALRM timer whose handler raises ``TooCostly`` in the main thread of the
process that extracts (the CLI, or each ingest worker); spaCy's native code returns to Python at
least once per chunk of text (``pipeline.CHUNK_CHARS``), and no longer stalls on one token since
``newsclaims.tokenizer`` bounds its pieces, so the bound is met within about a chunk's work.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from types import FrameType

from newsclaims.errors import EXIT_COSTLY, InputError

BASE_SECONDS = 30.0  # start-up of the first chunk, a slow machine, a busy one
CHARS_PER_SECOND = 5_000.0  # ordinary French runs at about 30,000 characters a second on one core
MIN_MEMORY = 2 << 30  # a worker holds about 1 GB once the French model is loaded
MAX_DEFAULT_MEMORY = 8 << 30
REPEAT_SECONDS = 0.05  # an expired bound fires again this often until its block ends


class TooCostly(InputError):
    """The article costs more time or memory than its bound."""

    exit_code = EXIT_COSTLY

    def __init__(self, detail: str) -> None:
        super().__init__("too-costly", detail)


@dataclass(frozen=True)
class Limits:
    """The bounds of one process: ``seconds`` fixed per article (None: ``seconds_for`` its length)."""

    seconds: float | None = None
    memory: int | None = None  # bytes of address space; None: no ceiling

    def seconds_for(self, chars: int) -> float:
        return self.seconds if self.seconds is not None else seconds_for(chars)


_limits = Limits()


def configure(limits: Limits) -> None:
    """Set this process's bounds; the memory ceiling applies to the whole process from now on."""
    global _limits
    _limits = limits
    if limits.memory is not None:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        ceiling = limits.memory if hard == resource.RLIM_INFINITY else min(limits.memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def current() -> Limits:
    return _limits


@contextlib.contextmanager
def configured(limits: Limits) -> Iterator[None]:
    """This process's time bounds for the block only (never a memory ceiling: it would outlive it)."""
    global _limits
    previous, _limits = _limits, Limits(seconds=limits.seconds)
    try:
        yield
    finally:
        _limits = previous


@contextlib.contextmanager
def memory_headroom(limit: int | None) -> Iterator[None]:
    """The block may grow this process's address space by ``limit`` bytes at most: past it an
    allocation raises MemoryError, which the caller turns into a ``too-costly`` rejection. For
    extraction in a process that also holds the store (``ingest`` with one worker), which cannot take
    a ceiling for its whole life; no bound where the address space cannot be read (not Linux)."""
    used = _address_space()
    if limit is None or used is None:
        yield
        return
    global _limits
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = min(c for c in (used + limit, soft, hard) if c != resource.RLIM_INFINITY)
    previous = _limits
    _limits = Limits(seconds=previous.seconds, memory=limit)  # what a rejection's reason names
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        _limits = previous


def _address_space() -> int | None:
    """This process's address space in bytes (what RLIMIT_AS bounds), or None where unknown."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def seconds_for(chars: int) -> float:
    """The default time bound of one article of ``chars`` characters."""
    return BASE_SECONDS + chars / CHARS_PER_SECOND


def default_memory(workers: int) -> int:
    """A worker's default memory ceiling: its share of the machine's memory, within bounds."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return MAX_DEFAULT_MEMORY
    return max(MIN_MEMORY, min(MAX_DEFAULT_MEMORY, int(total * 0.75) // max(1, workers)))


class _Expired(BaseException):
    """Raised by the timer inside whatever runs; a BaseException so that no ``except Exception`` on
    the way (spaCy's, ours) swallows it before ``time_limit`` turns it into TooCostly."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooCostly in the block once it has run ``seconds``; no bound outside the main thread
    or where there is no SIGALRM (the block then runs unbounded). Nests: an inner bound never
    outlives the outer one.

    Once expired, the timer fires again every ``REPEAT_SECONDS`` until the block ends: Python drops
    an exception raised where it cannot propagate (a gc callback, a ``__del__``), and the signal may
    land there."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left < seconds:
        seconds = outer_left
    done = False

    def expire(_signum: int, _frame: FrameType | None) -> None:
        if not done:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), REPEAT_SECONDS)
    try:
        try:
            yield
        finally:
            done = True  # from here on a late signal is ignored, not raised in the clean-up
    except _Expired:
        raise TooCostly(f"extraction ran past its bound of {seconds:.3g} s") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:
            # The outer bound keeps running: what was left of it, less what this block took.
            left = max(0.001, outer_left - (time.monotonic() - started))
            signal.setitimer(signal.ITIMER_REAL, left, REPEAT_SECONDS)


def too_costly(exc: BaseException) -> TooCostly:
    """TooCostly for an article that ran out of time or memory."""
    if isinstance(exc, TooCostly):
        return exc
    return TooCostly(f"extraction ran out of memory (the ceiling is {_ceiling()})")


def _ceiling() -> str:
    memory = _limits.memory
    return f"{memory / (1 << 30):.1f} GB" if memory else "the machine's memory"
