"""The page's two languages: the catalog is complete, the language is chosen as a reader expects,
and dates and sums read as each language writes them."""

from __future__ import annotations

import ast
import datetime as dt
import re
import threading

import babel.numbers
import pytest
from babel.messages.pofile import read_po

from timeline import PROJECT_DIR
from timeline.dates import PartialDate
from timeline.i18n import (
    CONFIDENCES,
    EVIDENCE_KINDS,
    LOCALE_DIR,
    PRECISION_NAMES,
    _,
    category_name,
    current_language,
    format_amount,
    format_date,
    format_decimal_places,
    format_money,
    language,
    name_of,
    ngettext,
    pick_language,
    ranked_languages,
    use_language,
)

PO_FILE = LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po"
SOURCES = [PROJECT_DIR / "app.py", *sorted((PROJECT_DIR / "app_pages").glob("*.py"))]
SOURCES += sorted((PROJECT_DIR / "timeline").rglob("*.py"))
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def marked_strings() -> dict[str | tuple[str, str], str]:
    """Every literal string our code passes to _(), N_() or ngettext(), with where it is. An AST
    walk sees calls inside f-strings too, which Babel's extractor does not: such a string would
    never reach the catalog, so it must be found here."""
    found = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Under mutation testing (scripts/mutation.sh) the source holds each function's mutants
        # beside it ("x_name__mutmut_7"): their strings are planted bugs, not ours.
        planted = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and re.search(r"__mutmut_\d+$", node.name)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in planted or not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id in ("_", "N_") and len(args) == 1:
                found.setdefault(args[0], f"{path.relative_to(PROJECT_DIR)}:{node.lineno}")
            elif node.func.id == "ngettext" and len(args) == 2:
                found.setdefault(tuple(args), f"{path.relative_to(PROJECT_DIR)}:{node.lineno}")
    return found


@pytest.fixture(scope="module")
def spanish():
    with PO_FILE.open("rb") as f:
        return read_po(f, locale="es")


@pytest.mark.slow
def test_every_marked_string_has_a_spanish_translation(spanish):
    entries = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in spanish if m.id}
    missing, fuzzy, empty = [], [], []
    for text, where in marked_strings().items():
        entry = entries.get(text)
        if entry is None:
            missing.append(f"{where}: {text!r} (run scripts/messages.sh, then translate it)")
        elif entry.fuzzy:
            fuzzy.append(f"{where}: {text!r}")
        elif not all(entry.string if isinstance(entry.string, tuple) else [entry.string]):
            empty.append(f"{where}: {text!r}")
    assert not missing, "not in the Spanish catalog:\n" + "\n".join(missing)
    assert not fuzzy, "fuzzy (unchecked) translations:\n" + "\n".join(fuzzy)
    assert not empty, "untranslated:\n" + "\n".join(empty)


@pytest.mark.slow
def test_the_catalog_has_every_kind_of_marked_string():
    """The walk above finds strings of each kind (so the completeness test is not vacuous)."""
    found = marked_strings()
    assert found["Border Cooperation Timeline"].startswith("app.py:")
    assert found["agreement"].startswith("timeline/i18n.py:")  # N_
    assert found["About this event"].startswith("timeline/details.py:")  # was inside an f-string
    assert ("{n} event", "{n} events") in found  # ngettext
    assert len(found) >= 100


def test_translations_keep_their_placeholders(spanish):
    wrong = []
    for m in spanish:
        if not m.id:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        wrong += [f"{ids[0]!r} -> {s!r}" for s in strings if set(PLACEHOLDER.findall(s)) != wanted]
    assert not wrong, "a translation must use the same {placeholders}:\n" + "\n".join(wrong)


def test_translated_strings_read_in_spanish_and_english():
    with language("es"):
        assert _("Timeline") == "Cronología"
        assert _("Filters") == "Filtros"
        assert ngettext("{n} event", "{n} events", 1).format(n=1) == "1 acontecimiento"
        assert ngettext("{n} event", "{n} events", 2).format(n=2) == "2 acontecimientos"
        assert category_name("enforcement") == "seguridad"
        assert _("a string nobody marked") == "a string nobody marked"
    with language("en"):
        assert _("Timeline") == "Timeline"
        assert ngettext("{n} event", "{n} events", 1).format(n=1) == "1 event"
        assert category_name("migration-pathways") == "migration-pathways"
    assert category_name("funding", "es") == "financiamiento"


@pytest.mark.parametrize(
    ("asked", "browser", "accept", "expected"),
    [
        ("es", None, None, "es"),
        ("en", "es-MX", "es-MX,es;q=0.9", "en"),  # the address wins over the browser
        (" ES ", None, None, "es"),
        ("fr", "es-MX", None, "es"),  # a language we lack in the address: the browser decides
        (None, "es", None, "es"),
        (None, "es-MX", None, "es"),
        (None, "es-US", None, "es"),
        (None, "es_419", None, "es"),
        (None, "en-GB", "es", "en"),  # navigator.language comes before the header
        (None, "fr-FR", "fr;q=1, es;q=0.8, en;q=0.5", "es"),
        (None, None, "en;q=0.4, es-MX;q=0.9", "es"),
        (None, None, "es;q=0, en;q=0.1", "en"),  # q=0 means "not this one"
        (None, None, "de, fr", "en"),
        (None, None, "es;q=abc, ;;;, ===", "en"),  # malformed parts are skipped
        (None, None, None, "en"),
        ("", "", "", "en"),
    ],
)
def test_pick_language(asked, browser, accept, expected):
    assert pick_language(asked, browser, accept) == expected


def test_ranked_languages_orders_by_quality_then_position():
    assert ranked_languages("en;q=0.5, es-MX, fr;q=0.5, de;q=0") == ["es-MX", "en", "fr"]
    assert ranked_languages(None) == []


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("2013-07-23", "es", "23 jul 2013"),
        ("2013-07", "es", "jul 2013"),
        ("2013", "es", "2013"),
        ("2022-09-03", "es", "3 sep 2022"),
        ("2013-07-23", "en", "Jul 23, 2013"),
        ("2013-07", "en", "Jul 2013"),
        ("2013", "en", "2013"),
        ("2024-02-28", "es", "28 feb 2024"),
    ],
)
def test_dates_read_in_the_language_at_their_precision(value, lang, expected):
    from timeline.dates import parse_partial_date

    assert format_date(parse_partial_date(value), lang) == expected


def test_a_plain_date_is_a_day_and_the_current_language_is_the_default():
    with language("es"):
        assert format_date(dt.date(2024, 2, 28)) == "28 feb 2024"
    assert format_date(PartialDate(2024, 2, None)) == "Feb 2024"


@pytest.mark.parametrize(
    ("value", "en", "es"),
    [
        (1_500_000_000, "USD 1.5 billion", "USD 1,500 millones"),
        (999_999, "USD 999,999", "USD 999,999"),
        (1_000_000, "USD 1 million", "USD 1 millón"),
        (1_000_001, "USD 1 million", "USD 1 millón"),
        (2_000_000, "USD 2 million", "USD 2 millones"),
        (999_999_999_999, "USD 1,000 billion", "USD 1,000,000 millones"),
        (1e12, "USD 1 trillion", "USD 1 billón"),
    ],
)
def test_sums_read_as_each_language_says_them(value, en, es):
    assert format_money(value, "USD", "en") == en
    assert format_money(value, "USD", "es") == es


def test_the_language_belongs_to_one_thread():
    use_language("es")
    seen = []
    other = threading.Thread(target=lambda: seen.append(current_language()))
    other.start()
    other.join()
    try:
        assert seen == ["en"]
        assert current_language() == "es"
        assert use_language("xx") == "en"  # unknown: English
    finally:
        use_language("en")


def test_an_english_plural_is_the_plural_form():
    # n other than 1 takes the second form; the Spanish catalog alone would not show a lost plural
    assert ngettext("{n} event", "{n} events", 2).format(n=2) == "2 events"
    assert ngettext("{n} event", "{n} events", 0).format(n=0) == "0 events"


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("," * 31 + "es", ["es"]),  # the 32nd part is read
        ("," * 32 + "es", []),  # the 33rd is not: a header of thousands of parts costs nothing
    ],
)
def test_only_the_first_32_parts_of_a_header_are_read(accept, expected):
    assert ranked_languages(accept) == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (";;;, es", ["es"]),  # a part that is not a tag is skipped, the rest still read
        ("es;q=1.2.3, en", ["en"]),  # a quality that is not a number likewise
        ("de;q=0", []),  # zero means "not this one"
        ("de;q=0.001", ["de"]),  # any quality above zero is a wish
        ("en;q=1, es", ["en", "es"]),  # no quality is 1: equal to q=1, so the order written decides
        ("es, en;q=1", ["es", "en"]),
        ("en;q=0.9, es", ["es", "en"]),
    ],
)
def test_header_parts_are_skipped_or_ranked(accept, expected):
    assert ranked_languages(accept) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1_240_000_000, "en", "1.2 billion"),  # one decimal, not two
        (1_240_000_000, "es", "1,240 millones"),
        (2_000_000_000, "fr", "2 billion"),  # a language without its own words speaks English
        (999_999, "fr", "999,999"),
        (12_000, "en", "12,000"),  # a whole number shows no decimal point
        (2_500.75, "en", "2,501"),  # under a million: no decimals at all
        (1_050_000, "es", "1.1 millones"),
    ],
)
def test_amounts_in_each_language(value, lang, expected):
    assert format_amount(value, lang) == expected


def test_an_amount_without_a_language_is_in_the_current_one():
    with language("es"):
        assert format_amount(2_000_000) == "2 millones"
        assert format_money(3_000_000_000, "MXN") == "MXN 3,000 millones"
    assert format_amount(2_000_000) == "2 million"


@pytest.mark.parametrize("lang", ["en", "es", "fr"])
def test_numbers_do_not_follow_the_servers_own_locale(monkeypatch, lang):
    # Babel falls back to the process's locale (LC_NUMERIC) when given none: a server set to
    # German would then write "1.234,5". Every language, even one we lack, has its own.
    monkeypatch.setattr(babel.numbers, "LC_NUMERIC", "de_DE")
    assert format_decimal_places(1234.5, lang) == "1,234.5"
    assert format_decimal_places(1234.5, lang, places=0) == "1,234"


@pytest.mark.parametrize(
    ("places", "expected"),
    [(0, "1,235"), (1, "1,234.6"), (2, "1,234.57"), (4, "1,234.5679")],
)
def test_a_number_has_at_most_the_decimals_asked_for(places, expected):
    assert format_decimal_places(1234.56789, "en", places=places) == expected


@pytest.mark.parametrize(
    ("names", "key", "en", "es"),
    [
        (PRECISION_NAMES, "season", "season", "estación"),
        (EVIDENCE_KINDS, "iso-stamp", "ISO time stamp", "marca de tiempo ISO"),
        (CONFIDENCES, "low", "low", "baja"),
        (CONFIDENCES, "certain", "certain", "certain"),  # not in the table: the key as it is
    ],
)
def test_a_table_name_is_shown_in_the_current_language(names, key, en, es):
    assert name_of(names, key) == en
    with language("es"):
        assert name_of(names, key) == es


def test_a_category_not_in_the_list_keeps_its_id():
    assert category_name("weather", "es") == "weather"
    assert category_name("weather", "en") == "weather"
