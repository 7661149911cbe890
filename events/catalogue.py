"""The catalogue of event types: each (type, version) has a payload schema.

Services declare their payloads in their own `events.py` with `@payload("service.entity.verb", version)`.
Publishing validates the payload against its schema (a programming error if it does not fit); consumers read
payloads with `read()`, which accepts known versions and ignores fields added later.
"""

from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict

from events.envelope import Event

P = TypeVar("P", bound="Payload")


class Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)
    # Fields holding a member's personal data, each with the field naming that member: sealed in the event log
    # with the member's key (`events/sealing.py`), so erasing the member erases them from every copy.
    personal: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def personal_fields(cls, data: Mapping[str, Any]) -> Mapping[str, str]:
        return cls.personal


_schemas: dict[tuple[str, int], type[Payload]] = {}
_names: dict[type[Payload], tuple[str, int]] = {}


class UnknownEvent(LookupError):
    pass


def payload(event_type: str, version: int = 1) -> Callable[[type[P]], type[P]]:
    def register(cls: type[P]) -> type[P]:
        if (event_type, version) in _schemas:
            raise ValueError(f"{event_type} v{version} is declared twice")
        _schemas[(event_type, version)] = cls
        _names[cls] = (event_type, version)
        return cls

    return register


def new_event(data: Payload, subject: str, audience: tuple[str, ...] | list[str], network: str | None) -> Event:
    event_type, version = _names[type(data)]
    if not audience:
        raise ValueError(f"{event_type} needs an audience")
    validated = type(data).model_validate(data.model_dump(mode="json"))
    return Event(
        type=event_type,
        version=version,
        subject=subject,
        data=validated.model_dump(mode="json"),
        audience=tuple(audience),
        network=network,
    )


def read(event: Event, schema: type[P]) -> P:
    """The event's payload as `schema`, which must be one of the versions registered for its type."""
    if _schemas.get((event.type, event.version)) is None:
        raise UnknownEvent(f"{event.type} v{event.version}")
    return schema.model_validate(event.data)


def schema_of(event_type: str, version: int) -> type[Payload] | None:
    return _schemas.get((event_type, version))
