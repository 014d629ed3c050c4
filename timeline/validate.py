"""Load the three data files and the articles, and prove every claim in them.

``load_dataset`` either returns a Dataset in which every quote has been found in its
article and every date follows from its evidence, or raises DataError with every problem
at once, each located by file and line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import gc
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR
from timeline.dates import (
    Derivation,
    Resolution,
    check_derivation,
    is_finer,
    parse_absolute,
    resolve_phrase,
    starts_on,
    truncate,
)
from timeline.errors import DataError, Problem, display_path
from timeline.loading import YamlDoc, read_yaml
from timeline.models import Administration, Event, Excerpt, Source
from timeline.sources import Article, check_source_path, read_article

SOURCES_FILE = "sources.yaml"
ADMINISTRATIONS_FILE = "administrations.yaml"
EVENTS_FILE = "events.yaml"


@dataclass(frozen=True)
class Passage:
    """A verified excerpt: where its quote sits in the article's whitespace-collapsed text
    (``Article.span_at(at, length)`` gives the span in the original)."""

    excerpt: Excerpt
    at: int
    length: int


@dataclass
class Dataset:
    """Everything the page and the exports need, all of it verified."""

    data_dir: Path
    seeds_dir: Path
    sources: dict[str, Source]
    administrations: list[Administration]
    events: list[Event]  # in time order
    articles: dict[str, Article]  # by source id
    derivations: dict[str, Derivation]  # by event id
    passages: dict[str, list[Passage]]  # by event id
    us_admins: dict[str, list[str]]  # event id -> administration ids
    mx_admins: dict[str, list[str]]
    published_status: dict[str, str]  # source id -> auto | manual
    lines: dict[str, int] = field(default_factory=dict)  # event id -> line in events.yaml

    @functools.cached_property
    def year_range(self) -> tuple[int, int]:
        """The first and last year any event touches (computed once)."""
        if not self.events:
            return (2000, 2000)
        return (min(e.first_day().year for e in self.events), max(e.last_day().year for e in self.events))

    @functools.cached_property
    def quotes_by_source(self) -> dict[str, set[str]]:
        """Every quote any event cites, by source id (computed once)."""
        quotes: dict[str, set[str]] = defaultdict(set)
        for passages in self.passages.values():
            for p in passages:
                quotes[p.excerpt.source].add(p.excerpt.quote)
        return dict(quotes)

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or None."""
        index = self._positions.get(event_id)
        return None if index is None else self.events[index]

    def index_of(self, event_id: str) -> int:
        """The event's position in time order (KeyError for an unknown id)."""
        return self._positions[event_id]

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        return {e.id: i for i, e in enumerate(self.events)}

    def administration(self, admin_id: str) -> Administration:
        """The administration with this id."""
        return next(a for a in self.administrations if a.id == admin_id)

    def counts(self) -> dict[str, int]:
        """The figures ``validate`` prints."""
        statuses = [d.status for d in self.derivations.values()]
        return {
            "events": len(self.events),
            "sources": len(self.sources),
            "administrations": len(self.administrations),
            "excerpts": sum(len(p) for p in self.passages.values()),
            "dates_auto": statuses.count("auto"),
            "dates_manual": statuses.count("manual"),
            "published_auto": list(self.published_status.values()).count("auto"),
            "published_manual": list(self.published_status.values()).count("manual"),
        }


def load_dataset(data_dir: Path | None = None, seeds_dir: Path | None = None) -> Dataset:
    """Load and verify a dataset; raise DataError with every problem found."""
    # Loading allocates millions of small objects that all live on: the cyclic garbage
    # collector would scan them again and again for nothing (a third of the time at 10,000 events).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_dataset(data_dir, seeds_dir)
    finally:
        if enabled:
            gc.enable()


def _load_dataset(data_dir: Path | None, seeds_dir: Path | None) -> Dataset:
    data_dir = Path(data_dir or DEFAULT_DATA_DIR)
    seeds_dir = Path(seeds_dir or DEFAULT_SEEDS_DIR)
    problems: list[Problem] = []
    if not seeds_dir.is_dir():
        problems.append(Problem(display_path(seeds_dir), None, "seeds folder not found", hint="pass --seeds-dir"))

    docs = {}
    for name, key in ((SOURCES_FILE, "sources"), (ADMINISTRATIONS_FILE, "administrations"), (EVENTS_FILE, "events")):
        docs[key] = _read_list_file(data_dir / name, key, problems)

    sources = _build_items(docs["sources"], "sources", "source", Source, problems)
    admins = _build_items(docs["administrations"], "administrations", "administration", Administration, problems)
    events = _build_items(docs["events"], "events", "event", Event, problems)

    articles: dict[str, Article] = {}
    published_status: dict[str, str] = {}
    if seeds_dir.is_dir():
        for i, source in sources:
            _check_source(source, i, docs["sources"], seeds_dir, articles, published_status, problems)
    _check_administrations(admins, docs["administrations"], problems)

    source_by_id = {s.id: s for _, s in sources}
    # Sources that exist but failed their own checks: events citing them are not "unknown".
    items = docs["sources"].data["sources"] if docs["sources"] else []
    named = [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
    broken_sources = set(named) - set(source_by_id)
    # Unless every source's id could be read, a cited source may be one of the unreadable ones.
    ids_read = docs["sources"] is not None and len(named) == len(items)
    admin_list = [a for _, a in admins]
    derivations: dict[str, Derivation] = {}
    passages: dict[str, list[Passage]] = {}
    us_admins: dict[str, list[str]] = {}
    mx_admins: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    for i, event in events:
        doc = docs["events"]
        lines[event.id] = doc.line_of(("events", i))
        checker = _EventChecker(event, i, doc, source_by_id, articles, problems, broken_sources, ids_read)
        passages[event.id] = checker.check_excerpts()
        derivation = checker.check_date()
        if derivation:
            derivations[event.id] = derivation
        checker.check_reported_after()
        us, mx = checker.check_administrations(admin_list) if admin_list else ([], [])
        us_admins[event.id], mx_admins[event.id] = us, mx

    if problems:
        raise DataError(problems)
    ordered = sorted((e for _, e in events), key=lambda e: (e.first_day(), e.last_day(), e.id))
    return Dataset(
        data_dir=data_dir,
        seeds_dir=seeds_dir,
        sources=source_by_id,
        administrations=sorted(admin_list, key=lambda a: (a.country, a.start)),
        events=ordered,
        articles=articles,
        derivations=derivations,
        passages=passages,
        us_admins=us_admins,
        mx_admins=mx_admins,
        published_status=published_status,
        lines=lines,
    )


def _read_list_file(path: Path, key: str, problems: list[Problem]) -> YamlDoc | None:
    """Read a data file whose top level is ``key: [ ... ]``."""
    try:
        doc = read_yaml(path)
    except DataError as exc:
        problems.extend(exc.problems)
        return None
    data = doc.data
    if not isinstance(data, dict) or key not in data:
        problems.append(
            Problem(
                doc.display,
                1,
                f'the file must be a mapping with a top-level "{key}:" list',
                hint=f"start it with {key}:",
            )
        )
        return None
    for other in data:
        if other != key:
            problems.append(
                Problem(
                    doc.display,
                    doc.line_of((other,)),
                    f'unknown top-level key "{other}"',
                    hint=f'only "{key}" is allowed',
                )
            )
    if not isinstance(data[key], list):
        problems.append(
            Problem(doc.display, doc.line_of((key,)), f'"{key}" must be a list of entries, each starting with "- "')
        )
        return None
    return doc


def _subject(kind: str, item: Any, index: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("id"), str) and item["id"].strip():
        return f'{kind} "{item["id"]}"'
    return f"{kind} #{index + 1}"


def _build_items(doc: YamlDoc | None, key: str, kind: str, model: type[BaseModel], problems: list[Problem]) -> list:
    """Validate each entry on its own, so one bad entry does not hide the others' problems."""
    if doc is None:
        return []
    built, first_line = [], {}
    for i, item in enumerate(doc.data[key]):
        subject = _subject(kind, item, i)
        if not isinstance(item, dict):
            problems.append(
                Problem(doc.display, doc.line_of((key, i)), f"each {kind} must be a mapping of keys", subject)
            )
            continue
        try:
            obj = model.model_validate(item)
        except ValidationError as exc:
            problems.extend(_describe_validation(exc, doc, (key, i), subject, model))
            continue
        line = doc.line_of((key, i, "id"))
        if obj.id in first_line:
            problems.append(
                Problem(
                    doc.display,
                    line,
                    f'id "{obj.id}" is used twice (first on line {first_line[obj.id]})',
                    subject,
                    "id",
                    hint="ids must be unique; rename one",
                )
            )
            continue
        first_line[obj.id] = line
        built.append((i, obj))
    return built


def _field_name(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed in the mapping at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = None
        if info is not None:
            annotation = info.annotation
            for candidate in (annotation, *getattr(annotation, "__args__", ())):
                if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                    current = candidate
                for inner in getattr(candidate, "__args__", ()):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        current = inner
    return list(current.model_fields) if current is not None else []


def _describe_validation(exc: ValidationError, doc: YamlDoc, base: tuple, subject: str, model) -> list[Problem]:
    found = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        line = doc.line_of(base + loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            allowed = _allowed_keys(model, loc[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f'did you mean "{close[0]}"?' if close else f"allowed keys: {', '.join(allowed)}"
            found.append(
                Problem(doc.display, line, f'unknown key "{loc[-1]}"', subject, _field_name(loc[:-1]) or None, hint)
            )
            continue
        if kind == "missing":
            found.append(
                Problem(
                    doc.display,
                    line,
                    f'required key "{loc[-1]}" is missing',
                    subject,
                    _field_name(loc[:-1]) or None,
                    hint=f"add {loc[-1]}: …",
                )
            )
            continue
        message = err["msg"].removeprefix("Value error, ")
        value = err.get("input")
        if (
            isinstance(value, (str, int, float))
            and not isinstance(value, bool)
            and len(str(value)) <= 60
            and str(value) not in message
        ):
            message += f" (got {value!r})"
        found.append(Problem(doc.display, line, message, subject, _field_name(loc)))
    return found


def _check_source(source, index, doc, seeds_dir, articles, published_status, problems) -> None:
    where = doc.line_of(("sources", index, "file"))
    subject = f'source "{source.id}"'
    reason = check_source_path(seeds_dir, source.file)
    if reason:
        problems.append(Problem(doc.display, where, reason, subject, "file"))
        return
    try:
        article = read_article(seeds_dir / source.file)
    except DataError as exc:
        for p in exc.problems:  # the article's own problem, then where it is referenced
            problems.append(p)
            if p.line is None:
                problems.append(
                    Problem(doc.display, where, f"{p.file}: {p.message}", subject, "file", hint="check the file name")
                )
        return
    articles[source.id] = article
    pub = source.published
    line = doc.line_of(("sources", index, "published"))
    if pub.found_in == "record":
        if not pub.note:
            problems.append(
                Problem(
                    doc.display,
                    line,
                    "a date found in the record needs a note saying how it is known",
                    subject,
                    "published.note",
                )
            )
        published_status[source.id] = "manual"
        return
    if not pub.phrase:
        problems.append(
            Problem(
                doc.display,
                line,
                f"give the phrase in the {pub.found_in} that shows the date",
                subject,
                "published.phrase",
            )
        )
        return
    haystack_ok = article.locate(pub.phrase) is not None if pub.found_in == "text" else pub.phrase in source.url
    if not haystack_ok:
        where_text = "the article" if pub.found_in == "text" else "the url"
        problems.append(
            Problem(
                doc.display,
                doc.line_of(("sources", index, "published", "phrase")),
                f'"{pub.phrase}" is not in {where_text}',
                subject,
                "published.phrase",
            )
        )
        return
    parsed = parse_absolute(pub.phrase, source.language)
    if parsed is None or parsed.date() != pub.date:
        got = parsed.date().isoformat() if parsed else "nothing"
        problems.append(
            Problem(
                doc.display,
                doc.line_of(("sources", index, "published", "date")),
                f'"{pub.phrase}" parses to {got}, not {pub.date}',
                subject,
                "published.date",
                hint="a page stamp is not always the publication date; check the evidence",
            )
        )
        return
    published_status[source.id] = "auto"


def _check_administrations(admins, doc, problems) -> None:
    by_country = defaultdict(list)
    for i, a in admins:
        by_country[a.country].append((i, a))
        if a.end is not None and a.end < a.start:
            problems.append(
                Problem(
                    doc.display,
                    doc.line_of(("administrations", i, "end")),
                    f"end {a.end} is before start {a.start}",
                    f'administration "{a.id}"',
                    "end",
                )
            )
    for _country, terms in by_country.items():
        terms.sort(key=lambda t: t[1].start)
        for (_, prev), (j, nxt) in itertools.pairwise(terms):
            subject = f'administration "{nxt.id}"'
            line = doc.line_of(("administrations", j, "start"))
            if prev.end is None:
                problems.append(
                    Problem(
                        doc.display,
                        line,
                        f'starts while "{prev.id}" has no end',
                        subject,
                        "start",
                        hint=f'give "{prev.id}" an end date',
                    )
                )
            elif (nxt.start - prev.end).days > 1:  # not prev.end + 1 day: 9999-12-31 has no next day
                problems.append(
                    Problem(doc.display, line, f'leaves a gap after "{prev.id}" (ended {prev.end})', subject, "start")
                )
            elif nxt.start < prev.end:
                problems.append(
                    Problem(doc.display, line, f'overlaps "{prev.id}" (ended {prev.end})', subject, "start")
                )


class _EventChecker:
    """The checks on one event; each appends problems instead of stopping at the first."""

    def __init__(
        self,
        event: Event,
        index: int,
        doc: YamlDoc,
        sources: dict[str, Source],
        articles: dict[str, Article],
        problems: list[Problem],
        broken_sources: set = frozenset(),
        sources_read: bool = True,
    ):
        self.event, self.index, self.doc = event, index, doc
        self.broken_sources = broken_sources
        self.sources_read = sources_read  # False when some source ids could not be read: none is "unknown"
        self.sources, self.articles, self.problems = sources, articles, problems
        self.subject = f'event "{event.id}"'

    def _add(self, loc: tuple, field_name: str, message: str, hint: str | None = None) -> None:
        line = self.doc.line_of(("events", self.index, *loc))
        self.problems.append(Problem(self.doc.display, line, message, self.subject, field_name, hint))

    def _article(self, source_id: str, loc: tuple, field_name: str) -> Article | None:
        if source_id in self.broken_sources or not self.sources_read:
            return None  # its own problem is reported at the source, or at sources.yaml
        if source_id not in self.sources:
            close = difflib.get_close_matches(source_id, list(self.sources), n=1)
            self._add(
                loc,
                field_name,
                f'unknown source "{source_id}"',
                f'did you mean "{close[0]}"?' if close else "add it to sources.yaml",
            )
            return None
        return self.articles.get(source_id)  # None when the article itself failed: reported there

    def check_excerpts(self) -> list[Passage]:
        passages = []
        for k, excerpt in enumerate(self.event.excerpts):
            loc = ("excerpts", k)
            article = self._article(excerpt.source, (*loc, "source"), f"excerpts[{k + 1}].source")
            if article is None:
                continue
            found = article.locate(excerpt.quote)
            if found is None:
                closest = article.closest(excerpt.quote)
                hint = f'the closest passage is "{closest}"' if closest else "copy the words exactly from the article"
                self._add(
                    (*loc, "quote"),
                    f"excerpts[{k + 1}].quote",
                    f"quote is not verbatim in {self.sources[excerpt.source].file}",
                    hint,
                )
                continue
            passages.append(Passage(excerpt, *found))
        return passages

    def check_date(self) -> Derivation | None:
        event, ev = self.event, self.event.date_evidence
        if event.end is not None and event.end.first_day() <= event.date.last_day():
            self._add(("end",), "end", f"end {event.end} is not after date {event.date}")
        article = self._article(ev.source, ("date_evidence", "source"), "date_evidence.source")
        if article is None:
            return None
        if article.locate(ev.phrase) is None:
            closest = article.closest(ev.phrase)
            self._add(
                ("date_evidence", "phrase"),
                "date_evidence.phrase",
                f'"{ev.phrase}" is not in {self.sources[ev.source].file}',
                f'the closest passage is "{closest}"' if closest else "copy the words exactly from the article",
            )
            return None
        published = self.sources[ev.source].published.date
        language = self.sources[ev.source].language  # phrases are read in their article's language
        stated = None
        if ev.anchor_phrase is not None:
            stated = self.check_anchor_phrase(article, published, language)
            if stated is None:
                return None
            within = self.derive_within(stated, language)
            if within is not None:
                return within
        elif ev.anchor != published and not ev.note:
            self._add(
                ("date_evidence", "anchor"),
                "date_evidence.anchor",
                f"anchor {ev.anchor} is not the publication date of {ev.source} ({published})",
                "use the publication date, give the anchor_phrase that states it, or explain the anchor in a note",
            )
            return None
        # A date counted from a stated one is checked whatever the note says: the note describes it.
        has_note = bool(ev.note) and ev.anchor_phrase is None
        try:
            derivation, message = check_derivation(event.date, ev.phrase, ev.anchor, has_note, language)
            if message and event.status == "planned":
                # what is planned lies ahead: "Friday" in a Thursday article is the next day
                ahead, ahead_message = check_derivation(event.date, ev.phrase, ev.anchor, has_note, language, "future")
                if ahead_message is None:
                    derivation, message = ahead, None
        except OverflowError:  # dateparser stepping past year 1 or 9999 from an extreme anchor
            self._add(
                ("date_evidence", "anchor"),
                "date_evidence.anchor",
                f'"{ev.phrase}" against {ev.anchor} falls outside the calendar',
                "check the anchor",
            )
            return None
        if message:
            self._add(("date",), "date", message)
        return derivation

    def derive_within(self, stated: Resolution, language: str) -> Derivation | None:
        """A shift finer than the anchor is known ("the day before" a month) stays in the
        anchor's period, as ``suggest`` reads it: the derivation when the date is that period."""
        event, ev = self.event, self.event.date_evidence
        read = resolve_phrase(ev.phrase, ev.anchor, language)
        if read is None or not is_finer(read.period, stated.period):
            return None
        period = truncate(ev.anchor, stated.period)
        return Derivation("auto", period, stated.period) if event.date == period else None

    def check_anchor_phrase(self, article, published: dt.date, language: str) -> Resolution | None:
        """The anchor_phrase is in the article, and read against the publication date it gives
        the anchor, to a precision at least the date's: what it gives, or None (reported)."""
        event, ev = self.event, self.event.date_evidence
        loc, name = ("date_evidence", "anchor_phrase"), "date_evidence.anchor_phrase"
        if article.locate(ev.anchor_phrase) is None:
            closest = article.closest(ev.anchor_phrase)
            self._add(
                loc,
                name,
                f'"{ev.anchor_phrase}" is not in {self.sources[ev.source].file}',
                f'the closest passage is "{closest}"' if closest else "copy the words exactly from the article",
            )
            return None
        try:
            read = resolve_phrase(ev.anchor_phrase, published, language)
            if read is not None and starts_on(read) != ev.anchor and event.status == "planned":
                read = resolve_phrase(ev.anchor_phrase, published, language, "future") or read
        except OverflowError:
            read = None
        if read is None:
            self._add(
                loc,
                name,
                f'"{ev.anchor_phrase}" cannot be read as a date against {published}',
                "give a phrase that states the anchor's date, or drop anchor_phrase and explain the anchor in a note",
            )
            return None
        stated = starts_on(read)
        if stated != ev.anchor:
            self._add(
                ("date_evidence", "anchor"),
                "date_evidence.anchor",
                f'anchor {ev.anchor} is not the date "{ev.anchor_phrase}" states against {published} ({stated})',
                f"write anchor: {stated}",
            )
            return None
        if is_finer(event.date.precision, read.period):
            self._add(
                ("date",),
                "date",
                f'"{ev.anchor_phrase}" gives only a {read.period}, so {event.date} cannot be a {event.date.precision}',
                f"write {truncate(read.day, read.period if read.period != 'week' else 'month')}",
            )
            return None
        return read

    def check_reported_after(self) -> None:
        """An event an article reports has happened by the article's publication, unless it is
        marked as planned; manual dates are held to this as much as derived ones."""
        event = self.event
        if event.status == "planned":
            return
        cited = event.cited_sources()
        if not all(s in self.sources for s in cited):
            return  # an unknown or broken source is reported on its own; its date is not known
        latest = max(self.sources[s].published.date for s in cited)
        if event.first_day() > latest:
            self._add(
                ("date",),
                "date",
                f"{event.date} is after the publication of every source that reports it ({latest})",
                "check the date and its evidence; if it was scheduled, say status: planned",
            )

    def check_administrations(self, admins: list[Administration]) -> tuple[list[str], list[str]]:
        first, last = self.event.first_day(), self.event.last_day()
        result = {}
        for country in ("US", "MX"):
            terms = [a for a in admins if a.country == country]
            covering = [a.id for a in sorted(terms, key=lambda a: a.start) if a.covers(first, last)]
            earliest = min(a.start for a in terms) if terms else None
            open_ended = any(a.end is None for a in terms)
            latest = max((a.end for a in terms if a.end), default=None)
            outside = not terms or first < earliest or (not open_ended and latest is not None and last > latest)
            if outside:
                self._add(
                    ("date",),
                    "date",
                    f"{self.event.date} falls outside the known {country} administrations",
                    "extend administrations.yaml",
                )
            result[country] = covering
        return result["US"], result["MX"]
