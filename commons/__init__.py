"""The composition root: the `commons` command, the runtime that wires services, events and search together, and
the demo data. The only package that may import every other; nothing imports it but entry points and tests."""
