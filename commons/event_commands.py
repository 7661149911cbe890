"""The event pipeline's commands: `commons relay`, `commons worker NAME`, `commons replay CONSUMER`, `commons status`.

Part of the composition root (with cli.py and runtime.py): consumers come from `Runtime.consumers()`.
"""

import argparse
import asyncio
from collections.abc import Callable
from typing import Any

from commons.runtime import opened
from events.consumer import Consumer
from events.processes import replay, run_relay, run_until_stopped, run_worker, status
from infra.settings import Settings
from services.notifications import api as notifications

Command = Callable[[argparse.Namespace, Settings], int]


def add_event_commands(commands: "argparse._SubParsersAction[Any]") -> dict[str, Command]:
    commands.add_parser("relay", help="move committed outbox events to the bus, in order (distributed mode)")
    worker_cmd = commands.add_parser("worker", help="run one consumer group, e.g. indexer or feeds")
    worker_cmd.add_argument("name", help="the consumer's name (see `commons status`)")
    replay_cmd = commands.add_parser("replay", help="reprocess a consumer from the start (stop its workers first)")
    replay_cmd.add_argument("consumer", help="the consumer's name (see `commons status`)")
    commands.add_parser("status", help="outbox and mail backlogs, and per consumer its lag and dead letters")
    return {"relay": relay_command, "worker": worker_command, "replay": replay_command, "status": status_command}


def relay_command(args: argparse.Namespace, settings: Settings) -> int:
    run_until_stopped(run_relay(settings))
    return 0


def worker_command(args: argparse.Namespace, settings: Settings) -> int:
    run_until_stopped(run_worker(settings, consumer_named(settings, args.name)))
    return 0


def replay_command(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(replay(settings, consumer_named(settings, args.consumer)))
    print(f"{args.consumer} will reprocess every event from the beginning")
    return 0


def status_command(args: argparse.Namespace, settings: Settings) -> int:
    report = asyncio.run(status(settings, consumers(settings)))
    print(f"outbox backlog: {report.backlog} unsent")
    print(f"mail backlog: {asyncio.run(mail_backlog(settings))} unsent")
    print(f"{'consumer':<16}{'behind':>10}{'dead letters':>14}")
    for consumer in report.consumers:
        print(f"{consumer.name:<16}{consumer.behind:>10}{consumer.dead_letters:>14}")
    return 0


async def mail_backlog(settings: Settings) -> int:
    async with opened(settings) as runtime:
        return await notifications.mail_backlog(runtime.db)


def consumers(settings: Settings) -> list[Consumer]:
    async def listed() -> list[Consumer]:
        async with opened(settings) as runtime:
            return runtime.consumers()

    return asyncio.run(listed())


def consumer_named(settings: Settings, name: str) -> Consumer:
    known = {consumer.name: consumer for consumer in consumers(settings)}
    if name not in known:
        raise SystemExit(f"no consumer named {name!r}; known: {', '.join(sorted(known)) or 'none'}")
    return known[name]
