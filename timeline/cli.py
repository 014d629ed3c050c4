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
    p.add_argument("--format", choices=("csv", "json", "timelinejs"), default="json")
    p.add_argument("--out", type=Path, help="file to write (default: standard output)")
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
        print("  manual dates: " + ", ".join(manual_ids))
    return 0


def run_export(args) -> int:
    """Write the export to --out or standard output."""
    from timeline.export import export_events
    from timeline.validate import load_dataset

    text = export_events(load_dataset(args.data_dir, args.seeds_dir), args.format)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(text.encode()):,} bytes)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


COMMANDS = {"validate": run_validate, "export": run_export}


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
