"""The kinds of gathering (seed 003, "Hosting"), as stored and as people name them."""

NAMES = {
    "world_cafe": "World Café",
    "open_space": "Open Space",
    "storytelling_circle": "Storytelling circle",
    "dialogue": "Dialogue",
    "appreciative_inquiry": "Appreciative inquiry",
    "alumni_meeting": "Alumni meeting",
}
KINDS = tuple(NAMES)
