"""axe-core (the project's npm package) run in a page: the serious and critical violations it finds."""

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")
# WCAG 2.1 A and AA, as the European accessibility standard (EN 301 549) asks of a web app.
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def severe_violations(page: Page) -> list[str]:
    """'rule: target' for each serious or critical violation on the page as it stands."""
    # Evaluated through the DevTools protocol, which the page's CSP does not govern (a script tag would be refused).
    page.evaluate(AXE.read_text())
    found: dict[str, Any] = page.evaluate(f"axe.run(document, {json.dumps(RULES)})")
    return [
        f"{violation['id']}: {node['target']} ({node.get('failureSummary', '').splitlines()[-1].strip()})"
        for violation in found["violations"]
        if violation["impact"] in SEVERE
        for node in violation["nodes"]
    ]
