"""Resolving a date expression against the anchor (the publication date).

dateparser (the language's own, the anchor as ``RELATIVE_BASE``) resolves what it reads well:
bare month names, a month with its year, "this/last/next week|month|year", "N units ago",
"yesterday"/"tomorrow". A written date with its year is read from the pattern itself (exact:
7/12/2022 is July in English and 7 December in Spanish, whatever the locale). Rules resolve
the rest, because dateparser gets them wrong for news text: bare weekdays (it never returns the
anchor day, and reads "this Monday" in a Wednesday article as next week's), seasons, "January
of last year", a month and day without a year (29 February), holidays and bare years; in
Spanish also "el martes", "este miércoles", "el pasado 23 de julio", "hace tres días",
"a principios de mes" and "a finales de 2023", none of which it reads.

Every resolver takes the match of a pattern of the language (its named groups are described in
``timeline.languages.base``), reads its words through the language's maps, and is the same for
every language. :func:`resolve_alone` reads a phrase on its own, looking back: the validator
uses it for the languages whose phrases it reads with these rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from timeline.languages import Language, get
from timeline.suggest.model import WS, Resolved, coarser

Direction = Callable[[], str]


def resolve(
    kind: str,
    m: re.Match,
    anchor: dt.date | None,
    direction: Direction,
    lang: Language,
    anchor_precision: str = "day",
) -> Resolved | None:
    """What the match of a pattern of kind ``kind`` means against the anchor (None: not a date).

    An anchored phrase ("two days later") counts from ``anchor`` known to ``anchor_precision``
    (the date stated before it); every other kind from the publication date.
    """
    if kind == "anchored":
        resolved = _resolve_anchored(m, anchor, lang, anchor_precision)
    else:
        resolved = _RESOLVERS[kind](m, anchor, direction, lang)
    if resolved is not None and (lang.validator_rules or kind in ALWAYS_RULES):
        # the validator reads the whole phrase with these rules: it is its own core
        resolved = Resolved(resolved.date, resolved.precision, resolved.rule, m.group(0), resolved.span_end)
    return resolved


@lru_cache(maxsize=65536)
def resolve_alone(phrase: str, anchor: dt.date, language: str, way: str = "past") -> Resolved | None:
    """A phrase read on its own (a curated date phrase), looking back (``way`` "future": ahead,
    for what is planned) unless its words say otherwise ("el próximo martes", "mañana"); None
    when no pattern reads the whole phrase. An anchored phrase ("two days later") counts from
    the anchor.

    The phrase may start with a word the patterns leave out ("en julio", "el 23 de julio"); it
    counts as the context a bare month or year needs, as it would in the article.
    """
    lang = get(language)
    text = WS.sub(" ", phrase).strip()
    lead = lang.strip_lead.match(text)
    for offset in dict.fromkeys((0, lead.end() if lead else 0)):
        for kind, pattern in lang.patterns:
            m = pattern.fullmatch(text, offset)
            if m and lang.accept(kind, m, text):
                return resolve(kind, m, anchor, lambda: way, lang)
    return None


def _needs_anchor(precision: str, core: str) -> Resolved:
    return Resolved(None, precision, "needs-anchor", core)


def _canon(m: re.Match, lang: Language, *groups: str) -> str:
    """The first of these groups that says something, in canonical English ("pasado" -> "last");
    "" when none does (a bare "el martes")."""
    found = m.groupdict()
    for group in groups:
        text = found.get(group)
        if text:
            norm = WS.sub(" ", text.lower())
            meaning = lang.leads.get(norm, norm)
            if meaning:
                return meaning
    return ""


def _way(lead: str) -> str | None:
    """The direction a lead word forces, if any."""
    return {"last": "past", "this past": "past", "next": "future"}.get(lead)


def _resolve_explicit(m: re.Match, anchor, direction, lang) -> Resolved | None:
    found = m.groupdict()
    month = month_number(found["mon"], lang) if "mon" in found else int(found["m"])
    day = day_number(found["d"], lang)
    phrase = m.group(0)
    if found.get("y"):
        # read from the pattern's own groups: exact, and 7/12/2022 is July whatever the locale
        written = safe_date(int(found["y"]), month, day)
        if written is None:
            return None  # "February 30, 2024" is not a date
        return Resolved(written.isoformat(), "day", "explicit-date", phrase)
    if safe_date(2024, month, day) is None:
        return None
    if anchor is None:
        return _needs_anchor("day", phrase)
    way = _way(_canon(m, lang, "lead")) or direction()
    got = _nearest_yearly(lambda y: safe_date(y, month, day), anchor, way)
    return Resolved(got.isoformat(), "day", f"month-day:{way}", phrase)


def _resolve_month_year(m: re.Match, anchor, direction, lang) -> Resolved:
    month, year = month_number(m.group("mon"), lang), int(m.group("y"))
    parsed = _dateparser_day(lang.dp_month_year(month, year), anchor or dt.date(year, 1, 1), "past", lang.dateparser)
    if parsed is not None:
        month, year = parsed[0].month, parsed[0].year
    return Resolved(f"{year:04d}-{month:02d}", "month", _qualified("month-year", m, lang), _core_from(m, "mon"))


def _resolve_month_of_year(m: re.Match, anchor, direction, lang) -> Resolved:
    month = month_number(m.group("mon"), lang)
    if anchor is None:
        return _needs_anchor("month", m.group(0))
    rel = _canon(m, lang, "rel", "rel2", "rel3")
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[rel]
    rule = _qualified(f"month-of-{rel}-year", m, lang)
    return Resolved(f"{year:04d}-{month:02d}", "month", rule, _core_from(m, "mon"))


def _resolve_month(m: re.Match, anchor, direction, lang) -> Resolved:
    month = month_number(m.group("mon"), lang)
    lead = _canon(m, lang, "lead", "trail")
    core = _core_from(m, "lead" if lead and lead != "since" else "mon")
    if anchor is None:
        return _needs_anchor("month", core)
    if lead in ("last", "this past"):
        year, rule = (anchor.year if month < anchor.month else anchor.year - 1), "month:last"
    elif lead == "next":
        year, rule = (anchor.year if month > anchor.month else anchor.year + 1), "month:next"
    elif lead == "this":
        year, rule = anchor.year, "month:this"
    else:
        way = "past" if lead == "since" else direction()
        parsed = _dateparser_day(lang.dp_month(month), anchor, way, lang.dateparser)
        year = parsed[0].year if parsed else anchor.year
        if way == "future" and month == anchor.month:
            year = anchor.year  # dateparser skips the current month when it looks ahead
        # dateparser keeps the anchor's day: "February" against 29 January 2000 is 29 February 1996
        if parsed is None or parsed[0].month != month or abs(year * 12 + month - anchor.year * 12 - anchor.month) > 11:
            year = _nearest_yearly(lambda y: dt.date(y, month, 1), dt.date(anchor.year, anchor.month, 1), way).year
        rule = "month:since" if lead == "since" else f"month:{way}"
    return Resolved(f"{year:04d}-{month:02d}", "month", _qualified(rule, m, lang), core)


def _resolve_weekday(m: re.Match, anchor, direction, lang) -> Resolved | None:
    weekday = lang.weekday_numbers[m.group("wd").lower()]
    lead = _canon(m, lang, "lead", "trail")
    core = _core_from(m, "lead" if lead in ("this", "last", "next", "this past") else "wd", "wd")
    if anchor is None:
        return _needs_anchor("day", core)
    if m.groupdict().get("d"):  # "el lunes 26": the 26th that is a Monday, within a month of the anchor
        got = _weekday_and_day(weekday, int(m.group("d")), anchor, _way(lead) or direction(), core)
        if got is not None:
            return got
        # else the number is not a day ("el martes 15 personas"): the weekday alone
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if lead == "this":
        day = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=weekday)
        rule = "weekday:this-week"
        if day < anchor and direction() == "future":
            day, rule = day + dt.timedelta(days=7), "weekday:this-week-ahead"
    elif lead in ("last", "this past"):
        day, rule = anchor - dt.timedelta(days=back or 7), "weekday:last"
    elif lead == "next":
        day, rule = anchor + dt.timedelta(days=ahead or 7), "weekday:next"
    elif direction() == "future":
        day, rule = anchor + dt.timedelta(days=ahead), "weekday:same-day" if ahead == 0 else "weekday:future"
    else:
        day, rule = anchor - dt.timedelta(days=back), "weekday:same-day" if back == 0 else "weekday:past"
    return Resolved(day.isoformat(), "day", rule, core)


def _weekday_and_day(weekday: int, mday: int, anchor: dt.date, way: str, core: str) -> Resolved | None:
    """The day ``mday`` of a month that falls on ``weekday``, nearest the anchor in ``way`` and at
    most 31 days from it (a paper names the month of anything further); None when there is none."""
    for months in (0, 1):
        index = anchor.year * 12 + anchor.month - 1 + (-months if way == "past" else months)
        day = safe_date(index // 12, index % 12 + 1, mday)
        if day is None or day.weekday() != weekday or abs((day - anchor).days) > 31:
            continue
        if (day <= anchor) if way == "past" else (day >= anchor):
            return Resolved(day.isoformat(), "day", f"weekday-day:{way}", core)
    return None


def _resolve_relative(m: re.Match, anchor, direction, lang) -> Resolved:
    unit = lang.units[_groups(m, "unit").lower()]
    rel = _canon(m, lang, "rel", "rel2") or "this"  # "a principios de mes": of this month
    core = _core_from(m, "rel")
    if anchor is None:
        return _needs_anchor(unit, core)
    spoken = "last" if rel == "this past" else rel
    parsed = _dateparser_day(lang.dp_relative(spoken, unit), anchor, "past", lang.dateparser)
    day = parsed[0] if parsed else anchor
    rule = _qualified(f"relative:{spoken}-{unit}", m, lang)
    return Resolved(format_date(day, unit), unit, rule, core)


def _resolve_season(m: re.Match, anchor, direction, lang) -> Resolved:
    first = lang.seasons[m.group("s").lower()]
    rel = _canon(m, lang, "rel", "rel2")
    core = m.group(0)[3:] if rel.startswith("in ") else m.group(0)
    if m.group("y"):
        year = int(m.group("y")) - (1 if first == 12 else 0)
        return Resolved(f"{year:04d}-{first:02d}", "season", "season:year", core)
    if anchor is None:
        return _needs_anchor("season", core)
    spans = [(y, *_season_span(y, first)) for y in range(anchor.year - 2, anchor.year + 2)]
    if rel in ("last", "this past"):
        year, rule = max(s[0] for s in spans if s[2] < anchor), "season:last"
    elif rel == "next":
        year, rule = min(s[0] for s in spans if s[1] > anchor), "season:next"
    else:
        # "this spring", "in the spring": the season the anchor is in, else the last one looking
        # back ("This spring they agreed", in December) or the next one looking ahead
        way = direction()
        if way == "past":
            year = max(s[0] for s in spans if s[1] <= anchor)
        else:
            year = min(s[0] for s in spans if s[2] >= anchor)
        rule = f"season:this-{way}" if rel == "this" else f"season:{way}"
    return Resolved(f"{year:04d}-{first:02d}", "season", _qualified(rule, m, lang), core)


def _resolve_ago(m: re.Match, anchor, direction, lang) -> Resolved:
    n_text = m.group("n").lower()
    n = lang.number_words.get(n_text) or int(n_text)
    unit = lang.units[m.group("unit").lower()]
    wd = m.groupdict().get("wd")
    precision = "day" if wd else unit
    if anchor is None:
        return _needs_anchor(precision, m.group(0))
    if wd:
        # "a year ago Wednesday": that Wednesday (the last one), a year earlier
        if lang.near_days.get(wd.lower(), ("", None))[1] == 0:  # "a year ago today"
            base = anchor
        else:
            base = anchor - dt.timedelta(days=(anchor.weekday() - lang.weekday_numbers[wd.lower()]) % 7)
        day = _shift(base, unit, -n)
        return Resolved(day.isoformat(), "day", "ago:weekday", m.group(0))
    parsed = _dateparser_day(lang.dp_ago(n, unit), anchor, "past", lang.dateparser)
    day = parsed[0] if parsed else _shift(anchor, unit, -n)
    return Resolved(format_date(day, unit), unit, "ago", m.group(0))


def _resolve_year(m: re.Match, anchor, direction, lang) -> Resolved:
    rule = "year:since" if _canon(m, lang, "lead") else "year"
    return Resolved(m.group("y"), "year", _qualified(rule, m, lang), m.group("y"))


def _resolve_holiday(m: re.Match, anchor, direction, lang) -> Resolved | None:
    make = lang.holidays(m.group("h"))
    if make is None:
        return None
    if anchor is None:
        return _needs_anchor("day", m.group(0))
    way = direction()
    day = _nearest_yearly(make, anchor, way)
    return Resolved(day.isoformat(), "day", f"holiday:{way}", m.group(0))


def _resolve_near_day(m: re.Match, anchor, direction, lang) -> Resolved:
    word = WS.sub(" ", m.group("w").lower())
    canonical, offset = lang.near_days[word]
    if anchor is None:
        return _needs_anchor("day", m.group(0))
    # "today", "tonight", "esta noche": the anchor itself, whatever dateparser makes of the hour
    parsed = _dateparser_day(word, anchor, "past", lang.dateparser) if offset else None
    day = parsed[0] if parsed and abs((parsed[0] - anchor).days) == abs(offset) else anchor + dt.timedelta(days=offset)
    return Resolved(day.isoformat(), "day", f"relative:{canonical}", m.group(0))


def _groups(m: re.Match, name: str) -> str | None:
    """The first of the groups ``name``, ``name2``, ``name3``... that took part in the match."""
    found = m.groupdict()
    return next((found[k] for k in (name, *(f"{name}{i}" for i in range(2, 10))) if found.get(k)), None)


def _count(text: str | None, lang: Language) -> int:
    return 1 if text is None else (lang.number_words.get(text.lower()) or int(text))


def _resolve_anchored(m: re.Match, anchor: dt.date | None, lang: Language, anchor_precision: str) -> Resolved:
    """ "two days later", "the following week", "that same morning", "un año antes": the anchor
    moved by the phrase's count of units, known to the coarser of the unit and the anchor (an
    anchor known only to its month stays that month for a shift of days)."""
    unit_word = WS.sub(" ", _groups(m, "unit").lower())
    unit = lang.units[unit_word]
    way = WS.sub(" ", (_groups(m, "dir") or "").lower())
    sign = lang.anchor_words[way] if way else lang.anchor_words.get(unit_word, 0)  # "la víspera": the day before
    n = _count(m.group("n") if m.groupdict().get("n") else None, lang) if sign else 0
    precision = coarser(unit, anchor_precision)
    if anchor is None:
        return _needs_anchor(precision, m.group(0))
    # a shift finer than the anchor is known ("two days later" after "in January") stays in the
    # anchor's period: nothing says it crossed into the next
    day = anchor if precision != unit else _shift(anchor, unit, sign * n)
    rule = "anchored:same-" + unit if sign == 0 else f"anchored:{'+' if sign > 0 else '-'}{n}-{unit}"
    return Resolved(format_date(day, precision), precision, rule, m.group(0))


def _resolve_span(m: re.Match, anchor, direction, lang) -> Resolved:
    """ "over the next two years" (from the anchor on), "in the past three months" (up to it)."""
    unit = lang.units[_groups(m, "unit").lower()]
    sign = lang.span_words[_groups(m, "rel").lower()]
    n = _count(_groups(m, "n"), lang)
    if anchor is None:
        return _needs_anchor(unit, m.group(0))
    other = _shift(anchor, unit, sign * n)
    start, end = (anchor, other) if sign > 0 else (other, anchor)
    rule = f"span:{'next' if sign > 0 else 'past'}-{n}-{unit}"
    return Resolved(format_date(start, unit), unit, rule, m.group(0), format_date(end, unit))


_RESOLVERS = {
    "iso": _resolve_explicit,
    "numeric": _resolve_explicit,
    "month-day": _resolve_explicit,
    "day-month": _resolve_explicit,
    "month-year": _resolve_month_year,
    "month-rel-year": _resolve_month_of_year,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "relative": _resolve_relative,
    "season": _resolve_season,
    "ago": _resolve_ago,
    "year": _resolve_year,
    "holiday": _resolve_holiday,
    "near-day": _resolve_near_day,
    "span": _resolve_span,
}
KINDS = frozenset(_RESOLVERS) | {"anchored"}
# Kinds the validator reads with these rules in every language: dateparser reads none of them.
ALWAYS_RULES = frozenset({"anchored", "span"})


# --------------------------------------------------------------------------- date helpers


def format_date(day: dt.date, precision: str) -> str:
    """Write a calendar day at a precision: a week as its Monday, a season as its first month."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if precision == "season":
        first = max(m for m in (12, 9, 6, 3) if m <= day.month) if day.month >= 3 else 12
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{first:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def month_number(name: str, lang: Language) -> int:
    """1..12 for a month name or abbreviation of the language ("Sept.", "julio")."""
    return lang.month_numbers[name.lower().rstrip(".")]


def day_number(text: str, lang: Language) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else lang.number_words[text.lower()]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_yearly(make: Callable[[int], dt.date | None], anchor: dt.date, way: str) -> dt.date:
    """The yearly date (``make(year)``) nearest the anchor in the given direction, the anchor
    day included; eight years each way reach the nearest 29 February."""
    # kept inside the calendar: an anchor in its first or last eight years must not fail
    years = range(max(dt.MINYEAR, anchor.year - 8), min(dt.MAXYEAR, anchor.year + 8) + 1)
    days = [d for y in years if (d := make(y)) is not None]
    if way == "past":
        return max(d for d in days if d <= anchor)
    return min(d for d in days if d >= anchor)


def _season_span(year: int, first_month: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, first_month, 1)
    end = _shift(start, "month", 3) - dt.timedelta(days=1)
    return start, end


def _shift(day: dt.date, unit: str, n: int) -> dt.date:
    """Move a day by n units; a 29 February or a 31st that does not exist becomes the month's last day."""
    if unit == "day":
        return day + dt.timedelta(days=n)
    if unit == "week":
        return day + dt.timedelta(weeks=n)
    months = n * (12 if unit == "year" else 1)
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for mday in range(day.day, 27, -1):
        if (got := safe_date(year, month + 1, mday)) is not None:
            return got
    return dt.date(year, month + 1, min(day.day, 28))


def _qualified(rule: str, m: re.Match, lang: Language) -> str:
    q = _groups(m, "q")
    return f"{rule}:{lang.qualifier(WS.sub(' ', q.lower()))}" if q else rule


def _core_from(m: re.Match, first: str, last: str | None = None) -> str:
    """The phrase from group ``first`` (the match's start when it did not take part) to the end
    of group ``last`` (or of the match)."""
    start = m.start(first) if m.groupdict().get(first) is not None else m.start()
    return m.string[start : m.end(last) if last else m.end()]


@lru_cache(maxsize=512)
def _date_parser(anchor: dt.date, prefer: str, language: str = "en"):
    # Imported here: dateparser is slow to import and not every caller needs it.
    from dateparser.date import DateDataParser

    base = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(
        languages=[language],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": False},
    )


@lru_cache(maxsize=8192)
def _dateparser_day(phrase: str, anchor: dt.date, prefer: str, language: str = "en") -> tuple[dt.date, str] | None:
    """What dateparser makes of a phrase against the anchor: (day, period), or None."""
    data = _date_parser(anchor, prefer, language).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def clear_caches() -> None:
    """Forget every parsed phrase and parser (dateparser stays imported), as for an article never seen."""
    for cached in (_dateparser_day, _date_parser, resolve_alone):
        cached.cache_clear()
