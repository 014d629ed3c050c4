"""The language registry, each language module's consistency, and telling languages apart."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.errors import DataError
from timeline.languages import LANGUAGE_CODES, Language, detect_language, get
from timeline.models import LANGUAGES
from timeline.suggest.resolve import KINDS, _dateparser_day

LANGUAGES_DIR = Path(__file__).parent.parent / "timeline" / "languages"
ARTICLES_ES = Path(__file__).parent / "articles" / "es"
SEEDS = Path(__file__).parent.parent / "seeds"
ANCHOR = dt.date(2024, 2, 28)


# --------------------------------------------------------------------------- the registry


def test_a_language_is_a_file():
    files = {p.stem for p in LANGUAGES_DIR.glob("*.py") if re.fullmatch(r"[a-z]{2,3}", p.stem)}
    assert set(LANGUAGE_CODES) == files == {"en", "es"}
    assert LANGUAGE_CODES[0] == "en"  # the default comes first
    assert set(LANGUAGE_CODES) <= set(LANGUAGES)  # every one can be a source's language


def test_get():
    assert get("es").code == "es" and get("ES").name == "Spanish"
    assert get(None).code == get().code == "en"
    assert get(get("es")) is get("es")
    with pytest.raises(DataError) as info:
        get("fr")
    assert '"fr" is not a language' in str(info.value) and "en, es" in str(info.value)


# --------------------------------------------------------------------------- every language module


@pytest.fixture(params=LANGUAGE_CODES)
def lang(request) -> Language:
    return get(request.param)


def test_names(lang):
    assert len(lang.months) == 12 and len(lang.weekdays) == 7
    assert [lang.month_numbers[m.lower()] for m in lang.months] == list(range(1, 13))
    assert [lang.weekday_numbers[w.lower()] for w in lang.weekdays] == list(range(7))
    assert sorted(set(lang.seasons.values())) == [3, 6, 9, 12]
    assert set(lang.units.values()) == {"day", "week", "month", "year"}


def test_every_pattern_kind_has_a_resolver(lang):
    kinds = [kind for kind, _pattern in lang.patterns]
    assert set(kinds) <= KINDS
    assert lang.explicit_kinds <= set(kinds) and "iso" in lang.explicit_kinds
    # explicit first (a kind may have more than one pattern: "day-month" and a stamp's "06-Dec-2022")
    first_other = next(i for i, k in enumerate(kinds) if k not in lang.explicit_kinds)
    assert kinds[0] == "iso" and all(k not in lang.explicit_kinds for k in kinds[first_other:])


def test_dateparser_reads_the_phrases_the_resolvers_give_it(lang):
    for month in range(1, 13):
        got = _dateparser_day(lang.dp_month(month), ANCHOR, "past", lang.dateparser)
        assert got is not None and got[0].month == month, lang.dp_month(month)
        got = _dateparser_day(lang.dp_month_year(month, 2021), ANCHOR, "past", lang.dateparser)
        assert got is not None and (got[0].year, got[0].month) == (2021, month)
    for rel, shift in (("last", -1), ("this", 0), ("next", 1)):
        for unit in ("week", "month", "year"):
            phrase = lang.dp_relative(rel, unit)
            day, period = _dateparser_day(phrase, ANCHOR, "past", lang.dateparser)
            assert period == unit, phrase
            assert {"week": (day - ANCHOR).days // 7, "month": day.month - 2, "year": day.year - 2024}[unit] == shift
    for n, unit, expected in ((3, "day", dt.date(2024, 2, 25)), (1, "year", dt.date(2023, 2, 28))):
        assert _dateparser_day(lang.dp_ago(n, unit), ANCHOR, "past", lang.dateparser)[0] == expected


def test_near_days(lang):
    offsets = {canonical: offset for canonical, offset in lang.near_days.values()}
    assert offsets["yesterday"] == -1 and offsets["tomorrow"] == 1 and offsets["today"] == 0


def test_stopwords_belong_to_one_language():
    seen: dict[str, str] = {}
    for code in LANGUAGE_CODES:
        for word in get(code).stopwords:
            assert word not in seen, f"{word!r} is a stopword of {seen.get(word)} and {code}"
            seen[word] = code


# --------------------------------------------------------------------------- detecting the language


def test_the_english_seeds_are_english():
    for path in sorted(SEEDS.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "en", path.name


def test_the_spanish_articles_are_spanish():
    for path in sorted(ARTICLES_ES.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "es", path.name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "en"),
        ("2024-02-28", "en"),
        ("Ayer.", "en"),  # too little to tell: the default
        ("Los equipos se reunieron el martes.", "es"),
        ("The teams met on Tuesday at the border.", "en"),
        ("Biden celebrated Cinco de Mayo with the ambassador of Mexico at the White House.", "en"),
        ("El presidente dijo que the deal is done, y que la frontera sigue abierta.", "es"),
    ],
)
def test_detect_language(text, code):
    assert detect_language(text) == code


def test_detection_reads_only_the_start_of_a_long_text():
    text = "Los equipos se reunieron el martes en la frontera. " * 400 + "The talks went on and on. " * 100_000
    assert detect_language(text) == "es"
