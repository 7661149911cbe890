"""A member takes their data away: the archive holds each kind of record kept about them, their own words only;
the link is theirs alone and expires."""

from datetime import timedelta

from infra.columns import utcnow
from tests.data_rights.support import BEN_WORDS, download, exported, one_of_each, opened, scene
from tests.support.graphql import Gateway

# Each kind of record the issue lists, by the file that holds it.
KINDS = {
    "profile": "networks/profile.json",
    "memberships": "networks/memberships.json",
    "stories": "knowledge/stories.json",
    "revisions": "knowledge/story_revisions.json",
    "comments": "knowledge/comments.json",
    "plans": "peer_groups/plans.json",
    "goals": "peer_groups/goals.json",
    "check-ins": "peer_groups/check_ins.json",
    "surveys answered": "peer_groups/surveys_sent.json",
    "notifications": "notifications/notifications.json",
    "citation consents": "harvests/citation_consents.json",
    "proposals answered": "peer_groups/proposal_votes.json",
    "contract acceptances": "peer_groups/group_seats.json",
    "RSVPs": "gatherings/rsvps.json",
    "flags raised": "moderation/flags_raised.json",
}


def test_the_archive_holds_each_kind_of_record_and_only_the_members_own_words(quiet_api: Gateway) -> None:
    seen = scene(quiet_api)
    one_of_each(quiet_api, seen)
    status, archive = download(quiet_api, exported(seen.amara), seen.amara.token)
    assert status == 200
    files = opened(archive)
    assert {kind for kind, name in KINDS.items() if not files.get(name)} == set()
    assert files["accounts/account.json"][0]["email"] == seen.amara.email
    assert "password_hash" not in files["accounts/account.json"][0]
    assert "Lagos" in files["networks/profile.json"][0]["bio"]
    assert [c["body"] for c in files["knowledge/comments.json"]] == ["An encouraging comment"]
    assert all(seat["accepted_version"] for seat in files["peer_groups/group_seats.json"])
    assert any(survey["answered_at"] for survey in files["peer_groups/surveys_sent.json"])
    assert files["harvests/citation_consents.json"][0]["status"] == "given"
    assert files["gatherings/rsvps.json"][0]["answer"] == "going"
    assert "excerpt" not in files["moderation/flags_raised.json"][0]
    story = files[f"stories/{seen.amara_story}.md"]
    assert "# Second thoughts" in story and "A reflection on the timetable" in story
    everything = archive.decode("latin-1") + str(files)
    assert BEN_WORDS not in everything and "Ben's reflection" not in everything


def test_the_link_is_the_members_only_and_expires(quiet_api: Gateway) -> None:
    seen = scene(quiet_api)
    path = exported(seen.amara)
    assert download(quiet_api, path, None)[0] == 401
    assert download(quiet_api, path, seen.ben.token)[0] == 404
    assert download(quiet_api, path.replace(path[-6:], "xxxxxx"), seen.amara.token)[0] == 404
    assert download(quiet_api, path, seen.amara.token)[0] == 200
    quiet_api.runtime.clock = lambda: (
        utcnow() + timedelta(hours=quiet_api.runtime.settings.export_link_hours, minutes=1)
    )
    assert download(quiet_api, path, seen.amara.token)[0] == 404
