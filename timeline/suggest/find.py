"""Finding date expressions: the language's patterns, their context checks, the longest of
overlapping matches, each resolved in the tense of its sentence.

Expressions are found with explicit patterns, never ``dateparser.search.search_dates`` (which
reads "we" as Wednesday, "$45" as 2045 and "may" as May).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from timeline.languages import Language
from timeline.suggest.model import WS, Expression
from timeline.suggest.resolve import resolve
from timeline.suggest.tense import decide_direction
from timeline.suggest.text import split_sentences

CHUNK_CHARS = 50_000  # the text is scanned in chunks of this size ...
CHUNK_OVERLAP = 200  # ... each read this far past its end (longer than any phrase)

Match = tuple[str, re.Match, int, int]  # kind, match, phrase start, phrase end


def find_expressions(
    text: str, anchor: dt.date | None, limit: int | None, lang: Language
) -> tuple[list[Expression], bool]:
    """The expressions of ``text`` resolved against ``anchor``: at most ``limit`` of them, and
    whether more were left out."""
    matches = select_matches(text, lang, limit)
    truncated = limit is not None and len(matches) > limit
    if truncated:
        matches = matches[:limit]
    sentences = split_sentences(text, lang) if matches else []
    starts = [s for s, _ in sentences]
    found = []
    for kind, m, start, end in matches:
        i = bisect.bisect_right(starts, start) - 1
        s_start, s_end = sentences[i] if i >= 0 and sentences[i][1] >= end else (start, end)

        def direction(s_start=s_start, s_end=s_end, start=start, end=end) -> str:
            return decide_direction(text, s_start, s_end, start, end, lang)

        resolved = resolve(kind, m, anchor, direction, lang)
        if resolved is None:
            continue
        found.append(
            Expression(
                phrase=text[start:end],
                start=start,
                end=end,
                date=resolved.date,
                precision=resolved.precision,
                rule=resolved.rule,
                core=WS.sub(" ", resolved.core),
                sentence_start=s_start,
                sentence_end=s_end,
            )
        )
    return found, truncated


def select_matches(text: str, lang: Language, limit: int | None = None) -> list[Match]:
    """All pattern matches that pass their context check; of overlapping ones, the longest.

    The text is scanned in chunks (each read a little past its end, so a phrase across the
    border is seen whole), and scanning stops once more than ``limit`` are kept: a text dense
    with dates costs no more than its first few pages.
    """
    kept: list[Match] = []
    for a in range(0, len(text), CHUNK_CHARS):
        b = min(len(text), a + CHUNK_CHARS)
        raw = []
        for kind, pattern in lang.patterns:
            for m in pattern.finditer(text, a, min(len(text), b + CHUNK_OVERLAP)):
                if m.start() >= b:
                    break
                span = lang.accept(kind, m, text)
                if span:
                    raw.append((kind, m, *span))
        raw.sort(key=lambda r: (r[2], -(r[3] - r[2])))
        for item in raw:
            if kept and item[2] < kept[-1][3]:
                if item[3] - item[2] > kept[-1][3] - kept[-1][2]:
                    kept[-1] = item
                continue
            kept.append(item)
        if limit is not None and len(kept) > limit:
            break
    return kept
