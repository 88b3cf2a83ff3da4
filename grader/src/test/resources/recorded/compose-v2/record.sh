#!/usr/bin/env bash
# Records the answers LabStackBootTest plays back: what Docker Engine 20.10 and Compose v2 (the grader's own,
# fetched from Debian trixie) really printed for each step of a boot that fails. Run it again (through
# /work/bin/live-slot: it builds and starts a container) when the engine or compose changes:
#   bash grader/src/test/resources/recorded/compose-v2/record.sh [COMPOSE]
# Each answer is a file NAME.txt: a first line "exit N" (or "exit N timed-out"), then what the command printed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
compose=${1:-/var/cache/obsgrader/compose-v2/docker-compose}
work=$(mktemp -d /tmp/obsgrader-record-XXXXXX)
project=obsgrader-rec$$
trap 'cd /; "$compose" -p $project -f "$work/docker-compose.yml" down --volumes --rmi local >/dev/null 2>&1; rm -rf "$work"' EXIT

record() { # NAME COMMAND...: runs it in the work folder, keeps its exit status and its output
    local name=$1; shift
    local out status
    out=$(cd "$work" && timeout 180 "$@" 2>&1); status=$?
    { echo "exit $status"; printf '%s\n' "$out"; } > "$here/$name.txt"
}

mkdir -p "$work/api" "$work/docs" "$work/fine"
# the lab's API: its Dockerfile copies a file the submission does not have (as FailedBuildSelfIT breaks it)
printf 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' > "$work/api/Dockerfile"
# a service the lab does not ask for, whose RUN step fails
printf 'FROM python:3.11-slim\nRUN echo "building the docs" && exit 3\n' > "$work/docs/Dockerfile"
# a service that builds
printf 'FROM python:3.11-slim\nRUN true\n' > "$work/fine/Dockerfile"
cat > "$work/docker-compose.yml" <<YAML
services:
  api: {build: ./api, labels: {obsgrader.run: "rec"}}
  docs: {build: ./docs}
  fine: {build: ./fine}
  exits: {image: "python:3.11-slim", command: ["sh", "-c", "exit 3"], labels: {obsgrader.run: "rec"}}
  absent: {image: "obsgrader-recording/absent:1"}
YAML

record compose-version "$compose" version --short
record engine-version docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})'
record info-no-engine env DOCKER_HOST=unix:///tmp/obsgrader-no-engine.sock docker info --format '{{.ServerVersion}}'
record config-ok "$compose" -p $project -f docker-compose.yml config -q
record build-ok "$compose" -p $project -f docker-compose.yml build fine
record build-lab-failed "$compose" -p $project -f docker-compose.yml build api
record build-extra-failed "$compose" -p $project -f docker-compose.yml build docs
record build-no-engine env DOCKER_HOST=unix:///tmp/obsgrader-no-engine.sock "$compose" -p $project -f docker-compose.yml build api
record up-no-engine env DOCKER_HOST=unix:///tmp/obsgrader-no-engine.sock "$compose" -p $project -f docker-compose.yml up -d --no-build
record up-image-absent "$compose" -p $project -f docker-compose.yml up -d --no-build absent
record up-exits "$compose" -p $project -f docker-compose.yml up -d --no-build exits
sleep 2
exited=$(docker ps -aq --filter label=com.docker.compose.project=$project --filter label=com.docker.compose.service=exits)
docker container inspect --format '{{json .}}' $exited > "$here/inspect-exited.json"
record logs-exited docker logs --tail 5000 $exited
record down "$compose" -p $project -f docker-compose.yml down --volumes --remove-orphans --timeout 10

printf 'services:\n  api: {image: "python:3.11-slim", ports: ["not-a-port"]}\n' > "$work/invalid.yml"
record config-invalid "$compose" -p $project -f invalid.yml config -q
