"""The Spanish of the shipped data: present, really translated, and in the words Mexican
institutions and papers use.

The models already require a Spanish title and summary for every event (and a label exactly when
the event has one, of 40 characters at most) and a Spanish name for every administration; these
checks are about the words themselves. A Spanish text equal to the English is a copy, not a
translation. Where the English names an institution, the Spanish must name it as Mexico does
("Border Patrol" is the "Patrulla Fronteriza"), field by field: an English title that names it
needs a Spanish title that does too.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from timeline.models import LABEL_MAX_CHARS, TRANSLATED

FIELDS = ("title", "summary")  # labels are abbreviations: they may leave a name out

# (what the English says, what the Spanish must say: any one of these). Matched case-sensitively
# in the English (an institution is written with capitals) and case-insensitively in the Spanish
# (Spanish writes "el secretario de Estado" in lower case).
TERMS = [
    ("National Guard", ("Guardia Nacional",)),
    ("Foreign Ministry", ("Relaciones Exteriores", "Cancillería")),
    ("Foreign Relations", ("Relaciones Exteriores",)),
    ("Foreign Secretary", ("Relaciones Exteriores", "canciller")),
    ("Foreign Minister", ("Relaciones Exteriores", "canciller")),
    ("National Migration Institute", ("Instituto Nacional de Migración", "INM")),
    ("Border Patrol", ("Patrulla Fronteriza",)),
    ("Homeland Security", ("Seguridad Nacional",)),
    ("Interior Minister", ("Gobernación",)),
    ("Interior Ministry", ("Gobernación",)),
    ("Customs and Border Protection", ("Aduanas y Protección Fronteriza",)),
    ("USAID", ("Agencia de los Estados Unidos para el Desarrollo Internacional", "USAID")),
    ("Agency for International Development", ("Agencia de los Estados Unidos para el Desarrollo Internacional",)),
    ("State Department", ("Departamento de Estado",)),
    ("Secretary of State", ("secretario de Estado", "secretaria de Estado")),
    ("White House", ("Casa Blanca",)),
    ("Summit of the Americas", ("Cumbre de las Américas",)),
    ("Bipartisan Infrastructure Law", ("Ley de Infraestructura Bipartidista",)),
    ("Naval Observatory", ("Observatorio Naval",)),
    ("Vice President", ("vicepresidenta", "vicepresidente")),
    ("First Lady", ("primera dama",)),
    ("first lady", ("primera dama",)),
    ("Los Angeles Declaration", ("Declaración de Los Ángeles",)),
    ("Darién Gap", ("Tapón del Darién",)),
    ("fentanyl", ("fentanilo",)),
    ("organized crime", ("crimen organizado",)),
    ("asylum", ("asilo",)),
    ("refugees", ("refugiados",)),
    ("work visas", ("visas de trabajo",)),
]


def spanish(event, field: str) -> str | None:
    return getattr(event.translations["es"], field)


def test_spanish_is_the_only_other_language():
    assert TRANSLATED == ("es",)


def test_every_event_has_spanish_title_summary_and_label(shipped):
    for event in shipped.events:
        es = event.translations["es"]
        assert es.title.strip() and es.summary.strip(), event.id
        assert "\n" not in es.title.strip(), event.id
        assert (es.label is None) == (event.label is None), event.id
        if es.label is not None:
            assert es.label.strip() and len(es.label) <= LABEL_MAX_CHARS, (event.id, es.label)


@pytest.mark.parametrize("field", FIELDS)
def test_spanish_is_not_the_english_copied(shipped, field):
    copied = [e.id for e in shipped.events if spanish(e, field).strip() == getattr(e, field).strip()]
    assert copied == []


def test_labels_are_not_the_english_copied_nor_the_spanish_title(shipped):
    for event in shipped.events:
        es = event.translations["es"]
        assert es.label != event.label, event.id
        assert es.label != es.title, event.id  # a label is short: the title rarely fits


def test_every_administration_has_a_spanish_name(shipped):
    for admin in shipped.administrations:
        assert admin.translations["es"].name.strip(), admin.id
        assert admin.name_in("es") == admin.translations["es"].name


def ascii_id(text: str) -> str:
    """A test id in plain ASCII ("Darien Gap"): pytest writes other letters as escapes
    (Dari\\xe9n), and mutmut, which runs tests by id, cannot find them again."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@pytest.mark.parametrize(("english", "spanish_terms"), TERMS, ids=[ascii_id(english) for english, _ in TERMS])
def test_institutions_are_named_as_mexico_names_them(shipped, english, spanish_terms):
    missing = []
    for event in shipped.events:
        for field in FIELDS:
            if english in getattr(event, field):
                text = spanish(event, field).casefold()
                if not any(term.casefold() in text for term in spanish_terms):
                    missing.append(f"{event.id} {field}: {spanish(event, field)!r}")
    assert missing == [], f'"{english}" should read as one of {spanish_terms}'


def test_the_term_table_is_exercised_by_the_shipped_data(shipped):
    """Most rows of the table meet the data: a table that matches nothing checks nothing."""
    used = {english for english, _ in TERMS for e in shipped.events for f in FIELDS if english in getattr(e, f)}
    for english in ("Border Patrol", "Homeland Security", "Foreign Secretary", "Interior Minister", "White House"):
        assert english in used
    assert len(used) >= 15


def test_amounts_are_written_in_millions_as_mexican_papers_write_them(shipped):
    """$1.5 billion reads "1,500 millones de dólares": comma for thousands, and no "$" or "billion"."""
    for event in shipped.events:
        summary = spanish(event, "summary")
        for amount in event.amounts:
            unit = {"USD": "dólares", "MXN": "pesos"}[amount.currency]
            assert f"{amount.value / 1e6:,.0f} millones de {unit}" in summary, event.id
        for field in FIELDS:
            text = spanish(event, field)
            assert "$" not in text and "billion" not in text, (event.id, field)
            assert not re.search(r"\b\d{1,3}(?:\.\d{3})+\b", text), (event.id, field)  # not "1.500"


def test_spanish_labels_shorten_money_as_the_press_does(shipped):
    for event in shipped.events:
        if event.amounts and event.headline:
            assert "mdd" in event.translations["es"].label, event.id  # millones de dólares
