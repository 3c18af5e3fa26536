"""A bounded pool for engine work, shared by a front's requests, that sheds load.

asyncio's default pool is shared with everything else the process runs in threads (the
database checks before a deferral among them), so heavy engine work there delays the
3-second answers. Engine work runs here instead: `workers` threads and at most
`max_in_flight` requests admitted at once; past that `submit` raises `Busy` (an InputError
whose message the front shows) at once, rather than queueing a request that would miss its
deadline anyway.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from bot.core.validation import InputError

T = TypeVar("T")

BUSY = "Framecraft is busy right now; please try again in a few seconds."


class Busy(InputError):
    """Every slot is taken: the request is refused at once instead of waiting."""

    def __init__(self) -> None:
        super().__init__(BUSY)


class EngineWorkers:
    """`workers` threads for engine work, at most `max_in_flight` requests admitted."""

    def __init__(self, workers: int = 4, max_in_flight: int = 64, name: str = "engine"):
        if workers < 1 or max_in_flight < workers:
            raise ValueError("need workers >= 1 and max_in_flight >= workers")
        self.workers = workers
        self.max_in_flight = max_in_flight
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=name)
        self._slots = threading.BoundedSemaphore(max_in_flight)

    def submit(self, fn: Callable[[], T]) -> Future[T]:
        """Run `fn` on the pool; raises Busy when `max_in_flight` requests are admitted."""
        if not self._slots.acquire(blocking=False):
            raise Busy
        try:
            future = self._pool.submit(fn)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _f: self._slots.release())
        return future

    async def run(self, fn: Callable[[], T]) -> T:
        """`fn`'s result, awaited from the event loop; raises Busy at once when full."""
        return await asyncio.wrap_future(self.submit(fn))

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
