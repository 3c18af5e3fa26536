"""Spanish and Japanese component readings fixed on dev6a (issue 16): shot sizes from the
dictionary through the English shot table, light words read in their sense, and the head of a
phrase rather than a word inside it. Sentences are written for these tests, not dev rows."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C


def _texts(text: str, comp: C) -> list[str]:
    return [text[s.start:s.end] for s in analyze(text).spans.get(comp, [])]


@pytest.mark.parametrize(("text", "shot"), [
    ("Un plano extremo de una mano que tiembla sobre la mesa.", "plano extremo"),
    ("Toma amplia de un valle nevado al amanecer.", "Toma amplia"),
    ("Abre con un plano maestro del salón de baile.", "plano maestro"),
])
def test_a_dictionary_size_after_plano_is_a_shot(text: str, shot: str) -> None:
    assert shot in _texts(text, C.SHOT), (text, _texts(text, C.SHOT))


def test_the_shot_size_table_is_read_through_the_english_shot_table() -> None:
    from pathlib import Path

    import bot.core.critique.lexicons.es as es
    from bot.core.generated_tables import table_lines

    words = set(table_lines(Path(es.__file__).with_name("shot_sizes_es.txt")))
    assert {"extremo", "amplio", "maestro", "lejano"} <= words
    assert not {"rojo", "macro", "izquierdo", "central"} & words  # a colour, a lens, positions


@pytest.mark.parametrize("text", [
    "La cámara pasa lentamente junto al reflejo del monitor apagado.",
    "En el reflejo de su córnea se ve una ciudad lejana.",
    "La cámara retrocede despacio, manteniendo el foco en la taza de té.",
])
def test_a_reflection_of_a_non_light_or_the_focus_is_not_lighting(text: str) -> None:
    assert _texts(text, C.LIGHTING) == [], (text, _texts(text, C.LIGHTING))


@pytest.mark.parametrize(("text", "light"), [
    ("Reflejos de neón sobre el asfalto mojado, calle vacía.", "Reflejos de neón"),
    ("Un vaso de vino en la mesa, reflejos de la luna en el cristal.", "reflejos de la luna"),
    ("Un foco de teatro ilumina a la bailarina.", "foco de teatro"),
])
def test_a_reflection_of_a_light_and_a_fitting_stay_lighting(text: str, light: str) -> None:
    assert any(light in t for t in _texts(text, C.LIGHTING)), (text, _texts(text, C.LIGHTING))


@pytest.mark.parametrize("text", [
    "Una lámpara de papel flotando sobre la mesa del comedor.",   # where it is, not how it moves
    "En la plaza la gente va de un lado a otro.",                 # a direction alone
])
def test_floating_or_a_direction_alone_is_not_motion(text: str) -> None:
    assert _texts(text, C.MOTION) == [], (text, _texts(text, C.MOTION))


def test_a_falling_noun_phrase_with_its_de_phrase_is_motion() -> None:
    text = "Una niña en el jardín, hojas de arce rojas cayendo a su alrededor."
    assert any("hojas de arce rojas cayendo" in t for t in _texts(text, C.MOTION)), \
        _texts(text, C.MOTION)


@pytest.mark.parametrize(("text", "light"), [
    ("少女が机で本を読む、夕方の柔らかい窓光。", "窓光"),
    ("猫がソファで眠る、室内光だけの静かな部屋。", "室内光"),
])
def test_a_japanese_compound_headed_by_light_is_lighting(text: str, light: str) -> None:
    assert any(light in t for t in _texts(text, C.LIGHTING)), (text, _texts(text, C.LIGHTING))


@pytest.mark.parametrize("text", [
    "家族が観光バスに乗って山へ向かう。",   # sightseeing
    "選手が栄光をつかむ瞬間。",              # glory
])
def test_a_japanese_compound_on_light_with_another_sense_is_not_lighting(text: str) -> None:
    assert _texts(text, C.LIGHTING) == [], (text, _texts(text, C.LIGHTING))


@pytest.mark.parametrize(("text", "shot"), [
    ("35mm、冒頭はワイド、街並みを見せる", "ワイド"),
    ("85mm、ラストはタイト。", "タイト"),
])
def test_a_bare_katakana_size_closing_a_list_item_is_a_shot(text: str, shot: str) -> None:
    assert shot in _texts(text, C.SHOT), (text, _texts(text, C.SHOT))


@pytest.mark.parametrize("text", [
    "少女がワイドパンツで街を歩く。",      # inside a longer word
    "ロングヘアの女性が振り向く。",        # qualifying a noun
])
def test_a_katakana_size_inside_a_word_is_not_a_shot(text: str) -> None:
    assert _texts(text, C.SHOT) == [], (text, _texts(text, C.SHOT))


def test_a_light_with_its_qualifiers_holds_its_source_not_a_subject() -> None:
    text = "luz de relleno cálida de velas, interior de una cabaña"
    assert any("luz de relleno cálida de velas" in t for t in _texts(text, C.LIGHTING)), \
        _texts(text, C.LIGHTING)
    assert not any("velas" in t for t in _texts(text, C.SUBJECT)), _texts(text, C.SUBJECT)


def test_una_vez_is_once_not_a_subject() -> None:
    text = "Una vez cerrada la puerta, la cámara sube despacio hacia el techo."
    assert not any(t.startswith("Una vez") for t in _texts(text, C.SUBJECT)), \
        _texts(text, C.SUBJECT)


def test_a_verb_said_of_passing_by_the_camera_is_the_subjects_action() -> None:
    text = "カメラは低い位置に固定、遠くから少年が走って来て、カメラの前を通過する"
    assert any("通過" in t for t in _texts(text, C.ACTION)), _texts(text, C.ACTION)


def test_the_cameras_own_move_in_its_topic_chain_is_still_not_an_action() -> None:
    text = "カメラが街を見渡し、ゆっくり前進する"
    assert not any("前進" in t for t in _texts(text, C.ACTION)), _texts(text, C.ACTION)
