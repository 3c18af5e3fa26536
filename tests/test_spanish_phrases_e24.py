"""Spanish verbs said in more than one word or only with a reflexive pronoun, read as one
English verb by the gloss (bot/core/ethics/spanish_english.py `_verb_phrases`, table
spanish_phrases.tsv from scripts/gen_spanish_gloss.py). Sentences written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.core.ethics.spanish_english import PHRASES_FILE, gloss_spanish, phrase_verbs
from tests.spanish_gloss_generator import APERTIUM, needs_apertium

ROOT = Path(__file__).resolve().parents[1]


def _text(prompt: str) -> str:
    return gloss_spanish(prompt).text


def test_phrase_table_carries_its_licence_and_both_kinds_of_verb() -> None:
    lines = PHRASES_FILE.read_text(encoding="utf-8").splitlines()
    assert "GPL-2.0-or-later" in lines[0]
    table = phrase_verbs()
    assert len(lines) > 10000
    # A multiword verb and a pronominal one, each in a form the table was generated in.
    assert (("de", "menos"), "missed", False) in table["echábamos"]
    assert any(fixed == () and pronominal for fixed, _, pronominal in table["equivoca"])


@pytest.mark.parametrize(("prompt", "english"), [
    ("se dio cuenta de todo", "realised"),  # reflexive before a finite form
    ("me di cuenta tarde", "realised"),
    ("dándose cuenta del error", "realising"),  # reflexive written onto the gerund
    ("date cuenta de esto", "realises"),  # onto a short imperative
    ("nos equivocamos de casa", "make a mistake"),  # a one-word pronominal verb
])
def test_a_pronominal_verb_is_read_whole_in_any_form(prompt: str, english: str) -> None:
    text = _text(prompt)
    assert text.startswith(english), text
    assert "themselves" not in text and "account" not in text


def test_a_pronominal_phrase_needs_its_pronoun() -> None:
    """Without the reflexive, dar cuenta de is "give an account of", not "realise"."""
    assert "realise" not in _text("el informe dio cuenta de los gastos")


def test_a_multiword_verb_keeps_its_object_and_a_reflexive_object() -> None:
    assert _text("te echo de menos") == "miss you"
    assert _text("se hizo daño") == "hurt themselves"
    assert "hurt" in _text("quiero hacer daño a mi vecino")


def test_the_fixed_words_must_follow_the_verb_unbroken() -> None:
    assert "realised" not in _text("se dio, cuenta")
    assert "miss" not in _text("echo sal de menos calidad")


def test_a_phrase_points_at_its_words() -> None:
    prompt = "ella se hace pasar por policía"
    phrase = next(w for w in gloss_spanish(prompt).words if w.english.startswith("pass"))
    assert prompt[phrase.start:phrase.end] == "se hace pasar por"


@needs_apertium
def test_generator_writes_the_committed_phrase_table(tmp_path) -> None:
    out = tmp_path / "gloss.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_spanish_gloss.py"),
                    "--words", "300", "--out", str(out)], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    written = (tmp_path / PHRASES_FILE.name).read_text(encoding="utf-8")
    assert written == PHRASES_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("prompt", "english"), [
    ("la señora se queja del ruido", "complains of the noise"),
    ("todos se ríen de la chica nueva", "laugh of the new girl"),
])
def test_se_before_a_verb_with_de_is_no_reflexive(prompt: str, english: str) -> None:
    """A verb whose complement follows de has no direct object, so se is not one."""
    text = _text(prompt)
    assert english in text and "themselves" not in text, text


def test_se_with_a_direct_object_stays_reflexive() -> None:
    assert "themselves" in _text("se corta con un cuchillo")


def test_a_reading_ending_in_a_preposition_takes_the_complement_without_de() -> None:
    assert _text("se aprovecha de ella").endswith("advantage of her")


@pytest.mark.parametrize(("prompt", "english"), [
    ("un vídeo de ella desnuda", "of her"),
    ("una escena entre él y yo", "between him"),
    ("hablan de ellos", "of them"),
])
def test_a_pronoun_after_a_preposition_is_its_object(prompt: str, english: str) -> None:
    assert english in _text(prompt)


def test_a_subject_pronoun_stays_a_subject() -> None:
    assert _text("ella come").startswith("she")


def test_se_written_onto_a_verb_with_de_is_no_reflexive_either() -> None:
    text = _text("una presentación burlándose de la tartamudez de mi compañera")
    assert "themselves" not in text and "of the" in text, text
    assert "themselves" in _text("quiere cortarse con un cuchillo")


def test_de_before_a_bare_noun_is_a_cause_and_se_stays_reflexive() -> None:
    assert "killing themselves" in _text("una chica matándose de hambre")
    assert "themselves" in _text("se muere de risa")


def test_generator_without_lt_print_says_which_package_brings_it(tmp_path: Path) -> None:
    """Debian's apertium-eng-spa brings lt-proc but not lt-print (lttoolbox-dev): the generator
    must refuse with the packages to install, not fail with a traceback half-way."""
    tools = tmp_path / "bin"
    tools.mkdir()
    lt_proc = tools / "lt-proc"
    lt_proc.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    lt_proc.chmod(0o755)
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_spanish_gloss.py"),
                           "--apertium-dir", str(APERTIUM), "--out", str(tmp_path / "g.tsv")],
                          capture_output=True, text=True, env={"PATH": str(tools)}, check=False)
    assert done.returncode == 2
    assert "lt-print" in done.stderr and "lttoolbox-dev" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "g.tsv").exists()
