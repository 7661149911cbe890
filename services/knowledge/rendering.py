"""Members write Markdown; readers get HTML in which no script, raw HTML or dangerous link survives."""

import html
import re

import nh3
from markdown_it import MarkdownIt

from infra.errors import InvalidInput
from services.knowledge.mentions import as_links

LONGEST_BODY = 100_000
SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20]")


def _checked_link(url: str) -> bool:
    """Called by the parser for every link and image; refusing loudly tells the writer what to fix."""
    found = _SCHEME.match(_CONTROL.sub("", url).lower())
    if found and found.group(1) not in SAFE_SCHEMES:
        raise InvalidInput(f"Links may use http, https or mailto only, not {found.group(1)}:.")
    return True


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


_markdown = _parser()
_markdown.validateLink = _checked_link  # type: ignore[method-assign]  # markdown-it's documented hook
# For text whose links were never checked (harvest summaries, text written before the check): markdown-it leaves
# a link it deems unsafe as plain text, and nh3 drops any other scheme outside SAFE_SCHEMES.
_lenient = _parser()


def checked_body(body: str, what: str = "A story") -> str:
    body = body.strip()
    if not body:
        raise InvalidInput(f"{what} needs some text.")
    if len(body) > LONGEST_BODY:
        raise InvalidInput(
            f"{what} may be at most {LONGEST_BODY // 1000} KB of text; this one is {len(body) // 1000} KB."
        )
    render(body)
    return body


def _safe_html(parser: MarkdownIt, body: str) -> str:
    # Raw HTML is off in the parser, so tags stay visible text; nh3 is the second fence. Mentions become links to
    # the member's page first, so their `member:` target never meets the link check.
    return nh3.clean(parser.render(as_links(body)), url_schemes=SAFE_SCHEMES, link_rel="noopener nofollow")


def render(body: str) -> str:
    return _safe_html(_markdown, body)


def readable_html(body: str) -> str:
    """Safe HTML of Markdown written where links were not checked: never refuses, unsafe links read as text."""
    return _safe_html(_lenient, body)


def plain_text(body: str) -> str:
    """What a reader sees of the rendered Markdown, as text: for excerpts, snippets and search, never the source.

    Every tag goes (nh3 with no tags allowed keeps their text), then entities become characters again; the
    renderer's newlines between blocks keep paragraphs and list items apart.
    """
    shown = nh3.clean(readable_html(body), tags=set())
    return html.unescape(shown).strip()
