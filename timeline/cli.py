"""Command line: ``python -m timeline validate|export``. A thin layer over the core."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timeline import DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR
from timeline.errors import DataError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for all subcommands."""
    parser = argparse.ArgumentParser(prog="python -m timeline", description="Border Cooperation Timeline tools.")
    sub = parser.add_subparsers(dest="command", required=True)

    def data_args(p):
        p.add_argument(
            "--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="folder of the YAML files (default: data/)"
        )
        p.add_argument(
            "--seeds-dir", type=Path, default=DEFAULT_SEEDS_DIR, help="folder of the articles (default: seeds/)"
        )

    p = sub.add_parser("validate", help="verify every quote and date; exit 1 with the problem list")
    data_args(p)
    p = sub.add_parser("export", help="write the events as csv, json or TimelineJS JSON")
    data_args(p)
    p.add_argument(
        "--format",
        choices=("csv", "json", "timelinejs", "site"),
        default="json",
        help="site: a folder with the whole timeline as a static site (needs --out DIR)",
    )
    p.add_argument("--out", type=Path, help="file (for site: folder) to write (default: standard output)")
    p.add_argument(
        "--plotly",
        type=Path,
        help="site only: a smaller Plotly.js bundle to serve (such as plotly-basic.min.js; up to 1,000 events)",
    )

    p = sub.add_parser("suggest", help="propose dated candidate events from an article")
    p.add_argument("article", type=Path, help="the article as a UTF-8 text file")
    p.add_argument("--published", help="the publication date YYYY-MM-DD (default: detected from the text)")
    p.add_argument("--url", help="the article's address (a date in it is evidence of publication)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.add_argument("--language", choices=("en", "es"), help="the article's language (default: detected from the text)")

    p = sub.add_parser("synth", help="write a synthetic, valid dataset of N events (for benchmarks)")
    p.add_argument("--events", type=int, required=True, help="how many events")
    p.add_argument("--out", type=Path, required=True, help="folder to write data/ and seeds/ into")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same dataset)")
    return parser


def run_validate(args) -> int:
    """Validate and print the counts, or the problems."""
    from timeline.validate import load_dataset

    dataset = load_dataset(args.data_dir, args.seeds_dir)
    c = dataset.counts()
    print(f"OK: {c['events']} events, {c['sources']} sources, {c['administrations']} administrations")
    print(f"  excerpts verified verbatim: {c['excerpts']}")
    print(f"  event dates: {c['dates_auto']} derived automatically, {c['dates_manual']} manual (explained by a note)")
    auto, manual = c["published_auto"], c["published_manual"]
    print(f"  publication dates: {auto} parsed from text or address, {manual} from the record")
    manual_ids = [e.id for e in dataset.events if dataset.derivations[e.id].status == "manual"]
    if manual_ids:
        more = f", and {len(manual_ids) - 12:,} more" if len(manual_ids) > 12 else ""
        print("  manual dates: " + ", ".join(manual_ids[:12]) + more)
    return 0


def run_export_site(dataset, out: Path | None, plotly_js: Path | None = None) -> int:
    """Write the static site into the folder --out and say what it weighs."""
    from timeline.models import LANGUAGES
    from timeline.site import build_site

    if out is None:
        print("export --format site needs --out DIR: the folder to write the site into", file=sys.stderr)
        return 2
    if out.exists() and not out.is_dir():
        print(f"{out} is a file; give a folder for the site", file=sys.stderr)
        return 2
    try:
        sizes = build_site(dataset, out, plotly_js=plotly_js)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    langs = len(LANGUAGES)
    total = sum(sizes.values())
    n = max(len(dataset.events), 1)
    print(
        f"wrote the site to {out}/ ({total:,} bytes: page {sizes['page']:,}, Plotly.js {sizes['plotly']:,}, "
        f"events {sizes['data']:,} for {langs} languages ({sizes['data'] // n // langs:,} bytes an event in each), "
        f"panels {sizes['details']:,}, "
        f"articles {sizes['articles']:,}, search {sizes['search']:,}, downloads {sizes['downloads']:,}); "
        f"open {out / 'index.html'}",
        file=sys.stderr,
    )
    return 0


def run_export(args) -> int:
    """Write the export to --out or standard output."""
    from timeline.export import export_events
    from timeline.validate import load_dataset

    dataset = load_dataset(args.data_dir, args.seeds_dir)
    if args.format == "site":
        return run_export_site(dataset, args.out, args.plotly)
    text = export_events(dataset, args.format)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(text.encode()):,} bytes)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def run_suggest(args) -> int:
    """Print candidate events for an article."""
    from timeline.suggest import cli_main

    return cli_main(args)


def run_synth(args) -> int:
    """Write a synthetic dataset."""
    from timeline.synth import cli_main

    return cli_main(args)


COMMANDS = {"validate": run_validate, "export": run_export, "suggest": run_suggest, "synth": run_synth}


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand; data problems print as a list and exit 1, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DataError as exc:
        n = len(exc.problems)
        print(f"{n} problem{'s' if n != 1 else ''} found:", file=sys.stderr)
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
