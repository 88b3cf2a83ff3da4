#!/bin/sh
# PrairieLearn's external grading entrypoint (https://prairielearn.readthedocs.io/en/latest/externalGrading/):
# the student's files are in /grade/student, the results go to /grade/results/results.json. Put obsgrader.jar
# (mvn -Pdist, README "Students and platforms") beside this script in serverFilesCourse/obsgrader/.
# The grading container has no Docker: obsgrader grades statically, and the live lines weigh 0.
GRADE=${GRADE_ROOT:-/grade}   # another root only to try it outside PrairieLearn
mkdir -p "$GRADE/results"
java -jar "$GRADE/serverFilesCourse/obsgrader/obsgrader.jar" grade "$GRADE/student" --static --no-gate --reports /tmp/obsgrader
if [ -f /tmp/obsgrader/latest/prairielearn.json ]; then
  cp /tmp/obsgrader/latest/prairielearn.json "$GRADE/results/results.json"
else
  echo '{"gradable": false, "message": "obsgrader could not start on this upload: upload stack.zip, a zip of your stack/ folder."}' \
      > "$GRADE/results/results.json"
fi
