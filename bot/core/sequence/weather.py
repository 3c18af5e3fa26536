"""The weather of a place as part of its setting: fog, rain or an overcast sky against a clear
sky (issue 22).

Weather belongs to the setting (a harbour in thick sea fog is another picture from the same
harbour under a clear blue sky). Two shots of one scene, at one hour, whose skies cannot both
hold, with no shot between them saying the weather or the light changes ("storm clouds roll
in", "the fog lifts", "hours later"), are a drift of the setting. A sky given in one shot and
left out of the next is no drift (that is at most a gap, which the place's own reading owns).

The sky states are a closed class (clear, fog, rain, snow, overcast), so they are listed here;
a mention that says its weather is changing ("the rain has stopped", "the fog lifting") states
a change, not a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.sequence.light import WEAK
from bot.core.sequence.results import Finding, ShotWords
from bot.core.sequence.spans import ShotAnchors, alts

_STATES: tuple[tuple[str, str], ...] = (
    ("clear", r"clear(?:,)?(?: blue| cloudless| bright)? sk(?:y|ies)|cloudless(?: blue)? sk(?:y|ies)|"
              r"cloudless|(?:under|beneath) (?:an? |the )?(?:wide |open |bright )?blue sk(?:y|ies)"),
    ("fog", r"(?:thick |dense |heavy |low |sea |morning |rolling |freezing )*(?:fog|mist)(?:bound)?|"
            r"foggy|misty|fogged in"),
    ("rain", r"(?:heavy |pouring |driving |steady |lashing |light )*(?:rain|drizzle|downpour)|raining|"
             r"rainy|pouring down"),
    ("snow", r"(?:heavy |falling |driving )?snow(?:ing|fall| falling|storm)|blizzard"),
    ("overcast", r"overcast(?: sk(?:y|ies))?|(?:grey|gray|leaden) sk(?:y|ies)|cloudy sk(?:y|ies)"),
)
"""Sky states and the words that state them (a closed class)."""

_STATE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _STATES)
                    + r")(?![\w-])", re.I)

_CLASHES = frozenset(frozenset({"clear", wet}) for wet in ("fog", "rain", "snow", "overcast"))
"""Skies that cannot both hold over one place at one moment: a clear sky against fog, rain,
falling snow or an overcast sky (fog against rain, say, can)."""

_ARRIVING = re.compile(r"^\s+(?:has |have |is |are |was |had )?(?:just )?(?:roll|creep|drift|"
                       r"mov|sweep|com|start|begin|began|set|gather|clos|descend|blow)\w*", re.I)
"""Verbs after a sky word that bring it in ("fog rolling in", "the rain starts"): the sky is
that now, and it changed here."""
_LEAVING = re.compile(r"^\s+(?:has |have |is |are |was |had )?(?:just )?(?:stopp|eas|lift|clear|"
                      r"burn|thin|break|broke|pass|fad|let)\w*", re.I)
"""Verbs after a sky word that end it ("the rain has stopped", "the fog lifting"): a change,
and no longer that sky."""
_CHANGING_BEFORE = re.compile(r"(?<![\w-])(?:no|without|after|before|the end of|first|"
                              r"(?:starts?|begins?|began|stops?|stopped) (?:to )?)\s+(?:the\s+)?$",
                              re.I)
_THINGS_AFTER = re.compile(r"^(?:[- ](?:slick|soaked|wet|streaked|spattered|jacket|coat|shell|boots|"
                           r"hat|cape|poncho|gear|drops?|water|barrel|gutter|machine|lights?|lamps?|"
                           r"horn|globe|glass|window|mirror|goggles|grade|palette|tones?|look|"
                           r"filter|effect|pastel|" + alts(vocab.HUES) + r")(?![\w-])|\s+of\s)",
                           re.I)
"""Words that make a weather word a thing's ("rain-slick streets", "a rain jacket", "a fog
machine", "a fine mist of perfume", "misty blue grade"): what rain left, what keeps it off, a
spray or a colour, not the sky now."""


@dataclass(frozen=True)
class Sky:
    """One shot's sky: its states and the words that state them, or that it changes."""

    states: frozenset[str]
    words: str
    changing: bool


def sky_of(text: str) -> Sky:
    """The sky states a shot gives, and whether it says the weather changes."""
    states: dict[str, str] = {}
    changing = False
    for m in _STATE.finditer(text):
        state = next(name for name, _ in _STATES if m.group(name))
        if _THINGS_AFTER.match(text[m.end():m.end() + 16]):
            continue
        after = text[m.end():m.end() + 24]
        if _LEAVING.match(after) or _CHANGING_BEFORE.search(text[max(0, m.start() - 24):m.start()]):
            changing = True
            continue
        changing = changing or bool(_ARRIVING.match(after))
        states.setdefault(state, m.group(0))
    return Sky(frozenset(states), ", ".join(states.values()), changing)


def _clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two skies with one state each (a shot that gives two, "fog in the valley under a clear
    sky", agrees with either) that cannot both hold."""
    return len(a) == 1 and len(b) == 1 and frozenset(a | b) in _CLASHES


def _hours(shot: ShotAnchors) -> frozenset[str]:
    """The hours every firm time word of the shot allows ("noon" and "blue sky": noon)."""
    each = [m.values - {WEAK} for m in shot.of("time_of_day") if WEAK not in m.values]
    return frozenset.intersection(*each) if each else frozenset()


def _same_moment(a: ShotAnchors, b: ShotAnchors) -> bool:
    """One place at one hour: the shots share a place (or one names none) and an hour (or
    one names none)."""
    ha, hb = _hours(a), _hours(b)
    if ha and hb and not ha & hb:
        return False
    return not (a.places and b.places) or bool(a.places & b.places)


WHY = ("The weather of one place at one moment flips between shots with no word of a change: "
       "the model paints two different days, and the cut shows it.")


def weather_drift(shots: list[ShotAnchors], scenes: list[list[int]]) -> list[Finding]:
    """A setting drift where two shots of one scene give skies that cannot both hold, with no
    change stated between them (see the module's docstring). At most one per scene; its shots
    are every shot of the scene that gives either sky."""
    skies = [sky_of(s.shot.prompt) for s in shots]
    out: list[Finding] = []
    for scene in scenes:
        found = _scene_clash(shots, skies, scene)
        if found is None:
            continue
        a, b = found
        where = [i for i in scene if skies[i].states in (skies[a].states, skies[b].states)]
        out.append(Finding(
            kind="drift", anchor="setting", subject="weather",
            shots=[shots[i].shot.index for i in where],
            words=[ShotWords(shot=shots[i].shot.index, text=skies[i].words) for i in where],
            why=WHY, fix=skies[a].words, paste_into=[shots[b].shot.index]))
    return out


def _scene_clash(shots: list[ShotAnchors], skies: list[Sky],
                 scene: list[int]) -> tuple[int, int] | None:
    """The first pair of shots (earlier, later) of a scene whose skies clash with nothing
    between them that changes the weather, the light or the hour, or moves the place."""
    for n, j in enumerate(scene):
        for i in reversed(scene[:n]):
            if not skies[i].states:
                continue
            between = scene[scene.index(i) + 1:n + 1]
            if any(skies[k].changing or shots[k].changed("light", "time", "place", "look")
                   for k in between):
                break
            if _clash(skies[i].states, skies[j].states) and _same_moment(shots[i], shots[j]):
                return i, j
            break  # only the last sky before this shot is in force
    return None
