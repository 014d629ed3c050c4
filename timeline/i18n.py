"""The page in the reader's language: the message catalog, the choice of language, dates.

Interface strings are marked with ``_()`` (translated where they are shown) or ``N_()``
(translated later, for strings defined at import time). They are collected into
``timeline/locale/messages.pot`` with Babel and translated in
``timeline/locale/<lang>/LC_MESSAGES/messages.po``, which translators edit with the tools they
use (Poedit, Weblate, ``msgmerge``); ``scripts/messages.sh`` updates both after a change. The
``.po`` file is read directly (compiled in memory on first use), so there is no build step and
no compiled file to keep in step.

The language is per thread (one Streamlit run is one thread): the page sets it at the start of
each run with :func:`use_language`, and the core's ``_()`` calls answer in it. The command line
never sets it and speaks English.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gettext
import io
import re
import threading
from pathlib import Path

from timeline.models import LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
# The locale whose conventions each language's dates follow: Mexico's for Spanish (the readers
# on both sides of the border read Mexican Spanish), the United States' for English.
BABEL_LOCALES = {"en": "en_US", "es": "es_MX"}
LANGUAGE_NAMES = {"en": "English", "es": "Español"}  # each in its own language, for the switch

_state = threading.local()


def use_language(lang: str) -> str:
    """Make ``lang`` this thread's language (an unknown one means English); returns it."""
    _state.lang = lang if lang in LANGUAGES else LANGUAGES[0]
    return _state.lang


def current_language() -> str:
    """This thread's language (English until :func:`use_language` says otherwise)."""
    return getattr(_state, "lang", LANGUAGES[0])


@contextlib.contextmanager
def language(lang: str):
    """Speak ``lang`` inside the block, then go back to the language before it."""
    before = current_language()
    use_language(lang)
    try:
        yield
    finally:
        use_language(before)


@functools.cache
def catalog(lang: str) -> gettext.NullTranslations:
    """The translations into ``lang``, read from its ``.po`` file once per process. Fuzzy
    entries (a translator's guess that is not yet checked) are left out: English shows instead."""
    if lang == LANGUAGES[0]:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as f:
        messages = read_po(f, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, messages, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _(message: str) -> str:
    """``message`` in the current language."""
    return catalog(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message, as the current language counts ``n``."""
    return catalog(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it yet (it is translated where it
    is shown, with ``_()``)."""
    return message


_TAG = re.compile(r"^\s*([A-Za-z]{1,8})(?:[-_][A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def pick_language(asked: str | None, browser: str | None = None, accept: str | None = None) -> str:
    """The reader's language: ``asked`` (the address's ``lang``) when it is one we have; else the
    browser's own language (``navigator.language``, such as ``es-MX``); else the best of an
    ``Accept-Language`` header; else English."""
    if asked and asked.strip().lower() in LANGUAGES:
        return asked.strip().lower()
    for wanted in (browser, *ranked_languages(accept)):
        primary = (wanted or "").replace("_", "-").split("-")[0].strip().lower()
        if primary in LANGUAGES:
            return primary
    return LANGUAGES[0]


def ranked_languages(accept: str | None) -> list[str]:
    """The tags of an ``Accept-Language`` header, best first (a malformed part is skipped)."""
    ranked = []
    for position, part in enumerate((accept or "").split(",")[:32]):
        m = _TAG.match(part)
        if not m:
            continue
        try:
            q = float(m.group(2)) if m.group(2) else 1.0
        except ValueError:
            continue
        if q > 0:
            ranked.append((-q, position, part.split(";")[0].strip()))
    return [tag for _q, _p, tag in sorted(ranked)]


# Babel "skeletons": what to show, in each language's own order ("Jul 23, 2013", "23 jul 2013").
_SKELETONS = {"day": "yMMMd", "month": "yMMM", "year": "y"}


def format_date(date, lang: str | None = None) -> str:
    """A date at its precision in ``lang`` (default: the current language): 'Jul 23, 2013',
    'Jul 2013', '2013'; in Spanish '23 jul 2013', 'jul 2013', '2013'. ``date`` is a
    :class:`timeline.dates.PartialDate` or a ``datetime.date`` (a day)."""
    lang = lang or current_language()
    if isinstance(date, dt.date):
        return _format(date, "day", lang)
    precision = "day" if date.day else "month" if date.month else "year"
    return _format(dt.date(date.year, date.month or 1, date.day or 1), precision, lang)


@functools.lru_cache(maxsize=65536)
def _format(day: dt.date, precision: str, lang: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(_SKELETONS[precision], day, locale=BABEL_LOCALES.get(lang, "en_US"))


# The categories as the page names them (the data's ids, which the English page shows as they are).
CATEGORY_NAMES = {
    "agreement": N_("agreement"),
    "funding": N_("funding"),
    "enforcement": N_("enforcement"),
    "migration-pathways": N_("migration-pathways"),
    "diplomacy": N_("diplomacy"),
    "context": N_("context"),
}


def category_name(category: str, lang: str | None = None) -> str:
    """A category's name in ``lang`` (default: the current language)."""
    return catalog(lang or current_language()).gettext(CATEGORY_NAMES.get(category, category))


# How each language says a large sum: English counts in billions, Spanish in millions (a
# "billón" is a million millions), so 1.5e9 is "1.5 billion" and "1,500 millones".
_SCALES = {  # (size, one, many)
    "en": ((1e12, "trillion", "trillion"), (1e9, "billion", "billion"), (1e6, "million", "million")),
    "es": ((1e12, "billón", "billones"), (1e6, "millón", "millones")),
}


def format_amount(value: float, lang: str | None = None) -> str:
    """An amount as people say it: "1.5 billion", "250 million", "12,000"; in Spanish
    "1,500 millones", "250 millones", "12,000"."""
    lang = lang or current_language()
    for scale, one, many in _SCALES.get(lang, _SCALES["en"]):
        if value >= scale:
            number = format_decimal_places(value / scale, lang)
            return f"{number} {one if number == '1' else many}"
    return format_decimal_places(value, lang, places=0)


def format_money(value: float, currency: str, lang: str | None = None) -> str:
    """An amount with its currency: "USD 1.5 billion"; "USD 1,500 millones"."""
    return f"{currency} {format_amount(value, lang)}"


def format_decimal_places(value: float, lang: str, places: int = 1) -> str:
    """A number with at most ``places`` decimals (none shown when it is whole)."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * places if places else "")
    return format_decimal(round(value, places), format=pattern, locale=BABEL_LOCALES.get(lang, "en_US"))


# How precisely a date is known, and how the curator's page says where a publication date came from.
PRECISION_NAMES = {
    "day": N_("day"),
    "week": N_("week"),
    "month": N_("month"),
    "season": N_("season"),
    "year": N_("year"),
}
EVIDENCE_KINDS = {
    "dateline": N_("dateline"),
    "iso-stamp": N_("ISO time stamp"),
    "written-date": N_("written date"),
    "byline": N_("byline"),
    "epoch": N_("epoch time stamp"),
    "url": N_("address"),
    "given": N_("given by the curator"),
    "none": N_("none"),
}
CONFIDENCES = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}


def name_of(names: dict[str, str], key: str) -> str:
    """``key``'s name from one of the tables above, in the current language (the key itself
    when the table lacks it)."""
    return _(names[key]) if key in names else key
