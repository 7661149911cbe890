"""What a flag points at, as the service owning the item describes it to moderation (each owner's
`api.flaggable`)."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Flaggable:
    kind: str
    id: str
    network_id: str
    author_id: str
    # Who may see the item: a flag on it never reaches further.
    audience: tuple[str, ...]
    # The item's words as reviewers read them.
    excerpt: str
    # When it was written: a late joiner of its peer group reviews only what they may read.
    written_at: datetime
