"""Article texts: safe paths, verbatim passage search, paragraphs and closest-passage hints."""

from __future__ import annotations

import difflib
import heapq
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from timeline.errors import DataError, Problem, display_path
from timeline.loading import read_text_file

MAX_ARTICLE_BYTES = 20_000_000
MAX_HINT_CHARS = 2_000  # a longer quote gets no closest-passage hint: comparing it would take too long
_HINT_BUDGET = 4_000_000  # characters squared closest() may compare, a fraction of a second
_WS = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


@dataclass(frozen=True)
class Span:
    """A [start, end) range of character offsets in the original article text."""

    start: int
    end: int


@dataclass
class Article:
    """An article's text, with a whitespace-collapsed copy for verbatim search.

    The map from the collapsed copy back to the original is built only when a span is asked
    for (to mark a passage): validating thousands of articles needs only the copy.
    """

    text: str
    flat: str = field(init=False, repr=False)
    _offsets: list[int] | None = field(init=False, repr=False, default=None)  # flat index -> original

    def __post_init__(self) -> None:
        self.flat = _WS.sub(" ", self.text)

    def locate(self, quote: str) -> tuple[int, int] | None:
        """(offset, length) of ``quote`` in the collapsed text, or None; whitespace runs count as one space."""
        needle = _WS.sub(" ", quote).strip()
        if not needle:
            return None
        at = self.flat.find(needle)
        return None if at < 0 else (at, len(needle))

    def span_at(self, at: int, length: int) -> Span:
        """The original-text span of ``length`` collapsed characters starting at ``at``."""
        if self._offsets is None:
            self._offsets = collapse_whitespace(self.text)[1]
        return Span(self._offsets[at], self._offsets[at + length - 1] + 1)

    def find(self, quote: str) -> Span | None:
        """Where ``quote`` occurs in the text, whitespace runs counting as one space."""
        found = self.locate(quote)
        return None if found is None else self.span_at(*found)

    def find_all(self, quote: str) -> list[Span]:
        """Every place ``quote`` occurs (whitespace-insensitive), in order."""
        needle = _WS.sub(" ", quote).strip()
        spans, at = [], self.flat.find(needle) if needle else -1
        while at >= 0:
            spans.append(self.span_at(at, len(needle)))
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
        if len(needle) > MAX_HINT_CHARS:
            return None
        # split(), not split(" "): a text opening with a space would give an empty first word,
        # and a hint that starts with a space
        words, needle_words = self.flat.split(), needle.split()
        width = max(1, len(needle_words))
        starts = range(0, max(1, len(words) - width + 1))
        # Each comparison costs up to the square of the length: past the budget, compare only
        # the windows that share the most words with the quote.
        most = max(2, _HINT_BUDGET // max(1, len(needle)) ** 2)
        if len(starts) > most:
            starts = _likeliest_windows(words, needle_words, width, most)
        best, best_ratio = None, 0.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(needle)
        for i in starts:
            window = " ".join(words[i : i + width])
            matcher.set_seq1(window)
            # A window below 0.5 is never the answer; the length test alone rules out huge ones.
            floor = max(best_ratio, 0.5)
            if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
                continue
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
        return best if best_ratio >= 0.5 else None


def _likeliest_windows(words: list[str], needle_words: list[str], width: int, count: int) -> list[int]:
    """The starts of the ``count`` windows of ``width`` words that share the most words with
    the needle (ties to the earliest), in text order. One pass over the words."""
    wanted, have = Counter(needle_words), Counter()
    shared, scores = 0, []
    for i, word in enumerate(words):
        if word in wanted:
            have[word] += 1
            shared += have[word] <= wanted[word]
        if i >= width:
            old = words[i - width]
            if old in wanted:
                shared -= have[old] <= wanted[old]
                have[old] -= 1
        if i >= width - 1:
            scores.append(shared)
    return sorted(heapq.nlargest(count, range(len(scores)), key=scores.__getitem__))


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
    # os.path.realpath, not Path.resolve: in Python 3.11 resolve() raises RuntimeError on a link loop.
    root = Path(os.path.realpath(seeds_dir))
    target = Path(os.path.realpath(seeds_dir / file))
    if not target.is_relative_to(root):
        return f'"{file}" leads outside the seeds folder (through a link)'
    return None


def read_article(path: Path) -> Article:
    """Read an article file (UTF-8); DataError names the file and line of a bad byte, or of
    a NUL: valid UTF-8, but the mark of a binary file, not of an article."""
    text = read_text_file(path, limit=MAX_ARTICLE_BYTES)
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        raise DataError(
            [
                Problem(
                    display_path(path),
                    line,
                    "is a binary file, not text (it holds NUL bytes)",
                    hint="give the article as UTF-8 text",
                )
            ]
        )
    return Article(text)
