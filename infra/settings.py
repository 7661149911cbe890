"""One typed settings object; every field can be set by an environment variable prefixed COMMONS_."""

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COMMONS_", env_file=".env", extra="ignore")

    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path("var")
    database_url: str | None = None
    production: bool = False
    # Connections each process keeps open (as many again may overflow), and how long a request waits for one
    # before it is refused with 503 (the database is busy).
    database_pool_size: int = 10
    database_pool_timeout: float = 30.0
    log_level: str = "INFO"
    # json, plain, or auto: plain on a terminal (`make run`), JSON otherwise (containers, files); see infra/logs.py.
    log_format: Literal["auto", "json", "plain"] = "auto"
    # `commons relay|worker|scheduler` serve their own /metrics on this port when set (the gateway's is on its app).
    metrics_port: int | None = None

    bus: Literal["inprocess", "kafka"] = "inprocess"
    kafka_bootstrap: str = "127.0.0.1:9092"
    kafka_topic_prefix: str = "commons"
    search: Literal["embedded", "meilisearch"] = "embedded"
    meili_url: str | None = None
    meili_key: str | None = None
    # Embedded mode runs the relay and the consumers inside `commons serve`.
    run_workers: bool = True
    # `commons serve` migrates first; replicas of a deployment leave it to one `commons migrate` that runs before.
    migrate_on_start: bool = True
    outbox_retention_days: int = 30
    kafka_partitions: int = 6
    # tansu and some managed brokers lack idempotent producers; turn this off for them.
    kafka_idempotence: bool = True
    kafka_timeout_ms: int = 10_000
    # Also the rebalance timeout: tansu only lets groups join when it is a few seconds.
    kafka_max_poll_interval_ms: int = 300_000
    # tansu lets a member join after about half of this; real Kafka brokers accept 6 s and up.
    kafka_session_timeout_ms: int = 10_000
    relay_batch_size: int = 500
    consumer_batch_size: int = 500
    consumer_max_attempts: int = 5
    consumer_retry_seconds: float = 0.5

    max_body_bytes: int = 1_000_000
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4_000
    # What one request may cost (schema/admission.py): its query text, the fields of its widest selection set and
    # of the whole document (fragments expanded), the time its new document may take to validate (in a worker
    # thread) and the time the whole request may run; and the memory of documents that validated cleanly.
    max_document_chars: int = 50_000
    max_selection_fields: int = 100
    max_fields: int = 5_000
    validation_budget_seconds: float = 2.0
    request_budget_seconds: float = 20.0
    known_documents_bytes: int = 16_000_000
    session_days: int = 30
    # Failed sign-ins a minute per (account, address), per address, and per account from all addresses together;
    # new accounts an hour per address.
    sign_in_attempts_per_minute: int = 10
    sign_in_attempts_per_address_minute: int = 30
    sign_in_attempts_per_account_minute: int = 100
    sign_ups_per_address_hour: int = 20
    # How long an emailed link stays good: verifying an address, resetting a password.
    verification_link_hours: float = 48.0
    reset_link_minutes: float = 60.0
    # Data rights: how long a member's export link works; how long what authors withdrew, and decided flags with
    # the record of hosts' acts, are kept before the retention job deletes them.
    export_link_hours: float = 24.0
    withdrawn_kept_days: int = 90
    moderation_kept_days: int = 365

    # Email: SMTP when smtp_host is set; otherwise messages land as .eml files in <data_dir>/outbox-mail.
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = True
    smtp_timeout_seconds: float = 30.0
    mail_from: str = "Practice Commons <notifications@practice-commons.local>"
    # The base of every link in an email; default http://<host>:<port>.
    public_url: str | None = None
    # Signs one-click unsubscribe links; without it a random key is kept in <data_dir>/signing.key.
    secret_key: str | None = None
    # A sender holds the emails it claimed this long; if it dies, another sends them after that.
    mail_lease_seconds: float = 300.0
    # A refused or unreachable SMTP server is tried again after this, doubling up to an hour.
    mail_retry_seconds: float = 30.0

    @cached_property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir.resolve() / 'commons.db'}"

    @property
    def site_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    @property
    def is_sqlite(self) -> bool:
        return self.resolved_database_url.startswith("sqlite")
