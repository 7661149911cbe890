"""What search and feeds know of a visible entity, carried inside the events that create or change it.

Events that create or change a story, resource, harvest, profile, group or meeting carry a `publication` field:
the entity's current state as others may see it (event-carried state transfer), so that the indexer and the
feed projector never read another service's tables. `publication: None` means the entity is gone (deleted or
withdrawn): every projection drops it. The event's audience says who may see it.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

PublicationKind = Literal[
    "story", "resource", "harvest", "member", "network", "local_group", "peer_group", "meeting", "gathering", "scheme"
]


class Publication(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    kind: PublicationKind
    title: str
    text: str = ""
    practice_areas: list[str] = []
    tags: list[str] = []
    author_id: str | None = None
    author_name: str | None = None
    network_ids: list[str] = []
    local_group_id: str | None = None
    peer_group_id: str | None = None
    created_at: datetime
    updated_at: datetime
    # Where the web app shows it, e.g. /stories/<id>.
    path: str

    @classmethod
    def personal_fields(cls, data: Mapping[str, Any]) -> Mapping[str, str]:
        """The author's name is theirs; so is a member's whole profile (their name and bio)."""
        if data.get("kind") == "member":
            return {"title": "author_id", "text": "author_id", "author_name": "author_id"}
        return {"author_name": "author_id"}
