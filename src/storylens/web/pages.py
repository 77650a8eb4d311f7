"""Server-rendered pages: they work without JavaScript."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from storylens.compare import compare_story
from storylens.errors import NotFoundError
from storylens.web.state import web_state
from storylens.web.views import article_view, story_rows, story_view

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50


def parse_key(key: str) -> int:
    """An article key from a URL; a 404 (not a 422) for anything else, since
    the user most likely followed or typed a wrong link."""
    try:
        return int(key)
    except ValueError:
        raise HTTPException(
            404, f"No article with key {key!r}: article keys are numbers."
        ) from None


@router.get("/", response_class=HTMLResponse)
def story_list(request: Request, q: str = "", offset: str = "0") -> HTMLResponse:
    state = web_state(request)
    start = max(0, int(offset)) if offset.isdigit() else 0
    with state.using_store() as store:
        rows = story_rows(store, state.outlets, q)
    return state.page(
        request,
        "index.html",
        q=q,
        rows=rows[start : start + PAGE_SIZE],
        total=len(rows),
        offset=start,
        page_size=PAGE_SIZE,
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    state = web_state(request)
    with state.using_store() as store:
        if store.get_story(story_id) is None:
            raise HTTPException(404, f"No story with id {story_id!r}.")
        try:
            comparison = compare_story(store, story_id)
        except NotFoundError as e:
            raise HTTPException(404, str(e)) from None
        ctx: dict[str, Any] = story_view(store, comparison)
    return state.page(request, "story.html", **ctx)


@router.get("/articles/{key}", response_class=HTMLResponse)
def article_page(request: Request, key: str) -> HTMLResponse:
    state = web_state(request)
    number = parse_key(key)
    with state.using_store() as store:
        stored = store.get_article(number)
        if stored is None:
            raise HTTPException(404, f"No article with key {number}.")
        analysis = store.get_analysis(number)
        story = store.get_story(stored.story_id) if stored.story_id else None
    ctx = article_view(number, stored.article, stored.story_id, stored.copy_of, analysis)
    return state.page(request, "article.html", story_title=story.title if story else None, **ctx)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """A plain list of the API's endpoints, rendered here rather than by
    Swagger UI, whose assets come from a CDN the network may not reach."""
    schema = request.app.openapi()
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary", ""),
            "description": op.get("description", ""),
            "params": [
                {
                    "name": p["name"],
                    "where": p.get("in"),
                    "type": p.get("schema", {}).get("type", ""),
                    "description": p.get("description", ""),
                }
                for p in op.get("parameters", [])
            ],
        }
        for path, ops in schema.get("paths", {}).items()
        for method, op in ops.items()
    ]
    return web_state(request).page(request, "docs.html", endpoints=endpoints, info=schema["info"])
