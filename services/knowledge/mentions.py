"""@mentions in stories and comments: `@[Name](member:ID)`, as the web app's composer writes them.

The one place that reads the syntax: the members a text mentions (the knowledge service's events carry them, so
notifications never read the text), and the mention as a Markdown link to the member's page for rendering. The
name is the writer's label only; the id is what counts. Who a mention may notify is the notifications service's
check, not the writer's: naming someone who cannot see the text tells nobody anything.
"""

import re

MENTION = re.compile(r"@\[([^\]\n]{1,120})\]\(member:([A-Za-z0-9-]{1,36})\)")
MOST_NOTIFIED = 50


def mentioned_ids(text: str) -> list[str]:
    """Each member mentioned, once, in order of first mention; a text naming very many notifies the first few."""
    return list(dict.fromkeys(found.group(2) for found in MENTION.finditer(text)))[:MOST_NOTIFIED]


def as_links(text: str) -> str:
    return MENTION.sub(lambda found: f"[@{found.group(1)}](/members/{found.group(2)})", text)


def renamed(text: str, member_id: str, label: str) -> str:
    """The text with every mention of `member_id` labelled `label` (an erased member: "a former member")."""
    return MENTION.sub(
        lambda found: f"@[{label}](member:{member_id})" if found.group(2) == member_id else found.group(0), text
    )
