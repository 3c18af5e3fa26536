"""What every anchor reader shares: a mention (the words of a shot that state an anchor,
with a comparable value), one shot's anchors, and the small grammar helpers (whole-word
patterns, a head noun read with the words before it, the function words that end a noun
phrase, the words that name the image itself)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core import cached_re as re
from bot.core.critique.anchor_words import words
from bot.core.sequence.parse import Shot

ANCHORS: tuple[str, ...] = ("character", "wardrobe", "setting", "time_of_day",
                            "light_direction", "palette", "lens", "style")
"""Anchor names, the JSON contract's `anchor` values, in table order."""

GLOBAL_ANCHORS = ("time_of_day", "light_direction", "palette", "lens", "style")
"""Anchors of the whole sequence, not of one character or place."""


@dataclass(frozen=True)
class Mention:
    """Words of a shot that state an anchor: `prompt[start:end] == text`."""

    anchor: str
    text: str
    start: int
    end: int
    values: frozenset[str] = frozenset()
    """What is compared across shots: hue families, a direction, a style family..."""
    owner: str = ""
    """The character (wardrobe, character) or place (setting) it belongs to."""
    slot: str = ""
    """Which aspect: a garment's slot (outerwear, feet), a trait (hair_colour, age)."""

    def order(self) -> tuple[int, int, str, str, str]:
        """Prompt order with a full tie-break: two mentions that start at the same character
        ("red pixie cut" the hair, "red pixie" the garment reader's) come out in one order,
        whatever order a set or dict collected them in (the hash seed)."""
        return (self.start, self.end, self.anchor, self.slot, self.text)


@dataclass
class ShotAnchors:
    shot: Shot
    mentions: list[Mention] = field(default_factory=list)
    present: set[str] = field(default_factory=set)
    """Characters the shot shows: by name, by person noun, or by a pronoun."""
    places: set[str] = field(default_factory=set)
    """Place keys the shot names (its setting's head noun)."""
    reasons: dict[str, list[str]] = field(default_factory=dict)
    """Words that state why something changes here, by what they excuse: `time` (time has
    passed), `light` (the light itself changes), `look` (a memory, a screen), `clothes` (new
    clothes, years later)."""

    def changed(self, *kinds: str) -> bool:
        return any(self.reasons.get(k) for k in kinds)

    def of(self, anchor: str, owner: str | None = None) -> list[Mention]:
        return [m for m in self.mentions
                if m.anchor == anchor and (owner is None or m.owner == owner)]

    def text(self, anchor: str) -> str | None:
        """The words of one anchor in prompt order (what the table and JSON show)."""
        seen = dict.fromkeys(m.text for m in sorted(self.of(anchor), key=Mention.order))
        return ", ".join(seen) or None


CAPITAL = "[A-ZÀ-ÖØ-ÞĀ-Ž]"
LOWER = "[a-zß-öø-ÿĀ-ž]"
NAME_WORD = CAPITAL + LOWER + "+"
"""A capitalised word, its letters Latin-1 and Latin Extended-A as well as ASCII: a name
spelt with an accent ("Tomás", "Zoë", "Łucja") is a name."""


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


def alts(words: object) -> str:
    return "|".join(re.longest_first(re.escape(w) for w in words))  # type: ignore[attr-defined]


class Head:
    """A head noun with the words before it, shaped like a match of `(words)(noun)` (the
    noun is found first and the words read backwards: a pattern with the words in front
    backtracks at every position and was most of a sequence's time)."""

    def __init__(self, text: str, noun: re.Match[str], left: re.Pattern[str]):
        window = text[max(0, noun.start() - 90):noun.start()]
        m = left.search(window)
        words = m.group(1) if m else ""
        self._groups = (words + noun.group(0), words, noun.group(0))
        self._starts = (noun.start() - len(words), noun.start() - len(words), noun.start())
        self._end = noun.end()

    def group(self, i: int = 0) -> str:
        return self._groups[i]

    def start(self, i: int = 0) -> int:
        return self._starts[i]

    def end(self, i: int = 0) -> int:
        return self._end


def heads(text: str, noun: re.Pattern[str], left: re.Pattern[str]) -> list[Head]:
    return [Head(text, m, left) for m in noun.finditer(text)]
STOP_LEFT = frozenset(words("a an the his her their its with in wearing wears and or of on under "
                       "over who is are was while as to by from into at dressed holding "
                       "carries carrying clutching he she they it one two"))


def dedupe(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -(x.end - x.start))):
        if any(k.start <= m.start < k.end and k.anchor == m.anchor for k in kept):
            continue
        kept.append(m)
    return kept


LIGHT_SOURCES = frozenset(words("light lights lamp lamps bulb bulbs sun tubes fluorescents "
                                  "fluorescent strip strips spotlight spotlights key fill glow "
                                  "lanterns lantern chandelier skylight fixture fixtures panel "
                                  "panels neon softbox lit lighting top sun moon fire flames "
                                  "candle candles torch flashlight headlights window windows "
                                  "sunlight moonlight daylight firelight"))

PALETTE_ADJ = frozenset(words("warm cool cold deep pale soft rich muted dusty bright dark light "
                               "icy earthy vivid faded and baby hot electric acid neon"))
LOOK_NOUNS = frozenset(words("film films footage photography photo photograph look image images "
                              "style cinematography frames frame tones palette grade stock print "
                              "aesthetic rendering animation cartoon painting illustration "
                              "drawing sketch artwork render renders short feature movie video "
                              "clip commercial ad spot sequence shot shots visuals imagery "
                              "lighting textures texture world colour color colours colors "
                              "tones tone"))
