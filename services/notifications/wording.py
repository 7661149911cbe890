"""How a notification reads: who acted, then the phrase its event gave it ("commented on your story")."""

from services.notifications.tables import Notification


def actors(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def text_of(row: Notification) -> str:
    who = actors(row.actor_names)
    said = f"{who} {row.title}" if who else row.title[:1].upper() + row.title[1:]
    return f"{said} ({row.count} times)" if row.count > 1 else said
