"""The English term groups found in a Chinese or Japanese prompt through its dictionary words.

The rules combine concepts (a minor, a sexual act, a weapon, a how-to); lexicon.yaml names
them in English, lexicon.zh.yaml and lexicon.ja.yaml in the prompt's language. A native lexicon
only knows the words someone wrote into it; the dictionaries know every word. Here each word of
the prompt (segmented as the gloss segments it, `ethics.gloss`) is looked up with all its
senses, and a sense that *is* a term of an English group (the whole sense matches the group's
pattern: 炸药 "explosive", 自残 "self-mutilation", 嘲笑 "to mock") makes the word a hit of that
group at the word's place in the prompt. The rules then run on the prompt itself, with their
grammar (which groups must meet, what cancels or lowers them) unchanged: the word-by-word gloss
of `ethics.gloss` loses the prompt's order and idioms, this keeps both.

Only words of two characters or more are mapped (a single character has dozens of senses: 打
"to hit", "to make", "to play"), only onto groups of things and acts (`CONCEPT_GROUPS`), never
a word the native lexicon already writes (its idiom guards decide), and the rules use these
hits only to complete a concern the native words started (`rules._Scan.partner_hits`). Only
Chinese and Japanese prompts reach this module.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from bot.core import cached_re as re
from bot.core.ethics.gloss import _jmdict, chinese_senses, cjk_language, gloss


class _Group(Protocol):
    """What this module reads of a `rules.TermGroup` (a protocol: rules imports this module,
    so this module does not import rules)."""

    @property
    def spaced_pattern(self) -> re.Pattern[str] | None: ...

    @property
    def locale(self) -> dict[str, list[str]]: ...


class EthicsRules(Protocol):
    """What this module reads of `rules.EthicsRules`."""

    @property
    def groups(self) -> Mapping[str, _Group]: ...

    @property
    def _concept_cache(self) -> dict[str, tuple[str, ...]]: ...

MIN_WORD_CHARS = 2

_PLACEHOLDERS = re.compile(r"\b(?:oneself|one's|sb|sth|sb's|sth's)\b")
_PLACEHOLDER_WORDS = {"oneself": "yourself", "one's": "your", "sb": "someone",
                      "sth": "something", "sb's": "someone's", "sth's": "something's"}

CONCEPT_GROUPS = frozenset({
    "minor", "sexual_explicit", "nudify", "voyeur", "underwear", "gore", "atrocity",
    "self_harm", "self_harm_act", "weapon_item", "firearm_generic", "extremist_org",
    "protected_group", "demeaning", "harass_action", "humiliate_act", "doxx_detail",
    "private_person", "source_photo", "deepfake_tech", "scam_terms", "cure_claim",
    "vaccine", "vaccine_harm", "fraud_event", "csam_terms", "hate_symbol",
})
"""The groups a dictionary sense may add to: things and acts (a bomb, a corpse, to mock, a
selfie). Not the groups of frames, manners and talk (fiction, news, a lesson, to say, real,
to shoot a film), whose English terms lean on English context a sense does not have (撮影
"shooting", 授業 "lesson", 教える "to tell"). Nor a request for money (money_ask): who asks
whom to pay is grammar, and a word that names the act of paying or saving (储蓄 "deposit
money", in a bank's advert for a savings account) is no request; the native lexicons write
the requests (给这个账户转, 振り込んで)."""


def _as_english(sense: str) -> str:
    """A dictionary sense in the words the English terms use ("to kill oneself" -> "kill
    yourself", "to harass sb" -> "harass someone"), lower-cased."""
    return _PLACEHOLDERS.sub(lambda m: _PLACEHOLDER_WORDS[m.group(0)], sense.lower())


def concept_spans(text: str, rules: EthicsRules,
                  cache_dir: Path | None = None) -> dict[str, list[tuple[int, int]]]:
    """Group name -> spans of the prompt's words whose dictionary senses are terms of that
    group; {} for a prompt that is neither Chinese nor Japanese."""
    language = cjk_language(text)
    if language is None:
        return {}
    out: dict[str, list[tuple[int, int]]] = {}
    cache = rules._concept_cache
    for start, end, senses in _words(text, language, cache_dir):
        word = text[start:end]
        for group in _groups_of(senses, rules, cache):
            if not _native_owns(rules, group, language, word):
                out.setdefault(group, []).append((start, end))
    return out


def _native_owns(rules: EthicsRules, group: str, language: str, word: str) -> bool:
    """Whether the group's native lexicon already writes this word into one of its terms: then
    the native term, with its idiom guards (いじめ but not いじめ防止), decides alone."""
    return any(word in term for term in rules.groups[group].locale.get(language, ()))


def _words(text: str, language: str,
           cache_dir: Path | None) -> list[tuple[int, int, tuple[str, ...]]]:
    """The prompt's dictionary words of two characters or more, with all their senses."""
    glossed = gloss(text, cache_dir)  # the review's own gloss, from its cache
    if glossed is None:
        return []
    words = [(w.start, w.end, text[w.start:w.end]) for w in glossed.words
             if w.end - w.start >= MIN_WORD_CHARS]
    if language == "zh":
        senses = chinese_senses(cache_dir)
        return [(start, end, tuple(senses[word].split("\x1f")))
                for start, end, word in words if word in senses]
    jmdict = _jmdict()
    if jmdict is None:
        return []
    return [(start, end, jmdict.senses[word]) for start, end, word in words
            if word in jmdict.senses]


SENSES_MAPPED = 2
"""How many of a word's senses are mapped, in dictionary order (its common meanings): 人道
"humane" is not read as its fifth sense, "sexual intercourse"."""


def _groups_of(senses: tuple[str, ...], rules: EthicsRules,
               cache: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The groups a word's first senses are terms of, remembered by those senses in `cache`
    (the rules' concept cache, read once per prompt: a pydantic private attribute costs a
    microsecond a read), under a key no sense can be: "\x00" and the senses joined by
    "\x1f". A long prompt has a hundred words, and rewriting and looking up each sense was a
    sixth of its review."""
    key = "\x00" + "\x1f".join(senses[:SENSES_MAPPED])
    found = cache.get(key)
    if found is None:
        groups: set[str] = set()
        for sense in senses[:SENSES_MAPPED]:
            groups.update(_sense_groups(_as_english(sense), rules))
        found = tuple(sorted(groups))
        if len(cache) < CONCEPT_CACHE_LIMIT:
            cache[key] = found
    return found


CONCEPT_CACHE_LIMIT = 200_000


def _sense_groups(sense: str, rules: EthicsRules) -> tuple[str, ...]:
    """The groups one of whose English terms is the whole sense, remembered per rules object
    (a sense recurs across prompts; trying every group's pattern costs a millisecond)."""
    cache = rules._concept_cache
    found = cache.get(sense)
    if found is None:
        found = tuple(name for name, group in rules.groups.items()
                      if name in CONCEPT_GROUPS and group.spaced_pattern is not None
                      and group.spaced_pattern.fullmatch(sense) is not None)
        if len(cache) < CONCEPT_CACHE_LIMIT:
            cache[sense] = found
    return found


# --- particular people named by a role -------------------------------------------------------

_CLAUSE_CHARS = r"[^，。！？；：、,.!?;:\s「」『』\"“”]"
_MODIFIER = rf"{_CLAUSE_CHARS}{{0,4}}"
"""A modifier of the role between what holds it and the role word (瑜伽 in 我上传的瑜伽教练,
コンビニ in 新宿店のコンビニ店員)."""
_OWN_BEFORE = {
    # The author's own: a possessor straight before the role (我的/我们/本公司/うちの/私の),
    # the author's group (我们公司的, 我们班, うちの会社の, 私のクラスの) with a few words of the
    # group between (本公司财务部张), a relative clause with the author in it (给我差评的,
    # 我上传的, 私を批判した, 私が通う), someone new to it (新来的, 新しく入った), or the
    # author's family's (女儿的钢琴老师, 息子の担任): English's "my son's nurse".
    "zh": re.compile(
        rf"(?:(?:我|我们|咱们|咱|他|她)的"
        rf"|(?:我|我们|咱们|咱|本)的?(?:公司|单位|学校|班|班上|部门|组|小区|楼|店|团队|宿舍|"
        rf"医院|工作室|健身房|家)的?{_CLAUSE_CHARS}{{0,4}}"
        rf"|我{_CLAUSE_CHARS}{{1,8}}的|新来的?|刚来的?"
        rf"|(?:儿子|女儿|孩子|妹妹|弟弟|姐姐|哥哥|妈妈|爸爸|老公|老婆|男朋友|女朋友)的){_MODIFIER}$"),
    "ja": re.compile(
        rf"(?:(?:私|僕|俺|わたし|うち|自分)の(?:{_CLAUSE_CHARS}{{1,8}}の)?"
        rf"|(?:私|僕|俺|わたし)(?:を|に|が|と){_CLAUSE_CHARS}{{1,10}}?(?:の)?"
        rf"|新しく(?:入った|来た)|新入りの"
        rf"|(?:息子|娘|子ども|子供|妹|弟|姉|兄|母|父|夫|妻|彼氏|彼女)の){_MODIFIER}$"),
}
_DESCRIBED_BEFORE = {
    # One individual held by a demonstrative (那个, この) or by the place or organisation they
    # belong to (新宿店の, 取引先の, 楼下便利店的): the Chinese and Japanese form of English's
    # "the clerk at the corner shop".
    "zh": re.compile(rf"(?:那个|这个|那位|这位|那名|这名|{_CLAUSE_CHARS}{{2,8}}的){_MODIFIER}$"),
    "ja": re.compile(rf"(?:この|その|あの|{_CLAUSE_CHARS}{{2,8}}の){_MODIFIER}$"),
}
_DWELLING_BEFORE = {
    # Where the author lives, told from the author's door: the floor above or below, next door,
    # across the landing, or a flat's number (楼下那个502的, 隣の部屋の, 203号室の). These pick
    # out one household, so they hold even a general head ("the old woman downstairs",
    # English's "the woman at table 4"), which a demonstrative alone does not.
    "zh": re.compile(rf"(?:楼上|楼下|隔壁|对门|[0-9０-９]{{3,4}}(?:室|号|房)?的){_CLAUSE_CHARS}{{0,8}}$"),
    "ja": re.compile(rf"(?:隣の(?:部屋の|家の)?|上の階の|下の階の|向かいの(?:部屋の|家の)?"
                     rf"|[0-9０-９]{{3,4}}号室の){_CLAUSE_CHARS}{{0,8}}$"),
}
_GENERAL_PEOPLE = frozenset(["person", "man", "woman", "girl", "boy", "kid", "child", "lady",
                             "guy", "baby"])
"""The general heads of `_NOT_PARTICULAR` that name one human being (not a crowd, nor a
story's role): a dwelling (`_DWELLING_BEFORE`) holds them to one individual."""
_INDEFINITE = re.compile(r"一[个位名只些]|几个|某|ある|一人の|とある")
"""An indefinite article between the holder and the role: 我想找一个护士 is any nurse."""
_HEAD_SPLIT = re.compile(r" (?:of|in|at|for|from|with|on|to)\b")
_NOT_PARTICULAR = frozenset([
    "person", "people", "man", "woman", "men", "women", "girl", "boy", "child", "children",
    "kid", "kids", "baby", "human", "individual", "somebody", "someone", "everyone",
    "user", "viewer", "audience", "crowd", "figure", "character", "protagonist", "hero",
    "heroine", "villain", "model", "actor", "actress", "cast", "narrator", "subject"])
"""Heads too general to pick out anyone by themselves (English needs more than "the woman"
too: "the woman at table 4"), and a story's roles, which a possessor does not make a real
person ("我的主角")."""
PARTICULAR_BEFORE_CHARS = 12


def particular_people(text: str, cache_dir: Path | None = None
                      ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of a Chinese or Japanese prompt's words that name a particular person by a role
    (a job or a relation: 实习生 "intern", 会计 "accountant", 店員 "clerk", ママ "mum"), as
    (the author's own people, people described by a place or a demonstrative). A role is any
    word whose first reading's head is a kind of person in WordNet (`noun_kinds`), not a
    listed one; Chinese and Japanese have no article, so a bare role is anyone ("a nurse"),
    and only what stands before it in its clause holds it to one individual: a possessor or
    a relative clause with the author in it (English's "my intern", "the streamer who gave me
    a bad review") or a demonstrative or a place of affiliation ("the clerk at the Shinjuku
    store"). ([], []) for any other prompt."""
    language = cjk_language(text)
    if language is None:
        return [], []
    glossed = gloss(text, cache_dir)
    if glossed is None:
        return [], []
    own: list[tuple[int, int]] = []
    described: list[tuple[int, int]] = []
    for w in glossed.words:
        if w.end - w.start < MIN_WORD_CHARS:
            continue
        before = text[max(0, w.start - PARTICULAR_BEFORE_CHARS):w.start]
        if not _names_role(w.first_reading):
            m = _DWELLING_BEFORE[language].search(before) if _general_person(
                w.first_reading) else None
            if m is not None and not _INDEFINITE.search(m.group(0)):
                described.append((w.start, w.end))
            continue
        for pattern, found in ((_OWN_BEFORE, own), (_DESCRIBED_BEFORE, described)):
            m = pattern[language].search(before)
            if m is not None and not _INDEFINITE.search(m.group(0)):
                found.append((w.start, w.end))
                break
    return own, described


_POSSESSIVE_END = re.compile(r"'s?$")
"""The possessive clitic the Chinese gloss puts on a possessor (A的B, "A's B"): the reading
without it is the word."""


@lru_cache(maxsize=8192)
def _names_role(reading: str) -> bool:
    """Whether a gloss reading names a kind of person: the last word of its head noun phrase
    ("person in charge" -> "person", "yoga instructor" -> "instructor") is a person noun, and
    not a bare "person" or a story's role (`_NOT_PARTICULAR`) with nothing after it ("person
    in charge" is a role)."""
    from bot.core.noun_kinds import is_a_person

    last, whole = _head_noun(reading)
    if not last.isalpha() or (last in _NOT_PARTICULAR and whole):
        return False
    return is_a_person(last)


@lru_cache(maxsize=8192)
def _general_person(reading: str) -> bool:
    """Whether a gloss reading's head is one of `_GENERAL_PEOPLE` ("old woman" -> "woman")."""
    return _head_noun(reading)[0] in _GENERAL_PEOPLE


def _head_noun(reading: str) -> tuple[str, bool]:
    """The last word of a gloss reading's head noun phrase ("yoga instructor's" ->
    "instructor": A的B's possessive dropped, "person in charge" -> "person"), and whether that
    head phrase is the whole reading (nothing after it)."""
    reading = _POSSESSIVE_END.sub("", reading.lower())
    head = _HEAD_SPLIT.split(reading, 1)[0].strip()
    return head.rsplit(" ", 1)[-1], head == reading


_SPANISH_OWN = re.compile(
    r"(?<![\wáéíóúñ])(?:mis?|tus?|nuestr[oa]s?)\s+(?:(?:nuev[oa]s?|antigu[oa]s?|viej[oa]s?)\s+)?"
    r"([a-záéíóúñü]{3,})(?![\wáéíóúñ])", re.IGNORECASE)
"""A Spanish possessive before a role (mi entrenador, nuestra nueva cajera): English's "my
trainer"."""
_SPANISH_DESCRIBED = re.compile(
    r"(?<![\wáéíóúñ])(?:el|la|los|las|al|del|este|esta|ese|esa|aquel|aquella)\s+"
    r"(?:(?:nuev[oa]s?|antigu[oa]s?)\s+)?([a-záéíóúñü]{3,})"
    r"(?=\s+(?:del|de\s+la|de\s+los|de\s+las|de\s+mi|de\s+nuestr[oa]s?|que|en\s+el|en\s+la|"
    r"en\s+mi|con\s+(?:el|la)|de\s+enfrente|de\s+al\s+lado|de\s+arriba|de\s+abajo)"
    r"(?![\wáéíóúñ]))", re.IGNORECASE)
"""A definite Spanish noun phrase held to one individual by what follows it (la vecina del
tercero, el árbitro del partido, la cajera que ...): English's "the neighbour on the third
floor", "the referee of the match"."""


def spanish_particular_people(text: str, table: Mapping[str, str]
                              ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """`particular_people` for a Spanish prompt: a role (any word whose table reading is a
    kind of person, `_names_role`) after a possessive (the author's own), or a definite role
    held by a place, a group or a relative clause after it (described). `table`: the Spanish
    gloss's form -> reading table."""
    own: list[tuple[int, int]] = []
    described: list[tuple[int, int]] = []
    for pattern, found in ((_SPANISH_OWN, own), (_SPANISH_DESCRIBED, described)):
        for m in pattern.finditer(text):
            reading = table.get(m.group(1).lower())
            if reading is not None and _names_role(reading.split(" / ", 1)[0]):
                found.append((m.start(), m.end(1)))
    return own, described
