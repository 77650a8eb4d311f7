"""Small helpers shared by tests (not fixtures)."""

from __future__ import annotations


def norm(text: str) -> str:
    """Text as expected.yaml compares it: case-insensitive, straight quotes, one space."""
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return " ".join(text.lower().split())
