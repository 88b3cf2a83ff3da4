#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu, no Docker inside):
# https://gradescope-autograders.readthedocs.io/en/latest/specs/ ("setup.sh").
# Java for obsgrader.jar; promtool and amtool (Ubuntu's prometheus and prometheus-alertmanager packages) so that
# the static self-check runs the students' rule unit tests and checks alertmanager.yml.
set -euo pipefail
apt-get install -y --no-install-recommends openjdk-17-jre-headless prometheus prometheus-alertmanager
java -version
