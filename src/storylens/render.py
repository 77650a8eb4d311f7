"""Text and Markdown renderings of stories and comparisons (CLI and export)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storylens.model import Story


def stories_table(stories: Sequence[Story]) -> str:
    """A plain table: id, articles, dates, title."""
    rows = [("ID", "ARTICLES", "DATES", "TITLE")]
    for s in stories:
        first = s.first_published.isoformat() if s.first_published else "?"
        last = s.last_published.isoformat() if s.last_published else "?"
        dates = first if first == last else f"{first}..{last}"
        rows.append((s.id, str(len(s.article_ids)), dates, s.title))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = []
    for r in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(r[:3], widths, strict=True)) + "  " + r[3]
        )
    return "\n".join(lines)


def _date(entry: dict[str, Any]) -> str:
    if not entry.get("published"):
        return "date unknown"
    basis = entry.get("published_basis")
    return f"{entry['published']} ({basis})" if basis else entry["published"]


def _source(article_ids: Sequence[str]) -> str:
    return "[" + ", ".join(article_ids) + "]"


def _conflict(conflict: Any) -> str:
    """What a disputed claim's sources disagree on, each value with the article that
    gives it when the comparison says: 'sources differ (date): 2025-10-26 [a] vs ...'."""
    if not isinstance(conflict, dict) or not conflict.get("values"):
        return ""
    values = [str(v) for v in conflict["values"]]
    ids = list(conflict.get("article_ids") or [])
    if len(ids) == len(values):
        values = [f"{v} [{ref}]" for v, ref in zip(values, ids, strict=True)]
    kind = f" ({conflict['kind']})" if conflict.get("kind") else ""
    return f"sources differ{kind}: " + " vs ".join(values)


OMISSIONS_SHOWN = 5


CSV_COLUMNS = ["story_id", "story_title", "section", "label", "text", "article_ids", "detail"]


def comparison_rows(c: dict[str, Any]) -> list[list[str]]:
    """One comparison as rows of CSV_COLUMNS: its summary sentences, claims (label
    agreed/disputed/single-source, detail what disputed sources differ on), quotes (label
    the speaker, detail the kind) and timeline entries (label when, see timeline_when;
    detail the dates sources give when they differ)."""
    head = [str(c["id"]), str(c.get("title") or "")]
    rows = [
        [*head, "summary", "", s["text"], " ".join(s["article_ids"]), ""]
        for s in c.get("summary", [])
    ]
    rows += [
        [
            *head,
            "claim",
            cl["label"],
            cl["text"],
            " ".join(cl["article_ids"]),
            _conflict(cl.get("conflict")),
        ]
        for cl in c.get("claims", [])
    ]
    rows += [
        [
            *head,
            "quote",
            q["speaker"] or "",
            q["text"],
            q["article_id"],
            q["kind"] + (", anonymous" if q.get("anonymous") else ""),
        ]
        for q in c.get("quotes", [])
    ]
    rows += [
        [
            *head,
            "timeline",
            timeline_when(t),
            t["text"],
            " ".join(t["article_ids"]),
            _conflict(t.get("disputed")),
        ]
        for t in c.get("timeline", [])
    ]
    return rows


def timeline_when(entry: dict[str, Any]) -> str:
    """When a timeline entry happened, as a reader checks it: "2025-10-06", a range
    "2025-10-04/2025-10-05", either of two days "2025-10-09 or 2025-10-16", marked
    "(inferred)" when it rests on a guessed publication date."""
    when = entry.get("date") or "?"
    if entry.get("date_end") and entry["date_end"] != entry.get("date"):
        when += f"/{entry['date_end']}"
    if entry.get("alternative_date"):
        when += f" or {entry['alternative_date']}"
    return when + (" (inferred)" if entry.get("inferred") else "")


def comparison_text(c: dict[str, Any], markdown: bool = False) -> str:
    """The comparison as a reader-friendly text (or Markdown) report."""
    h1, h2 = ("# ", "## ") if markdown else ("", "")
    bullet = "- " if markdown else "  - "
    out: list[str] = [f"{h1}{c['title']}", f"story {c['id']}, {len(c['articles'])} articles", ""]

    out.append(f"{h2}Sources")
    for a in c["articles"]:
        copy = f", copy of article {a['copy_of']}" if a.get("copy_of") else ""
        out.append(f"{bullet}{a['id']}: {a.get('outlet') or 'unknown outlet'}, {_date(a)}{copy}")
        if a.get("title"):
            out.append(f"    {a['title']}")
    out.append("")

    if c.get("summary"):
        out.append(f"{h2}Summary")
        for s in c["summary"]:
            differ = "".join(
                f" (sources differ: {' vs '.join(map(str, d['values']))})"
                for d in s.get("disputed", [])
            )
            days = "".join(f" ({day_told(d)})" for d in s.get("dates", []))
            out.append(f"{bullet}{s['text']} {_source(s['article_ids'])}{differ}{days}")
        out.append("")

    if c.get("utterances"):
        out.append(f"{h2}Same quote, several sources")
        for u in c["utterances"]:
            out.append(f"{bullet}{u['speaker'] or 'unknown speaker'}:")
            for v in u["versions"]:
                out.append(f'      {v["article_id"]} ({v["kind"]}): "{v["quote"]}"')
            if u["differences"]:
                diffs = "; ".join(
                    f"{d['kind']}: {d['a'] or '∅'} / {d['b'] or '∅'}" for d in u["differences"]
                )
                out.append(f"      differences: {diffs}")
            else:
                out.append("      differences: none (word-identical)")
        out.append("")

    if c.get("claims"):
        out.append(f"{h2}Claims")
        for label in ("agreed", "disputed", "single-source"):
            claims = [cl for cl in c["claims"] if cl["label"] == label]
            if claims:
                out.append(f"{label} ({len(claims)}):")
                for cl in claims:
                    out.append(f"{bullet}{cl['text']} {_source(cl['article_ids'])}")
                    if conflict := _conflict(cl.get("conflict")):
                        out.append(f"      {conflict}")
                    only = cl.get("single_source_part")
                    if only and only != cl["text"]:
                        out.append(f"      only this source: {only}")
                    if context := cl.get("context"):
                        out.append(f"      in: {context}")
        out.append("")

    omissions = (c.get("coverage") or {}).get("omissions") or {}
    if any(omissions.values()):
        out.append(
            f"{h2}Coverage: what each outlet leaves out that two or more others report"
            " (half of them or more; with two outlets, what the other reports)"
        )
        for outlet, items in omissions.items():
            if not items:
                continue
            out.append(f"{bullet}{outlet} ({len(items)}):")
            for item in items[:OMISSIONS_SHOWN]:
                out.append(f"      {item}")
            if len(items) > OMISSIONS_SHOWN:
                out.append(f"      ... and {len(items) - OMISSIONS_SHOWN} more (--format json)")
        out.append("")

    if c.get("timeline"):
        out.append(f"{h2}Timeline")
        for t in c["timeline"]:
            line = f"{bullet}{timeline_when(t)}: {t['text']} {_source(t['article_ids'])}"
            if disputed := t.get("disputed"):
                line += f" (sources differ on the date: {' vs '.join(disputed['values'])})"
            out.append(line)
        out.append("")

    if c.get("quotes"):
        out.append(f"{h2}Quotes")
        for q in c["quotes"]:
            who = q["speaker"] or "unknown speaker"
            if q.get("anonymous"):
                who += " (anonymous)"
            # The cue tells what the words are ("praised: the firefighters", "declined
            # to say: whether ..."), as the story page shows it.
            cue = f", {q['cue']}" if q.get("cue") and q["kind"] != "direct" else ""
            when = f", {q['date']}" if q.get("date") else ""
            out.append(f'{bullet}{q["article_id"]}: {who} ({q["kind"]}{cue}{when}): "{q["text"]}"')
        out.append("")

    if c.get("people"):
        out.append(f"{h2}People")
        for p in c["people"]:
            roles = f" — {', '.join(p['roles'])}" if p.get("roles") else ""
            kind = f" ({p['kind']})" if p.get("kind", "person") != "person" else ""
            out.append(f"{bullet}{p['name']}{kind}{roles} {_source(p.get('article_ids', []))}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def day_told(d: dict[str, Any]) -> str:
    """ "Yesterday: 2013-05-14", "next Thursday: 2025-10-09 or 2025-10-16 (inferred)": a day
    a summary sentence names without its year, as its article resolved it."""
    date = d["date"] + (f" or {d['alternative']}" if d.get("alternative") else "")
    return f"{d['text']}: {date}" + (" (inferred)" if d.get("inferred") else "")
