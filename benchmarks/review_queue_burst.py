"""A review channel flooded with 100 prompts a minute: does the bot stay in budget and current?

Simulated time (the queue's clock) with the real engine doing each compact review, so the
figures show both the budget's behaviour and what a review costs. Prints posts per minute in the
busiest 60-second window, the longest a reviewed prompt waited, how many were dropped and
reported, and the p50/p95 of `engine.compact_review`.
Run: .venv/bin/python benchmarks/review_queue_burst.py
"""

from __future__ import annotations

import statistics
import time

from bot.core.engine import Engine
from bot.core.review_channels import ReviewJob, ReviewQueue, Skipped
from bot.core.review_channels.queue import CHANNEL_BURST, MAX_WAIT_S, PER_CHANNEL_PER_MINUTE

RATE = 100 / 60  # prompts a second into the busy channel
MINUTES = 3


class Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def main() -> None:
    engine = Engine()
    prompts = [e.prompt for e in engine.kb.gallery.values()]
    clock = Clock()
    queue = ReviewQueue(clock=clock)
    posts: list[tuple[float, str]] = []
    lags: list[float] = []
    costs: list[float] = []
    sent = dropped_reported = 0
    next_in, quiet_next = 0.0, 30.0
    while clock.t < MINUTES * 60 + MAX_WAIT_S + 5:
        while clock.t >= next_in and next_in < MINUTES * 60:
            queue.submit(ReviewJob(key=f"busy:{sent}", channel="busy",
                                   text=prompts[sent % len(prompts)], payload=next_in))
            sent += 1
            next_in += 1 / RATE
        if clock.t >= quiet_next and quiet_next < MINUTES * 60:
            queue.submit(ReviewJob(key=f"quiet:{quiet_next}", channel="quiet",
                                   text=prompts[0], payload=quiet_next))
            quiet_next += 45
        for action in queue.take():
            if isinstance(action, Skipped):
                dropped_reported += action.count
                posts.append((clock.t, action.channel))
                continue
            start = time.perf_counter()
            engine.compact_review(action.text)
            costs.append((time.perf_counter() - start) * 1000)
            lags.append(clock.t - action.payload)
            posts.append((clock.t, action.channel))
        clock.t += 0.25
    busiest = max(sum(1 for t, c in posts if c == "busy" and s <= t < s + 60)
                  for s, _ in posts)
    costs.sort()
    print(f"flood: {sent} prompts in {MINUTES} min into one channel ({RATE * 60:.0f}/min), "
          f"plus a quiet channel; budget {PER_CHANNEL_PER_MINUTE}/min per channel, "
          f"burst {CHANNEL_BURST}, max wait {MAX_WAIT_S:.0f} s")
    print(f"posts in the busiest 60 s window of the busy channel: {busiest} "
          f"(budget allows {PER_CHANNEL_PER_MINUTE + CHANNEL_BURST})")
    print(f"reviewed {len(lags)}, dropped and reported {dropped_reported} "
          f"({queue.stats.notices} busy notices), pending {queue.pending()}")
    print(f"lag before a review: p50 {statistics.median(lags):.1f} s, max {max(lags):.1f} s "
          f"(target <= 60 s)")
    print(f"compact_review: p50 {statistics.median(costs):.2f} ms, "
          f"p95 {costs[int(len(costs) * 0.95) - 1]:.2f} ms")


if __name__ == "__main__":
    main()
