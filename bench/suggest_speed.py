"""Speed and accuracy of ``timeline.suggest``.

Prints the time per article for a ~5,000-character text built from the seed articles (warm:
dateparser imported and its parsers cached, median of repeats; and with the per-phrase caches
cleared, as for an article never seen), the time for each seed, then recall and precision
against the hand labels in tests/fixtures/seed_date_labels.yaml and the accuracy of
publication-date detection against data/sources.yaml.

    .venv/bin/python bench/suggest_speed.py [--repeats 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

import yaml  # noqa: E402

from timeline import dates, suggest  # noqa: E402
from timeline.validate import Dataset, load_dataset  # noqa: E402

LABELS_FILE = PROJECT_DIR / "tests" / "fixtures" / "seed_date_labels.yaml"
TARGET_CHARS = 5_000
ARCHYDE = "archyde-elpais-2024-02-trilateral"


def build_text(dataset: Dataset, size: int = TARGET_CHARS) -> str:
    """About ``size`` characters of real article text: the archyde seed (it carries the stamp),
    then paragraphs taken in turn from the other seeds."""
    queues = [dataset.articles[ARCHYDE].text.split("\n\n")]
    queues += [a.text.split("\n\n") for sid, a in dataset.articles.items() if sid != ARCHYDE]
    parts: list[str] = []
    while sum(len(p) + 2 for p in parts) < size and any(queues):
        for queue in queues:
            if queue and sum(len(p) + 2 for p in parts) < size:
                parts.append(queue.pop(0))
    return "\n\n".join(parts)[: size + 200]


def clear_caches() -> None:
    """Forget every parsed phrase, as for an article never seen (dateparser stays imported)."""
    for cached in (suggest._dateparser_day, suggest._date_parser, dates.resolve_phrase, dates._parser_for):
        cached.cache_clear()
    dates.parse_absolute.cache_clear()


def time_runs(text: str, published: dt.date | None, repeats: int, fresh: bool = False) -> list[float]:
    """Seconds per suggest call, after one warm-up call."""
    suggest.suggest(text, published=published)
    runs = []
    for _ in range(repeats):
        if fresh:
            clear_caches()
        start = time.perf_counter()
        suggest.suggest(text, published=published)
        runs.append(time.perf_counter() - start)
    return runs


def score_labels(dataset: Dataset) -> suggest.LabelScore:
    """Recall and precision against the hand labels, each seed anchored on its recorded date."""
    total = suggest.LabelScore()
    for article in yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))["articles"]:
        source = dataset.sources[article["source"]]
        result = suggest.suggest(dataset.articles[source.id].text, published=source.published.date, url=source.url)
        total.add(suggest.score_labels(result.candidates, article["labels"]))
    return total


def score_published(dataset: Dataset) -> tuple[int, int, int, list[str]]:
    """(exact, right, total, lines): detected date equal to sources.yaml's; right decision
    (that date where the text or address shows it, none where only the record knows it)."""
    exact = right = 0
    lines = []
    for source in dataset.sources.values():
        pub = suggest.detect_published(dataset.articles[source.id].text, source.url)
        recorded = source.published.date
        exact += pub.date == recorded
        ok = pub.date == recorded if source.published.found_in != "record" else pub.date is None
        right += ok
        lines.append(
            f"  {source.file}: {pub.date or 'none'} ({pub.kind}, {pub.confidence}); "
            f"recorded {recorded} from {source.published.found_in}{'' if ok else '  <-- WRONG'}"
        )
    return exact, right, len(dataset.sources), lines


def ms(runs: list[float]) -> str:
    return f"{statistics.median(runs) * 1000:.1f} ms (min {min(runs) * 1000:.1f}, max {max(runs) * 1000:.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30, help="timed runs per measurement (default 30)")
    args = parser.parse_args(argv)
    dataset = load_dataset()

    text = build_text(dataset)
    anchor = dataset.sources[ARCHYDE].published.date
    n = len(suggest.suggest(text, published=anchor).candidates)
    print(f"suggest on a {len(text):,}-character text built from the seeds ({n} candidates):")
    print(f"  warm, median of {args.repeats}: {ms(time_runs(text, anchor, args.repeats))} per article")
    fresh = max(3, args.repeats // 3)
    print(f"  phrase caches cleared, median of {fresh}: {ms(time_runs(text, anchor, fresh, fresh=True))}")
    print(f"  publication date detected, not given: {ms(time_runs(text, None, args.repeats))}")
    print(f"each seed, warm, median of {args.repeats}:")
    for source in dataset.sources.values():
        article = dataset.articles[source.id].text
        runs = time_runs(article, source.published.date, args.repeats)
        print(f"  {source.file} ({len(article):,} chars): {ms(runs)}")

    score = score_labels(dataset)
    print(f"hand labels ({LABELS_FILE.relative_to(PROJECT_DIR)}): {score.labels} labels, {score.candidates} candidates")
    print(f"  recall {score.correct}/{score.labels} = {score.recall:.1%} (phrase found: {score.found}/{score.labels})")
    print(f"  precision {score.correct}/{score.candidates} = {score.precision:.1%}")
    for kind, items in (("missed", score.misses), ("wrong", score.wrong), ("extra", score.extras)):
        for item in items:
            print(f"  {kind}: {item}")

    exact, right, total, lines = score_published(dataset)
    print(f"publication date: {exact}/{total} as data/sources.yaml records it; {right}/{total} right decisions")
    print("  (a right decision: the recorded date where the text or address shows it, none where only the record does)")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
