"""Imports every table module so that ``metadata`` knows all tables before ``create_all``."""

import bot.storage.digest_runs
import bot.storage.events
import bot.storage.feedback
import bot.storage.query_log
import bot.storage.subscriptions  # noqa: F401
from bot.storage import db  # noqa: F401
