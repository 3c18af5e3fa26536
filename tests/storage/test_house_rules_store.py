"""House rules in the database, on SQLite and Postgres: set, reset, history with diffs, the
channel-over-workspace precedence, validation before writing, and the migration both ways."""

from __future__ import annotations

import threading

import pytest
from alembic import command
from sqlalchemy import inspect

from bot.core.house_rules import RulesError
from bot.core.house_rules.stored import describe, rules_for_channel
from bot.core.storage import Store, migrate

WORKSPACE = """[rules]
require = ["camera"]
ban = [{ word = "epic", reason = "say what makes it epic" }]
min_score = 60
"""
CHANNEL = """[rules]
ban = [{ word = "4K", reason = "set resolution in the tool", replace = "" }]
model = "kling"
"""


def test_set_get_and_history_with_diffs(store: Store) -> None:
    assert store.get_house_rules("slack", "T1") is None
    first = store.set_house_rules("slack", "T1", None, WORKSPACE, "U-ana")
    assert first.version == 1 and first.action == "set"
    assert "+min_score = 60" in first.diff
    second = store.set_house_rules("slack", "T1", None, WORKSPACE.replace("60", "70"), "U-bo")
    assert second.version == 2
    assert "-min_score = 60" in second.diff and "+min_score = 70" in second.diff
    now = store.get_house_rules("slack", "T1")
    assert now is not None and now.version == 2 and now.updated_by == "U-bo"
    assert now.parsed().min_score == 70
    gone = store.reset_house_rules("slack", "T1", None, "U-ana")
    assert gone is not None and gone.action == "reset" and gone.version == 3
    assert "-min_score = 70" in gone.diff
    assert store.get_house_rules("slack", "T1") is None
    assert store.reset_house_rules("slack", "T1", None, "U-ana") is None  # nothing to reset
    history = store.house_rules_history("slack", "T1")
    assert [(h.version, h.action, h.author) for h in history] == [
        (1, "set", "U-ana"), (2, "set", "U-bo"), (3, "reset", "U-ana")]
    assert history[1].diff == second.diff


def test_invalid_rules_are_refused_before_anything_is_written(store: Store) -> None:
    with pytest.raises(RulesError) as err:
        store.set_house_rules("discord", "G1", "C1", '[rules]\nmin_score = 60\nethics = "maybe"\n',
                              "u1")
    assert err.value.line == 3 and err.value.key == "ethics"
    assert store.get_house_rules("discord", "G1", "C1") is None
    assert store.house_rules_history("discord", "G1", "C1") == []


def test_channel_over_workspace_over_defaults_and_scopes_apart(store: Store) -> None:
    store.set_house_rules("discord", "G1", None, WORKSPACE, "admin")
    store.set_house_rules("discord", "G1", "C-promo", CHANNEL, "admin")
    promo = rules_for_channel(store, "discord", "G1", "C-promo")
    assert [b.word for b in promo.rules.ban] == ["4K"]  # the channel's list replaces the guild's
    assert promo.sources == {"require": "server", "ban": "channel", "model": "channel",
                             "min_score": "server"}
    other = rules_for_channel(store, "discord", "G1", "C-other")
    assert [b.word for b in other.rules.ban] == ["epic"] and other.rules.model is None
    assert rules_for_channel(store, "discord", "G2", "C-promo").empty  # another guild
    assert rules_for_channel(store, "slack", "G1", "C-promo").empty  # another platform
    lines = describe(promo)
    assert "ban = 4K -> ''  (from channel)" in lines
    assert "min_score = 60  (from server)" in lines


def test_concurrent_first_changes_each_get_a_version(make_store) -> None:
    stores = [make_store() for _ in range(4)]
    errors: list[BaseException] = []

    def change(i: int) -> None:
        try:
            stores[i].set_house_rules("slack", "T9", "C1", WORKSPACE.replace("60", str(50 + i)),
                                      f"u{i}")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)
    threads = [threading.Thread(target=change, args=(i,)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert [h.version for h in stores[0].house_rules_history("slack", "T9", "C1")] == [1, 2, 3, 4]


def test_migration_0003_downgrades_and_upgrades_again(store: Store) -> None:
    store.set_house_rules("slack", "T1", None, WORKSPACE, "u")
    cfg = migrate.alembic_config()
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    names = set(inspect(store.engine).get_table_names())
    assert "fc_house_rules" not in names and "fc_house_rules_versions" not in names
    assert "fc_prompts" in names  # the earlier schema is untouched
    migrate.upgrade(store.engine)
    assert store.get_house_rules("slack", "T1") is None  # a fresh, empty table
    store.set_house_rules("slack", "T1", None, WORKSPACE, "u")
    assert store.get_house_rules("slack", "T1").version == 1
