"""GraphiQL at /graphql for browsers, served from installed packages: no CDN, so it works offline and under CSP.

The vendor builds (GraphiQL, React, graphql-ws) come from the graphene-django-graphiql-static wheel; only its
static files are used, never its Django parts. Our own page and start script live in ./static.
"""

from importlib.resources import files
from pathlib import Path

from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from services.gateway.middleware import CONTENT_SECURITY_POLICY

OWN = Path(__file__).with_name("static")
VENDOR = Path(str(files("graphene_django_graphiql_static") / "static" / "graphene_django_graphiql_static"))
# The app's policy plus data: fonts, which GraphiQL's stylesheet embeds; scripts and styles stay 'self' only.
PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data:; font-src 'self' data:;")


def graphiql_page() -> Response:
    return FileResponse(OWN / "index.html", headers={"content-security-policy": PAGE_POLICY})


routes: list[BaseRoute] = [
    Mount("/graphiql/vendor", StaticFiles(directory=VENDOR), name="graphiql-vendor"),
    Mount("/graphiql", StaticFiles(directory=OWN), name="graphiql"),
]
