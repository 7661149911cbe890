"""A PNG of how each cost grows with the data: every figure measured at several scales, relative to its smallest."""

import re
from collections import defaultdict
from pathlib import Path

from bench.report import Row

SIZE = re.compile(r"\s*[\[(][\d,]+ [a-z]+[\])]")


def figure_of(name: str) -> str:
    """A row's figure, without the amount of data it names, e.g. "[100,000 docs]" or "(10,000 members)"."""
    return SIZE.sub("", name)


def growth(rows: list[Row]) -> dict[str, list[tuple[float, float]]]:
    """Per figure and database, (scale, value / value at the smallest scale); figures measured at one scale are
    left out."""
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_name[figure_of(row.name) + (f" ({row.database})" if row.database else "")].append(row)
    curves = {}
    for name, measured in by_name.items():
        measured.sort(key=lambda r: r.scale)
        first = measured[0].value
        if len(measured) > 1 and first:
            curves[name] = [(r.scale, r.value / first) for r in measured]
    return curves


def plot(rows: list[Row], path: Path) -> Path | None:
    curves = growth(rows)
    if not curves:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(11, 6.5))
    scales = sorted({scale for points in curves.values() for scale, _ in points})
    axes.plot(scales, [s / scales[0] for s in scales], "k--", linewidth=1, label="grows like the data (linear)")
    axes.plot(scales, [1.0] * len(scales), "k:", linewidth=1, label="flat (independent of the data)")
    for name, points in sorted(curves.items()):
        axes.plot([s for s, _ in points], [g for _, g in points], marker="o", label=name)
    axes.set(
        xscale="log",
        yscale="log",
        xlabel="data scale (x the everyday size)",
        ylabel="value / value at 1x",
        title="How each figure grows with the data",
    )
    axes.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)
    return path
