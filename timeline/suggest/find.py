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
from timeline.suggest.model import WS, Expression, first_day
from timeline.suggest.published import is_stamp_line
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
    found: list[Expression] = []
    for kind, m, start, end in matches:
        i = bisect.bisect_right(starts, start) - 1
        s_start, s_end = sentences[i] if i >= 0 and sentences[i][1] >= end else (start, end)

        def direction(s_start=s_start, s_end=s_end, start=start, end=end) -> str:
            return decide_direction(text, s_start, s_end, start, end, lang)

        base = None
        if anchor is not None and kind == "anchored":
            base = find_anchor(found, text, lang)
        elif anchor is not None and kind == "near-day" and lang.near_days[WS.sub(" ", m.group("w").lower())][1] == 0:
            base = find_own_day(found, text, start, anchor)
        if base is None:
            resolved = resolve(kind, m, anchor, direction, lang)
        else:
            resolved = resolve(kind, m, first_day(base.date, base.precision), direction, lang, base.precision)
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
                span_end=resolved.span_end,
                anchor=first_day(base.date, base.precision).isoformat() if base else None,
                anchor_precision=base.precision if base else None,
                anchor_phrase=WS.sub(" ", base.phrase).strip() if base else None,
            )
        )
    return found, truncated


def find_anchor(found: list[Expression], text: str, lang: Language) -> Expression | None:
    """The date an anchored phrase ("the following day") counts from: the nearest one stated
    before it, page stamps, spans and seasons aside (None: the publication date)."""
    for expr in reversed(found):
        if expr.date is None or expr.span_end is not None or expr.precision == "season":
            continue
        if ":since" in expr.rule or lang.not_anchor.search(text, max(0, expr.start - 40), expr.start):
            continue  # "said Tuesday", "since 2021": not the date of what the text goes on to tell
        if is_stamp_line(text[expr.sentence_start : expr.sentence_end], lang):
            return None  # the top of the page: what follows counts from the publication
        return expr
    return None


OWN_DAY_MAX = 7  # a caption or an embedded statement is at most a week older than its page


def find_own_day(found: list[Expression], text: str, start: int, anchor: dt.date) -> Expression | None:
    """The day a "today" belongs to when its paragraph states its own: a photo caption or a
    quoted statement that opens with a written date a few days before the publication ("... on
    July 12, 2022 in Washington. Today, the president meets ..."). None: the publication day."""
    for expr in reversed(found):
        if "\n" in text[expr.end : start]:
            return None  # another paragraph
        if expr.rule == "explicit-date":
            days = (anchor - dt.date.fromisoformat(expr.date)).days
            return expr if 1 <= days <= OWN_DAY_MAX else None
    return None


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
