"""Tenants that leave and people who ask to be forgotten, in the store (SQLite and Postgres)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from bot.core.storage import Store
from bot.core.storage import tables as t
from bot.core.storage.tenants_store import REMOVED_AUTHOR


def _fill(store: Store, platform: str, team: str, user: str = "U1") -> str:
    """One of everything a workspace keeps; returns its review id."""
    store.set_setting(platform, team, "model", "kling")
    store.set_setting(platform, f"{team}:C1", "visibility", "public")
    rid = store.record_review(platform, team, "C1", user, "A fox runs through snow", 40, None)
    store.record_feedback(platform, team, user, rid, True)
    store.save(team, "fox", "A fox runs through snow", user, score=40)
    store.link_post(platform, "C1", f"{team}-m1", "{}", rid)
    store.set_house_rules(platform, team, None, "[rules]\nmax_words = 50\n", user)
    store.insights.set_optout(platform, team, user)
    return rid


def _rows(store: Store, table, **where) -> int:
    stmt = select(table)
    for k, v in where.items():
        stmt = stmt.where(table.c[k] == v)
    with store.engine.connect() as conn:
        return len(conn.execute(stmt).all())


def test_forget_tenant_deletes_one_workspace_only(store: Store) -> None:
    _fill(store, "slack", "T1")
    keep = _fill(store, "slack", "T2")
    assert _rows(store, t.review_posts, scope="T1") == 1  # the link learned its workspace
    planned = store.tenant_counts("slack", "T1")
    done = store.forget_tenant("slack", "T1")
    assert planned == done
    assert done.settings == 2 and done.reviews == 1 and done.feedback == 1
    assert done.prompts == 1 and done.versions == 1 and done.review_posts == 1
    assert done.house_rules == 2 and done.optouts == 1
    for table, col in ((t.settings, "scope"), (t.reviews, "scope"), (t.feedback, "scope"),
                       (t.review_posts, "scope"), (t.house_rules, "scope"),
                       (t.insight_optouts, "scope"), (t.prompts, "team")):
        assert _rows(store, table, **{col: "T1"}) == 0, table.name
        assert _rows(store, table, **{col: "T2"}) == 1, table.name
    assert store.get_setting("slack", "T2:C1", "visibility") == "public"
    assert store.get_review(keep) is not None
    assert store.tenant_counts("slack", "T1").total == 0


def test_retention_purges_after_the_days_and_a_return_keeps_the_data(store: Store) -> None:
    _fill(store, "discord", "111")
    _fill(store, "discord", "222")
    left = store.mark_left("discord", "111", "guild_remove", 30, now=1000.0)
    assert left.purge_after == 1000.0 + 30 * 86400
    again = store.mark_left("discord", "111", "guild_remove", 30, now=5000.0)
    assert again.left_at == 1000.0  # leaving twice does not push the date back
    assert store.purge_due(now=1000.0 + 29 * 86400) == []
    assert _rows(store, t.prompts, team="111") == 1
    purged = store.purge_due(now=1000.0 + 30 * 86400 + 1)
    assert [(x.scope, c.reviews) for x, c in purged] == [("111", 1)]
    assert _rows(store, t.prompts, team="111") == 0
    assert _rows(store, t.prompts, team="222") == 1
    assert store.left_tenants() == []
    store.mark_left("discord", "222", "guild_remove", 30, now=1000.0)
    assert store.came_back("discord", "222") is True
    assert store.purge_due(now=10**10) == []
    assert _rows(store, t.prompts, team="222") == 1


def test_one_lease_holder_across_replicas(make_store: Callable[[], Store]) -> None:
    a, b = make_store(), make_store()
    assert a.acquire_lease("purge", "a", 60, now=100.0)
    assert not b.acquire_lease("purge", "b", 60, now=101.0)
    assert a.acquire_lease("purge", "a", 60, now=102.0)  # the holder renews
    assert b.acquire_lease("purge", "b", 60, now=200.0)  # expired: taken over
    b.release_lease("purge", "b", now=201.0)
    assert not a.acquire_lease("purge", "a", 60, now=202.0, min_interval_s=3600)
    assert a.acquire_lease("purge", "a", 60, now=201.0 + 3600, min_interval_s=3600)


def test_forget_user_removes_theirs_and_keeps_others_versions(store: Store) -> None:
    store.save("T1", "solo", "A fox runs through snow", "ana", note="mine")
    store.save("T1", "shared", "A cat jumps on the table", "ana", note="why I wrote it")
    store.save("T1", "shared", "A cat leaps onto the oak table, slow dolly-in", "bo")
    store.save("T2", "solo", "A heron in the rain", "ana")  # another workspace
    rid = store.record_review("slack", "T1", "C1", "ana", "A fox", 30, None)
    store.record_review("slack", "T1", "C1", "bo", "A cat", 30, None)
    store.record_feedback("slack", "T1", "ana", rid, True)
    store.record_feedback("slack", "T1", "bo", rid, False)
    plan = store.user_counts("ana", "slack", "T1")
    assert (plan.prompts, plan.versions, plan.anonymised, plan.reviews, plan.feedback) == \
        (1, 1, 1, 1, 1)
    assert "1 saved prompt (1 version)" in plan.summary() and "shown as removed" in plan.summary()
    done = store.forget_user("ana", "slack", "T1")
    assert done == plan
    assert [i.name for i in store.list_names("T1")] == ["shared"]
    history = store.history("T1", "shared")
    assert [(v.version, v.author, v.note) for v in history] == \
        [(1, REMOVED_AUTHOR, None), (2, "bo", None)]
    assert store.get_review(rid) is None
    assert store.feedback_counts("slack", "T1") == (0, 0)  # bo's vote on ana's review went too
    assert [v.author for v in store.history("T2", "solo")] == ["ana"]  # other workspace kept
    assert store.user_counts("ana", "slack", "T1").total == 0
    everywhere = store.forget_user("ana")
    assert everywhere.prompts == 1 and store.list_names("T2") == []
