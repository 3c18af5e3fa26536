"""Generate bot/core/critique/manner_verbs.py: verbs whose meaning carries the weight or
the instability of a movement ("trudge" = walk heavily, "stagger" = walk as if unable to
control one's movements, "wobble" = move unsteadily), from WordNet's definitions.

Issue 12 defines motion as the speed, manner, weight or physics of a movement. A writer often
puts the manner in the verb rather than in an adverb: "an old man trudges through the snow"
says as much about weight and speed as "walks heavily". Which verbs do that is read from a
public dictionary, not listed by hand: every single-word verb of WordNet 3.0's motion file
(verb.motion) whose definition, in its first clause, says a weight or an instability
(`MANNER_IN_GLOSS`: "heavily", "clumsily", "unsteadily", "with difficulty"...). Three filters
keep the table to the verbs a reader takes that way:

- the sense must be the verb's most frequent sense (WordNet's sense order in index.verb), so
  "play" or "fly" (a later sense: "move quickly, lightly", "move quickly or suddenly") are
  left out;
- a word used more often as a noun than as a verb (WordNet's sense-tagged counts: "mouse",
  "edge", "course", "taxi") is left out: in a prompt it is mostly the thing;
- a verb that many other motion verbs specify (`TROPONYMS_MAX` or more troponyms: "walk",
  "run", "move", "travel") names a kind of movement, not its manner: its troponyms are the
  manner verbs ("walk" -> "trudge", "stroll", "stagger").

Inflected forms are made by lexicon.verb_forms plus WordNet's own exception list (verb.exc:
"slid" -> "slide"), so the table maps every form to its base.

Offline, once. Needs WordNet's database files (Debian/Ubuntu: `apt-get install wordnet-base`,
which puts them in /usr/share/wordnet). Run:
    PYTHONPATH=. .venv/bin/python scripts/gen_manner_verbs.py [--wordnet-dir DIR]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.core.critique.lexicon import verb_forms  # noqa: E402

OUT = Path(__file__).parent.parent / "bot" / "core" / "critique" / "manner_verbs.py"
MOTION_LEXFILE = 38
"""WordNet's lexicographer file number of verb.motion."""
SENSES_KEPT = 1
TROPONYMS_MAX = 10

MANNER_IN_GLOSS = re.compile(
    r"\b(?:heavily|clumsily|awkwardly|unsteadily|unsteady|jerkily|violently|convulsively|"
    r"with (?:great )?difficulty|with (?:heavy|a limp|a bounce|a rocking motion)|"
    r"unable to control|uncontrolled|wobbl\w*|tremulous|stiffly|lamely|noisily and heavily|"
    # the bearing and stealth of a gait: how proud, how furtive, how slow and laboured
    r"gait|proud(?:ly)?|pompous(?:ly)?|sideways|stealthily|furtively|on tiptoe|tiptoe|"
    r"swagger\w*|affected|mincing|limp(?:ing)?|lame|slowly|by inches|laboriously|with effort)\b",
    re.IGNORECASE)
"""Words in a definition that say the weight or the instability of a movement ("walk heavily",
"move unsteadily", "walk as if unable to control one's movements") or the bearing, stealth or
slowness of a gait ("walk with a lofty proud gait", "move sideways", "move stealthily",
"advance slowly": struts, sidles, slinks, creeps). Such a verb says the manner itself. Speed
and smoothness alone are left to adverbs: in most labelled tuning sets a verb of speed or
smoothness alone ("travelers hurry through the terminal", "dancers glide across the floor", "a
crab scurrying") is read as the action, and its manner only when a word says it ("glides
gracefully"); tests/test_analysis.py holds that line."""
NOT_MOVEMENT_SENSE = re.compile(r"\b(?:heart|pulse|blood|output|horse's|reins|airplane|"
                                r"filming|scene|age|sail)\b")
"""Senses about a body organ, riding gear, aircraft, film editing or an age: not a clip's
movement."""
NOT_IN_PROMPTS = frozenset({"dribble", "haunt", "taxi", "slip", "hustle", "mope", "crawl",
                            "sway", "tremble"})
"""Verbs whose first WordNet sense is rare in video prompts, where another reading is the
usual one ("dribbling the ball" is the sport, not liquid falling in drops; a ghost haunts a
house, a plane taxis, she slips on her shoes, a busy street hustles, a teenager mopes); a
verb that names a kind of locomotion rather than its manner ("a baby crawls", like "walks");
or a verb the lexicon already reads with its own context ("sway", "tremble": a silhouette
swaying in the foreground describes the picture)."""


def wordnet_records(path: Path) -> Iterator[tuple[list[str], list[str], list[str], str]]:
    """Each synset line of a WordNet data file (data.verb, data.adv, data.adj) as (its fields,
    its lemmas lower-cased without an adjective's position marker, its pointer fields, its
    gloss): the one reading of the format every generator here shares."""
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        head, _, gloss = line.partition(" | ")
        fields = head.split()
        count = int(fields[3], 16)
        lemmas = [fields[4 + 2 * i].lower().split("(")[0] for i in range(count)]
        pointers = int(fields[4 + 2 * count])
        yield fields, lemmas, fields[5 + 2 * count:5 + 2 * count + 4 * pointers], gloss


def write_word_table(out: Path, doc: list[str], name: str, words: list[str]) -> None:
    """Write a generated module: its docstring lines, then `NAME = frozenset((...))`."""
    out.write_text("\n".join([*doc, "", *frozenset_lines(name, words)]) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(words)} words")
    print(" ".join(words))


def _synsets(wordnet: Path) -> dict[str, tuple[int, list[str], str, int]]:
    """offset -> (lexicographer file, single-word lemmas, gloss's first clause, troponyms)."""
    out = {}
    for fields, lemmas, ptr_fields, gloss in wordnet_records(wordnet / "data.verb"):
        troponyms = sum(1 for i in range(0, len(ptr_fields), 4) if ptr_fields[i] == "~")
        first_clause = gloss.split(";")[0].strip()
        out[fields[0]] = (int(fields[1]), [w for w in lemmas if w.isalpha()], first_clause,
                          troponyms)
    return out


def _sense_order(wordnet: Path, pos: str = "verb") -> dict[str, list[str]]:
    """lemma -> its synset offsets, most frequent sense first (index.<pos>)."""
    order = {}
    for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        senses = int(fields[2])
        order[fields[0]] = fields[-senses:]
    return order


def _tagged_uses(wordnet: Path, pos: str) -> dict[str, int]:
    """lemma -> how often its senses of this part of speech were tagged in WordNet's sense-
    tagged corpus (index.<pos>'s tagsense_cnt): how common that reading is."""
    uses = {}
    for line in (wordnet / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        pointers = int(fields[3])
        uses[fields[0]] = int(fields[5 + pointers])
    return uses


def _exceptions(wordnet: Path) -> dict[str, list[str]]:
    """base -> irregular forms (verb.exc: "slid slide")."""
    forms: dict[str, list[str]] = defaultdict(list)
    for line in (wordnet / "verb.exc").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].isalpha():
            forms[parts[1]].append(parts[0])
    return forms


def manner_verbs(wordnet: Path) -> dict[str, str]:
    """Every form of every manner verb (see the module note), mapped to its base."""
    synsets = _synsets(wordnet)
    order = _sense_order(wordnet)
    as_noun, as_verb = _tagged_uses(wordnet, "noun"), _tagged_uses(wordnet, "verb")
    bases: set[str] = set()
    for lemma, offsets in order.items():
        if not lemma.isalpha() or lemma in NOT_IN_PROMPTS \
                or as_noun.get(lemma, 0) > as_verb.get(lemma, 0):
            continue  # mostly a noun ("mouse", "edge", "taxi", "course"): read as a thing
        for offset in offsets[:SENSES_KEPT]:
            lexfile, _, gloss, troponyms = synsets[offset]
            if lexfile == MOTION_LEXFILE and troponyms < TROPONYMS_MAX \
                    and MANNER_IN_GLOSS.search(gloss) and not NOT_MOVEMENT_SENSE.search(gloss):
                bases.add(lemma)
                break
    return forms_by_base(wordnet, sorted(bases))


def forms_by_base(wordnet: Path, bases: list[str]) -> dict[str, str]:
    """Every form of each verb of `bases` (regular, and irregular from verb.exc) mapped to its
    base, the first base taking a form two share: the form of every generated verb table."""
    irregular = _exceptions(wordnet)
    forms: dict[str, str] = {}
    for base in bases:
        for form in [*verb_forms(base), *irregular.get(base, [])]:
            forms.setdefault(form, base)
    return forms


def wordnet_dir(description: str, needed: str) -> Path:
    """The WordNet database folder from `--wordnet-dir` (default /usr/share/wordnet), or a clear
    error and exit 2 when `needed` (data.verb, data.adv ...) is not in it. Shared by the
    generators that read WordNet, so each says the same thing when the database is missing."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    folder: Path = parser.parse_args().wordnet_dir
    if not (folder / needed).exists():
        print(f"error: no WordNet {needed} in {folder} "
              "(apt-get install wordnet-base, or --wordnet-dir)", file=sys.stderr)
        raise SystemExit(2)
    return folder


def frozenset_lines(name: str, words: list[str]) -> list[str]:
    """`NAME = frozenset((...))` as source lines, the words packed up to 99 columns: the form
    of the generated word tables, shared so every generator writes it the same way."""
    lines = [f"{name} = frozenset(("]
    line = "   "
    for word in words:
        item = f" {word!r},"
        if len(line) + len(item) > 99:
            lines.append(line)
            line = "   "
        line += item
    return [*lines, line, "))"]


def main() -> None:
    forms = manner_verbs(wordnet_dir(__doc__.splitlines()[0], "data.verb"))
    bases = sorted(set(forms.values()))
    lines = [
        '"""Generated by scripts/gen_manner_verbs.py from WordNet 3.0: do not edit by hand.',
        "",
        "Verbs whose definition says the weight, the instability or the bearing of a movement",
        "(a verb whose most frequent WordNet sense is in verb.motion, whose definition's first",
        "clause says so, and that fewer than "
        f"{TROPONYMS_MAX} other motion verbs specify), every form",
        "mapped to its base. Used as a predicate, such a verb carries the movement's manner",
        '("trudges through the snow", "the bus lurches forward"): analysis.manner_verbs."""',
        "",
        "MANNER_VERB_FORMS: dict[str, str] = {",
    ]
    lines += [f"    {form!r}: {base!r}," for form, base in sorted(forms.items())]
    lines.append("}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(bases)} manner verbs, {len(forms)} forms")
    print(" ".join(bases))


if __name__ == "__main__":
    main()
