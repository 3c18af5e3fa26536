"""The palette and grade a shot states: grade phrases ("cold teal grade"), colour lists
("red, gold and black"), black and white; their values (hue families, warmth, saturation,
mono) are what two shots are compared on."""

from __future__ import annotations

from bot.core import cached_re as re
from bot.core.critique.anchor_words import words
from bot.core.sequence.colour import hues_of, hues_of_word
from bot.core.sequence.light import WEAK
from bot.core.sequence.spans import LOOK_NOUNS, PALETTE_ADJ, STOP_LEFT, Mention, rx

# ---- palette and grade --------------------------------------------------------------------------
_WARM = rx(r"warm|warmer|amber|golden|gold|orange|honey|sepia|ochre|copper|tungsten|"
            r"sunset tones|red|reds|earthy|earth tones|rust|autumnal|fiery|yellow")
_COOL = rx(r"cool|cold|colder|cooler|icy|blue|blues|teal|cyan|steel|steely|silver|"
            r"moonlit blue|glacial|frosty|azure|blue-green|green-blue|sterile|blue-grey")
_MUTED = rx(r"desaturated|muted|washed[- ]out|faded|low[- ]saturation|bleach(?:ed)?(?:[- ]bypass)?|"
             r"drab|subdued|pastel|pastels|dusty|greyed|grayed")
_VIVID = rx(r"saturated|vibrant|vivid|punchy|hyper-?saturated|technicolou?r|neon|candy|lurid|"
             r"high[- ]saturation|oversaturated|saturated colou?rs?|primary colou?rs?|primaries|neons")
"""Only words that name saturation itself: "soft", "rich" or "bright" say little about it."""
_SATURATION = rx(r"desaturated|muted|washed[- ]out|low[- ]saturation|bleach(?:ed)?(?:[- ]bypass)?|"
                 r"drab|subdued|pastel|pastels|saturated|vibrant|vivid|hyper-?saturated|"
                 r"technicolou?r|high[- ]saturation|oversaturated")
"""Saturation words that are a grade on their own, as a clause of the prompt ("grey sky,
desaturated, handheld"; "hyper-saturated, vivid"): not "neon" or "faded", which as a lone
clause name lights or wear as often as a grade, nor "punchy", which as a lone clause names the
cut's or the sound's energy ("Fast, punchy.") as often as the colour's (session 26; "punchy
colours" is still a grade, `_PALETTE_PHRASE`)."""
_COLOUR_CLASSES = r"(?:primaries|pastels|neons|brights)"
"""Classes of colour said as plural nouns: the primaries are the primary colours."""
_MONO = rx(r"black[- ]and[- ]white|black & white|b&w|monochrome|monochromatic|grayscale|"
            r"greyscale|noir black|silver gelatin|sepia(?:[- ]ton(?:e|ed))?")
_GRADE_WORD = rx(r"palette|grade|graded|grading|tones?|hues?|colou?rs?|colou?r scheme|look|"
                  r"tint|tinted|cast|lut|film stock|toned|wash|colou?red")
_PALETTE_PHRASE = rx(
    r"(?:(?:[a-z]+(?:[-/][a-z]+)*|&) (?:(?:and|&|\+) )?){0,3}(?:colou?r palette|palette|colou?r grade|grade|"
    r"graded|grading|tones|hues|colou?r scheme|tint|wash|cast|lut|look)(?:(?: of|:| in) (?:[a-z-]+"
    r"(?: and | )?){1,4})?|(?:[a-z]+(?:-[a-z]+)*(?:,| and|, and) ){1,4}(?:[a-z]+(?:-[a-z]+)* ){0,2}"
    r"(?:washes|tints|tones|hues)|(?:hand-?)?tinted colou?r|hand-colou?red|"
    r"(?:black[- ]and[- ]white|monochrome|monochromatic|grayscale|greyscale|"
    r"desaturated|teal[- ]and[- ]orange|bleach[- ]bypass|sepia(?:[- ]toned)?|technicolou?r|"
    r"(?:[a-z]+-)?(?:pastel|neon|muted|vibrant|vivid|saturated|rich|bold|natural|faded|"
    r"washed[- ]out|warm|cool|cold|primary|bleached|jewel-toned|earthy)(?: primary)? colou?rs?|"
    r"full[- ]colou?r|in (?:full )?colou?r|"
    r"(?:[a-z]+-)?(?:pastel|neon|muted|vibrant|vivid|saturated|rich|bold|natural|faded|bright|"
    r"soft|candy|punchy|deep|washed[- ]out|warm|cool|cold|bleached|earthy) " + _COLOUR_CLASSES + ")")
"""A grade phrase: colour words before a grade noun ("cold teal grade"), a named grade, or
colours said by their class: "saturated primary colours", or the class as a plural noun after
how saturated or warm it is ("saturated primaries", "soft pastels", "candy neons")."""
_PALETTE_STOP = frozenset(words("a an the with in on of at and or from to by under its their his her "
                          "left right light lit key"))


def palettes(text: str, low: str) -> list[Mention]:
    out: list[Mention] = []
    candidates = [(m.start(), m.end()) for m in _PALETTE_PHRASE.finditer(text)]
    for start, end in candidates:
        while True:  # drop leading function words ("the right, cool blue palette")
            m = re.match(r"([A-Za-z&'-]+)[ ,]+", text[start:end])
            if not m or m.group(1).lower() not in _PALETTE_STOP:
                break
            start += m.end()
        while True:  # "desert, warm earthy tones": a list item before the colours is a thing
            m = re.match(r"([A-Za-z&'-]+),\s+", text[start:end])
            if not m or palette_word(m.group(1).lower()):
                break
            start += m.end()
        start = _palette_words_before(text, start)
        words = text[start:end]
        values = palette_values(words)
        if not values:
            continue
        if not _GRADE_WORD.search(words) and _modifies_a_thing(text, end):
            continue  # "a black-and-white checkered floor": the floor's colours, not a grade
        tail = _PALETTE_MORE.match(text[end:])
        if tail and _GRADE_WORD.search(words) and all(
                hues_of_word(w) or w in PALETTE_ADJ for w in tail.group(1).lower().split()):
            end += tail.end()
            words = text[start:end]
            values = palette_values(words)
        if not _GRADE_WORD.search(words) and not _MONO.search(words) and \
                not re.search(r"\band\b", words) and len(values) < 2:
            continue
        out.append(Mention("palette", words, start, end, frozenset(values)))
    out += [m for m in _colour_lists(text) + _bathed(text) if not any(
        o.start < m.end and m.start < o.end for o in out)]
    out += [m for m in _film_stocks(text) + _tone_phrases(text) if not any(
        o.start < m.end and m.start < o.end for o in out)]
    out += [m for m in _light_colours(text) if not any(
        o.start < m.end and m.start < o.end for o in out)]
    return _merge(sorted(out, key=lambda m: m.start))


_LAMP_KINDS = frozenset(words("tungsten fluorescent sodium sodium-vapour sodium-vapor neon led "
                              "halogen incandescent mercury-vapour mercury-vapor candle"))
"""Kinds of lamp, said of a colour ("tungsten amber", "fluorescent green"): the colour is the
light's."""
_LIGHT_COLOUR = re.compile(r"(?:^|(?<=[,.;:]))\s*(?P<frame>(?:the\s+)?(?:whole\s+|entire\s+)?"
                           r"(?:frame|image|picture|screen|everything)\s+(?:is\s+|in\s+|goes\s+|"
                           r"turns\s+|washed\s+)?)?((?:[a-z-]+\s+){0,3}[a-z-]+)"
                           r"(?=\s+(?:from|of)\s|\s*(?:[,.;:]|$))", re.I)


def _light_colours(text: str) -> list[Mention]:
    """A clause that is a colour of the light, with its warmth or its lamp ("warm tungsten
    amber from the desk lamps", "cold fluorescent green"): the colour the shot is lit and so
    graded in. Every word of the clause (before an optional "from ..."/"of ...") is a colour,
    a palette adjective or a kind of lamp, the last a colour (so "warm golden light" is a
    light, not a grade), with a warmth or lamp word before it. The frame said to be in
    colours ("the whole frame sodium-orange and bottle-green from the tube lights") is its
    palette, with or without a warmth word."""
    out = []
    for m in _LIGHT_COLOUR.finditer(text):
        tokens = m.group(2).lower().split()
        if not all(palette_word(w) or w in _LAMP_KINDS for w in tokens):
            continue
        if not hues_of_word(tokens[-1]):
            continue
        if m.group("frame"):  # "the whole frame sodium-orange and bottle-green"
            if not _of_hues(palette_values(m.group(2))) - {"black", "white", "grey"}:
                continue  # "the screen goes black": a fade, not a grade
            out.append(Mention("palette", m.group(0).strip(), m.start("frame"), m.end(2),
                               frozenset(palette_values(m.group(2)))))
            continue
        if len(tokens) < 2 or not any(w in _LAMP_KINDS or _TEMPERATURE_WORD.fullmatch(w)
                                      for w in tokens):
            continue
        if sum(1 for w in tokens if hues_of_word(w)) == len(tokens):
            continue  # colours only: `_colour_lists` reads those
        out.append(Mention("palette", m.group(2), m.start(2), m.end(2),
                           frozenset(palette_values(m.group(2)))))
    return out


_TONED = rx(r"(?:[a-z]+-)*[a-z]+-(?:toned|tinted|graded|washed|hued)")
_SHADES_OF = rx(r"(?:in )?(?:shades|tones|hues) of (?:[a-z-]+(?:,? and |, | or ))*[a-z-]+")
_SPLIT_TONE = rx(r"(?:[a-z-]+ )(?:shadows|highlights|midtones)(?:,? and (?:[a-z-]+ )"
                 r"(?:shadows|highlights|midtones))?")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z-]*)[ ]+$")


def _palette_words_before(text: str, start: int) -> int:
    """Where a palette phrase starts once the colour words right before it are taken in ("a
    warm sepia monochrome": the warmth and the tint are the grade's)."""
    while True:
        m = _WORD_BEFORE.search(text[max(0, start - 30):start])
        if not m or not palette_word(m.group(1).lower()):
            return start
        start -= len(m.group(0))


def _tone_phrases(text: str) -> list[Mention]:
    """A grade said through its toning: a colour with -toned or -tinted standing alone
    ("amber-toned", "blue-tinted", not "a blue-tinted window"), shades of colours ("in shades
    of green"), colours in the shadows and highlights ("teal shadows and warm highlights")."""
    out = []
    for m in _TONED.finditer(text):
        if hues_of_word(m.group(0).rsplit("-", 1)[0]) and not _modifies_a_thing(text, m.end()):
            out.append(Mention("palette", m.group(0), m.start(), m.end(),
                               frozenset(palette_values(m.group(0)))))
    for m in _SHADES_OF.finditer(text):
        values = palette_values(m.group(0))
        if any(v.startswith("hue:") for v in values):
            out.append(Mention("palette", m.group(0), m.start(), m.end(), frozenset(values)))
    for m in _SPLIT_TONE.finditer(text):
        lead = [w for w in re.findall(r"[a-z][a-z-]*", m.group(0).lower())
                if w not in {"shadows", "highlights", "midtones", "and"}]
        values = palette_values(m.group(0))
        if _CAST_ON.match(text[m.end():]) and " and " not in m.group(0):
            continue  # "blue shadows on the snow": shadows a thing casts, not a toning
        if lead and all(palette_word(w) for w in lead) and values:
            out.append(Mention("palette", m.group(0), m.start(), m.end(), frozenset(values)))
    return out


_CAST_ON = re.compile(r"\s+(?:on|across|over|under|beneath|along|behind|from|in the|at the|"
                      r"against|onto|down|up)\s", re.I)
"""A place after "shadows" ("blue shadows on the snow", "long shadows across the lot"): the
shadows of things in the scene, not a grade's toning ("teal shadows, warm highlights")."""


_STOCKS: list[tuple[str, frozenset[str]]] = [
    (r"portra(?: \d{3})?", frozenset({"warm", "muted"})),
    (r"kodachrome(?: \d{2,3})?", frozenset({"warm", "vivid"})),
    (r"ektachrome(?: e?\d{2,3})?", frozenset({"cool", "vivid"})),
    (r"velvia(?: \d{2,3})?|ektar(?: \d{3})?|cross[- ]process(?:ed|ing)", frozenset({"vivid"})),
    (r"(?:kodak )?gold \d{3}|ultramax(?: \d{3})?", frozenset({"warm"})),
    (r"cinestill(?: \d{3,4}t)?|(?:vision ?3 )?\d{3}t|tungsten[- ]balanced(?: film| stock)?|"
     r"day[- ]for[- ]night", frozenset({"cool"})),
    (r"superia(?: \d{3,4})?", frozenset({"cool"})),
    (r"eterna(?: \d{3}t?)?", frozenset({"cool", "muted"})),
    (r"tri-?x(?: \d{3})?|hp5(?: plus)?|(?:ilford )?delta \d{3,4}|double-?x|t-?max(?: \d{3})?|"
     r"acros(?: \d{3})?", frozenset({"mono"})),
]
"""Film stocks and processes by the look they are known for (Portra: warm and soft;
Kodachrome: warm and saturated; Ektachrome: cool and saturated; tungsten stock in daylight or
day-for-night: blue; Tri-X, HP5: black and white). Named alone, a stock is a palette two shots
can contradict ("shot on Portra 400" against "icy blue grade"), but not one a later shot must
repeat: writers name a stock as a flourish as often as a grade (weak)."""
_STOCK_RES = [(rx(p), v) for p, v in _STOCKS]


def _film_stocks(text: str) -> list[Mention]:
    out = []
    for pattern, values in _STOCK_RES:
        for m in pattern.finditer(text):
            start = m.start()
            brand = re.search(r"(?:kodak|fuji(?:film)?|ilford|cinestill)\s+$", text[max(0, start - 10):start],
                              re.I)
            if brand:
                start -= len(brand.group(0))
            out.append(Mention("palette", text[start:m.end()], start, m.end(), values | {WEAK}))
    return out


_BATHED = re.compile(r"(?<![\w-])(?:bathed|drenched|soaked|awash|flooded|steeped|washed|dipped|"
                     r"swimming)\s+in\s+((?:[a-z-]+(?:,?\s+and\s+|,\s+|\s+)){0,4}[a-z-]+)", re.I)
"""A frame bathed in a colour ("everything bathed in deep red", "drenched in teal and
magenta"): the colour the shot is painted in, up to its last colour word."""


def _bathed(text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in _BATHED.finditer(text):
        tokens = list(re.finditer(r"[a-z][a-z-]*", m.group(1), re.I))
        last = max((i for i, w in enumerate(tokens) if hues_of_word(w.group(0))), default=-1)
        if last < 0 or not all(palette_word(w.group(0).lower()) or w.group(0).lower() == "and"
                               for w in tokens[:last + 1]):
            continue  # "bathed in morning light", "soaked in the red wine": no colour clause
        start, end = m.start(1), m.start(1) + tokens[last].end()
        words = text[start:end]
        out.append(Mention("palette", words, start, end, frozenset(palette_values(words))))
    return out


def _colour_lists(text: str) -> list[Mention]:
    """A clause that is only a list of colours ("pastel pinks and baby blues", "green and red
    neon", "red, gold and black") or a saturation said alone ("desaturated"): the palette the
    shot is painted in. Every word is a colour, a palette adjective, a saturation word or a
    joining word, and two colours at least or a saturation word are named; neighbouring
    colour-only clauses join into one list."""
    out: list[Mention] = []
    run: list[tuple[int, int]] = []
    for m in re.finditer(r"[^,.;:]+", text):
        tokens = re.findall(r"[a-z][a-z-]*", m.group(0).lower())
        if tokens and all(palette_word(w) for w in tokens):
            run.append((m.start(), m.end()))
            continue
        out += _colour_run(text, run)
        run = []
    return out + _colour_run(text, run)


def palette_word(word: str) -> bool:
    """A word that can only be about colour: a colour, a palette adjective, a saturation word
    ("bleach-bypass look" is a grade, not a style)."""
    return bool(hues_of_word(word)) or word in PALETTE_ADJ or bool(_VIVID.fullmatch(word)) or \
        bool(_WARM.fullmatch(word)) or bool(_COOL.fullmatch(word)) or \
        bool(_MUTED.fullmatch(word)) or bool(re.search(r"-(?:soaked|drenched|washed|tinted)$",
                                                        word))


def _colour_run(text: str, run: list[tuple[int, int]]) -> list[Mention]:
    if not run:
        return []
    start, end = run[0][0], run[-1][1]
    phrase = text[start:end]
    lead = len(phrase) - len(phrase.lstrip())
    phrase = phrase.strip()
    tokens = re.findall(r"[a-z][a-z-]*", phrase.lower())
    if len([w for w in tokens if hues_of_word(w)]) < 2 and not any(
            _SATURATION.fullmatch(w) or _MONO.fullmatch(w) for w in tokens):
        return []
    return [Mention("palette", phrase, start + lead, start + lead + len(phrase),
                    frozenset(palette_values(phrase)))]


_PALETTE_MORE = re.compile(r"^,\s+((?:[a-z-]+\s+){0,2}[a-z-]+)(?=\s*(?:[,.;]|$))", re.I)


def _modifies_a_thing(text: str, end: int) -> bool:
    """Whether colour words are an attribute of the noun that follows them ("black-and-white
    checkered floor", "hand-painted yellow awning"): the next word is not punctuation, a
    conjunction or a preposition, and not a word naming the image itself (film, look)."""
    m = re.match(r"^[ -]+([a-z][a-z-]*)", text[end:], re.I)
    if not m:
        return False
    first = m.group(1).lower()
    if first in LOOK_NOUNS or first in STOP_LEFT or first in {"with", "for", "as", "but", "like"}:
        return False
    if hues_of_word(first) or first in PALETTE_ADJ:
        return False  # "monochrome blue", "black-and-white, warm": more of the palette
    return not first.endswith("ly")


def palette_values(words: str) -> set[str]:
    """warm/cool, muted/vivid, mono and the colour families named: what a grade fixes, for
    comparing two shots."""
    values = {f"hue:{h}" for h in hues_of(re.findall(r"[a-z][a-z-]*|[&+/]", words.lower()))}
    # "teal & orange", "amber + green", "cyan/pink": two colours, not a shade of the second
    if _MONO.search(words):
        values.add("mono")
    warm, cool = bool(_WARM.search(words)), bool(_COOL.search(words))
    hues = _of_hues(values)
    if (warm or cool) and not _TEMPERATURE_WORD.search(words) and hues & _WARM_HUES and \
            hues & _COOL_HUES:
        warm = cool = True  # "green and red neon": colours of both sides, no word for either
    if warm and not cool:
        values.add("warm")
    elif cool and not warm:
        values.add("cool")
    elif warm and cool:
        values.add("split")
    elif "mono" not in values:  # a tint of black and white ("sepia-tinted") is no warmth
        temperature = _temperature(_of_hues(values))
        if temperature:
            values.add(temperature)
    if _CHROMATIC.search(words) and "mono" not in values:
        values.add("chromatic")
    if _MUTED.search(words):
        values.add("muted")
    if _VIVID.search(words) and "muted" not in values:
        values.add("vivid")
    return values


_TEMPERATURE_WORD = rx(r"warm|warmer|warmth|cool|cooler|cold|colder|icy|chilly|hot|earthy|earth tones|"
                       r"autumnal|fiery|glacial|frosty|sterile|tungsten")
_WARM_HUES = frozenset({"red", "orange", "yellow", "brown"})
_COOL_HUES = frozenset({"blue", "green"})
_CHROMATIC = rx(r"colou?r palette|colou?rs|in colou?r|full[- ]colou?r|colou?rful|vivid colou?r|"
                 r"(?:hand-?)?tinted colou?r|hand-colou?red|"
                 r"saturated colou?r|natural colou?r|technicolou?r|"
                 r"(?:muted|faded|washed[- ]out|desaturated|soft|pale|rich|pastel|dull|subdued|"
                 r"lurid|garish|true|normal|real|bleached|dim|warm|cool|cold|sickly|two-strip|"
                 r"three-strip) colou?r(?! (?:of|on|in)\s)|(?:[a-z-]+ )" + _COLOUR_CLASSES)
"""Words that say the image is in colour: against black and white they are a change of look
even when muted ("a muted colour palette")."""


def _of_hues(values: set[str]) -> set[str]:
    return {v[4:] for v in values if v.startswith("hue:")}


def _temperature(hues: set[str]) -> str | None:
    """A palette's warmth from its colours when no word says it: every colour warm (reds to
    browns) or every colour cool (blues, greens); pinks, purples and neutrals say nothing.
    "Magenta-and-cyan neon" is cool against a "warm sepia palette"."""
    telling = hues & (_WARM_HUES | _COOL_HUES)
    if not telling:
        return None
    if telling <= _WARM_HUES:
        return "warm"
    if telling <= _COOL_HUES:
        return "cool"
    return "split"  # "teal-and-orange": both sides, as "teal and orange" is


def _merge(mentions: list[Mention]) -> list[Mention]:
    """Overlapping palette phrases become one (the longest words, the union of values)."""
    merged: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if merged and m.start < merged[-1].end:
            last = merged[-1]
            start, end = min(last.start, m.start), max(last.end, m.end)
            text = last.text if last.end - last.start >= m.end - m.start else m.text
            if end - start <= len(last.text) + len(m.text):
                merged[-1] = Mention("palette", text, last.start if text == last.text else m.start,
                                     last.end if text == last.text else m.end,
                                     last.values | m.values)
                continue
        merged.append(m)
    return merged
