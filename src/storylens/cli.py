"""The `storylens` command: a thin layer over the library.

Data goes to standard output, logs, progress and errors to standard error.
Exit status: 0 on success, 1 when an input was rejected or a command failed,
2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from storylens import __version__
from storylens.errors import StoryLensError

DEFAULT_DB = "storylens.db"
# More inputs than this get a progress bar (unless --quiet).
PROGRESS_THRESHOLD = 5
EVALUATIONS = {
    "quotes": "storylens.eval.quotes",
    "time": "storylens.eval.time",
    "stories": "storylens.eval.stories",
    "summary": "storylens.eval.summary",
}


def _open(args: argparse.Namespace) -> Any:
    from storylens.store import open_store

    return open_store(args.db)


def _print(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


# -- ingest -----------------------------------------------------------------
def _workers(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"needs 0 or more processes, not {n}")
    return n or os.cpu_count() or 1


def _print_report(report: Any, fmt: str) -> None:
    """An ingest or reanalyze report: one line per rejection and the counts on stderr,
    or the counts as JSON on stdout."""
    for rejection in report.rejections:
        print(f"rejected: {rejection}", file=sys.stderr)
    if fmt == "json":
        _print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.summary(), file=sys.stderr)


def cmd_ingest(args: argparse.Namespace, engine: Any = None) -> int:
    from storylens.analyze.pipeline import ANALYZER_NAME
    from storylens.ingest import expand_inputs
    from storylens.service import ingest

    items = expand_inputs(args.inputs)
    with _open(args) as store:
        if args.quiet or (len(items) <= PROGRESS_THRESHOLD and not sys.stderr.isatty()):
            report = ingest(store, items, workers=args.workers, engine=engine)
        else:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            columns = (
                TextColumn("inputs"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
            )
            with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
                task = progress.add_task("", total=len(items))
                report = ingest(
                    store,
                    items,
                    workers=args.workers,
                    engine=engine,
                    on_item=lambda _: progress.advance(task),
                    on_article=lambda r: progress.update(
                        task, description=f"articles: {r.read} read, {r.new} new"
                    ),
                )
        stale = store.count_analyses_not_by(ANALYZER_NAME)
    _print_report(report, args.format)
    if args.format != "json" and report.new == 0 and report.duplicate and not report.rejections:
        print("nothing new: every article was already stored", file=sys.stderr)
    if stale:
        print(
            f"note: {stale} stored articles were analyzed by an older StoryLens; "
            "`storylens reanalyze` brings them up to date",
            file=sys.stderr,
        )
    return 1 if report.rejections else 0


def cmd_batch(args: argparse.Namespace) -> int:
    """`ingest` with the analysis on Ray Data (see storylens.scale.ray_engine)."""
    from storylens.analyze.pipeline import Analyzer
    from storylens.scale.ray_engine import RayAnalysis, RayFailed, RayUnavailable

    engine = RayAnalysis(Analyzer(), args.workers, address=args.address, chunk=args.chunk)
    try:
        engine.__enter__()
    except RayUnavailable as exc:
        print(f"storylens batch: {exc}", file=sys.stderr)
        return 2
    try:
        return cmd_ingest(args, engine=engine)
    except RayFailed as exc:
        print(
            f"storylens batch: Ray failed ({exc}); the articles stored so far stay stored, "
            "run the command again to go on",
            file=sys.stderr,
        )
        return 2
    finally:
        engine.__exit__(None, None, None)


# -- stories / show / export -------------------------------------------------
def cmd_stories(args: argparse.Namespace) -> int:
    from storylens.render import stories_table

    with _open(args) as store:
        stories = store.list_stories()
    if args.format == "json":
        _print(json.dumps([s.to_dict() for s in stories], indent=2))
    elif args.format == "jsonl":
        for s in stories:
            _print(json.dumps(s.to_dict()))
    else:
        _print(
            stories_table(stories)
            if stories
            else "no stories yet: `storylens ingest PATH` adds articles"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from storylens.compare import compare_story
    from storylens.render import comparison_text

    with _open(args) as store:
        comparison = compare_story(store, args.story)
        if args.abstractive:
            comparison = {**comparison, "summary": abstractive_summary(store, comparison)}
    if args.format == "json":
        _print(json.dumps(comparison, indent=2, ensure_ascii=False))
    else:
        _print(comparison_text(comparison, markdown=args.format == "markdown"))
    return 0


def abstractive_summary(store: Any, comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary written by the OpenAI-compatible model the user configured
    (STORYLENS_LLM_ENDPOINT, STORYLENS_LLM_MODEL, STORYLENS_LLM_API_KEY); its
    sentences keep only citations the articles support."""
    from storylens.compare import story_items
    from storylens.compare.summary_llm import llm_settings_from_env, summarize_abstractive

    settings = llm_settings_from_env()
    if settings is None:
        raise StoryLensError(
            "--abstractive needs a model: set STORYLENS_LLM_ENDPOINT (an OpenAI-compatible "
            "server) and STORYLENS_LLM_MODEL, and STORYLENS_LLM_API_KEY if it wants one"
        )
    items = story_items(store, comparison["id"])
    return summarize_abstractive(
        items, comparison["claims"], settings.endpoint, settings.model, settings.api_key
    )


def cmd_export(args: argparse.Namespace) -> int:
    from storylens.compare import compare_story
    from storylens.render import CSV_COLUMNS, comparison_rows, comparison_text

    with _open(args) as store:
        comparisons = [compare_story(store, s.id) for s in store.list_stories()]
    out = io.StringIO()
    if args.format == "json":
        json.dump(comparisons, out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "markdown":
        out.write("\n\n".join(comparison_text(c, markdown=True) for c in comparisons))
    else:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for c in comparisons:
            writer.writerows(comparison_rows(c))
    if args.output and args.output != "-":
        Path(args.output).write_text(out.getvalue(), encoding="utf-8")
        print(f"wrote {len(comparisons)} stories to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(out.getvalue())
    return 0


# -- analyze -------------------------------------------------------------------
def analysis_record(article: Any, analysis: Any) -> dict[str, Any]:
    """One article's analysis in the contract of DESIGN.md."""
    return {
        "id": article.id,
        "path": article.source,
        "title": article.title,
        "outlet": article.outlet,
        "published": analysis.published.isoformat() if analysis.published else None,
        "published_basis": analysis.published_basis,
        "text": article.text,
        "people": [p.to_dict() for p in analysis.people],
        "quotes": [q.to_dict() for q in analysis.quotes],
        "times": [t.to_dict() for t in analysis.times],
        "events": [e.to_dict() for e in analysis.events],
    }


def cmd_analyze(args: argparse.Namespace) -> int:
    from storylens.analyze.pipeline import Analyzer
    from storylens.ingest import read_inputs
    from storylens.model import Rejection

    published = date.fromisoformat(args.published) if args.published else None
    analyzer = Analyzer()
    rejected = 0
    records = []
    for result in read_inputs(args.inputs):
        if isinstance(result, Rejection):
            print(f"rejected: {result}", file=sys.stderr)
            rejected += 1
            continue
        record = analysis_record(result, analyzer.process(result, published=published))
        if args.format == "jsonl":
            _print(json.dumps(record, ensure_ascii=False))
        else:
            records.append(record)
    if args.format == "json":
        _print(json.dumps(records, indent=2, ensure_ascii=False))
    return 1 if rejected else 0


# -- grouping --------------------------------------------------------------------
def cmd_regroup(args: argparse.Namespace) -> int:
    from storylens.group.stories import regroup

    with _open(args) as store:
        report = regroup(store)
    _print(str(report))
    return 0


def cmd_reanalyze(args: argparse.Namespace) -> int:
    from storylens.service import reanalyze

    with _open(args) as store:
        if args.quiet or not sys.stderr.isatty():
            report = reanalyze(store, workers=args.workers, everything=args.all)
        else:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn

            columns = (SpinnerColumn(), TextColumn("{task.description}"))
            with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
                task = progress.add_task("checking the stored analyses")
                report = reanalyze(
                    store,
                    workers=args.workers,
                    everything=args.all,
                    on_article=lambda r: progress.update(
                        task, description=f"articles: {r.reanalyzed} reanalyzed"
                    ),
                )
    _print_report(report, args.format)
    return 1 if report.rejections else 0


def cmd_merge(args: argparse.Namespace) -> int:
    from storylens.group.stories import merge_stories

    with _open(args) as store:
        story_id = merge_stories(store, args.a, args.b)
    _print(f"merged into {story_id}")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    from storylens.group.stories import split_story

    with _open(args) as store:
        keys = []
        for ident in args.articles:
            if ident.isdigit():
                keys.append(int(ident))
                continue
            found = [a.key for a in store.find_articles(ident) if a.story_id == args.story]
            if not found:
                raise StoryLensError(f"story {args.story} holds no article {ident!r}")
            keys.extend(found)
        new_id = split_story(store, args.story, keys)
    _print(f"split {len(keys)} articles into {new_id}")
    return 0


# -- serve / eval ---------------------------------------------------------------
def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from storylens.web.app import create_app

    app = create_app(args.db)
    print(f"StoryLens on http://{args.host}:{args.port} (store: {args.db})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    module = importlib.import_module(EVALUATIONS[args.eval_kind])
    result: int = module.run(args)
    return result


# -- parser ------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="storylens",
        description="One news story, every source, side by side.",
    )
    parser.add_argument("--version", action="version", version=f"storylens {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_help = (
        f"store: a SQLite file or a postgresql:// URL (default {DEFAULT_DB}, or $STORYLENS_DB)"
    )
    default_db = os.environ.get("STORYLENS_DB", DEFAULT_DB)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", default=default_db, help=db_help)
        return p

    def with_inputs(p: argparse.ArgumentParser) -> None:
        """The inputs of the commands that read articles (ingest, batch)."""
        p.add_argument(
            "inputs",
            nargs="+",
            metavar="PATH|URL",
            help="files, folders, feeds, page URLs, or - for stdin",
        )

    def with_analysis_options(p: argparse.ArgumentParser) -> None:
        """Options of the commands that analyze articles (ingest, batch, reanalyze)."""
        p.add_argument("-q", "--quiet", action="store_true", help="no progress display")
        p.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json: the counts as JSON on stdout",
        )
        p.add_argument(
            "-j",
            "--workers",
            type=_workers,
            default=1,
            metavar="N",
            help="analyze in N processes (0: one per CPU; default 1). Each loads the models "
            "once, which pays off from a few hundred articles on; the result is the same",
        )

    p = with_db(
        sub.add_parser("ingest", help="read articles, store them and group them into stories")
    )
    with_inputs(p)
    with_analysis_options(p)
    p.set_defaults(func=cmd_ingest)

    p = with_db(
        sub.add_parser(
            "batch",
            help="ingest with the analysis on Ray Data, for collections that outgrow one "
            "machine (needs storylens[ray])",
            description="Read, store and group articles as `ingest` does, with the "
            "analysis spread over a Ray cluster: each Ray worker loads the models once, "
            "articles go out in chunks and come back in input order, and this process "
            "stores each one and places it in a story. Use a PostgreSQL --db for a team "
            "store. Re-running is safe: stored articles are skipped.",
        )
    )
    with_inputs(p)
    with_analysis_options(p)
    p.add_argument(
        "--address",
        metavar="ADDRESS",
        help="a running Ray cluster ('auto', 'ray://HOST:10001'); default: start a local "
        "Ray with -j CPUs",
    )
    p.add_argument(
        "--chunk",
        type=int,
        default=1024,
        metavar="N",
        help="articles sent to Ray at a time (default 1024): what this process holds at "
        "once; each chunk starts its Ray workers, which load the models, afresh",
    )
    p.set_defaults(func=cmd_batch)

    p = with_db(sub.add_parser("stories", help="list the stories"))
    p.add_argument("--format", choices=["table", "json", "jsonl"], default="table")
    p.set_defaults(func=cmd_stories)

    p = with_db(sub.add_parser("show", help="compare the sources of one story"))
    p.add_argument("story", metavar="STORY", help="story id (see `storylens stories`)")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text")
    p.add_argument(
        "--abstractive",
        action="store_true",
        help="summary written by the model at $STORYLENS_LLM_ENDPOINT (never the default)",
    )
    p.set_defaults(func=cmd_show)

    p = with_db(
        sub.add_parser("export", help="write every story's comparison as JSON, Markdown or CSV")
    )
    p.add_argument("--format", choices=["json", "markdown", "csv"], default="json")
    p.add_argument("-o", "--output", help="file to write (default: stdout)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "analyze", help="analyze articles without storing them (one JSON object each)"
    )
    p.add_argument("inputs", nargs="+", metavar="PATH|URL")
    p.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
    p.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date to anchor relative dates"
    )
    p.set_defaults(func=cmd_analyze)

    p = with_db(
        sub.add_parser("regroup", help="re-cluster all articles into stories, keeping story ids")
    )
    p.set_defaults(func=cmd_regroup)
    p = with_db(
        sub.add_parser(
            "reanalyze",
            help="analyze again the articles an older StoryLens analyzed (after an upgrade)",
        )
    )
    p.add_argument("--all", action="store_true", help="every article, not only outdated ones")
    with_analysis_options(p)
    p.set_defaults(func=cmd_reanalyze)
    p = with_db(sub.add_parser("merge", help="merge story B into story A (survives regrouping)"))
    p.add_argument("a", metavar="A")
    p.add_argument("b", metavar="B")
    p.set_defaults(func=cmd_merge)
    p = with_db(
        sub.add_parser(
            "split", help="move articles out of a story into a new one (survives regrouping)"
        )
    )
    p.add_argument("story", metavar="STORY")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article ids or store keys")
    p.set_defaults(func=cmd_split)

    p = with_db(sub.add_parser("serve", help="serve the web app and JSON API"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="score StoryLens on a gold corpus")
    eval_sub = p.add_subparsers(dest="eval_kind", required=True, metavar="KIND")
    for kind, module_name in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise  # a broken evaluation must not disappear from the command line
            continue
        doc = getattr(module, "HELP", None)
        ep = eval_sub.add_parser(
            kind,
            help=(doc or kind).strip().splitlines()[0],
            description=doc,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(ep)
        ep.set_defaults(func=cmd_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        code: int = args.func(args)
        return code
    except StoryLensError as exc:
        print(f"storylens: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("storylens: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
