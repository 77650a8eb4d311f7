"""What every request handler shares: the open store and the page renderer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from storylens import __version__
from storylens.store.base import Store
from storylens.web.render import outlet_color
from storylens.web.views import OutletIndex

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"


def make_environment() -> jinja2.Environment:
    # Autoescape everything, whatever the template's extension: article text,
    # titles and outlet names come from the open web.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["outlet_color"] = outlet_color
    return env


@dataclass(slots=True)
class WebState:
    store: Store
    env: jinja2.Environment = field(default_factory=make_environment)
    outlets: OutletIndex = field(default_factory=OutletIndex)
    # Requests run in a thread pool; a store object (and the transaction state
    # it keeps) is not promised to be safe across threads, so calls take turns.
    lock: threading.RLock = field(default_factory=threading.RLock)

    @contextmanager
    def using_store(self) -> Iterator[Store]:
        with self.lock:
            yield self.store

    def page(self, request: Request, name: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(request=request, **ctx)
        return HTMLResponse(html, status_code=status_code)


def web_state(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state
