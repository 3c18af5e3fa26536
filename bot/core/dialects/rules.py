"""Small tables the translator follows: positive rephrasings, synonyms, settings-like words.

Kept as data so a writer can extend them; each entry says where the rule comes from.
"""

from __future__ import annotations

from bot.core import cached_re as re

# "no X" -> what to write instead (guide: negation-and-negative-prompts, "Rephrase positively").
# Offered as a suggestion in `changes`, never written into a translated prompt: the words are
# not the author's.
POSITIVE: dict[str, str] = {
    "people": "empty, deserted", "person": "empty, deserted", "one": "empty, deserted",
    "crowd": "empty, deserted", "crowds": "empty, deserted", "humans": "empty, deserted",
    "clouds": "clear, cloudless sky", "cloud": "clear, cloudless sky",
    "blur": "sharp focus, crisp detail", "blurry": "sharp focus, crisp detail",
    "camera movement": "static camera, locked-off tripod shot",
    "camera motion": "static camera, locked-off tripod shot",
    "camera shake": "steady, stabilized camera", "shake": "steady, stabilized camera",
    "text": "plain, blank surfaces", "words": "plain, blank surfaces",
    "logos": "plain, unbranded surfaces", "logo": "plain, unbranded surfaces",
    "subtitles": "clean frame", "captions": "clean frame", "watermark": "clean frame",
    "music": "natural ambient sound only", "cartoonish": "photorealistic, documentary footage",
    "cartoon": "photorealistic, documentary footage", "cars": "an empty road",
    "traffic": "an empty road", "fog": "crisp, clear air", "haze": "crisp, clear air",
    "rain": "dry weather", "wind": "still air", "cuts": "one continuous shot",
    "noise": "clean image", "grain": "clean digital image", "shadows": "soft, even light",
    "face": "seen from behind, face turned away", "faces": "seen from behind, faces turned away",
}

NEGATOR = re.compile(r"^(?:no|without|never|not|don't|doesn't|do not|does not|avoid|avoiding|"
                     r"free of|absent|lacking|minus)\s+(?:any\s+|a\s+|an\s+|the\s+)?", re.I)

# Synonyms: when the target's vocabulary lists one spelling, use it (guide: dialect-translation).
# Each group names one thing; a pair that only looks alike ("wide shot" is a shot size,
# "wide-angle" a lens) is not a synonym, and a spelling must add nothing (no motion, no pace).
SYNONYMS: list[tuple[str, ...]] = [
    ("shallow depth of field", "shallow focus", "bokeh", "blurred background"),
    ("slow motion", "slow-mo", "slo-mo", "slowmo"),
    ("golden hour", "magic hour"),
    ("volumetric light", "god rays", "crepuscular rays"),
    ("natural walking speed", "normal walking speed", "normal walking pace"),
    ("real-time speed", "real-time", "real time", "normal speed"),
    ("documentary realism", "documentary style"),
    ("close-up", "closeup", "close up"),
    ("anime style", "anime-style", "in the style of anime"),
]

# Words that are settings, not prompt words: the API or app takes them as parameters.
_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"
SETTINGS_PATTERNS: list[tuple[str, str]] = [
    ("duration", r"(?:(?:a|an)\s+)?" + _NUM + r"[- ]?(?:s|secs?|seconds?)(?:[- ]long)?\s+"
                 r"(?:clip|video|shot|film|loop|sequence)s?"),
    ("duration", r"(?:duration|length)\s*:?\s*" + _NUM + r"\s*(?:s|secs?|seconds?)"),
    ("duration", r"(?:(?<=^)|(?<=[,.;]\s))" + _NUM + r"\s*(?:s|secs?|seconds?)(?=\s*(?:[,.;]|$))"),
    ("duration", r"(?<![\w-])" + _NUM + r"[- ]?(?:secs?|seconds?)\b"
                 r"(?!\s+(?:of|later|after|before|ago|into|to|in|until|per)\b)"),
    ("aspect ratio", r"(?:(?:in|at)\s+)?(?:(?:vertical|horizontal|widescreen|portrait|landscape|"
                     r"square|cinemascope)\s+)?(?:aspect ratio\s*:?\s*)?"
                     r"(?:16:9|9:16|1:1|4:3|3:4|21:9|9:21|4:5|5:4|3:2|2:3|2\.39:1|2\.35:1|1\.85:1)"
                     r"(?:\s+(?:aspect ratio|aspect|ratio|format|frame))?"),
    ("resolution", r"(?:(?:shot|filmed|rendered|captured)\s+)?(?:(?:in|at)\s+)?"
                   r"(?:4k|8k|16k|1080p|720p|2160p|4320p|480p|uhd|ultra[- ]hd|full hd)"
                   r"(?:\s+(?:resolution|uhd|hdr|quality))?"),
    ("frame rate", r"(?:(?:at|in)\s+)?\d{2,3}\s?fps"),
]

# Steer phrases that only make sense in some scenes: (words in the steer, words the prompt needs).
STEER_CONTEXT: list[tuple[str, str]] = [
    (r"\bneon\b", r"\b(?:neon|night|city|street|alley|club|signs?)\b"),
    (r"\brain\b", r"\brain"),
    (r"\btraffic\b", r"\b(?:city|street|road|traffic|town|downtown|avenue)\b"),
    (r"\b(?:walk|walking|footsteps?|skin|faces?|stride)\b",
     r"\b(?:woman|women|man|men|girl|boy|child|person|people|couple|stranger|strangers|dancer|"
     r"runner|walks?|walking|strolls?|commuters?|crowd|she|he|they|figure|traveler|hiker|"
     r"grandmother|grandfather|vendor|chef|astronaut|soldier|knight|samurai|thief)\b"),
]

# Steer phrases that contradict what the prompt already says: (words in the steer, words in the
# prompt that rule it out). A melancholic, slow scene is not offered "energetic, fast movement".
STEER_CONFLICTS: list[tuple[str, str]] = [
    (r"\b(?:energetic|fast|brisk|high-energy|punchy|dynamic)\b",
     r"\b(?:melanchol\w*|calm\w*|quiet\w*|slow\w*|gentl[ey]|serene|peaceful|sad|somber|sombre|"
     r"still|stillness|lingering|tranquil|meditative|dreamy|mournful|wistful|lonely)\b"),
    (r"\b(?:slow(?:ed)?|lingering|calm|gentle)\b",
     r"\b(?:energetic|frantic|brisk\w*|fast|quick\w*|rush\w*|sprint\w*|racing|chase\w*|"
     r"hurr\w*|explosive|real[- ]time)\b"),
]

# Steers written as advice to the writer, not as prompt words.
ADVICE = re.compile(r"^(?:name|start|describe|use|add|write|keep|avoid|put|give|say|mention)\b",
                    re.I)

# Labels that open a clause ("Audio: ...") and say which component follows.
SOUND_LABEL = re.compile(r"^(?:audio|sound|sfx|ambient noise|ambience|music|dialogue)\s*:", re.I)
