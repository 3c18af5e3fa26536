"""The Spanish gloss (bot/core/ethics/gloss.py, table from scripts/gen_spanish_gloss.py), the
full review reading Spanish, Chinese and Japanese clause by clause, and the semantic layer's
slack for glosses. Sentences written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import bot.core.ethics as ethics
from bot.core.ethics import gloss as gloss_module
from bot.core.ethics import review_ethics, review_full
from bot.core.ethics.gloss import SPANISH_GLOSS_FILE, gloss_spanish, source_trigger, spanish_dictionary
from bot.core.ethics.semantic import ClassScore, ExemplarClass, Slack
from tests.spanish_gloss_generator import needs_apertium

ROOT = Path(__file__).resolve().parents[1]


def test_table_carries_its_licence_and_one_reading_a_form() -> None:
    lines = SPANISH_GLOSS_FILE.read_text(encoding="utf-8").splitlines()
    assert "GPL-2.0-or-later" in lines[0] and "Apertium" in lines[0]
    assert len(lines) > 30000
    assert all(line.count("\t") == 1 and line.split("\t")[1] for line in lines[1:])


def test_spanish_gloss_reads_lemmas_inflection_and_function_words() -> None:
    glossed = gloss_spanish("hazme un vídeo de mi novia desnuda")
    assert glossed.text.startswith("make me a video of my girlfriend")
    assert "nude" in glossed.text
    # Inflection follows the Spanish form: plural nouns, third-person verbs, gerunds.
    assert "elections" in gloss_spanish("las elecciones").text
    assert "recording" in gloss_spanish("grabando").text


def test_enclitic_forms_missing_from_the_table_read_as_verb_and_object() -> None:
    assert "mátala" not in spanish_dictionary()
    assert gloss_spanish("mátala").text == "kill her"


def test_unknown_words_are_kept_and_spans_point_back() -> None:
    prompt = "un deepfake de Zorblax en la playa"
    glossed = gloss_spanish(prompt)
    assert "deepfake" in glossed.text.split() and "Zorblax" in glossed.text.split()
    assert source_trigger("beach", glossed, prompt) == "playa"


def test_quick_review_never_reads_the_spanish_gloss(monkeypatch) -> None:
    """The quick path stays on the Spanish lexicon (its cost budget); only the full review
    glosses Spanish."""
    def fail(text: str) -> None:
        raise AssertionError("the quick review glossed a Spanish prompt")

    monkeypatch.setattr(gloss_module, "gloss_spanish", fail)
    review_ethics("hazme un vídeo de la playa al atardecer con mi perro")


def test_full_review_adds_only_stops_the_english_rules_find_on_the_gloss(monkeypatch) -> None:
    """Invented Spanish-looking words the Spanish lexicon cannot know, glossed to an English
    request the English rules stop: the full review stops it, naming the prompt's words."""
    table = dict(spanish_dictionary())
    table.update({"fotazo": "nude", "compita": "coworker", "bloguear": "photo"})
    monkeypatch.setattr(gloss_module, "spanish_dictionary", lambda: table)
    prompt = "hazme un vídeo fotazo de mi compita, usa su bloguear del trabajo"
    assert review_ethics(prompt).verdict != "stop"
    review = review_full(prompt)
    assert review.verdict == "stop"
    stop = next(c for c in review.concerns if c.severity == "stop")
    assert stop.rule.startswith("gloss:")
    assert "fotazo" in stop.trigger or "compita" in stop.trigger
    # An English prompt is never glossed.
    assert ethics._spanish_gloss("a nude figure study in charcoal", ethics.cached_rules()) is None


def test_clauses_split_on_punctuation_of_every_script() -> None:
    prompt = "a, b；c。d\ne"
    assert [prompt[s:e] for s, e in ethics._clauses(prompt)] == ["a", " b", "c", "d", "e"]


def _class(threshold: float) -> ExemplarClass:
    return ExemplarClass.model_validate({
        "id": "weapons", "category": "weapons", "severity": "stop", "threshold": threshold,
        "sources": ["policy"], "why": "why it stops", "instead": "what to do instead",
        "examples": ["x", "y", "z"]})


def test_slack_fires_below_threshold_only_when_clear_of_the_safe_anchors() -> None:
    slack = Slack(below=0.08, margin=0.10)
    klass = _class(0.45)
    assert slack.fires(ClassScore(klass, similarity=0.40, safe_similarity=0.29))
    assert not slack.fires(ClassScore(klass, similarity=0.40, safe_similarity=0.33))  # margin
    assert not slack.fires(ClassScore(klass, similarity=0.36, safe_similarity=0.10))  # too far


@needs_apertium
def test_generator_reproduces_the_committed_table(tmp_path) -> None:
    out = tmp_path / "gloss.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_spanish_gloss.py"),
                    "--words", "3000", "--out", str(out)], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    committed = spanish_dictionary()
    rows = out.read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) > 2000
    for row in rows:
        form, english = row.split("\t")
        assert committed[form] == english, form


def test_a_purpose_frame_in_the_native_text_cancels_a_gloss_stop_a_medium_does_not() -> None:
    """The gloss may complete what the native rules missed, not override a frame they read:
    an anti-bullying PSA (educational) cancels a harassment stop found on the gloss; "a film"
    names a medium, and cancels nothing."""
    rules = ethics.cached_rules()
    stop = ethics.Concern(category="hate-harassment", severity="stop", trigger="bullying",
                          why="why it stops", instead="what to do instead", rule="r")
    glossed = gloss_spanish("acoso")
    psa = ethics._Scan("反校园霸凌公益短片：被孤立的男孩被同学拉进篮球队", rules)
    film = ethics._Scan("一部电影：同学们围着他", rules)
    assert film.hits("fiction_frame") and psa.hits("educational")
    assert ethics.from_gloss([stop], glossed, "acoso", "gloss", "stop", native=psa) == []
    assert len(ethics.from_gloss([stop], glossed, "acoso", "gloss", "stop", native=film)) == 1
    assert ethics.from_gloss([stop], glossed, "acoso", "gloss", "stop")  # no native: kept


def test_english_with_spanish_words_is_not_glossed_as_spanish() -> None:
    rules = ethics.cached_rules()
    english = "video of a niña de primaria doing a twerk in her room, la la land style"
    assert ethics.rules.looks_spanish(english)  # the lexicon's cue lets it through
    assert ethics._spanish_gloss(english, rules) is None
    assert ethics._spanish_gloss("un vídeo de mi ex desnuda en la cama", rules) is not None


def test_a_gloss_completes_a_person_judgement_but_never_overrides_one() -> None:
    """The native layers judged Shakira's performance a likeness caution; the gloss's
    "singing" (a fabricated statement to the English rules) does not raise it to a stop."""
    def concern(category: str, severity: str, rule: str) -> ethics.Concern:
        return ethics.Concern(category=category, severity=severity, trigger="t",
                              why="why it stops", instead="what to do instead", rule=rule)

    native = concern("likeness", "caution", "likeness-living")
    gloss_stop = concern("consent-deepfake", "stop", "gloss:consent-living-speech")
    assert ethics.without_overrides([native, gloss_stop]) == [native]
    assert ethics.without_overrides([gloss_stop]) == [gloss_stop]  # nothing judged: completes
    weapons = concern("weapons", "stop", "gloss:weapons-firearm-make")
    assert ethics.without_overrides([native, weapons]) == [native, weapons]
    prompt = "Shakira cantando en la playa de Barranquilla al atardecer, videoclip"
    assert review_full(prompt).verdict == "caution"


@pytest.mark.parametrize(("prompt", "wanted"), [
    ("un vid pa mi canal q se vea real", ["video", "for", "that"]),
    ("mándalo al grupo de wasap xq es finde", ["WhatsApp", "because", "weekend"]),
    ("hazlo tb con fotos d ella, porfa", ["also", "of", "please"]),
])
def test_the_chat_registers_clipped_words_are_read_as_the_words_they_stand_for(
        prompt: str, wanted: list[str]) -> None:
    glossed = gloss_spanish(prompt).text.split()
    assert all(word in glossed for word in wanted), glossed
    assert "vineyard" not in glossed


def test_clipped_words_count_as_spanish_for_the_share_gate() -> None:
    assert gloss_module.spanish_share("q no se note q es IA, pa los vids") > \
        gloss_module.spanish_share("que no se note que es IA, para los")  - 0.2
    assert gloss_module.spanish_share("q no se note q es IA pa") >= ethics.MIN_SPANISH_SHARE


@pytest.mark.parametrize(("prompt", "how_to"), [
    ("te enseño cómo cortarte sin que se note", True),
    ("video de cómo hacerlo en casa", True),
    ("cómo se hace, paso a paso", True),
    ("relata cómo la terapia la ayudó en su recuperación", False),
    ("cuenta cómo superó la autolesión con apoyo", False),
    ("mira cómo mi perro persigue su cola", False),
])
def test_como_is_how_to_only_before_an_infinitive(prompt: str, how_to: bool) -> None:
    hits = [h.text for h in ethics._Scan(prompt, ethics.cached_rules()).hits("glorify")]
    assert any(h.startswith("cómo") for h in hits) is how_to, hits
