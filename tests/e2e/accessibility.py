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


FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), "
    "textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)
# Each visible control, named so the two lists compare: a radio group is one Tab stop (arrows move within it).
CONTROLS = f"""() => [...document.querySelectorAll("{FOCUSABLE}")]
  .filter((el) => el.checkVisibility() && !el.closest('[inert]'))
  .map((el, i) => el.dataset.keyboardProbe = el.type === 'radio' ? `radio:${{el.name}}` : String(i))"""
# Date and time fields take a Tab stop per part (day, month, year, hour, minute, AM/PM).
STOPS_PER_CONTROL = 6


def unreachable_by_keyboard(page: Page) -> list[str]:
    """The visible controls that pressing Tab from the top of the page never reaches (none when usable)."""
    wanted: list[str] = page.evaluate(CONTROLS)
    page.evaluate("document.activeElement?.blur(); window.scrollTo(0, 0)")
    reached: set[str] = set()
    for _ in range(len(wanted) * STOPS_PER_CONTROL):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("document.activeElement?.dataset.keyboardProbe ?? ''"))
        if reached.issuperset(wanted):
            break
    missed = sorted(set(wanted) - reached)
    return page.evaluate(
        "(probes) => probes.map((p) => document.querySelector(`[data-keyboard-probe='${p}']`).outerHTML.slice(0, 80))",
        missed,
    )
