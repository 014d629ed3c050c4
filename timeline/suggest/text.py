"""The article as input: size and binary checks, reading a file, and its sentences."""

from __future__ import annotations

import re

from timeline.errors import DataError, Problem, display_path
from timeline.languages import Language, get
from timeline.loading import read_text_file
from timeline.suggest.model import MAX_FILE_BYTES, MAX_TEXT_CHARS


def check_text_size(text: str) -> None:
    """Refuse a text too long to be an article (DataError), so every answer comes in seconds."""
    if len(text) > MAX_TEXT_CHARS:
        raise DataError(
            [
                Problem(
                    "article",
                    None,
                    f"text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}",
                    hint="paste one article",
                )
            ]
        )


def read_article_text(path) -> str:
    """Read an article for ``suggest``: UTF-8 text under MAX_FILE_BYTES, not binary (DataError)."""
    text = read_text_file(path, limit=MAX_FILE_BYTES)
    if looks_binary(text):
        raise DataError(
            [Problem(display_path(path), None, "looks like a binary file, not text", hint="give a UTF-8 text file")]
        )
    return text


def looks_binary(text: str) -> bool:
    """True when the text holds NUL bytes or many control characters: not an article."""
    sample = text[:65_536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(8, len(sample) // 100)


def split_sentences(text: str, language: str | Language = "en") -> list[tuple[int, int]]:
    """Sentence spans [start, end) in text order, whitespace trimmed.

    A sentence ends at . ! ? before a capital (not after an abbreviation such as "U.S." or
    "Gov."), at a blank line, and at a line break after a short line (a headline, a stamp) or
    after end punctuation; a line break before a lower-case word joins the lines.
    """
    lang = get(language)
    ends = {len(text)}
    for m in lang.inline_end.finditer(text):
        if text[m.start()] == "." and _is_abbreviation(text, m.start(), lang):
            continue
        ends.add(m.end())
    for m in re.finditer(r"\n", text):
        if _is_line_break(text, m.start(), lang):
            ends.add(m.start())
    spans, begin = [], 0
    for end in sorted(ends):
        start, stop = begin, end
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        begin = end
    return spans


def _is_abbreviation(text: str, dot: int, lang: Language) -> bool:
    token = re.search(r"(\S+)$", text[max(0, dot - 30) : dot])
    if not token:
        return False
    word = token.group(1).lstrip('"“‘([«¿¡').lower()
    return word in lang.abbreviations or lang.abbreviation_shape.fullmatch(word) is not None


def _is_line_break(text: str, at: int, lang: Language) -> bool:
    rest = re.match(r"[ \t\u00a0\r]*(\n|\S|$)", text[at + 1 : at + 200])
    nxt = rest.group(1) if rest else ""
    if nxt in ("\n", ""):
        return True
    if nxt.islower():
        return False  # the sentence goes on: "the U.S.\nand Mexico"
    line = text[text.rfind("\n", 0, at) + 1 : at].strip()
    if not line or lang.line_end.search(line):
        return True
    # A short line without end punctuation is a headline, stamp or byline; a long one is wrapped prose.
    return len(line) < 70 and not line.endswith((",", ";", "-"))
