"""Speed and accuracy of ``timeline.suggest``.

Prints the time per article for a ~5,000-character text built from the seed articles (warm:
dateparser imported and its parsers cached, median of repeats; and with the per-phrase caches
cleared, as for an article never seen), the time for each seed and each Spanish test article,
then recall and precision against the hand labels, English (tests/fixtures/seed_date_labels.yaml,
the five seeds) beside Spanish (tests/articles/es/labels.yaml, articles written for the tests),
and the accuracy of publication-date detection against data/sources.yaml and the Spanish labels.

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
SPANISH_DIR = PROJECT_DIR / "tests" / "articles" / "es"
SPANISH_LABELS = SPANISH_DIR / "labels.yaml"
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
    suggest.clear_caches()
    for cached in (dates.resolve_phrase, dates._parser_for, dates.parse_absolute):
        cached.cache_clear()


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
    """Recall and precision against the English hand labels, each seed anchored on its recorded date."""
    total = suggest.LabelScore()
    for article in yaml.safe_load(LABELS_FILE.read_text(encoding="utf-8"))["articles"]:
        source = dataset.sources[article["source"]]
        result = suggest.suggest(dataset.articles[source.id].text, published=source.published.date, url=source.url)
        total.add(suggest.score_labels(result.candidates, article["labels"]))
    return total


def spanish_articles() -> list[dict]:
    """The Spanish test articles with their labels, each with its text."""
    articles = yaml.safe_load(SPANISH_LABELS.read_text(encoding="utf-8"))["articles"]
    for article in articles:
        article["text"] = (SPANISH_DIR / article["file"]).read_text(encoding="utf-8")
    return articles


def score_spanish(articles: list[dict]) -> tuple[suggest.LabelScore, int, list[str]]:
    """Recall and precision against the Spanish labels, as a curator gets them: language and
    publication date detected, nothing given; and how many publication dates were right."""
    total, right, lines = suggest.LabelScore(), 0, []
    for article in articles:
        result = suggest.suggest(article["text"])
        total.add(suggest.score_labels(result.candidates, article["labels"]))
        pub = result.published
        ok = (result.language, pub.date, pub.kind) == ("es", article["published"], article["stamp"]["kind"])
        right += ok
        lines.append(
            f"  {article['file']}: {pub.date or 'none'} ({pub.kind}, {pub.confidence}), language {result.language}; "
            f"labelled {article['published']} ({article['stamp']['kind']}){'' if ok else '  <-- WRONG'}"
        )
    return total, right, lines


def print_score(title: str, score: suggest.LabelScore) -> None:
    print(f"{title}: {score.labels} labels, {score.candidates} candidates")
    print(f"  recall {score.correct}/{score.labels} = {score.recall:.1%} (phrase found: {score.found}/{score.labels})")
    print(f"  precision {score.correct}/{score.candidates} = {score.precision:.1%}")
    for kind, items in (("missed", score.misses), ("wrong", score.wrong), ("extra", score.extras)):
        for item in items:
            print(f"  {kind}: {item}")


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

    articles = spanish_articles()
    print(f"each Spanish test article, warm, median of {args.repeats}:")
    for article in articles:
        runs = time_runs(article["text"], None, args.repeats)
        print(f"  {article['file']} ({len(article['text']):,} chars): {ms(runs)}")

    english = score_labels(dataset)
    spanish, spanish_right, spanish_lines = score_spanish(articles)
    print(f"{'':28}{'labels':>8}{'recall':>20}{'precision':>20}")
    for name, score in (("English (the five seeds)", english), ("Spanish (tests/articles/es)", spanish)):
        recall = f"{score.correct}/{score.labels} = {score.recall:.1%}"
        precision = f"{score.correct}/{score.candidates} = {score.precision:.1%}"
        print(f"{name:28}{score.labels:>8}{recall:>20}{precision:>20}")
    print_score(f"English hand labels ({LABELS_FILE.relative_to(PROJECT_DIR)})", english)
    print_score(f"Spanish hand labels ({SPANISH_LABELS.relative_to(PROJECT_DIR)}; language and date detected)", spanish)

    exact, right, total, lines = score_published(dataset)
    print(f"publication date: {exact}/{total} as data/sources.yaml records it; {right}/{total} right decisions")
    print("  (a right decision: the recorded date where the text or address shows it, none where only the record does)")
    print("\n".join(lines))
    print(f"Spanish publication dates and languages: {spanish_right}/{len(articles)} as labelled")
    print("\n".join(spanish_lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
