"""What ``suggest`` finds and proposes, and the limits that keep any input to about a second."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MAX_FILE_BYTES = 1_500_000  # articles are tens of kilobytes; this bound keeps any input to about a second
MAX_TEXT_CHARS = 1_500_000
MAX_CANDIDATES = 200  # more than any article has; a pathological text is cut, and says so
MAX_SENTENCE_CHARS = 1_200  # a longer "sentence" (no punctuation) is cut to a window round the phrase
SOURCE_PLACEHOLDER = "todo-source"
PRECISIONS = ("year", "season", "month", "week", "day")  # coarse to fine
RANK = {p: i for i, p in enumerate(PRECISIONS)}
WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Published:
    """An article's publication date, the evidence for it and how sure we are."""

    date: dt.date | None
    evidence: str  # the text that shows the date (or, when there is none, why)
    kind: str  # dateline, iso-stamp, written-date, byline, epoch, url, given or none
    confidence: str  # high, medium or low
    start: int | None = None  # span of the evidence in the text, when it is in the text
    end: int | None = None
    note: str = ""  # what else was seen: agreeing stamps, ignored "Updated" stamps
    spans: tuple[tuple[int, int], ...] = ()  # the text of every stamp that gives this date

    def to_json(self) -> dict:
        """The JSON form of the command line: date, evidence and kind."""
        return {"date": self.date.isoformat() if self.date else None, "evidence": self.evidence, "kind": self.kind}


@dataclass(frozen=True)
class Expression:
    """A date expression in the text and what it means against the anchor."""

    phrase: str
    start: int  # span of the phrase in the text
    end: int
    date: str | None  # at its precision (see the package docstring); None when it needs an anchor
    precision: str  # day, week, month, season or year
    rule: str  # what decided the date, e.g. "weekday:same-day", "month:past", "season:this"
    core: str  # the part the validator reads ("this week" of "earlier this week")
    sentence_start: int
    sentence_end: int
    span_end: str | None = None  # a span's end, at the same precision ("over the next two years")
    # Counted from a date stated earlier in the text ("two days later"): that date, as the day it
    # starts on, its precision and the phrase that states it (None: from the publication date).
    anchor: str | None = None
    anchor_precision: str | None = None
    anchor_phrase: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A sentence with a date expression: a possible event for ``data/events.yaml``."""

    sentence: str  # text[start:end]
    start: int
    end: int
    phrase: str
    phrase_start: int
    phrase_end: int
    date: str | None
    precision: str
    rule: str
    yaml: str  # one events.yaml entry, indented to paste under "events:"
    restates: bool  # the sentence only restates the publication date, or is another page stamp
    span_end: str | None = None  # a span's end ("over the next two years")
    scheduled: bool = False  # what it dates lies after the publication date: planned, not done
    anchor: str | None = None  # the date it counts from, when not the publication date
    anchor_phrase: str | None = None  # ... and the phrase that states that date

    def to_json(self) -> dict:
        """The JSON form of the command line."""
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "phrase": self.phrase,
            "date": self.date,
            "precision": self.precision,
            "rule": self.rule,
            "span_end": self.span_end,
            "scheduled": self.scheduled,
            "anchor": self.anchor,
            "anchor_phrase": self.anchor_phrase,
            "yaml": self.yaml,
        }


@dataclass(frozen=True)
class Suggestions:
    """What ``suggest`` proposes: the publication date and the candidates, best first."""

    published: Published
    candidates: list[Candidate] = field(default_factory=list)
    truncated: bool = False  # more than MAX_CANDIDATES expressions; the rest are left out
    language: str = "en"  # the code of the language the article was read in
    language_detected: bool = False  # True when it was detected, not given

    def to_json(self) -> dict:
        """The JSON form of the command line."""
        return {"published": self.published.to_json(), "candidates": [c.to_json() for c in self.candidates]}


@dataclass(frozen=True)
class Resolved:
    """What a phrase means: a date at a precision, the rule that decided it, the core read."""

    date: str | None
    precision: str
    rule: str
    core: str
    span_end: str | None = None  # a span's end


def precision_rank(precision: str) -> int:
    """Order of precisions, coarse to fine: year < season < month < week < day."""
    return RANK[precision]


def first_day(date: str, precision: str) -> dt.date:
    """The first calendar day a found date may mean: the day, a week's Monday, a month's or a
    season's first day, a year's 1 January."""
    if precision in ("day", "week"):
        return dt.date.fromisoformat(date)
    year, _, month = date.partition("-")
    return dt.date(int(year), int(month or 1), 1)


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions ("month" of month and day)."""
    return a if RANK[a] <= RANK[b] else b
