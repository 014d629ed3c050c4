"""Propose dated events from a new article: its publication date, the date expressions in its
text resolved against that date, and candidates ready to paste into ``data/events.yaml``.

Pure Python (no streamlit): the command line (``python -m timeline suggest``) and the curator
page are thin layers over :func:`suggest`. The package follows the work's seams:

- ``published``: the publication date, from stamps, bylines, datelines and the address;
- ``find``: finding date expressions (``text`` splits sentences, ``tense`` reads their tense);
- ``resolve``: resolving each against the publication date (or the date it counts from);
- ``candidates``: sentences and YAML snippets; ``labels``: scoring against hand labels;
  ``cli``: the command line.

What is particular to a language (names, patterns, tense cues, stamps) is in
``timeline.languages``; an article is read in the language it is written in, detected from its
frequent words unless given (``language="es"``).

Precision and how a date is written
-----------------------------------
A precision is one of day, week, month, season, year, and the date string follows it:

- day: ``YYYY-MM-DD``; week: ``YYYY-MM-DD`` of the week's Monday (ISO weeks);
- month: ``YYYY-MM``; season: ``YYYY-MM`` of the season's first month (meteorological seasons of
  the northern hemisphere: spring 03-05, summer 06-08, fall 09-11, winter 12-02; a winter is
  named by the year of its December, so "winter 2022" is ``2021-12``);
- year: ``YYYY``.

Finding and resolving date expressions
--------------------------------------
Expressions are found with explicit patterns, never ``dateparser.search.search_dates`` (which
reads "we" as Wednesday, "$45" as 2045 and "may" as May): in English month and weekday names
must be capitalised, a bare month or year needs a preposition or qualifier before it, and "May"
and "March" need more than "the" (Spanish has its own checks: see ``timeline.languages.es``).
dateparser (the article's language, the anchor as ``RELATIVE_BASE``) then resolves what it
reads well; rules resolve the rest (see ``timeline.suggest.resolve``).

The direction comes from the sentence: the tense cue nearest the phrase, inside its clause when
the clause has one, decides; quoted speech has its own tense. "will", "is scheduled to",
"plans to" ("será", "está previsto", "va a") and verbs of scheduling in the present ("starts",
"takes effect", "entra en vigor", "vence") look ahead, as do "starting", "effective" ("a partir
del") right before the phrase, and "until", "by" ("hasta", "para") when nothing else in the
clause says the tense; anything else (past and present tense, no cue) looks back, because a
news report mostly tells what has happened. Looking back, a bare weekday is the most recent one
on or before the anchor, so the anchor's own weekday is the anchor day (looking ahead, the
first on or after it); "this Monday" ("este lunes") is the Monday of the anchor's week (Monday
to Sunday), moved a week on only when the sentence looks ahead and that Monday is past.

Some phrases count from another date: "the following day", "two days later", "a year earlier",
"al día siguiente" count from the nearest date stated before them (not an attribution such as
"said Tuesday", nor a "since 2021"), at the coarser of their unit and that date's precision;
the candidate carries that date (``anchor``) and the phrase that states it (``anchor_phrase``).
A photo caption's "Today" is the day the caption opens with, when that is a written date one
to seven days before the publication. Spans ("over the next two years", "en los últimos tres
meses") run from or to the anchor, with a ``span_end``; a candidate whose date lies after the
publication (or a span looking ahead) is ``scheduled``, and its YAML says ``status: planned``.

Publication date
----------------
See ``timeline.suggest.published``: labelled stamps, bylines and dated datelines first, then
the address and ISO stamps near the top, then bare written dates and yearless datelines, last
epoch stamps (read in UTC); "Updated" and copyright stamps never.
"""

from __future__ import annotations

import datetime as dt

from timeline.languages import LANGUAGE_CODES, detect_language, get
from timeline.languages.en import MONTHS, WEEKDAYS
from timeline.suggest.candidates import build_candidate, build_yaml_snippet, describe_date
from timeline.suggest.cli import cli_main, format_text
from timeline.suggest.find import find_expressions
from timeline.suggest.labels import LabelScore, score_labels
from timeline.suggest.model import (
    MAX_CANDIDATES,
    MAX_FILE_BYTES,
    MAX_SENTENCE_CHARS,
    MAX_TEXT_CHARS,
    PRECISIONS,
    SOURCE_PLACEHOLDER,
    Candidate,
    Expression,
    Published,
    Suggestions,
    precision_rank,
)
from timeline.suggest.published import (
    detect_published,
    given_published,
    is_stamp_line,
    parse_published_option,
)
from timeline.suggest.resolve import clear_caches, format_date, resolve_alone
from timeline.suggest.tense import decide_direction
from timeline.suggest.text import check_text_size, looks_binary, read_article_text, split_sentences


def suggest(
    text: str,
    published: dt.date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    language: str | None = None,
) -> Suggestions:
    """Propose candidate events for an article.

    ``published`` (a date or "YYYY-MM-DD") overrides the detected publication date; ``url`` is
    evidence for it; ``source`` is the source id written into the YAML snippets (a placeholder
    when not given); ``language`` ("en", "es") is the article's, detected from the text when
    None, and recorded in the result. Candidates come in text order, those that only restate the
    publication date (or are page stamps) last. Raises DataError for a text over MAX_TEXT_CHARS,
    a bad date or an unknown language.
    """
    check_text_size(text)
    lang = get(language if language is not None else detect_language(text))
    pub = given_published(published) if published is not None else detect_published(text, url, lang)
    expressions, truncated = find_expressions(text, pub.date, MAX_CANDIDATES, lang)
    candidates = [build_candidate(text, e, pub, source or SOURCE_PLACEHOLDER, lang) for e in expressions]
    candidates.sort(key=lambda c: (c.restates, c.start, c.phrase_start))
    return Suggestions(
        published=pub,
        candidates=candidates,
        truncated=truncated,
        language=lang.code,
        language_detected=language is None,
    )


def find_date_expressions(text: str, anchor: dt.date | None, language: str | None = None) -> list[Expression]:
    """Every date expression in ``text``, in text order, resolved against ``anchor``.

    Without an anchor, relative expressions ("Tuesday", "last month") keep a precision but no
    date (rule "needs-anchor"); absolute ones are still resolved. ``language`` None: detected.
    """
    check_text_size(text)
    lang = get(language if language is not None else detect_language(text))
    return find_expressions(text, anchor, None, lang)[0]


__all__ = [
    "LANGUAGE_CODES",
    "MAX_CANDIDATES",
    "MAX_FILE_BYTES",
    "MAX_SENTENCE_CHARS",
    "MAX_TEXT_CHARS",
    "MONTHS",
    "PRECISIONS",
    "SOURCE_PLACEHOLDER",
    "WEEKDAYS",
    "Candidate",
    "Expression",
    "LabelScore",
    "Published",
    "Suggestions",
    "build_candidate",
    "build_yaml_snippet",
    "check_text_size",
    "clear_caches",
    "cli_main",
    "decide_direction",
    "describe_date",
    "detect_language",
    "detect_published",
    "find_date_expressions",
    "format_date",
    "format_text",
    "given_published",
    "is_stamp_line",
    "looks_binary",
    "parse_published_option",
    "precision_rank",
    "read_article_text",
    "resolve_alone",
    "score_labels",
    "split_sentences",
    "suggest",
]
