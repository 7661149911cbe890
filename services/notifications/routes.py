"""One-click unsubscribe (RFC 8058): a mail client POSTs to the List-Unsubscribe link; a person who opens it in a
browser gets a page with one button that POSTs the same. GET never changes anything (link scanners follow links)."""

import html

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from infra.errors import InvalidInput
from services.notifications.commands import unsubscribe as stop
from services.notifications.kinds import Kind
from services.notifications.tokens import Topic, read_token

PAGE = (
    '<!doctype html><title>Unsubscribe</title><form method="post"><p>{what}</p>'
    '<button name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>'
)


def _emails(topic: Topic) -> str:
    return f"emails about {topic.value.replace('_', ' ')}s" if isinstance(topic, Kind) else f"{topic.value} digests"


def _answer(text: str, status: int) -> Response:
    return HTMLResponse(f"<!doctype html><title>Unsubscribe</title><p>{html.escape(text)}</p>", status)


async def unsubscribe(request: Request) -> Response:
    runtime = request.app.state.runtime
    try:
        member_id, topic = read_token(runtime.settings, request.query_params.get("token", ""))
    except InvalidInput as refused:
        return _answer(refused.message, 400)
    if request.method == "GET":
        return HTMLResponse(PAGE.format(what=html.escape(f"Stop {_emails(topic)}?")))
    async with runtime.db.transaction() as session:
        await stop(session, member_id, topic)
    return _answer(f"No more {_emails(topic)}; notifications still show in the app.", 200)


routes: list[Route] = [Route("/notifications/unsubscribe", unsubscribe, methods=["GET", "POST"])]
