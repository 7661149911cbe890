"""Which fields of an event are a member's personal data, and whose: payloads name them (`Payload.personal`,
`Publication.personal_fields`), and the outbox seals them with that member's key (`events/sealing.py`)."""

from collections.abc import Iterator, Mapping
from typing import Any, get_args

from pydantic import BaseModel

from events.catalogue import schema_of

# The dict holding a personal field, the field's name, and the member it belongs to.
Target = tuple[dict[str, Any], str, str]


def targets(event_type: str, version: int, data: dict[str, Any]) -> Iterator[Target]:
    schema = schema_of(event_type, version)
    if schema is not None:
        yield from _within(schema, data)


def _within(model: type[BaseModel], data: dict[str, Any]) -> Iterator[Target]:
    for field, owner_field in _personal(model, data).items():
        owner = data.get(owner_field)
        if isinstance(data.get(field), str) and isinstance(owner, str):
            yield data, field, owner
    for name, info in model.model_fields.items():
        value = data.get(name)
        for nested in _models(info.annotation):
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    yield from _within(nested, item)


def _personal(model: type[BaseModel], data: Mapping[str, Any]) -> Mapping[str, str]:
    fields = getattr(model, "personal_fields", None)
    return fields(data) if callable(fields) else {}


def _models(annotation: object) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in get_args(annotation):
        yield from _models(argument)
