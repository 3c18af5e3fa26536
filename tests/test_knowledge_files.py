"""The knowledge files (guide sections and model profiles) load, validate and stay complete.

These tests guard the data that writers edit by hand: every guide section the code cites
exists, every model profile is well-formed, and a broken file produces an error that names
the file and the field.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from bot.core.critique.components import COMPONENT_NAMES, GUIDE_SECTION_IDS
from bot.core.knowledge import (
    DEFAULT_GALLERY_DIR,
    DEFAULT_KNOWLEDGE_DIR,
    KnowledgeBase,
    KnowledgeError,
    load_knowledge,
    missing_guide_sections,
)

REPO = Path(__file__).resolve().parents[1]


def _model_ids_in_files() -> set[str]:
    """The ids the profile files declare, read raw (not through the loader under test), so a
    new profile needs no edit here."""
    return {yaml.safe_load(p.read_text(encoding="utf-8"))["id"]
            for p in (DEFAULT_KNOWLEDGE_DIR / "models").glob("*.yaml")}


MODEL_IDS = _model_ids_in_files()

TINY_GALLERY_ENTRY = {
    "id": "tiny-test-entry",
    "title": "A tiny gallery entry for tests",
    "prompt": "Static shot: a red kite dances slowly above a green meadow at golden hour.",
    "model": "runway",
    "components": {
        "camera": "Static shot",
        "subject": "a red kite",
        "action": "dances slowly",
        "setting": "above a green meadow",
        "lighting": "golden hour",
    },
    "why": "A minimal but valid entry so the knowledge files can be tested on their own.",
    "tags": ["test"],
}


def _write_tiny_gallery(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "tiny-test-entry.yaml").write_text(
        yaml.safe_dump(TINY_GALLERY_ENTRY, sort_keys=False), encoding="utf-8"
    )
    return directory


@pytest.fixture(scope="module")
def gallery_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real gallery when it has entries, otherwise a one-entry gallery in a temp dir."""
    if any(DEFAULT_GALLERY_DIR.glob("*.yaml")):
        return DEFAULT_GALLERY_DIR
    return _write_tiny_gallery(tmp_path_factory.mktemp("gallery"))


@pytest.fixture(scope="module")
def kb(gallery_dir: Path) -> KnowledgeBase:
    return load_knowledge(gallery_dir=gallery_dir)


# --- Completeness ---------------------------------------------------------------------------


def test_loads_with_only_a_tiny_gallery(tmp_path: Path) -> None:
    """Our files are valid on their own, whatever state the shared gallery is in."""
    kb = load_knowledge(DEFAULT_KNOWLEDGE_DIR, _write_tiny_gallery(tmp_path / "gallery"))
    assert set(kb.models) == MODEL_IDS
    assert missing_guide_sections(kb) == []


def test_every_guide_section_exists(kb: KnowledgeBase) -> None:
    assert missing_guide_sections(kb) == []


def test_guide_files_are_numbered_in_section_order() -> None:
    names = sorted(p.name for p in (DEFAULT_KNOWLEDGE_DIR / "guide").glob("*.md"))
    expected = [f"{i:02d}-{sid}.md" for i, sid in enumerate(GUIDE_SECTION_IDS, start=1)]
    assert names == expected


def test_guide_sections_have_subsections(kb: KnowledgeBase) -> None:
    for section in kb.guide.values():
        headings = [h for h, _ in section.subsections if h != section.title]
        assert len(headings) >= 3, f"{section.file}: needs at least 3 '## ' sub-sections"


def test_all_model_ids_exist(kb: KnowledgeBase) -> None:
    assert len(MODEL_IDS) >= 10  # the profiles shipped so far; losing one is a bug
    assert set(kb.models) == MODEL_IDS


def test_every_model_is_named_in_the_readme(kb: KnowledgeBase) -> None:
    """The README's list of dialects is written by hand: a new profile must be added there."""
    readme = (REPO / "README.md").read_text(encoding="utf-8").lower()
    for model in kb.models.values():
        spellings = [model.id, model.name.lower(), *model.name.lower().split()]
        assert any(s in readme for s in spellings if len(s) > 2), model.id


def test_model_file_names_match_ids(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        assert Path(model.file).stem == model.id


# --- Model profile shape --------------------------------------------------------------------


def test_component_order_has_no_duplicates(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        order = list(model.component_order)
        dupes = sorted({c for c in order if order.count(c) > 1})
        assert not dupes, f"{model.file}: component_order repeats {dupes}"


def test_component_order_uses_known_components(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        assert set(model.component_order) <= set(COMPONENT_NAMES)


def test_camera_templates_contain_moves(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        assert "{moves}" in model.camera.template, f"{model.file}: camera.template"


def test_camera_maps_enough_moves(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        assert len(model.camera.moves) >= 12, f"{model.file}: camera.moves"


def test_hailuo_uses_its_bracketed_commands(kb: KnowledgeBase) -> None:
    hailuo = kb.models["hailuo"]
    assert hailuo.camera.style == "bracketed"
    assert hailuo.camera.template == "[{moves}]"
    assert hailuo.camera.max_moves == 3
    commands = {
        "Truck left", "Truck right", "Pan left", "Pan right", "Push in", "Pull out",
        "Pedestal up", "Pedestal down", "Tilt up", "Tilt down", "Zoom in", "Zoom out",
        "Shake", "Tracking shot", "Static shot",
    }
    for move, phrase in hailuo.camera.moves.items():
        parts = [p.strip() for p in phrase.split(",")]
        assert set(parts) <= commands, f"hailuo camera.moves.{move}: {phrase!r}"


def test_runway_puts_camera_first(kb: KnowledgeBase) -> None:
    runway = kb.models["runway"]
    assert runway.camera.style == "prefix"
    assert runway.component_order[0] == "camera"


def test_profiles_have_biases_and_facts(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        assert len(model.biases) >= 2, f"{model.file}: biases"
        assert len(model.facts) >= 5, f"{model.file}: facts"


def test_ideal_words_are_ordered(kb: KnowledgeBase) -> None:
    for model in kb.models.values():
        low, high = model.ideal_words
        assert 0 < low < high, f"{model.file}: ideal_words"


def test_aliases_are_lower_case_and_unique(kb: KnowledgeBase) -> None:
    seen: dict[str, str] = {}
    for model in kb.models.values():
        for alias in model.aliases:
            assert alias == alias.lower(), f"{model.file}: alias {alias!r} is not lower case"
            assert alias not in seen, f"{alias!r} in both {seen.get(alias)} and {model.id}"
            assert alias not in MODEL_IDS, f"{model.file}: alias {alias!r} is a model id"
            seen[alias] = model.id


def test_audio_and_negative_prompt_flags(kb: KnowledgeBase) -> None:
    audio = {m.id for m in kb.models.values() if m.audio}
    negative = {m.id for m in kb.models.values() if m.negative_prompt}
    assert audio == {"veo", "sora", "kling", "seedance", "vidu", "pixverse", "wan", "ltx"}
    assert negative == {"kling", "pika", "wan", "hunyuan", "ltx", "veo", "pixverse"}


# --- Broken files name the file and the field -----------------------------------------------


def _copy_knowledge(tmp_path: Path) -> tuple[Path, Path]:
    kdir = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR / "guide", kdir / "guide")
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR / "models", kdir / "models")
    return kdir, _write_tiny_gallery(tmp_path / "gallery")


def _edit_yaml(path: Path, edit) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _set(key: str, value):
    def edit(data: dict) -> None:
        data[key] = value
    return edit


def _set_camera_template(data: dict) -> None:
    data["camera"]["template"] = ""


def _add_unknown_move(data: dict) -> None:
    data["camera"]["moves"]["moonwalk"] = "camera moonwalks"


@pytest.mark.parametrize(
    ("file_name", "edit", "field"),
    [
        ("runway.yaml", _set("max_prompt_chars", "about a thousand"), "max_prompt_chars"),
        ("luma.yaml", _set("component_order", ["subject", "vibes"]), "component_order"),
        ("kling.yaml", _set("aspect_ratios", ["wide"]), "aspect_ratios"),
        ("veo.yaml", _set("favourite_colour", "blue"), "favourite_colour"),
        ("hailuo.yaml", _add_unknown_move, "camera.moves"),
        ("wan.yaml", _set("aliases", ["gen4"]), "aliases"),
    ],
)
def test_broken_model_file_names_file_and_field(tmp_path: Path, file_name, edit, field) -> None:
    kdir, gdir = _copy_knowledge(tmp_path)
    _edit_yaml(kdir / "models" / file_name, edit)
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kdir, gdir)
    message = str(err.value)
    assert file_name in message
    assert field in message


def test_broken_guide_front_matter_names_file_and_field(tmp_path: Path) -> None:
    kdir, gdir = _copy_knowledge(tmp_path)
    path = kdir / "guide" / "05-camera-language.md"
    text = path.read_text(encoding="utf-8")
    broken = re.sub(r"^components: .*$", "components: [camera, dance]", text, count=1, flags=re.M)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kdir, gdir)
    assert "05-camera-language.md" in str(err.value)
    assert "components" in str(err.value)


def test_unparseable_model_file_names_the_file(tmp_path: Path) -> None:
    kdir, gdir = _copy_knowledge(tmp_path)
    path = kdir / "models" / "pika.yaml"
    path.write_text("id: pika\nname: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"pika\.yaml"):
        load_knowledge(kdir, gdir)


def test_gallery_entry_with_unknown_model_is_rejected(tmp_path: Path) -> None:
    kdir, gdir = _copy_knowledge(tmp_path)
    _edit_yaml(gdir / "tiny-test-entry.yaml", _set("model", "not-a-model"))
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(kdir, gdir)
    assert "tiny-test-entry.yaml" in str(err.value)
    assert "model" in str(err.value)


def test_parsed_knowledge_is_cached_by_file_fingerprint(tmp_path, monkeypatch):
    """The second load of the same files reads the cache (no parsing at all); an edited file,
    or a corrupt cache, means a fresh parse with the same result."""
    from bot.core import knowledge as knowledge_module

    kdir, gdir, cache = tmp_path / "knowledge", tmp_path / "gallery", tmp_path / "cache"
    shutil.copytree(DEFAULT_KNOWLEDGE_DIR, kdir)
    shutil.copytree(knowledge_module.DEFAULT_GALLERY_DIR, gdir)
    # A data directory that does not exist is not created (a critique in someone's project).
    load_knowledge(kdir, gdir, cache_dir=cache)
    assert not cache.exists()
    cache.mkdir()
    first = load_knowledge(kdir, gdir, cache_dir=cache)
    assert len(list(cache.glob("knowledge-*.pickle"))) == 1

    real_parse = knowledge_module._parse_knowledge

    def no_parsing(*args):
        raise AssertionError("parsed again although nothing changed")
    monkeypatch.setattr(knowledge_module, "_parse_knowledge", no_parsing)
    again = load_knowledge(kdir, gdir, cache_dir=cache)
    assert again == first and again is not first

    monkeypatch.setattr(knowledge_module, "_parse_knowledge", real_parse)
    entry = next(gdir.glob("*.yaml"))
    data = yaml.safe_load(entry.read_text(encoding="utf-8"))
    data["title"] += " (edited)"
    entry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    edited = load_knowledge(kdir, gdir, cache_dir=cache)
    assert edited != first and len(list(cache.glob("knowledge-*.pickle"))) == 1

    (next(cache.glob("knowledge-*.pickle"))).write_bytes(b"not a pickle")
    assert load_knowledge(kdir, gdir, cache_dir=cache) == edited
