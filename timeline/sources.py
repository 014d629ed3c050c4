"""Article texts: safe paths, verbatim passage search, paragraphs and closest-passage hints."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from timeline.loading import read_text_file

MAX_ARTICLE_BYTES = 20_000_000
_WS = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


@dataclass(frozen=True)
class Span:
    """A [start, end) range of character offsets in the original article text."""

    start: int
    end: int


@dataclass
class Article:
    """An article's text, with a whitespace-collapsed copy for verbatim search."""

    text: str
    flat: str = field(init=False, repr=False)
    _offsets: list[int] = field(init=False, repr=False)  # flat index -> original index

    def __post_init__(self) -> None:
        self.flat, self._offsets = collapse_whitespace(self.text)

    def find(self, quote: str) -> Span | None:
        """Where ``quote`` occurs in the text, whitespace runs counting as one space."""
        needle = _WS.sub(" ", quote).strip()
        if not needle:
            return None
        at = self.flat.find(needle)
        if at < 0:
            return None
        return Span(self._offsets[at], self._offsets[at + len(needle) - 1] + 1)

    def find_all(self, quote: str) -> list[Span]:
        """Every place ``quote`` occurs (whitespace-insensitive), in order."""
        needle = _WS.sub(" ", quote).strip()
        spans, at = [], self.flat.find(needle) if needle else -1
        while at >= 0:
            spans.append(Span(self._offsets[at], self._offsets[at + len(needle) - 1] + 1))
            at = self.flat.find(needle, at + 1)
        return spans

    def paragraph_of(self, span: Span) -> Span:
        """The paragraph (blank-line separated block, or line) holding ``span``."""
        start = max((m.end() for m in _PARAGRAPH_BREAK.finditer(self.text, 0, span.start)), default=0)
        end_match = _PARAGRAPH_BREAK.search(self.text, span.end)
        end = end_match.start() if end_match else len(self.text)
        return Span(start, end)

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return self.text.count("\n", 0, offset) + 1

    def closest(self, quote: str) -> str | None:
        """The passage of the article most like ``quote``: the hint for a quote that is not verbatim."""
        needle = _WS.sub(" ", quote).strip()
        words = self.flat.split(" ")
        width = max(1, len(needle.split(" ")))
        best, best_ratio = None, 0.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        for i in range(0, max(1, len(words) - width + 1)):
            window = " ".join(words[i : i + width])
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
        return best if best_ratio >= 0.5 else None


def collapse_whitespace(text: str) -> tuple[str, list[int]]:
    """Collapse each whitespace run to one space; return the flat text and, for each of its
    characters, the offset of the character it came from."""
    flat: list[str] = []
    offsets: list[int] = []
    for match in re.finditer(r"\s+|\S+", text):
        piece = match.group()
        if piece[0].isspace():
            flat.append(" ")
            offsets.append(match.start())
        else:
            flat.append(piece)
            offsets.extend(range(match.start(), match.end()))
    return "".join(flat), offsets


def check_source_path(seeds_dir: Path, file: str) -> str | None:
    """Why ``file`` may not be used as an article path under ``seeds_dir``, or None if it may."""
    if PurePosixPath(file).is_absolute() or PureWindowsPath(file).is_absolute() or file.startswith(("/", "\\")):
        return f'"{file}" is an absolute path; give a path inside the seeds folder'
    if ".." in PurePosixPath(file.replace("\\", "/")).parts:
        return f'"{file}" contains ".."; give a path inside the seeds folder'
    root = seeds_dir.resolve()
    target = (seeds_dir / file).resolve()
    if not target.is_relative_to(root):
        return f'"{file}" leads outside the seeds folder (through a link)'
    return None


def read_article(path: Path) -> Article:
    """Read an article file (UTF-8); DataError names the file and line of a bad byte."""
    return Article(read_text_file(path, limit=MAX_ARTICLE_BYTES))
