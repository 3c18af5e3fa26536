"""Print how well review channels tell prompts from chat (tests/data/review_messages.yaml).

Precision matters most (the bot answers unasked: a false "prompt" is noise in the channel);
target >= 0.95, recall >= 0.85. Prints precision, recall and F1 on the dev split (tuned on),
the held-out split (never tuned on) and all; a confusion table by category; every
misclassified message; and the classification latency.

    .venv/bin/python benchmarks/prompt_detection.py [--split dev|held_out|all]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml
from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.review_channels.detect import MessageVerdict, classify_message  # noqa: E402

MESSAGES_FILE = Path(__file__).resolve().parents[1] / "tests" / "data" / "review_messages.yaml"
MULTILINGUAL_CHAT = MESSAGES_FILE.parent / "review_chat_multilingual.yaml"
MULTILINGUAL_PROMPTS = (Path(__file__).resolve().parent / "data" / "external"
                        / "components_multilingual.yaml")


class LabelledMessage(BaseModel):
    text: str
    label: str
    category: str
    split: str

    @property
    def is_prompt(self) -> bool:
        return self.label == "prompt"


def load_messages(path: Path = MESSAGES_FILE) -> list[LabelledMessage]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [LabelledMessage.model_validate(m) for m in data["messages"]]


class Scores(BaseModel):
    n: int
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load_multilingual(chat: Path = MULTILINGUAL_CHAT,
                      prompts: Path = MULTILINGUAL_PROMPTS) -> list[LabelledMessage]:
    """Chinese, Spanish and Japanese messages: chat written for the detector (see the file's
    note) and, as prompts, the external labelled prompts (a prompt's split is its own)."""
    out = [LabelledMessage(text=m["text"], label="chat", category=f"chat-{m['lang']}",
                           split=m["split"])
           for m in yaml.safe_load(chat.read_text(encoding="utf-8"))["messages"]]
    if prompts.exists():
        out += [LabelledMessage(text=r["prompt"], label="prompt", category=f"prompt-{r['lang']}",
                                split=r["split"])
                for r in yaml.safe_load(prompts.read_text(encoding="utf-8"))["prompts"]]
    return out


def score(pairs: list[tuple[LabelledMessage, MessageVerdict]]) -> Scores:
    tp = sum(m.is_prompt and v.is_prompt for m, v in pairs)
    fp = sum(not m.is_prompt and v.is_prompt for m, v in pairs)
    fn = sum(m.is_prompt and not v.is_prompt for m, v in pairs)
    return Scores(n=len(pairs), tp=tp, fp=fp, fn=fn, tn=len(pairs) - tp - fp - fn)


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "held_out", "all"), default="all",
                    help="which split the confusion table and misses cover (figures: all three)")
    ap.add_argument("--multilingual", nargs="?", const=MULTILINGUAL_PROMPTS, type=Path,
                    metavar="PROMPTS_FILE",
                    help="judge the Chinese, Spanish and Japanese set instead (prompts from "
                         "components_multilingual.yaml, or the file given)")
    args = ap.parse_args(argv)
    messages = load_multilingual(prompts=args.multilingual) if args.multilingual \
        else load_messages()
    classify_message("warm-up: a fox trots through snow, slow dolly-in, golden hour")
    pairs = [(m, classify_message(m.text)) for m in messages]

    print(f"Prompt detection on {len(messages)} labelled chat messages "
          f"({sum(m.is_prompt for m in messages)} prompts)\n")
    print(f"{'split':<9} {'n':>4} {'prec':>6} {'recall':>7} {'F1':>6}   tp  fp  fn  tn")
    for name in ("dev", "held_out", "all"):
        s = score([p for p in pairs if name == "all" or p[0].split == name])
        print(f"{name:<9} {s.n:>4} {s.precision:>6.3f} {s.recall:>7.3f} {s.f1:>6.3f}  "
              f"{s.tp:>3} {s.fp:>3} {s.fn:>3} {s.tn:>3}")

    chosen = [p for p in pairs if args.split == "all" or p[0].split == args.split]
    print(f"\nBy category ({args.split}): how many were called a prompt")
    print(f"{'category':<18} {'label':<11} {'n':>3} {'said prompt':>11} {'correct':>8}")
    for cat in sorted({m.category for m, _ in chosen}):
        group = [(m, v) for m, v in chosen if m.category == cat]
        said = sum(v.is_prompt for _, v in group)
        right = sum(v.is_prompt == m.is_prompt for m, v in group)
        print(f"{cat:<18} {group[0][0].label:<11} {len(group):>3} {said:>11} {right:>5}/{len(group)}")

    reasons = Counter(v.reason.split(":")[0].split(" (")[0] for _, v in chosen)
    print("\nReasons given: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))

    misses = [(m, v) for m, v in chosen if v.is_prompt != m.is_prompt]
    print(f"\nMisclassified ({len(misses)}):")
    for m, v in misses:
        kind = "false prompt" if v.is_prompt else "missed prompt"
        print(f"  [{m.split}/{m.category}] {kind}: {_short(m.text)!r}\n      -> {v.reason}")

    times = []
    texts = [m.text for m in messages]
    for _ in range(5):
        for t in texts:
            start = time.perf_counter()
            classify_message(t)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"\nLatency over {len(times)} classifications: p50 {statistics.median(times):.2f} ms, "
          f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms")
    huge = "A fox trots through snow at dawn, slow dolly-in, soft light. " * 700
    start = time.perf_counter()
    v = classify_message(huge)
    print(f"A {len(huge):,}-character paste: {(time.perf_counter() - start) * 1000:.2f} ms "
          f"({v.reason})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
