"""The server both paths of the gateway benchmark hit: the real app plus hand-written JSON routes.

It runs in a process of its own (`python -m bench.server [PROFILE_REPORT]`, settings from COMMONS_*), served by
uvicorn as `commons serve` does, so the client measuring it does not share its interpreter. The hand-written
routes (bench/limit.py) are the stack's limit.
"""

import sys
from pathlib import Path

import uvicorn
from starlette.applications import Starlette

from bench import limit
from commons.runtime import Runtime
from infra.settings import Settings
from services.gateway.app import create_app


def app_with_limit(settings: Settings) -> Starlette:
    app = create_app(Runtime(settings))
    app.router.routes[:0] = limit.routes  # before the web app's catch-all paths
    return app


def serve(settings: Settings) -> None:
    uvicorn.run(app_with_limit(settings), host=settings.host, port=settings.port, log_level="warning")


def profiled(settings: Settings, report: Path) -> None:
    """Serves under pyinstrument and writes where the time went when the server stops."""
    from pyinstrument import Profiler

    with Profiler(async_mode="enabled") as profiler:
        serve(settings)
    report.write_text(profiler.output_text(unicode=True, show_all=False))


if __name__ == "__main__":
    if len(sys.argv) > 1:
        profiled(Settings(), Path(sys.argv[1]))
    else:
        serve(Settings())
