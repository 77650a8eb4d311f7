"""Every exception StoryLens raises, each with a message a user can act on."""

from __future__ import annotations


class StoryLensError(Exception):
    """Base class: catch this to handle any StoryLens failure."""


class InputError(StoryLensError):
    """An input could not be read. `reason` is a short stable key for counts."""

    def __init__(self, input: str, reason: str, message: str) -> None:
        super().__init__(f"{input}: {message}")
        self.input = input
        self.reason = reason
        self.message = message


class StoreError(StoryLensError):
    """The store could not be opened, migrated or written."""


class NotFoundError(StoryLensError):
    """A story or article id that the store does not hold."""


class ConfigError(StoryLensError):
    """A configuration value is unknown or has the wrong type."""


class ModelError(StoryLensError):
    """A language model StoryLens needs is not installed."""
