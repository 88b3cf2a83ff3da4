"""pip in the obsgrader python stand-in: requirements met by the Python packages Debian ships.

No package index is reachable offline, so pip can only find what is installed. This image installs
Debian's python3-* builds of what the lab's APIs commonly use (Flask, FastAPI, uvicorn, prometheus-client,
psycopg2, redis, SQLAlchemy...). A requirement naming one of them is rewritten to the installed version,
whatever version it pins (`fastapi==0.111.0` becomes `fastapi==0.92.0`), and without its extras (optional
dependencies Debian may not ship; the package works without them). A requirement naming a package Debian
does not ship is left as written: pip then fails on it with its own error naming it, after the line this
module prints to say why.

Rewriting pins rather than serving an index of metadata-only wheels at each requested version: such a
wheel would record a version that is not the one installed, and would have to be made for each request
anyway, while rewriting keeps pip's own resolver, messages, markers and hash-checking mode (the rewritten
pin is exact, and an installed requirement is not downloaded, so not hash-checked).

Hooked at the end of pip's requirement constructors (see the Dockerfile), so `pip install`,
`python -m pip install`, `-r requirements.txt` and `-c constraints.txt` all pass through it.
"""
import importlib.metadata
import sys

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


def met_by_debian(line):
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
        print(f"obsgrader: '{requirement.name}' is not among the Python packages Debian ships in this offline "
              f"stand-in for the python image, so it cannot be installed here", file=sys.stderr)
        return line
    marker = f"; {requirement.marker}" if requirement.marker else ""
    return f"{name}=={version}{marker}"


def install(constructors):
    """Wraps pip's install_req_from_line, which every user requirement goes through, in `constructors`."""
    from_line = constructors["install_req_from_line"]

    def install_req_from_line(name, *args, **kwargs):
        return from_line(met_by_debian(name), *args, **kwargs)

    constructors["install_req_from_line"] = install_req_from_line
