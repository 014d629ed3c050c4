"""Exports of the events: CSV, JSON and TimelineJS3 JSON, each with administrations and citations.

CSV and JSON carry every language (``title`` and ``title_es``, ``summary`` and ``summary_es``,
...; column names stay the same whatever the reader's language, so a script that reads them
keeps working); TimelineJS JSON is a story for readers, in the current language."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Iterable

from timeline.i18n import _, category_name, current_language, format_date
from timeline.models import TRANSLATED, Event
from timeline.validate import Dataset

FORMATS = ("csv", "json", "timelinejs")
CSV_COLUMNS = (
    "id",
    "date",
    "end",
    "precision",
    "title",
    *(f"title_{lang}" for lang in TRANSLATED),
    "label",
    *(f"label_{lang}" for lang in TRANSLATED),
    "category",
    "summary",
    *(f"summary_{lang}" for lang in TRANSLATED),
    "actors",
    "amounts",
    "us_administrations",
    "mx_administrations",
    "date_phrase",
    "date_source",
    "date_anchor",
    "date_derivation",
    "date_note",
    "sources",
    "citations",
)


def event_record(dataset: Dataset, event: Event) -> dict:
    """One event as plain data: its fields, derived administrations and source citations."""
    derivation = dataset.derivations.get(event.id)
    citations = []
    for passage in dataset.passages.get(event.id, []):
        source = dataset.sources[passage.excerpt.source]
        citations.append(
            {
                "source": source.id,
                "quote": passage.excerpt.quote,
                "title": source.title,
                "outlet": source.outlet,
                "url": source.url,
                "published": source.published.date.isoformat(),
            }
        )
    data = event.model_dump(mode="json")
    data.update(
        {
            "precision": event.date.precision,
            "date_label": format_date(event.date),
            "date_derivation": derivation.status if derivation else None,
            "us_administrations": [dataset.administration(a).name for a in dataset.us_admins.get(event.id, [])],
            "mx_administrations": [dataset.administration(a).name for a in dataset.mx_admins.get(event.id, [])],
            "citations": citations,
        }
    )
    return data


def export_json(dataset: Dataset, events: Iterable[Event] | None = None) -> str:
    """The events as a JSON document ``{"events": [...]}``."""
    records = [event_record(dataset, e) for e in (dataset.events if events is None else events)]
    return json.dumps({"events": records}, ensure_ascii=False, indent=2) + "\n"


def export_csv(dataset: Dataset, events: Iterable[Event] | None = None) -> str:
    """The events as CSV, one row an event; lists are joined with "; "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for event in dataset.events if events is None else events:
        r = event_record(dataset, event)
        ev = r["date_evidence"]
        writer.writerow(
            {
                "id": r["id"],
                "date": r["date"],
                "end": r["end"] or "",
                "precision": r["precision"],
                "title": r["title"],
                "label": r["label"] or "",
                "category": r["category"],
                "summary": r["summary"],
                **{
                    f"{field}_{lang}": (r["translations"].get(lang) or {}).get(field) or ""
                    for lang in TRANSLATED
                    for field in ("title", "label", "summary")
                },
                "actors": "; ".join(r["actors"]),
                "amounts": "; ".join(f"{a['value']:.0f} {a['currency']} ({a['what']})" for a in r["amounts"]),
                "us_administrations": "; ".join(r["us_administrations"]),
                "mx_administrations": "; ".join(r["mx_administrations"]),
                "date_phrase": ev["phrase"],
                "date_source": ev["source"],
                "date_anchor": ev["anchor"],
                "date_derivation": r["date_derivation"] or "",
                "date_note": ev["note"] or "",
                "sources": "; ".join(dict.fromkeys(c["source"] for c in r["citations"])),
                "citations": " | ".join(
                    f'{c["outlet"]}, "{c["title"]}", {c["published"]}, {c["url"]}' for c in r["citations"]
                ),
            }
        )
    return out.getvalue()


def _tl_date(date) -> dict:
    parts = {"year": date.year}
    if date.month:
        parts["month"] = date.month
    if date.day:
        parts["day"] = date.day
    return parts


def export_timelinejs(dataset: Dataset, events: Iterable[Event] | None = None) -> str:
    """The events in TimelineJS3's JSON format, with the administrations as eras.

    TimelineJS renders headline and text as HTML, so every string is escaped here.
    """
    slides, lang = [], current_language()
    for event in dataset.events if events is None else events:
        r = event_record(dataset, event)
        title, _label, summary = event.text_in(lang)
        cites = "".join(
            f'<blockquote>{html.escape(c["quote"])}</blockquote><p>— <a href="{html.escape(c["url"])}">'
            f"{html.escape(c['outlet'])}, {html.escape(c['title'])}</a> ({c['published']})</p>"
            for c in r["citations"]
        )
        slide = {
            "unique_id": event.id,
            "start_date": _tl_date(event.date),
            "display_date": r["date_label"],
            "text": {"headline": html.escape(title), "text": f"<p>{html.escape(summary)}</p>{cites}"},
            "group": category_name(event.category),
        }
        if event.end:
            slide["end_date"] = _tl_date(event.end)
        slides.append(slide)
    eras = []
    for admin in dataset.administrations:
        era = {
            "start_date": {"year": admin.start.year, "month": admin.start.month, "day": admin.start.day},
            "text": {"headline": html.escape(f"{admin.country}: {admin.name_in(lang)}")},
        }
        if admin.end:
            era["end_date"] = {"year": admin.end.year, "month": admin.end.month, "day": admin.end.day}
        else:
            # TimelineJS needs an end: the open term runs to today (a far year would stretch the
            # reader's time axis over millennia and crowd every event into one column).
            today = dt.date.today()
            era["end_date"] = {"year": today.year, "month": today.month, "day": today.day}
        eras.append(era)
    doc = {
        "title": {
            "text": {
                "headline": html.escape(_("US–Mexico border cooperation")),
                "text": html.escape(_("Every event linked to the sentences that report it.")),
            }
        },
        "events": slides,
        "eras": eras,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_events(dataset: Dataset, fmt: str, events: Iterable[Event] | None = None) -> str:
    """Export in one of FORMATS."""
    return {"csv": export_csv, "json": export_json, "timelinejs": export_timelinejs}[fmt](dataset, events)
