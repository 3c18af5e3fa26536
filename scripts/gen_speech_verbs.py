"""Generate bot/core/critique/speech_verbs.py: every form of the verbs whose most frequent
WordNet sense is saying something (WordNet 3.0's lexicographer file verb.communication).

Issue 12 defines motion as the speed, manner, weight or physics of a movement, and audio as
dialogue or a described sound. A manner word said of a verb of saying ("slowly telling a
story", "rapidly describing the features", "arguing loudly") is the delivery of a voice: how
fast or how loud the words come, not how anything moves. The analyzer's hand list of such
verbs (analysis._NOT_MOVEMENT_LEMMAS: speak, talk, whisper...) knows a few; WordNet's
verb.communication file knows the rest ("tell", "describe", "argue", "narrate", "recite",
"complain"). Filters keep the table to verbs a reader takes as words said:

- the verb.communication sense must be the word's most frequent verb sense (index.verb's
  order), and the word used at least as often as a verb as as a noun, an adjective or an
  adverb (sense-tagged counts: "out", filed as a verb of saying, is a particle in "breathes
  out slowly");
- a verb with any sense in verb.motion, or a bodily sense among its first two (verb.body),
  is left out: "call", "snap", "roar", "direct", "nod" also move something;
- a verb whose first definition is made with the hands, the head or the body ("beckon":
  signal with the hands or nod; "applaud"; "signal"; "gesticulate"... `BY_THE_BODY`) or
  is a writing, recording or operating ("type": write by means of a keyboard; "photograph":
  record on film; `NOT_SAID`) says a movement or a handling, not a voice;
- a verb whose first sense's hypernyms climb to a doing that is no saying (`NOT_SAYING_TOPS`:
  "count" and "tot" up to "determine", "snoop" up to "watch", "log" up to "have") is filed
  with the communication verbs but is reckoning, watching or keeping: "carefully counting
  the bills" is a hand's work.

Offline, once. Needs WordNet's database files (Debian/Ubuntu: `apt-get install wordnet-base`,
which puts them in /usr/share/wordnet). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_speech_verbs.py [--wordnet-dir DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_manner_verbs import (  # noqa: E402
    MOTION_LEXFILE,
    _sense_order,
    _synsets,
    _tagged_uses,
    forms_by_base,
    frozenset_lines,
    wordnet_dir,
    wordnet_records,
)

OUT = Path(__file__).parent.parent / "bot" / "core" / "critique" / "speech_verbs.py"
COMMUNICATION_LEXFILE = 32
"""WordNet's lexicographer file number of verb.communication."""
BODY_LEXFILE = 29
"""WordNet's lexicographer file number of verb.body."""
BY_THE_BODY = re.compile(r"\b(?:hands?|head|nod\w*|gestur\w*|arms?|fingers?|bow\w*|wav\w*|"
                         r"clap\w*|body|eyes?|face|signal\w*|sign)\b")
"""Words in a definition that make the saying a movement of the body ("signal with the hands
or nod", "clap one's hands", "perform a ceremonious bow")."""
NOT_SAYING_TOPS = frozenset({"determine", "watch", "have", "remove", "switch", "use"})
"""Tops of WordNet's verb hierarchy (a first sense's hypernyms followed up to the end) under
which verb.communication files a few verbs that say nothing aloud."""
NOT_SAID = re.compile(r"^(?:write|record|operate|type)\b")
"""Definitions that open with a writing, a recording or the handling of a device ("write by
means of a keyboard", "record on photographic film", "operate a dial"): a hand's work."""


def _hypernym_tops(wordnet: Path) -> dict[str, str]:
    """offset -> the first lemma of the synset reached by following each verb synset's first
    hypernym (`@`) to the top of WordNet's verb hierarchy."""
    first_hypernym: dict[str, str] = {}
    first_lemma: dict[str, str] = {}
    for fields, lemmas, ptr_fields, _ in wordnet_records(wordnet / "data.verb"):
        first_lemma[fields[0]] = lemmas[0]
        ups = [ptr_fields[i + 1] for i in range(0, len(ptr_fields), 4)
               if ptr_fields[i] == "@" and ptr_fields[i + 2] == "v"]
        if ups:
            first_hypernym[fields[0]] = ups[0]
    tops = {}
    for offset in first_lemma:
        seen = {offset}
        top = offset
        while top in first_hypernym and first_hypernym[top] not in seen:
            top = first_hypernym[top]
            seen.add(top)
        tops[offset] = first_lemma[top]
    return tops


def speech_verb_forms(wordnet: Path) -> dict[str, str]:
    """Every form of every verb of saying (see the module note), mapped to its base."""
    synsets = _synsets(wordnet)
    order = _sense_order(wordnet)
    as_verb = _tagged_uses(wordnet, "verb")
    as_other = [_tagged_uses(wordnet, pos) for pos in ("noun", "adj", "adv")]
    tops = _hypernym_tops(wordnet)
    bases = []
    for lemma, offsets in sorted(order.items()):
        lexfiles = [synsets[o][0] for o in offsets]
        gloss = synsets[offsets[0]][2]
        if not lemma.isalpha() or lexfiles[0] != COMMUNICATION_LEXFILE \
                or any(uses.get(lemma, 0) > as_verb.get(lemma, 0) for uses in as_other):
            continue  # mostly another part of speech: "out", "still"
        if MOTION_LEXFILE in lexfiles or BODY_LEXFILE in lexfiles[:2]:
            continue  # "call", "snap", "nod": also a movement
        if BY_THE_BODY.search(gloss) or NOT_SAID.match(gloss):
            continue  # "beckon", "applaud", "type", "photograph": the hands' or body's work
        if tops[offsets[0]] in NOT_SAYING_TOPS:
            continue  # "count", "snoop", "log": reckoning, watching, keeping
        bases.append(lemma)
    return forms_by_base(wordnet, bases)


def main() -> None:
    forms = speech_verb_forms(wordnet_dir(__doc__.splitlines()[0], "data.verb"))
    lines = [
        '"""Generated by scripts/gen_speech_verbs.py from WordNet 3.0: do not edit by hand.',
        "",
        "Every form of the verbs whose most frequent WordNet sense is saying something",
        "(verb.communication), less the words used more often as nouns and the verbs that also",
        "move (a verb.motion sense, a bodily first sense, a definition made with the hands or",
        "the body, a writing or recording). A manner word said of one of them is the delivery",
        'of a voice, not a movement\'s: analysis._voice_delivery."""',
        "",
        *frozenset_lines("SPEECH_VERB_FORMS", sorted(forms)),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(set(forms.values()))} verbs, {len(forms)} forms")


if __name__ == "__main__":
    main()
