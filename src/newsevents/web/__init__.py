"""The offline dashboard: plain HTML, CSS and JavaScript shipped inside the package.

No CDN, no build step: the files under ``static/`` are served as they are by
:mod:`newsevents.api`, so the dashboard works on a machine with no internet.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def static_dir() -> Path:
    """The folder holding the dashboard's files."""
    return Path(str(resources.files("newsevents.web") / "static"))
