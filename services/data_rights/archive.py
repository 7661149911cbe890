"""A member's archive: a zip with one JSON file per kind of record (`<service>/<kind>.json`), their stories as
Markdown (`stories/<id>.md`, earlier versions beneath), and a README saying what is where."""

import io
import json
import zipfile
from typing import Any

from services.data_rights.holdings import Holdings

README = """# Your data from Practice Commons

Everything the platform holds about you, as it was when you asked. Each folder is one part of the platform;
each `.json` file one kind of record (a list; empty when you have none). Your stories are also in `stories/`
as Markdown, with their earlier versions. Other members' words (comments on your stories, what your groups
said) are theirs and are not here; survey answers are kept without anyone's name, so they cannot be yours to take.
"""


def packed(held: Holdings) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.md", README)
        for service, kinds in held.items():
            for kind, records in kinds.items():
                archive.writestr(f"{service}/{kind}.json", json.dumps(records, indent=2, ensure_ascii=False))
        knowledge = held.get("knowledge", {})
        for story in knowledge.get("stories", []):
            archive.writestr(f"stories/{story['id']}.md", story_markdown(story, knowledge.get("story_revisions", [])))
    return buffer.getvalue()


def story_markdown(story: dict[str, Any], revisions: list[dict[str, Any]]) -> str:
    earlier = [r for r in revisions if r["story_id"] == story["id"]]
    parts = [f"# {story['title']}\n\n*{story['kind']}, written {story['created_at']}*\n\n{story['body']}\n"]
    parts += [f"\n---\n\n## Version {r['number'] - 1}: {r['title']}\n\n{r['body']}\n" for r in reversed(earlier)]
    return "".join(parts)
