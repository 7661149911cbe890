"""Events of the notifications service.

- notifications.delivered  new or folded notifications for these recipients (ids only, never their text), so
                           live subscriptions push them; audience the audience of what they are about
"""

from events.catalogue import Payload, payload


@payload("notifications.delivered", 1)
class Delivered(Payload):
    recipient_ids: list[str]
    kind: str
    subject: str
