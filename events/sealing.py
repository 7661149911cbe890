"""Crypto-shredding: the event log is append-only (the outbox, Kafka's topics), so a member's personal fields in
events (their name, their profile) are written sealed with a key of their own (AES-GCM, `events_member_keys`).
Consumers get events opened (the runner, and the live tail's readers): erasing the member destroys the key, and
every copy of those fields, replays included, then reads as "a former member"."""

import base64
import copy
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from events.personal import targets

FORMER_MEMBER = "a former member"
PREFIX = "sealed:v1:"
NONCE_BYTES = 12
# Member id -> key; None: shredded.
Keys = Mapping[str, bytes | None]
Json = Any


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(text: str, member_id: str, key: bytes | None) -> str:
    if key is None:
        return FORMER_MEMBER
    nonce = os.urandom(NONCE_BYTES)
    box = AESGCM(key).encrypt(nonce, text.encode(), member_id.encode())
    return f"{PREFIX}{member_id}:{base64.urlsafe_b64encode(nonce + box).decode()}"


def unseal(value: str, keys: Keys) -> str:
    member_id, sealed = value.removeprefix(PREFIX).split(":", 1)
    key = keys.get(member_id)
    if key is None:
        return FORMER_MEMBER
    raw = base64.urlsafe_b64decode(sealed)
    return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], member_id.encode()).decode()


def sealed_data(payloads: Sequence[tuple[str, int, Json]], keys_for: Callable[[set[str]], Keys]) -> list[Json]:
    """Copies of the (type, version, data) payloads' data with their personal fields sealed; `keys_for` gives
    (making if need be) members' keys, asked once for them all."""
    copies = [copy.deepcopy(data) for _, _, data in payloads]
    pairs = zip(payloads, copies, strict=True)
    found = [target for (kind, version, _), data in pairs for target in targets(kind, version, data)]
    keys = keys_for({owner for _, _, owner in found}) if found else {}
    for holder, field, owner in found:
        if not holder[field].startswith(PREFIX):  # a flush tried again after a failure seals nothing twice
            holder[field] = seal(holder[field], owner, keys[owner])
    return copies


def owners(data: Json) -> set[str]:
    """The members whose keys open `data`."""
    if isinstance(data, str) and data.startswith(PREFIX):
        return {data.removeprefix(PREFIX).split(":", 1)[0]}
    parts = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return set().union(*(owners(part) for part in parts))


def opened_data(data: Json, keys: Keys) -> Json:
    if isinstance(data, str) and data.startswith(PREFIX):
        return unseal(data, keys)
    if isinstance(data, dict):
        return {name: opened_data(value, keys) for name, value in data.items()}
    if isinstance(data, list):
        return [opened_data(value, keys) for value in data]
    return data
