"""A manner said of a movement, read by the grammar that attaches it to a verb of movement, the
verbs read from the dictionaries the gloss ships (lexicons/moving_verbs.py).

The lexicons' motion cues find a manner word with a verb of movement after it from their own
hand list (zh `_MOVE_VERB`, ja `_MOVES`), right after it. Two forms of the grammar are wider:

- Chinese: a 地-adverbial (安静地, 轻巧地) is said of the verb it stands before, and a place
  phrase may stand between (安静地在地面上蜿蜒前进 "slithers quietly along the ground": 在 ...
  上, 从 ... 中, 朝 ...): the verb after the phrase is the one the manner is said of. A manner
  word with no 地 (优雅旋转) counts when CC-CEDICT reads it as one (manner_words_zh.txt).
- Japanese: any adjective's or to-adverb's adverbial form (分厚く, わずかに, 猛然と; JMdict's
  parts of speech, lexicons/manner_words_ja.txt) before a verb of movement, an object or a goal
  between (わずかに横に動く), is that movement's manner.
- Spanish: the movement named as a noun with an adjective of a movement next to it
  ("movimiento dinámico", "un suave movimiento"; lexicons/motion_adjectives_es.txt, the English
  analyzer's adjectives by Apertium's reading) or "en movimiento", as English reads "dynamic
  movement" and "in motion".

Each reader gives the manner word's span; the native analyzer puts them with the motion cues',
so the same filters (a still verb after, the camera's move) weigh them.
"""

from __future__ import annotations

from functools import cache

from bot.core import cached_re as re
from bot.core.critique.lexicons import ja as ja_lexicon
from bot.core.critique.lexicons import zh as zh_lexicon
from bot.core.critique.lexicons.moving_verbs import (
    ZH_MAX_CHARS,
    es_motion_adjectives,
    ja_manner_words_before,
    ja_moving_verb_at,
    zh_manner_words,
    zh_moving_verb_at,
)
from bot.core.critique.lexicons.still_verbs import JA_MAX_STEM

ZH_PLACE_MAX = 8
"""Most characters between a Chinese place phrase's preposition and its localizer."""
_ZH_PREPOSITIONS = ("在", "从", "沿着", "沿", "顺着", "贴着", "绕着", "围绕着", "于", "穿过", "越过")
"""Prepositions (and verbs used as them) that open a place phrase ended by a localizer (a closed
class): 在地面上, 从云层中, 沿着河岸边."""
_ZH_TOWARD = ("朝着", "朝", "向着", "向", "往")
"""Prepositions of direction (a closed class): their phrase needs no localizer (朝门口走去)."""
_ZH_LOCALIZERS = frozenset("上中里下边旁间内外前后面底处方")
"""Localizers that end a Chinese place phrase (a closed class)."""
_ZH_DIRECTION = frozenset("东西南北上下左右前后")
_BREAK = frozenset("，。,.；;！!？?\n、:：")


@cache
def _zh_adverbial() -> re.Pattern[str]:
    return re.compile(zh_lexicon.ADVERBIAL_DI)


@cache
def _zh_hand_verb() -> re.Pattern[str]:
    return re.compile(zh_lexicon.MOVE_VERB)


def _zh_verb_at(view: str, at: int) -> bool:
    """Does a verb of movement (the dictionary's or the lexicon's) begin at `at`, a direction
    word before it allowed (向前冲, 往下落)?"""
    if at < len(view) and view[at] in _ZH_DIRECTION and _zh_verb_at(view, at + 1):
        return True
    return bool(zh_moving_verb_at(view, at) or _zh_hand_verb().match(view, at))


def _zh_place_phrase_ends(view: str, at: int) -> list[int]:
    """Where a place phrase that starts at `at` may end (in order), none when none starts."""
    for prep in _ZH_PREPOSITIONS + _ZH_TOWARD:
        if view.startswith(prep, at):
            break
    else:
        return []
    ends = []
    toward = prep in _ZH_TOWARD
    for end in range(at + len(prep) + 1, min(len(view), at + len(prep) + ZH_PLACE_MAX) + 1):
        if view[end - 1] in _BREAK:
            break
        if toward or view[end - 1] in _ZH_LOCALIZERS:
            ends.append(end)
    return ends


_CJK = re.compile(r"[\u4e00-\u9fff]{3}")


def _zh_bare_manner_spans(view: str) -> list[tuple[int, int]]:
    """A manner word with no 地 straight before a verb of movement (优雅旋转, 缓慢移动, 敏捷跃过):
    the word is one of the dictionary's manner words (manner_words_zh.txt), not a verb."""
    words = zh_manner_words()
    # the dictionary's verbs only (two characters or more): a single character of the hand list
    # is as often the head of a noun (野生动物: 动 of 动物)
    return [(i, i + 2) for i in range(len(view) - 2)
            if view[i:i + 2] in words and zh_moving_verb_at(view, i + 2)]


def _zh_degree_spans(view: str) -> list[tuple[int, int]]:
    """A dictionary verb of movement with a degree complement after it (盘旋得很慢, 滑行得飞快):
    the lexicon's own cue reads those of its hand list."""
    found = []
    complement = _zh_degree()
    for at in (i for i, ch in enumerate(view) if ch == "得"):
        tail = complement.match(view, at)
        if not tail:
            continue
        for size in range(ZH_MAX_CHARS, 1, -1):
            start = at - size
            if start >= 0 and zh_moving_verb_at(view, start) == view[start:at]:
                found.append((start, tail.end()))
                break
    return found


@cache
def _zh_degree() -> re.Pattern[str]:
    return re.compile(zh_lexicon.DEGREE_COMPLEMENT)


def zh_manner_spans(view: str) -> list[tuple[int, int]]:
    """Chinese manner words said of a verb of movement: a 地-adverbial, a place phrase allowed
    between, a dictionary manner word right before the verb, or a degree complement after it."""
    if not _CJK.search(view):
        return []
    found = _zh_bare_manner_spans(view)
    if "得" in view:
        found += _zh_degree_spans(view)
    if "地" not in view:
        return found
    for m in _zh_adverbial().finditer(view):
        after = m.end()
        if _zh_verb_at(view, after) or any(
                _zh_verb_at(view, end) for end in _zh_place_phrase_ends(view, after)):
            found.append(m.span())
    return found


_JA_ADVERBIAL_END = re.compile(r"[くにと](?=[\u3041-\u30ff\u4e00-\u9fff])")
_JA_OBJECT = re.compile(ja_lexicon._OBJECT)
_JA_NOT_MANNER = re.compile(r"(?:" + ja_lexicon._NOT_MANNER_ZEN + r")[にと]\Z|"
                            r"(?:そう|よう|ふう|みたい)に\Z|げに\Z")
"""Adverbs of logic, chance or surprise in 然 (突然に, 偶然に), and the suffixes of a look or a
likeness (a closed class): 楽しそうに, どのように, 誇らしげに say how one looks or what a thing
is like, which the lexicon's simile cues weigh themselves."""
_JA_PARTICLE_FIRST = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー][がはをにでもへの]")
"""A particle after a noun is not a manner word's first kana (猫がさっと is が + さっと)."""
_JA_SAID_OF_A_NOUN = re.compile(r"[\u3041-\u3093]{0,3}(?:ような|ように|よう)|"
                                r"[\u3041-\u3093]{0,3}(?:カメラ|キャメラ|ドローン|レンズ)")
"""After the verb: a simile (長く流れるような金髪, the hair's shape) or the camera the verb's
clause is said of (ダイナミックに追うカメラ, the camera's move): not the subject's motion."""


@cache
def _ja_hand_verb() -> re.Pattern[str]:
    return re.compile(ja_lexicon._MOVES)


def _ja_verb_at(view: str, at: int) -> bool:
    """Does a verb of movement (the dictionary's or the lexicon's) begin at `at`, said of the
    subject (not in a simile, not of the camera)?"""
    stem = ja_moving_verb_at(view, at)
    hand = None if stem else _ja_hand_verb().match(view, at)
    if not (stem or hand):
        return False
    after = at + len(stem) if stem else hand.end() if hand else at
    return not _JA_SAID_OF_A_NOUN.match(view, after + 1 if stem else after)


def ja_manner_spans(view: str) -> list[tuple[int, int]]:
    """Japanese adverbial forms of a tabled adjective or to-adverb said of a verb of movement,
    an object or a goal allowed between (わずかに横に動く, 激しく旗を振る)."""
    found = []
    for m in _JA_ADVERBIAL_END.finditer(view):
        end = m.end()
        start = next((at for at in ja_manner_words_before(view, end)
                      if not _JA_PARTICLE_FIRST.match(view, max(0, at - 1))), -1)
        if start < 0 or _JA_NOT_MANNER.search(view[start:end]):
            continue
        gap = _JA_OBJECT.match(view, end)
        if _ja_verb_at(view, end) or (gap and gap.end() > end and _ja_verb_at(view, gap.end())):
            found.append((start, end))
    return found


JA_STEM_TO_NAGARA = 2
"""Most kana between a Japanese verb's stem and ながら (揺れ-ながら, 羽ばたき-ながら)."""


def _ja_while_spans(view: str) -> list[tuple[int, int]]:
    """One movement held while another goes on (はためきながら舞い落ちる, 身をくねらせながら
    泳ぐ): the first is the second's manner, as the lexicon's own cue reads for its hand list;
    here both verbs may be the dictionary's."""
    found = []
    at = view.find("ながら")
    while at >= 0:
        after = at + 3 + (view[at + 3:at + 4] in ("、", ","))
        if _ja_verb_at(view, after):
            for start in range(max(0, at - JA_MAX_STEM - JA_STEM_TO_NAGARA), at):
                stem = ja_moving_verb_at(view, start)
                if stem and at - JA_STEM_TO_NAGARA <= start + len(stem) <= at:
                    found.append((start, at + 3))
                    break
        at = view.find("ながら", at + 3)
    return found


def ja_all_manner_spans(view: str) -> list[tuple[int, int]]:
    """The Japanese readers together: adverbial forms and ながら."""
    return ja_manner_spans(view) + (_ja_while_spans(view) if "ながら" in view else [])


_ES_MOVEMENT_NOUN = re.compile(
    r"(?<![\wáéíóúñ])(?:(?P<before>[a-záéíóúñ]+) )?(?P<noun>movimientos?)"
    r"(?: (?P<after>[a-záéíóúñ]+))?(?![\wáéíóúñ])")
_ES_IN_MOTION = re.compile(r"(?<![\wáéíóúñ])(?P<who>[a-záéíóúñ]+ )?en movimiento(?![\wáéíóúñ])")
_ES_CAMERA = re.compile(r"c[aá]maras?|drones?|lentes?|objetivos?|plano|planos|toma|tomas|encuadre")
"""The camera and the shot (a closed class of their names): a movement of theirs ("movimiento de
cámara suave", "cámara en movimiento") is the camera's, not the subject's motion."""
_ES_CAMERA_BEFORE = 24
"""How far before "movimiento" a camera's name makes it the camera's ("la cámara, con un
movimiento lento")."""


def es_manner_spans(view: str) -> list[tuple[int, int]]:
    """The movement named as a noun with a quality of a movement said right next to it
    ("movimiento dinámico", "movimiento realista de la tela", "un suave movimiento"), and a thing
    "en movimiento": how it moves, as the English analyzer reads "dynamic movement" and "in
    motion". Not the camera's ("movimiento de cámara suave", "la cámara en movimiento")."""
    if "movimiento" not in view:
        return []
    adjectives = es_motion_adjectives()
    found = []
    for m in _ES_MOVEMENT_NOUN.finditer(view):
        if _ES_CAMERA.search(view, max(0, m.start() - _ES_CAMERA_BEFORE), m.start("noun")):
            continue
        if m.group("after") in adjectives:
            found.append((m.start("noun"), m.end("after")))
        elif m.group("before") in adjectives:
            found.append((m.start("before"), m.end("noun")))
    for m in _ES_IN_MOTION.finditer(view):
        who = (m.group("who") or "").strip()
        if not (who and _ES_CAMERA.fullmatch(who)):
            found.append((m.start() + len(m.group("who") or ""), m.end()))
    return found


READERS = {"zh": zh_manner_spans, "ja": ja_all_manner_spans, "es": es_manner_spans}
"""The grammar reader of each language."""
