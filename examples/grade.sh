#!/usr/bin/env bash
# Grades like `mvn -B -ntp verify ARGS...`, then exits with a status CI can tell apart (Maven's own is 1 for any
# failure). It reads the marker line the grading prints last, the same in every language:
#   obsgrader-result: passed | open            -> 0   (open: a static self-check, the pass mark still in reach)
#   obsgrader-result: below-pass-mark | out-of-reach -> 1   (a grade, below the pass mark)
#   obsgrader-result: not-gradable             -> 75  (EX_TEMPFAIL: the machine could not grade; no grade, retry)
#   no marker (the build itself broke)         -> 70  (EX_SOFTWARE)
# Usage, from the grader's folder: examples/grade.sh -Dstack=PATH [-Dgrader.lang=en ...]
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
mvn -B -ntp verify "$@" | tee "$log"
result=$(grep -o '^obsgrader-result: [a-z-]*' "$log" | tail -n 1 | cut -d' ' -f2)
case "$result" in
  passed|open) exit 0 ;;
  below-pass-mark|out-of-reach) exit 1 ;;
  not-gradable) exit 75 ;;
  *) exit 70 ;;
esac
