"""Model profiles are current and sourced (issue 21): every camera-syntax and limit claim names
the page it was read on, every fact has its source, each profile says when it was last checked,
and `framecraft models --stale DAYS` lists the ones due a re-check."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.core.freshness import parse_stale_days, stale_profiles
from bot.core.knowledge import (
    DEFAULT_KNOWLEDGE_DIR,
    REQUIRED_SOURCES,
    KnowledgeBase,
    KnowledgeError,
    ModelProfile,
    load_knowledge,
)
from bot.core.validation import InputError

CAMERA_AND_LIMITS = ("camera", "max_prompt_chars", "durations_s")
"""Claims a translation acts on directly: the camera syntax it writes and the limits it fits."""

TINY_ENTRY = {
    "id": "tiny-entry", "title": "A tiny entry", "model": "runway",
    "prompt": "Static shot: a red kite dances slowly above a green meadow at golden hour.",
    "components": {"camera": "Static shot", "subject": "a red kite", "action": "dances slowly",
                   "setting": "above a green meadow", "lighting": "golden hour"},
    "why": "A minimal valid entry so the profiles can be loaded on their own in a temp dir.",
    "tags": ["test"],
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    gallery = tmp_path_factory.mktemp("gallery")
    (gallery / "tiny-entry.yaml").write_text(yaml.safe_dump(TINY_ENTRY), encoding="utf-8")
    return load_knowledge(DEFAULT_KNOWLEDGE_DIR, gallery)


def _profiles(kb: KnowledgeBase) -> list[ModelProfile]:
    return list(kb.models.values())


# --- Every shipped profile is sourced -------------------------------------------------------


def test_every_profile_says_when_it_was_checked_and_which_version(kb: KnowledgeBase) -> None:
    for m in _profiles(kb):
        assert m.last_checked is not None, f"{m.file}: last_checked"
        assert m.last_checked <= date.today(), f"{m.file}: last_checked is in the future"
        assert m.version, f"{m.file}: version"


def test_camera_syntax_and_limit_claims_have_a_source(kb: KnowledgeBase) -> None:
    for m in _profiles(kb):
        for claim in CAMERA_AND_LIMITS:
            assert m.sources.get(claim), f"{m.file}: no source for {claim}"  # type: ignore[call-overload]
        if m.resolutions:
            assert m.sources.get("resolutions"), f"{m.file}: no source for resolutions"


def test_vendor_and_community_claims_name_a_page(kb: KnowledgeBase) -> None:
    for m in _profiles(kb):
        for claim, sources in m.sources.items():
            for s in sources:
                if s.kind != "framecraft":
                    assert s.url and s.url.startswith("https://"), f"{m.file}: sources.{claim}"
        for i, fact in enumerate(m.facts):
            if fact.source != "framecraft":
                assert fact.url, f"{m.file}: facts.{i} has no url"


def test_a_framecraft_limit_says_so_in_a_fact(kb: KnowledgeBase) -> None:
    """A limit we chose ourselves is labelled as ours where people read the profile."""
    for m in _profiles(kb):
        chosen = [s for s in m.sources.get("max_prompt_chars", ()) if s.kind == "framecraft"]
        if chosen:
            assert any(f.source == "framecraft" for f in m.facts), m.file


def test_most_claims_come_from_outside_framecraft(kb: KnowledgeBase) -> None:
    """Sources are pages people can check, not our word: at most a few claims are ours."""
    ours = total = 0
    for m in _profiles(kb):
        for sources in m.sources.values():
            total += 1
            ours += all(s.kind == "framecraft" for s in sources)
    assert total and ours / total < 0.1, (ours, total)


# --- A missing source is an error that names file and field ---------------------------------


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR / "guide", kdir / "guide")
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR / "models", kdir / "models")
    gdir = tmp_path / "gallery"
    gdir.mkdir()
    (gdir / "tiny-entry.yaml").write_text(yaml.safe_dump(TINY_ENTRY), encoding="utf-8")
    return kdir, gdir


def _edit(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize("claim", [*CAMERA_AND_LIMITS, "negative_prompt", "audio", "resolutions"])
def test_a_profile_without_a_source_for_a_claim_does_not_load(tmp_path: Path, claim: str) -> None:
    kdir, gdir = _copy(tmp_path)
    _edit(kdir / "models" / "kling.yaml", lambda d: d["sources"].pop(claim))
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kdir, gdir)
    assert "kling.yaml" in str(err.value)
    assert f"sources.{claim}" in str(err.value)


def test_a_community_fact_without_a_url_does_not_load(tmp_path: Path) -> None:
    kdir, gdir = _copy(tmp_path)

    def drop_url(d: dict) -> None:
        fact = next(f for f in d["facts"] if f["source"] == "community")
        fact.pop("url")

    _edit(kdir / "models" / "vidu.yaml", drop_url)
    with pytest.raises(KnowledgeError, match=r"vidu\.yaml.*facts\.\d+\.url"):
        load_knowledge(kdir, gdir)


def test_a_vendor_source_must_be_a_web_address(tmp_path: Path) -> None:
    kdir, gdir = _copy(tmp_path)
    _edit(kdir / "models" / "veo.yaml",
          lambda d: d["sources"]["camera"][0].update(url="the Veo docs"))
    with pytest.raises(KnowledgeError, match=r"veo\.yaml.*sources\.camera"):
        load_knowledge(kdir, gdir)


def test_required_sources_are_the_ones_the_issue_names() -> None:
    assert {"camera", "max_prompt_chars", "durations_s", "negative_prompt", "audio"} <= set(
        REQUIRED_SOURCES)


# --- Freshness ------------------------------------------------------------------------------


def test_stale_profiles_are_those_older_than_the_cutoff(kb: KnowledgeBase) -> None:
    profiles = _profiles(kb)
    newest = max(m.last_checked for m in profiles if m.last_checked)
    oldest = min(m.last_checked for m in profiles if m.last_checked)
    today = date(newest.year + 1, newest.month, min(newest.day, 28))
    age_newest = (today - newest).days
    assert stale_profiles(profiles, age_newest + 1, today) == []
    assert len(stale_profiles(profiles, 0, today)) == len(profiles)
    just = stale_profiles(profiles, (today - oldest).days - 1, today)
    assert just and all(m.last_checked == oldest for m in just)


def test_a_profile_never_checked_is_stale_first(kb: KnowledgeBase) -> None:
    never = next(iter(kb.models.values())).model_copy(update={"last_checked": None,
                                                              "id": "never"})
    listed = stale_profiles([*_profiles(kb), never], 36500)
    assert [m.id for m in listed] == ["never"]


@pytest.mark.parametrize("bad", ["", "abc", "-5", "1.5", "180d", "99999999"])
def test_a_bad_stale_value_is_a_clear_input_error(bad: str) -> None:
    with pytest.raises(InputError, match="--stale takes a whole number of days"):
        parse_stale_days(bad)


def test_stale_value_parses_whole_days() -> None:
    assert parse_stale_days(" 180 ") == 180
    assert parse_stale_days("0") == 0


def _cli(*args: str, knowledge: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if knowledge is not None:
        env["FRAMECRAFT_KNOWLEDGE_DIR"] = str(knowledge)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_cli_lists_a_stale_profile_and_keeps_json(tmp_path: Path) -> None:
    kdir, _ = _copy(tmp_path)
    _edit(kdir / "models" / "pika.yaml", lambda d: d.update(last_checked=date(2020, 1, 1)))
    text = _cli("models", "--stale", "180", knowledge=kdir)
    assert text.returncode == 0, text.stderr
    assert "pika" in text.stdout and "2020-01-01" in text.stdout
    assert "kling" not in text.stdout
    raw = _cli("models", "--stale", "180", "--json", knowledge=kdir)
    assert raw.returncode == 0, raw.stderr
    rows = json.loads(raw.stdout)
    assert [r["id"] for r in rows] == ["pika"]
    assert rows[0]["last_checked"] == "2020-01-01"
    everything = json.loads(_cli("models", "--json", knowledge=kdir).stdout)
    assert len(everything) == len(list((kdir / "models").glob("*.yaml")))


def test_cli_bad_stale_value_is_one_line_and_exit_2() -> None:
    proc = _cli("models", "--stale", "soon")
    assert proc.returncode == 2
    assert "--stale takes a whole number of days" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


# --- Every front answers `models --stale` ---------------------------------------------------


def _outcome(engine, stale: str):
    from bot.core.command_table import CommandCall, run_command

    return run_command(engine, "models", CommandCall(options={"stale": stale}))


def test_command_table_filters_by_stale_days(engine) -> None:
    assert _outcome(engine, "36500").result == []
    everything = _outcome(engine, "0").result
    assert [m.id for m in everything] == [m.id for m in stale_profiles(
        engine.kb.models.values(), 0)]


def test_chat_says_when_nothing_is_stale(engine) -> None:
    import io

    from rich.console import Console

    from bot.cli.chat import handle_line
    from bot.core.command_table import NO_STALE_PROFILES

    console = Console(file=io.StringIO(), width=200)
    assert handle_line(engine, "/models --stale 36500", console)
    assert NO_STALE_PROFILES in console.file.getvalue()


def test_slack_and_discord_show_the_filtered_list(engine) -> None:
    from bot.core.command_table import NO_STALE_PROFILES
    from bot.discord import formatters as dfmt
    from bot.slack import formatters as sfmt

    empty = _outcome(engine, "36500")
    all_models = [(m.id, m.name) for m in engine.kb.models.values()]
    slack_text = json.dumps(sfmt.models(empty, sfmt.Shown(all_models, False, None)))
    assert "No model profile is due a re-check" in slack_text
    embeds = dfmt.models_(empty, all_models)
    assert NO_STALE_PROFILES in embeds[0].description
    one = dataclasses.replace(empty, result=[engine.kb.models["vidu"]])
    text = " ".join(e.description or "" for e in dfmt.models_(one, all_models))
    assert "Vidu" in text and "Kling" not in text


def test_translating_for_an_image_only_model_says_it_needs_the_image(kb: KnowledgeBase) -> None:
    from bot.core.dialects import translate

    needs_image = [m.id for m in _profiles(kb) if m.image_input and m.image_input.required]
    assert needs_image == ["midjourney"]
    t = translate("A fox trots across a snowy meadow, slow dolly in", "midjourney", kb=kb)
    assert any("only animates an image" in n for n in t.notes)
    t = translate("A fox trots across a snowy meadow, slow dolly in", "kling", kb=kb)
    assert not any("only animates an image" in n for n in t.notes)


# --- Gallery sources ------------------------------------------------------------------------


@pytest.mark.parametrize("reference", [None, "https://docs.together.ai/docs/seedance2.0-quickstart"])
def test_gallery_reference_may_be_a_url(reference) -> None:
    from bot.core.knowledge import GalleryEntry

    assert GalleryEntry.model_validate({**TINY_ENTRY, "reference": reference}).reference == reference


@pytest.mark.parametrize("reference", ["the Together docs", "ftp://example.com/x", "www.x.com"])
def test_gallery_reference_rejects_other_text(reference: str) -> None:
    from pydantic import ValidationError

    from bot.core.knowledge import GalleryEntry

    with pytest.raises(ValidationError, match="reference"):
        GalleryEntry.model_validate({**TINY_ENTRY, "reference": reference})


def test_new_models_have_a_dozen_entries_across_genres(kb: KnowledgeBase) -> None:
    """The real gallery: every model added in issue 21 has 12 entries in 10 or more genres,
    and an entry adapted from a public example names it."""
    from bot.core.knowledge import DEFAULT_GALLERY_DIR

    gallery = load_knowledge(DEFAULT_KNOWLEDGE_DIR, DEFAULT_GALLERY_DIR).gallery.values()
    for model in ("seedance", "midjourney", "vidu", "pixverse"):
        mine = [e for e in gallery if e.model == model]
        genres = {t for e in mine for t in e.tags if t.startswith("genre:")}
        assert len(mine) >= 12, model
        assert len(genres) >= 10, (model, sorted(genres))
        assert any((e.reference or "").startswith("https://") for e in mine), model
