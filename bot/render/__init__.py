"""Turning engine answers into what people read: Slack Block Kit, terminal text, and the fixed UI strings."""
