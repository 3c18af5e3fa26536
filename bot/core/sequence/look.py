"""The look of a shot beyond its colours: the lens family (anamorphic, spherical, fisheye,
a film gauge) and the style (a known family, or any "X style" / "in the style of X" tag)."""

from __future__ import annotations

from dataclasses import replace

from bot.core import cached_re as re
from bot.core.critique import anchor_words as vocab
from bot.core.critique.anchor_words import words
from bot.core.sequence.colour import hues_of_word
from bot.core.sequence.light import WEAK
from bot.core.sequence.palette import palette_word
from bot.core.sequence.spans import Head, Mention, dedupe, rx

# ---- lens family ---------------------------------------------------------------------------------
# "Scope" is the widescreen format said bare ("shot in scope", "scope ratio"); with a determiner
# or a gun before it ("adjusts the scope", "his rifle scope") it is a sight, a thing handled.
_LENS: list[tuple[str, str]] = [
    (r"anamorphic(?: lens(?:es)?| glass| flares?| widescreen)?|2\.39:1|"
     r"(?<!the )(?<!his )(?<!her )(?<!its )(?<!their )(?<!a )(?<!rifle )(?<!sniper )scope",
     "anamorphic"),
    (r"spherical(?: lens(?:es)?| primes?)?", "spherical"),
    (r"fish-?eye(?: lens)?|ultra[- ]wide fisheye", "fisheye"),
    (r"tilt[- ]shift(?: lens)?", "tilt-shift"),
    (r"(?:vintage|old|soviet|helios|cooke|petzval|lomo)(?: \w+)? lens(?:es)?|"
     r"swirly bokeh|petzval", "vintage"),
    (r"macro lens|macro", "macro"),
    (r"(?:cooke (?:s[4-8]|panchro|speed panchro)|zeiss (?:super speed|master prime|ultra prime|"
     r"cp\.?[23]|supreme)|arri (?:signature|master|ultra) primes?|canon k-?35|leica "
     r"summi(?:lux|cron)|(?:arri )?signature primes?|rectilinear)(?:/i)?(?: primes?| "
     r"lens(?:es)?)?", "spherical"),
    (r"(?:atlas orion|kowa|hawk v-lite|lomo round[- ]front|panavision c-series|ultra "
     r"panavision(?: 70)?|"
     r"cooke anamorphic)(?: primes?| lens(?:es)?| anamorphics?)?", "anamorphic"),
]
"""Lens families, with the lens sets a cinematographer names by brand (Cooke S4 and Zeiss
Super Speeds are spherical primes; Kowa and Atlas Orion are anamorphic)."""
_LENS.append((r"(?:shot on |on )?(?:super ?8|super ?16|super ?35|8 ?mm|16 ?mm|35 ?mm|65 ?mm|"
              r"70 ?mm|imax(?: 65 ?mm| 70 ?mm)?)(?: film(?: stock)?| celluloid| (?:large )?format)"
              r"(?! look| aesthetic| style| grain| feel)|(?:shot on super ?8|(?:shot on )?"
              r"(?:super ?16|super ?35))(?! look| "
              r"aesthetic| style| grain| feel)|shot on imax|"
              r"imax(?: 65 ?mm| 70 ?mm)?|large[- ]format|(?:vertical )?(?:smart)?phone "
              r"(?:footage|camera|video|lens)|smartphone|iphone footage|"
              r"digital (?:cinema(?: camera)?|(?:cine |video )?camera)|"
              r"(?:(?:crisp|clean|sharp|pristine) )?(?:[468]k )?(?:digital )?cinema camera|"
              r"(?:(?:crisp|clean|sharp|pristine) )?[468]k digital(?! (?:look|image|aesthetic|style|"
              r"feel|clarity))|"
              r"(?<![\w.-])(?:8|16) ?mm(?= (?!film\b)[a-z-]+(?: [a-z-]+)? (?:look|aesthetic|feel)"
              r"(?![\w-]))", "format"))
"""A gauge is a lens anchor as the format shot on ("shot on 16mm film", "Super 16", "IMAX
65mm large format", "phone footage"), and a digital cinema camera is one too (against a gauge:
"grainy 35mm film", then "glossy digital cinema"); so is the small gauge a look is named for
("16mm documentary look": 8mm and 16mm are gauges there, not focal lengths); "35mm film look"
and "a crisp digital image" are styles (`_STYLES`)."""
_LENS.append((r"(?:(?:kodak|fuji(?:film)?|ilford|agfa|orwo)\s+)?(?:[a-z0-9&-]+\s+){0,2}?"
              r"(?:film|reversal|negative|orthochromatic|panchromatic)\s+stock|"
              r"(?:kodak|fuji(?:film)?|ilford|agfa|orwo)\s+(?:vision ?3|ektachrome|kodachrome|"
              r"portra|tri-x|eterna|hp5|velvia|double-x)(?:\s+\d{2,4}[a-z]?)?(?:\s+(?:film\s+)?"
              r"stock)?", "format"))
"""A film stock named as what the shots are exposed on ("orthochromatic film stock", "Kodak
Vision3 500T", "black-and-white reversal stock"): a capture format, so a lens anchor, with no
gauge of its own (it drifts against no other format; a shot that names no stock lacks it)."""
_LENS.append((r"(?:(?:super ?8|super ?16|(?:8|16|35) ?mm|vhs|camcorder)(?: film| home[- ]movie)?"
              r"[- ](?:look|aesthetic|footage|feel)\s*(?:,|with|and)\s+)?(?:(?:heavy|fine|coarse|"
              r"natural|visible|thick|soft|subtle|light|organic|analog(?:ue)?|dancing|gritty|"
              r"(?:super ?)?(?:8|16|35) ?mm)[ -]){1,2}grain(?![\w-])|(?<=[,;(:] )grain"
              r"(?=\s*(?:[,.;)]|$))|(?:super ?8|super ?16|(?:8|16|35) ?mm|vhs|camcorder)(?: film)?"
              r"[- ](?:look|aesthetic|footage|feel)\s*(?:,|with|and)\s+(?:(?:a |soft |slight |"
              r"heavy )?(?:gate[- ]weave|halation|tracking lines|scan ?lines))|"
              r"(?:(?:soft|slight|heavy|subtle|visible) )?(?:gate[- ]weave|halation)", "format"))
"""What a capture leaves on the image, said as such: the grain of a film stock ("heavy grain",
"fine 16mm grain"), a film gate's weave, halation, a tape's tracking lines. They say what the
shots were captured on (the lens anchor, as a stock is), with no gauge unless a gauge's look
says them ("Super 8 look with gate weave": that look is the capture, Super 8, not a style).
"Grain" needs a word of the image before it or stands as an item of a list (", grain."): a
wood's or a field's grain is a thing in the frame. "Film grain" is the look of film, read as a
style (`_STYLES`), the capture's only beside a lens (`anchors._as_format`)."""
_LENS += [
    (r"(?:oval|elliptical|oval-shaped|stretched)(?:,? [\w-]+){0,2} bokeh", "anamorphic"),
    (r"(?:round|circular|perfectly round)(?:,? [\w-]+){0,2} bokeh", "spherical"),
    (r"telephoto(?: lens| zoom)?|long lens", "telephoto"),
    (r"(?<![\d.:])(?:2\.3[59]|2\.40?|2\.76|1\.85|1\.78|16:9|1\.3[37]|4:3|9:16|1:1)(?::1)?"
     r"(?![\d:]|\.\d)", "aspect"),
]
"""What a lens shows of itself: the shape of its out-of-focus highlights (oval bokeh is
anamorphic glass, round is spherical), a long lens, and the frame it fills (an aspect
ratio)."""
_LENS_RES = [(rx(p), v) for p, v in _LENS]
_ASPECT_RE = next(pattern for pattern, v in _LENS_RES if v == "aspect")
_FOCAL_LENS = rx(r"\d{2,3} ?mm(?: [a-z-]+)? (?:lens|prime|glass)|(?:wide[- ]angle|telephoto|long) "
                  r"lens|\d{2,3} ?mm focal length|(?:shot on|on|with) (?:an? )?\d{2,3} ?mm"
                  r"(?! film| stock| format)(?![\w-])|\d{2,3} ?mm (?:at )?f/\d+(?:\.\d)?")
_FOCAL = rx(r"\d{2,3} ?mm(?: lens| prime| focal length)?|telephoto(?: lens)?|"
             r"wide[- ]angle(?: lens)?|long lens|zoom lens")
_LENS_CONFLICTS = {frozenset(pair) for pair in (
    ("anamorphic", "spherical"), ("anamorphic", "fisheye"), ("spherical", "fisheye"),
    ("vintage", "anamorphic"), ("vintage", "fisheye"), ("tilt-shift", "anamorphic"),
    ("tilt-shift", "fisheye"), ("telephoto", "fisheye"))}
"""Lens families that cannot be one lens set. A vintage spherical (a Helios) is still
spherical; a vintage anamorphic says both words and agrees with either."""

# ---- style ---------------------------------------------------------------------------------------
_STYLES: list[tuple[str, str]] = [
    (r"anime|manga|cel[- ]shaded|studio ghibli|ghibli", "anime"),
    (r"pixar|3d animat\w*|cgi animation|3d cartoon|dreamworks", "3d-animation"),
    (r"2d animat\w*|cel animation|hand-drawn animation|hand-drawn|traditional animation|"
     r"2d cartoon", "2d-animation"),
    (r"animated (?:film|feature|short|movie|series|style)|cartoon(?:ish|[- ]style)",
     "animation"),
    (r"claymation|clay animation|stop[- ]motion|plasticine|felt puppets?|puppet animation",
     "stop-motion"),
    (r"watercolou?r|oil painting|painterly|impressionist|gouache|ink wash|hand-painted|"
     r"(?:pencil |charcoal |ink )sketch|sketch style|pencil drawing|charcoal drawing",
     "painterly"),
    (r"film noir|neo-noir|noir", "noir"),
    (r"documentary|verite|vérité|observational|news footage|found footage", "documentary"),
    (r"vhs|camcorder|home video|super ?8|8mm|16mm|archival", "vintage-film"),
    (r"(?:grainy |vintage |analog |analogue )?film look|grainy film|film grain|shot on "
     r"(?:35mm |16mm |65mm )?film|celluloid|filmic", "film"),
    (r"(?:[a-z-]+ )?(?:commercial|music video|editorial|fashion film|ad) style|"
     r"(?:product|sports|fashion)[- ]commercial", "commercial"),
    (r"(?:german )?expressionis[mt]\w*|silent[- ]film", "expressionist"),
    (r"papercraft|paper[- ]cut|origami style", "stop-motion"),
    (r"romantic film style|romantic comedy|rom-com", "photoreal"),
    (r"photoreal(?:istic|ism)?|hyper-?real(?:istic)?|live[- ]action|realistic style|"
     r"naturalistic style", "photoreal"),
    (r"cyberpunk|synthwave|vaporwave|retro-?futur\w*", "cyberpunk"),
    (r"wes anderson|symmetrical pastel|storybook|whimsical", "storybook"),
    (r"pixel art|8-bit|low-poly|voxel", "pixel"),
    (r"ukiyo-e|woodblock(?: print)?|woodcut|linocut|line art|"
     r"moebius|risograph|screen-?print", "illustration"),
    (r"unreal engine(?: \d)?|octane render|ray-traced|cgi|3d (?:[a-z]+ )?render(?:ing|ed)?",
     "cgi"),
    (r"(?:flat )?(?:2d )?vector(?: art| illustration| graphics| artwork)|flat (?:2d )?(?:illustration|"
     r"design|graphics)|2d (?:[a-z]+ )?(?:illustration|artwork|graphics)|motion graphics",
     "illustration"),
    (r"(?:gritty |handheld |naturalistic )?realism", "photoreal"),
    (r"(?:crisp |clean |sharp |pristine )?(?:[468]k|digital cinema|ultra[- ]hd|uhd|hdr|"
     r"high[- ]definition)(?: digital)?(?: cinema)?(?= look| footage| video| clarity| image| "
     r"aesthetic| style)|(?:crisp|clean|sharp|pristine)(?: [468]k)? digital(?= look| footage| video|"
     r" clarity| image| aesthetic| style|\s*(?:[,.;:]|$))|[468]k digital(?=\s*(?:[,.;:]|$))|"
     r"digital clarity|shot on (?:an? )?(?:arri alexa|alexa|red|"
     r"digital)(?: camera)?", "digital"),
]
_STYLE_RES = [(rx(r"(?:" + p + r")(?:-(?:inspired|esque|style|like))?"), v) for p, v in _STYLES]
_STYLE_WORD = re.compile(r"(?<=[\w'&])[- ](?:style|aesthetic|look|animation|rendering)(?![\w-])",
                         re.I)
_DECADE = r"(?:'?\d0s|\d{3}0s)"
"""A decade said as a word ("1970s", "'90s", "80s"): the era a look is named for."""
_STYLE_TAG_LEFT = re.compile(r"(?<![\w'&-])((?:(?:[A-Za-z][\w'&-]*|" + _DECADE + r") ){0,2}"
                             r"(?:[A-Za-z][\w'&-]*|" + _DECADE + r"))$")
"""Any "X style", "X aesthetic", "X look" or "X animation": a style tag even when its family is
not one the table knows (its value is then only its words, which never drift). The era a look
is named for is one of its words ("a 1970s look", "'90s aesthetic")."""
ERA = re.compile(r"(?<![\w'-])" + _DECADE + r"(?!\w)")
"""A decade in a style tag: the tag names a period look, the film's style, even when its other
words are colours ("a 1960s Technicolor look" is the period's look, not only a grade)."""
_NOT_STYLE_WORDS = frozenset(words("a an the this that his her their its and or of in with hair "
                                   "camera shooting same similar new different his her one "
                                   "fighting walking running dancing"))
_STYLE_COMPATIBLE = {frozenset({"film", x}) for x in ("photoreal", "noir", "documentary",
                                                       "vintage-film", "commercial",
                                                       "expressionist", "cyberpunk")} | {
    frozenset(pair) for pair in (
        ("commercial", "photoreal"), ("expressionist", "noir"), ("expressionist", "vintage-film"),
        ("documentary", "commercial"), ("noir", "photoreal"), ("documentary", "photoreal"),
        ("vintage-film", "documentary"), ("vintage-film", "photoreal"), ("cyberpunk", "photoreal"),
        ("noir", "vintage-film"), ("storybook", "3d-animation"), ("storybook", "painterly"),
        ("cyberpunk", "noir"), ("storybook", "photoreal"), ("anime", "cyberpunk"),
        ("3d-animation", "cyberpunk"), ("illustration", "painterly"), ("illustration", "storybook"),
        ("cgi", "photoreal"), ("cgi", "3d-animation"), ("cgi", "cyberpunk"))} | {
    frozenset({"digital", x}) for x in ("photoreal", "commercial", "documentary", "cgi",
                                        "cyberpunk", "noir", "storybook")} | {
    frozenset({"2d-animation", x}) for x in ("anime", "storybook", "illustration", "painterly",
                                              "cyberpunk")} | {
    frozenset({"animation", x}) for x in ("2d-animation", "3d-animation", "anime", "stop-motion",
                                          "storybook", "cgi", "cyberpunk", "painterly",
                                          "illustration", "pixel")}
"""Style families that can describe one film: a 2D animation may be anime or storybook, but
not 3D or stop-motion; "an animated film" says only that it is animated."""


def _names_a_thing(text: str, end: int) -> bool:
    """Whether a style word is an attribute of a thing named right after it: a colour, then a
    place, a garment or a person within two words ("hand-painted yellow awning", "a cyberpunk
    city", "a noir detective"). A style word before anything else stays a style."""
    after = _two_words_after(text, end)
    if not after:
        return False
    if hues_of_word(after[0]):
        return True
    return any(_a_thing_word(w) for w in after)


def _two_words_after(text: str, end: int) -> list[str]:
    """The (up to) two words right after `end`, lower case ("café" whole); none unless a
    space or a hyphen follows `end` at once."""
    if not re.match(r"^[ -]", text[end:end + 1]):
        return []
    return re.findall(r"[^\W\d_][\w-]*", text[end:end + 40].lower())[:2]


def _a_thing_word(word: str) -> bool:
    """A place, a garment, a person or a thing a look often sits on (`_AWNINGS`)."""
    return word in vocab.PLACES or word.rstrip("s") in vocab.PLACES or \
        word in vocab.GARMENTS or word in vocab.PERSON_NOUNS or word in _AWNINGS


_AWNINGS = frozenset(words("awning sign signs wall walls door doors cart car bus van truck boat "
                           "table chair poster posters mural murals"))
"""Objects a painted or drawn attribute often sits on."""


def lenses(text: str) -> list[Mention]:
    """Lens families, and focal lengths named as the lens ("35mm lens", "24mm wide lens"):
    a focal length is a lens anchor (the series' lens) but never drifts against another. A
    bare "macro" ("macro push-in on the crown") is how close one shot goes, as a bare focal
    length is: it repeats a macro lens but states no lens for the series (weak). So is an
    aspect ratio said alone ("16:9"): a delivery spec that can clash with another frame, not
    a lens a later shot owes."""
    out = [Mention("lens", m.group(0), m.start(), m.end(), frozenset(
               {_format(m.group(0)) if value == "format" else
                _aspect(m.group(0)) if value == "aspect" else value,
                *(v for rx2, v in _LENS_RES[:3] if rx2.search(m.group(0))),
                *(_aspect(a.group(0)) for a in [_ASPECT_RE.search(m.group(0))] if a)}))
           for pat, value in _LENS_RES for m in pat.finditer(text)]
    out += [Mention("lens", m.group(0), m.start(), m.end(), frozenset(
                {"focal", *(v for rx2, v in _LENS_RES[:3] if rx2.search(m.group(0)))}))
            for m in _FOCAL_LENS.finditer(text)]
    out += [Mention("lens", m.group(0), m.start(), m.end(), frozenset(
                {"focal"} if _LENS_FIELD.search(text[max(0, m.start() - 24):m.start()])
                else {"focal", WEAK}))
            for m in _BARE_FOCAL.finditer(text)]
    out = [replace(m, values=m.values | {WEAK}) if m.text.lower() == "macro" or
           m.values <= {v for v in m.values if v.startswith("aspect:")} else m for m in out]
    return dedupe(out)


_BARE_FOCAL = re.compile(r"(?<![\w.-])\d{2,3} ?mm(?![\w-])(?! (?:film|stock|format|footage|"
                         r"camera|grain|look|aesthetic|celluloid|print))", re.I)
"""A focal length said alone ("Medium, 50mm."): the series' lens again in a shorthand, so a
lens given once and followed by bare focal lengths is repeated, though a bare number never
states a lens on its own (weak)."""


_LENS_FIELD = re.compile(r"(?<![\w-])(?:camera|lens|lenses|optics|glass|focal length)[\"']?\s*"
                         r"(?::|=|-|–|—)\s*[\"']?$", re.I)
"""A focal length given as the value of a camera or lens field ("Camera: 85mm, f/1.8",
"Lens - 50mm", `"lens": "50mm"`): the field makes the number the series' lens, stated, not a shorthand for a
repeat ("Medium, 50mm.")."""


_STYLE_LEFT = re.compile(r"(?:[A-Za-z][\w'-]*[- ]style|in the style of [A-Z][\w'-]*(?: [A-Z]"
                         r"[\w'-]*)?|[A-Z][\w'-]*-(?:esque|inspired))\s+$")
_STYLE_RIGHT = re.compile(r"^(?:[- ](?:style|look|aesthetic|animation|film|movie|rendering))+",
                          re.I)


def _style_phrases(text: str) -> list[Head]:
    """"X style", "X aesthetic", "X look", "X animation": the tag word first, then up to three
    words before it."""
    out = []
    for m in _STYLE_WORD.finditer(text):
        head = Head(text, m, _STYLE_TAG_LEFT)
        if head.group(1):
            out.append(head)
    return out


_STYLE_OF = re.compile(
    r"(?<![\w-])(?<!dressed )(?<!decorated )(?<!furnished )(?i:in the style of|in the manner of|"
    r"(?:rendered|drawn|painted|animated|shot|styled|made) (?:like|as))\s*((?i:an? |the )?"
    r"[\w'&.-]+(?: [\w'&.-]+){0,4}?)(?=\s*(?:[,.;:]|$|\s(?:with|and|as|while|where|of)\s))|"
    r"(?<![\w-])[A-Z][\w']*(?: [A-Z][\w']*)?-(?:inspired|esque)(?![\w-])()")
"""A style said by its grammar: "in the style of a 1970s Polaroid", "rendered like a vintage
travel poster", "shot like a 90s music video", "Moebius-inspired line art": the words up to
the clause's end are the tag, of a known family or of its own."""


def _lens_word(word: str) -> bool:
    """Whether one word names a lens family or a focal length ("macro", "anamorphic",
    "100mm"): before "look" it is the lens's look, not a style."""
    return bool(re.fullmatch(r"\d{2,3} ?mm", word, re.I)) or any(
        pattern.fullmatch(word) for pattern, _ in _LENS_RES)


_LOOK_VERB_AFTER = re.compile(r"\s+(?:at|up|down|around|round|back|out|into|toward|towards|"
                              r"away)(?![\w-])", re.I)
"""Particles only the verb takes ("look at", "look up"): "a noir look in every shot" and "a
warm look for the finale" keep the noun."""
_LOOK_VERB_BEFORE = re.compile(r"(?<![\w-])(?:to|and|then|turns? to|they|she|he|I|we|you|"
                               r"can|could|will|would|might|must|do|does|did|not|never|"
                               r"(?:do|does|did|could|would|should|must)n['’]t|(?:won|can)['’]t|"
                               r"please|just)\s*$", re.I)


def _styles_a_thing(text: str, end: int) -> bool:
    """Whether "X-style" is the kind of a thing named right after it ("a Parisian-style
    café", "a Lisbon-style hill street"), not a film's manner ("Ghibli-style watercolour
    countryside", "a Wes Anderson-style pastel hotel lobby"): the next word itself is a
    place, a garment, a person or a thing a look sits on."""
    after = _two_words_after(text, end)
    return bool(after) and _a_thing_word(after[0])


def _a_verb_look(text: str, phrase: Head) -> bool:
    """Whether "look" is the verb ("lowers the glasses to look at him", "they look up"):
    a particle or preposition after it, or "to" or a subject before it. A look noun names
    the film ("a 1960s Technicolor look")."""
    if phrase.group(2).strip(" -").lower() != "look":
        return False
    before = text[max(0, phrase.start(2) - 12):phrase.start(2) + 1]
    return bool(_LOOK_VERB_AFTER.match(text[phrase.end():]) or
                _LOOK_VERB_BEFORE.search(before.rstrip("- ")))


_GENRE_ONLY = re.compile(r"documentar(?:y|ies)", re.I)
"""The kind of film said bare ("Nature documentary.", "Documentary interview"): it says the
subject is filmed as it is, not how the frame looks, so a later shot that leaves it out still
renders live action and owes nothing (weak: no gap of its own). Said as a look ("gritty
handheld documentary look") it is a style; either way it still clashes with a drawn style."""


def styles(text: str) -> list[Mention]:
    """Style words, with the name or "X-style" before them and "style"/"look" after them
    ("Pixar-style 3D animation", "noir look"): the words to repeat are the whole tag."""
    out = []
    for pattern, value in _STYLE_RES:
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            left = _STYLE_LEFT.search(text[max(0, start - 40):start])
            if left:
                start -= len(left.group(0))
            right = _STYLE_RIGHT.match(text[end:])
            if right:
                end += len(right.group(0))
            elif _names_a_thing(text, end):
                continue  # "a hand-painted yellow awning", "a cyberpunk city": an attribute
            weak = {WEAK} if not right and _GENRE_ONLY.fullmatch(m.group(0)) else set()
            out.append(Mention("style", text[start:end], start, end, frozenset({value, *weak})))
    for m in _STYLE_OF.finditer(text):
        words_ = m.group(0).rstrip(".")
        known = {v for pat, v in _STYLE_RES if pat.search(words_)}
        out.append(Mention("style", words_, m.start(), m.start() + len(words_),
                           frozenset(known or _by_medium(m.group(1) or words_))))
    for phrase in _style_phrases(text):
        start = phrase.start()
        if _a_verb_look(text, phrase) or (
                re.match(r"[- ]style$", phrase.group(2), re.I) and
                _styles_a_thing(text, phrase.end())):
            continue  # "lowers the glasses to look at him"; "a Parisian-style café"
        if ERA.search(phrase.group(0)) and phrase.group(2).startswith("-") and \
                re.match(r" [a-z]", text[phrase.end():phrase.end() + 2]) and \
                not _STYLE_RIGHT.match(text[phrase.end():]):
            continue  # "a 1920s-style speakeasy", "a 1950s-style dress": the kind of a thing
        if phrase.group(1) is not None:
            lead = phrase.group(1).split()
            dropped = 0
            while lead and lead[0].lower() in _NOT_STYLE_WORDS:
                dropped += len(lead.pop(0)) + 1
            if not lead or lead[-1].lower() in _NOT_STYLE_WORDS:
                continue  # "the same style", "her hair style"
            if all(palette_word(w.lower()) for w in lead):
                continue  # "a bleach-bypass look", "a warm look": a grade (`palette`)
            if all(_lens_word(w) for w in lead):
                continue  # "a 100mm macro look", "an anamorphic look": a lens (`lenses`)
            start = phrase.start(1) + dropped
        words_ = text[start:phrase.end()]
        known = {v for pat, v in _STYLE_RES if pat.search(words_)}
        out.append(Mention("style", words_, start, phrase.end(),
                           frozenset(known or _by_medium(words_))))
    return dedupe(out)


_MEDIA: dict[str, str] = {
    **dict.fromkeys(words("poster posters illustration illustrations drawing drawings sketch "
                          "sketches comic comics engraving engravings etching etchings "
                          "lithograph lithographs print prints woodcut linocut mural murals "
                          "fresco frescoes storybook picture-book zine"), "illustration"),
    **dict.fromkeys(words("painting paintings canvas watercolour watercolor gouache pastel "
                          "pastels"), "painterly"),
    **dict.fromkeys(words("photo photos photograph photographs photography snapshot snapshots "
                          "polaroid polaroids footage"), "photoreal"),
    **dict.fromkeys(words("cartoon cartoons animation"), "animation"),
}
"""A style tag of no known family is still a medium, read from its head noun: "rendered like
a vintage travel poster" is an illustration, "in the style of a 1970s Polaroid" a photograph,
so either drifts against a medium that cannot be it."""


_DIMENSION = {**dict.fromkeys(("2d", "flat", "vector", "cel", "hand-drawn"), "2d-animation"),
              "3d": "3d-animation"}
"""Words that say which animation a tag's "animation" is: flat and vector drawings are 2D."""


def _by_medium(tag: str) -> frozenset[str]:
    """An unknown tag's values: its own words (`other:`), and its medium when its last noun
    names one."""
    nouns = [w for w in re.findall(r"[a-z][a-z-]*", tag.lower())
             if w not in {"style", "look", "aesthetic", "rendering"}]
    medium = _MEDIA.get(nouns[-1]) if nouns else None
    said = set(re.findall(r"[a-z0-9][a-z0-9-]*", tag.lower())) & _DIMENSION.keys()
    if medium == "animation" and said:
        medium = _DIMENSION[min(said)]  # "flat 2D vector animation"
    return frozenset({"other:" + tag.lower(), *([medium] if medium else [])})


def _format(words: str) -> str:
    """"shot on 16mm film" → format:16mm (two gauges in one sequence are two looks); Super 16
    is 16mm, IMAX and large format are 65mm, a phone is its own."""
    low = words.lower().replace(" ", "")
    if "phone" in low:
        return "format:phone"
    if "digital" in low or "cinemacamera" in low:
        return "format:digital"
    if "largeformat" in low or "large-format" in low or "imax" in low:
        return "format:65mm"
    for gauge in ("super8", "super16", "super35", "8mm", "16mm", "35mm", "65mm", "70mm"):
        if gauge in low:
            return f"format:{gauge.replace('super', '') + ('mm' if 'super' in gauge else '')}"
    return "format"


_ASPECTS = {"2.35": "scope", "2.39": "scope", "2.4": "scope", "2.40": "scope", "2.76": "scope",
            "1.85": "flat", "1.78": "flat", "16:9": "flat", "1.33": "academy", "1.37": "academy",
            "4:3": "academy", "9:16": "vertical", "1:1": "square"}


def _aspect(words: str) -> str:
    """An aspect ratio's family: scope (2.39:1, anamorphic's), flat widescreen (1.85:1, 16:9),
    academy (4:3), vertical (9:16) or square. Two families in one sequence are two frames."""
    ratio = words.removesuffix(":1") if words.count(":") == 2 or words.endswith(":1") and \
        "." in words else words
    return f"aspect:{_ASPECTS.get(ratio, ratio)}"


def focal_lengths(text: str) -> list[str]:
    return [m.group(0) for m in _FOCAL.finditer(text)]


_FAMILIES = frozenset({"anamorphic", "spherical", "fisheye"})
"""The optical families a lens is one of."""


FIXED_LENS = frozenset({"format:video"})
"""Formats whose camera has its own lens (a camcorder): an anamorphic is another camera."""


def lens_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two lens families that cannot both hold (anamorphic vs spherical or fisheye), or two
    film gauges ("shot on 16mm film" vs "shot on 35mm film")."""
    if a & FIXED_LENS and "anamorphic" in b or b & FIXED_LENS and "anamorphic" in a:
        return True  # a camcorder's own zoom is no anamorphic cinema lens
    for kind in ("format:", "aspect:"):
        fa, fb = {v for v in a if v.startswith(kind)}, {v for v in b if v.startswith(kind)}
        if fa and fb and not (fa & fb):
            return True
        a, b = a - fa, b - fb
    a, b = a - {"format"}, b - {"format"}
    if a & _FAMILIES and b & _FAMILIES:  # "vintage" or "macro" beside a family is its quality:
        return not a & b & _FAMILIES  # a vintage anamorphic is no spherical lens
    return bool(a and b) and not (a & b) and all(
        frozenset({x, y}) in _LENS_CONFLICTS for x in a for y in b)


def style_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two styles that cannot both hold: most pairs of their families are incompatible (a tag
    can name several: "Ghibli-inspired hand-drawn animation" is anime and 2D animation, and
    against "photorealistic CGI" three pairs of four clash). A tag of no known family never
    drifts."""
    a = frozenset(v for v in a if not v.startswith("other:"))
    b = frozenset(v for v in b if not v.startswith("other:"))
    if not a or not b or a & b:
        return False
    pairs = [frozenset({x, y}) in _STYLE_COMPATIBLE for x in a for y in b]
    return pairs.count(False) * 2 > len(pairs)  # most families of one clash with the other
