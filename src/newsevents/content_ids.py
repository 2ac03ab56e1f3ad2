"""Content-hash identifiers.

Ids are derived from content, never from counters or clocks, so processing the same input
twice yields the same ids and the store can ignore what it already has.
"""

from __future__ import annotations

import hashlib

_SEPARATOR = "\x1f"  # unit separator: cannot collide with ordinary text boundaries


def content_id(prefix: str, *parts: str) -> str:
    """Return ``prefix`` + 16 hex chars of the SHA-256 of ``parts``."""
    digest = hashlib.sha256(_SEPARATOR.join(parts).encode("utf-8", "surrogatepass"))
    return f"{prefix}_{digest.hexdigest()[:16]}"
