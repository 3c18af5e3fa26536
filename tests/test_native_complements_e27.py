"""Session 27: a Spanish noun governed by a preposition is a complement, not the subject, unless
the preposition names what a shot, a view or a group shows; Japanese splash and ripple nouns are
motion only as what a movement verb is said of."""

from __future__ import annotations

from bot.core.critique.analysis import analyze
from bot.core.critique.lexicons import es_nouns


def _subjects(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get("subject", [])]  # type: ignore[call-overload]


def _motion(prompt: str) -> list[str]:
    return [s.text for s in analyze(prompt).spans.get("motion", [])]  # type: ignore[call-overload]


def test_view_nouns_come_from_the_gloss() -> None:
    nouns = es_nouns.view_nouns()
    assert {"escena", "grupo", "taza", "imagen"} <= nouns
    assert "reflejo" not in nouns and "edificio" not in nouns


def test_governor_skips_the_determiner() -> None:
    view = "el reflejo del monitor"
    assert es_nouns.governor(view, view.index("monitor")) == ("del", view.index("del"))
    view = "con partículas de luz"
    assert es_nouns.governor(view, view.index("partículas")) == ("con", 0)
    assert es_nouns.governor("una mujer camina", 0) is None


def test_a_prepositional_noun_is_no_subject() -> None:
    assert _subjects("Zoom lento hacia el centro con partículas de luz") == []
    assert _subjects("Quiero una escena de rescate dramático en un edificio en llamas.") == []
    assert _subjects("La cámara se aleja rápidamente desde el ojo, cruzando el reflejo del "
                     "monitor.") == []


def test_a_de_phrase_of_a_thing_is_no_fallback_subject() -> None:
    prompt = ("La cámara vuela rápidamente sobre los tejados de un pueblo blanco andaluz al "
              "amanecer.")
    assert _subjects(prompt) == []


def test_a_place_inside_a_clause_is_no_subject() -> None:
    prompt = "La cámara retrocede a muy baja altura, casi rozando el suelo del yacimiento."
    assert _subjects(prompt) == []


def test_what_a_shot_or_a_group_shows_stays_the_subject() -> None:
    assert _subjects("Primer plano de una mujer sonriendo") == ["una mujer"]
    assert _subjects("Travelling lento hacia una bailarina que gira bajo la lluvia") \
        == ["una bailarina"]
    assert any("niños" in s for s in _subjects("Un grupo de niños juega en el parque"))


def test_a_governed_noun_before_its_verb_is_its_subject() -> None:
    subjects = _subjects("Toma en primera persona desde un automóvil antiguo que conduce bajo "
                         "la lluvia")
    assert subjects and "automóvil" in subjects[0]


def test_the_fallback_keeps_the_head_when_its_adjective_is_claimed() -> None:
    subjects = _subjects("Toma de seguimiento cinemática con dron de un asesino futurista con "
                         "armadura de marfil")
    assert subjects == ["un asesino"]


def test_a_splash_is_motion_only_when_it_moves() -> None:
    assert _motion("頭部を画面内に収めたミディアムショットから後方へ引き、背後の滝の水しぶきを"
                   "同じ画面で捉える。") == []
    assert _motion("散る桜が一枚、水面に落ちて波紋が消えるまで") == []
    assert "水しぶき" in _motion("水しぶきが舞い上がる")
    assert any("波紋" in m for m in _motion("波紋が静かに広がっていく"))


def test_a_speed_noun_is_motion_only_said_of_a_movement() -> None:
    assert _motion("シャッタースピードを遅くした夜景") == []
    assert _motion("スピード感のある構図の写真") == []
    assert _motion("重力を感じさせる構図") == []
    assert "速さ" in _motion("少年が目にも止まらぬ速さで駆け抜ける")
    assert "ペース" in _motion("ランナーのペースが落ちる")
    assert "スピード" in _motion("スピード感のある動き")


def test_a_person_only_by_an_untagged_first_sense_is_a_thing() -> None:
    kinds = es_nouns.noun_kinds()
    assert kinds["monitor"][0] == "thing"  # a proctor first, untagged; mostly screens
    assert kinds["grúa"][0] == "thing"
    assert kinds["jueces"][0] == "person"  # "judge": tagged, its first sense the most frequent
    assert kinds["emperador"][0] == "person"  # its other senses are animals, no artifact
    assert es_nouns.known_subjects("un monitor") == []


def test_a_high_speed_device_is_no_motion() -> None:
    assert _motion("高速シャッターで捉えた水滴") == []
    assert "高速で" in _motion("電車が高速で通過する")


def test_an_abstraction_by_word_formation_is_no_fallback_subject() -> None:
    assert es_nouns.names_no_subject("una visión infinitamente")
    assert es_nouns.names_no_subject("la elegancia")
    assert not es_nouns.names_no_subject("un camión rojo")  # a thing the table knows
    assert not es_nouns.names_no_subject("una niña")
    prompt = ("Lo más fascinante que jamás haya existido, una visión infinitamente cautivadora "
              "e hipnótica de pura maravilla")
    assert _subjects(prompt) == []
