"""The review-channel classifier: prompts get a review, chat is left alone (precision first)."""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.critique.components import COMPONENT_NAMES
from bot.core.review_channels.detect import MAX_CHARS, MessageVerdict, classify_message

MESSAGES = Path(__file__).resolve().parents[1] / "data" / "review_messages.yaml"
PROMPT_CATEGORIES = {"prompt", "prompt-prefaced", "prompt-fenced", "prompt-quoted",
                     "prompt-structured", "weak-prompt"}
CHAT_CATEGORIES = {"question", "craft-question", "feedback", "small-talk", "link", "code",
                   "announcement", "mixed"}


@cache
def labelled() -> tuple[tuple[dict, MessageVerdict], ...]:
    messages = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))["messages"]
    return tuple((m, classify_message(m["text"])) for m in messages)


def precision_recall(pairs) -> tuple[float, float]:
    tp = sum(m["label"] == "prompt" and v.is_prompt for m, v in pairs)
    fp = sum(m["label"] != "prompt" and v.is_prompt for m, v in pairs)
    fn = sum(m["label"] == "prompt" and not v.is_prompt for m, v in pairs)
    return tp / (tp + fp), tp / (tp + fn)


# ---- the labelled set ---------------------------------------------------------------------
def test_labelled_set_is_large_labelled_and_split() -> None:
    pairs = labelled()
    assert len(pairs) >= 150
    for m, _ in pairs:
        assert set(m) == {"text", "label", "category", "split"}, m
        assert m["label"] in ("prompt", "not_prompt") and m["split"] in ("dev", "held_out")
        assert (m["label"] == "prompt") == (m["category"] in PROMPT_CATEGORIES), m
        assert m["category"] in PROMPT_CATEGORIES | CHAT_CATEGORIES, m
    cats = Counter(m["category"] for m, _ in pairs)
    assert set(cats) == PROMPT_CATEGORIES | CHAT_CATEGORIES
    splits = Counter((m["label"], m["split"]) for m, _ in pairs)
    assert min(splits.values()) >= 20  # both labels in both splits
    assert len({m["text"] for m, _ in pairs}) == len(pairs)  # no duplicates


def test_precision_and_recall_on_the_whole_set_and_held_out() -> None:
    precision, recall = precision_recall(labelled())
    assert precision >= 0.95 and recall >= 0.85, (precision, recall)
    held_precision, held_recall = precision_recall([p for p in labelled() if p[0]["split"] == "held_out"])
    assert held_precision >= 0.95 and held_recall >= 0.8, (held_precision, held_recall)


@pytest.mark.parametrize("category", sorted(CHAT_CATEGORIES))
def test_chat_categories_are_never_reviewed(category: str) -> None:
    wrong = [m["text"] for m, v in labelled() if m["category"] == category and v.is_prompt]
    assert not wrong


@pytest.mark.parametrize("category", sorted(PROMPT_CATEGORIES - {"weak-prompt"}))
def test_prompt_categories_are_reviewed(category: str) -> None:
    group = [(m, v) for m, v in labelled() if m["category"] == category]
    missed = [m["text"] for m, v in group if not v.is_prompt]
    assert len(missed) <= len(group) // 10, missed


def test_most_weak_prompts_are_reviewed_with_lower_confidence() -> None:
    weak = [v for m, v in labelled() if m["category"] == "weak-prompt"]
    strong = [v for m, v in labelled() if m["category"] == "prompt" and v.is_prompt]
    assert sum(v.is_prompt for v in weak) >= 0.7 * len(weak)
    top_weak = max(v.confidence for v in weak if v.is_prompt)
    assert top_weak < sorted(v.confidence for v in strong)[len(strong) // 2]


def test_every_verdict_is_well_formed() -> None:
    for _, v in labelled():
        assert 0.0 <= v.confidence <= 1.0
        assert set(v.components) <= set(COMPONENT_NAMES)
        assert v.reason and len(v.reason) < 120 and v.reason != "could not read the message"
        if v.is_prompt:
            assert v.reason.startswith("looks like a prompt") and v.prompt_text
            assert len(v.components) >= 2


# ---- reasons by kind of message -----------------------------------------------------------
@pytest.mark.parametrize(("text", "reason"), [
    ("how do I get a slow dolly-in on Kling?", "a question"),
    ("is 'golden hour' better than 'sunset' for Veo?", "a question"),
    ("does kling handle crowds better than veo or is it just me", "a question"),
    ("the dolly in that last render was way too fast lol", "feedback on a render"),
    ("thanks everyone, great session", "small talk"),
    ("camera drifted left halfway through again, kling really doesn't like locked shots",
     "feedback on a render"),
    ("I think the lighting in the second one is better", "chat in the first or second person"),
    ("check out this render https://cdn.example.com/fox_v3.mp4", "a link with little text"),
    ("<https://example.com/moodboard|moodboard for the perfume ad> warm gold, slow orbits",
     "a link with little text"),
    ("```python\nprompt = \"A fox trots through snow, slow dolly-in\"\nclient.generate(prompt)\n```",
     "code"),
    ("Traceback (most recent call last):\n  File \"bot.py\", line 3, in <module>\nKeyError: 'X'",
     "code"),
    ("Veo 3.1 now supports 1080p vertical and longer clips", "an announcement"),
    ("dolly zoom", "too short"),
    (":fire: :fire: <:kek:123456789>", "small talk"),
    ("<@U0123ABC>", "small talk"),
])
def test_chat_is_left_alone_with_a_reason(text: str, reason: str) -> None:
    v = classify_message(text)
    assert not v.is_prompt and v.reason == reason, v


def test_a_quoted_line_with_a_chatty_reply_is_a_reply() -> None:
    for text in ("> the dog barks at the mailman\nhaha classic",
                 "> A fox trots through snow, slow dolly-in, golden hour\nthis one came out great"):
        assert not classify_message(text).is_prompt, text


def test_dialogue_and_pov_do_not_count_as_chat() -> None:
    said = classify_message('A man says "I can\'t do this anymore" and walks away into the rain, '
                            "static wide shot, streetlight glow, blue night tones")
    pov = classify_message("POV: you're running through a neon night market, handheld camera, "
                           "crowds part around you, vibrant reds")
    assert said.is_prompt and pov.is_prompt
    assert not classify_message("I can't get the man to walk away into the rain, static wide shot "
                                "keeps drifting").is_prompt


def test_the_borderline_bare_prompt_is_reviewed_but_chat_about_it_is_not() -> None:
    bare = classify_message("A cat jumps on the table")
    assert bare.is_prompt and "thin" in bare.reason and bare.confidence < 0.7
    assert {"subject", "action"} <= set(bare.components)
    for chat in ("A cat jumps on the table lol", "my cat jumps on the table every morning",
                 "a cat jumped on the table during the call", "A cat jumps on the table?"):
        assert not classify_message(chat).is_prompt, chat


# ---- where the prompt is ------------------------------------------------------------------
PROMPT = ("A red fox trots through fresh snow, low tracking shot, soft blue-hour light, "
          "hushed documentary style")


@pytest.mark.parametrize(("message", "how"), [
    (f"```\n{PROMPT}\n```", "fenced"),
    (f"```txt\n{PROMPT}\n```", "fenced"),
    (f"why does veo freeze on this??\n```{PROMPT}```", "fenced"),
    (f"Prompt: {PROMPT}", "prefaced"),
    (f"**Prompt:** {PROMPT}", "prefaced"),
    (f"here's my prompt for kling:\n{PROMPT}", "prefaced"),
    (f"v3 -> {PROMPT}", "prefaced"),
    (f"ok round 2, prompt for veo 👇\n\n{PROMPT}", "prefaced"),
    (f"<@U04ABCD12> here's the revised one:\n{PROMPT}", "prefaced"),
    (f"my prompt:\n> {PROMPT}", "prefaced"),
    (f"> {PROMPT}\nthis is the one for the client", "quoted"),
    (f">>> {PROMPT}", "quoted"),
    (f"&gt; {PROMPT}", "quoted"),  # Slack escapes the quote marker in event text
    (f"here you go: {PROMPT}", "prefaced"),
    (f"{PROMPT}\n\nthoughts?", "plain"),
    (f"{PROMPT}. wdyt?", "plain"),
])
def test_prompt_text_is_the_prompt_alone(message: str, how: str) -> None:
    v = classify_message(message)
    assert v.is_prompt and v.how == how, v
    assert v.prompt_text.rstrip(".") == PROMPT


def test_markup_is_stripped_from_prompt_text() -> None:
    slack = classify_message("<@U07BOT> *Wide shot*, a lone hiker crosses a glacier under the "
                             "northern lights :sparkles:, camera slowly cranes up, _green and violet_ "
                             "aurora glow, epic &amp; silent")
    assert slack.is_prompt
    assert slack.prompt_text == ("Wide shot, a lone hiker crosses a glacier under the northern "
                                 "lights , camera slowly cranes up, green and violet aurora glow, "
                                 "epic & silent")
    discord = classify_message("<:kling:998877665544> **A samurai** draws his sword in slow motion "
                               "<@123456789>, ~~cherry~~ petals swirl, low angle, overcast light, "
                               "tense ✨ <#1122334455>")
    assert discord.is_prompt
    for junk in ("<", ">", "*", "~", ":kling:", "✨", "1234"):
        assert junk not in discord.prompt_text, junk
    assert discord.prompt_text.startswith("A samurai draws his sword in slow motion")
    channel = classify_message("Moodboard is up in <#C0REFS|refs>, think neon, rain, slow motion")
    assert "#refs" in channel.prompt_text and not channel.is_prompt


def test_a_fence_of_code_is_code_even_with_prompt_words_around_it() -> None:
    v = classify_message(f"here's my prompt for kling:\n```js\nconst p = \"{PROMPT}\";\n"
                         "await client.generate({ prompt: p });\n```")
    assert not v.is_prompt and v.reason == "code"
    plain_fence = classify_message("```\npip install -U framecraft\n```")
    assert not plain_fence.is_prompt and plain_fence.reason == "code"


def test_code_is_told_apart_from_a_prompt_that_starts_like_a_keyword() -> None:
    for code in ("git pull && pytest -q", "`export FRAMECRAFT_LLM=openai`",
                 "x = 1\ny = render(x)\nprint(y)", "$ framecraft critique 'a fox'"):
        assert classify_message(code).reason == "code", code
    prompt = classify_message("```\nLet the camera linger on a public square at dawn, pigeons "
                              "scatter, soft pink light, slow push in;\n```")
    assert prompt.is_prompt and prompt.how == "fenced"


def test_a_preface_needs_a_prompt_after_it() -> None:
    for text in ("Prompt:", "here's my prompt for kling:\nlol nvm", "v2: was way better honestly",
                 "Kling: great for motion, bad for text"):
        assert not classify_message(text).is_prompt, text


# ---- bad input ----------------------------------------------------------------------------
@pytest.mark.parametrize("bad", [None, "", "   \n\t ", "\x00\x01\x02", "abc\x07def", b"bytes",
                                 "\ufffd\ufffd", "\u200b", "x" * 50_000, 12345, ["a list"],
                                 "```", "> ", "<@>", "<https://|>", "\ud800 lone surrogate"])
def test_bad_input_is_not_a_prompt_and_never_raises(bad) -> None:
    v = classify_message(bad)  # type: ignore[arg-type]
    assert v.is_prompt is False and v.reason
    assert v.reason != "could not read the message", v


def test_a_huge_paste_is_decided_on_a_prefix() -> None:
    huge = PROMPT + ". " + "The camera keeps drifting slowly. " * 1300
    v = classify_message(huge)
    assert not v.is_prompt and v.reason.startswith("too long for a prompt")
    assert len(v.prompt_text) <= MAX_CHARS
    fenced = classify_message(f"```\n{PROMPT}\n```\n" + "lol " * 10_000)
    assert fenced.is_prompt and fenced.prompt_text == PROMPT


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400) | st.from_regex(r"(<[@#!:a-z0-9|^]{0,12}>|```|\*|_|~|>|:[a-z]+:|\?|\n| |"
                                             r"[a-z]{1,8}|https?://x\.y/z)*", fullmatch=True))
def test_arbitrary_text_never_raises(text: str) -> None:
    v = classify_message(text)
    assert isinstance(v, MessageVerdict) and v.reason != "could not read the message"
    assert 0.0 <= v.confidence <= 1.0 and len(v.prompt_text) <= MAX_CHARS
