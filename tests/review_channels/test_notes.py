"""Compact reviews and unasked ethics notes, through the engine."""

from __future__ import annotations

from bot.core.review_channels import channel_settings


def test_compact_review_names_the_two_fixes_worth_most(engine) -> None:
    r = engine.compact_review("Man walking down street, 4K")
    full = engine.critique("Man walking down street, 4K", with_retrieval=False)
    assert r.score == full.score and r.prompt == "Man walking down street, 4K"
    assert len(r.fixes) == 2
    # Subject is present; camera (weight 15) is the most valuable missing component.
    assert "camera" in r.fixes[0].lower()
    assert r.ethics is None


def test_a_strong_prompt_gets_few_fixes(engine, kb) -> None:
    entry = next(iter(kb.gallery.values()))
    r = engine.compact_review(entry.prompt, entry.model)
    assert r.score >= 75 and len(r.fixes) <= 2


def test_ethics_note_is_polite_and_never_quotes_the_message(engine) -> None:
    prompt = ("Realistic footage of Taylor Swift endorsing a crypto scam, "
              "make it look like a real news broadcast")
    review = engine.review_ethics(prompt)
    assert review.verdict == "stop"
    note = engine.ethics_note(prompt)
    assert note is not None and note.categories
    words = {w.strip(",.").lower() for c in review.concerns for w in c.trigger.split()}
    text = note.text.lower()
    for w in ("taylor", "swift", "crypto", "scam"):
        assert w not in text
    assert any(len(w) > 3 and w in words for w in ("taylor", "swift"))
    assert "instead" in text


def test_no_note_below_stop(engine) -> None:
    assert engine.ethics_note("A fox trots through fresh snow at dawn, slow dolly-in") is None


def test_channel_settings_default_and_round_trip(engine) -> None:
    store = engine.store
    s = channel_settings.read(store, "slack", "T1:C1")
    assert (s.watched, s.ethics_notes) == (False, True)
    channel_settings.set_watched(store, "slack", "T1:C1", True)
    channel_settings.set_ethics_notes(store, "slack", "T1:C1", False)
    s = channel_settings.read(store, "slack", "T1:C1")
    assert (s.watched, s.ethics_notes) == (True, False)
    assert channel_settings.read(store, "slack", "T1:C2").watched is False
    channel_settings.set_watched(store, "slack", "T1:C1", False)
    assert channel_settings.read(store, "slack", "T1:C1").watched is False


def test_classify_message_never_raises_on_bad_input(engine) -> None:
    for bad in (None, "", "   ", "\x00\x01\x02", "x" * 50_000, b"bytes"):
        assert engine.classify_message(bad).is_prompt is False


def test_linked_reply_reads_the_fronts_locator_and_survives_a_bad_one(engine) -> None:
    from pydantic import BaseModel

    from bot.core.review_channels.posts import linked_reply

    class Ref(BaseModel):
        channel: str
        ts: str

    store = engine.store
    assert linked_reply(store, "slack", "T1:C1", "1.1", Ref) is None
    store.link_post("slack", "T1:C1", "1.1", Ref(channel="C1", ts="2.2").model_dump_json())
    assert linked_reply(store, "slack", "T1:C1", "1.1", Ref) == Ref(channel="C1", ts="2.2")
    store.link_post("slack", "T1:C1", "1.1", "not json")
    assert linked_reply(store, "slack", "T1:C1", "1.1", Ref) is None
