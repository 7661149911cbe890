"""The event envelope, modelled on CloudEvents: what happened, to which entity, and who may see it."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from infra.columns import new_id, utcnow
from infra.tracing import current_traceparent


@dataclass(frozen=True)
class Event:
    type: str
    version: int
    subject: str
    data: dict[str, Any]
    audience: tuple[str, ...]
    network: str | None = None
    id: str = field(default_factory=new_id)
    time: datetime = field(default_factory=utcnow)
    # The W3C trace of the request (or event) that caused it, so its consumers' logs join that trace.
    traceparent: str | None = field(default_factory=current_traceparent)

    @property
    def source(self) -> str:
        """The service that emitted it; also the Kafka topic's suffix."""
        return self.type.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "specversion": "1.0",
            "id": self.id,
            "type": self.type,
            "dataschemaversion": self.version,
            "source": self.source,
            "subject": self.subject,
            "time": self.time.isoformat(),
            "network": self.network,
            "audience": list(self.audience),
            "data": self.data,
            "traceparent": self.traceparent,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> "Event":
        return cls(
            id=raw["id"],
            type=raw["type"],
            version=int(raw["dataschemaversion"]),
            subject=raw["subject"],
            time=datetime.fromisoformat(raw["time"]),
            network=raw.get("network"),
            audience=tuple(raw["audience"]),
            data=raw["data"],
            traceparent=raw.get("traceparent"),
        )
