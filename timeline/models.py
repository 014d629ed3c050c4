"""Strict models of the three data files: an unknown key is an error, never ignored."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    field_validator,
)

from timeline.dates import PartialDate, parse_partial_date

CATEGORIES = ("agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context")
COUNTRIES = ("US", "MX")
STATUSES = ("reported", "planned")  # planned: the article reports something scheduled, not yet done
LABEL_MAX_CHARS = 40  # a chart label is read at a glance
# The languages of the page and of the events. The data is written in the first; every event
# and administration also carries its words in each of the others (``translations``).
LANGUAGES = ("en", "es")
TRANSLATED = LANGUAGES[1:]

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Bidirectional overrides and isolates can make text read differently from what it is.
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(_BIDI)) + "]")


def _check_text(value: str) -> str:
    bad = _FORBIDDEN.search(value)  # one C-speed scan: this runs on every text of every event
    if bad:
        ch = bad.group()
        kind = "bidirectional control" if ch in _BIDI else "control character"
        raise ValueError(f"contains the {kind} U+{ord(ch):04X}; remove it")
    return value


def _check_line(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if "\n" in value.strip():
        raise ValueError("must be one line")
    return _check_text(value)


def _check_label(value: str) -> str:
    value = _check_line(value).strip()
    if len(value) > LABEL_MAX_CHARS:
        raise ValueError(f"is {len(value)} characters long; keep it to {LABEL_MAX_CHARS} or fewer")
    return value


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f'"{value}" is not a slug: use lower-case letters, digits and single hyphens')
    return value


def _check_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f'"{value}" is not an http(s) address; only http:// and https:// links are allowed')
    if any(c.isspace() for c in value.strip()):
        raise ValueError("an address must not contain spaces")
    return _check_text(value.strip())


def _to_partial(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    return parse_partial_date(value)


def _to_day(value: object) -> dt.date:
    date = _to_partial(value)
    if date.precision != "day":
        raise ValueError(f"{value} must be a full date YYYY-MM-DD")
    return date.first_day()


Text = Annotated[str, AfterValidator(_check_text)]
Line = Annotated[str, AfterValidator(_check_line)]
Label = Annotated[str, AfterValidator(_check_label)]
Slug = Annotated[str, AfterValidator(_check_slug)]
Url = Annotated[str, AfterValidator(_check_url)]
DateValue = Annotated[PartialDate, BeforeValidator(_to_partial), PlainSerializer(str)]
Day = Annotated[dt.date, BeforeValidator(_to_day), PlainSerializer(dt.date.isoformat)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False, arbitrary_types_allowed=True)


class Published(Strict):
    """An article's publication date and how we know it."""

    date: Day
    found_in: Literal["text", "url", "record"]
    phrase: Text | None = None
    note: Text | None = None


class Source(Strict):
    id: Slug
    file: Line
    title: Line
    outlet: Line
    url: Url
    published: Published
    language: Literal[LANGUAGES] = "en"  # type: ignore[valid-type]  # the article's: its dates are read in it


def _require_translations(value: dict, what: str) -> dict:
    unknown = [lang for lang in value if lang not in TRANSLATED]
    if unknown:
        raise ValueError(
            f'"{unknown[0]}" is not a language of this timeline; translations are written under '
            + ", ".join(TRANSLATED)
        )
    missing = [lang for lang in TRANSLATED if lang not in value]
    if missing:
        raise ValueError(f"no {', '.join(missing)} translation; add translations: {{{missing[0]}: {{{what}}}}}")
    return value


class AdministrationText(Strict):
    """An administration's name in another language."""

    name: Line


class Administration(Strict):
    id: Slug
    country: Literal["US", "MX"]
    name: Line
    # what the chart writes on a term's band when the whole name does not fit ("López Obrador")
    short_name: Line | None = None
    party: Line
    start: Day
    end: Day | None = None
    translations: dict[str, AdministrationText] = Field(default_factory=dict, validate_default=True)

    @field_validator("translations")
    @classmethod
    def _translated(cls, value: dict) -> dict:
        return _require_translations(value, "name: ...")

    def name_in(self, lang: str) -> str:
        """The name in ``lang`` (the data's own for its first language)."""
        text = self.translations.get(lang)
        return text.name if text else self.name

    def covers(self, first: dt.date, last: dt.date) -> bool:
        """True when the term overlaps the days first..last (inclusive)."""
        return self.start <= last and (self.end is None or self.end >= first)


class Amount(Strict):
    value: float = Field(gt=0, allow_inf_nan=False)  # .inf would reach the JSON export as Infinity
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
    what: Line


class DateEvidence(Strict):
    source: Slug
    phrase: Line
    anchor: Day
    # When the phrase counts from a date stated elsewhere in the article ("two days later"):
    # the words that state it; the validator reads them against the publication date, and the
    # anchor must be what they give.
    anchor_phrase: Line | None = None
    note: Text | None = None


class Excerpt(Strict):
    source: Slug
    quote: Annotated[str, AfterValidator(_check_line)]


class EventText(Strict):
    """An event's words in another language: our own writing, like the English."""

    title: Line
    label: Label | None = None
    summary: Text = Field(min_length=1)


class Event(Strict):
    id: Slug
    title: Line
    # Before label: its check reads them (fields are validated in this order).
    headline: bool = False  # a key event, always labelled on the chart
    status: Literal[STATUSES] = "reported"  # type: ignore[valid-type]
    label: Label | None = Field(default=None, validate_default=True)  # the chart's short label
    summary: Text = Field(min_length=1)
    category: Literal[CATEGORIES]  # type: ignore[valid-type]
    actors: list[Line] = Field(min_length=1)
    amounts: list[Amount] = Field(default_factory=list)
    date: DateValue
    end: DateValue | None = None
    date_evidence: DateEvidence
    excerpts: list[Excerpt] = Field(min_length=1)
    translations: dict[str, EventText] = Field(default_factory=dict, validate_default=True)

    @field_validator("translations")
    @classmethod
    def _translated(cls, value: dict, info: ValidationInfo) -> dict:
        labelled = info.data.get("label") is not None
        _require_translations(value, "title: ..., summary: ..." + (", label: ..." if labelled else ""))
        for lang, text in value.items():
            if labelled and text.label is None:
                raise ValueError(f"{lang}: no label; the event has one, so give its translation one too")
            if text.label is not None and not labelled:
                raise ValueError(f"{lang}: a label, but the event has none; add the English label too, or remove this")
        return value

    def text_in(self, lang: str) -> tuple[str, str | None, str]:
        """Title, label and summary in ``lang`` (the data's own for its first language)."""
        text = self.translations.get(lang)
        if text is None:
            return self.title, self.label, self.summary
        return text.title, text.label, text.summary

    @field_validator("label")
    @classmethod
    def _headline_needs_label(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None and info.data.get("headline"):
            raise ValueError("a headline event needs a label")
        return value

    def cited_sources(self) -> list[str]:
        """The ids of the sources that report the event: its excerpts' and its date evidence's."""
        return list(dict.fromkeys([*(x.source for x in self.excerpts), self.date_evidence.source]))

    def first_day(self) -> dt.date:
        return self.date.first_day()

    def last_day(self) -> dt.date:
        return (self.end or self.date).last_day()
