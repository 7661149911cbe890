"""Why an item is in a member's feed, in their words: "from Leeds chapter, also working on hosting"."""

from events import audience
from services.feeds.outlook import Group, Outlook, Shown


def home_network(item: Shown, outlook: Outlook) -> str | None:
    """The network an item comes from (the projector puts the event's network first); for a member, a shared one."""
    if item.kind == "member":
        return next((n for n in item.network_ids if n in outlook.own(audience.AudienceKind.NETWORK)), None)
    return item.network_ids[0] if item.network_ids else None


def origin(item: Shown, outlook: Outlook, group: Group | None) -> str:
    """Where the item comes from, in the member's words: "from Leeds chapter", "new member of ..."."""
    home = home_network(item, outlook)
    where = outlook.networks.get(home, "a network") if home else "everyone"
    foreign = home is not None and home not in outlook.own(audience.AudienceKind.NETWORK)
    connected = foreign and home in outlook.partners
    if item.kind == "harvest" and foreign:
        return f"harvest published by a connected network, {where}" if connected else f"harvest published by {where}"
    if item.kind in ("member", "local_group"):
        return f"new {'member of' if item.kind == 'member' else 'local group in'} {where}"
    if group is not None:
        tail = f" in {where}, a connected network" if connected else f" in {where}" if foreign else ""
        return f"from {group.name}{tail}"
    if foreign:
        return f"shared by a connected network, {where}" if connected else f"shared by {where}"
    return f"shared in {where}"


def label(target: tuple[str, str], outlook: Outlook) -> str:
    kind, ident = target
    if kind == "local_group":
        return outlook.groups[ident].name if ident in outlook.groups else "a local group"
    return outlook.networks.get(ident, "a network") if kind == "network" else ident
