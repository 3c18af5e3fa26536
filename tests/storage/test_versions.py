"""Prompt versions on both backends: numbering under concurrency, history, diff, restore, keep,
delete, validation, export/import round trips."""

from __future__ import annotations

import json
import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml

from bot.core.critique.results import Analysis, Span
from bot.core.storage import Store
from bot.core.validation import InputError

STATIC = "A static shot of a red fox trotting through a snowy pine forest"
DOLLY = ("A slow dolly-in on a red fox trotting through a snowy pine forest, "
         "golden hour backlight")


def test_versions_number_from_one_per_team_and_name(store: Store) -> None:
    v1 = store.save("studio", "hero-shot", STATIC, "ana", model="kling", note="first", score=41)
    v2 = store.save("studio", "Hero-Shot", DOLLY, "ben")  # names are case-insensitive
    other = store.save("studio", "b-roll", STATIC, "ana")
    elsewhere = store.save("agency", "hero-shot", DOLLY, "cy")
    assert (v1.version, v2.version, other.version, elsewhere.version) == (1, 2, 1, 1)
    assert v2.name == "hero-shot"  # the first spelling is kept for display
    got = store.get("studio", "hero-shot", 1)
    assert (got.prompt, got.author, got.model, got.note, got.score) == (
        STATIC, "ana", "kling", "first", 41)
    assert store.get("studio", "HERO-SHOT").version == 2
    assert [v.author for v in store.history("studio", "hero-shot")] == ["ana", "ben"]
    names = store.list_names("studio")
    assert [(n.name, n.latest) for n in names] == [("b-roll", 1), ("hero-shot", 2)]


def _concurrent_saves(make_store, writers: int, replicas: int) -> list[int]:
    stores = [make_store() for _ in range(replicas)]
    for s in stores:
        s.list_names("warm-up")  # migrate before the race: the race is about saving
    barrier = threading.Barrier(writers)

    def write(i: int) -> int:
        barrier.wait()
        return stores[i % replicas].save("studio", "race", f"take {i} of a fox running",
                                         f"user{i}").version
    with ThreadPoolExecutor(writers) as pool:
        return list(pool.map(write, range(writers)))


def test_fifty_concurrent_writers_get_distinct_gapless_versions(make_store, store: Store) -> None:
    numbers = _concurrent_saves(make_store, writers=50, replicas=5)
    assert sorted(numbers) == list(range(1, 51))
    history = store.history("studio", "race")
    assert [v.version for v in history] == list(range(1, 51))
    # Every writer's text is there exactly once, under the number it was told.
    by_text = {v.prompt: v.version for v in history}
    assert {by_text[f"take {i} of a fox running"] for i in range(50)} == set(numbers)
    assert store.save("studio", "race", "one more", "z").version == 51


def test_identical_saves_sent_at_once_add_one_version(make_store, store: Store) -> None:
    """The unchanged check is made under the prompt row's lock, so ten replicas saving the same
    text at the same moment add one version (and each is told which one), not ten."""
    store.save("studio", "same", "a fox in the snow", "first")
    stores = [make_store() for _ in range(5)]
    for s in stores:
        s.list_names("warm-up")
    barrier = threading.Barrier(10)

    def write(i: int) -> tuple[int, bool]:
        barrier.wait()
        version, added = stores[i % 5].save_if_changed("studio", "same", "a fox in the dunes",
                                                       f"user{i}")
        return version.version, added

    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(write, range(10)))
    assert sorted(results) == [(2, False)] * 9 + [(2, True)]
    assert [v.version for v in store.history("studio", "same")] == [1, 2]
    # A different model is a change; `force` saves identical text anyway.
    assert store.save_if_changed("studio", "same", "a fox in the dunes", "u",
                                 model="kling")[0].version == 3
    assert store.save_if_changed("studio", "same", "a fox in the dunes", "u", model="kling",
                                 force=True)[0].version == 4


def _process_writer(url: str, who: int, n: int, out) -> None:  # runs in a child process
    s = Store(url)
    out.put([s.save("studio", "proc-race", f"proc {who} take {k}", f"p{who}").version
             for k in range(n)])
    s.close()


def test_writers_in_separate_processes(store_url: str, store: Store) -> None:
    store.list_names("studio")
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_process_writer, args=(store_url, w, 5, out)) for w in range(4)]
    for p in procs:
        p.start()
    got = sorted(n for _ in procs for n in out.get(timeout=120))
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert got == list(range(1, 21))


def test_history_show_and_unknown_things(store: Store) -> None:
    store.save("t", "opening", STATIC, "ana")
    with pytest.raises(InputError, match="no version 7"):
        store.get("t", "opening", 7)
    with pytest.raises(InputError, match="No prompt named 'closing'.*opening"):
        store.history("t", "closing")
    with pytest.raises(InputError, match="Nothing is saved yet"):
        store.get("empty-team", "closing")


@pytest.mark.parametrize("bad, message", [
    ("", "empty"),
    ("x" * 65, "limit is 64"),
    ("hero/shot", "letters, digits"),
    ("drop table;", "letters, digits"),
    ("---", "letter or digit"),
])
def test_bad_names_are_refused(store: Store, bad: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        store.save("t", bad, STATIC, "ana")
    assert store.list_names("t") == []


def test_notes_and_prompts_are_validated(store: Store) -> None:
    with pytest.raises(InputError, match="limit is 500"):
        store.save("t", "ok-name", STATIC, "ana", note="n" * 501)
    with pytest.raises(InputError, match="empty"):
        store.save("t", "ok-name", "   ", "ana")
    with pytest.raises(InputError, match="binary"):
        store.save("t", "ok-name", b"\xff\xfe\x00", "ana")
    store.save("t", "ok-name", STATIC, "ana", note="n" * 500)
    with pytest.raises(InputError, match="limit is 500"):
        store.keep("t", "ok-name", 1, "k" * 501)
    assert [v.version for v in store.history("t", "ok-name")] == [1]


def test_restore_makes_a_new_version(store: Store) -> None:
    store.save("t", "fox", STATIC, "ana", model="kling", score=40)
    store.save("t", "fox", DOLLY, "ana", score=70)
    restored = store.restore("t", "fox", 1, "ben")
    assert (restored.version, restored.prompt, restored.author, restored.model) == (
        3, STATIC, "ben", "kling")
    assert restored.note == "restored from v1"
    assert [v.prompt for v in store.history("t", "fox")] == [STATIC, DOLLY, STATIC]


def test_keep_marks_a_keeper(store: Store) -> None:
    store.save("t", "fox", STATIC, "ana")
    store.save("t", "fox", DOLLY, "ana")
    kept = store.keep("t", "fox", 2, "https://example.com/render/42.mp4")
    assert kept.keeper and kept.keeper_note.endswith("42.mp4")
    assert [v.keeper for v in store.history("t", "fox")] == [False, True]
    assert store.list_names("t")[0].keepers == [2]


def test_delete_needs_confirmation(store: Store) -> None:
    store.save("t", "fox", STATIC, "ana")
    store.save("t", "fox", DOLLY, "ana")
    with pytest.raises(InputError, match="confirm"):
        store.delete("t", "fox", confirm=False)
    assert len(store.history("t", "fox")) == 2
    assert store.delete("t", "fox", confirm=True) == 2
    assert store.list_names("t") == []
    assert store.save("t", "fox", STATIC, "ana").version == 1  # a fresh start


def test_list_by_channel(store: Store) -> None:
    store.save("guild", "a", STATIC, "ana", channel="C1")
    store.save("guild", "b", STATIC, "ana", channel="C2")
    store.save("guild", "c", STATIC, "ana")
    assert [n.name for n in store.list_names("guild", channel="C1")] == ["a"]
    assert [n.name for n in store.list_names("guild")] == ["a", "b", "c"]


def test_word_and_component_diff(store: Store) -> None:
    store.save("t", "fox", STATIC, "ana")
    store.save("t", "fox", DOLLY, "ana")
    d = store.diff("t", "fox", 1, 2)
    assert "[-static shot of-]" in d.word_diff and "{+slow dolly-in on+}" in d.word_diff
    assert {w.op for w in d.words} >= {"equal", "replace"}
    changes = {c.component: c for c in d.components}
    assert changes["camera"].change == "changed"
    assert "static" in changes["camera"].before and "dolly" in changes["camera"].after
    assert changes["lighting"].change == "added" and "golden hour" in changes["lighting"].after
    assert "camera changed from" in d.summary and "lighting added" in d.summary
    same = store.diff("t", "fox", 2, 2)
    assert same.summary == "no changes" and same.components == []


def _fake_analyze(prompt: str) -> Analysis:
    """A stand-in analyser: 'cam=<x>' and 'light=<x>' words are the components."""
    spans: dict = {}
    for word in prompt.split():
        key, _, value = word.partition("=")
        comp = {"cam": "camera", "light": "lighting", "style": "style"}.get(key)
        if comp:
            start = prompt.index(word) + len(key) + 1
            spans[comp] = [Span(start=start, end=start + len(value), text=value)]
    return Analysis(prompt=prompt, spans=spans)


def test_component_diff_logic(store: Store) -> None:
    store.save("t", "x", "a fox cam=static style=anime", "ana")
    store.save("t", "x", "a fox cam=dolly-in light=rim", "ana")
    d = store.diff("t", "x", 1, 2, analyze=_fake_analyze)
    assert d.summary == ("camera changed from 'static' to 'dolly-in'; lighting added ('rim'); "
                         "style removed (was 'anime')")
    broken = store.diff("t", "x", 1, 2, analyze=lambda p: 1 / 0)
    assert not broken.components_checked and broken.summary.startswith("wording changed")


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_export_import_round_trip(make_store, fmt: str) -> None:
    a = make_store()
    a.save("src", "fox", STATIC, "ana", model="kling", note="first try", score=40)
    a.save("src", "fox", DOLLY, "bén", score=72, channel="C9")
    a.keep("src", "fox", 2, "https://example.com/r.mp4")
    a.save("src", "Neon Alley", "Handheld tracking shot through a neon alley in rain ☔", "cy")
    dumped = a.export("src", fmt)
    parsed = json.loads(dumped) if fmt == "json" else yaml.safe_load(dumped)
    assert parsed["format"] == "framecraft-prompts"
    assert [p["name"] for p in parsed["prompts"]] == ["fox", "Neon Alley"]

    report = a.import_("dst", dumped, fmt)
    assert (report.names, report.versions_added, report.versions_skipped) == (2, 3, 0)

    def strip(text: str) -> list:
        data = json.loads(text) if fmt == "json" else yaml.safe_load(text)
        return data["prompts"]
    assert strip(a.export("dst", fmt)) == strip(dumped)
    again = a.import_("dst", dumped, fmt)  # importing twice adds nothing
    assert (again.versions_added, again.versions_skipped) == (0, 3)
    assert [v.version for v in a.history("dst", "fox")] == [1, 2]


def test_import_appends_to_an_existing_prompt(store: Store) -> None:
    store.save("src", "fox", STATIC, "ana")
    store.save("dst", "fox", DOLLY, "ben")
    store.import_("dst", store.export("src", "json"), "json")
    assert [(v.version, v.prompt) for v in store.history("dst", "fox")] == [
        (1, DOLLY), (2, STATIC)]


@pytest.mark.parametrize("data, fmt, message", [
    ("{not json", "json", "not valid json"),
    ("- a\n- b\n", "yaml", "not a Framecraft prompt library"),
    ('{"format": "other", "team": "t", "exported_at": "2024-01-01T00:00:00Z", "prompts": []}',
     "json", "invalid at format"),
    ("x", "xml", "Unknown format"),
    (b"\xff\xfe", "json", "not UTF-8"),
])
def test_bad_imports_are_clear_and_change_nothing(store: Store, data, fmt, message) -> None:
    with pytest.raises(InputError, match=message):
        store.import_("t", data, fmt)
    assert store.list_names("t") == []


def test_import_is_all_or_nothing(store: Store) -> None:
    lib = {"format": "framecraft-prompts", "format_version": 1, "team": "t",
           "exported_at": "2024-01-01T00:00:00Z", "prompts": [
               {"name": "good", "versions": [{"version": 1, "prompt": STATIC, "author": "a",
                                              "created_at": "2024-01-01T00:00:00Z"}]},
               {"name": "bad/name", "versions": [{"version": 1, "prompt": STATIC, "author": "a",
                                                  "created_at": "2024-01-01T00:00:00Z"}]}]}
    with pytest.raises(InputError, match="letters, digits"):
        store.import_("t", lib, "json")
    assert store.list_names("t") == []


@pytest.mark.parametrize("huge", ["99999999999999999999", str(2**63), str(2**31), "9" * 5000])
def test_absurd_version_numbers_are_no_such_version(store: Store, huge: str) -> None:
    store.save("t", "hero", STATIC, "ana")
    for call in (lambda: store.get("t", "hero", huge), lambda: store.restore("t", "hero", huge, "ana"),
                 lambda: store.keep("t", "hero", huge, "note")):
        with pytest.raises(InputError, match="no version"):
            call()


@pytest.mark.parametrize("bad", ["hero-\u0430", "\u0440rompt", "hero\u03b1"])
def test_mixed_script_names_are_refused(store: Store, bad: str) -> None:
    with pytest.raises(InputError, match="mixes writing systems"):
        store.save("t", bad, STATIC, "ana")
    assert store.list_names("t") == []


def test_names_are_nfkc_normalised(store: Store) -> None:
    store.save("t", "\uff48\uff45\uff52\uff4f\uff11", STATIC, "ana")  # fullwidth hero1
    store.save("t", "hero1", STATIC + " at dawn", "ana")
    assert [v.version for v in store.history("t", "hero1")] == [1, 2]
    store.save("t", "cafe\u0301", STATIC, "ana")  # decomposed café
    assert store.get("t", "caf\u00e9").version == 1
    store.save("t", "夜の駅", STATIC, "ana")  # Han and Hiragana together are one writing system
    assert "夜の駅" in [info.name for info in store.list_names("t")]
