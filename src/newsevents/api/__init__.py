"""The HTTP API and dashboard server over a newsevents store (``newsevents serve``)."""

from newsevents.api.app import create_app

__all__ = ["create_app"]
