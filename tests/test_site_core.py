"""What the static-site builder (timeline/site.py) writes, read in-process without a browser:
the folder's files, each data script's kind, key and content, the sizes it reports, the page's
frame, the languages, stale files, the --plotly bundle's checks, and UTF-8 whatever the locale."""

from __future__ import annotations

import json
import locale
import re
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ARTICLE, EVENTS, SOURCES, shared

from timeline import site
from timeline.details import STYLE
from timeline.site import build_site, download_data, plotly_bundle, render_index, site_strings
from timeline.validate import load_dataset

# Four administrations of our own: one ended and one sitting in each country, and a Spanish name
# that differs from the English one (so a name not taken in the reader's language shows).
ADMINISTRATIONS = textwrap.dedent(
    """\
    administrations:
      - id: us-biden
        country: US
        name: Joe Biden
        party: Democratic
        start: 2021-01-20
        end: 2025-01-20
        translations: {es: {name: Joe Biden}}
      - id: us-trump-2
        country: US
        name: Donald Trump
        party: Republican
        start: 2025-01-20
        end: null
        translations: {es: {name: Donald Trump}}
      - id: mx-lopez-obrador
        country: MX
        name: Andrés Manuel López Obrador
        party: Morena
        start: 2018-12-01
        end: 2024-09-30
        translations: {es: {name: AMLO}}
      - id: mx-sheinbaum
        country: MX
        name: Claudia Sheinbaum
        party: Morena
        start: 2024-10-01
        end: null
        translations: {es: {name: Claudia Sheinbaum}}
    """
)

# The tiny dataset's two events, with the border plan a headline (it then needs a label in both
# languages) and a summary of two lines (its CSV row spans two lines).
HEADLINE_EVENTS = (
    EVENTS.replace("category: funding", "category: funding\n    headline: true\n    label: Border plan")
    .replace("title: Acuerdan plan fronterizo,", "title: Acuerdan plan fronterizo, label: Plan fronterizo,")
    .replace("summary: Officials start talking.", 'summary: "Officials start talking.\\nThey meet again in July."')
)

SPANISH = {
    "title": "Cronología de la cooperación fronteriza",
    "intro": "La cooperación fronteriza entre México y Estados Unidos, acontecimiento por acontecimiento, sobre "
    "los gobiernos de la Ciudad de México y Washington. Elija un acontecimiento para leer las frases en que se basa.",
    "filters": "Filtros",
    "us": "Gobierno de EE. UU.",
    "mx": "Gobierno de México",
    "category": "Categoría",
    "years": "Años",
    "search": "Buscar en títulos, resúmenes y citas",
    "count": "{shown} de {total} acontecimientos",
    "clear": "Quitar filtros",
    "none": "Ningún acontecimiento coincide con estos filtros.",
    "choose": "Elija un acontecimiento en la cronología o en la tabla para leer sus fuentes.",
    "prev": "← Anterior",
    "next": "Siguiente →",
    "position": "Acontecimiento {n} de {total} en orden cronológico",
    "hidden": "Acontecimiento {n} de {total} en orden cronológico (oculto por los filtros actuales)",
    "article": "Leer el artículo completo: {outlet}, «{title}»",
    "downloads": "Descargar CSV",
    "download_json": "Descargar JSON",
    "download_timelinejs": "Descargar JSON de TimelineJS",
    "language": "Idioma",
    "all": "Todos",
    "now": "hoy",
    "legend": "● día · ■ mes · ◆ año: con qué precisión se conoce la fecha. Un círculo con número agrupa varios "
    "acontecimientos: elíjalo para verlos en lista. Acerque la vista para ver más etiquetas.",
    "start": "Empiece por un acontecimiento clave:",
}

ENGLISH = {
    "title": "Border Cooperation Timeline",
    "intro": "US–Mexico border cooperation, event by event, over the administrations in Washington and Mexico "
    "City. Choose an event to read the sentences it rests on.",
    "filters": "Filters",
    "us": "US administration",
    "mx": "Mexican administration",
    "category": "Category",
    "years": "Years",
    "search": "Search titles, summaries and quotes",
    "count": "{shown} of {total} events",
    "clear": "Clear filters",
    "none": "No event matches these filters.",
    "choose": "Choose an event on the timeline or in the table to read its sources.",
    "prev": "← Previous event",
    "next": "Next event →",
    "position": "Event {n} of {total} in time order",
    "hidden": "Event {n} of {total} in time order (hidden by the current filters)",
    "article": "Read the whole article: {outlet}, “{title}”",
    "downloads": "Download CSV",
    "download_json": "Download JSON",
    "download_timelinejs": "Download TimelineJS JSON",
    "language": "Language",
    "all": "All",
    "now": "now",
    "legend": "● day · ■ month · ◆ year: how precisely the date is known. A numbered circle holds several events: "
    "choose it to list them. Zoom in to see more labels.",
    "start": "Start with a key event:",
}

FILES = [
    "articles/en/wire-2022.js",
    "articles/es/wire-2022.js",
    "data-en.js",
    "data-es.js",
    "details/en/0.js",
    "details/es/0.js",
    "downloads.js",
    "index.html",
    "plotly.min.js",
    "search.js",
    "site.js",
    "timelinejs-en.js",
    "timelinejs-es.js",
]

# Each event's words in both languages, its quotes and its actors, case-folded; the events in
# time order (the talks in June before the plan of 12 July).
SEARCH_JS = (
    'window.__tlSite.put("search","all",['
    '"talks begin officials start talking.\\nthey meet again in july. comienzan las conversaciones '
    'los funcionarios empiezan a dialogar. the agreement follows talks that began last month officials",'
    '"leaders agree on border plan border plan the presidents agree to spend money on border technology. '
    "acuerdan plan fronterizo plan fronterizo invertirán en tecnología fronteriza. agreed to spend $1.5 billion "
    'on border technology united states mexico"]);\n'
)

CITATION = '"Example Wire, ""Leaders agree on border plan"", 2022-07-13, https://example.org/2022/07/13/leaders-agree"'

PUT = re.compile(r'^window\.__tlSite\.put\(("[^"]*"|null),("[^"]*"|null),(.*)\);\n$', re.S)


def read_put(path: Path) -> tuple[object, object, object]:
    """A data script's kind, key and value, read as UTF-8 (whatever the locale)."""
    kind, key, body = PUT.match(path.read_bytes().decode("utf-8")).groups()
    return json.loads(kind), json.loads(key), json.loads(body)


def write_dataset(root: Path) -> tuple[Path, Path]:
    data_dir, seeds_dir = root / "data", root / "seeds"
    data_dir.mkdir(parents=True)
    seeds_dir.mkdir()
    (seeds_dir / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (data_dir / "administrations.yaml").write_text(ADMINISTRATIONS, encoding="utf-8")
    (data_dir / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (data_dir / "events.yaml").write_text(HEADLINE_EVENTS, encoding="utf-8")
    return data_dir, seeds_dir


@pytest.fixture(scope=shared("module"))
def dataset(tmp_path_factory):
    return load_dataset(*write_dataset(tmp_path_factory.mktemp("dataset")))


@pytest.fixture(scope=shared("module"))
def built(tmp_path_factory, dataset) -> tuple[Path, dict[str, int]]:
    """The site of the dataset, in a folder whose parent does not exist yet either."""
    out = tmp_path_factory.mktemp("public") / "www" / "site"
    return out, build_site(dataset, out)


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def size(folder: Path, *names: str) -> int:
    return sum((folder / name).stat().st_size for name in names)


@pytest.fixture
def ascii_locale():
    """The process's locale as on a machine set to plain C, whose text encoding is ASCII: a file
    read or written without an explicit encoding would fail on any accent."""
    if sys.flags.utf8_mode:
        pytest.skip("in Python's UTF-8 mode every file is UTF-8 whatever the locale")
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        if locale.getencoding() not in ("ANSI_X3.4-1968", "ascii", "US-ASCII"):
            pytest.skip(f"the C locale's encoding here is {locale.getencoding()}, not ASCII")
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, before)


# --- the folder and the sizes -------------------------------------------------------------------


def test_the_site_has_a_data_panel_article_and_timelinejs_file_per_language(built):
    out, _sizes = built
    assert files_in(out) == FILES


@pytest.mark.parametrize(
    ("name", "kind", "key"),
    [
        ("data-en.js", "data", "en"),
        ("data-es.js", "data", "es"),
        ("details/en/0.js", "details", "en/0"),
        ("details/es/0.js", "details", "es/0"),
        ("articles/en/wire-2022.js", "article", "en/wire-2022"),
        ("articles/es/wire-2022.js", "article", "es/wire-2022"),
        ("timelinejs-en.js", "timelinejs", "en"),
        ("timelinejs-es.js", "timelinejs", "es"),
        ("search.js", "search", "all"),
        ("downloads.js", "downloads", "all"),
    ],
)
def test_each_data_script_hands_its_kind_and_key_to_the_page(built, name, kind, key):
    out, _sizes = built
    assert read_put(out / name)[:2] == (kind, key)


def test_the_sizes_reported_are_the_bytes_of_each_parts_files(built):
    out, sizes = built
    # The report adds up every file of a part, in both languages (not the last one written).
    assert sizes == {
        "data": size(out, "data-en.js", "data-es.js"),
        "search": size(out, "search.js"),
        "details": size(out, "details/en/0.js", "details/es/0.js"),
        "articles": size(out, "articles/en/wire-2022.js", "articles/es/wire-2022.js"),
        "downloads": size(out, "timelinejs-en.js", "timelinejs-es.js", "downloads.js"),
        "page": size(out, "index.html", "site.js"),
        "plotly": size(out, "plotly.min.js"),
    }
    assert sizes["search"] == 483  # the bytes of SEARCH_JS below, its accents two bytes each


def test_the_search_script_holds_each_events_words_in_time_order(built):
    out, _sizes = built
    assert (out / "search.js").read_bytes().decode("utf-8") == SEARCH_JS


def test_the_page_opens_in_the_first_language_and_offers_both(built):
    out, _sizes = built
    page = (out / "index.html").read_bytes().decode("utf-8")
    assert page.startswith('<!doctype html>\n<html lang="en">\n')
    assert '\n<script>window.__tlLanguages = {"en": "English", "es": "Español"};</script>\n' in page
    assert page.endswith('\n<script src="site.js"></script>\n</body>\n</html>\n')
    # The site's script is the project's own file, copied as it is.
    assert (out / "site.js").read_bytes() == (Path(__file__).parents[1] / "timeline" / "site.js").read_bytes()


# --- what the reader reads before any click -------------------------------------------------------

ADMINS = {
    "en": [
        {"id": "mx-lopez-obrador", "country": "MX", "name": "Andrés Manuel López Obrador (2018–2024)", "bit": 1},
        {"id": "mx-sheinbaum", "country": "MX", "name": "Claudia Sheinbaum (2024–now)", "bit": 2},
        {"id": "us-biden", "country": "US", "name": "Joe Biden (2021–2025)", "bit": 4},
        {"id": "us-trump-2", "country": "US", "name": "Donald Trump (2025–now)", "bit": 8},
    ],
    "es": [
        {"id": "mx-lopez-obrador", "country": "MX", "name": "AMLO (2018–2024)", "bit": 1},
        {"id": "mx-sheinbaum", "country": "MX", "name": "Claudia Sheinbaum (2024–hoy)", "bit": 2},
        {"id": "us-biden", "country": "US", "name": "Joe Biden (2021–2025)", "bit": 4},
        {"id": "us-trump-2", "country": "US", "name": "Donald Trump (2025–hoy)", "bit": 8},
    ],
}
CATEGORY_NAMES = {
    "en": ["agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context"],
    "es": ["acuerdo", "financiamiento", "seguridad", "vías migratorias", "diplomacia", "contexto"],
}
CATEGORY_IDS = ["agreement", "funding", "enforcement", "migration-pathways", "diplomacy", "context"]


@pytest.mark.parametrize(("lang", "strings"), [("en", ENGLISH), ("es", SPANISH)])
def test_the_data_script_carries_the_filters_and_words_in_its_language(built, lang, strings):
    out, _sizes = built
    data = read_put(out / f"data-{lang}.js")[2]
    chart = data.pop("chart")
    assert data == {
        "lang": lang,
        # Administrations by country, then start; each a bit of the events' masks.
        "admins": ADMINS[lang],
        "categories": [{"id": c, "name": n} for c, n in zip(CATEGORY_IDS, CATEGORY_NAMES[lang], strict=True)],
        "events": {
            "category": [4, 1],  # diplomacy, funding
            "us": [4, 4],  # Biden's bit
            "mx": [1, 1],  # López Obrador's bit
            "first": [19144, 19185],  # 1 June 2022 and 12 July 2022, in days since 1970
            "last": [19173, 19185],  # 30 June 2022 and 12 July 2022
            "headline": [1],  # the border plan
        },
        "years": [2022, 2022],
        "chunk": 100,
        "strings": strings,
        "sources": [
            {"id": "wire-2022", "outlet": "Example Wire", "title": "Leaders agree on border plan", "language": "en"}
        ],
        "event_sources": [[0], [0]],
    }
    # The chart's own payload, in the site's height and the file's language.
    assert chart["layout"]["height"] == 470
    assert chart["events"]["id"] == ["talks-begin", "border-plan"]
    assert [c["name"] for c in chart["categories"]] == CATEGORY_NAMES[lang]


def test_days_and_masks_are_written_as_whole_numbers(built):
    out, _sizes = built
    # 19144, not 19144.0: the filters compare days and bits, and the file stays small.
    text = (out / "data-en.js").read_bytes().decode("utf-8")
    assert (
        '"events":{"category":[4,1],"us":[4,4],"mx":[1,1],"first":[19144,19185],"last":[19173,19185],"headline":[1]}'
        in text
    )


@pytest.mark.parametrize(("lang", "strings"), [("en", ENGLISH), ("es", SPANISH)])
def test_the_sites_words_come_in_the_language_asked(lang, strings):
    assert site_strings(lang) == strings


# --- what is loaded on a click ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "talks", "plan"),
    [
        (
            "en",
            "<article class='tl-event' lang='en' data-event-id='talks-begin' aria-label='Selected event'>"
            "<h2>Talks begin</h2><div class='tl-meta'><span class='tl-chip'>diplomacy</span>Jun 2022</div>",
            "<article class='tl-event' lang='en' data-event-id='border-plan' aria-label='Selected event'>"
            "<h2>Leaders agree on border plan</h2>",
        ),
        (
            "es",
            "<article class='tl-event' lang='es' data-event-id='talks-begin' aria-label='Acontecimiento seleccionado'>"
            "<h2>Comienzan las conversaciones</h2><div class='tl-meta'><span class='tl-chip'>diplomacia</span>"
            "jun 2022</div>",
            "<article class='tl-event' lang='es' data-event-id='border-plan' aria-label='Acontecimiento seleccionado'>"
            "<h2>Acuerdan plan fronterizo</h2>",
        ),
    ],
)
def test_the_panels_are_in_the_files_language_without_the_style_block(built, lang, talks, plan):
    out, _sizes = built
    panels = read_put(out / "details" / lang / "0.js")[2]
    assert list(panels) == ["talks-begin", "border-plan"]
    # The style block is in the page once, never at the head of a panel.
    assert panels["talks-begin"].startswith(talks)
    assert panels["border-plan"].startswith(plan)
    assert not any(STYLE in html for html in panels.values())


@pytest.mark.parametrize(
    ("lang", "cite"),
    [
        (
            "en",
            "<div class='tl-cite'><span lang='en'>Example Wire, “Leaders agree on border plan”</span>, "
            "published Jul 13, 2022 · <a href='https://example.org/2022/07/13/leaders-agree' target='_blank' "
            "rel='noopener noreferrer nofollow'>original page</a></div>",
        ),
        (
            "es",
            "<div class='tl-cite'><span lang='en'>Example Wire, “Leaders agree on border plan”</span>, "
            "publicado el 13 jul 2022 · <span class='tl-chip tl-lang'>en inglés</span> · "
            "<a href='https://example.org/2022/07/13/leaders-agree' target='_blank' "
            "rel='noopener noreferrer nofollow'>página original</a></div>",
        ),
    ],
)
def test_the_whole_article_is_cited_in_the_files_language_with_its_passages_marked(built, lang, cite):
    out, _sizes = built
    html = read_put(out / "articles" / lang / "wire-2022.js")[2]
    assert html.startswith(cite)
    # The article keeps its own line breaks, inside a marked passage too.
    assert "<mark>agreed\nto spend $1.5 billion on border technology</mark>" in html
    assert "<mark>The agreement follows talks that began last month</mark>" in html


@pytest.mark.parametrize(
    ("lang", "headline", "titles"),
    [
        ("en", "US–Mexico border cooperation", ["Talks begin", "Leaders agree on border plan"]),
        (
            "es",
            "Cooperación fronteriza entre México y Estados Unidos",
            ["Comienzan las conversaciones", "Acuerdan plan fronterizo"],
        ),
    ],
)
def test_the_timelinejs_document_is_in_the_files_language(built, lang, headline, titles):
    out, _sizes = built
    document = read_put(out / f"timelinejs-{lang}.js")[2]
    assert document["title"]["text"]["headline"] == headline
    assert [s["unique_id"] for s in document["events"]] == ["talks-begin", "border-plan"]
    assert [s["text"]["headline"] for s in document["events"]] == titles


def test_the_downloads_script_carries_each_events_csv_line_and_json_record(built):
    out, _sizes = built
    downloads = read_put(out / "downloads.js")[2]
    assert list(downloads) == ["csv_header", "csv", "json"]
    assert downloads["csv"][1].startswith("border-plan,2022-07-12,,day,Leaders agree on border plan,")
    assert [r["id"] for r in downloads["json"]] == ["talks-begin", "border-plan"]


def test_each_event_gets_its_own_csv_row_whole_even_across_lines(dataset):
    data = download_data(dataset)
    assert data["csv_header"] == (
        "id,date,end,precision,title,title_es,label,label_es,category,summary,summary_es,actors,amounts,"
        "us_administrations,mx_administrations,date_phrase,date_source,date_anchor,date_derivation,date_note,"
        "sources,citations"
    )
    # The talks' summary holds a line break: its quoted field keeps it and the row stays one entry.
    assert data["csv"] == [
        "talks-begin,2022-06,,month,Talks begin,Comienzan las conversaciones,,,diplomacy,"
        '"Officials start talking.\nThey meet again in July.",Los funcionarios empiezan a dialogar.,Officials,,'
        f"Joe Biden,Andrés Manuel López Obrador,last month,wire-2022,2022-07-13,auto,,wire-2022,{CITATION}\n",
        "border-plan,2022-07-12,,day,Leaders agree on border plan,Acuerdan plan fronterizo,Border plan,"
        "Plan fronterizo,funding,The presidents agree to spend money on border technology.,"
        "Invertirán en tecnología fronteriza.,United States; Mexico,1500000000 USD (border technology),"
        f"Joe Biden,Andrés Manuel López Obrador,Tuesday,wire-2022,2022-07-13,auto,,wire-2022,{CITATION}\n",
    ]
    assert [r["id"] for r in data["json"]] == ["talks-begin", "border-plan"]
    assert data["json"][0]["summary"] == "Officials start talking.\nThey meet again in July."


# --- building again, other languages, other folders ----------------------------------------------


def test_building_over_an_earlier_site_drops_its_old_panels_and_articles_only(tmp_path, dataset):
    out = tmp_path / "site"
    for old in ("details/en/7.js", "articles/en/gone-source.js", "notes.txt"):
        (out / old).parent.mkdir(parents=True, exist_ok=True)
        (out / old).write_text("old", encoding="utf-8")
    build_site(dataset, out)
    # Panels and articles of events and sources no longer there go; a file of the publisher's stays.
    assert files_in(out) == sorted([*FILES, "notes.txt"])


def test_a_site_in_spanish_only_has_only_spanish_files(tmp_path, dataset):
    out = tmp_path / "site"
    sizes = build_site(dataset, out, langs=("es",))
    assert files_in(out) == [
        "articles/es/wire-2022.js",
        "data-es.js",
        "details/es/0.js",
        "downloads.js",
        "index.html",
        "plotly.min.js",
        "search.js",
        "site.js",
        "timelinejs-es.js",
    ]
    page = (out / "index.html").read_bytes().decode("utf-8")
    assert '<html lang="es">' in page
    assert '<script>window.__tlLanguages = {"es": "Español"};</script>' in page
    assert sizes["data"] == size(out, "data-es.js")


def test_the_site_is_written_in_utf8_even_under_an_ascii_locale(tmp_path, dataset, ascii_locale):
    out = tmp_path / "site"
    build_site(dataset, out)
    page = (out / "index.html").read_bytes().decode("utf-8")
    assert '<script>window.__tlLanguages = {"en": "English", "es": "Español"};</script>' in page
    assert read_put(out / "data-es.js")[2]["strings"]["title"] == "Cronología de la cooperación fronteriza"


# --- the page ----------------------------------------------------------------------------------------


def test_the_page_speaks_its_first_language_and_names_each_in_its_own_words():
    page = render_index(("es", "en"))
    assert page.startswith('<!doctype html>\n<html lang="es">\n<head>\n<meta charset="utf-8">\n')
    assert "\n<title>Border Cooperation Timeline</title>\n" in page
    # Names as they are written (not \u00f1 escapes): the page is UTF-8.
    assert '\n<script>window.__tlLanguages = {"es": "Español", "en": "English"};</script>\n' in page


def test_a_language_without_a_name_is_shown_by_its_code():
    page = render_index(("en", "fr"))
    assert '<script>window.__tlLanguages = {"en": "English", "fr": "fr"};</script>' in page


def test_the_charts_module_is_inlined_with_its_default_export_as_a_global():
    page = render_index(("en", "es"))
    assert '<script type="module">\n' in page
    assert "\nwindow.__tlDraw = function (component) {\n" in page
    assert "export default function" not in page


def test_only_the_first_default_export_is_renamed(tmp_path, monkeypatch):
    chart = tmp_path / "chart.js"
    chart.write_text(
        "export default function (c) { return c; }\n// export default function: the page's entry point\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(site, "CHART_JS", chart)
    page = render_index(("en",))
    assert (
        '<script type="module">\n'
        "window.__tlDraw = function (c) { return c; }\n// export default function: the page's entry point\n\n"
        "</script>\n"
    ) in page


def test_the_pages_code_and_styles_are_read_as_utf8_even_under_an_ascii_locale(tmp_path, monkeypatch, ascii_locale):
    # The shipped styles are plain ASCII today; an arrow or an accent in them must not break the build.
    for name, text in (
        ("CHART_JS", "export default function (c) { return '→'; }\n"),
        ("CHART_CSS", ".tl-chart::after { content: '→'; }"),
        ("SITE_CSS", ".tl-site::before { content: 'é'; }"),
    ):
        path = tmp_path / name.lower()
        path.write_bytes(text.encode("utf-8"))
        monkeypatch.setattr(site, name, path)
    page = render_index(("en",))
    styles = "<style>.tl-chart::after { content: '→'; }</style>\n<style>.tl-site::before { content: 'é'; }</style>\n"
    assert styles in page
    assert "window.__tlDraw = function (c) { return '→'; }\n" in page


# --- the --plotly bundle -------------------------------------------------------------------------


def events(n: int):
    return SimpleNamespace(events=[None] * n)


@pytest.mark.parametrize("word", [b"Plotly", b"plotly"])
@pytest.mark.parametrize(
    ("padding", "accepted"),
    [
        (4096 - 6 - 1, True),  # the name ends on byte 4095
        (4096 - 6, True),  # it ends on byte 4096, the last one read
        (4096 - 6 + 1, False),  # it ends on byte 4097: too far in
    ],
)
def test_a_bundle_must_name_plotly_in_its_first_4096_bytes(tmp_path, word, padding, accepted):
    bundle = tmp_path / "bundle.js"
    bundle.write_bytes(b"/" * padding + word + b" = {};")
    if accepted:
        assert plotly_bundle(events(1), bundle) == bundle
    else:
        with pytest.raises(ValueError) as refused:
            plotly_bundle(events(1), bundle)
        assert str(refused.value) == f"--plotly {bundle}: this does not look like a Plotly.js bundle"
