#!/usr/bin/env bash
# Update the message catalog after interface strings changed:
#   bash scripts/messages.sh
# collects every _() / N_() / ngettext() string of the page and the core into
# timeline/locale/messages.pot, then merges it into each language's .po file (new strings come
# in untranslated, strings no longer used are dropped). Translate the empty msgstr
# entries with any gettext tool (Poedit, Weblate, a text editor); the page reads the .po file
# itself, so there is nothing to compile. tests/test_i18n.py fails while a string lacks one.
set -euo pipefail
cd "$(dirname "$0")/.."
PYBABEL="${PYBABEL:-.venv/bin/pybabel}"
LOCALE=timeline/locale
"$PYBABEL" extract -F "$LOCALE/babel.cfg" -k _ -k N_ -k ngettext:1,2 --no-location --sort-output \
  --project "Border Cooperation Timeline" --copyright-holder "Border Cooperation Timeline" \
  -o "$LOCALE/messages.pot" app.py app_pages timeline
for po in "$LOCALE"/*/LC_MESSAGES/messages.po; do
  lang=$(basename "$(dirname "$(dirname "$po")")")
  "$PYBABEL" update --no-fuzzy-matching --ignore-obsolete -i "$LOCALE/messages.pot" -d "$LOCALE" -l "$lang"
done
