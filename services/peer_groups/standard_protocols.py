"""Good News Analysis, the Incident/Dilemma round and the Veridical Report, as seed 002 gives them."""

from services.peer_groups.protocols import Protocol, Step

REMINDS_ME = "That reminds me of when I…"
EFFECTIVE = "One thing that worked well…"
UNEASY = "I'm a bit uneasy about…"
PRAISE = (
    "What I feel contributed to your success…",
    "What genuinely impressed me about your approach…",
    "My positive response to your story…",
)

GOOD_NEWS = Protocol(
    "good_news_analysis",
    "Good News Analysis",
    "A story that went unusually well, positive feedback while the presenter listens, then what stands out.",
    (
        Step(
            "Tell the good news",
            "presenter",
            180,
            "Tell a story from your recent experience that went unusually well or had a positive outcome: 2 or 3 "
            "minutes, uninterrupted.",
            ("What happened?", "What did you do, think and feel?"),
            ("chat_session",),
        ),
        Step(
            "Positive feedback",
            "each_peer",
            120,
            "Say what contributed to their success, what genuinely impressed you, or your positive response.",
            PRAISE,
            ("criticism", "advice_giving", "time_hogging"),
            presenter_listens_in_silence=True,
        ),
        Step(
            "What stands out",
            "presenter",
            120,
            "Say what stands out for you: any new insight or learning, or anything to finish for now.",
            ("What stands out for me now is…",),
        ),
    ),
)

INCIDENT_ROUND = Protocol(
    "incident_round",
    "Incident / dilemma round",
    "A situation you want to manage better; clarifying questions; peers' experience and concerns in turns.",
    (
        Step(
            "Presentation",
            "presenter",
            300,
            "Present an incident, situation or dilemma you would like to manage more effectively: your actions, "
            "thoughts and feelings about what you did or didn't do.",
            (),
            ("gossip", "group_gripe"),
        ),
        Step(
            "Clarifying questions",
            "all",
            240,
            "Ask clarifying questions: fill in the missing bits and help the presenter view it from other angles.",
            ("Can you say more about…?", "What happened just before…?"),
            ("advice_giving", "chat_session"),
        ),
        Step(
            "Peer feedback",
            "each_peer",
            180,
            "Tell an experience of your own, warts and all; or say one thing that was effective and one you have "
            "a question mark around; or point out the wider context. Presenter: sift and sort, take what you "
            "want and leave the rest.",
            (REMINDS_ME, EFFECTIVE, UNEASY, "I'm wondering about…", "It seems to me that…"),
            ("advice_giving", "criticism", "time_hogging", "dominant_personalities"),
            presenter_listens_in_silence=True,
        ),
        Step(
            "Positive feedback",
            "all",
            180,
            "Put words to anything that has genuinely impressed you about their approach, actions or attitudes.",
            PRAISE,
            ("criticism",),
            presenter_listens_in_silence=True,
        ),
        Step(
            "Response",
            "presenter",
            180,
            "Say what you think now: reflections, learning points, and ideas for future action.",
            ("What I'm taking away is…", "What I'll try next is…"),
        ),
    ),
)

VERIDICAL_REPORT = Protocol(
    "veridical_report",
    "Veridical Report",
    "The mentee tells an incident; the mentor tells a similar story of their own, warts and all.",
    (
        Step("The incident", "mentee", 240, "Tell an incident or share a problem.", (), ("gossip",)),
        Step(
            "The mentor's own story",
            "mentor",
            300,
            "Tell a time when you too had to deal with something like that: what you did, what you didn't do, "
            "how you felt, warts and all.",
            (REMINDS_ME,),
            ("advice_giving",),
            presenter_listens_in_silence=True,
        ),
        Step(
            "What I think now",
            "mentee",
            180,
            "Say what you are thinking now about your own incident or problem.",
            ("What I'm thinking now is…",),
        ),
    ),
)

STANDARD = {protocol.key: protocol for protocol in (GOOD_NEWS, INCIDENT_ROUND, VERIDICAL_REPORT)}
