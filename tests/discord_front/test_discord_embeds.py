"""Whatever goes in, nothing Discord would refuse comes out: every title, description, field,
footer, embed total, embed count and message content stays within Discord's limits."""

from __future__ import annotations

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.critique.components import Component
from bot.core.critique.results import AntiPatternHit, ComponentScore, Critique, LearnMore, Suggestion
from bot.discord import embeds as em

texts = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3000)
big = st.one_of(texts, st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=40),
                                 st.integers(1, 400)))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(embeds: list[discord.Embed], content: str | None = None) -> list[em.Page]:
    for e in embeds:
        assert len(e.title or "") <= em.TITLE_LIMIT
        assert len(e.description or "") <= em.DESCRIPTION_LIMIT
        assert len(e.fields) <= em.MAX_FIELDS
        for f in e.fields:
            assert 0 < len(f.name) <= em.FIELD_NAME_LIMIT
            assert 0 < len(f.value) <= em.FIELD_VALUE_LIMIT
        assert len(e.footer.text or "") <= em.FOOTER_LIMIT if e.footer else True
        assert len(e) <= em.EMBED_TOTAL_LIMIT
    out = em.pages(embeds, content)
    for page in out:
        assert len(page.embeds) <= em.MAX_EMBEDS
        assert sum(len(e) for e in page.embeds) <= em.EMBED_TOTAL_LIMIT
        assert len(page.content or "") <= em.MESSAGE_LIMIT
    assert [e for p in out for e in p.embeds] == list(embeds)  # nothing lost, order kept
    return out


@st.composite
def critiques(draw) -> Critique:
    comps = list(Component)
    return Critique(
        prompt=draw(big), model=draw(st.none() | st.text(max_size=300)),
        score=draw(st.integers(0, 100)), verdict=draw(texts),
        components=[ComponentScore(name=c, present=draw(st.booleans()), text=draw(big),
                                   score=1, max_score=5) for c in comps],
        missing=comps, missing_why={c: draw(texts) for c in comps},
        anti_patterns=[AntiPatternHit(id=draw(texts), text=draw(big), why=draw(big),
                                      fix=draw(texts)) for _ in range(draw(st.integers(0, 6)))],
        suggestions=[Suggestion(text=draw(big)) for _ in range(draw(st.integers(0, 6)))],
        rewrite=draw(big), sources=[draw(texts) for _ in range(3)],
        learn_more=[LearnMore(kind="guide", id=draw(texts), title=draw(texts))
                    for _ in range(draw(st.integers(0, 30)))],
        ethics={"verdict": draw(st.sampled_from(["ok", "caution", "stop"])), "concerns": [
            {"category": draw(texts), "severity": draw(st.sampled_from(["note", "stop"])),
             "why": draw(big), "instead": draw(texts), "trigger": draw(texts)}
            for _ in range(draw(st.integers(0, 5)))]},
        notices=[draw(texts) for _ in range(draw(st.integers(0, 3)))])


@FAST
@given(critiques())
def test_critique_embeds_within_limits(c):
    embeds = em.critique_embeds(c)
    check(embeds)
    check(em.rewrite_embeds(c))
    if c.ethics["verdict"] == "stop":
        assert embeds[0].title.startswith("⛔")


@FAST
@given(big, big, st.lists(st.fixed_dictionaries({"title": texts, "id": texts, "kind": texts}),
                          max_size=20))
def test_answer_and_error_embeds_within_limits(question, answer, sources):
    class Answer:
        notices = ["n"]

        def to_public_json(self):
            return {"answer": answer, "sources": sources}
    check(em.answer_embeds(Answer(), question))
    check(em.error_embeds(answer, question))
    check(em.notice_embeds(answer), content=question)


@FAST
@given(st.lists(st.fixed_dictionaries({
    "model": texts, "prompt": big, "negative_prompt": st.none() | big, "from_model": texts,
    "changes": st.lists(st.fixed_dictionaries({"component": texts, "action": texts,
                                               "before": texts, "after": texts, "why": big}),
                        max_size=8),
    "dropped": st.lists(st.fixed_dictionaries({"component": texts, "text": big,
                                               "reason": texts}), max_size=4),
    "notes": st.lists(texts, max_size=3)}), min_size=1, max_size=12))
def test_translation_and_comparison_embeds_within_limits(translations):
    check(em.translation_embeds(translations[0]))
    check(em.comparison_embeds({"translations": translations}))


def test_user_text_cannot_break_out_of_a_code_block_or_format():
    e = em.EmbedPacker("t", em.COLOUR_INFO).code_field("Rewrite", "a ``` b").finish()[0]
    value = e.fields[0].value
    assert value.startswith("```\n") and value.endswith("\n```")
    assert value[4:-4].count("```") == 0
    assert em.escape("**bold** @everyone") == "\\*\\*bold\\*\\* @\u200beveryone"


def test_long_text_is_continued_not_cut():
    text = " ".join(f"word{i}" for i in range(3000))
    embeds = em.EmbedPacker("Answer", em.COLOUR_INFO).text(text).finish()
    assert len(embeds) >= 4 and embeds[1].title == "Answer (continued)"
    joined = " ".join(e.description for e in embeds)
    assert joined.split() == text.split()
    check(embeds)


def test_score_colours():
    assert em.score_colour(90) == em.COLOUR_GOOD and em.score_colour(10) == em.COLOUR_POOR
