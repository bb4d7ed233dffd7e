#!/usr/bin/env bash
# Rewrites the generated reference in docs/language.md (between the BEGIN/END REFERENCE
# markers) from the builtin registry: `make docs` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
lectern=${1:-.build/debug/lectern}
# Passed through the environment: `awk -v` would turn the "\n" in signatures into newlines.
export REFERENCE=$("$lectern" reference)
awk '
  /<!-- BEGIN REFERENCE -->/ { print; print ""; print ENVIRON["REFERENCE"]; skip = 1; next }
  /<!-- END REFERENCE -->/   { skip = 0 }
  !skip { print }
' docs/language.md > docs/language.md.new
mv docs/language.md.new docs/language.md
