#!/usr/bin/env bash
# Mutation testing of the core (timeline/) with mutmut, configured in pyproject.toml: each
# mutant is a small planted bug, and the score is the share the tests catch. Not part of CI: a
# whole run is more than a day on 2 cores (a surviving mutant runs every test that reaches its
# function), so run it a module at a time after changing that module or its tests:
#   bash scripts/mutation.sh                   # run (resumes where it left off), then the score
#   bash scripts/mutation.sh timeline.export   # one module's mutants (again, even if checked before)
#   bash scripts/mutation.sh --score           # the score of the last run only
# Results stay in mutants/ (ignored by git); `.venv/bin/mutmut browse` shows each survivor.
set -euo pipefail
cd "$(dirname "$0")/.."
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
  .venv/bin/mutmut run --max-children "${JOBS:-2}" "${@/%/.*}" || true
fi
.venv/bin/python bench/mutation_score.py
