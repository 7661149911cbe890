"""GraphQL types of the coordinator dashboard: counts and rates only, small cells withheld, with each table as CSV."""

from dataclasses import asdict
from datetime import datetime

import strawberry

from services.peer_groups import dashboard
from services.peer_groups.dashboard_csv import table_csv
from services.peer_groups.evaluation import THRESHOLD

WITHHELD = "Null when fewer than the threshold of people stand behind it: never a small cell."


@strawberry.type
class DashboardRow:
    scope: str = strawberry.field(description="scheme, network or local_group.")
    name: str
    groups: int
    on_track: int
    unscheduled: int
    overdue: int
    finished: int
    meetings_held: int
    attendance_rate: float | None = strawberry.field(description=f"Percent present. {WITHHELD}")
    survey_response_rate: float | None = strawberry.field(description=f"Percent answered. {WITHHELD}")
    goal_progress: float | None = strawberry.field(description=f"Mean latest progress, percent. {WITHHELD}")
    applications_waiting: int


@strawberry.type
class DiversityOutcome:
    scheme: str
    aim: str
    applied: int | None = strawberry.field(description=WITHHELD)
    approved: int | None = strawberry.field(description=WITHHELD)
    matched: int | None = strawberry.field(description=WITHHELD)


@strawberry.type
class CoordinatorDashboard:
    as_of: datetime
    threshold: int
    programme: list[DashboardRow] = strawberry.field(description="Per scheme, the network, per local group.")
    diversity: list[DiversityOutcome] = strawberry.field(description="Per scheme and diversity aim.")
    programme_csv: str = strawberry.field(description="The programme table as CSV; a withheld figure is empty.")
    diversity_csv: str = strawberry.field(description="The diversity table as CSV; a withheld figure is empty.")

    @classmethod
    def of(
        cls, as_of: datetime, programme: list[dashboard.ProgrammeRow], diversity: list[dashboard.DiversityRow]
    ) -> "CoordinatorDashboard":
        return cls(
            as_of=as_of,
            threshold=THRESHOLD,
            programme=[DashboardRow(**asdict(row)) for row in programme],
            diversity=[DiversityOutcome(**asdict(row)) for row in diversity],
            programme_csv=table_csv(dashboard.ProgrammeRow, programme),
            diversity_csv=table_csv(dashboard.DiversityRow, diversity),
        )
