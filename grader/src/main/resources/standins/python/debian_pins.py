"""pip in the obsgrader python stand-in: PyPI when it answers, else the Python packages Debian ships.

When the package index answers (PyPI, or PIP_INDEX_URL), this module does nothing: a student's requirements
install as written, pins honoured, as on a teacher's machine (into /usr/local, ahead of Debian's builds).

On an air-gapped machine no package index is reachable, so pip can only find what is installed. This image installs
Debian's python3-* builds of what the lab's APIs commonly use (Flask, FastAPI, uvicorn, prometheus-client,
psycopg2, redis, SQLAlchemy...). A requirement naming one of them is rewritten to the installed version,
whatever version it pins (`fastapi==0.111.0` becomes `fastapi==0.92.0`), and without its extras (optional
dependencies Debian may not ship; the package works without them). The dependencies of those packages are
rewritten the same way: Debian's builds agree with each other, not always with the ranges their upstream
metadata states (fastapi 0.92 asks for starlette < 0.26; Debian ships 0.26.1 with it). A requirement naming a
package Debian does not ship is left as written: pip then fails on it with its own error naming it, after the
line this module prints to say why.

Rewriting pins rather than serving an index of metadata-only wheels at each requested version: such a
wheel would record a version that is not the one installed, and would have to be made for each request
anyway, while rewriting keeps pip's own resolver, messages, markers and hash-checking mode (the rewritten
pin is exact, and an installed requirement is not downloaded, so not hash-checked).

Hooked at the end of pip's requirement constructors (see the Dockerfile), so `pip install`,
`python -m pip install`, `-r requirements.txt`, `-c constraints.txt` and dependencies all pass through it.
"""
import importlib.metadata
import os
import sys
import urllib.request

from pip._vendor.packaging.requirements import InvalidRequirement, Requirement
from pip._vendor.packaging.utils import canonicalize_name

# Distributions that ship the same module as a Debian package of another name.
ALIASES = {
    "psycopg2-binary": "psycopg2",
    "psycopg-binary": "psycopg",
    "psycopg2-pool": "psycopg2",
}


def installed_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def met_by_debian(line, say_why=True):
    """The requirement to give pip instead of `line`, or `line` itself when Debian cannot meet it."""
    try:
        requirement = Requirement(line)
    except InvalidRequirement:
        return line  # a path, an archive or a URL: pip handles those as usual
    if requirement.url:
        return line
    name = ALIASES.get(canonicalize_name(requirement.name), canonicalize_name(requirement.name))
    version = installed_version(name)
    if version is None:
        if say_why:
                print(f"obsgrader: '{requirement.name}' is not among the Python packages Debian ships in this offline "
                  f"stand-in for the python image, so it cannot be installed here", file=sys.stderr)
        return line
    marker = f"; {requirement.marker}" if requirement.marker else ""
    return f"{name}=={version}{marker}"


def index_answers(timeout=5):
    """Whether pip's package index answers: the air-gapped fallback below is only for when it does not."""
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/").rstrip("/") + "/pip/"
    try:
        with urllib.request.urlopen(index, timeout=timeout) as answer:
            return answer.status == 200
    except (OSError, ValueError):
        return False


def install(constructors):
    """Offline, wraps in `constructors` the two functions user requirements and dependencies are made by."""
    if os.environ.get("PIP_NO_INDEX") is None and index_answers():
        return
    # offline: pip must not wait on an index that does not answer, for each requirement, before failing
    os.environ["PIP_NO_INDEX"] = "1"
    print("obsgrader: no package index answers; pip installs from the Python packages Debian ships", file=sys.stderr)
    from_line = constructors["install_req_from_line"]
    from_req_string = constructors["install_req_from_req_string"]

    def install_req_from_line(name, *args, **kwargs):
        return from_line(met_by_debian(name), *args, **kwargs)

    def install_req_from_req_string(req_string, *args, **kwargs):
        return from_req_string(met_by_debian(req_string, say_why=False), *args, **kwargs)

    constructors["install_req_from_line"] = install_req_from_line
    constructors["install_req_from_req_string"] = install_req_from_req_string
