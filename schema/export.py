"""Writes the SDL snapshot: `python -m schema.export` (make schema)."""

from pathlib import Path

from schema import build

SNAPSHOT = Path(__file__).with_name("schema.graphql")


def sdl() -> str:
    return build().as_str() + "\n"


if __name__ == "__main__":
    SNAPSHOT.write_text(sdl())
    print(f"wrote {SNAPSHOT}")
