"""Session 27: Spanish camera heights said as a level, camera moves named by the noun of their
verb, and the hour said by the sun's course."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze


def _found(prompt: str, component: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get(component, [])]  # type: ignore[call-overload]


@pytest.mark.parametrize(("prompt", "camera"), [
    ("A nivel del suelo, las hormigas caminan entre las hojas.", "A nivel del suelo"),
    ("Cámara a nivel de la calle, un taxi pasa.", "a nivel de la calle"),
    ("Un recorrido cinematográfico por la casa.", "recorrido cinematográfico"),
    ("Barrido lateral rápido sobre la ciudad.", "Barrido lateral"),
])
def test_camera_phrasings(prompt: str, camera: str) -> None:
    assert camera in _found(prompt, "camera")


def test_a_bird_s_flight_is_no_camera_move() -> None:
    assert _found("El vuelo lento de una garza sobre el lago.", "camera") == []


@pytest.mark.parametrize(("prompt", "light"), [
    ("El sol se pone detrás de las montañas.", "El sol se pone"),
    ("Sale el sol sobre el mar.", "Sale el sol"),
    ("Un pescador en el muelle, sol de invierno bajo.", "sol de invierno"),
    ("Una mujer camina con el sol a sus espaldas.", "con el sol a sus espaldas"),
])
def test_the_sun_s_course_is_lighting(prompt: str, light: str) -> None:
    assert light in _found(prompt, "lighting")


def test_a_bare_te_is_the_pronoun_not_tea() -> None:
    assert "Te" not in _found('Que ella se ría y diga "Te quiero"', "subject")
    assert _found("Una taza de té humeante", "subject") == ["Una taza de té"]
    assert _found("el te verde en la mesa", "subject") == ["el te"]
