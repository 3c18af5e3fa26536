"""Manner said of a movement by the grammar that attaches it to a verb of movement, the verbs
read from the shipped dictionaries (bot.core.critique.native_manner, lexicons/moving_verbs.py)."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.lexicons.moving_verbs import (
    ja_manner_words_before,
    ja_moving_verb_at,
    zh_moving_verb_at,
)
from bot.core.critique.native_manner import es_manner_spans, ja_manner_spans, zh_manner_spans


def _motion(text: str) -> list[str]:
    return [s.text for s in analyze(text).spans.get("motion", [])]  # type: ignore[call-overload]


def test_the_dictionary_tables_hold_verbs_of_movement_and_manner_words() -> None:
    assert zh_moving_verb_at("盘绕在树枝上", 0) == "盘绕"        # CC-CEDICT "to coil"
    assert zh_moving_verb_at("说话", 0) == ""                   # speaking moves nothing
    assert ja_moving_verb_at("持ち上がる", 0) == "持ち上が"      # JMdict "to be lifted; to rise"
    assert ja_moving_verb_at("終える", 0) == ""
    assert ja_manner_words_before("わずかに", 4) == [0]           # a na-adjective + に
    assert ja_manner_words_before("分厚く", 3)[0] == 0            # an i-adjective's stem + く (厚く too)
    assert ja_manner_words_before("赤く", 2) == []                # a colour is no manner


@pytest.mark.parametrize(("text", "span"), [
    ("一条蛇安静地在地面上蜿蜒前进", "安静地"),   # a place phrase between the manner and the verb
    ("它轻巧地盘绕在树枝上", "轻巧地"),           # a verb of movement only the dictionary lists
    ("女孩飞快地朝门口跑去", "飞快地"),           # a direction phrase between
    ("猫がわずかに横に動く", "わずかに"),          # a goal between the manner and the verb
    ("空には分厚く流れる嵐の雲", "分厚く"),
    ("侍が猛然と突進する", "猛然と"),
    ("Movimiento dinámico, pose elegante", "Movimiento dinámico"),
    ("movimiento realista de la tela", "movimiento realista"),
    ("Una bailarina con un suave movimiento de brazos", "suave movimiento"),
    ("densas nubes de tormenta en movimiento", "en movimiento"),
])
def test_manner_said_of_a_movement_by_grammar_is_motion(text: str, span: str) -> None:
    assert span in _motion(text), (text, _motion(text))


@pytest.mark.parametrize("text", [
    "她安静地在房间里看书",          # a place phrase, then a verb that moves nothing
    "他耐心地向学生解释",
    "孩子们开心地在公园里玩耍",
    "女性が美しく微笑む",            # a smile
    "空が赤く染まる",                # a colour
    "彼は足早に仕事を終える",
    "犬が楽しそうに走る",            # how the dog feels (そう: a look, not a manner)
    "長く流れるような金髪の女性",    # a simile of the hair's shape
    "ボールをダイナミックに追うカメラ",  # the camera's move
    "突然に雨が降る",                # suddenness
    "movimiento de cámara suave",    # the camera's
    "La cámara en movimiento sigue al coche",
    "Una imagen del movimiento feminista",  # no quality of a movement
    "Un movimiento especial coordinado entre los dos",
])
def test_the_same_grammar_said_of_no_movement_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


def test_the_readers_give_the_manner_words_span() -> None:
    view = "一条蛇安静地在地面上蜿蜒前进"
    assert [view[a:b] for a, b in zh_manner_spans(view)] == ["安静地"]
    view = "猫がわずかに横に動く"
    assert [view[a:b] for a, b in ja_manner_spans(view)] == ["わずかに"]
    view = "un suave movimiento y un movimiento especial"
    assert [view[a:b] for a, b in es_manner_spans(view)] == ["suave movimiento"]


@pytest.mark.parametrize("text", [
    "霜の衝撃波が放たれる",              # a physics noun that names a thing (shock wave)
    "戦闘機は衝撃ゾーンの上空にいる",
    "猫は青年の手に鼻先をすり寄せる",    # を + すり寄せる, no mimetic すり
    "Los aviones sobrevuelan la zona de impacto.",  # a place named by the physics noun
])
def test_a_physics_noun_or_a_particle_in_a_name_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "span"), [
    ("爆発の衝撃で窓が揺れる", "衝撃"),      # the physics itself
    ("Un impacto brutal sacude el edificio", "impacto"),
])
def test_the_same_physics_noun_said_alone_is_still_motion(text: str, span: str) -> None:
    assert span in _motion(text), (text, _motion(text))


def test_a_dictionary_manner_word_with_no_di_before_a_verb_of_movement_is_motion() -> None:
    assert "笨重" in _motion("一头大象笨重移动")          # CC-CEDICT "cumbersome/heavy"
    assert _motion("野生动物在草原上奔跑") == []           # 野生 before a noun (动物), no verb


def test_the_chinese_manner_table_leaves_out_nouns_and_verbs() -> None:
    from bot.core.critique.lexicons.moving_verbs import zh_manner_words

    words = zh_manner_words()
    assert {"优雅", "缓慢", "笨重"} <= words
    assert not {"企业", "船队", "雨燕", "灯光", "开始"} & words


@pytest.mark.parametrize(("text", "span"), [
    ("企鹅在冰面上滑行得飞快", "滑行得飞快"),         # a dictionary verb + a degree complement
    ("魚が身をくねらせながら泳ぐ", "くねらせながら"),  # one movement held while another goes on
    ("侍の突進、モーション ブラー", "モーション ブラー"),  # a spaced loan compound
    ("スロー モーションで走る男", "スロー モーション"),
])
def test_complements_while_clauses_and_spaced_loans_are_motion(text: str, span: str) -> None:
    assert span in _motion(text), (text, _motion(text))


@pytest.mark.parametrize("text", ["他说得很慢", "彼女は歌いながら歩く", "男は笑いながら走る"])
def test_the_same_forms_of_a_doing_that_moves_nothing_are_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize("text", ["el movimiento de la cámara es lento"])  # the camera's
def test_a_movement_nouns_manner_said_of_the_camera_is_not_motion(text: str) -> None:
    assert _motion(text) == [], (text, _motion(text))


@pytest.mark.parametrize(("text", "span"), [("舞者优雅旋转", "优雅"), ("她轻盈跳跃", "轻盈"),
                                            ("舞者优雅地旋转", "优雅地")])
def test_the_same_manner_word_said_of_a_verb_of_movement_is_motion(text: str, span: str) -> None:
    assert span in _motion(text), (text, _motion(text))
