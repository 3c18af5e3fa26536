"""The Spanish gloss in English word order (bot/core/ethics/spanish_english.py): noun phrases,
possessives, grammar words, object pronouns, senses by context and words the table lacks.
Sentences written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import bot.core.ethics as ethics
from bot.core.ethics import gloss as gloss_module
from bot.core.ethics import spanish_english
from bot.core.ethics.spanish_english import POS_FILE, gloss_spanish, parts_of_speech
from tests.spanish_gloss_generator import needs_apertium

ROOT = Path(__file__).resolve().parents[1]


def _text(prompt: str) -> str:
    return gloss_spanish(prompt).text


def test_parts_of_speech_table_carries_its_licence_and_covers_the_gloss_table() -> None:
    lines = POS_FILE.read_text(encoding="utf-8").splitlines()
    assert "GPL-2.0-or-later" in lines[0]
    table = parts_of_speech()
    assert set(gloss_module.spanish_dictionary()) <= set(table) | {"lo", "le", "les", "me", "te",
                                                                    "nos", "que", "sus", "tu",
                                                                    "tus", "del", "al"}
    assert table["falso"][0] == "a" and table["vídeo"][0] == "n"
    assert "v" in table["marca"][0] and "n" in table["marca"][0]


def test_adjective_after_its_noun_goes_first() -> None:
    assert _text("un vídeo falso") == "a false / dud video"
    assert _text("la chica nueva") == "the new girl"
    # Not an adjective of another gender or number: sacada is the face's, not the boss's.
    assert "take out boss" not in _text("la cara de mi jefe sacada de su foto")
    # Comparatives stay where they are and make que "than".
    assert _text("cura el cáncer mejor que la quimioterapia").endswith(
        "cancer better than the chemotherapy")


def test_bare_noun_after_de_is_a_modifier_a_possessive_an_owner() -> None:
    assert _text("imágenes de cámara de seguridad") == "security camera images"
    assert _text("la foto de mi ex") == "my ex's photo"
    assert _text("la cara de mi jefe") == "my boss's face"
    # After an indefinite article de says what the video shows; a name after the owner stays.
    assert _text("un vídeo de mi ex") == "a video of my ex"
    assert _text("la foto de mi ex Javi") == "the photo of my ex Javi"
    # A determiner after de keeps "of".
    assert _text("la cara del árbitro") == "the face of the referee / arbitrator"


def test_grammar_words_read_by_their_neighbours() -> None:
    assert _text("una chica") == "a girl"
    assert _text("una de las chicas") == "one of the girls"
    assert _text("el método que voy a usar") == "the method that going to use"
    assert _text("pero tiene 16, en la fiesta") == "but is 16 years old in the party"
    assert _text("tiene 16 años") == "is 16 years old"
    assert "years old" not in _text("tiene 3 perros")  # a number of things, not an age
    assert _text("para que parezca real").startswith("so that")
    assert _text("si no pagas").startswith("if not")


def test_object_pronouns_follow_their_verb_and_personal_a_is_dropped() -> None:
    assert _text("lo voy a poner en la tele") == "going to put it in the TV"
    assert _text("la graba con el móvil") == "film her with the mobile"
    # Before a verb with its own object the pronoun stays put (not between verb and object).
    assert _text("le quita el bañador") == "him take away / removes the swimsuit"
    assert _text("lo voy a subir al grupo de sus amigos") == (
        "going to post it to their fellow's / friends' group")
    assert _text("enseñe a una adolescente") == "teach a teen / teenage"
    assert _text("sube a la azotea") == "post to the flat roof"  # a place: a is "to"


def test_the_word_before_picks_the_noun_or_the_verb_reading() -> None:
    assert _text("con la marca") == "with the mark"  # after a determiner: the noun
    assert _text("con marca") == "with mark"  # after a preposition: the noun
    assert _text("si no pagas") == "if not pay"  # after no: the verb
    assert _text("la marca de hora") == "the time / hour mark"


def test_words_the_table_lacks_by_word_formation() -> None:
    assert _text("un modelo imprimible") == "a printable model"
    assert _text("música relajante") == "relaxing music / musician"
    assert _text("un dron") == "a drone"
    # An -ear verb made of a short noun, its clitic on the infinitive a reflexive.
    assert _text("cómo gasearte en el coche") == "how gas yourself in the car"
    assert _text("vídeo meme") == "video meme"  # not the clitics "me me"


def test_without_the_parts_of_speech_table_the_gloss_is_the_word_by_word_one(monkeypatch) -> None:
    monkeypatch.setattr(spanish_english, "parts_of_speech", dict)
    prompt = "un vídeo falso de mi ex"
    assert gloss_spanish(prompt) == gloss_module.gloss_spanish(prompt)


def test_full_review_reads_the_ordered_gloss() -> None:
    glossed = ethics._spanish_gloss("la foto de mi ex desnuda, vídeo falso", ethics.cached_rules())
    assert glossed is not None and "my ex's photo" in glossed.text
    # Every gloss word still points at the prompt's words.
    prompt = "imágenes de cámara de seguridad"
    for w in gloss_spanish(prompt).words:
        assert prompt[w.start:w.end] in prompt.split()


@needs_apertium
def test_generator_writes_the_committed_parts_of_speech(tmp_path) -> None:
    out = tmp_path / "gloss.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_spanish_gloss.py"),
                    "--words", "3000", "--out", str(out)], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    committed = parts_of_speech()
    rows = (tmp_path / "spanish_pos.tsv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) > 2000
    for row in rows:
        form, letters, readings = (row.split("\t") + [""])[:3]
        assert committed[form] == (letters, readings), form
