#!/usr/bin/env bash
# Rewrites the generated references from the builtin registry, between the BEGIN/END
# REFERENCE markers: the language's in docs/language.md (`lectern reference`) and the test
# builtins of exercises in docs/exercises.md (`lectern reference --tests`). `make docs` runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
lectern=${1:-.build/debug/lectern}

# replace FILE REFERENCE-ARGS...: the text between the markers of FILE becomes the output.
replace() {
  local file=$1; shift
  # Passed through the environment: `awk -v` would turn the "\n" in signatures into newlines.
  export REFERENCE=$("$lectern" reference "$@")
  awk '
    /<!-- BEGIN REFERENCE -->/ { print; print ""; print ENVIRON["REFERENCE"]; skip = 1; next }
    /<!-- END REFERENCE -->/   { skip = 0 }
    !skip { print }
  ' "$file" > "$file.new"
  mv "$file.new" "$file"
}

replace docs/language.md
replace docs/exercises.md --tests
