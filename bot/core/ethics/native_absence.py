"""Japanese "none" after a noun: the noun a term matched is said to be absent.

Japanese says that something is not in the clip after the noun: 流血なし "no bloodshed", 顔出し
なし "no face shown", 傷のアップは一切なし "no close-up of wounds at all". The native scan reads
the noun as the term it is (流血 "bloodshed", gore) and the prompt as asking for it, where an
English prompt's "no bloodshed" puts the negation before the noun. `gloss._without` already
reads the gloss this way ("no bloodshed"); this module does the same for the native terms.
"""

from __future__ import annotations

from bot.core import cached_re as re

NONE = r"(?:なし|無し)(?![たてにがをはのまゃ崩])"
"""Japanese "none" after a noun: なし or 無し, not the verb 成す's forms (なした, なして) nor なしに
"without doing". The gloss reads it too (`gloss._WITHOUT`)."""
_NONE_AFTER = re.compile(r"(?:[はも]?(?:一切|全く|全然)?)" + NONE)
"""What may follow an absent noun: は or も, 一切 / 全く / 全然 "at all", then `NONE`."""


def without_absent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` (term matches in a Japanese prompt) less those straight followed by "none"
    (`_NONE_AFTER`). A term that itself ends in なし (AI表記なし) is kept: nothing follows it."""
    if "なし" not in text and "無し" not in text:
        return spans
    return [(start, end) for start, end in spans if _NONE_AFTER.match(text, end) is None]
