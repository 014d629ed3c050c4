"""Candidates: each expression's sentence, whether it only restates the publication date, and
the ``data/events.yaml`` entry to paste for it."""

from __future__ import annotations

import datetime as dt

import yaml

from timeline.dates import check_derivation, parse_partial_date, resolve_phrase, starts_on, truncate
from timeline.languages import Language, get
from timeline.models import TRANSLATED
from timeline.suggest.model import MAX_SENTENCE_CHARS, WS, Candidate, Expression, Published, first_day
from timeline.suggest.published import is_stamp_line
from timeline.suggest.resolve import format_date


def build_candidate(
    text: str, expr: Expression, published: Published, source: str, language: str | Language = "en"
) -> Candidate:
    """The candidate for one expression: its sentence (cut round the phrase when very long),
    whether it only restates the publication date, and its YAML snippet."""
    lang = get(language)
    start, end = _clip_sentence(text, expr.sentence_start, expr.sentence_end, expr.start, expr.end)
    sentence = text[start:end]
    restates = _overlaps(expr, published) or is_stamp_line(sentence, lang)
    snippet = build_yaml_snippet(sentence, expr, published.date, source, lang)
    return Candidate(
        sentence=sentence,
        start=start,
        end=end,
        phrase=expr.phrase,
        phrase_start=expr.start,
        phrase_end=expr.end,
        date=expr.date,
        precision=expr.precision,
        rule=expr.rule,
        yaml=snippet,
        restates=restates,
        span_end=expr.span_end,
        scheduled=is_scheduled(expr, published.date),
        anchor=expr.anchor,
        anchor_phrase=expr.anchor_phrase,
    )


def is_scheduled(expr: Expression, published: dt.date | None) -> bool:
    """What the expression dates lies after the publication date (a span looking ahead
    included): something planned, not yet done."""
    if published is None or expr.date is None:
        return False
    if expr.rule.startswith("span:next"):
        return True
    return first_day(expr.date, expr.precision) > published


def _overlaps(expr: Expression, published: Published) -> bool:
    return any(start < expr.end and expr.start < end for start, end in published.spans)


def _clip_sentence(text: str, start: int, end: int, p0: int, p1: int) -> tuple[int, int]:
    if end - start <= MAX_SENTENCE_CHARS:
        return start, end
    half = max(0, (MAX_SENTENCE_CHARS - (p1 - p0)) // 2)
    lo, hi = max(start, p0 - half), min(end, p1 + half)
    # cut at whitespace so no word is split; the quote stays verbatim
    if lo > start and (space := text.find(" ", lo, p0)) >= 0:
        lo = space + 1
    if hi < end and (space := text.rfind(" ", p1, hi)) >= 0:
        hi = space
    return lo, hi


class _SnippetDumper(yaml.SafeDumper):
    """Indents lists inside mappings, as data/events.yaml does."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def build_yaml_snippet(
    sentence: str, expr: Expression, anchor: dt.date | None, source: str, language: str | Language = "en"
) -> str:
    """One ``data/events.yaml`` entry for a candidate, indented to paste under ``events:``.

    The title, summary, category, actors and translations are "TODO"; a date after the publication date is
    marked ``status: planned``. The evidence phrase is the shortest form
    of the phrase from which the validator derives the date (so the entry verifies as is); when
    none does, a "TODO" note asks the curator to explain the date, as the validator requires.
    """
    entry_date = _entry_date(expr.date, expr.precision)
    planned = is_scheduled(expr, anchor)
    # A phrase counted from a date stated earlier ("two days later") is read against that date.
    counted_from = dt.date.fromisoformat(expr.anchor) if expr.anchor and anchor is not None else None
    lang = get(language)
    phrase, note = _evidence_phrase(expr, entry_date, counted_from or anchor, lang, planned)
    evidence: dict = {"source": source, "phrase": phrase}
    if counted_from is not None and _states(expr.anchor_phrase, counted_from, anchor, lang, planned):
        evidence |= {"anchor": counted_from.isoformat(), "anchor_phrase": expr.anchor_phrase}
        note = (note + " " if note else "") + (
            f'"{phrase}" counts from "{expr.anchor_phrase}" ({format_date(counted_from, expr.anchor_precision)}), '
            "a date stated earlier in the article."
        )
    elif counted_from is not None:
        # the stated date is itself counted from another ("the next day ... two days later"):
        # the validator cannot read it alone, so the curator explains it
        evidence["anchor"] = counted_from.isoformat()
        note = (
            f'TODO: explain the date. "{phrase}" counts from "{expr.anchor_phrase}" ({counted_from}), '
            "itself counted from another date in the article."
        )
    else:
        evidence["anchor"] = anchor.isoformat() if anchor else "TODO"
    if note:
        evidence["note"] = note
    entry = {
        "id": "todo-" + (entry_date if entry_date != "TODO" else "undated"),
        "title": "TODO",
    }
    if planned:
        # A date after the article's publication is something scheduled: the validator asks
        # the curator to say so (and refuses a date reported before it happened otherwise).
        entry["status"] = "planned"
    entry |= {
        "summary": "TODO",
        "category": "TODO",
        "actors": ["TODO"],
        "date": entry_date,
    }
    if expr.span_end is not None:
        entry["end"] = _entry_date(expr.span_end, expr.precision)
    entry |= {
        "date_evidence": evidence,
        "excerpts": [{"source": source, "quote": WS.sub(" ", sentence).strip()}],
        # The validator asks for the event in every language of the page.
        "translations": {lang: {"title": "TODO", "summary": "TODO"} for lang in TRANSLATED},
    }
    dumped = yaml.dump(
        [entry], Dumper=_SnippetDumper, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False
    )
    return "".join("  " + line if line.strip() else line for line in dumped.splitlines(keepends=True))


def _states(anchor_phrase: str | None, day: dt.date, published: dt.date, lang: Language, planned: bool) -> bool:
    """The phrase, read alone against the publication date as the validator reads it, gives ``day``."""
    if not anchor_phrase:
        return False
    ways = ("past", "future") if planned else ("past",)
    return any(
        (read := resolve_phrase(anchor_phrase, published, lang.code, way)) and starts_on(read) == day for way in ways
    )


def _entry_date(date: str | None, precision: str) -> str:
    """The date events.yaml can hold: a week becomes its month (or year) when it lies in one."""
    if date is None:
        return "TODO"
    if precision != "week":
        return date
    monday = dt.date.fromisoformat(date)
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.year:04d}-{monday.month:02d}"
    return f"{monday.year:04d}" if monday.year == sunday.year else date


def _evidence_phrase(
    expr: Expression, entry_date: str, anchor: dt.date | None, lang: Language, planned: bool = False
) -> tuple[str, str | None]:
    phrase = WS.sub(" ", expr.phrase).strip()
    if anchor is None or entry_date == "TODO":
        return phrase, "TODO: give the publication date as the anchor, then the date"
    date = parse_partial_date(entry_date)
    variants = [expr.core, phrase]  # the shortest that verifies: "this week" of "earlier this week"
    if expr.rule.startswith("weekday"):
        variants.append(lang.weekday_re.search(expr.phrase).group())
    if expr.rule.startswith(("month", "explicit")):
        variants += [m.group() for m in lang.month_re.finditer(expr.phrase)]
    ways = ("past", "future") if planned else ("past",)  # the validator reads what is planned both ways
    for variant in dict.fromkeys(WS.sub(" ", v).strip() for v in variants if v.strip()):
        for way in ways:
            _derivation, message = check_derivation(date, variant, anchor, False, lang.code, way)
            if message is None:
                return variant, None
    read = resolve_phrase(phrase, anchor, lang.code)
    reader = "the validator" if lang.validator_rules else "dateparser"
    reading = f"{reader} cannot read it"
    if read:
        reading = f"{reader} reads it as {truncate(read.day, read.period)} ({read.period})"
    return phrase, (
        f'TODO: explain the date. "{phrase}" against {anchor} means {describe_date(expr.date, expr.precision)} '
        f"(rule {expr.rule}); {reading}."
    )


def describe_date(date: str | None, precision: str) -> str:
    """A date at its precision for people: a season is named with its months."""
    if date is None:
        return "an unknown date"
    if precision != "season":
        return f"{date} ({precision})"
    year, first = int(date[:4]), int(date[5:7])
    name = {3: "spring", 6: "summer", 9: "fall", 12: "winter"}[first]
    last = dt.date(year + (first == 12), (first + 1) % 12 + 1, 1)
    return f"{name} {year} ({dt.date(year, first, 1):%b %Y}–{last:%b %Y})"
