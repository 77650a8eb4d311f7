"""Fetching http(s) URLs with httpx, within bounds.

Every way a fetch can fail (no such host, refused, timed out, too many
redirects, HTTP 4xx/5xx, a body past the size cap) becomes one Rejection
naming the URL and the cause; nothing here raises for a bad URL.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from types import TracebackType

import httpx

from storylens.model import Rejection

USER_AGENT = "StoryLens/0.1 (news comparison reader; +https://github.com/storylens/storylens)"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Bounds for fetching. `timeout` (seconds) applies to connecting and to
    each read; the whole download may take at most three times that."""

    timeout: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: the final URL after redirects, its media type
    (lower case, no parameters), the declared charset and the body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


def _one_line(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip()


class Fetcher:
    """One HTTP client (connection pool) for a run; use as a context manager."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._client = httpx.Client(
            follow_redirects=True,
            max_redirects=self.config.max_redirects,
            timeout=httpx.Timeout(self.config.timeout),
            headers={"User-Agent": self.config.user_agent},
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def _too_large(self, url: str) -> Rejection:
        limit_mb = self.config.max_bytes / (1024 * 1024)
        return Rejection(
            url,
            "too-large",
            f"response is larger than {limit_mb:g} MB; raise FetchConfig.max_bytes or save the page",
        )

    def _download(self, url: str) -> Fetched | Rejection:
        deadline = time.monotonic() + 3 * self.config.timeout
        with self._client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Rejection(
                    url,
                    "http",
                    f"HTTP {response.status_code} {response.reason_phrase} from {response.url}; "
                    "check the URL",
                )
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.config.max_bytes:
                return self._too_large(url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.config.max_bytes:
                    return self._too_large(url)
                if time.monotonic() > deadline:
                    return Rejection(
                        url, "http", f"download took longer than {3 * self.config.timeout:g} s"
                    )
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";")[0].strip().lower()
            return Fetched(
                str(response.url), media_type, response.charset_encoding, b"".join(chunks)
            )

    def get(self, url: str) -> Fetched | Rejection:
        """The body of `url`, or a Rejection ("http", "too-large") saying why not."""
        try:
            return self._download(url)
        except httpx.TooManyRedirects:
            return Rejection(
                url, "http", f"too many redirects (more than {self.config.max_redirects})"
            )
        except httpx.TimeoutException as err:
            cause = _one_line(err) or type(err).__name__
            return Rejection(url, "http", f"timed out after {self.config.timeout:g} s ({cause})")
        except httpx.ConnectError as err:
            return Rejection(
                url, "http", f"cannot connect ({_one_line(err)}); check the address and network"
            )
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as err:
            return Rejection(url, "http", f"invalid URL ({_one_line(err)})")
        except httpx.HTTPError as err:
            return Rejection(url, "http", f"{type(err).__name__}: {_one_line(err)}")


def decoded_body(fetched: Fetched) -> bytes | str:
    """The body as text when the server names a charset that fits, else bytes
    (for readers that decode from the document's own declaration)."""
    if fetched.charset:
        try:
            return fetched.body.decode(fetched.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return fetched.body
