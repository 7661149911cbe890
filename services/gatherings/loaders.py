"""Per-request DataLoaders for lists of gatherings: their answers and attendance, read once per page."""

from strawberry.dataloader import DataLoader

from infra.context import RequestContext
from infra.loaders import batched
from services.gatherings import queries
from services.gatherings.tables import Attendance, Rsvp


def rsvps_by_gathering(context: RequestContext) -> DataLoader[str, list[Rsvp]]:
    return batched(context, queries.rsvps_by_gathering)


def attendance_by_gathering(context: RequestContext) -> DataLoader[str, dict[str, Attendance]]:
    return batched(context, queries.attendance_by_gathering)
