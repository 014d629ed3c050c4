#!/usr/bin/env bash
# Mutation testing of the core (timeline/) with mutmut, configured in pyproject.toml: each
# mutant is a small planted bug, and the score is the share the tests catch. Not part of CI (a
# whole run is hours on 2 cores):
#   bash scripts/mutation.sh                   # run (resumes where it left off), then the score
#   bash scripts/mutation.sh timeline.export   # one module's mutants (again, even if checked before)
#   bash scripts/mutation.sh --recheck         # every surviving mutant again (after adding tests)
#   bash scripts/mutation.sh --relink          # learn again which tests reach which function
#                                              # (after adding tests or changing fixtures), then run
#   bash scripts/mutation.sh --score           # the score of the last run only
# Results stay in mutants/ (ignored by git); `.venv/bin/mutmut browse` shows each survivor.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=()
case "${1:-}" in
  --recheck)
    # mutmut keeps a verdict until a mutant is named again; listed equivalents are named too,
    # so one a new test kills shows up as no longer surviving
    mapfile -t targets < <(.venv/bin/python bench/mutation_score.py --names)
    if ((${#targets[@]} == 0)); then
      echo "no surviving mutants to check again"
      exit 0
    fi
    shift
    ;;
  --relink)
    # mutmut links a test to the functions it reaches once, and learns only new tests' links
    # after that; without its links file it learns them all again. Verdicts are kept.
    rm -f mutants/mutmut-stats.json
    shift
    ;;
esac
if [[ "${1:-}" != "--score" ]]; then
  mkdir -p mutants
  # The command-line tests run `python -m timeline` in a subprocess, from a temporary folder,
  # with mutants/ on PYTHONPATH: this makes mutmut find its settings there too.
  cat > mutants/sitecustomize.py <<'PY'
import os

if os.environ.get("MUTANT_UNDER_TEST"):
    _cwd = os.getcwd()
    try:
        os.chdir(os.path.dirname(os.path.abspath(__file__)))
        from mutmut.configuration import config

        config()
    finally:
        os.chdir(_cwd)
PY
  # a module name becomes the pattern of its mutants' names ("timeline.export.*")
  for module in "$@"; do targets+=("$module.*"); done
  .venv/bin/mutmut run --max-children "${JOBS:-2}" "${targets[@]}" || true
fi
.venv/bin/python bench/mutation_score.py
