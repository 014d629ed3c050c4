"""One error family for data problems, each naming file, line, subject, field and a hint."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# Characters a terminal or a page would act on rather than show: C0 and C1 controls (an escape
# sequence can rewrite the screen), line separators and bidirectional controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def inert(text: str) -> str:
    """``text`` with every character a terminal would act on written as an escape (``\\x1b``)."""
    return _UNSAFE.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str
    line: int | None
    message: str
    subject: str | None = None  # e.g. 'event "smart-border-pledge"'
    field: str | None = None  # e.g. "date_evidence.phrase"
    hint: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.subject:
            parts.append(self.subject)
        if self.field:
            parts.append(self.field)
        text = ": ".join(parts) + ": " + self.message
        if self.hint:
            text += f" (hint: {self.hint})"
        return inert(text)  # the data's own text may hold escape sequences; show, never run, them

    def sort_key(self) -> tuple:
        """Order problems by file, then line."""
        return (self.file, self.line or 0, self.message)


class DataError(Exception):
    """Raised with every problem found in the data, never just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


def display_path(path: Path) -> str:
    """Name a file the way a curator knows it: ``data/events.yaml`` for the shipped data,
    relative to the working directory below it, absolute elsewhere."""
    from timeline import PROJECT_DIR

    path = Path(os.path.abspath(path))
    for base in (PROJECT_DIR, Path.cwd()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return str(path)
