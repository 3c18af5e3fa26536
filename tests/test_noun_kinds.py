"""WordNet noun kinds for "prompts like yours" on the keyword path (bot.core.noun_kinds)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import noun_kinds
from bot.core.knowledge import REPO_ROOT
from bot.core.noun_kinds import ANY, PLACE, WIDTH, kind_chain, phrase_heads
from bot.core.retrieval.keywords import KeywordIndex
from bot.core.retrieval.similar import GallerySimilarity, _kind_scores


def shares_kind_below_root(a: str, b: str, depth: int) -> bool:
    """Whether two words' chains meet at least `depth` levels below WordNet's root."""
    chain_a, chain_b = kind_chain(a), kind_chain(b)
    shared = [n for n in chain_a if n in set(chain_b)]
    return bool(shared) and len(chain_a) - chain_a.index(shared[0]) > depth


def test_the_table_is_sorted_and_its_parents_point_inside_it():
    lines = noun_kinds.TABLE.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("WordNet 3.0 Copyright")  # the licence asks for the notice
    parents, words = lines[1], [w for w in lines[2:] if w]
    assert len(parents) % WIDTH == 0
    count = len(parents) // WIDTH
    assert words == sorted(words) and len(words) > 40_000
    for line in words[:: 997]:
        word, first, place = line.split("\t")
        assert word and int(first) < count and (place == "-" or int(place) < count)
    roots = [i for i in range(count) if parents[WIDTH * i: WIDTH * i + WIDTH] == "9" * WIDTH]
    assert roots and all(int(parents[WIDTH * i: WIDTH * i + WIDTH]) < count
                         for i in range(count) if i not in roots)


def test_kinds_put_like_things_together():
    assert shares_kind_below_root("sheep", "cheetah", 10)  # placental mammals
    assert not shares_kind_below_root("sheep", "man", 6)  # organisms, no closer
    assert shares_kind_below_root("woman", "chef", 6)  # people
    assert not shares_kind_below_root("man", "car", 6)
    assert shares_kind_below_root("tram", "train", 6)
    assert kind_chain("freeway")[1:3] and kind_chain("highway")[0] in kind_chain("freeway")
    assert kind_chain("dogs") == kind_chain("dog") and kind_chain("women") == kind_chain("woman")
    assert kind_chain("hot dogs") and kind_chain("hot dogs") != kind_chain("dog")
    assert kind_chain("qwxzv") == ()


def test_a_setting_reads_a_word_in_its_place_sense():
    # "court" is first a court of law; as a setting it is the place where games are played.
    assert kind_chain("court", PLACE) != kind_chain("court", ANY)
    assert shares_kind_below_root("kitchen", "office", 5)  # rooms
    assert not shares_kind_below_root("kitchen", "street", 5)
    assert kind_chain("kitchen", PLACE) == kind_chain("kitchen")
    assert kind_chain("following", PLACE) == ()  # not a place in any sense


@pytest.mark.parametrize(("text", "heads"), [
    ("A fluffy ginger cat on a windowsill", ["cat", "windowsill"]),
    ("a chef cutting sushi", ["chef", "sushi"]),
    ("sheep running in a grass field", ["sheep", "field"]),
    ("a steaming cup of tea by the window", ["tea", "window"]),
    ("drone footage of waves crashing on the shore", ["waves", "shore"]),
    ("preparing hot dogs on a grill", ["hot dogs", "grill"]),
    ("A white running shoe", ["running shoe"]),
    ("a woman the car their dog", ["woman", "car", "dog"]),
    ("a glassblower in his sixties", ["glassblower", "sixties"]),
    ("silver sedan gracefully", ["sedan"]),
])
def test_phrase_heads_are_the_nouns_that_name_each_phrase(text, heads):
    assert phrase_heads(text, 4) == heads


def test_phrase_heads_stop_at_the_limit_and_take_empty_text():
    assert phrase_heads("a cat on a mat by a door", 2) == ["cat", "mat"]
    assert phrase_heads("", 3) == [] and phrase_heads("in the of", 3) == []


def test_an_animal_prompt_finds_animals_with_no_word_in_common(kb):
    """The keyword path ranks by kind: no entry says "sheep", yet a sheep's closest entries are
    other animals (words alone would find nothing at all)."""
    index = GallerySimilarity(kb)
    assert not any("sheep" in f"{e.title} {e.prompt}".lower() for e in index.entries)
    animals = {e.id for e in index.entries if {"animal", "pet"} & set(e.tags)}
    got = [e.id for e, _ in index.find("a sheep", 3, subject="a sheep")]
    assert got[0] in animals and sum(i in animals for i in got) >= 2, got


def test_a_compound_noun_is_a_kind_of_its_last_word():
    # WordNet lists "red fox" first as a plant; as a kind of fox it is the animal.
    assert kind_chain("fox")[0] in kind_chain("red fox")
    assert kind_chain("shoe")[0] in kind_chain("running shoes")


def test_kind_scores_rank_closer_kinds_first_and_stay_in_range():
    """Scaled by what holding all the query's known kinds would score: an entry sharing a close
    kind (a canine) ranks above one sharing a distant kind (an animal), which ranks above one
    sharing only the root; kinds no entry has do not count."""
    docs = [["#fox", "#canine", "#animal", "#thing"], ["#shoe", "#thing"],
            ["#cat", "#animal", "#thing"]] + [[f"#tool{i}", "#thing"] for i in range(6)]
    index = KeywordIndex(docs)
    near = _kind_scores(index, ["#wolf", "#canine", "#animal", "#thing"])
    assert near[0] > near[2] > near[1] and all(0 < v <= 1 for v in near.values())
    assert near[0] > 0.6  # it holds every kind the index knows (BM25 still weighs its length)
    assert _kind_scores(index, ["#nothing"]) == {}


@pytest.mark.skipif(not Path("/usr/share/wordnet/data.noun").exists(),
                    reason="WordNet database not installed (apt-get install wordnet-base)")
def test_the_table_is_what_the_generator_makes(tmp_path):
    pytest.importorskip("wordfreq")
    script = REPO_ROOT / "scripts" / "gen_noun_kinds.py"
    copy = tmp_path / "scripts"
    copy.mkdir()
    shutil.copy(script, copy / script.name)
    (tmp_path / "bot" / "core").mkdir(parents=True)
    proc = subprocess.run([sys.executable, str(copy / script.name)], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    made = tmp_path / "bot" / "core" / "noun_kinds.txt"
    assert made.read_bytes() == noun_kinds.TABLE.read_bytes()
