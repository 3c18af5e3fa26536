"""The Discord front: app commands, a context menu, mentions and an HTTP interactions endpoint.

Absolute imports only: inside this package `import discord` must be discord.py.
"""
