"""A dialogue line travels with the audio (issue 12).

Every target reads sound last (its `component_order` ends with audio, or has none and the layout
puts sound after everything else), so a quoted line the translator knows is heard goes there,
and a silent target drops it with the sound. Heard means a quotation with a verb of speech or
one the analysis reads as sound, itself or by what introduces it ("Dialogue:"), whatever the
words of the line; the quoted words after a colon stay with what introduces them (a speaker, a
sign, a title), and a quoted line that ends its sentence ends it for the clause after it too.
"""

from __future__ import annotations

from bot.core.critique.analysis import analyze
from bot.core.dialects import translate
from bot.core.dialects.segments import segment

SPEAKER = ('A lighthouse keeper climbs the stairs. Dialogue:\n- Keeper: "The lamp is out again, '
           'Tom." Slow tilt up. Storm light.')
LINE = 'Keeper: "The lamp is out again, Tom."'


def _units(prompt: str) -> list[tuple[str | None, str]]:
    return [(u.group, u.text) for u in segment(prompt, analyze(prompt))]


def test_a_speakers_line_stays_with_its_dialogue_label_as_sound():
    assert ("sound", f"Dialogue:\n- {LINE}") in _units(SPEAKER), _units(SPEAKER)


def test_the_line_goes_where_the_target_reads_sound(kb):
    for model in ("kling", "ltx", "veo"):
        out = translate(SPEAKER, model, kb=kb).prompt
        assert out.endswith(LINE), (model, out)
        assert out.index("Storm light") < out.index("Dialogue"), (model, out)


def test_a_silent_target_drops_the_line_with_the_sound_and_keeps_what_follows(kb):
    t = translate(SPEAKER, "luma", kb=kb)
    assert "lamp" not in t.prompt and "Keeper" not in t.prompt, t.prompt
    assert any("The lamp is out again" in d.text for d in t.dropped), t.dropped
    assert "tilts up" in t.prompt and "Storm light" in t.prompt, t.prompt


def test_a_line_with_a_verb_of_speech_ends_its_sentence(kb):
    prompt = ('A detective glares at a rubber duck. She asks "Where were you that night?" '
              'Slow dolly in. Cold blue light.')
    assert ("sound", 'She asks "Where were you that night?"') in _units(prompt), _units(prompt)
    kling = translate(prompt, "kling", kb=kb).prompt
    assert kling.endswith('She asks "Where were you that night?"'), kling
    luma = translate(prompt, "luma", kb=kb).prompt
    assert "Where were you" not in luma and "pushes in" in luma, luma


def test_a_signs_text_after_a_colon_stays_with_the_sign(kb):
    prompt = ('A diner at night, a neon sign reads: "OPEN ALL NIGHT". Slow pan left. '
              'Warm neon light.')
    sign = [(g, text) for g, text in _units(prompt) if "OPEN ALL NIGHT" in text]
    assert len(sign) == 1 and sign[0][0] != "sound" and "sign reads:" in sign[0][1], sign
    out = translate(prompt, "luma", kb=kb).prompt
    assert 'a neon sign reads: "OPEN ALL NIGHT"' in out, out


def test_a_sound_named_after_a_quotation_does_not_make_it_heard():
    prompt = 'A "Fresh Bread" banner over the bakery door creaks in the wind. Slow pan left.'
    banner = _units(prompt)[0]
    assert banner[0] == "scene" and "Fresh Bread" in banner[1], _units(prompt)


def test_a_quotation_without_its_own_stop_still_gets_one(kb):
    prompt = 'A girl holds up a card reading "HOME". Slow pan left. Warm light.'
    out = translate(prompt, "kling", kb=kb).prompt
    assert '"HOME". ' in out or '"HOME", ' in out, out


# With the quoted-line rule (61e7f26): a quoted sentence of its own after another sentence is a
# character's line, heard, though no verb of speech or label says so.
def test_a_line_the_analysis_reads_as_heard_moves_with_the_audio(kb):
    prompt = ('A detective glares at a rubber duck. "Where were you that night?" Slow dolly in. '
              'Cold blue light.')
    assert ("sound", '"Where were you that night?"') in _units(prompt), _units(prompt)
    kling = translate(prompt, "kling", kb=kb).prompt
    assert kling.endswith('"Where were you that night?"'), kling
    luma = translate(prompt, "luma", kb=kb)
    assert "Where were you" not in luma.prompt and "pushes in" in luma.prompt, luma.prompt
    assert any("Where were you" in d.text for d in luma.dropped), luma.dropped
