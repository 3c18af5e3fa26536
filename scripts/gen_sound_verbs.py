"""Generate bot/core/critique/sound_verbs.py: the forms of the verbs whose most frequent
WordNet sense makes a sound ("slurp": eat noisily; "clatter": make a rattling sound; "snore":
breathe noisily during one's sleep), and the adjectives whose most frequent sense is a sound's
("noisy": full of or characterized by loud and nonmusical sounds; "squeaky": having or making
a high-pitched sound).

Issue 12 counts as audio a described sound. The audio lexicon lists the common sound verbs by
hand; WordNet's definitions know the rest. A verb joins the table when:

- its most frequent verb sense's definition (outside parentheses) says a sound is made
  (`MAKES_A_SOUND`: "make a ... sound", "emit a ... noise", "... noisily", "with a ... noise",
  "ring", "resound");
- that sense is a sound given off (verb.perception), a way of eating (verb.consumption) or of
  breathing (verb.body) (`SOUND_LEXFILES`). Verbs of saying (verb.communication: "bellow",
  "grunt", "wrangle") are left to the lexicon and to the delivery of a voice: a person seen
  talking is not audio by itself. A verb with a movement among its first three senses
  ("rattle along", "whistle past") is left to the lexicon, which reads the movement too;
- it is used at least as often as a verb as as a noun, an adjective or an adverb
  (sense-tagged counts);
- its definition does not say an instrument is played ("sound the strings of", "sound a
  gong"): an instrument played with no sound said stays the picture's
  (analysis._instrument_played); nor a movement that sounds ("swish": move with a whistling
  sound, `MOVES`).

Only the -ing and past forms are kept, and the base and -s forms of verbs that are no noun:
"rings", "drums", "tweets" are things as often as sounds; and no form that WordNet lists as a
noun, an adjective or an adverb of its own ("dining", "pants", "rung", "ringed"): in a prompt
it is mostly that word.

An adjective joins `SOUND_ADJECTIVES` when its first sense's definition (outside parentheses)
opens by saying a sound (`SAYS_A_SOUND`: "loud", "noisy", "characterized by ... sounds",
"having or making a ... sound", "like the ... sound", "loud enough to"), it is no -ing
participle (the verbs' and the lexicon's, with the participle's own filters), and it is used
at least as often as an adjective as as another part of speech.

Offline, once. Needs WordNet's database files (Debian/Ubuntu: `apt-get install wordnet-base`,
which puts them in /usr/share/wordnet). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_sound_verbs.py [--wordnet-dir DIR]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_manner_verbs import (  # noqa: E402
    MOTION_LEXFILE,
    _exceptions,
    _sense_order,
    _synsets,
    _tagged_uses,
    frozenset_lines,
    wordnet_dir,
    wordnet_records,
)

from bot.core.critique.lexicon import verb_forms  # noqa: E402

OUT = Path(__file__).parent.parent / "bot" / "core" / "critique" / "sound_verbs.py"
SOUND_LEXFILES = frozenset({39, 34, 29})
"""verb.perception (where WordNet files the sounds things give off), verb.consumption (eating:
"slurp", "munch"), verb.body (breathing: "snore", "pant")."""
MAKES_A_SOUND = re.compile(
    r"^(?:make|emit|produce|give off|utter|issue)\b.*\b(?:sounds?|noises?)\b|"
    r"\b(?:noisily|loudly|audibly)\b|\bwith an? (?:[\w-]+ )*(?:sound|noise)\b|"
    r"^(?:ring|resound|reverberate|sound)\b")
PLAYED = re.compile(r"^sound (?:the|a|an)\b")
MOVES = re.compile(r"\bmove\b")
"""A definition that makes the sound a movement's ("move with a whistling or hissing sound":
"swish", "swoosh"): the tail swishing is seen moving; the lexicon reads such a verb's sound."""
SENSES_WITHOUT_MOVEMENT = 3
SAYS_A_SOUND = re.compile(
    r"^(?:(?:unpleasantly|conspicuously and offensively|uncontrollably) )?(?:loud|noisy)\b"
    r"(?! and lacking)|"  # "noisy and lacking in restraint" (unruly, boisterous): a behaviour
    r"^(?:full of or )?characterized by (?:or producing )?(?:[\w-]+ ){0,3}(?:sounds?|noises?)\b|"
    r"^(?:having or making|making|producing|emitting) (?:an? |no )?(?:[\w-]+ ){0,3}"
    r"(?:sounds?|noises?)\b|^like the (?:[\w-]+ ){0,3}sound\b|^(?:loud enough|full and loud)\b")


def _parenthesised_dropped(gloss: str) -> str:
    return re.sub(r"\([^)]*\)", "", gloss)


def _lemmas(wordnet: Path, pos: str) -> frozenset[str]:
    """Every single-word lemma of index.<pos>."""
    return frozenset(line.split(" ", 1)[0]
                     for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1")
                     .splitlines() if not line.startswith("  "))


def _another_verbs_form(form: str, lemma: str, verbs: frozenset[str]) -> bool:
    """Is `form` also a form of another verb, by the e the suffix dropped ("din" + -ed or -ing
    made "dined", "dining": forms of "dine")?"""
    bases = {form[:-1]} if form.endswith("ed") else {form[:-3] + "e"} if form.endswith("ing") \
        else set()
    return any(base != lemma and base in verbs for base in bases)


def sound_verb_forms(wordnet: Path) -> list[str]:
    """The kept forms of every sound verb (see the module note)."""
    synsets = _synsets(wordnet)
    order = _sense_order(wordnet)
    as_verb = _tagged_uses(wordnet, "verb")
    as_noun = _tagged_uses(wordnet, "noun")
    as_other = [as_noun, _tagged_uses(wordnet, "adj"), _tagged_uses(wordnet, "adv")]
    irregular = _exceptions(wordnet)
    nouns = _lemmas(wordnet, "noun")
    other_words = nouns | _lemmas(wordnet, "adj") | _lemmas(wordnet, "adv")
    verbs = _lemmas(wordnet, "verb")
    forms: set[str] = set()
    for lemma, offsets in sorted(order.items()):
        lexfile, _, gloss, _ = synsets[offsets[0]]
        gloss = _parenthesised_dropped(gloss)
        if not lemma.isalpha() or lexfile not in SOUND_LEXFILES \
                or not MAKES_A_SOUND.search(gloss) or PLAYED.match(gloss) or MOVES.search(gloss) \
                or any(uses.get(lemma, 0) > as_verb.get(lemma, 0) for uses in as_other):
            continue
        if MOTION_LEXFILE in [synsets[o][0] for o in offsets[:SENSES_WITHOUT_MOVEMENT]]:
            continue  # "rattle", "whistle": the lexicon reads them, and their movement
        for form in [*verb_forms(lemma), *irregular.get(lemma, [])]:
            if form in other_words or _another_verbs_form(form, lemma, verbs):
                continue  # "pants", "rung", "dined": another word
            if form.endswith(("ing", "ed")) or form in irregular.get(lemma, []) \
                    or lemma not in nouns:
                forms.add(form)
    return sorted(forms)


def sound_adjectives(wordnet: Path) -> list[str]:
    """The adjectives whose first sense is a sound's (see the module note)."""
    first_gloss = {}
    for fields, _, _, gloss in wordnet_records(wordnet / "data.adj"):
        first_gloss[fields[0]] = _parenthesised_dropped(gloss.split(";")[0]).strip()
    uses = {pos: _tagged_uses(wordnet, pos) for pos in ("noun", "verb", "adj", "adv")}
    kept = []
    for line in (wordnet / "index.adj").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, first = fields[0], fields[-int(fields[2])]
        if not lemma.replace("-", "").isalpha() or lemma.endswith("ing") \
                or any(uses[pos].get(lemma, 0) > uses["adj"].get(lemma, 0)
                       for pos in ("noun", "verb", "adv")):
            continue
        if SAYS_A_SOUND.search(first_gloss[first]):
            kept.append(lemma)
    return sorted(kept)


def main() -> None:
    wordnet = wordnet_dir(__doc__.splitlines()[0], "data.verb")
    forms = sound_verb_forms(wordnet)
    adjectives = sound_adjectives(wordnet)
    lines = [
        '"""Generated by scripts/gen_sound_verbs.py from WordNet 3.0: do not edit by hand.',
        "",
        "Forms of the verbs whose most frequent WordNet sense makes a sound (given off, eaten",
        "or breathed: \"clatter\", \"slurp\", \"snore\"), less the verbs of saying, the verbs",
        "that also move, the played instruments and the words used more often otherwise; the",
        "-s and base forms only of verbs never used as nouns. Said as a verb, one is a sound",
        'heard: analysis.sound_verbs. The adjectives whose first sense is a sound\'s ("noisy",',
        '"squeaky"), no participles: said of a thing, one is a sound heard."""',
        "",
        *frozenset_lines("SOUND_VERB_FORMS", forms),
        "",
        *frozenset_lines("SOUND_ADJECTIVES", adjectives),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(forms)} forms, {len(adjectives)} adjectives")
    print(" ".join(forms))
    print(" ".join(adjectives))


if __name__ == "__main__":
    main()
