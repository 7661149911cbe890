"""Data rights: the archives members asked for, kept until their link expires (the retention job drops them)."""

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime
from infra.database import Base


class Export(Base):
    """A member's archive (a zip) behind a download link; only the link's token's hash is stored."""

    __tablename__ = "data_rights_exports"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    archive: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
