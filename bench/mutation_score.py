"""The mutation score of the core, per module, from the last ``mutmut run`` (mutants/*.meta).

A mutant is killed when a test fails with it (or it times out); it survives when every test
that reaches it passes; "no tests" when no test reaches its function. The score is mutmut's,
(killed + timeout) / (all − skipped), over the mutants the run has checked: a stopped run shows
how many it has not reached, and a module is measured only when that count is 0. Mutants
listed in bench/equivalent_mutants.txt (each with the reason it cannot be told apart from the
original) are shown apart, never counted as killed.

    .venv/bin/python bench/mutation_score.py [--survivors] [--markdown] [--names]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
MUTANTS = PROJECT_DIR / "mutants"
EQUIVALENT = Path(__file__).parent / "equivalent_mutants.txt"
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}
STATUS |= dict.fromkeys((-24, 24, 152, 255), "timeout")


def read_equivalent() -> dict[str, str]:
    """Mutant name -> why it is equivalent, from lines "name  # reason"."""
    found = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            name, _, reason = line.partition("#")
            if name.strip():
                found[name.strip()] = reason.strip()
    return found


def read_results() -> dict[str, Counter]:
    """Module -> Counter of statuses (and the survivors' names under "names")."""
    per_module: dict[str, Counter] = {}
    survivors: dict[str, list[str]] = {}
    for meta in sorted(MUTANTS.glob("timeline/**/*.py.meta")):
        module = str(meta.relative_to(MUTANTS))[: -len(".meta")]
        codes = read_meta(meta)["exit_code_by_key"]
        counts = Counter(
            STATUS.get(code, "suspicious") if code is not None else "not checked" for code in codes.values()
        )
        if counts:
            per_module[module] = counts
            survivors[module] = [k for k, code in codes.items() if STATUS.get(code) in ("survived", "no tests")]
    return per_module, survivors


def read_meta(path: Path, tries: int = 5) -> dict:
    """One module's results; a run in progress rewrites the file, so a half-written one is
    read again a moment later."""
    for attempt in range(tries):
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            if attempt == tries - 1:
                raise
            time.sleep(0.2)
    raise AssertionError("unreachable")


def score(counts: Counter) -> tuple[int, int, float]:
    """(killed, checked, share): mutants a run has not reached yet are left out of both."""
    tested = sum(counts.values()) - counts["skipped"] - counts["not checked"]
    killed = counts["killed"] + counts["timeout"]
    return killed, tested, (killed / tested if tested else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every surviving mutant not listed as equivalent")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument(
        "--names", action="store_true", help="print only the name of every surviving mutant, listed or not, a line each"
    )
    args = parser.parse_args(argv)
    if not MUTANTS.exists():
        print("no mutants/ folder: run bash scripts/mutation.sh first", file=sys.stderr)
        return 2
    per_module, survivors = read_results()
    if args.names:
        print("\n".join(name for names in survivors.values() for name in names))
        return 0
    equivalent = read_equivalent()
    bar = "|" if args.markdown else " "
    print(
        f"{bar} module {bar} mutants {bar} not checked {bar} killed {bar} survived {bar} no tests {bar} "
        f"equivalent {bar} score of those checked {bar}"
    )
    if args.markdown:
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total = Counter()
    for module, counts in sorted(per_module.items()):
        total += counts
        eq = sum(name in equivalent for name in survivors[module])
        killed, _checked, share = score(counts)
        print(
            f"{bar} {module} {bar} {sum(counts.values())} {bar} {counts['not checked']} {bar} {killed} {bar} "
            f"{counts['survived']} {bar} {counts['no tests']} {bar} {eq} {bar} {share:.1%} {bar}"
        )
    killed, _checked, share = score(total)
    eq = sum(name in equivalent for names in survivors.values() for name in names)
    unchecked = total["not checked"]
    print(
        f"{bar} **timeline/** {bar} {sum(total.values())} {bar} {total['not checked']} {bar} {killed} {bar} "
        f"{total['survived']} {bar} {total['no tests']} {bar} {eq} {bar} **{share:.1%}** {bar}"
    )
    if unchecked:
        print(f"({unchecked} mutants not checked yet: the run was stopped before it finished)")
    left = [name for names in survivors.values() for name in names if name not in equivalent]
    print(f"{len(left)} surviving mutants neither killed nor listed as equivalent")
    if args.survivors:
        print("\n".join(left))
    stale = list_stale(equivalent, per_module, survivors)
    if stale:
        # a listed mutant that a test now kills (or that no longer exists) is no longer a claim
        # the list may make: it should be taken out, or its reason was wrong
        print(f"{len(stale)} listed as equivalent but checked and not surviving (take them out of {EQUIVALENT.name}):")
        print("\n".join(stale))
    return 0


def list_stale(
    equivalent: dict[str, str], per_module: dict[str, Counter], survivors: dict[str, list[str]]
) -> list[str]:
    """Names in the equivalents list whose module's run is complete and that did not survive."""
    surviving = {name for names in survivors.values() for name in names}
    complete = {module for module, counts in per_module.items() if not counts["not checked"]}
    return [name for name in equivalent if name not in surviving and complete & _modules_of(name)]


def _modules_of(name: str) -> set[str]:
    """The files a mutant's name can come from: "timeline.suggest.x_f__mutmut_3" is in
    timeline/suggest.py or timeline/suggest/__init__.py."""
    package = name.rsplit(".", 1)[0].replace(".", "/")
    return {package + ".py", package + "/__init__.py"}


if __name__ == "__main__":
    raise SystemExit(main())
