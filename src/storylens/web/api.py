"""The JSON API under /api; its OpenAPI description is at /openapi.json."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel

from storylens import __version__
from storylens.compare import compare_story
from storylens.errors import NotFoundError
from storylens.web.state import web_state
from storylens.web.views import story_rows

router = APIRouter(prefix="/api", tags=["api"])


class StorySummary(BaseModel):
    id: str
    title: str
    article_count: int
    outlets: list[str]
    first_published: str | None
    last_published: str | None
    article_ids: list[str]


class StoryList(BaseModel):
    total: int
    limit: int
    offset: int
    stories: list[StorySummary]


class Health(BaseModel):
    status: str
    version: str
    articles: int
    stories: int


@router.get("/health", response_model=Health, summary="Liveness and store reachability")
def health(request: Request) -> Health:
    state = web_state(request)
    try:
        with state.using_store() as store:
            articles, stories = store.count_articles(), len(store.list_stories())
    except Exception as e:  # any store failure means the service cannot answer
        raise HTTPException(503, f"store unavailable: {e}") from None
    return Health(status="ok", version=__version__, articles=articles, stories=stories)


@router.get("/stories", response_model=StoryList, summary="Stories, most recent first")
def list_stories(
    request: Request,
    q: str = Query("", description="words that must all occur in the title or an outlet name"),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> StoryList:
    state = web_state(request)
    with state.using_store() as store:
        rows = story_rows(store, state.outlets, q)
    page = rows[offset : offset + limit]
    return StoryList(
        total=len(rows),
        limit=limit,
        offset=offset,
        stories=[StorySummary(**r.to_dict()) for r in page],
    )


@router.get("/stories/{story_id}", summary="A story's full comparison")
def get_story(request: Request, story_id: str) -> dict[str, Any]:
    """The comparison of the story's sources: articles, people, quotes, aligned
    utterances with word diffs, claims, coverage, timeline and cited summary."""
    with web_state(request).using_store() as store:
        if store.get_story(story_id) is None:
            raise HTTPException(404, f"No story with id {story_id!r}.")
        try:
            return compare_story(store, story_id)
        except NotFoundError as e:
            raise HTTPException(404, str(e)) from None


@router.get("/articles/{key}", summary="One article with its analysis")
def get_article(request: Request, key: int) -> dict[str, Any]:
    with web_state(request).using_store() as store:
        stored = store.get_article(key)
        if stored is None:
            raise HTTPException(404, f"No article with key {key}.")
        analysis = store.get_analysis(key)
    return {
        "key": stored.key,
        "story_id": stored.story_id,
        "copy_of": stored.copy_of,
        "article": stored.article.to_dict(),
        "analysis": analysis.to_dict() if analysis else None,
    }
