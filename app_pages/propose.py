"""The curator's page: pick a seed or paste an article, see its dated candidate events, keep
some and copy their YAML into data/events.yaml."""

from __future__ import annotations

import streamlit as st

from app_pages.shared import current_data, data_dirs, language_switch, page_head
from timeline.details import LANGUAGE_NAMES_HERE, esc, escape_markdown
from timeline.errors import DataError
from timeline.i18n import CONFIDENCES, EVIDENCE_KINDS, LANGUAGE_NAMES, PRECISION_NAMES, _, name_of


@st.cache_data(max_entries=32, show_spinner=False)
def suggest_cached(text: str, published: str | None, url: str | None, source: str | None, language: str | None):
    """suggest() once per distinct input."""
    from timeline.suggest import suggest

    return suggest(text, published=published, url=url or None, source=source, language=language)


def candidate_table(suggestions) -> str:
    """The candidates as an HTML table, each phrase marked inside its sentence (all escaped), the
    sentence marked with the article's language."""
    rows, lang = [], suggestions.language
    for i, c in enumerate(suggestions.candidates, 1):
        a, b = c.phrase_start - c.start, c.phrase_end - c.start
        sentence = esc(c.sentence[:a]) + f"<mark>{esc(c.sentence[a:b])}</mark>" + esc(c.sentence[b:])
        restates = " <em>(" + esc(_("restates the publication date")) + ")</em>" if c.restates else ""
        when = esc(c.date or "?")
        if c.span_end:
            when += "<br>" + esc(_("to {end}").format(end=c.span_end))
        if c.scheduled:
            # what lies ahead of the article is planned, not done: the YAML says status: planned
            when += "<br><span class='tl-sched'>" + esc(_("scheduled")) + "</span>"
        counted = ""
        if c.anchor:
            counted = (
                "<br><small>"
                + esc(_("counted from “{phrase}” ({date})")).format(
                    phrase=f"<span lang='{esc(lang)}'>{esc(c.anchor_phrase or '')}</span>", date=esc(c.anchor)
                )
                + "</small>"
            )
        rows.append(
            f"<tr><td>{i}</td><td style='white-space:nowrap'>{when}</td>"
            f"<td>{esc(name_of(PRECISION_NAMES, c.precision))}</td>"
            f"<td><span lang='{esc(lang)}'>{sentence}</span>{restates}{counted}</td>"
            f"<td><code>{esc(c.rule).replace(':', ':<wbr>').replace('-', '-<wbr>')}</code></td></tr>"
        )
    return (
        "<style>.tl-cands{border-collapse:collapse;width:100%;font-size:.9rem}"
        ".tl-cands td,.tl-cands th{border-bottom:1px solid #e5e5e5;padding:.35rem .4rem;vertical-align:top;"
        "text-align:left}.tl-cands mark{background:#ffe066}"
        ".tl-sched{display:inline-block;margin-top:.2rem;padding:0 .35rem;border-radius:.6rem;font-size:.75rem;"
        "background:#e3ecfa;color:#1b3a6b;border:1px solid #9db4dc}</style>"
        "<table class='tl-cands'><thead><tr><th>#</th>"
        + "".join(f"<th>{esc(h)}</th>" for h in (_("Date"), _("Precision"), _("Sentence"), _("Rule")))
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def render() -> None:
    """Propose dated events from a new article, with YAML ready for data/events.yaml."""
    page_head()
    title, switch = st.columns([4, 1], vertical_alignment="center")
    title.title(_("Propose events from an article"))
    with switch:
        language_switch()
    st.caption(
        _(
            "Paste an article or pick a seed. Each sentence with a date expression becomes a candidate, its date "
            "resolved against the publication date. Keep the ones you want and copy their YAML into "
            "data/events.yaml."
        )
    )
    _data, seeds_dir = data_dirs()
    known = {}
    loaded, _key = current_data()
    if not loaded.problems:
        known = {s.file: s for s in loaded.dataset.sources.values()}
    seeds = sorted(p.name for p in seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    modes = {"seed": _("Pick a seed"), "paste": _("Paste text")}
    mode = st.radio(_("Article"), list(modes), format_func=modes.get, horizontal=True, key="c_mode")
    source_id, url, curated_language = None, "", None
    if mode == "seed" and seeds:
        name = st.selectbox(_("Seed article"), seeds, key="c_seed")
        text = (seeds_dir / name).read_text(encoding="utf-8", errors="replace")
        if name in known:
            source_id, url, curated_language = known[name].id, known[name].url, known[name].language
        url = st.text_input(_("Address of the original page (optional)"), value=url, key=f"c_url_{name}")
    else:
        text = st.text_area(_("Article text"), height=260, key="c_text", max_chars=1_500_000)
        url = st.text_input(_("Address of the original page (optional)"), key="c_url")
    languages = {"auto": _("Detect it from the text"), **LANGUAGE_NAMES}  # each language by its own name
    chosen = st.selectbox(
        _("The article's language"),
        list(languages),
        format_func=languages.get,
        index=list(languages).index(curated_language or "auto"),
        key=f"c_lang_{source_id}",
    )
    language = None if chosen == "auto" else chosen
    override = st.checkbox(_("Set the publication date myself"), key="c_override")
    published = st.date_input(_("Publication date"), key="c_published", format="YYYY-MM-DD") if override else None
    if not text.strip():
        st.info(_("Paste an article to see its candidate events."))
        return
    try:
        result = suggest_cached(text, published.isoformat() if published else None, url or None, source_id, language)
    except DataError as exc:
        st.error(escape_markdown("; ".join(str(p) for p in exc.problems)))
        return
    pub = result.published
    if pub.date is None and not published and source_id in (loaded.dataset.sources if loaded.dataset else {}):
        # The text does not say when it was published, but the curated record does.
        curated = loaded.dataset.sources[source_id].published.date
        result = suggest_cached(text, curated.isoformat(), url or None, source_id, language)
        st.caption(
            _("Publication date {date} taken from data/sources.yaml (not found in the text).").format(
                date=curated.isoformat()
            )
        )
        pub = result.published
    lang = result.language  # the article's
    detected = _("The article is {in_language}, detected from the text.")
    given = _("The article is {in_language}.")
    st.caption(
        (detected if result.language_detected else given).format(in_language=_(LANGUAGE_NAMES_HERE[lang]))
        + " "
        + _("Its dates are read in that language; its sentences are shown as written.")
    )
    if pub.date:
        st.html(
            "<p><b>"
            + esc(_("Published {date}").format(date=pub.date.isoformat()))
            + "</b> ("
            + esc(
                _("{kind}, {confidence} confidence").format(
                    kind=name_of(EVIDENCE_KINDS, pub.kind), confidence=name_of(CONFIDENCES, pub.confidence)
                )
            )
            + f"): “<span lang='{esc(lang)}'>{esc(pub.evidence)}</span>”</p>"
            # The suggester's own notes are in English (they are for the curator, like the validator's).
            + (f"<p style='color:#555' lang='en'>{esc(pub.note)}</p>" if pub.note else "")
        )
    else:
        st.warning(
            _(
                "No publication date found in the text or the address: relative dates cannot be resolved. "
                "Set the publication date above."
            )
        )
    st.header(_("{n} candidates").format(n=len(result.candidates)))  # h2 under the page's h1: no level skipped
    if not result.candidates:
        return
    st.html(candidate_table(result))
    scheduled = " · " + _("scheduled")
    labels = {
        i: f"#{i} {c.date or '?'} · {c.phrase}" + (scheduled if c.scheduled else "")
        for i, c in enumerate(result.candidates, 1)
    }
    default = [i for i, c in enumerate(result.candidates, 1) if not c.restates and c.date]
    keep = st.multiselect(
        _("Candidates to keep"),
        list(labels),
        default=default,
        format_func=labels.get,
        key=f"c_keep_{hash(text)}_{published}",
    )
    snippet = "\n".join(result.candidates[i - 1].yaml.rstrip() for i in keep)
    st.caption(
        _(
            "Paste under `events:` in data/events.yaml, then fill in title, summary, category and actors, "
            "and their Spanish under `translations:`."
        )
    )
    # Wrapped and as tall as its text: the block never scrolls, so a keyboard reader misses nothing.
    st.code(snippet or "# " + _("nothing kept"), language="yaml", wrap_lines=True, height="content")


if __name__ == "__main__":
    render()
