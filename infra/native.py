"""Calling native extensions (tantivy, through pyo3) off the event loop, their panics told as ordinary errors.

A Rust panic surfaces as pyo3's PanicException, a BaseException: it slips past every `except Exception`, GraphQL's
field errors and the error masking among them, and unwinds the whole request instead of failing one field.
"""

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")
# BaseExceptions that steer the program rather than report a failure.
_CONTROL = (asyncio.CancelledError, KeyboardInterrupt, SystemExit, GeneratorExit)


class NativePanic(Exception):
    """A native extension panicked; the panic is kept as the cause, for the log."""


def is_panic(failure: BaseException) -> bool:
    return not isinstance(failure, (Exception, *_CONTROL))


async def in_thread(work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    try:
        return await asyncio.to_thread(work, *args, **kwargs)
    except BaseException as failure:
        if not is_panic(failure):
            raise
        raise NativePanic(f"{type(failure).__name__} in {getattr(work, '__qualname__', work)!r}") from failure
