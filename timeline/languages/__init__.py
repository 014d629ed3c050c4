"""The languages articles are read in: one module per language, found by its file name.

``timeline/languages/<code>.py`` (``en.py``, ``es.py``) defines ``LANGUAGE``, a
:class:`~timeline.languages.base.Language`: month and weekday names, tense cues, stamp formats
and the patterns of date expressions. A third language is a third file; nothing else in
``timeline.suggest`` or ``timeline.dates`` names a language. (A source's ``language`` in
``sources.yaml`` is checked against ``timeline.models.LANGUAGES``.)

    get("es")              -> the Language
    LANGUAGE_CODES         -> ("en", "es"): English first, the default
    detect_language(text)  -> the code whose frequent words the text uses most
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from timeline.errors import DataError, Problem
from timeline.languages.base import Language

DEFAULT = "en"
LANGUAGE_CODES: tuple[str, ...] = tuple(
    sorted(
        (info.name for info in pkgutil.iter_modules(__path__) if re.fullmatch(r"[a-z]{2,3}", info.name)),
        key=lambda code: (code != DEFAULT, code),
    )
)
_SAMPLE_CHARS = 20_000  # enough words to tell; a long text costs no more
_WORD = re.compile(r"[^\W\d_]+")
_MIN_HITS = 2  # fewer frequent words than this is no evidence: the default language


@cache
def _load(code: str) -> Language:
    return importlib.import_module(f"{__name__}.{code}").LANGUAGE


def get(code: str | Language | None = None) -> Language:
    """The language with this code (the default, English, for None); DataError for an unknown one."""
    if isinstance(code, Language):
        return code
    code = DEFAULT if code is None else str(code).strip().lower()
    if code not in LANGUAGE_CODES:
        raise DataError(
            [
                Problem(
                    "language",
                    None,
                    f'"{code}" is not a language the dates can be read in',
                    hint="one of " + ", ".join(LANGUAGE_CODES),
                )
            ]
        )
    return _load(code)


def detect_language(text: str) -> str:
    """The language of an article, by counting each language's frequent words in its first
    20,000 characters: the language with the most, if it has at least two; else the default.
    Ties go to the default, then to the earlier code."""
    words = [w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS])]
    best, best_hits = DEFAULT, 0
    for code in LANGUAGE_CODES:
        stopwords = _load(code).stopwords
        hits = sum(1 for w in words if w in stopwords)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits >= _MIN_HITS else DEFAULT


__all__ = ["DEFAULT", "LANGUAGE_CODES", "Language", "detect_language", "get"]
