#!/usr/bin/env bash
# Builds the zip a teacher uploads to Gradescope ("Configure Autograder", "Zip file upload"): setup.sh and
# run_autograder at the archive's root, with obsgrader.jar beside them (neither stack/ nor the corpora).
# Run from anywhere: examples/gradescope/make-package.sh  ->  examples/gradescope/gradescope-autograder.zip
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$root" && mvn -B -ntp -q -Pdist -pl grader -am package -DskipTests)
work=$(mktemp -d)
cp "$here/setup.sh" "$here/run_autograder" "$work/"
cp "$root"/grader/target/obsgrader-grader-*-all.jar "$work/obsgrader.jar"
rm -f "$here/gradescope-autograder.zip"
(cd "$work" && zip -q -r "$here/gradescope-autograder.zip" setup.sh run_autograder obsgrader.jar)
echo "$here/gradescope-autograder.zip"
