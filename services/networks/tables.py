"""Networks, their local groups, memberships, invitations, join requests, practice areas and member profiles."""

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from infra.columns import UTCDateTime, new_id, utcnow
from infra.database import Base


class Network(Base):
    __tablename__ = "networks_networks"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Membership(Base):
    __tablename__ = "networks_memberships"

    network_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(20))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LocalGroup(Base):
    __tablename__ = "networks_local_groups"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    place: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LocalGroupMember(Base):
    __tablename__ = "networks_local_group_members"

    local_group_id: Mapped[str] = mapped_column(
        ForeignKey("networks_local_groups.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Invitation(Base):
    __tablename__ = "networks_invitations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), index=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    invited_by: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class JoinRequest(Base):
    __tablename__ = "networks_join_requests"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[str] = mapped_column(String(36))
    message: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="pending")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PracticeArea(Base):
    """A network's own practice area, beside the default taxonomy."""

    __tablename__ = "networks_practice_areas"
    __table_args__ = (UniqueConstraint("network_id", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    network_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))


class Profile(Base):
    __tablename__ = "networks_profiles"

    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    bio: Mapped[str] = mapped_column(Text, default="")
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    offers: Mapped[str] = mapped_column(Text, default="")
    seeks: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    # Hidden by a reviewer: others see the name only, and search leaves the member out.
    hidden: Mapped[bool] = mapped_column(default=False, server_default=false())


class Connection(Base):
    """A partnership between two networks: one's host proposes, the other's host accepts."""

    __tablename__ = "networks_connections"
    __table_args__ = (UniqueConstraint("proposer_id", "partner_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    proposer_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[str] = mapped_column(ForeignKey("networks_networks.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    proposed_by: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
