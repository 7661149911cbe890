"""What the platform may ask of feeds: its consumer (for the runtime and `commons worker feeds`) and digests."""

from services.feeds.digest import send_due_digests
from services.feeds.projector import consumer

__all__ = ["consumer", "send_due_digests"]
