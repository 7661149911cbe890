"""Importing a resource list (CSV, or bullet lists under practice-area headings like seed 003's) into a network.

Each entry is added on its own, so one bad line never stops the rest; duplicates (within the file or of the
network's shelf) are merged, and the report says what was created, merged and rejected, and why.
"""

from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from infra.database import Database
from infra.errors import DomainError, InvalidInput, NotFound
from infra.viewer import Viewer
from services.accounts import api as accounts
from services.knowledge.listing import Entry, read_csv, read_list
from services.knowledge.resources import Shelf, add_resource
from services.networks import api as networks


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    # (line, what was read, why it was rejected)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"created {len(self.created)}, merged {len(self.merged)}, rejected {len(self.rejected)}"]
        lines += [f"  merged: {title}" for title in self.merged]
        lines += [f"  rejected line {line}: {text[:80]} — {why}" for line, text, why in self.rejected]
        return "\n".join(lines)


async def shelf_of(db: Database, network_id: str) -> Shelf:
    reached = [network_id, *await networks.connected_network_ids(db, network_id)]
    return Shelf(
        network_id, frozenset(await networks.practice_areas(db, network_id)), [f"network:{n}" for n in reached]
    )


async def _add(db: Database, viewer: Viewer, shelf: Shelf, entry: Entry, report: ImportReport) -> None:
    # No text may hold NUL: the API refuses it, PostgreSQL cannot store it, SQLite would hand it on to search.
    nul = "\x00" in entry.text
    if nul or entry.draft is None:
        why = "The line holds a NUL character." if nul else entry.problem or "unreadable"
        report.rejected.append((entry.line, entry.text.replace("\x00", "\\0"), why))
        return
    try:
        async with db.transaction() as session:
            resource, merged = await add_resource(session, viewer, shelf, entry.draft)
    except DomainError as refused:
        report.rejected.append((entry.line, entry.text, refused.message))
        return
    (report.merged if merged else report.created).append(resource.title)


def _read(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as bad:
        line = bad.object[: bad.start].count(b"\n") + 1
        raise InvalidInput(f"{file.name} is not UTF-8 text (line {line} is not); nothing was imported.") from None
    except OSError as unreadable:
        raise InvalidInput(f"{file} cannot be read: {unreadable.strerror}.") from None


async def import_resources(
    db: Database, viewer: Viewer, network_id: str, file: Path, progress: bool = True
) -> ImportReport:
    text = _read(file)
    shelf = await shelf_of(db, network_id)
    entries = read_csv(text) if file.suffix.lower() == ".csv" else read_list(text, set(shelf.areas))
    report = ImportReport()
    for entry in tqdm(entries, desc=f"importing {file.name}", unit="resource", disable=not progress):
        await _add(db, viewer, shelf, entry, report)
    return report


async def importing_host(db: Database, network_id: str, email: str | None) -> Viewer:
    """Who the import is signed by: the host with that email, or else the network's first host."""
    chosen = await accounts.account_id_for_email(db, email) if email else None
    candidates = [chosen] if email else await networks.member_ids(db, network_id)
    for member_id in candidates:
        if member_id and await networks.role_in(db, network_id, member_id) == "host":
            holder = await accounts.account(db, member_id)
            if holder is not None:
                return Viewer(holder.account_id, holder.email, holder.name)
    raise NotFound("That network has no such host; name one with --by EMAIL.")
