"""The shared `prompt ...` grammar and executor (bot.core.prompt_commands): what every front
parses and runs, on a real store (SQLite under the test's data dir)."""

from __future__ import annotations

import pytest

from bot.core.prompt_commands import (
    ConfirmationNeeded,
    PromptRequest,
    command_text,
    execute,
    make_request,
    parse_request,
)
from bot.core.validation import InputError, UnknownModelError

STATIC = "A static shot of a red fox trotting through a snowy pine forest"
DOLLY = ("A slow dolly-in on a red fox trotting through a snowy pine forest, "
         "golden hour backlight")


# ---- grammar --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("", {"action": "help"}),
    ("help", {"action": "help"}),
    ("list", {"action": "list"}),
    ("LIST --channel launch", {"action": "list", "channel": "launch"}),
    ("history hero", {"action": "history", "name": "hero"}),
    ('history "hero shot"', {"action": "history", "name": "hero shot"}),
    ("show hero", {"action": "show", "name": "hero"}),
    ("show hero v3", {"action": "show", "name": "hero", "version": 3}),
    ("diff hero 1 2", {"action": "diff", "name": "hero", "a": 1, "b": 2}),
    ("diff hero", {"action": "diff", "name": "hero"}),
    ("restore hero 2", {"action": "restore", "name": "hero", "version": 2}),
    ("keep hero 2", {"action": "keep", "name": "hero", "version": 2}),
    ("keep hero 2 https://cdn.example/take.mp4 the good one",
     {"action": "keep", "name": "hero", "version": 2,
      "note": "https://cdn.example/take.mp4 the good one"}),
    ("keep hero 2 --note best take", {"action": "keep", "name": "hero", "version": 2,
                                      "note": "best take"}),
    ("delete hero", {"action": "delete", "name": "hero"}),
    ("delete hero yes", {"action": "delete", "name": "hero", "confirm": True}),
    ("delete hero --yes", {"action": "delete", "name": "hero", "confirm": True}),
])
def test_parse_each_action(text: str, expected: dict) -> None:
    assert parse_request(text).model_dump(exclude_defaults=True) == expected


def test_save_keeps_the_prompt_and_takes_only_known_options() -> None:
    r = parse_request("save hero A fox runs\nthrough snow --ar 16:9 --note first try, "
                      "tighter --model kling --channel launch")
    assert r.action == "save" and r.name == "hero"
    assert r.prompt == "A fox runs\nthrough snow --ar 16:9"  # newlines and unknown flags stay
    assert (r.model, r.note, r.channel) == ("kling", "first try, tighter", "launch")
    r = parse_request('save "hero shot" \u201cA fox runs\u201d --note "short" model:veo')
    assert (r.name, r.prompt, r.note, r.model) == ("hero shot", "A fox runs", "short", "veo")


def test_options_split_off_by_a_caller_are_used() -> None:
    r = parse_request("save fox A fox runs", {"note": "from chat", "tag": "ignored"})
    assert r.note == "from chat" and r.prompt == "A fox runs"


@pytest.mark.parametrize(("text", "message"), [
    ("histroy hero", "Did you mean `history`"),
    ("frobnicate hero", "not an action I know"),
    ("save", "Which prompt?"),
    ("save hero", "Nothing to save"),
    ("save hero   ", "Nothing to save"),
    ("history", "Which prompt?"),
    ("show hero two", "not a version number"),
    ("show hero 0", "start at 1"),
    ("diff hero 1 x", "not a version number"),
    ("diff hero 1 2 3", "Too many words"),
    ("restore hero", "Which version?"),
    ("keep hero", "Which version?"),
    ("keep hero 2 " + "x" * 501, "keeper note is 501 characters; the limit is 500"),
    ("save hero A fox --note " + "y" * 600, "note is 600 characters"),
    ("save a/b A fox runs", "letters, digits"),
    ("save " + "n" * 70 + " A fox", "the limit is 64"),
    ("delete hero now", "not a confirmation"),
    ("list extra words", "takes no words"),
    ("save hero A fox --model a --model b", "given twice"),
])
def test_bad_input_is_one_clear_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("?", r"\?")):
        parse_request(text)


def test_make_request_validates_like_the_parser() -> None:
    assert make_request(action="show", name="hero", version="v2").version == 2
    with pytest.raises(InputError, match="not a version number"):
        make_request(action="restore", name="hero", version="latest")
    with pytest.raises(InputError, match="not an action"):
        make_request(action="rename", name="hero")
    with pytest.raises(InputError, match="Bad confirm"):
        make_request(action="delete", name="hero", confirm="perhaps")


def test_command_text_finds_the_prompt_command() -> None:
    assert command_text("prompt history hero") == "history hero"
    assert command_text("/Prompt save x y") == "save x y"
    assert command_text("prompts") == ""
    assert command_text("critique a prompt") is None
    assert command_text("promptly review this") is None


# ---- executing ------------------------------------------------------------------------------
def run(engine, text: str, team: str = "studio", author: str = "U1"):
    return execute(engine, parse_request(text), team=team, author=author)


def test_save_records_the_critique_score_model_and_note(engine) -> None:
    r = run(engine, f"save hero {STATIC} --model Kling --note first")
    v = r.version
    assert r.action == "save" and r.summary == f"Saved hero v1, score {v.score}."
    assert (v.version, v.model, v.note, v.author) == (1, "kling", "first", "U1")
    assert v.score == engine.critique(STATIC, "kling", with_retrieval=False).score


def test_history_diff_keep_restore_list_and_delete(engine) -> None:
    run(engine, f"save hero {STATIC}")
    run(engine, f"save hero {DOLLY} --note push in", author="U2")
    h = run(engine, "history hero")
    assert [(v.version, v.author, v.note) for v in h.versions] == [(1, "U1", None),
                                                                  (2, "U2", "push in")]
    d = run(engine, "diff hero 1 2")
    assert d.diff is not None and "camera changed from" in d.diff.summary
    assert "lighting added" in d.diff.summary
    assert d.summary.startswith("hero v1 -> v2: camera changed")
    assert run(engine, "diff hero").diff.a.version == 1  # the two newest by default

    k = run(engine, "keep hero 2 https://cdn.example/take.mp4")
    assert k.version.keeper and k.version.keeper_note == "https://cdn.example/take.mp4"
    assert "keepers: v2" in run(engine, "history hero").summary

    r = run(engine, "restore hero 1", author="U3")
    assert r.version.version == 3 and r.version.prompt == STATIC and r.restored_from == 1
    assert r.summary == "Restored hero v1 as v3."
    assert run(engine, "show hero").version.version == 3
    assert run(engine, "show hero 2").version.prompt == DOLLY

    listed = run(engine, "list")
    assert [(p.name, p.latest, p.keepers) for p in listed.prompts] == [("hero", 3, [2])]

    with pytest.raises(ConfirmationNeeded, match="removes all 3 versions") as e:
        run(engine, "delete hero")
    assert (e.value.name, e.value.versions) == ("hero", 3)
    assert run(engine, "history hero").versions  # nothing went
    gone = run(engine, "delete hero yes")
    assert gone.deleted == 3 and gone.summary == "Deleted hero (3 versions)."
    assert run(engine, "list").prompts == [] and run(engine, "list").summary.startswith("No")


def test_teams_do_not_see_each_other(engine) -> None:
    run(engine, f"save hero {STATIC}", team="T1")
    assert run(engine, "list", team="T2").prompts == []
    with pytest.raises(InputError, match="No prompt named 'hero'"):
        run(engine, "history hero", team="T2")


def test_execution_errors_are_input_errors(engine) -> None:
    with pytest.raises(UnknownModelError, match="Did you mean") as e:
        run(engine, f"save hero {STATIC} --model klingg")
    assert "kling" in e.value.suggestions
    with pytest.raises(InputError, match="binary"):
        execute(engine, PromptRequest(action="save", name="hero", prompt="A fox\x00\x01"),
                team="studio", author="U1")
    with pytest.raises(InputError, match="control characters"):
        run(engine, "save hero A fox \x07 runs")
    with pytest.raises(InputError, match="the limit is 4,000"):
        run(engine, "save hero " + "A fox runs. " * 400)
    run(engine, f"save hero {STATIC}")
    with pytest.raises(InputError, match="there is no version 9"):
        run(engine, "show hero 9")
    with pytest.raises(InputError, match="no version 5"):
        run(engine, "diff hero 1 5")
    assert run(engine, "list").prompts[0].latest == 1  # failed saves saved nothing


def test_marked_word_diff_marks_changes_and_elides_long_unchanged_runs(engine) -> None:
    from bot.core.prompt_commands import marked_word_diff

    long = " ".join(f"w{i}" for i in range(30))
    run(engine, f"save hero {long} static shot")
    run(engine, f"save hero {long} slow dolly-in")
    d = engine.store.diff("studio", "hero", 1, 2, analyze=engine.analyze)
    text = marked_word_diff(d, str.upper, "~~{}~~", "**{}**", context=2)
    assert text == "… W28 W29 ~~STATIC SHOT~~ **SLOW DOLLY-IN**"
