"""The Slack front: a thin Bolt adapter over `bot.core.engine.Engine`."""
