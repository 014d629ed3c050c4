"""An article's publication date, from the stamps in its text and the date in its address.

Evidence is ranked: a stamp labelled "Published"/"Posted" ("Publicado"), a byline with a date or
a dateline with a year; then a date in the address and an ISO stamp near the top; then a line
that is only a written date, a dateline without a year; last an epoch stamp. Lines that say
"Updated", "Modified", "©" ("Actualizado", "Derechos reservados") and the like are page stamps,
never the publication date. An epoch stamp is read in UTC, as the validator reads one
(``timeline.dates.parse_absolute``), so the date it gives is one a curator can put in
``sources.yaml``; but within three hours of midnight UTC the publisher's own date may differ
(1709165832 is 29 February 00:17 UTC, still 28 February in the Americas), so such an epoch alone
is "low" confidence, and any written or ISO stamp beats an epoch. An epoch within a day of the
chosen date is reported as agreeing. The stamp words, written dates (Spanish ones day first:
28/02/2024) and datelines are the language's.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.dates import parse_absolute
from timeline.errors import DataError, Problem
from timeline.languages import Language, detect_language, get
from timeline.suggest.model import Published
from timeline.suggest.resolve import day_number, month_number, safe_date

_TIME = re.compile(r"(?i)\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?")
_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|UTC|GMT|CET|CEST|BST|IST|Z)\b|[+-]\d{2}:?\d{2}\b")
_EPOCH_LINE = re.compile(r"\s*(?:[A-Za-z_ -]{1,20}[:=]\s*)?(?P<n>\d{10}|\d{13})\s*")
_EPOCH_RANGE = (946_684_800, 4_102_444_800)  # 2000-01-01 .. 2100-01-01
_URL_DATES = (
    re.compile(r"(?<=/)(?P<y>(?:19|20)\d{2})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[?#])"),
    re.compile(r"(?<=[/_.-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<=[/_.-])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
)
_KIND_ORDER = ("url", "dateline", "byline", "written-date", "iso-stamp", "epoch")  # tie-break, most trusted first


@dataclass(frozen=True)
class _Evidence:
    kind: str
    date: dt.date
    phrase: str
    strength: int  # 5 labelled/byline/dated dateline, 4 url or top ISO stamp, 3 stamp line, 2 weak
    start: int | None = None
    end: int | None = None
    note: str = ""


def detect_published(text: str, url: str | None = None, language: str | Language | None = None) -> Published:
    """The publication date of an article, from its text and its address.

    See the module docstring for how evidence is ranked. A date is never taken from an "Updated"
    or copyright stamp, nor from a date inside the prose (a photo caption's date is not the
    article's). ``language`` None: the language the text is written in (``detect_language``).
    """
    lang = get(language if language is not None else detect_language(text))
    ignored: list[str] = []
    found = _scan_stamp_lines(text, ignored, lang)
    found += _scan_url(url)
    found += _scan_datelines(text, found, lang)
    return _choose_published(found, ignored)


def given_published(date: dt.date | str) -> Published:
    """A publication date given by the curator (``--published``)."""
    day = parse_published_option(date) if isinstance(date, str) else date
    if isinstance(day, dt.datetime):
        day = day.date()
    return Published(day, "given", "given", "high")


def parse_published_option(value: str) -> dt.date:
    """Parse ``--published YYYY-MM-DD``; DataError saying what is wrong."""
    text = value.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DataError(
            [Problem("--published", None, f'"{value}" is not a date YYYY-MM-DD', hint="e.g. --published 2024-02-28")]
        ) from None


def is_stamp_line(sentence: str, language: str | Language = "en") -> bool:
    """True for a page stamp: a short line that is only a date and time, or that says
    "Updated", "Published", "©" and the like."""
    if len(sentence) > 160:
        return False
    lang = get(language)
    dates = explicit_dates(sentence, lang)
    if not dates:
        return False
    # only at the start: "The agency updated its rules on July 12, 2022." is news, not a stamp
    if lang.stamp_start.match(sentence) is not None:
        return True
    # a verb makes a sentence of news, however short: "Construction began on March 3, 2022."
    return _residual_words(sentence, dates, lang) <= 2 and not _has_verb(sentence, dates, lang)


def _has_verb(line: str, dates: list[tuple[int, int, str, str]], lang: Language) -> bool:
    rest = line
    for start, end, _phrase, _kind in sorted(dates, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = lang.stamp_words.sub(" ", rest)
    return bool(lang.past_cue.search(rest) or lang.future_cue.search(rest))


def explicit_dates(line: str, lang: Language) -> list[tuple[int, int, str, str]]:
    """Written and ISO dates with a year in a line: (start, end, phrase, kind)."""
    found = []
    for kind, pattern in lang.patterns:
        if kind not in lang.explicit_kinds:
            continue
        for m in pattern.finditer(line):
            if m.group("y"):
                found.append((m.start(), m.end(), m.group(), "iso" if kind == "iso" else "written"))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    for item in found:
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    return kept


def _residual_words(line: str, dates: list[tuple[int, int, str, str]], lang: Language) -> int:
    """How many words a line has besides its dates, times, zones and stamp words."""
    rest = line
    for start, end, _phrase, _kind in sorted(dates, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = lang.stamp_words.sub(" ", _ZONE.sub(" ", _TIME.sub(" ", rest)))
    return len(lang.residual_word.findall(rest))


def _scan_stamp_lines(text: str, ignored: list[str], lang: Language) -> list[_Evidence]:
    found = []
    for index, m in enumerate(re.finditer(r"[^\n]+", text)):
        line = m.group()
        if len(line) > 200 or not line.strip():
            continue
        cut = lang.update_word.search(line)
        head = line[: cut.start()] if cut else line
        if cut and explicit_dates(line[cut.start() :], lang):
            ignored.append(line[cut.start() :].strip())
        near_top = index < 12 and m.start() < 2_000
        epoch = _epoch_evidence(head, m.start())
        if epoch:
            found.append(epoch)
            continue
        found += _stamp_evidence(head, m.start(), near_top, lang)
    return found


def _stamp_evidence(head: str, offset: int, near_top: bool, lang: Language) -> list[_Evidence]:
    dates = explicit_dates(head, lang)
    if not dates:
        return []
    labelled = lang.published_word.search(head) is not None
    byline = lang.byline.match(head) is not None
    residual = _residual_words(head, dates, lang)
    if byline and residual <= 12:
        kind, strength = "byline", 5
    elif labelled and residual <= 6:
        kind, strength = ("iso-stamp" if dates[0][3] == "iso" else "written-date"), 5
    elif residual <= 2:
        kind = "iso-stamp" if dates[0][3] == "iso" else "written-date"
        strength = (4 if kind == "iso-stamp" else 3) if near_top else 2
    else:
        return []  # a date inside prose (a caption, a quote) is not the article's date
    start, end, phrase, _kind = dates[0]
    parsed = parse_absolute(phrase, lang.code)
    if parsed is None:
        return []
    return [_Evidence(kind, parsed.date(), phrase, strength, offset + start, offset + end)]


def _epoch_evidence(head: str, offset: int) -> _Evidence | None:
    m = _EPOCH_LINE.fullmatch(head)
    if not m:
        return None
    seconds = int(m.group("n")) / (1000 if len(m.group("n")) == 13 else 1)
    if not _EPOCH_RANGE[0] <= seconds < _EPOCH_RANGE[1]:
        return None
    moment = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
    near_midnight = moment.hour < 3 or moment.hour >= 21
    note = f"epoch {m.group('n')} = {moment:%Y-%m-%d %H:%M:%S} UTC"
    if near_midnight:
        note += "; within three hours of midnight UTC, so the publisher's own date may differ by a day"
    return _Evidence(
        "epoch",
        moment.date(),
        m.group("n"),
        1 if near_midnight else 2,
        offset + m.start("n"),
        offset + m.end("n"),
        note,
    )


def _scan_url(url: str | None) -> list[_Evidence]:
    if not url:
        return []
    for pattern in _URL_DATES:
        for m in pattern.finditer(url[:2_000]):
            day = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if day is not None:
                return [_Evidence("url", day, m.group(), 4)]
    return []


def _scan_datelines(text: str, others: list[_Evidence], lang: Language) -> list[_Evidence]:
    found = []
    for m in lang.dateline.finditer(text[:200_000]):
        if not (m.group("place") or m.group("agency")):
            continue  # "March 5 - ..." alone could be a list item; a dateline names a place or an agency
        month = month_number(m.group("mon"), lang)
        mday = day_number(m.group("d"), lang)
        if m.group("y"):
            day, strength, note = safe_date(int(m.group("y")), month, mday), 5, ""
        else:
            day, note = _dateline_year(month, mday, text, others, lang)
            strength = 3 if others else 2
        if day is not None:
            found.append(_Evidence("dateline", day, m.group("date"), strength, m.start("date"), m.end("date"), note))
        break  # only the first dateline is the article's own
    return found


def _dateline_year(
    month: int, mday: int, text: str, others: list[_Evidence], lang: Language
) -> tuple[dt.date | None, str]:
    """A dateline gives no year: take the one nearest the other evidence, else the latest year
    the text mentions."""
    if others:
        ref = max(others, key=lambda e: e.strength).date
        days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, mday))]
        if not days:  # "Feb. 29" with no leap year beside the other evidence: it cannot be placed
            return None, ""
        return min(
            days, key=lambda d: abs((d - ref).days)
        ), f"the dateline has no year; {ref.year} from the other evidence"
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text[:200_000])]
    if not years:
        return None, ""
    year = max(years)
    # "in December 2021" in a "Feb. 7" article: the article is later than the month it tells of
    latest = max(_months_named(text, year, lang), default=0)
    if latest > month:
        return safe_date(year + 1, month, mday), (
            f"the dateline has no year; {year + 1}, the first {mday}/{month} after the latest month named "
            f"({latest}/{year})"
        )
    return safe_date(year, month, mday), f"the dateline has no year; {year} is the latest year in the text"


def _months_named(text: str, year: int, lang: Language) -> list[int]:
    """The months named with ``year`` in the text ("December 2021", "3 de diciembre de 2021")."""
    found = []
    for kind, pattern in lang.patterns:
        if kind in ("month-year", "month-day", "day-month"):
            for m in pattern.finditer(text[:200_000]):
                if m.groupdict().get("y") == str(year):
                    found.append(month_number(m.group("mon"), lang))
    return found


def _choose_published(found: list[_Evidence], ignored: list[str]) -> Published:
    ignored_note = f'ignored page stamp "{ignored[0]}" (not the publication date)' if ignored else ""
    if not found:
        why = "no publication date in the text or the address"
        return Published(None, why + (f"; {ignored_note}" if ignored_note else ""), "none", "low", note=ignored_note)
    best = max(found, key=lambda e: (e.strength, -_KIND_ORDER.index(e.kind)))
    others = [e for e in found if e is not best]
    agree = [e for e in others if abs((e.date - best.date).days) <= 1]
    disagree = [e for e in others if e.strength >= 3 and abs((e.date - best.date).days) > 1]
    level = 2 if best.strength >= 4 else 1 if best.strength >= 2 else 0
    if agree and not disagree:
        level = min(2, level + 1)
    if disagree:
        level = max(0, level - 1)
    notes = [n for n in (best.note, ignored_note) if n]
    notes += [f'{e.kind} "{e.phrase}" ({e.date}) agrees' + (f" ({e.note})" if e.note else "") for e in agree]
    notes += [f'{e.kind} "{e.phrase}" says {e.date}' for e in disagree]
    return Published(
        best.date,
        best.phrase,
        best.kind,
        ("low", "medium", "high")[level],
        best.start,
        best.end,
        "; ".join(notes),
        tuple((e.start, e.end) for e in (best, *agree) if e.start is not None and e.end is not None),
    )
