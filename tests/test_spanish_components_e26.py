"""Spanish subjects and camera words read from the dictionary through the English tables
(issue 16, session 26): a noun whose English sense is a person, an animal or a thing; the
noun phrase a verb is said of; an adjective of the camera's angle after plano/toma/vista; any
noun of the camera's ("barrido de cámara"). Sentences are written for these tests, not dev
rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.lexicons import es_nouns
from bot.core.generated_tables import table_lines


def _texts(text: str, comp: C) -> list[str]:
    return [text[s.start:s.end] for s in analyze(text).spans.get(comp, [])]


def test_the_noun_table_gives_kinds_from_the_english_sense() -> None:
    kinds = es_nouns.noun_kinds()
    assert kinds["paracaidista"][0] == "person"  # parachutist: an -ista glossed by an -ist
    assert kinds["abadesa"][0] == "person"
    assert kinds["perros"][0] == "animal"
    assert kinds["bandera"][0] == "thing"
    assert "cámara" not in kinds  # a film word the English reader never takes as a head
    assert "ciudad" not in kinds  # a place is a setting
    assert "líneas" not in kinds  # "lines" read as its singular, not as a person's name


@pytest.mark.parametrize(("text", "subject"), [
    ("Un paracaidista desciende sobre el valle al atardecer.", "Un paracaidista"),
    ("La abadesa cruza el claustro en silencio.", "La abadesa"),
])
def test_a_dictionary_person_is_a_subject(text: str, subject: str) -> None:
    assert subject in _texts(text, C.SUBJECT), (text, _texts(text, C.SUBJECT))


def test_a_person_after_the_personal_a_is_an_object() -> None:
    view = "golpea a un mercenario y luego a otro mercenario"
    assert es_nouns.known_subjects(view) == []


def test_a_person_in_the_de_phrase_of_a_thing_modifies_it() -> None:
    assert es_nouns.known_subjects("la bandera del mercenario") == []
    assert es_nouns.known_subjects("un mercenario") == [(0, 13, "person")]


@pytest.mark.parametrize(("text", "subject"), [
    ("Una bandera ondea con fuerza bajo la tormenta.", "Una bandera"),
    ("estandarte persa aqueménida ondeando en cámara lenta, primer plano", "estandarte"),
])
def test_the_noun_phrase_before_a_verb_is_its_subject(text: str, subject: str) -> None:
    got = _texts(text, C.SUBJECT)
    assert subject in got, (text, got)


def test_the_head_is_the_first_noun_after_the_determiner() -> None:
    view = "una bandera roja de seda ondea"
    assert es_nouns.subject_of_verb(view, view.index("ondea")) == (0, 11, "thing")
    view = "la cámara se acerca"
    assert es_nouns.subject_of_verb(view, view.index("acerca")) is None


@pytest.mark.parametrize(("text", "camera"), [
    ("Una chica baila en la azotea, plano aéreo.", "plano aéreo"),
    ("Un hombre lee junto a la ventana, vista frontal.", "vista frontal"),
    ("Un niño corre por el parque, barrido de cámara.", "barrido de cámara"),
    ("Un coche avanza, retroceso de cámara lento.", "retroceso de cámara"),
])
def test_camera_words_from_the_dictionary(text: str, camera: str) -> None:
    assert any(camera in t for t in _texts(text, C.CAMERA)), (text, _texts(text, C.CAMERA))


@pytest.mark.parametrize("text", [
    "Un perro corre por la playa a cámara lenta.",
    "Grabación de la cámara de seguridad de una tienda vacía.",
])
def test_slow_motion_and_a_camera_of_something_are_not_a_camera_noun(text: str) -> None:
    assert not any("de cámara" in t or "de la cámara" in t for t in _texts(text, C.CAMERA))


def test_the_camera_adjective_table_says_where_the_camera_looks_from() -> None:
    import bot.core.critique.lexicons.es as es

    words = set(table_lines(Path(es.__file__).with_name("camera_adjectives_es.txt")))
    assert {"aéreo", "frontal", "lateral", "elevado"} <= words
    assert not {"siguiente", "emotivo", "amplio", "rojo"} & words


@pytest.mark.parametrize(("text", "camera"), [
    ("Plano general de la biblioteca desde una esquina alta. Nadie se mueve.", "desde"),
    ("Plano general fijo de un puerto al amanecer.", "Plano general fijo"),
    ("Un rostro de perfil, iluminado por una vela.", "de perfil"),
    ("Vista de tres cuartos de una bailarina que se estira.", "de tres cuartos"),
])
def test_where_and_at_what_angle_the_shot_is_taken(text: str, camera: str) -> None:
    assert any(camera in t for t in _texts(text, C.CAMERA)), (text, _texts(text, C.CAMERA))


@pytest.mark.parametrize("text", [
    "Plano general de un hombre que camina desde la puerta hasta la ventana.",
    "Plano medio de una mujer iluminada desde la ventana.",
    "Una niña corre desde la casa hasta el río.",
])
def test_a_desde_given_to_a_verb_or_a_light_is_not_the_cameras(text: str) -> None:
    assert not any("desde" in t for t in _texts(text, C.CAMERA)), (text, _texts(text, C.CAMERA))


def test_the_shots_place_leaves_the_noun_it_names_to_the_subject() -> None:
    text = "Toma en primera persona desde un autobús antiguo que avanza bajo la lluvia."
    assert any("autobús" in t for t in _texts(text, C.SUBJECT)), _texts(text, C.SUBJECT)


def test_a_relative_after_a_light_phrase_and_a_comma_is_the_lights() -> None:
    text = "Un jarrón sobre la mesa. Luz: rasante desde la izquierda, que recorta el relieve."
    assert not any("recorta" in t for t in _texts(text, C.ACTION)), _texts(text, C.ACTION)


def test_a_shot_with_two_adjectives_moving_is_the_cameras() -> None:
    text = "Un pueblo blanco al amanecer. Plano aéreo cenital que desciende hacia la plaza."
    assert not any("desciende" in t for t in _texts(text, C.ACTION)), _texts(text, C.ACTION)


def test_the_superlative_close_up_said_short_is_a_shot() -> None:
    assert _texts("Primerísimo plano de una mano sobre la mesa.", C.SHOT)


@pytest.mark.parametrize(("text", "light"), [
    ("Un hombre lee bajo una lámpara de escritorio.", "lámpara"),
    ("Un hombre espera bajo una bombilla desnuda.", "bombilla"),
    ("Una mujer camina por una calle mal iluminada.", "mal iluminada"),
    ("Un niño espera en una sala a oscuras.", "a oscuras"),
    ("Un hombre trabaja bajo un sol abrasador.", "bajo un sol abrasador"),
])
def test_light_sources_and_degrees_of_light(text: str, light: str) -> None:
    assert any(light in t for t in _texts(text, C.LIGHTING)), (text, _texts(text, C.LIGHTING))


def test_the_light_fitting_table_is_read_through_wordnet() -> None:
    import bot.core.critique.lexicons.es as es

    words = set(table_lines(Path(es.__file__).with_name("light_fittings_es.txt")))
    assert {"lámpara", "bombilla", "antorcha", "linterna"} <= words
    assert not {"ventana", "día", "mesa"} & words


def test_an_unknown_ista_after_a_determiner_is_a_person() -> None:
    assert "Un violonchelista" in _texts("Un violonchelista toca en la calle.", C.SUBJECT)
    assert es_nouns.known_subjects("un edificio futurista") == []
