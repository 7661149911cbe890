"""Importing seed 003's resource lists: resources with their practice areas, duplicates merged, rejects explained."""

from collections.abc import Callable
from pathlib import Path

import pytest

from commons.cli import main
from infra.settings import Settings
from tests.knowledge.community import Community, community
from tests.support.databases import IN_CI
from tests.support.graphql import Gateway

SEEDS = Path(__file__).parents[2] / "../shared/seeds"
LIST = """query($n: ID!, $a: String) { resources(networkId: $n, practiceArea: $a, first: 100) { totalCount
  edges { node { title kind authors year url practiceAreas } } } }"""


Importer = Callable[[Path], tuple[Community, str]]


@pytest.fixture
def imported(
    api: Gateway, settings: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Importer:
    """Imports a file into a new community's network with `commons import-resources`: the place and the report."""

    def run(file: Path) -> tuple[Community, str]:
        place = community(api)
        monkeypatch.setenv("COMMONS_DATABASE_URL", settings.resolved_database_url)
        assert main(["import-resources", str(file), "--network", place.network]) == 0
        return place, capsys.readouterr().out

    return run


def _csv(folder: Path, text: str) -> Path:
    listing = folder / "resources.csv"
    listing.write_text(text)
    return listing


def _seed() -> Path:
    """Seed 003 lives beside the project, not in it: found when the test runs, so collection never needs it."""
    found = next(SEEDS.glob("003_*.txt"), None)
    if found is None:
        (pytest.fail if IN_CI else pytest.skip)(f"seed 003 is not in {SEEDS.resolve()}")
    return found  # type: ignore[return-value]


def test_seed_003_lists_become_resources_with_practice_areas(imported: Importer) -> None:
    place, report = imported(_seed())
    assert report.startswith("created 42, merged 2, rejected 0")
    assert "merged: Momentum: Igniting Social Change in the Connected Age" in report
    shelf = {e["node"]["title"]: e["node"] for e in place.host.run(LIST, n=place.network)["resources"]["edges"]}
    assert len(shelf) == 42
    lifecycle = shelf["Lifecycle of Emergence: Using Emergence to Take Social Innovations to Scale"]
    assert lifecycle["practiceAreas"] == ["communities of practice", "multi-stakeholder partnerships"]
    assert lifecycle["year"] == 2006
    assert shelf["Cultivating Communities of Practice: A Guide to Managing Knowledge"]["authors"] == [
        "Etienne Wenger",
        "Richard McDermott",
        "William Snyder",
    ]
    assert shelf["Kiva"] == {
        "title": "Kiva",
        "kind": "LINK",
        "authors": [],
        "year": None,
        "url": "http://www.kiva.org",
        "practiceAreas": ["social media and technology"],
    }
    hosting = place.host.run(LIST, n=place.network, a="hosting")["resources"]
    assert "The World Café: Shaping Our Futures Through Conversations that Matter" in str(hosting)
    assert hosting["totalCount"] == 5
    _, again = imported(_seed())
    assert again.startswith("created 42"), "another network's shelf is its own"


def test_a_csv_list_reports_what_it_rejected_and_why(imported: Importer, tmp_path: Path) -> None:
    listing = _csv(
        tmp_path,
        "title,authors,year,url,kind,practice_areas\n"
        "Net Gains,Peter Plastrik; Madeleine Taylor,2010,https://netgains.org/,book,networks\n"
        "Net Gains (again),,,https://NETGAINS.org?utm_source=x,book,hosting\n"
        "Star charts,,,https://stars.example,tool,astrology\n"
        "Old tool,,last year,,tool,coaching\n"
        "Bad link,,,javascript:alert(1),link,coaching\n",
    )
    place, report = imported(listing)
    assert report.splitlines()[0] == "created 1, merged 1, rejected 3"
    assert "rejected line 4: Star charts" in report and "Unknown practice area: astrology." in report
    assert "The year 'last year' is not a number." in report
    assert "A resource's URL must be an http or https address." in report
    [net_gains] = place.host.run(LIST, n=place.network)["resources"]["edges"]
    assert net_gains["node"]["practiceAreas"] == ["networks", "hosting"]


def test_rows_that_cannot_be_read_are_rejected_one_by_one_and_the_rest_imported(
    imported: Importer, tmp_path: Path
) -> None:
    """A superscript year, a field over the csv module's limit and a NUL each stopped the whole import."""
    listing = _csv(
        tmp_path,
        "title,authors,year,url,kind,practice_areas,description\n"
        "Net Gains,Peter Plastrik,2010,https://netgains.org/,book,networks,\n"
        "Squared,,²,,book,networks,\n"
        f"Endless,,,,book,networks,{'long ' * 30_000}\n"
        "Null\x00Title,,,,book,networks,\n"
        '"Two-line\ntitle",,2020,,book,networks,\n'
        "Last one,,2001,,book,networks,\n",
    )
    place, report = imported(listing)
    assert report.splitlines()[0] == "created 3, merged 0, rejected 3"
    assert "rejected line 3: Squared, ², book, networks — The year '²' is not a number." in report
    assert "rejected line 4:" in report and "field larger than field limit (131072)" in report
    assert "rejected line 5: Null\\0Title, book, networks — The line holds a NUL character." in report
    titles = [e["node"]["title"] for e in place.host.run(LIST, n=place.network)["resources"]["edges"]]
    assert sorted(titles) == ["Last one", "Net Gains", "Two-line title"]


def test_a_file_that_is_not_utf8_imports_nothing_and_says_so(
    api: Gateway,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    listing = tmp_path / "latin1.csv"
    listing.write_bytes("title,kind,practice_areas\nCafé conversations,book,networks\n".encode("latin-1"))
    place = community(api)
    monkeypatch.setenv("COMMONS_DATABASE_URL", settings.resolved_database_url)
    assert main(["import-resources", str(listing), "--network", place.network]) == 1
    said = capsys.readouterr()
    assert said.out.strip() == "latin1.csv is not UTF-8 text (line 2 is not); nothing was imported."
    assert "Traceback" not in said.err
    assert place.host.run(LIST, n=place.network)["resources"]["totalCount"] == 0
