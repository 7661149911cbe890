"""Reading the links accounts emailed, as their recipient would (bench.verification reads them)."""

from bench import verification
from commons.runtime import Runtime


async def emailed_token(runtime: Runtime, account_id: str, purpose: str) -> str:
    return await verification.emailed_token(runtime.db, runtime.settings, account_id, purpose)
