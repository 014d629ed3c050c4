"""The language registry, each language module's consistency, and telling languages apart."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from timeline.errors import DataError
from timeline.languages import LANGUAGE_CODES, Language, detect_language, en, es, get
from timeline.languages.base import fourth_thursday_of_november, word_set
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


# --------------------------------------------------------------------------- shared pieces and holidays


def test_a_word_set_is_the_words_split_on_any_whitespace():
    assert word_set("in  since\nby\tin") == frozenset({"in", "since", "by"})
    assert word_set("") == frozenset()


# Thanksgiving is the fourth Thursday: November 1 on every weekday, the two edges being a
# Thursday (the 1st counts: the 22nd, the earliest) and a Friday (the first Thursday is the
# 7th: the 28th, the latest).
@pytest.mark.parametrize(
    ("year", "thanksgiving"),
    [
        (2018, dt.date(2018, 11, 22)),  # Nov 1 a Thursday
        (2019, dt.date(2019, 11, 28)),  # a Friday
        (2025, dt.date(2025, 11, 27)),  # a Saturday
        (2020, dt.date(2020, 11, 26)),  # a Sunday
        (2021, dt.date(2021, 11, 25)),  # a Monday
        (2022, dt.date(2022, 11, 24)),  # a Tuesday
        (2023, dt.date(2023, 11, 23)),  # a Wednesday
        (2012, dt.date(2012, 11, 22)),  # a Thursday, in a leap year
        (2024, dt.date(2024, 11, 28)),  # a Friday, in a leap year
    ],
)
def test_thanksgiving_is_the_fourth_thursday_of_november(year, thanksgiving):
    assert fourth_thursday_of_november(year) == thanksgiving
    assert get("en").holidays("Thanksgiving")(year) == thanksgiving
    assert get("es").holidays("Día de Acción de Gracias")(year) == thanksgiving


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("Thanksgiving Day", dt.date(2019, 11, 28)),
        ("Christmas Eve", dt.date(2019, 12, 24)),
        ("New Year's Day", dt.date(2019, 1, 1)),
        ("New Year’s Day", dt.date(2019, 1, 1)),  # a typographic apostrophe reads as a plain one
        ("Valentine’s Day", dt.date(2019, 2, 14)),
        ("FOURTH OF JULY", dt.date(2019, 7, 4)),
    ],
)
def test_english_holidays_by_name(name, date):
    assert get("en").holidays(name)(2019) == date


@pytest.mark.parametrize("name", ["Labor Day", "Easter", "Thanks"])
def test_an_unknown_english_holiday_has_no_date(name):
    assert get("en").holidays(name) is None


def test_english_names_match_as_written_or_in_capitals():
    # "May" and "MAY" (a dateline) but never "may", the verb
    assert en._names(("May", "June")) == "May|MAY|June|JUNE"


@pytest.mark.parametrize(
    ("words", "canonical"),
    [
        ("a principios de", "early"),
        ("principios del", "early"),
        ("a inicios de", "early"),
        ("a comienzos del", "early"),
        ("a mediados de", "mid"),
        ("mediados del", "mid"),
        ("a finales de", "late"),
        ("a fines del", "late"),
    ],
)
def test_spanish_qualifiers_read_as_early_mid_or_late(words, canonical):
    assert get("es").qualifier(words) == canonical


@pytest.mark.parametrize(
    ("stamp", "normal"),
    [
        ("el pasado 23 de julio de 2022", "23 de julio de 2022"),
        ("El próximo 5 de junio", "5 de junio"),
        ("pasado 5 de junio", "5 de junio"),
        ("1º de julio de 2023", "1 de julio de 2023"),
        ("primero de mayo de 2023", "1 de mayo de 2023"),
        ("Primero de mayo", "1 de mayo"),
        ("3 de setiembre de 2022", "3 de septiembre de 2022"),
        ("3 de Setiembre de 2022", "3 de septiembre de 2022"),
        ("23 de julio de 2022", "23 de julio de 2022"),  # nothing to change
    ],
)
def test_a_spanish_stamp_is_normalized_for_dateparser(stamp, normal):
    assert get("es").normalize_stamp(stamp) == normal


# --------------------------------------------------------------------------- the registry's edges


@pytest.mark.parametrize("code", ["fr", " FR ", "", "english"])
def test_an_unknown_language_is_refused_with_the_known_ones(code):
    with pytest.raises(DataError) as info:
        get(code)
    shown = code.strip().lower()
    assert str(info.value) == (f'language: "{shown}" is not a language the dates can be read in (hint: one of en, es)')


@pytest.mark.parametrize(("code", "name"), [(" es ", "Spanish"), ("En", "English"), ("es\n", "Spanish")])
def test_a_language_code_is_read_in_any_case_and_spacing(code, name):
    assert get(code).name == name


# Two frequent words of a language are evidence; one is not. "los" and "del" are Spanish only,
# "the" and "of" English only; "Madrid", "Texas" and numbers are neither.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Madrid los Texas", "en"),  # one Spanish word: too little
        ("Madrid los del Texas", "es"),  # two: enough
        ("the Madrid of", "en"),
        ("los del the of", "en"),  # a tie goes to the default
        ("los del la the of", "es"),  # one more Spanish word
        ("los del the of and", "en"),  # one more English word
        ("LOS DEL", "es"),  # read in any case
        ("los2del", "es"),  # a digit separates words
    ],
)
def test_detection_needs_two_frequent_words_and_a_majority(text, code):
    assert detect_language(text) == code


def test_detection_reads_exactly_the_first_20000_characters():
    # Two Spanish words that end at character 20,000 count; moved one character on, the second
    # is cut to "ant" (no stopword of either), leaving one: too little.
    inside = "x" * (20_000 - len(" los ante")) + " los ante"
    assert len(inside) == 20_000 and detect_language(inside) == "es"
    assert detect_language("x" + inside) == "en"


# --------------------------------------------------------------------------- context checks


def accepted(code: str, kind: str, text: str) -> list[str]:
    """The phrases of one kind that the language's context check keeps in ``text``."""
    lang = get(code)
    phrases = []
    for k, pattern in lang.patterns:
        if k != kind:
            continue
        for m in pattern.finditer(text):
            span = lang.accept(kind, m, text)
            if span:
                phrases.append(text[span[0] : span[1]])
    return phrases


# A bare Spanish month is a date after a preposition, or with a lead, a qualifier or a trailing
# "pasado"/"próximo"; after any other word it is not ("un julio caluroso").
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Votaron en julio.", ["julio"]),
        ("Un julio caluroso.", []),
        ("Fue un julio caluroso.", []),
        ("julio fue caluroso.", []),  # nothing before it
        ("Fue julio pasado.", ["julio pasado"]),
        ("Llueve desde julio.", ["desde julio"]),
        ("Fue a finales de julio.", ["a finales de julio"]),
        ("Lo dijo el pasado mes de julio.", ["el pasado mes de julio"]),
    ],
)
def test_a_bare_spanish_month_needs_a_context(text, phrases):
    assert accepted("es", "month", text) == phrases


# A Spanish season is a date with a relative word ("este", "el pasado", in any case and
# spacing), a year, a qualifier or a preposition before it; "el"/"la" alone are no context.
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Hizo calor este verano.", ["este verano"]),
        ("Hizo calor el  Pasado verano.", ["el  Pasado verano"]),
        ("Hizo calor la próxima primavera.", ["la próxima primavera"]),
        ("Hizo calor el verano pasado.", ["el verano pasado"]),
        ("Fue el verano de 2023.", ["el verano de 2023"]),
        ("Llegó a finales del verano.", ["a finales del verano"]),
        ("Viajó en verano.", ["verano"]),
        ("El verano fue caluroso.", []),
        ("Fue verano.", []),
    ],
)
def test_a_spanish_season_needs_a_context(text, phrases):
    assert accepted("es", "season", text) == phrases


# A bare year after "de" is a date unless an amount comes before "de" ("más de 2020 personas").
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Los datos de 2020 son malos.", ["2020"]),
        ("Llegaron más de 2020 personas.", []),
        ("Llegaron cerca de 2020 personas.", []),
        ("Fue en 2020.", ["2020"]),
        ("Fue 2020.", []),
    ],
)
def test_a_spanish_year_after_de_is_no_date_after_an_amount(text, phrases):
    assert accepted("es", "year", text) == phrases


# A capitalised weekday is a name ("Domingo") unless it opens its sentence; the opening is
# looked for in the 40 characters before it, which here still hold the "Y".
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Domingo llegó.", ["Domingo"]),
        ("«Domingo llegó.", ["Domingo"]),
        ("Llegó. Domingo fue.", ["Domingo"]),
        ("Y Domingo llegó.", []),
        ("Y" + " " * 39 + "Domingo llegó.", []),
        ("Y" + " " * 40 + "Domingo llegó.", []),  # the window holds only spaces: no opening
        ("   Domingo llegó.", ["Domingo"]),  # the text's own start opens a sentence
        ("Llegó." + " " * 39 + "Domingo llegó.", ["Domingo"]),  # the full stop 40 back: seen
        ("Llegó." + " " * 40 + "Domingo llegó.", []),  # 41 back: not
    ],
)
def test_a_capitalised_spanish_weekday_is_a_date_only_opening_its_sentence(text, phrases):
    assert accepted("es", "weekday", text) == phrases


# "de miércoles a sábado" is every week, not a day: the range is looked for in the 30
# characters before the second weekday.
@pytest.mark.parametrize(("spaces", "phrases"), [(16, []), (17, ["sábado"])])
def test_a_spanish_weekday_range_is_seen_within_30_characters(spaces, phrases):
    text = "Abre de" + " " * spaces + "miércoles a sábado."
    assert accepted("es", "weekday", text) == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Pasó de lunes a martes.", []),  # "de" and "a <weekday>" after: a range
        ("La cita de lunes quedó firme.", ["lunes"]),  # "de" alone: a day
        ("Abre del lunes a viernes.", ["lunes", "viernes"]),  # "a <weekday>" without "de"
    ],
)
def test_a_spanish_weekday_range_needs_both_de_before_and_a_weekday_after(text, phrases):
    assert accepted("es", "weekday", text) == phrases


@pytest.mark.parametrize(
    ("text", "start", "word"),
    [
        ("de" + " " * 38 + "2023", 40, "de"),  # the word starts 40 characters back: seen
        ("de" + " " * 40 + "2023", 42, ""),  # 42 back: only spaces are looked at
        ("   ", 3, ""),  # no word at all
        ("", 0, ""),
    ],
)
def test_the_spanish_word_before_a_phrase(text, start, word):
    assert es.word_before(text, start) == word


# "Today" opening its sentence, in a clause with no verb of an event, speaks of the present in
# general ("Today, more trucks cross"): no date. The clause ends at . ! ? ; , a quote or a line
# break (not at a colon), and is read for at most 240 characters.
@pytest.mark.parametrize(
    ("code", "text", "phrases"),
    [
        ("en", "Today, more trucks cross than ever.", []),
        ("en", "Today the ministers met.", ["Today"]),
        ("en", "Today, the ministers met.", ["Today"]),  # the comma after "Today" ends no clause
        ("en", "Today, the port will open.", ["Today"]),
        ("en", "Today, XORed keys protect the files.", ["Today"]),  # only commas and spaces are skipped
        ("en", "Officials said today more trucks cross.", ["today"]),  # not opening its sentence
        ("en", "I today sign the order.", ["today"]),  # a one-letter word before it
        ("en", "Officials said   today more trucks cross.", ["today"]),  # spaces open nothing
        ("en", "   Today trucks cross.", []),  # the text's own start opens a sentence
        ("en", "Yes." + " " * 39 + "Today trucks cross.", []),  # the stop 40 characters back
        ("en", "Yes." + " " * 40 + "Today trucks cross.", ["Today"]),  # one further: not seen
        ("en", "Yes. Today trucks cross.", []),
        ("en", "Yes.\nToday trucks cross.", []),
        ("en", "Yes: Today trucks cross.", []),
        ("en", "“Today trucks cross.", []),
        ("en", "Today, trucks cross; officials said so.", []),
        ("en", "Today, trucks cross, officials said.", []),
        ("en", "Today, trucks cross. Officials said so.", []),
        ("en", "Today trucks cross! They said so.", []),
        ("en", "Today trucks cross? They said so.", []),
        ("en", "Today trucks cross\nas officials said.", []),
        ("en", 'Today trucks cross "officials said".', []),
        ("en", "Today trucks cross” officials said.", []),
        ("en", "Today trucks cross: officials said so.", ["Today"]),
        ("en", "Today " + "a" * 235 + " met.", ["Today"]),  # "met" ends at the 240th character
        ("en", "Today " + "a" * 236 + " met.", []),  # one further: not read
        ("es", "Hoy, la frontera es otra.", []),
        ("es", "Hoy, los ministros firmaron el acuerdo.", ["Hoy"]),
        ("es", "Hoy, el puerto abrirá.", ["Hoy"]),
        ("es", "Dijo que hoy la frontera es otra.", ["hoy"]),
        ("es", "¿Hoy la frontera es otra?", []),
        ("es", "«Hoy la frontera es otra» dijeron.", []),
    ],
)
def test_today_opening_a_clause_without_an_event_is_no_date(code, text, phrases):
    assert accepted(code, "near-day", text) == phrases


@pytest.mark.parametrize(
    ("text", "start", "word"),
    [
        ("They met in  July", 13, "in"),
        ("They met IN July", 12, "in"),  # lower-cased
        ("July", 0, ""),  # nothing before
        ("in July", 3, "in"),  # from the very start of the text
        ("1999 July", 5, ""),  # a number is no word
        ("a" + " " * 23 + "July", 24, "a"),  # the word ends 24 characters back: seen
        ("a" + " " * 24 + "July", 25, ""),  # 25: not
    ],
)
def test_the_english_word_before_a_phrase(text, start, word):
    assert en.word_before(text, start) == word


# A bare English month is a date after a preposition or qualifier, or heading a noun phrase
# ("its October talks"); "May" and "March" (verbs too) never after "the" alone; and never in a
# sentence about what happens every year.
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("They met in July.", ["July"]),
        ("They met July.", []),
        ("July was hot.", []),
        ("Its October talks failed.", ["October"]),
        ("Its October.", []),  # no noun after it
        ("Its October of note.", []),
        ("Its October and more.", []),
        ("Its October to come.", []),
        ("Its October ok.", []),  # a noun has three letters or more
        ("Its October Talks.", []),  # and is lower-case
        ("An April summit ended.", ["April"]),
        ("Mexico's June vote counted.", ["June"]),
        ("Mexico’s June vote counted.", ["June"]),
        ("Mexico's June.", []),
        ("A's June games sold out.", ["June"]),  # a possessive at the very start of the text
        ("Mexico's" + " " * 27 + "June vote.", ["June"]),  # the possessive within 30 characters
        ("Mexico's" + " " * 28 + "June vote.", []),
        ("The May vote counted.", ["May"]),
        ("The May of that year.", []),
        ("The May.", []),
        ("The March talks ended.", ["March"]),
        ("The March.", []),
        ("Prices rose since June.", ["since June"]),  # a lead is context enough
        ("Prices rose early June.", ["early June"]),  # so is a qualifier
        ("They met in May.", ["May"]),
        ("In March they met.", ["March"]),
        ("They may meet.", []),
        ("The June and July talks.", ["June", "July"]),
        ("Traffic usually peaks between November and April.", []),
        ("Traffic peaks in November every year.", []),
        ("Traffic peaked in November. It usually falls.", ["November"]),
        ("It usually falls. Traffic peaked in November.", ["November"]),
        ("It usually falls\nTraffic peaked in November.", ["November"]),
    ],
)
def test_a_bare_english_month_needs_a_context(text, phrases):
    assert accepted("en", "month", text) == phrases


# A habit is looked for in the sentence, up to 200 characters either side of the month.
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("usually" + " " * 190 + "in November", []),  # "usually" starts 200 characters before "November"
        ("usually" + " " * 191 + "in November", ["November"]),
        ("in November" + " " * 185 + "usually", []),  # "usually" ends 200 characters from its start
        ("in November" + " " * 186 + "usually", ["November"]),
    ],
)
def test_a_habit_is_looked_for_within_200_characters(text, phrases):
    assert accepted("en", "month", text) == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("They met on Monday.", ["Monday"]),
        ("They meet every Monday.", []),
        ("They meet each Friday.", []),
        ("They meet every last Monday.", ["last Monday"]),
    ],
)
def test_an_english_weekday_after_every_is_a_habit(text, phrases):
    assert accepted("en", "weekday", text) == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("Over the next two years.", ["Over the next two years"]),
        ("For the next 90 days.", ["For the next 90 days"]),
        ("In the past week prices rose.", ["In the past week"]),
        ("In the last two weeks of March.", ["In the last two weeks"]),
        ("Prices rise in the coming months.", []),  # no number: not datable
        ("He left the next day.", []),  # an anchored day, not a span
        ("During the next day or two.", []),
        ("The last week of March was hot.", []),  # a week of a month
        ("The past weeks of March.", []),
        # the "of" is looked for in the 6 characters after the unit
        ("The last week    of March was hot.", []),
        ("The last week     of March was hot.", ["The last week"]),
    ],
)
def test_an_english_span_needs_a_number_and_is_no_part_of_a_month(text, phrases):
    assert accepted("en", "span", text) == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("They met in 2020.", ["2020"]),
        ("Fiscal 2020 ended.", ["2020"]),
        ("The 2020 vote.", ["2020"]),
        ("Since 2020 they meet.", ["Since 2020"]),
        ("By mid-2020 they met.", ["mid-2020"]),
        ("2020 was hot.", []),
        ("Some 2020 people.", []),
    ],
)
def test_a_bare_english_year_needs_a_context(text, phrases):
    assert accepted("en", "year", text) == phrases


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("They met last year.", ["last year"]),
        ("Since last week.", ["last week"]),
        ("Earlier this month they met.", ["Earlier this month"]),
        ("At the start of the year.", ["the start of the year"]),
        ("Over the last year prices rose.", []),  # a span, not a date
    ],
)
def test_an_english_relative_date_after_the_is_a_span(text, phrases):
    assert accepted("en", "relative", text) == phrases


# A season is a date with a relative word, a year, or a qualifier after in/by/since;
# "in the spring" is read from "the".
@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("They met last summer.", ["last summer"]),
        ("They met in summer 2021.", ["summer 2021"]),
        ("They met the summer of 2020.", ["the summer of 2020"]),
        ("They met in the spring.", ["the spring"]),
        ("In the fall prices rose.", ["the fall"]),
        ("In   the fall prices rose.", ["the fall"]),
        ("They met early in the spring.", ["early in the spring"]),
        ("They met in late summer.", ["late summer"]),
        ("By late summer it ended.", ["late summer"]),
        ("Since early spring.", ["early spring"]),
        ("The late summer sun.", []),
        ("The fall of Kabul.", []),
        ("Prices fall.", []),
    ],
)
def test_an_english_season_needs_a_context(text, phrases):
    assert accepted("en", "season", text) == phrases
