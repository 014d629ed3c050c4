"""Event details and whole articles as HTML: passages marked, everything escaped."""

from __future__ import annotations

import re

import pytest

from timeline.details import escape_markdown, mark_spans, render_article, render_event, safe_href
from timeline.sources import Span


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
