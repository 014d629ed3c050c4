"""HTML for an event's details and for a whole article with its cited passages marked.

Everything that comes from the YAML or an article is escaped here, once, with html.escape;
the page shows these fragments as they are and never interprets their text as Markdown.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from timeline.i18n import (
    N_,
    PRECISION_NAMES,
    _,
    category_name,
    current_language,
    format_date,
    format_money,
    name_of,
)
from timeline.models import Event
from timeline.sources import Span
from timeline.validate import Dataset

STYLE = """<style>
.tl-event h2{margin:0 0 .2rem 0;padding:0;font-size:1.3rem;line-height:1.3;scroll-margin-top:4.5rem}
.tl-event h2:focus{outline:none;box-shadow:-.45rem 0 0 #1c62b9}
.tl-event h3{margin:.7rem 0 .2rem 0;padding:0;font-size:1rem}
.tl-meta{color:#444;font-size:.92rem;margin:.1rem 0 .4rem 0}
.tl-planned{background:#fde2c4}
.tl-back-p{margin:.6rem 0 0 0;font-size:.9rem}
.tl-chip{display:inline-block;border-radius:1rem;padding:0 .55rem;margin-right:.3rem;font-size:.82rem;background:#eef}
.tl-passage{border-left:4px solid #e0b000;background:#fffdf3;padding:.5rem .8rem;margin:.4rem 0;line-height:1.5}
.tl-passage mark,.tl-article mark{background:#ffe066;padding:0 .1rem}
.tl-cite{color:#444;font-size:.85rem;margin-top:.3rem}
.tl-article{white-space:pre-wrap;line-height:1.55;font-size:.95rem;max-height:36rem;overflow:auto;
  border:1px solid #ddd;padding:.8rem;border-radius:.3rem}
.tl-article:focus-visible{outline:3px solid #1c62b9;outline-offset:1px}
.tl-dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;font-size:.92rem}
.tl-dl dt{font-weight:600;color:#444}
.tl-dl dd{margin:0}
</style>"""


def esc(text: object) -> str:
    """Escape text for HTML (quotes too, so it is safe inside attributes)."""
    return html.escape(str(text), quote=True)


_MARKDOWN_SPECIALS = set("\\`*_{}[]()<>#+-.!|~:$&")


def escape_markdown(text: object) -> str:
    """Backslash-escape every Markdown special character, for labels Streamlit renders as Markdown."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in str(text))


def safe_href(url: str) -> str | None:
    """The URL, escaped, if it is http(s); None otherwise (never a javascript: link)."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return esc(url.strip())
    return None


def mark_spans(text: str, spans: list[Span]) -> str:
    """Escape ``text`` and wrap each span in <mark> (overlapping spans are merged)."""
    merged: list[list[int]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if merged and span.start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span.end)
        else:
            merged.append([span.start, span.end])
    out, at = [], 0
    for start, end in merged:
        out.append(esc(text[at:start]))
        out.append(f"<mark>{esc(text[start:end])}</mark>")
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def describe_derivation(dataset: Dataset, event: Event) -> str:
    """One sentence on how the date was derived, as escaped HTML."""
    ev = event.date_evidence
    source = dataset.sources[ev.source]
    derivation = dataset.derivations.get(event.id)
    words = {
        "phrase": f"<span lang='{esc(source.language)}'>{esc(ev.phrase)}</span>",
        "outlet": esc(source.outlet),
        "title": f"<span lang='{esc(source.language)}'>{esc(source.title)}</span>",
        "anchor": esc(ev.anchor.isoformat()),
    }
    if ev.anchor_phrase:
        stated = f"<span lang='{esc(source.language)}'>{esc(ev.anchor_phrase)}</span>"
        base = _(
            "“{phrase}” in {outlet} ({title}), counted from {anchor}, the date “{stated}” gives earlier in the article"
        ).format(stated=stated, **words)
    else:
        base = _("“{phrase}” in {outlet} ({title}), resolved against {anchor}, the article's publication date").format(
            **words
        )
    if derivation and derivation.status == "auto":
        return _("Derived automatically: {how}.").format(how=base)
    note = " " + _("Curator's note: {note}").format(note=f"<span lang='en'>{esc(ev.note)}</span>") if ev.note else ""
    return _("Set by the curator (manual): {how}.").format(how=base) + note


LANGUAGE_NAMES_HERE = {"en": N_("in English"), "es": N_("in Spanish")}  # a source's, in the reader's words


def _citation(source) -> str:
    """Outlet, title (in the article's language), publication date and, when it is not the
    page's, the article's language."""
    published = _("published {date}").format(date=format_date(source.published.date))
    return (
        f"<span lang='{esc(source.language)}'>{esc(source.outlet)}, “{esc(source.title)}”</span>, "
        f"{esc(published)}{_language_note(source)}"
    )


def _language_note(source) -> str:
    """A source's language, named when it is not the page's (a passage is never translated)."""
    if source.language == current_language():
        return ""
    return f" · <span class='tl-chip tl-lang'>{esc(_(LANGUAGE_NAMES_HERE[source.language]))}</span>"


def render_passage(dataset: Dataset, passage) -> str:
    """One source passage: its paragraph with the quoted words in <mark>, and the citation."""
    source = dataset.sources[passage.excerpt.source]
    article = dataset.articles[source.id]
    span = article.span_at(passage.at, passage.length)
    para = article.paragraph_of(span)
    local = Span(span.start - para.start, span.end - para.start)
    body = mark_spans(article.text[para.start : para.end], [local])
    href = safe_href(source.url)
    link = (
        f"<a href='{href}' target='_blank' rel='noopener noreferrer nofollow'>" + esc(_("original page")) + "</a>"
        if href
        else esc(_("no link"))
    )
    # The passage in its article's language, and marked with it (lang=) for screen readers,
    # hyphenation and translation tools.
    return (
        f"<blockquote class='tl-passage' data-source='{esc(source.id)}'>"
        f"<div lang='{esc(source.language)}'>{body}</div>"
        f"<footer class='tl-cite'>{_citation(source)} · {link}</footer></blockquote>"
    )


def render_event(dataset: Dataset, event: Event, position: str = "") -> str:
    """The event's details: its title and date, then each source passage inside its paragraph
    with the quoted words in <mark> (what the reader came for, first), then the summary and how
    the date is known, the administrations, actors and amounts. ``position`` is a line such as
    "Event 3 of 33 in time order"; everything of ours is in the current language, every
    passage in its article's."""
    lang = current_language()
    date = format_date(event.date) + (f" – {format_date(event.end)}" if event.end else "")
    us = ", ".join(dataset.administration(a).name_in(lang) for a in dataset.us_admins.get(event.id, []))
    mx = ", ".join(dataset.administration(a).name_in(lang) for a in dataset.mx_admins.get(event.id, []))
    title, _label, summary = event.text_in(lang)
    precision = _("precision: {precision}").format(precision=name_of(PRECISION_NAMES, event.date.precision))
    rows = [
        (_("Date"), f"{esc(date)} <span class='tl-chip'>{esc(precision)}</span>"),
        (_("How the date is known"), describe_derivation(dataset, event)),
        (_("US administration"), esc(us or "—")),
        (_("Mexican administration"), esc(mx or "—")),
        (_("Actors"), f"<span lang='en'>{esc(', '.join(event.actors))}</span>"),  # names, as the data writes them
    ]
    if event.amounts:
        rows.append(
            (
                _("Amounts"),
                "<br>".join(
                    f"{esc(format_money(a.value, a.currency))}: <span lang='en'>{esc(a.what)}</span>"
                    for a in event.amounts
                ),
            )
        )
    planned = getattr(event, "status", "reported") == "planned"
    status = (
        "<span class='tl-chip tl-planned'>" + esc(_("planned: scheduled when reported, not yet done")) + "</span>"
        if planned
        else ""
    )
    passages = dataset.passages.get(event.id, [])
    parts = [
        STYLE,
        f"<article class='tl-event' lang='{esc(lang)}' data-event-id='{esc(event.id)}' "
        "aria-label='" + esc(_("Selected event")) + "'>",
        f"<h2>{esc(title)}</h2>",
        f"<div class='tl-meta'><span class='tl-chip'>{esc(category_name(event.category))}</span>{status}{esc(date)}"
        + (f" · {esc(position)}" if position else "")
        + "</div>",
        "<h3>" + esc(_("Source passages ({n})").format(n=len(passages))) + "</h3>",
        *(render_passage(dataset, passage) for passage in passages),
        "<h3>" + esc(_("About this event")) + "</h3>",
        f"<p>{esc(summary)}</p>",
        "<dl class='tl-dl'>" + "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>",
        "<p class='tl-back-p'><a class='tl-back' href='#tl-chart'>" + esc(_("↑ Back to the timeline")) + "</a></p>",
        "</article>",
    ]
    return "".join(parts)


def cited_spans(dataset: Dataset, source_id: str) -> list[Span]:
    """Every span of the article that some event quotes."""
    article = dataset.articles[source_id]
    return [span for quote in dataset.quotes_by_source.get(source_id, ()) for span in article.find_all(quote)]


def render_article(dataset: Dataset, source_id: str) -> str:
    """The whole article, escaped, with every passage any event cites in <mark>."""
    source = dataset.sources[source_id]
    article = dataset.articles[source_id]
    href = safe_href(source.url)
    link = (
        f" · <a href='{href}' target='_blank' rel='noopener noreferrer nofollow'>" + esc(_("original page")) + "</a>"
        if href
        else ""
    )
    return (
        f"{STYLE}<div class='tl-cite'>{_citation(source)}{link}</div>"
        # A scrolling box: focusable, so a keyboard can scroll it, and named for a screen reader.
        + f"<div class='tl-article' lang='{esc(source.language)}' data-source='{esc(source_id)}' tabindex='0' "
        "role='region' aria-label='" + esc(_("Whole article: {title}").format(title=source.title)) + "'>"
        f"{mark_spans(article.text, cited_spans(dataset, source_id))}</div>"
    )
