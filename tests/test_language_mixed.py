"""A prompt is read in the language most of its words are in (issue 16: "mixed prompts work").

A few CJK words quoted in an English prompt ("a qipao (旗袍)") must not turn it into a Chinese
prompt (whose native reading drops the English setting and sound, and whose rewrite would be in
Chinese), nor a Korean word into an unsupported Korean prompt; a Chinese or Japanese prompt with
a tail of English camera terms stays Chinese or Japanese."""

from __future__ import annotations

import pytest

from bot.core.critique.analysis import analyze
from bot.core.critique.components import Component as C
from bot.core.critique.pipeline import critique
from bot.core.language import detect_language


@pytest.fixture(scope="module")
def kb():
    from bot.core.knowledge import load_knowledge

    return load_knowledge()


ENGLISH_WITH_TERMS = [
    ("A woman in a red qipao (旗袍) walks slowly through a misty garden, camera tracks "
     "alongside, soft morning light, rain pattering on the leaves", "zh"),
    ("Close-up of a sushi chef slicing tuna at a wooden counter, a paper sign reads 寿司, warm "
     "tungsten light, shallow depth of field", "zh"),
    ("A shrine maiden sweeps the stone steps of a mountain shrine at dawn, a wooden plaque "
     "reads おみくじ, handheld camera follows her from behind, birdsong", "ja"),
    ("Neon signs spelling ラーメン flicker above a rainy alley in Osaka at night, a cook steps out "
     "for a smoke, slow push-in", "ja"),
    ("A girl in a hanbok (한복) dances in a palace courtyard at dusk, slow tracking shot, "
     "lanterns glowing", "ko"),
]

CJK_WITH_ENGLISH_TAGS = [
    ("一个女孩在雨中奔跑, slow dolly in, cinematic lighting", "zh"),
    ("夕阳下的海边，一只金毛犬在沙滩上奔跑，slow motion, golden hour, wide shot", "zh"),
    ("电影感，一只猫在窗台上睡觉，阳光洒在它身上, soft light, 8k", "zh"),
    ("桜の木の下で少女が踊る, slow pan, soft light", "ja"),
    ("雨の渋谷交差点を傘をさした人々が行き交う、high angle, time-lapse", "ja"),
]


@pytest.mark.parametrize(("text", "terms"), ENGLISH_WITH_TERMS)
def test_english_prompt_quoting_cjk_terms_is_english(text: str, terms: str) -> None:
    lang = detect_language(text)
    assert lang.code == "en"
    assert terms in lang.mixed_with
    assert lang.supported


@pytest.mark.parametrize(("text", "code"), CJK_WITH_ENGLISH_TAGS)
def test_cjk_prompt_with_english_tags_keeps_its_language(text: str, code: str) -> None:
    lang = detect_language(text)
    assert lang.code == code
    assert "en" in lang.mixed_with


def test_korean_prompt_is_still_korean() -> None:
    assert detect_language("한복을 입은 소녀가 궁궐 마당에서 춤춘다, slow pan").code == "ko"


def test_english_words_keep_their_components(kb) -> None:
    """Read as English, the setting and the sound the native reading dropped are found."""
    a = analyze(ENGLISH_WITH_TERMS[0][0])
    assert a.language == "en" and a.language_mixed == ["zh"]
    for comp in (C.SUBJECT, C.ACTION, C.CAMERA, C.LIGHTING, C.SETTING, C.AUDIO):
        assert a.has(comp), comp
    assert "garden" in (a.text(C.SETTING) or "")


@pytest.mark.parametrize("text", [
    "旗袍女孩, slow motion, dolly in, golden hour, cinematic lighting, 35mm film, shallow focus",
    "武士, walking through tall grass at dusk, low angle tracking shot, wind, film grain, "
    "anamorphic lens",
])
def test_a_subject_written_only_in_cjk_is_still_found(text: str) -> None:
    a = analyze(text)
    assert a.language == "en"
    subject = a.text(C.SUBJECT) or ""
    assert any("\u4e00" <= ch <= "\u9fff" for ch in subject), subject


def test_critique_answers_in_english_without_a_language_notice(kb) -> None:
    for text, _ in ENGLISH_WITH_TERMS:
        c = critique(text, kb)
        assert c.language == "en"
        assert not any("looks like" in n for n in c.notices), c.notices
        detail = c.to_public_json()["language_detail"]
        assert detail["supported"] and detail["code"] == "en"


@pytest.mark.parametrize("text", [
    "La nieve cae suavemente.",
    "Un caballo galopa veloz.",
    "Las hojas caen despacio.",
])
def test_a_short_spanish_line_is_not_taken_for_english(text: str) -> None:
    """The model is unsure on a few words (Italian or French first) and does not guess English
    at all: most words being Spanish forms decides, rather than "unsure, so English", whose
    lexicon finds nothing in it."""
    assert detect_language(text).code == "es"
    assert analyze(text).has(C.SUBJECT)


@pytest.mark.parametrize("text", [
    "Salsa dancers in Havana at night",
    "La Sagrada Familia at dusk, slow pan",
    "Pura vida surf trip, golden hour",
])
def test_english_with_spanish_names_stays_english(text: str) -> None:
    assert detect_language(text).code == "en"
