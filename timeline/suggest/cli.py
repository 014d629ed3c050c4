"""``python -m timeline suggest``: the readable and the JSON form of the suggestions."""

from __future__ import annotations

import json
import sys

from timeline.errors import DataError, display_path
from timeline.languages import get
from timeline.suggest.model import MAX_CANDIDATES, WS, Suggestions
from timeline.suggest.published import parse_published_option
from timeline.suggest.text import read_article_text


def format_text(result: Suggestions) -> str:
    """The readable form of the command line: the publication date, the language, then each
    candidate with its phrase marked in its sentence and its YAML."""
    pub = result.published
    lines = []
    if pub.date:
        lines.append(f'Published: {pub.date} ({pub.kind}, {pub.confidence} confidence): "{pub.evidence}"')
    else:
        lines.append(f"Published: unknown ({pub.evidence}); pass --published YYYY-MM-DD to date relative phrases")
    if pub.note:
        lines.append(f"  {pub.note}")
    how = "detected from the text" if result.language_detected else "given"
    lines.append(f"Language: {get(result.language).name} ({result.language}), {how}")
    n = len(result.candidates)
    lines.append(f"{n} candidate{'s' if n != 1 else ''} (page stamps and restatements of the publication date last)")
    for i, c in enumerate(result.candidates, 1):
        marked = c.sentence[: c.phrase_start - c.start] + "»" + c.phrase + "«" + c.sentence[c.phrase_end - c.start :]
        lines += [
            "",
            f"{i}. {c.date or 'undated'}{' to ' + c.span_end if c.span_end else ''} ({c.precision})  "
            f"{WS.sub(' ', c.phrase)}  [{c.rule}]"
            + ("  (scheduled: after the publication)" if c.scheduled else "")
            + (f'  (counted from "{c.anchor_phrase}", {c.anchor})' if c.anchor else "")
            + ("  (restates the publication date)" if c.restates else ""),
            f"   chars {c.start}-{c.end}: {WS.sub(' ', marked)}",
            c.yaml.rstrip("\n"),
        ]
    return "\n".join(lines) + "\n"


def cli_main(args) -> int:
    """``python -m timeline suggest ARTICLE [--published D] [--url U] [--language L] [--json]``.

    Bad input gives a one-line error on standard error and exit status 1, never a traceback.
    Without ``--language`` (or when the command line has no such option) the language is
    detected from the text.
    """
    from timeline.suggest import suggest

    try:
        text = read_article_text(args.article)
        published = parse_published_option(args.published) if args.published else None
        result = suggest(text, published=published, url=args.url, language=getattr(args, "language", None))
    except DataError as exc:
        print("error: " + "; ".join(WS.sub(" ", str(p)) for p in exc.problems), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {display_path(args.article)}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a non-UTF-8 terminal must not crash the output
    if args.json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(result))
    if result.truncated:
        print(f"warning: only the first {MAX_CANDIDATES} date expressions are listed", file=sys.stderr)
    return 0
