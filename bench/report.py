"""The one row format every benchmark returns, and how a run is shown: a table, a JSON file and a growth plot.

A benchmark module under bench/ exposes `main(scale: float = 1.0) -> list[Row]`; `scale` multiplies the amount
of data it builds (1 = the everyday size, 10 = ten times the data), so running it at both shows how cost grows.
"""

import json
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any


def percentile(values: list[float], p: float) -> float:
    """The value at percentile p (0-100) of at least one value, in the values' own unit."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(p) - 1]


@dataclass(frozen=True)
class Row:
    """One figure, and the baseline measured in the same run that it is compared with (ratio = value/baseline)."""

    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline_value: float | None = None
    ratio: float | None = None
    # What the figure should reach, in words, e.g. "ratio >= 0.5"; empty when the figure is context only.
    target: str = ""
    scale: float = 1.0
    # "sqlite" or "postgresql", stamped by the runner like the scale.
    database: str = ""

    def __post_init__(self) -> None:
        if self.ratio is None and self.baseline_value:
            object.__setattr__(self, "ratio", self.value / self.baseline_value)


def as_row(found: Row | Mapping[str, Any], scale: float, database: str = "") -> Row:
    """Accepts a Row or a mapping with Row's field names (extra keys are dropped); stamps the scale and the
    database it ran on."""
    if isinstance(found, Row):
        return replace(found, scale=scale, database=database)
    known = {f.name for f in fields(Row)} - {"scale", "database"}
    return Row(**{k: v for k, v in found.items() if k in known}, scale=scale, database=database)


def _figure(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def table(rows: Iterable[Row]) -> str:
    header = ("figure", "database", "scale", "value", "unit", "baseline", "baseline value", "ratio", "target")
    lines = [
        (
            r.name,
            r.database or "-",
            f"{r.scale:g}x",
            _figure(r.value),
            r.unit,
            r.baseline_name or "-",
            _figure(r.baseline_value),
            f"{r.ratio:.2f}" if r.ratio is not None else "-",
            r.target or "-",
        )
        for r in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=False)]
    render = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)) for line in lines]
    rule = "  ".join("-" * width for width in widths)
    head = "  ".join(cell.ljust(width) for cell, width in zip(header, widths, strict=True))
    return "\n".join([head, rule, *render])


def write_json(rows: list[Row], machine: Mapping[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"machine": dict(machine), "rows": [asdict(r) for r in rows]}, indent=2) + "\n")
    return path
