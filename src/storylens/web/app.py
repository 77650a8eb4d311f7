"""The StoryLens web app: server-rendered pages plus a JSON API over one store.

    app = create_app("sqlite:///stories.db")
    serve("sqlite:///stories.db", host="127.0.0.1", port=8000)

Interactive API docs (Swagger UI) are turned off because their assets come
from a CDN; /docs is a plain server-rendered list of the endpoints and links
to the machine-readable /openapi.json.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from storylens import __version__
from storylens.store import open_store
from storylens.web import api, pages
from storylens.web.state import STATIC_DIR, WebState

# No script runs on these pages, so none is allowed: a slip in escaping cannot
# become code. Inline styles stay allowed for SVG made by the timeline module.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def create_app(store_url: str) -> FastAPI:
    """The app over the store at `store_url` (opened now, closed on shutdown)."""
    state = WebState(store=open_store(store_url))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state.store.close()

    app = FastAPI(
        title="StoryLens",
        version=__version__,
        description="One news story, every source, side by side.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.web = state
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        detail = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else None
        return state.page(
            request,
            "error.html",
            status_code=exc.status_code,
            code=exc.status_code,
            detail=detail,
            path=request.url.path,
        )

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return state.page(
            request,
            "error.html",
            status_code=422,
            code=422,
            detail="Some of the parameters in this address are not valid.",
            path=request.url.path,
        )

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def serve(store_url: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted (what `storylens serve` calls)."""
    import uvicorn

    uvicorn.run(create_app(store_url), host=host, port=port, log_level="info")
