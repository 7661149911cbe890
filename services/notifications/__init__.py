"""The notifications service: what concerns a member reaches them, in the app and by email."""
