"""How networks, local groups and profiles look to search and feeds, and who may see them."""

from events import audience
from events.publication import Publication
from services.networks.tables import LocalGroup, Network, Profile


def network_audience(network: Network) -> list[str]:
    return [audience.PLATFORM.key] if network.is_public else [audience.network(network.id)]


def network_publication(network: Network) -> Publication:
    return Publication(
        kind="network",
        title=network.name,
        text=network.description,
        network_ids=[network.id],
        created_at=network.created_at,
        updated_at=network.created_at,
        path=f"/networks/{network.id}",
    )


def local_group_publication(group: LocalGroup) -> Publication:
    return Publication(
        kind="local_group",
        title=group.name,
        text=f"{group.place}\n{group.description}".strip(),
        practice_areas=group.practice_areas,
        network_ids=[group.network_id],
        local_group_id=group.id,
        created_at=group.created_at,
        updated_at=group.created_at,
        path=f"/local-groups/{group.id}",
    )


def profile_publication(profile: Profile, network_ids: list[str]) -> Publication | None:
    if profile.hidden:
        return None
    return Publication(
        kind="member",
        title=profile.name,
        text=f"{profile.bio}\n{profile.offers}\n{profile.seeks}".strip(),
        practice_areas=profile.practice_areas,
        author_id=profile.member_id,
        author_name=profile.name,
        network_ids=network_ids,
        created_at=profile.updated_at,
        updated_at=profile.updated_at,
        path=f"/members/{profile.member_id}",
    )
