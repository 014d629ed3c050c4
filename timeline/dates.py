"""Curated dates with a precision, and their derivation from article phrases with dateparser."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

PRECISIONS = ("year", "month", "week", "day")  # coarse to fine
_RANK = {p: i for i, p in enumerate(PRECISIONS)}
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only
_MONTH_ABBR = calendar.month_abbr


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to a year, a month or a day; ``str()`` gives it back as written."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def first_day(self) -> dt.date:
        """The first calendar day the date may mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last calendar day the date may mean."""
        if self.day:
            return dt.date(self.year, self.month, self.day)
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def parse_partial_date(value: object) -> PartialDate:
    """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError saying what is wrong."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    match = _PARTIAL.match(text or "")
    if not match:
        raise ValueError(f"{value!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g is not None else None for g in match.groups())
    if month == 0 or day == 0:  # 00 is an error, not "unknown": only a missing part lowers the precision
        raise ValueError(f"{text} is not a real date (month or day 00)")
    try:
        dt.date(year, 1 if month is None else month, 1 if day is None else day)
    except ValueError as exc:
        raise ValueError(f"{text} is not a real date ({exc})") from None
    return PartialDate(year, month, day)


def format_partial_date(date: PartialDate) -> str:
    """Show a date at its precision, for people: '2013', 'Jul 2013', 'Jul 23, 2013'."""
    if date.day:
        return f"{_MONTH_ABBR[date.month]} {date.day}, {date.year}"
    if date.month:
        return f"{_MONTH_ABBR[date.month]} {date.year}"
    return str(date.year)


def truncate(day: dt.date, precision: str) -> PartialDate:
    """Cut a calendar day down to a precision ('week' and 'day' keep the day)."""
    if precision == "year":
        return PartialDate(day.year)
    if precision == "month":
        return PartialDate(day.year, day.month)
    return PartialDate(day.year, day.month, day.day)


def is_finer(precision: str, than: str) -> bool:
    """True when ``precision`` says more than ``than`` does (day is finer than month)."""
    return _RANK[precision] > _RANK[than]


@dataclass(frozen=True)
class Resolution:
    """What dateparser makes of a phrase against an anchor."""

    day: dt.date
    period: str  # day, week, month or year


@lru_cache(maxsize=65536)
def resolve_phrase(phrase: str, anchor: dt.date, language: str = "en", way: str = "past") -> Resolution | None:
    """Resolve a date phrase ('Tuesday', 'last month', 'July 12, 2022'; 'el martes', 'la semana
    pasada') against the anchor, in the language of the article it comes from.

    Past dates are preferred, as a news report mostly tells what has happened (``way`` "future"
    prefers what lies ahead, for what is planned). English is read by dateparser, and by the
    rules ``suggest`` uses where dateparser reads nothing ("tonight"). A language whose phrases
    dateparser misreads (Spanish: see ``timeline.languages.es``) is read with those rules (its
    patterns and ``timeline.suggest.resolve``) first, and by dateparser's own reading of that
    language where no pattern reads the whole phrase; a season there gives no date (a note
    explains it, as in English). In every language a phrase counted from another date ("two days
    later", "el mismo día", the anchor being that date) or a span ("over the next two years") is
    read with the rules: dateparser reads neither. Cached: each distinct (phrase, anchor,
    language, way) is read once.
    """
    # Imported here: timeline.suggest imports this module.
    from timeline.suggest.resolve import ALWAYS_RULES, resolve_alone

    rules = resolve_alone(phrase, anchor, language, way)
    if rules is not None and (_language(language).validator_rules or rules.rule.split(":")[0] in ALWAYS_RULES):
        return _from_rules(rules.date, rules.precision)
    parser = _parser_for(anchor, language, way)
    data = parser.get_date_data(phrase)
    if data is not None and data.date_obj is not None:
        return Resolution(day=data.date_obj.date(), period=data.period or "day")
    return _from_rules(rules.date, rules.precision) if rules is not None else None


def starts_on(resolution: Resolution) -> dt.date:
    """The first day a resolution may mean: the day, its week's Monday, its month's or year's first."""
    if resolution.period == "week":
        return resolution.day - dt.timedelta(days=resolution.day.weekday())
    return truncate(resolution.day, resolution.period).first_day()


def _from_rules(date: str | None, precision: str) -> Resolution | None:
    """A date as the suggest rules write it, as a Resolution (None for a season or no date)."""
    if date is None or precision not in _RANK:
        return None
    if precision in ("day", "week"):
        return Resolution(dt.date.fromisoformat(date), precision)
    return Resolution(parse_partial_date(date).first_day(), precision)


def _language(code: str):
    from timeline.languages import get

    return get(code)


@lru_cache(maxsize=4096)
def _parser_for(anchor: dt.date, language: str = "en", way: str = "past"):
    # Imported here: dateparser is slow to import and the page does not always need it.
    from dateparser.date import DateDataParser

    base = dt.datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(
        languages=[_language(language).dateparser],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": way, "RETURN_TIME_AS_PERIOD": False},
        use_given_order=True,  # one language only: skip ranking locales for every phrase
    )


@lru_cache(maxsize=65536)
def parse_absolute(phrase: str, language: str = "en") -> dt.datetime | None:
    """Parse an absolute stamp ('2024-02-28 23:10:56', 'Mar 28, 2024', '2018/12/13',
    '20130725', an epoch number, read as UTC; in Spanish '28 de febrero de 2024' and
    '28/02/2024', day first) into a datetime, or None."""
    text = phrase.strip()
    if re.fullmatch(r"\d{8}", text):  # 20130725, as in many addresses
        from dateparser import parse

        return parse(text, date_formats=["%Y%m%d"], settings=_ABSOLUTE_SETTINGS)
    lang = _language(language)
    data = _absolute_parser(language).get_date_data(lang.normalize_stamp(text))
    return data.date_obj if data else None


# Epoch seconds are UTC whatever the machine's zone; without TO_TIMEZONE dateparser would
# give local time.
_ABSOLUTE_SETTINGS = {"TIMEZONE": "UTC", "TO_TIMEZONE": "UTC", "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=8)
def _absolute_parser(language: str = "en"):
    # One parser a language, built once: dateparser.parse() would build a new one for every call.
    from dateparser.date import DateDataParser

    lang = _language(language)
    return DateDataParser(
        languages=[lang.dateparser], settings=_ABSOLUTE_SETTINGS | dict(lang.absolute_settings), use_given_order=True
    )


@dataclass(frozen=True)
class Derivation:
    """How an event's date follows from its evidence."""

    status: str  # "auto" (dateparser agrees) or "manual" (the curator's note explains it)
    resolved: PartialDate | None  # what dateparser made of the phrase, at its period
    period: str | None


def check_derivation(
    date: PartialDate, phrase: str, anchor: dt.date, has_note: bool, language: str = "en", way: str = "past"
) -> tuple[Derivation | None, str | None]:
    """Decide whether ``date`` follows from ``phrase`` (in ``language``) resolved against ``anchor``,
    looking back (``way`` "future": ahead, for what is planned).

    Returns (derivation, None) when it does or when a note covers it, and
    (None, message) when it does not and nothing explains why.
    """
    res = resolve_phrase(phrase, anchor, language, way)
    reader = "the date rules" if _language(language).validator_rules else "dateparser"
    if res is None:
        if has_note:
            return Derivation("manual", None, None), None
        return None, (
            f'{reader} cannot resolve "{phrase}" against {anchor}; '
            "use a phrase it reads or add a note that explains the date"
        )
    got = truncate(res.day, res.period)
    if is_finer(date.precision, res.period):
        if has_note:
            return Derivation("manual", got, res.period), None
        return None, (
            f'"{phrase}" gives only a {res.period} ({got}), but {date} is a {date.precision}; '
            f"write {truncate(res.day, res.period if res.period != 'week' else 'month')} or add a note"
        )
    if truncate(res.day, date.precision) == date:
        return Derivation("auto", got, res.period), None
    if has_note:
        return Derivation("manual", got, res.period), None
    return None, (
        f'{reader} resolves "{phrase}" against {anchor} to {got}, not {date}; '
        "fix the date, the phrase or the anchor, or add a note that explains the date"
    )
