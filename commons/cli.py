"""The `commons` command: serve, migrate, demo, and the event and search commands (benchmarks: `make bench`)."""

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path

from prometheus_client import start_http_server

from commons.event_commands import add_event_commands
from infra.logs import configure as configure_logs
from infra.settings import Settings

Command = Callable[[argparse.Namespace, Settings], int]
# Processes without the gateway's app, which serve their counters on `metrics_port` (their /metrics) when it is set.
WORKING_ALONE = ("relay", "worker", "scheduler")


def migrate(args: argparse.Namespace, settings: Settings) -> int:
    from infra.migrate import upgrade

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.resolved_database_url)
    print("database is at the latest schema")
    return 0


def demo(args: argparse.Namespace, settings: Settings) -> int:
    from commons.demo import seed
    from commons.runtime import opened

    async def run() -> bool:
        async with opened(settings) as runtime:
            return await seed(runtime)

    migrate(args, settings)
    print("demo data seeded" if asyncio.run(run()) else "the database has accounts already; demo data skipped")
    return 0


def grant_admin(args: argparse.Namespace, settings: Settings) -> int:
    from commons.runtime import opened
    from services.accounts.commands import grant_admin as grant

    async def run() -> bool:
        async with opened(settings) as runtime:
            return await grant(runtime.db, args.email)

    if not asyncio.run(run()):
        print(f"no account has the email {args.email}")
        return 1
    print(f"{args.email} is a platform admin")
    return 0


def serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from commons.runtime import Runtime
    from services.gateway.app import create_app

    if args.demo:
        demo(args, settings)
    elif settings.migrate_on_start:
        migrate(args, settings)
    print(f"Practice Commons at http://{settings.host}:{settings.port}/ (GraphQL at /graphql)")
    # Our own access lines (services/gateway/middleware.py) name routes, never paths or queries: uvicorn's are off.
    app = create_app(Runtime(settings))
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", log_config=None, access_log=False)
    return 0


def scheduler(args: argparse.Namespace, settings: Settings) -> int:
    from commons.runtime import opened
    from events.processes import run_until_stopped
    from infra.schedule import run_jobs

    async def run() -> None:
        async with opened(settings) as runtime:
            await run_jobs(runtime.jobs())

    run_until_stopped(run())
    return 0


def import_resources(args: argparse.Namespace, settings: Settings) -> int:
    from commons.runtime import opened
    from infra.errors import DomainError
    from services.knowledge.importer import ImportReport, import_resources, importing_host

    async def run() -> ImportReport:
        async with opened(settings) as runtime:
            host = await importing_host(runtime.db, args.network, args.by)
            return await import_resources(runtime.db, host, args.network, args.file)

    try:
        print(asyncio.run(run()).summary())
    except DomainError as refused:
        print(refused.message)
        return 1
    return 0


def reindex(args: argparse.Namespace, settings: Settings) -> int:
    from search.reindex import reindex as rebuild

    print(f"indexed {asyncio.run(rebuild(settings))} documents into a new index, now live")
    return 0


def parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    top = argparse.ArgumentParser(prog="commons", description="Practice Commons: run and operate the platform.")
    commands = top.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="migrate, then serve the gateway (embedded: with workers)")
    serve_cmd.add_argument("--demo", action="store_true", help="seed demo data on first start")
    commands.add_parser("migrate", help="apply database migrations")
    commands.add_parser("demo", help="migrate and seed demo data (once)")
    admin = commands.add_parser("grant-admin", help="make an account a platform admin")
    admin.add_argument("email")
    commands.add_parser("reindex", help="rebuild the search index into a new one, then swap (stop serve first)")
    commands.add_parser("scheduler", help="run the periodic jobs: surveys due, weekly digests (distributed mode)")
    resources = commands.add_parser("import-resources", help="import a resource list (CSV or Markdown bullets)")
    resources.add_argument("file", type=Path)
    resources.add_argument("--network", required=True, help="the network's id")
    resources.add_argument("--by", help="email of the host signing the import (default: the first host)")
    handlers = {
        "serve": serve,
        "migrate": migrate,
        "demo": demo,
        "grant-admin": grant_admin,
        "scheduler": scheduler,
        "reindex": reindex,
        "import-resources": import_resources,
    }
    return top, handlers | add_event_commands(commands)


def main(argv: list[str] | None = None) -> int:
    top, handlers = parser()
    args = top.parse_args(argv)
    settings = Settings()
    configure_logs(settings)
    if settings.metrics_port is not None and args.command in WORKING_ALONE:
        start_http_server(settings.metrics_port, settings.host)
    return handlers[args.command](args, settings)


if __name__ == "__main__":
    raise SystemExit(main())
