"""What the platform may ask of feeds: its consumer (for the runtime and `commons worker feeds`) and a member's
highlights for a period (the notifications service's digests)."""

from services.feeds.highlights import Highlight, highlights_in, member_ids_in
from services.feeds.projector import consumer

__all__ = ["Highlight", "consumer", "highlights_in", "member_ids_in"]
