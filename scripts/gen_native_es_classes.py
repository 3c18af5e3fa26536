"""Generate two Spanish word classes beside bot/core/critique/lexicons/es.py, read from the
dictionary the gloss already ships through the English analyzer's component tables.

shot_sizes_es.txt: adjectives that say a shot's size or framing after "plano", "toma" or
"encuadre".

Issue 12's shot is the shot size and framing. Spanish names it by an adjective after the noun
("plano general", "plano extremo", "toma amplia", "plano maestro"); the Spanish lexicon listed
the common ones by hand and missed the rest. Here a Spanish form with an adjective reading in
Apertium's English-Spanish pair (bot/core/ethics/spanish_gloss.tsv, spanish_pos.tsv; as
tabled by scripts/gen_spanish_gloss.py) is a shot size when one of its one-word English
senses S makes "a S shot" a shot in the English analyzer (bot.core.critique.analysis): "extremo"
-> "extreme" -> "an extreme shot". Position words are not shot (issue 12), and the English
table already leaves them out.

light_sources_es.txt: nouns that name a light, so that a light's trace said of one is lighting
("reflejos de neón", "reflejos de antorcha") and said of anything else is not ("el reflejo del
monitor", "el reflejo de su córnea"), as the English analyzer reads "the reflection of the neon
sign" (lighting: the neon) and "the reflection of the monitor" (none). A noun is a light when
the English analyzer reads its first sense S in "the reflection of the S" as lighting, or when
the Spanish lexicon's own lighting cues take it alone or as what a light is of ("antorcha",
"luz de luna").

light_fittings_es.txt: nouns whose English sense is, in WordNet, a kind of light source (a
lamp, a torch, a light bulb): a Spanish noun whose English gloss is a light source is a light
source, so its mention is lighting ("una lámpara de escritorio", "una bombilla desnuda"), as
English reads "a lamp".

camera_adjectives_es.txt: adjectives that say the camera's angle, height or move after
"plano", "toma", "vista", "encuadre" or "ángulo" ("plano aéreo", "toma rotatoria", "plano
bajo", "vista frontal"): a Spanish adjective is one when one of its one-word English senses S
makes "a S shot" a camera span in the English analyzer ("an aerial shot", "a rotating shot",
"a low shot"), as the shot sizes are read.

nouns_es.txt: nouns that can be what a prompt shows, each with its kind (person, animal,
thing), so that the Spanish reader knows a noun it has no hand list for ("un paracaidista",
"un estandarte") and the noun a verb is said of ("una bandera ondea"). A Spanish form whose
first Apertium reading is a noun is one when its first English sense is, in WordNet's tree
(bot/core/noun_kinds.txt), a person, an animal or another physical thing; a place is not
(places are settings), nor the film words the English reader never takes as a head
(noun_kinds.NOT_HEADS: camera, shot, lens, scene, ...). By word formation, an -ista noun
glossed by an English -ist noun is a person (paracaidista "parachutist"), whether or not
WordNet lists it. A first sense that is a person counts only when it is the most frequent: a
noun none of whose senses WordNet tagged, fewer than half of them persons and one an artifact,
is a thing ("monitor": a proctor first, then screens; "grúa", "tornillo"). Each entry keeps
the form's other readings (a verb, an adjective), so a reader can ask for a determiner before
a form that may be something else ("la reina" / "reina la calma").

view_nouns_es.txt: nouns whose de-phrase is what a prompt shows, an English partitive or film
word through the gloss ("una escena de dos desconocidos", "un grupo de niños"); after any other
noun a de-phrase only modifies it ("el reflejo del monitor"), so its noun is no subject.

Offline, once. Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_native_es_classes.py
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))  # gen_manner_verbs' WordNet readers

from gen_manner_verbs import _sense_order, _tagged_uses  # noqa: E402

from bot.core.critique.analysis import analyze  # noqa: E402
from bot.core.critique.components import Component as C  # noqa: E402
from bot.core.critique.lexicons.es import LIGHTING  # noqa: E402
from bot.core.ethics import gloss  # noqa: E402
from bot.core.generated_tables import table_rows, write_table  # noqa: E402
from bot.core.noun_kinds import NOT_HEADS, PARTITIVES, kind_chain  # noqa: E402

OUT_DIR = Path(__file__).resolve().parents[1] / "bot" / "core" / "critique" / "lexicons"
_ONE_WORD = re.compile(r"[a-z]+")


def english_shot_size(sense: str) -> bool:
    """True when "a <sense> shot" is read as a shot by the English analyzer, the sense and
    "shot" both inside one shot span ("an extreme shot"; not "a macro shot", a lens)."""
    word = sense.lower()
    if not _ONE_WORD.fullmatch(word):
        return False
    shots = analyze(f"a {word} shot").spans.get(C.SHOT, [])
    return any(re.search(rf"(?<![a-z]){word} shot$", s.text.lower()) for s in shots)


def english_camera_adjective(sense: str) -> bool:
    """True when both "a <sense> shot" and "a <sense> view" are read as the camera by the
    English analyzer, the sense and the noun inside one camera span ("an aerial shot", "an
    aerial view"; not "a wide shot", a size, nor "a following shot", which a view is not: the
    sense must say where the camera looks from)."""
    word = sense.lower()
    if not _ONE_WORD.fullmatch(word):
        return False
    return all(any(re.search(rf"(?<![a-z]){word} {noun}$", s.text.lower())
                   for s in analyze(f"a {word} {noun}").spans.get(C.CAMERA, []))
               for noun in ("shot", "view"))


def _glossed_forms(part: str) -> list[tuple[str, str]]:
    """(form, English senses) of each Spanish form in the gloss table that Apertium's part-of-
    speech table gives the reading `part` ("a" adjective, "n" noun)."""
    parts = dict(table_rows(Path(gloss.__file__).with_name("spanish_pos.tsv")))
    return [(form, english)
            for form, english in table_rows(Path(gloss.__file__).with_name("spanish_gloss.tsv"))
            if part in parts.get(form, "").split("\t")[0]]


def spanish_shot_sizes() -> list[str]:
    return sorted(form for form, english in _glossed_forms("a")
                  if any(english_shot_size(sense.strip()) for sense in english.split(" / ")))


def _english_light(sense: str) -> bool:
    """True when the English analyzer reads "the reflection of the <sense>" as lighting on the
    sense itself (neon, bonfire, twilight; not monitor)."""
    word = sense.lower()
    if not _ONE_WORD.fullmatch(word):
        return False
    lights = analyze(f"the reflection of the {word}").spans.get(C.LIGHTING, [])
    return any(re.search(rf"(?<![a-z]){word}(?![a-z])", s.text.lower()) for s in lights)


def _spanish_light(form: str) -> bool:
    """True when the Spanish lighting cues take the noun alone ("antorcha") or as what a light
    is of ("luz de luna", "luz de velas"), and not as a quality of the light: a word the cues
    take straight after "luz" ("luz lateral", "luz brillante") is a qualifier, which they also
    take after "luz de la" since a light phrase keeps its qualifiers."""
    def lit(phrase: str) -> bool:
        return any(re.fullmatch(cue.pattern, phrase) for cue in LIGHTING)

    if lit(f"luz {form}"):
        return False
    return lit(form) or any(lit(f"luz {of} {form}")
                            for of in ("de", "del", "de la", "de las", "de los"))


def spanish_light_fittings() -> list[str]:
    source = kind_chain("lamp")[1]  # what a lamp is a kind of: a source of illumination
    parts = dict(table_rows(Path(gloss.__file__).with_name("spanish_pos.tsv")))
    return sorted(form for form, english in _glossed_forms("n")
                  for readings in (parts.get(form, "").partition("\t")[2],)
                  for i, sense in enumerate(english.split(" / "))
                  if readings[i:i + 1] == "n" and source in kind_chain(sense.strip().lower()))


def spanish_camera_adjectives() -> list[str]:
    return sorted(form for form, english in _glossed_forms("a")
                  if any(english_camera_adjective(sense.strip())
                         for sense in english.split(" / ")))


def spanish_light_sources() -> list[str]:
    return sorted(form for form, english in _glossed_forms("n")
                  if _spanish_light(form) or _english_light(english.split(" / ")[0].strip()))


def _singulars(form: str, sense: str) -> list[str]:
    """The singulars an English plural sense of a Spanish plural may have ("lines" -> "line"),
    looked up before the plural itself: WordNet files some plurals as people's names (Lines,
    Waters, Marks), which the singular is not."""
    if not (form.endswith("s") and sense.endswith("s")):
        return []
    out = [sense[:-1], sense[:-2]] if sense.endswith("es") else [sense[:-1]]
    return out + [sense[:-3] + "y"] if sense.endswith("ies") else out


WORDNET_DIR = Path("/usr/share/wordnet")
"""Princeton WordNet 3.0 as Debian ships it (apt-get install wordnet-base), read for how often
each sense of a noun was tagged (index.noun) and which lexicographer file a sense is in."""
_PERSON_FILE, _ARTIFACT_FILE = 18, 6
"""The lexicographer files noun.person and noun.artifact (WordNet's lexnames)."""


@lru_cache(maxsize=1)
def _noun_senses() -> tuple[dict[str, int], dict[str, list[str]]]:
    """How often each noun's senses were tagged, and its synset offsets in WordNet's sense
    order (gen_manner_verbs' index readers); both empty without WordNet."""
    if not (WORDNET_DIR / "index.noun").exists():
        return {}, {}
    return _tagged_uses(WORDNET_DIR, "noun"), _sense_order(WORDNET_DIR, "noun")


def _lexfile(data: BinaryIO, offset: str) -> int:
    """The lexicographer file of the data.noun record at `offset`."""
    data.seek(int(offset))
    return int(data.readline().split()[1])


def _a_made_thing_more_than_a_person(lemma: str) -> bool:
    """Whether a noun whose first sense is a person is, by sense frequency, rather a made
    thing: WordNet tagged none of its senses in its corpus (so the first sense is not known to
    be the most frequent), fewer than half of them are persons, and one is an artifact
    ("monitor": a proctor and an admonisher, then four screens and a lizard; "grúa" crane,
    "tornillo" screw). A noun with tagged senses keeps its first, the most frequent; one whose
    other senses are animals stays a subject either way."""
    tagged, order = _noun_senses()
    key = lemma.replace(" ", "_")
    if key not in order or tagged[key] > 0:
        return False
    with (WORDNET_DIR / "data.noun").open("rb") as data:
        files = [_lexfile(data, offset) for offset in order[key]]
    return 2 * files.count(_PERSON_FILE) < len(files) and _ARTIFACT_FILE in files


def _noun_kind(form: str, sense: str) -> str | None:
    """person, animal or thing when the English sense is one in WordNet (or, by word
    formation, an -ista glossed by an -ist is a person); None otherwise (an abstraction, a
    place, a film word)."""
    word = sense.lower()
    if word in NOT_HEADS or not re.fullmatch(r"[a-z]+(?: [a-z]+)?", word):
        return None
    lemma = next((one for one in _singulars(form, word) if kind_chain(one)), word)
    chain = kind_chain(lemma)
    kinds = [("person", kind_chain("person")[0]), ("animal", kind_chain("animal")[0]),
             (None, kind_chain("location")[0]), ("thing", kind_chain("physical entity")[0])]
    for kind, root in kinds:
        if root in chain:
            if kind == "person" and _a_made_thing_more_than_a_person(lemma):
                return "thing"
            return kind
    if form.endswith(("ista", "istas")) and word.endswith(("ist", "ists")):
        return "person"
    return None


def spanish_nouns() -> list[str]:
    """`form<TAB>kind<TAB>other readings` (v a verb, a an adjective; "" when none)."""
    parts = dict(table_rows(Path(gloss.__file__).with_name("spanish_pos.tsv")))
    rows = []
    for form, english in _glossed_forms("n"):
        letters, _, readings = parts.get(form, "").partition("\t")
        if not readings.startswith("n"):
            continue  # the first sense is not a noun's ("llama": flame / calls is)
        kind = _noun_kind(form, english.split(" / ")[0].strip())
        if kind:
            rows.append(f"{form}\t{kind}\t{''.join(c for c in 'va' if c in letters)}")
    return sorted(rows)


VIEW_NOUNS = PARTITIVES | frozenset(("shot", "shots", "camera", "closeup", "close-up", "angle",
                                      "view", "scene", "footage", "video", "clip", "film",
                                      "frame", "framing", "image", "photo", "photograph",
                                      "picture"))
"""English nouns whose "of" phrase names what a prompt shows: the English reader's partitives
(noun_kinds.PARTITIVES: "a cup of tea", "a group of skaters", "footage of waves") and its film
words (noun_kinds.NOT_HEADS: "a photo of a dog", "a scene of two strangers")."""


def spanish_view_nouns() -> list[str]:
    """Spanish nouns one of whose English senses is a `VIEW_NOUNS` word: "una escena de dos
    desconocidos", "un grupo de niños", "una taza de café" (the de-phrase is what is shown),
    where after any other noun it only modifies it ("el reflejo del monitor")."""
    return sorted(form for form, english in _glossed_forms("n")
                  if any(sense.strip().lower() in VIEW_NOUNS for sense in english.split(" / ")))


def write(name: str, words: list[str], what: str) -> None:
    path = OUT_DIR / name
    notice = ("Generated by scripts/gen_native_es_classes.py from Apertium apertium-eng-spa "
              "(GPL-2.0-or-later) via bot/core/ethics/spanish_gloss.tsv: do not edit by hand. "
              + what)
    write_table(path, notice, words)
    print(f"{path}: {len(words)} words")


def main() -> int:
    write("shot_sizes_es.txt", spanish_shot_sizes(),
          "Adjectives that say a shot's size after plano/toma/encuadre.")
    write("light_sources_es.txt", spanish_light_sources(), "Nouns that name a light.")
    write("light_fittings_es.txt", spanish_light_fittings(),
          "Nouns whose English sense is a light source (WordNet).")
    write("camera_adjectives_es.txt", spanish_camera_adjectives(),
          "Adjectives that say the camera's angle, height or move after plano/toma/vista.")
    write("nouns_es.txt", spanish_nouns(),
          "Nouns of what a prompt shows: form, kind (person, animal, thing), other readings.")
    write("view_nouns_es.txt", spanish_view_nouns(),
          "Nouns whose de-phrase is what is shown (an English partitive or film word).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
