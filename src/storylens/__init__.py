"""StoryLens: one news story, every source, side by side."""

from storylens.model import (
    Analysis,
    Article,
    Person,
    Quote,
    Rejection,
    Speaker,
    Story,
    TimeExpression,
)

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Article",
    "Person",
    "Quote",
    "Rejection",
    "Speaker",
    "Story",
    "TimeExpression",
    "__version__",
]
