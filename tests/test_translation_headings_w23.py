"""A template's camera heading ("Camera: slow dolly in") in translations, and the "Dropped" list
every front shows once per cut text (issue 12: translation keeps the author's words and says
what it cut, without repeating itself)."""

from __future__ import annotations

import pytest

from bot.core.dialects import translate
from bot.core.dialects.types import Dropped, dropped_lines

LABELLED = ("A woman walks through a rainy market at night. Camera: slow dolly in, low angle. "
            "Audio: rain on tarps, distant chatter.")


@pytest.mark.parametrize("model", ["kling", "veo", "wan", "ltx"])
def test_a_camera_heading_keeps_its_colon_in_sentence_dialects(kb, model):
    prompt = translate(LABELLED, model, kb=kb).prompt
    assert "Camera: slow dolly in, low angle." in prompt
    assert "Camera," not in prompt


def test_a_prefix_dialect_takes_the_moves_without_the_heading(kb):
    """Runway's own camera block is the prefix: the heading that named the author's block
    goes, the moves lead, and no "Camera, Slow dolly in, ...:" is built from it."""
    prompt = translate(LABELLED, "runway", kb=kb).prompt
    assert prompt.startswith("Slow dolly in, low angle: a woman walks")
    assert "camera" not in prompt.lower()


def test_sora_keeps_the_heading_as_a_labelled_line(kb):
    prompt = translate(LABELLED, "sora", kb=kb).prompt
    assert "Camera: slow dolly in, low angle." in prompt
    assert "camera;" not in prompt.lower()


def test_a_camera_move_before_a_colon_is_still_a_prefix(kb):
    """"Slow dolly in: ..." is a camera prefix, not a heading: it still moves as the camera."""
    prompt = translate("Slow dolly in: a lighthouse on a cliff at dusk", "hailuo", kb=kb).prompt
    assert "[Push in]" in prompt
    assert "Slow dolly in:" not in prompt


def test_dropped_lines_name_every_component_of_one_cut_once():
    dropped = [Dropped(component="audio", text="Audio: rain", reason="silent"),
               Dropped(component="setting", text="Audio: rain", reason="silent"),
               Dropped(component="audio", text="Audio: rain", reason="silent"),
               Dropped(component="camera", text="pan right", reason="one move")]
    assert dropped_lines(dropped) == [("audio, setting", "Audio: rain", "silent"),
                                      ("camera", "pan right", "one move")]
    as_json = [d.model_dump() for d in dropped]
    assert dropped_lines(as_json) == dropped_lines(dropped)


def test_every_front_lists_a_silent_targets_cut_sound_once(kb):
    from rich.console import Console

    from bot.cli.translate import render_translation
    from bot.discord.embeds import translation_embeds
    from bot.slack.blocks import translation_messages

    t = translate(LABELLED, "pika", kb=kb)
    assert len({d.text for d in t.dropped}) < len(t.dropped)  # one entry per component
    cut = "Audio: rain on tarps, distant chatter"
    slack = [str(b) for m in translation_messages(t) for b in m["blocks"] if "*Dropped*" in str(b)]
    discord_fields = [f.value for e in translation_embeds(t) for f in e.fields
                      if f.name == "Dropped"]
    console = Console(width=200, record=True)
    render_translation(console, t)
    cli_dropped = console.export_text().split("Dropped", 1)[1]
    for shown in (" ".join(slack), " ".join(discord_fields), cli_dropped):
        assert shown.count(cut) == 1, shown
        assert "audio, setting" in shown
