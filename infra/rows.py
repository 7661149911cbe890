"""GraphQL types whose fields are a row's values, filled from the row by name (DEVELOPING.md: plain types)."""

import dataclasses
from typing import Any, Self, TypeVar

T = TypeVar("T")


def from_row(cls: type[T], row: object, **given: Any) -> T:
    """`cls` with each plain field taken from the row's attribute of the same name, except those `given`; fields
    with a resolver (Strawberry lists them among the dataclass's fields) resolve themselves."""
    # Strawberry types are dataclasses, which a TypeVar cannot say.
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    names = [field.name for field in fields if field.name not in given and not getattr(field, "base_resolver", None)]
    return cls(**{name: getattr(row, name) for name in names}, **given)


class RowShaped:
    """A plain type's `of(row)`, for a type that is a row's values and nothing more."""

    @classmethod
    def of(cls, row: object) -> Self:
        return from_row(cls, row)
