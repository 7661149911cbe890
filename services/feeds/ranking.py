"""Where an item sits in a member's feed, and why it is there.

Scores live in log space: key = boost + published_at / HALF_LIFE. Decaying every item by the same clock keeps
their order fixed as time passes, so a key is a stable cursor and new items simply arrive on top. Boosts are in
half-lives: an own-group item stays above network news for OWN half-lives.
"""

from datetime import datetime, timedelta

from events import audience
from services.feeds.going import REASONS
from services.feeds.outlook import Group, Outlook, Placement, Shown
from services.feeds.reasons import home_network, label, origin

HALF_LIFE = 24 * 3600.0
# A meeting is in its group's feeds from a week before it starts until it starts.
DUE_AHEAD = timedelta(days=7)
OWN, RELATED, NETWORK, FOLLOWED, SEEN = 3.0, 2.0, 0.0, 2.0, -3.0


def _targets(item: Shown, areas: set[str], outlook: Outlook) -> set[tuple[str, str]]:
    """What a member may follow or mute that this item is about: its areas, its local group, its home network."""
    found = {("practice_area", area) for area in areas}
    found |= {("local_group", item.local_group_id)} if item.local_group_id else set()
    return found | ({("network", home)} if (home := home_network(item, outlook)) else set())


def _tier(item: Shown, outlook: Outlook, group: Group | None, shared: list[str]) -> tuple[float, str]:
    if item.id in outlook.going:
        return OWN, REASONS[outlook.going[item.id]]
    if item.peer_group_id and item.peer_group_id in outlook.own(audience.AudienceKind.PEER_GROUP):
        return OWN, "meeting due in your peer group" if item.kind == "meeting" else "from your peer group"
    if item.kind != "local_group" and group is not None and group.id in outlook.own(audience.AudienceKind.LOCAL_GROUP):
        return OWN, f"from {group.name}, your local group"
    also = f", also working on {', '.join(shared)}" if shared else ""
    return (RELATED if shared else NETWORK), origin(item, outlook, group) + also


def highest(outlook: Outlook) -> float:
    """The largest boost any item can get in this member's feed: bounds the scan of queries.ranked_page."""
    own = outlook.own(audience.AudienceKind.LOCAL_GROUP) | outlook.own(audience.AudienceKind.PEER_GROUP)
    return (OWN if own or outlook.going else RELATED) + (FOLLOWED if outlook.follows else 0.0)


def _not_due(item: Shown, now: datetime) -> bool:
    return item.kind == "meeting" and not item.published_at <= now < item.published_at + DUE_AHEAD


def place(item: Shown, outlook: Outlook) -> Placement | None:
    """None when the item stays out: the member's own, dismissed, by someone they have a block with, or
    (outside their own groups) muted."""
    # A host going to the gathering they scheduled still sees it among what they go to.
    yours = item.author_id == outlook.member_id and item.id not in outlook.going
    if yours or outlook.marks.get(item.id) or _not_due(item, outlook.now):
        return None
    if item.author_id in outlook.blocked:
        return None
    group = outlook.groups.get(item.local_group_id or "")
    areas = set(item.practice_areas) | (group.practice_areas if group else set())
    targets = _targets(item, areas, outlook)
    boost, reason = _tier(item, outlook, group, sorted(areas & outlook.interests()))
    if boost < OWN and not targets.isdisjoint(outlook.mutes):
        return None
    if followed := sorted(targets & outlook.follows):
        reason = f"you follow {label(followed[0], outlook)}" if boost == NETWORK else reason
        boost += FOLLOWED
    seen = item.id in outlook.marks
    key = boost + (SEEN if seen else 0.0) + item.published_at.timestamp() / HALF_LIFE
    return Placement(key, reason, seen)
