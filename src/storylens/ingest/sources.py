"""Inputs as users name them: files, directories, URLs and ``-`` for stdin.

The file's extension picks the reader (``.gz`` is looked through); inside a
directory every file is read or reported, so nothing a user pointed at
disappears without a reason; only hidden files and folders, and a folder's own
documentation (README, LICENSE, CHANGELOG, COPYING), are skipped there — named
explicitly, such a file is read like any other.
"""

from __future__ import annotations

import gzip
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storylens.ingest.decode import check_bytes, gunzip
from storylens.ingest.feeds import read_feed
from storylens.ingest.fetch import FetchConfig, Fetcher
from storylens.ingest.html import read_html
from storylens.ingest.jsonl import read_json_bytes, read_json_lines
from storylens.ingest.meta import is_url
from storylens.ingest.sniff import InputKind, is_feed, sniff_kind
from storylens.ingest.text import read_text_bytes
from storylens.ingest.urls import read_url
from storylens.model import Article, Rejection

STDIN = "-"
STDIN_NAME = "stdin"

EXTENSION_KINDS: dict[str, InputKind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
_SUPPORTED = ", ".join(sorted(EXTENSION_KINDS))

Result = Article | Rejection


_FOLDER_DOCS = {"readme", "license", "licence", "changelog", "copying"}


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _is_folder_doc(name: str) -> bool:
    return name.split(".", 1)[0].lower() in _FOLDER_DOCS


def _walk(directory: Path) -> list[str]:
    """Files under `directory`, recursively, sorted, hidden files and folders skipped."""
    files: list[str] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        files.extend(
            str(Path(root) / f)
            for f in sorted(filenames)
            if not _is_hidden(f) and not _is_folder_doc(f)
        )
    return sorted(files)


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Directories expanded recursively into their files (sorted); URLs, '-'
    and files (even missing ones, reported when read) kept as given."""
    expanded: list[str] = []
    for item in inputs:
        if item != STDIN and not is_url(item) and Path(item).is_dir():
            expanded.extend(_walk(Path(item)))
        else:
            expanded.append(item)
    return expanded


def file_kind(path: Path) -> tuple[InputKind | None, bool]:
    """(reader kind by extension, whether the file is gzipped)."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    inner = Path(name.removesuffix(".gz")).suffix
    return EXTENSION_KINDS.get(inner), gzipped


class InputReader:
    """Reads inputs with one HTTP client shared by all URLs and feed items."""

    def __init__(self, config: FetchConfig | None = None) -> None:
        self.config = config or FetchConfig()
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.config)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read(self, item: str) -> Iterator[Result]:
        """Everything in one input; bad input gives Rejections, never exceptions."""
        try:
            yield from self._read(item)
        except OSError as err:
            cause = err.strerror or type(err).__name__
            yield Rejection(item, "unreadable", f"cannot be read ({cause}); check its permissions")
        except Exception as err:  # one broken input must not end a run of thousands
            yield Rejection(
                item,
                "error",
                f"unexpected {type(err).__name__} while reading ({' '.join(str(err).split())}); "
                "please report this input",
            )

    def _read(self, item: str) -> Iterator[Result]:
        if item == STDIN:
            yield from self.read_stream(sys.stdin.buffer)
            return
        if is_url(item):
            yield from read_url(item, self.fetcher)
            return
        path = Path(item)
        if not path.exists():
            yield Rejection(item, "missing", "no such file or directory; check the path")
        elif path.is_dir():
            files = _walk(path)
            if not files:
                yield Rejection(item, "empty", "directory holds no files to read")
            for file in files:
                yield from self.read(file)
        else:
            yield from self.read_file(path, item)

    def read_stream(self, stream: BinaryIO, name: str = STDIN_NAME) -> Iterator[Result]:
        """A whole stream (stdin), its kind sniffed from the first bytes."""
        data = stream.read()
        if rejection := check_bytes(data, name):
            yield rejection
            return
        yield from self._read_data(data, sniff_kind(data), name, name)

    def read_file(self, path: Path, source: str) -> Iterator[Result]:
        kind, gzipped = file_kind(path)
        if kind is None:
            yield Rejection(
                source,
                "unsupported",
                f"unknown file type '{path.suffix or path.name}'; StoryLens reads {_SUPPORTED} "
                "(also gzipped)",
            )
            return
        if kind == "json" and gzipped:
            # Large JSON Lines dumps are streamed, never held in memory whole.
            yield from _read_gzip_lines(path, source)
            return
        data: bytes | Rejection = path.read_bytes()
        if gzipped and isinstance(data, bytes):
            data = gunzip(data, source)
        if isinstance(data, Rejection):
            yield data
            return
        if kind == "feed" and path.suffix.lower() == ".xml" and not is_feed(data):
            kind = "html" if sniff_kind(data) == "html" else kind
        yield from self._read_data(data, kind, path.name, source)

    def _read_data(self, data: bytes, kind: InputKind, name: str, source: str) -> Iterator[Result]:
        if kind == "json":
            yield from read_json_bytes(data, name, source)
        elif kind == "feed":
            yield from read_feed(data, source, self.fetcher)
        elif kind == "html":
            yield read_html(data, name, source)
        else:
            yield read_text_bytes(data, name, source)


def _read_gzip_lines(path: Path, source: str) -> Iterator[Result]:
    name = path.name.removesuffix(".gz").removesuffix(".GZ")
    try:
        with gzip.open(path, "rb") as lines:
            yield from read_json_lines(lines, name, source)
    except (gzip.BadGzipFile, EOFError, zlib.error) as err:
        yield Rejection(source, "encoding", f"is not a valid gzip file ({err}); re-compress it")
