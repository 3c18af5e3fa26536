"""Front state (settings, feedback, claims, rate limits, reviews) on both backends, including two
Store instances standing for two replicas of a bot on one database."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.core.storage import Store
from bot.core.validation import InputError


def test_schema_is_migrated_to_head_on_first_use(store: Store) -> None:
    current, head = store.schema_revision()
    assert current is None  # nothing touched the database yet
    store.get_setting("slack", "T1", "x")
    current, head = store.schema_revision()
    assert current == head and head is not None


def test_settings_round_trip_and_overwrite(store: Store) -> None:
    assert store.get_setting("slack", "T1", "default_model") is None
    store.set_setting("slack", "T1", "default_model", "kling")
    store.set_setting("slack", "T2", "default_model", "runway")
    store.set_setting("discord", "T1", "default_model", "luma")
    assert store.get_setting("slack", "T1", "default_model") == "kling"
    store.set_setting("slack", "T1", "default_model", "hailuo")
    assert store.get_setting("slack", "T1", "default_model") == "hailuo"
    assert store.get_setting("slack", "T2", "default_model") == "runway"
    assert store.get_setting("discord", "T1", "default_model") == "luma"
    store.set_setting("slack", "T1", "blurb", "ünïcode ✓ " * 50)
    assert store.get_setting("slack", "T1", "blurb") == "ünïcode ✓ " * 50


def test_two_replicas_agree_on_settings_claims_and_limits(make_store) -> None:
    a, b = make_store(), make_store()
    a.set_setting("discord", "G1", "review_channel", "C42")
    assert b.get_setting("discord", "G1", "review_channel") == "C42"
    b.set_setting("discord", "G1", "review_channel", "C43")
    assert a.get_setting("discord", "G1", "review_channel") == "C43"

    assert a.claim_once("slack-event:Ev123") is True
    assert b.claim_once("slack-event:Ev123") is False
    assert a.claim_once("slack-event:Ev123") is False
    assert b.claim_once("slack-event:Ev124") is True

    results = [a.allow("user:U1", 3, 60), b.allow("user:U1", 3, 60),
               a.allow("user:U1", 3, 60), b.allow("user:U1", 3, 60), a.allow("user:U1", 3, 60)]
    assert results == [True, True, True, False, False]
    assert b.allow("user:U2", 3, 60) is True  # keys are independent

    rid = a.record_review("slack", "T1", "C1", "U1", "a fox runs", 61, "kling")
    got = b.get_review(rid)
    assert got is not None and got.prompt == "a fox runs" and got.score == 61
    b.record_feedback("slack", "T1", "U9", rid, True)
    assert a.feedback_counts("slack", "T1", rid) == (1, 0)


def test_claim_once_is_exclusive_under_concurrency(make_store) -> None:
    stores = [make_store() for _ in range(4)]
    barrier = threading.Barrier(24)

    def claim(i: int) -> bool:
        barrier.wait()
        return stores[i % 4].claim_once("slack-retry:Ev1")
    with ThreadPoolExecutor(24) as pool:
        wins = list(pool.map(claim, range(24)))
    assert wins.count(True) == 1


def test_claim_expires_after_ttl(store: Store) -> None:
    assert store.claim_once("k", ttl_s=1) is True
    assert store.claim_once("k", ttl_s=1) is False
    time.sleep(1.1)
    assert store.claim_once("k", ttl_s=1) is True


def test_allow_under_concurrency_never_exceeds_the_limit(make_store) -> None:
    stores = [make_store() for _ in range(3)]
    barrier = threading.Barrier(20)

    def hit(i: int) -> bool:
        barrier.wait()
        return stores[i % 3].allow("channel:C1", 7, 60)
    with ThreadPoolExecutor(20) as pool:
        allowed = list(pool.map(hit, range(20)))
    assert allowed.count(True) == 7


def test_allow_window_slides(store: Store) -> None:
    assert [store.allow("u", 2, 0.5) for _ in range(3)] == [True, True, False]
    time.sleep(0.6)
    assert store.allow("u", 2, 0.5) is True
    assert store.allow("never", 0, 10) is False
    with pytest.raises(ValueError):
        store.allow("u", 2, 0)


def test_reviews_recent_and_lookup(store: Store) -> None:
    ids = [store.record_review("discord", "G1", "C1" if i % 2 else "C2", f"U{i}", f"prompt {i}",
                               50 + i, None) for i in range(6)]
    assert len(set(ids)) == 6 and all(len(i) == 8 and i.isalnum() for i in ids)
    recent = store.recent_reviews("discord", "G1", limit=4)
    assert [r.prompt for r in recent] == ["prompt 5", "prompt 4", "prompt 3", "prompt 2"]
    c1 = store.recent_reviews("discord", "G1", channel="C1")
    assert [r.prompt for r in c1] == ["prompt 5", "prompt 3", "prompt 1"]
    assert store.recent_reviews("slack", "G1") == []
    assert store.get_review("nope") is None
    assert store.get_review(ids[0]).user == "U0"


def test_feedback_one_vote_per_user(store: Store) -> None:
    store.record_feedback("slack", "T1", "U1", "r1", True)
    store.record_feedback("slack", "T1", "U1", "r1", False)  # changed their mind
    store.record_feedback("slack", "T1", "U2", "r1", True)
    store.record_feedback("slack", "T1", "U2", "r2", True)
    assert store.feedback_counts("slack", "T1", "r1") == (1, 1)
    assert store.feedback_counts("slack", "T1") == (2, 1)


def test_bad_keys_are_clear_errors(store: Store) -> None:
    with pytest.raises(InputError, match="platform"):
        store.set_setting("", "T1", "k", "v")
    with pytest.raises(InputError, match="limit"):
        store.claim_once("x" * 300)


def test_sqlite_file_and_directory_are_created(tmp_path) -> None:
    path = tmp_path / "deep" / "dir" / "framecraft.db"
    s = Store(f"sqlite:///{path}")
    s.set_setting("cli", "local", "k", "v")
    assert path.exists()
    s.close()
    assert Store(f"sqlite:///{path}").get_setting("cli", "local", "k") == "v"


def test_repr_hides_password() -> None:
    s = Store("postgresql://fc:hunter2@db.example:5432/framecraft")
    assert "hunter2" not in repr(s)


def test_review_post_links_are_shared_and_move_on_relink(make_store) -> None:
    a, b = make_store(), make_store()
    assert a.get_post("slack", "T1:C1", "1700.01") is None
    a.link_post("slack", "T1:C1", "1700.01", '{"ts": "1700.02"}', "abc12345")
    seen = b.get_post("slack", "T1:C1", "1700.01")
    assert seen is not None and seen.reply_ref == '{"ts": "1700.02"}'
    assert seen.review_id == "abc12345"
    b.link_post("slack", "T1:C1", "1700.01", '{"ts": "1700.09"}', "zzz99999")
    moved = a.get_post("slack", "T1:C1", "1700.01")
    assert moved is not None and (moved.reply_ref, moved.review_id) == ('{"ts": "1700.09"}',
                                                                         "zzz99999")
    assert a.get_post("discord", "T1:C1", "1700.01") is None
