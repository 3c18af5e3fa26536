"""A negation inside a quotation is words said or shown, not an instruction (issue 12).

"No people" tells a model what to leave out and is moved to a negative prompt; 'he mutters "not
again"' is a line the character says and a sign reading "No entry" is text in the picture: both
stay as written in a translation and a rewrite, and the critique does not call them negations. A
quotation that opens the prompt (a quoted prompt) or a JSON value (`"prompt": "..."`) is the
author's own prompt, whose negations still count.
"""

from __future__ import annotations

from bot.core.critique.analysis import analyze
from bot.core.critique.pipeline import critique
from bot.core.dialects import translate

SPOKEN = 'An old janitor mutters "not again" as the mop bucket tips over. Slow dolly in.'
SIGN = 'A rain-soaked alley, a neon sign reading "No Entry" flickers above a steel door, no people.'


def test_a_spoken_negation_is_not_a_negation_and_the_line_is_kept(kb):
    assert analyze(SPOKEN).negations == []
    t = translate(SPOKEN, "kling", kb=kb)
    assert '"not again"' in t.prompt and not t.negative_prompt, (t.prompt, t.negative_prompt)


def test_a_signs_text_is_kept_and_the_authors_own_negation_still_moves(kb):
    assert [n.text for n in analyze(SIGN).negations] == ["no people"]
    t = translate(SIGN, "kling", kb=kb)
    assert '"No Entry"' in t.prompt and "no people" not in t.prompt, t.prompt
    assert t.negative_prompt is not None and "people" in t.negative_prompt


def test_the_rewrite_keeps_the_line_and_the_critique_does_not_flag_it(kb):
    c = critique(SPOKEN, kb, "kling")
    assert '"not again"' in c.rewrite, c.rewrite
    assert "negation" not in {p.id for p in c.anti_patterns}
    said_no = critique(SPOKEN.replace("tips over", "tips over, no people"), kb, "kling")
    assert "negation" in {p.id for p in said_no.anti_patterns}


def test_a_quoted_prompt_or_a_json_value_keeps_its_negations():
    assert [n.text for n in analyze('"A quiet beach at dawn, no people"').negations]
    as_json = '{"shot": 2, "prompt": "A quiet beach at dawn, no people, soft light"}'
    assert [n.text for n in analyze(as_json).negations]
