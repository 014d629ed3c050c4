"""Event details and whole articles as HTML: passages marked, everything escaped."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from timeline.details import (
    STYLE,
    cited_spans,
    esc,
    escape_markdown,
    mark_spans,
    render_article,
    render_event,
    safe_href,
)
from timeline.i18n import language
from timeline.sources import Span
from timeline.validate import load_dataset


def test_event_details_mark_each_passage_in_its_paragraph(shipped):
    event = shipped.event("smart-border-pledge-2022")
    html = render_event(shipped, event)
    marks = re.findall(r"<mark>(.*?)</mark>", html, flags=re.S)
    assert len(marks) == len(event.excerpts)
    assert "Derived automatically" in html and "Jul 12, 2022" in html
    assert "Joe Biden" in html and "Andrés Manuel López Obrador" in html
    assert "USD 1.5 billion" in html


def test_manual_date_shows_the_curators_note(shipped):
    event = shipped.event("border-security-memorandum-2013")
    html = render_event(shipped, event)
    assert "Set by the curator (manual)" in html
    assert "Curator&#x27;s note" in html or "Curator's note" in html


def test_whole_article_marks_every_cited_passage(shipped):
    source_id = "audacy-2022-07-smart-security"
    html = render_article(shipped, source_id)
    marked = " ".join(re.findall(r"<mark>(.*?)</mark>", html, flags=re.S))
    for quote in shipped.quotes_by_source[source_id]:
        assert " ".join(quote.split())[:40].replace("'", "&#x27;").replace('"', "&quot;") in " ".join(marked.split())


def test_mark_spans_escapes_and_merges():
    assert mark_spans("a<b>c", [Span(1, 4)]) == "a<mark>&lt;b&gt;</mark>c"
    assert mark_spans("abcdef", [Span(1, 3), Span(2, 5)]) == "a<mark>bcde</mark>f"


def test_only_http_links():
    assert safe_href("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,hi") is None


def test_escape_markdown():
    assert escape_markdown("[x](javascript:y) *b* :red[z]") == "\\[x\\]\\(javascript\\:y\\) \\*b\\* \\:red\\[z\\]"


# Boundary test for issue 14: a host does not make a link safe; only the http(s) scheme with a
# host does (the scheme check and the host check are both needed, each on its own).
@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("http://example.org/a", "http://example.org/a"),
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"),
        ("  https://example.org/a  ", "https://example.org/a"),
        ("javascript://x/%0aalert(1)", None),
        ("ftp://h/f", None),
        ("data://x/y", None),
        ("file://host/etc/passwd", None),
        ("http:///nohost", None),
        ("https:///nohost", None),
    ],
)
def test_safe_href_needs_an_http_scheme_and_a_host(url, href):
    assert safe_href(url) == href


# --------------------------------------------------------------------------- the whole article

# A second, Spanish source that no event quotes: its article has nothing to mark, and its
# title and text carry characters HTML must escape.
OTHER_SOURCE = """\
  - id: other
    file: other.txt
    title: Sin citas de O'Neil & Peña
    outlet: Diario Otro
    url: https://example.org/otro?a=1&b=2
    language: es
    published:
      date: 2022-07-14
      found_in: record
      note: The outlet's archive lists it.
"""
OTHER_TEXT = "Nadie cita <esta> nota & la otra.\n"


@pytest.fixture
def two_sources(tiny):
    """The tiny dataset (one English article, two events quoting it) and an unquoted Spanish one."""
    tiny.write("sources.yaml", (tiny.data_dir / "sources.yaml").read_text(encoding="utf-8") + OTHER_SOURCE)
    (tiny.seeds_dir / "other.txt").write_text(OTHER_TEXT, encoding="utf-8")
    return tiny.load()


def _without_style(html: str) -> str:
    assert html.startswith(STYLE)  # every fragment brings its own styles
    return html[len(STYLE) :]


def test_the_whole_article_is_cited_linked_labelled_and_marked(two_sources):
    html = _without_style(render_article(two_sources, "wire-2022"))
    assert html == (
        "<div class='tl-cite'><span lang='en'>Example Wire, “Leaders agree on border plan”</span>, "
        "published Jul 13, 2022 · <a href='https://example.org/2022/07/13/leaders-agree' target='_blank' "
        "rel='noopener noreferrer nofollow'>original page</a></div>"
        "<div class='tl-article' lang='en' data-source='wire-2022' tabindex='0' role='region' "
        "aria-label='Whole article: Leaders agree on border plan'>"
        "Leaders agree on border plan\n\n"
        "WASHINGTON — The two presidents met Tuesday at the White House and <mark>agreed\n"
        "to spend $1.5 billion on border technology</mark>.\n\n"
        "<mark>The agreement follows talks that began last month</mark>, officials said.\n"
        "</div>"
    )


def test_an_article_in_another_language_is_named_and_marked_with_its_language(two_sources):
    # No event quotes it: the article is shown whole, with nothing marked; its title in the
    # label and its text are escaped, quotes included (the label is an attribute).
    html = _without_style(render_article(two_sources, "other"))
    assert html == (
        "<div class='tl-cite'><span lang='es'>Diario Otro, “Sin citas de O&#x27;Neil &amp; Peña”</span>, "
        "published Jul 14, 2022 · <span class='tl-chip tl-lang'>in Spanish</span> · "
        "<a href='https://example.org/otro?a=1&amp;b=2' target='_blank' rel='noopener noreferrer nofollow'>"
        "original page</a></div>"
        "<div class='tl-article' lang='es' data-source='other' tabindex='0' role='region' "
        "aria-label='Whole article: Sin citas de O&#x27;Neil &amp; Peña'>"
        "Nadie cita &lt;esta&gt; nota &amp; la otra.\n</div>"
    )


def test_the_whole_article_speaks_the_readers_language_around_the_articles_own(two_sources):
    with language("es"):
        html = _without_style(render_article(two_sources, "wire-2022"))
    assert html.startswith(
        "<div class='tl-cite'><span lang='en'>Example Wire, “Leaders agree on border plan”</span>, "
        "publicado el 13 jul 2022 · <span class='tl-chip tl-lang'>en inglés</span> · "
        "<a href='https://example.org/2022/07/13/leaders-agree' target='_blank' "
        "rel='noopener noreferrer nofollow'>página original</a></div>"
        "<div class='tl-article' lang='en' data-source='wire-2022' tabindex='0' role='region' "
        "aria-label='Artículo completo: Leaders agree on border plan'>Leaders agree on border plan\n"
    )


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/a", "https:///nohost"])
def test_a_source_address_that_is_not_http_gets_no_link(two_sources, url):
    # The validator refuses such an address; the renderer does not rely on it and shows none.
    source = two_sources.sources["other"].model_copy(update={"url": url})
    dataset = replace(two_sources, sources={**two_sources.sources, "other": source})
    html = _without_style(render_article(dataset, "other"))
    assert html.startswith(
        "<div class='tl-cite'><span lang='es'>Diario Otro, “Sin citas de O&#x27;Neil &amp; Peña”</span>, "
        "published Jul 14, 2022 · <span class='tl-chip tl-lang'>in Spanish</span></div>"
        "<div class='tl-article' lang='es' data-source='other' "
    )
    assert "<a " not in html and "original page" not in html


def test_cited_spans_are_every_place_an_event_quotes(two_sources):
    # Each quote once in the article: its span, in the original text (the first quote crosses
    # a line break, which the collapsed search reads as a space).
    spans = cited_spans(two_sources, "wire-2022")
    # the quotes come from a set: their order is not the article's
    assert sorted(spans, key=lambda s: s.start) == [Span(97, 146), Span(149, 198)]
    assert cited_spans(two_sources, "other") == []  # no event quotes it


# --------------------------------------------------------------------------- an event's details

# A second hand-made dataset: an English article and a Spanish one; a two-day event counted
# from a date the article states, quoted in both; a planned event whose day the curator set;
# a year under two Mexican administrations, another under two US ones. The administrations are
# named differently in each language, to show which name a page uses.
GAZETTE = """\
Ports open new lanes

The ministers met on March 2, 2024 to sign the deal. Two days later, they toured the port.

Crossings grew all through 2024, the agency said. Traffic had fallen in 2021.

Work on the new lanes will start next month, the agency said.
"""
DIARIO = """\
Los ministros visitan el puerto

Los ministros recorrieron el puerto el lunes, dos días después de firmar el acuerdo con los vecinos.
"""
PORT_SOURCES = """\
sources:
  - id: gazette
    file: gazette.txt
    title: Ports open new lanes
    outlet: Port & Lane Gazette
    url: https://example.org/gazette?id=7&x=1
    published: {date: 2024-11-15, found_in: record, note: The paper's archive dates it.}
  - id: diario
    file: diario.txt
    title: Los ministros visitan el puerto
    outlet: El Diario
    url: https://example.org/diario
    language: es
    published: {date: 2024-03-06, found_in: record, note: The archive dates it.}
"""
PORT_EVENTS = """\
events:
  - id: port-tour
    title: Ministers tour the port
    summary: The ministers visit the port <after> signing.
    category: diplomacy
    actors: [Ministers, "O'Neil & Co"]
    amounts:
      - {value: 2000000, currency: USD, what: "lanes <new>"}
      - {value: 500, currency: MXN, what: signs}
    date: 2024-03-04
    end: 2024-03-05
    date_evidence:
      source: gazette
      phrase: Two days later
      anchor: 2024-03-02
      anchor_phrase: March 2, 2024
    excerpts:
      - {source: gazette, quote: "Two days later, they toured the port"}
      - {source: diario, quote: Los ministros recorrieron el puerto}
    translations: {es: {title: Los ministros recorren el puerto, summary: Los ministros visitan el puerto.}}
  - id: lanes-open
    title: New lanes open
    summary: Work starts.
    category: funding
    status: planned
    actors: [The agency]
    date: 2024-12-02
    date_evidence:
      source: gazette
      phrase: next month
      anchor: 2024-11-15
      note: The agency's plan names December 2.
    excerpts:
      - {source: gazette, quote: Work on the new lanes will start next month}
    translations: {es: {title: Abren carriles nuevos, summary: Empiezan las obras.}}
  - id: crossings-grow
    title: Crossings grow
    summary: More crossings.
    category: context
    actors: [Travellers]
    date: 2024
    date_evidence: {source: gazette, phrase: "2024", anchor: 2024-11-15}
    excerpts:
      - {source: gazette, quote: Crossings grew all through 2024}
    translations: {es: {title: Crecen los cruces, summary: Más cruces.}}
  - id: traffic-falls
    title: Traffic falls
    summary: Less traffic.
    category: context
    actors: [Travellers]
    date: 2021
    date_evidence: {source: gazette, phrase: in 2021, anchor: 2024-11-15}
    excerpts:
      - {source: gazette, quote: Traffic had fallen in 2021}
    translations: {es: {title: Cae el tráfico, summary: Menos tráfico.}}
"""
PORT_ADMINISTRATIONS = """\
administrations:
  - {id: us-trump, country: US, name: Trump administration, party: Republican, start: 2017-01-20,
     end: 2021-01-20, translations: {es: {name: Gobierno de Trump}}}
  - {id: us-biden, country: US, name: Biden administration, party: Democratic, start: 2021-01-20,
     end: 2025-01-20, translations: {es: {name: Gobierno de Biden}}}
  - {id: mx-amlo, country: MX, name: López Obrador administration, party: Morena, start: 2018-12-01,
     end: 2024-09-30, translations: {es: {name: Gobierno de López Obrador}}}
  - {id: mx-sheinbaum, country: MX, name: Sheinbaum administration, party: Morena, start: 2024-10-01,
     translations: {es: {name: Gobierno de Sheinbaum}}}
"""


@pytest.fixture
def ports(tmp_path):
    data_dir, seeds_dir = tmp_path / "data", tmp_path / "seeds"
    data_dir.mkdir()
    seeds_dir.mkdir()
    (seeds_dir / "gazette.txt").write_text(GAZETTE, encoding="utf-8")
    (seeds_dir / "diario.txt").write_text(DIARIO, encoding="utf-8")
    (data_dir / "administrations.yaml").write_text(PORT_ADMINISTRATIONS, encoding="utf-8")
    (data_dir / "sources.yaml").write_text(PORT_SOURCES, encoding="utf-8")
    (data_dir / "events.yaml").write_text(PORT_EVENTS, encoding="utf-8")
    return load_dataset(data_dir, seeds_dir)


GAZETTE_CITE = (
    "<footer class='tl-cite'><span lang='en'>Port &amp; Lane Gazette, “Ports open new lanes”</span>, "
    "published Nov 15, 2024 · <a href='https://example.org/gazette?id=7&amp;x=1' target='_blank' "
    "rel='noopener noreferrer nofollow'>original page</a></footer>"
)
BACK = "<p class='tl-back-p'><a class='tl-back' href='#tl-chart'>↑ Back to the timeline</a></p>"


def test_event_details_show_the_passages_first_then_the_facts(ports):
    html = _without_style(render_event(ports, ports.event("port-tour"), "Event 2 of 3 in time order"))
    assert html == (
        "<article class='tl-event' lang='en' data-event-id='port-tour' aria-label='Selected event'>"
        "<h2>Ministers tour the port</h2>"
        "<div class='tl-meta'><span class='tl-chip'>diplomacy</span>Mar 4, 2024 – Mar 5, 2024"
        " · Event 2 of 3 in time order</div>"
        "<h3>Source passages (2)</h3>"
        # each passage inside its paragraph, in its article's language
        "<blockquote class='tl-passage' data-source='gazette'><div lang='en'>The ministers met on "
        "March 2, 2024 to sign the deal. <mark>Two days later, they toured the port</mark>.</div>"
        f"{GAZETTE_CITE}</blockquote>"
        "<blockquote class='tl-passage' data-source='diario'><div lang='es'><mark>Los ministros recorrieron "
        "el puerto</mark> el lunes, dos días después de firmar el acuerdo con los vecinos.\n</div>"
        "<footer class='tl-cite'><span lang='es'>El Diario, “Los ministros visitan el puerto”</span>, "
        "published Mar 6, 2024 · <span class='tl-chip tl-lang'>in Spanish</span> · "
        "<a href='https://example.org/diario' target='_blank' rel='noopener noreferrer nofollow'>original page</a>"
        "</footer></blockquote>"
        "<h3>About this event</h3>"
        "<p>The ministers visit the port &lt;after&gt; signing.</p>"
        "<dl class='tl-dl'>"
        "<dt>Date</dt><dd>Mar 4, 2024 – Mar 5, 2024 <span class='tl-chip'>precision: day</span></dd>"
        "<dt>How the date is known</dt><dd>Derived automatically: “<span lang='en'>Two days later</span>” in "
        "Port &amp; Lane Gazette (<span lang='en'>Ports open new lanes</span>), counted from 2024-03-02, "
        "the date “<span lang='en'>March 2, 2024</span>” gives earlier in the article.</dd>"
        "<dt>US administration</dt><dd>Biden administration</dd>"
        "<dt>Mexican administration</dt><dd>López Obrador administration</dd>"
        "<dt>Actors</dt><dd><span lang='en'>Ministers, O&#x27;Neil &amp; Co</span></dd>"
        "<dt>Amounts</dt><dd>USD 2 million: <span lang='en'>lanes &lt;new&gt;</span><br>"
        "MXN 500: <span lang='en'>signs</span></dd>"
        "</dl>"
        f"{BACK}</article>"
    )


def test_event_details_in_spanish_translate_our_words_never_the_passages(ports):
    with language("es"):
        html = _without_style(render_event(ports, ports.event("port-tour")))
    assert html == (
        "<article class='tl-event' lang='es' data-event-id='port-tour' aria-label='Acontecimiento seleccionado'>"
        "<h2>Los ministros recorren el puerto</h2>"
        "<div class='tl-meta'><span class='tl-chip'>diplomacia</span>4 mar 2024 – 5 mar 2024</div>"
        "<h3>Pasajes de las fuentes (2)</h3>"
        "<blockquote class='tl-passage' data-source='gazette'><div lang='en'>The ministers met on "
        "March 2, 2024 to sign the deal. <mark>Two days later, they toured the port</mark>.</div>"
        "<footer class='tl-cite'><span lang='en'>Port &amp; Lane Gazette, “Ports open new lanes”</span>, "
        "publicado el 15 nov 2024 · <span class='tl-chip tl-lang'>en inglés</span> · "
        "<a href='https://example.org/gazette?id=7&amp;x=1' target='_blank' rel='noopener noreferrer nofollow'>"
        "página original</a></footer></blockquote>"
        "<blockquote class='tl-passage' data-source='diario'><div lang='es'><mark>Los ministros recorrieron "
        "el puerto</mark> el lunes, dos días después de firmar el acuerdo con los vecinos.\n</div>"
        "<footer class='tl-cite'><span lang='es'>El Diario, “Los ministros visitan el puerto”</span>, "
        "publicado el 6 mar 2024 · "
        "<a href='https://example.org/diario' target='_blank' rel='noopener noreferrer nofollow'>página original</a>"
        "</footer></blockquote>"
        "<h3>Sobre este acontecimiento</h3>"
        "<p>Los ministros visitan el puerto.</p>"
        "<dl class='tl-dl'>"
        "<dt>Fecha</dt><dd>4 mar 2024 – 5 mar 2024 <span class='tl-chip'>precisión: día</span></dd>"
        "<dt>Cómo se conoce la fecha</dt><dd>Obtenida automáticamente: «<span lang='en'>Two days later</span>» en "
        "Port &amp; Lane Gazette (<span lang='en'>Ports open new lanes</span>), contado desde el 2024-03-02, "
        "la fecha que da «<span lang='en'>March 2, 2024</span>» antes en el artículo.</dd>"
        "<dt>Gobierno de EE. UU.</dt><dd>Gobierno de Biden</dd>"
        "<dt>Gobierno de México</dt><dd>Gobierno de López Obrador</dd>"
        "<dt>Actores</dt><dd><span lang='en'>Ministers, O&#x27;Neil &amp; Co</span></dd>"
        "<dt>Montos</dt><dd>USD 2 millones: <span lang='en'>lanes &lt;new&gt;</span><br>"
        "MXN 500: <span lang='en'>signs</span></dd>"
        "</dl>"
        "<p class='tl-back-p'><a class='tl-back' href='#tl-chart'>↑ Volver a la cronología</a></p></article>"
    )


def test_a_planned_event_with_a_date_the_curator_set_says_both(ports):
    html = _without_style(render_event(ports, ports.event("lanes-open")))
    assert html == (
        "<article class='tl-event' lang='en' data-event-id='lanes-open' aria-label='Selected event'>"
        "<h2>New lanes open</h2>"
        "<div class='tl-meta'><span class='tl-chip'>funding</span>"
        "<span class='tl-chip tl-planned'>planned: scheduled when reported, not yet done</span>Dec 2, 2024</div>"
        "<h3>Source passages (1)</h3>"
        "<blockquote class='tl-passage' data-source='gazette'><div lang='en'><mark>Work on the new lanes will "
        "start next month</mark>, the agency said.\n</div>"
        f"{GAZETTE_CITE}</blockquote>"
        "<h3>About this event</h3>"
        "<p>Work starts.</p>"
        "<dl class='tl-dl'>"
        "<dt>Date</dt><dd>Dec 2, 2024 <span class='tl-chip'>precision: day</span></dd>"
        "<dt>How the date is known</dt><dd>Set by the curator (manual): “<span lang='en'>next month</span>” in "
        "Port &amp; Lane Gazette (<span lang='en'>Ports open new lanes</span>), resolved against 2024-11-15, "
        "the article's publication date. Curator's note: "
        "<span lang='en'>The agency&#x27;s plan names December 2.</span></dd>"
        "<dt>US administration</dt><dd>Biden administration</dd>"
        "<dt>Mexican administration</dt><dd>Sheinbaum administration</dd>"
        "<dt>Actors</dt><dd><span lang='en'>The agency</span></dd>"
        "</dl>"
        f"{BACK}</article>"
    )


def test_a_planned_event_and_the_curators_note_in_spanish(ports):
    with language("es"):
        html = render_event(ports, ports.event("lanes-open"))
    assert (
        "<div class='tl-meta'><span class='tl-chip'>financiamiento</span><span class='tl-chip tl-planned'>"
        "previsto: programado cuando se informó, aún no ocurrido</span>2 dic 2024</div>"
    ) in html
    assert (
        "<dt>Cómo se conoce la fecha</dt><dd>Fijada por la curaduría (manual): «<span lang='en'>next month</span>» "
        "en Port &amp; Lane Gazette (<span lang='en'>Ports open new lanes</span>), resuelta a partir del "
        "2024-11-15, fecha de publicación del artículo. Nota de la curaduría: "
        "<span lang='en'>The agency&#x27;s plan names December 2.</span></dd>"
    ) in html


def test_every_administration_in_office_during_the_event_is_named(ports):
    html = render_event(ports, ports.event("crossings-grow"))
    assert (
        "<dt>US administration</dt><dd>Biden administration</dd>"
        "<dt>Mexican administration</dt><dd>López Obrador administration, Sheinbaum administration</dd>"
    ) in html
    assert "<dt>Date</dt><dd>2024 <span class='tl-chip'>precision: year</span></dd>" in html
    assert "<dt>Amounts</dt>" not in html  # none given
    assert "<div class='tl-meta'><span class='tl-chip'>context</span>2024</div>" in html
    html = render_event(ports, ports.event("traffic-falls"))
    assert (
        "<dt>US administration</dt><dd>Trump administration, Biden administration</dd>"
        "<dt>Mexican administration</dt><dd>López Obrador administration</dd>"
    ) in html


def test_administrations_are_named_in_the_readers_language(ports):
    with language("es"):
        html = render_event(ports, ports.event("crossings-grow"))
    assert (
        "<dt>Gobierno de EE. UU.</dt><dd>Gobierno de Biden</dd>"
        "<dt>Gobierno de México</dt><dd>Gobierno de López Obrador, Gobierno de Sheinbaum</dd>"
    ) in html


def test_an_event_no_administration_covers_shows_a_dash(ports):
    # The validator refuses such a date; the details still read, with a dash for each country.
    dataset = replace(ports, us_admins={}, mx_admins={})
    html = render_event(dataset, ports.event("port-tour"))
    assert "<dt>US administration</dt><dd>—</dd><dt>Mexican administration</dt><dd>—</dd>" in html


def test_an_event_without_passages_says_none(ports):
    dataset = replace(ports, passages={})
    html = render_event(dataset, ports.event("port-tour"))
    assert "<h3>Source passages (0)</h3><h3>About this event</h3>" in html
    assert "<blockquote" not in html


def test_a_date_with_no_derivation_is_the_curators(ports):
    # Only a derivation that says "auto" is called automatic; a note shows only for a curator's date.
    dataset = replace(ports, derivations={})
    html = render_event(dataset, ports.event("crossings-grow"))
    assert (
        "<dd>Set by the curator (manual): “<span lang='en'>2024</span>” in Port &amp; Lane Gazette "
        "(<span lang='en'>Ports open new lanes</span>), resolved against 2024-11-15, "
        "the article's publication date.</dd>"
    ) in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http:///nohost"])
def test_a_passage_whose_source_address_is_not_http_says_no_link(ports, url):
    source = ports.sources["diario"].model_copy(update={"url": url})
    dataset = replace(ports, sources={**ports.sources, "diario": source})
    html = render_event(dataset, ports.event("port-tour"))
    assert (
        "<footer class='tl-cite'><span lang='es'>El Diario, “Los ministros visitan el puerto”</span>, "
        "published Mar 6, 2024 · <span class='tl-chip tl-lang'>in Spanish</span> · no link</footer>"
    ) in html
    assert "javascript" not in html and "nohost" not in html


# --------------------------------------------------------------------------- the small pieces


@pytest.mark.parametrize(
    ("spans", "marked"),
    [
        ([], "abcdef"),
        ([Span(0, 6)], "<mark>abcdef</mark>"),
        ([Span(0, 1), Span(5, 6)], "<mark>a</mark>bcde<mark>f</mark>"),
        ([Span(4, 5), Span(0, 1)], "<mark>a</mark>bcd<mark>e</mark>f"),  # in any order
        ([Span(1, 3), Span(3, 5)], "a<mark>bcde</mark>f"),  # touching: one mark
        ([Span(1, 3), Span(4, 5)], "a<mark>bc</mark>d<mark>e</mark>f"),  # one apart: two
        ([Span(1, 5), Span(2, 3)], "a<mark>bcde</mark>f"),  # one inside another
        ([Span(1, 3), Span(2, 4), Span(3, 5)], "a<mark>bcde</mark>f"),  # a chain
    ],
)
def test_mark_spans_merges_only_spans_that_overlap_or_touch(spans, marked):
    assert mark_spans("abcdef", spans) == marked


def test_mark_spans_escapes_outside_the_marks_too():
    assert mark_spans("<a>&'\"", [Span(1, 2)]) == "&lt;<mark>a</mark>&gt;&amp;&#x27;&quot;"


@pytest.mark.parametrize(
    ("value", "escaped"),
    [('O\'Neil & "Peña" <b>', "O&#x27;Neil &amp; &quot;Peña&quot; &lt;b&gt;"), (42, "42"), (None, "None")],
)
def test_esc_escapes_quotes_for_attributes(value, escaped):
    assert esc(value) == escaped


def test_escape_markdown_escapes_every_special_character_and_nothing_else():
    assert escape_markdown("\\`*_{}[]()<>#+-.!|~:$&") == (
        "\\\\\\`\\*\\_\\{\\}\\[\\]\\(\\)\\<\\>\\#\\+\\-\\.\\!\\|\\~\\:\\$\\&"
    )
    assert escape_markdown("Peña, 2024 ¿sí? \"x\" 'y' @ % ^ = ;") == "Peña, 2024 ¿sí? \"x\" 'y' @ % ^ = ;"
    assert escape_markdown(3.5) == "3\\.5"
