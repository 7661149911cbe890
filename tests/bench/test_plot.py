"""The growth plot pairs each figure across scales, whatever amount of data its name mentions."""

from pathlib import Path

from bench.plot import growth, plot
from bench.report import Row


def test_a_figure_naming_its_data_size_is_followed_across_scales(tmp_path: Path) -> None:
    rows = [
        Row("search: p95 [100,000 docs]", 10.0, "ms", scale=1),
        Row("search: p95 [1,000,000 docs]", 25.0, "ms", scale=10),
        Row("feeds: reach (10,000 members)", 2.0, "s", scale=1),
        Row("feeds: reach (100,000 members)", 1.0, "s", scale=10),
        Row("gateway: only once", 5.0, "ms", scale=1),
    ]
    assert growth(rows) == {"search: p95": [(1, 1.0), (10, 2.5)], "feeds: reach": [(1, 1.0), (10, 0.5)]}
    picture = plot(rows, tmp_path / "growth.png")
    assert picture is not None and picture.read_bytes().startswith(b"\x89PNG")


def test_a_figure_measured_on_two_databases_grows_as_two_curves() -> None:
    rows = [
        Row("feeds: page", 10.0, "ms", scale=1, database="sqlite"),
        Row("feeds: page", 20.0, "ms", scale=10, database="sqlite"),
        Row("feeds: page", 8.0, "ms", scale=1, database="postgresql"),
        Row("feeds: page", 8.0, "ms", scale=10, database="postgresql"),
    ]
    assert growth(rows) == {
        "feeds: page (sqlite)": [(1, 1.0), (10, 2.0)],
        "feeds: page (postgresql)": [(1, 1.0), (10, 1.0)],
    }
