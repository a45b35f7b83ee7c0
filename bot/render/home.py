"""The App Home view: pure functions from plain data to a ``views.publish`` view.

Top to bottom: how to ask, the search box (Enter answers right here), the answer to the last search or
category click, every category with entries as a button, and — for workspace admins — the channels
subscribed to digests with their next send time.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nothing_found import CategoryChoice
from bot.render import kit, messages
from bot.render.kit import Block

ACTION_HOME_SEARCH = "ecosys_home_search"
ACTION_HOME_CATEGORY = "ecosys_home_category"
ACTION_HOME_SUGGEST = "ecosys_home_suggest"
CATEGORIES_BLOCK = "ecosys_home_categories"


def category_buttons(categories: Sequence[CategoryChoice]) -> list[Block]:
    """Each category as "name (count)", in rows of Slack's 25 buttons."""
    elements = [kit.button(f"{c.name} ({c.count})", ACTION_HOME_CATEGORY, c.id) for c in categories]
    return kit.actions(elements, block_id=CATEGORIES_BLOCK)


def home_view(
    *,
    lang: str,
    categories: Sequence[CategoryChoice],
    result: Sequence[Block] = (),
    subscriptions: Sequence[str] | None = None,
    query: str = "",
    private_metadata: str = "",
) -> dict:
    """The Home tab in ``lang``. ``result`` is an answer's blocks; ``subscriptions`` lines (mrkdwn) are
    shown only when given (to admins), even if empty."""
    blocks: list[Block] = [
        kit.header(messages.home_title(lang)),
        kit.section(messages.home_how_to_ask(lang)),
        kit.search_input(
            messages.home_search_label(lang),
            ACTION_HOME_SEARCH,
            placeholder=messages.home_search_placeholder(lang),
            initial=query,
        ),
    ]
    if result:
        blocks += [kit.divider(), *result]
    blocks += [kit.divider(), kit.section(f"*{messages.home_categories_title(lang)}*")]
    blocks += category_buttons(categories)
    if subscriptions is not None:
        lines = list(subscriptions) or [messages.home_no_subscriptions(lang)]
        title = f"*{kit.escape(messages.home_subscriptions_title(lang))}*"
        blocks += [kit.divider(), kit.section(kit.fit_lines([title, *lines]))]
    return kit.home_view(blocks, private_metadata=private_metadata)
