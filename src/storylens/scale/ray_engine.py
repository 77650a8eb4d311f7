"""Analysis on Ray Data: the engine of `storylens batch`, for collections that outgrow
one machine.

The steps do not know the engine. This process (the driver) reads the inputs, and stores
each article and places it in a story, in input order and each in its own transaction,
exactly as `storylens ingest` does (storylens.service.ingest): the stories are the ones
one process makes, a crash loses at most the articles in flight, and a re-run skips what
is stored. Only the analysis, the costly step and a pure function of one article, runs
on Ray Data: `map_batches` over an actor class, so that each actor loads the models once,
in chunks of `chunk` articles (the driver holds one chunk at a time, whatever the size of
the collection), handed back in input order (`preserve_order`) and on to the caller as
they come, so that storing goes on while Ray analyzes.

Articles and analyses travel as JSON (Article.to_dict / Analysis.to_dict): rows of one
column of strings, which Arrow stores as they are, however the analyses differ.

An article whose analysis raises comes back as its rejection reason, and the others go
on. When Ray fails a chunk (an actor killed: out of memory, a crash in a model), what came
back before is kept and the rest is tried again in halves, down to the article that fails
alone: only it is lost. When the first articles fail alone too and none came back, Ray
itself is at fault (RayFailed): the run stops, and what is stored stays stored.

Measured on 2,000 ABP articles, 2 CPUs (bench/bench_pipeline.py --workers 2 [--ray]):
15.9 articles/s on a local Ray, its start included (15.1 when each chunk was stored only
once all of it was back), against 18.9 with `ingest -j 2`'s process pool: on one machine
Ray's start and each chunk's model loading cost more than they bring; it is for more
machines than one.

Ray is an optional dependency (`pip install 'storylens[ray]'`); nothing else in StoryLens
imports this module.
"""

from __future__ import annotations

import json
import logging
import socket
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, ClassVar

from storylens.model import Analysis, Article

if TYPE_CHECKING:
    from storylens.analyze.pipeline import Analyzer
    from storylens.service import Outcome

log = logging.getLogger(__name__)

# Articles per chunk: what the driver holds at a time. Each chunk starts its actors
# afresh, each loading the models (a few seconds): 1,024 articles keep that under a
# twentieth of the chunk's time on two CPUs.
CHUNK = 1024
# Articles per call of an actor: small, so that two actors share a short chunk.
BATCH = 8
# A failed chunk whose first articles fail alone too, none having come back, is Ray's
# failure.
FIRST_FAILURES = 2


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster at the given address cannot be reached."""


class RayFailed(RuntimeError):
    """Ray fails every article it is given, one at a time too: the engine, not an
    article, is at fault. What is stored stays stored; the run can be started again."""


class _AnalyzeBatch:
    """A Ray Data actor: the models loaded once, then batches of articles analyzed. Its
    analyzer's settings are a class attribute (see _actor_class), not constructor
    arguments, which Ray would keep in its object store for the actor's restarts."""

    kind: ClassVar[type[Analyzer] | None] = None
    settings: ClassVar[dict[str, Any]] = {}

    def __init__(self) -> None:
        assert self.kind is not None, "an actor class is made by _actor_class"
        self.analyzer = self.kind(**self.settings)
        self.analyzer.setup()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        analyses: list[str] = []
        errors: list[str] = []
        for text in batch["article"]:
            try:
                article = Article.from_dict(json.loads(text))
                analyses.append(json.dumps(self.analyzer.process(article).to_dict()))
                errors.append("")
            except Exception as exc:
                analyses.append("")
                errors.append(f"could not be ingested: {exc}")
        return {"key": list(batch["key"]), "analysis": analyses, "error": errors}


@dataclass(slots=True)
class _Failures:
    """What failed in one chunk: the chunk's error, and how many articles failed alone
    before any article of the chunk came back."""

    reason: str = ""
    alone: int = 0
    came_back: int = 0  # articles Ray has handed back, analyzed or with their own error


class RayAnalysis:
    """Articles analyzed on Ray Data, handed back in input order; the interface of
    storylens.service.ParallelAnalysis (`run`), so that `ingest` takes either.

    `address` is a running cluster's ("auto", "ray://host:10001"); without one a local
    Ray is started with `workers` CPUs and shut down on exit."""

    def __init__(
        self,
        analyzer: Analyzer,
        workers: int = 2,
        *,
        address: str | None = None,
        chunk: int = CHUNK,
    ) -> None:
        self.analyzer = analyzer
        self.workers = max(1, workers)
        self.address = address
        self.chunk = max(1, chunk)
        self._started = False

    def __enter__(self) -> RayAnalysis:
        try:
            import ray
            import ray.data
        except ImportError as exc:
            raise RayUnavailable("Ray is not installed: pip install 'storylens[ray]'") from exc
        if not ray.is_initialized():
            if self.address:
                _check_reachable(self.address)
            try:
                if self.address:
                    ray.init(address=self.address, log_to_driver=False, logging_level=logging.ERROR)
                else:
                    ray.init(
                        num_cpus=self.workers,
                        include_dashboard=False,
                        log_to_driver=False,
                        logging_level=logging.ERROR,
                    )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = self.address or "a local Ray"
                raise RayUnavailable(f"{where}: {exc}") from exc
            self._started = True
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True
        context.enable_progress_bars = False  # the caller shows its own progress
        # Ray's own logs stay off the terminal: a failure reaches the caller as an
        # article's rejection reason or as RayFailed, in one line.
        logging.getLogger("ray").setLevel(logging.ERROR)
        logging.getLogger("ray.data").setLevel(logging.CRITICAL)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False

    def run(
        self, articles: Iterable[Article], skip: Callable[[str], bool]
    ) -> Iterator[tuple[Article, Outcome]]:
        """(article, outcome) in input order. Articles `skip` knows by their hash are
        not sent (outcome None: the caller finds them stored). Each article is handed on
        as soon as it and those before it are back, so that the caller stores while Ray
        analyzes."""
        source = iter(articles)
        while chunk := list(islice(source, self.chunk)):
            yield from self._chunk(chunk, skip)

    def _chunk(
        self, chunk: list[Article], skip: Callable[[str], bool]
    ) -> Iterator[tuple[Article, Outcome]]:
        todo = {k: article for k, article in enumerate(chunk) if not skip(article.hash)}
        out: dict[int, Outcome] = {}
        failed = _Failures()
        done = 0  # articles of the chunk handed on

        def ready() -> Iterator[tuple[Article, Outcome]]:
            nonlocal done
            while done < len(chunk) and (done not in todo or done in out):
                yield chunk[done], out.pop(done, None)
                done += 1

        rows = self._rows(todo)
        while True:
            # The caller's work on each article runs outside this try: an error of its
            # own is never taken for Ray's.
            try:
                key, outcome = next(rows)
            except StopIteration:
                break
            except Exception as exc:
                rest = {k: a for k, a in todo.items() if k >= done and k not in out}
                self._retry(rest, out, failed, _reason(exc))
                break
            out[key] = outcome
            failed.came_back += 1
            yield from ready()
        missing = {k: a for k, a in todo.items() if k >= done and k not in out}
        if missing and not failed.reason:
            self._retry(missing, out, failed, f"{len(missing)} articles came back empty")
        yield from ready()

    def _settle(self, todo: dict[int, Article], out: dict[int, Outcome], failed: _Failures) -> None:
        """Fill `out` with what Ray hands back for the articles of `todo`, and with the
        reason of each it fails. What comes back before a failure is kept; the rest is
        tried again in halves, down to the one article that fails."""
        try:
            for key, outcome in self._rows(todo):
                out[key] = outcome
                failed.came_back += 1
        except Exception as exc:
            rest = {k: a for k, a in todo.items() if k not in out}
            self._retry(rest, out, failed, _reason(exc))
            return
        missing = {k: a for k, a in todo.items() if k not in out}
        if missing:
            self._retry(missing, out, failed, f"{len(missing)} articles came back empty")

    def _retry(
        self, rest: dict[int, Article], out: dict[int, Outcome], failed: _Failures, reason: str
    ) -> None:
        failed.reason = failed.reason or reason
        if len(rest) > 1:
            log.warning(
                "Ray failed %d articles (%s); trying them again in halves", len(rest), reason
            )
            keys = list(rest)
            half = len(keys) // 2
            for part in (keys[:half], keys[half:]):
                self._settle({k: rest[k] for k in part}, out, failed)
            return
        if not failed.came_back:
            failed.alone += len(rest)
            if failed.alone >= FIRST_FAILURES:
                # The first articles fail alone as their chunk did, and none came back:
                # Ray, not they, is at fault.
                raise RayFailed(failed.reason)
        for k in rest:
            out[k] = f"could not be analyzed: {reason}"

    def _rows(self, todo: dict[int, Article]) -> Iterator[tuple[int, Outcome]]:
        """(key, outcome) of each article as Ray hands it back, in input order."""
        if not todo:
            return
        import ray.data

        rows = [{"key": k, "article": json.dumps(a.to_dict())} for k, a in todo.items()]
        actors = min(self.workers, max(1, -(-len(rows) // BATCH)))
        with warnings.catch_warnings():
            # Ray Data passes the named remote parameters on in its deprecated form.
            warnings.filterwarnings("ignore", message=".*ray_remote_args.*")
            dataset = self._map(ray, rows, actors)
        for row in dataset.iter_rows():
            if row["error"]:
                yield int(row["key"]), str(row["error"])
            else:
                yield int(row["key"]), Analysis.from_dict(json.loads(row["analysis"]))

    def _map(self, ray: Any, rows: list[dict[str, Any]], actors: int) -> Any:
        return ray.data.from_items(rows).map_batches(
            _actor_class(self.analyzer),
            batch_size=BATCH,
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=actors),
            # An actor that dies is not restarted: its chunk fails and is analyzed again
            # an article at a time (see _analyze), which finds the article that kills it.
            max_restarts=0,
        )


# Seconds to wait for a cluster's port before saying it cannot be reached: Ray itself
# retries an unreachable head for minutes.
CONNECT_TIMEOUT = 5.0


def _check_reachable(address: str) -> None:
    """Raise RayUnavailable when `address` names a host and port nothing listens on
    ("auto" is looked up by Ray, which says at once when no cluster runs here)."""
    target = address.removeprefix("ray://")
    host, sep, port = target.rpartition(":")
    if not sep or not port.isdigit():
        return
    try:
        with socket.create_connection((host or "127.0.0.1", int(port)), CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        raise RayUnavailable(f"cannot reach a Ray cluster at {address}: {exc}") from exc


def _actor_class(analyzer: Analyzer) -> type[_AnalyzeBatch]:
    """An actor class analyzing as `analyzer` does."""
    attributes = {"kind": type(analyzer), "settings": analyzer.settings()}
    return type("AnalyzeArticles", (_AnalyzeBatch,), attributes)


def _reason(exc: BaseException) -> str:
    """The first line of an error, without Ray's wrapping."""
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__
