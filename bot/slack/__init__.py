"""The Slack app: one module per surface (slash command, mentions, DMs, actions), wired by ``app.build_app``."""
