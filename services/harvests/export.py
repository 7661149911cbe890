"""A harvest as Markdown, showing exactly what its reader may see."""

from services.gatherings import api as gatherings
from services.harvests.commands import SECTIONS
from services.harvests.reading import ShownItem, ShownStory
from services.harvests.tables import Harvest

GATHERING_NAMES = {**gatherings.NAMES, "peer_group_round": "Peer group round", "programme": "Programme"}


def _story(shown: ShownStory) -> str:
    if shown.glimpse is None:
        return "  - Draws on a story shared in a circle you are not part of."
    return f"  - Story: *{shown.glimpse.title}* — {shown.glimpse.author_name}"


def _item(item: ShownItem) -> list[str]:
    lines = [f"- {item.row.text}"]
    lines += [_story(story) for story in item.stories]
    for resource in item.resources:
        year = f" ({resource.year})" if resource.year else ""
        by = f", {', '.join(resource.authors)}" if resource.authors else ""
        lines.append(f"  - Resource: {resource.title}{by}{year}" + (f" <{resource.url}>" if resource.url else ""))
    return lines


def harvest_markdown(harvest: Harvest, items: list[ShownItem]) -> str:
    held = f" · {harvest.held_on.isoformat()}" if harvest.held_on else ""
    lines = [
        f"# {harvest.title}",
        "",
        f"*{GATHERING_NAMES[harvest.gathering]}{held} · harvested by {harvest.created_by_name}*",
        "",
    ]
    if harvest.summary:
        lines += [harvest.summary, ""]
    for section in SECTIONS:
        chosen = [item for item in items if item.row.section == section]
        if chosen:
            lines += [f"## {section.replace('_', ' ').capitalize()}", ""]
            lines += [line for item in chosen for line in _item(item)] + [""]
    return "\n".join(lines).rstrip() + "\n"
