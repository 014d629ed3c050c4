"""How well ``suggest`` reads articles: recall, precision and publication-date accuracy, in-sample
and out-of-sample, per language and per kind of date expression.

In-sample: the sets the patterns were developed on (the five English seeds, labelled in
tests/fixtures/seed_date_labels.yaml, and the Spanish test articles in tests/articles/es/).
Out-of-sample: the held-out set in tests/articles/heldout/ (articles written and labelled
before the code that reads their new kinds of date; see its README), in two parts: ``dev``,
whose failures were read while the code was improved, and ``test``, read only as totals.

The publication date ``suggest`` detects is counted on its own ("publication date"); the date
expressions are read against the labelled publication date, as a curator gives it when the
text does not (a wire's dateline often has no year), so that one miss does not hide the rest.
The language is detected.

    .venv/bin/python bench/suggest_eval.py [--show dev|test|seeds|es] [--markdown]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

import yaml  # noqa: E402

from timeline.suggest import suggest  # noqa: E402
from timeline.suggest.labels import Evaluation, evaluate_articles, score_article  # noqa: E402
from timeline.validate import load_dataset  # noqa: E402

TESTS = PROJECT_DIR / "tests"
HELDOUT = TESTS / "articles" / "heldout"
KINDS = ("stamp", "absolute", "relative", "scheduled", "month-np", "anchored", "span", "today")


def evaluate_seeds() -> Evaluation:
    """The English seeds against their labels, read with their catalogued publication date."""
    dataset = load_dataset(PROJECT_DIR / "data", PROJECT_DIR / "seeds")
    result = Evaluation()
    for article in yaml.safe_load((TESTS / "fixtures" / "seed_date_labels.yaml").read_text())["articles"]:
        source = dataset.sources[article["source"]]
        text = dataset.articles[article["source"]].text
        result.articles += 1
        detected = suggest(text, url=source.url).published.date
        if detected == source.published.date:
            result.published_right += 1
        else:
            result.published_wrong.append(f"{article['file']}: {detected}, catalogued {source.published.date}")
        result.score.add(score_article(suggest(text, published=source.published.date).candidates, article))
    return result


def load_heldout(language: str) -> list[dict]:
    return yaml.safe_load((HELDOUT / f"labels_{language}.yaml").read_text(encoding="utf-8"))["articles"]


def evaluate_all() -> dict[str, Evaluation]:
    """Every set, by name."""
    spanish = yaml.safe_load((TESTS / "articles" / "es" / "labels.yaml").read_text(encoding="utf-8"))["articles"]
    sets = {
        "seeds": evaluate_seeds(),
        "es": evaluate_articles(spanish, TESTS / "articles" / "es"),
    }
    for language in ("en", "es"):
        for part in ("dev", "test"):
            sets[f"heldout-{language}-{part}"] = evaluate_articles(load_heldout(language), HELDOUT, part)
        sets[f"heldout-{language}"] = evaluate_articles(load_heldout(language), HELDOUT)
    return sets


ROWS = (
    ("in-sample", "English seeds", "seeds"),
    ("in-sample", "Spanish test articles", "es"),
    ("out-of-sample", "English held-out, dev", "heldout-en-dev"),
    ("out-of-sample", "English held-out, test", "heldout-en-test"),
    ("out-of-sample", "English held-out, all", "heldout-en"),
    ("out-of-sample", "Spanish held-out, dev", "heldout-es-dev"),
    ("out-of-sample", "Spanish held-out, test", "heldout-es-test"),
    ("out-of-sample", "Spanish held-out, all", "heldout-es"),
)


def print_tables(sets: dict[str, Evaluation], markdown: bool) -> None:
    bar = "|" if markdown else " "
    print(
        f"{bar} sample {bar} set {bar} articles {bar} labels {bar} recall {bar} precision {bar} publication date {bar}"
    )
    if markdown:
        print("|---|---|---:|---:|---:|---:|---:|")
    for sample, name, key in ROWS:
        e = sets[key]
        s = e.score
        print(
            f"{bar} {sample} {bar} {name} {bar} {e.articles} {bar} {s.labels} {bar} "
            f"{s.correct}/{s.labels} = {s.recall:.2f} {bar} {s.correct}/{s.candidates} = {s.precision:.2f} {bar} "
            f"{e.published_right}/{e.articles} {bar}"
        )
    print()
    print(f"{bar} kind {bar} English held-out {bar} Spanish held-out {bar}")
    if markdown:
        print("|---|---:|---:|")
    for kind in KINDS:
        cells = []
        for language in ("en", "es"):
            labels, correct = sets[f"heldout-{language}"].score.kinds.get(kind, (0, 0))
            cells.append(f"{correct}/{labels} = {correct / labels:.2f}" if labels else "–")
        print(f"{bar} {kind} {bar} {cells[0]} {bar} {cells[1]} {bar}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="append", default=[], help="list the misses, wrong dates and extras of a set")
    parser.add_argument("--markdown", action="store_true", help="tables in Markdown, as the README quotes them")
    args = parser.parse_args(argv)
    sets = evaluate_all()
    print_tables(sets, args.markdown)
    for key in args.show:
        e = sets[key if key in sets else f"heldout-{key}"] if key not in ("dev", "test") else None
        chosen = [sets[f"heldout-{lang}-{key}"] for lang in ("en", "es")] if e is None else [e]
        for e in chosen:
            print(f"\n## {key}")
            for title, items in (
                ("missed", e.score.misses),
                ("wrong", e.score.wrong),
                ("extra", e.score.extras),
                ("publication", e.published_wrong),
            ):
                for item in items:
                    print(f"{title}: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
