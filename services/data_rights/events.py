"""Events of data rights. Neither carries a name or an address: ids only, so the log keeps nothing to shred.

- data_rights.export.taken   a member took an archive of their data (`actor_id`, for the record of acts);
                             audience the member
- data_rights.member.erased  a member's account was erased (subject the member): projections (feeds,
                             notifications) forget what they keep of them; audience the platform
"""

from events.catalogue import Payload, payload


@payload("data_rights.export.taken", 1)
class ExportTaken(Payload):
    actor_id: str


@payload("data_rights.member.erased", 1)
class MemberErased(Payload):
    member_id: str
    writing_erased: bool
