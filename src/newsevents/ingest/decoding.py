"""Turn raw bytes into text, or say clearly why they are not text.

Real feeds mix UTF-8, UTF-8 with a BOM and Windows-1252, sometimes inside one file (a
cp1252 byline pasted into a UTF-8 page, two exports concatenated); binary files turn up by
mistake. We decode as UTF-8 and read each byte sequence that is *not* valid UTF-8 as
cp1252, so both halves of a mixed file come out right and a pure cp1252 file decodes as
before. The few bytes that are neither become U+FFFD. UTF-16 is recognised by its BOM.
Anything that looks binary is refused rather than turned into mojibake.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata

from newsevents.errors import InputError

_BINARY_SAMPLE = 8192
_FALLBACK_HANDLER = "newsevents-cp1252-fallback"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Lone surrogates (from JSON "\ud800" escapes) cannot be encoded as UTF-8, so no store or export
# could hold them.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean "not a text file"."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(data: bytes, *, document: str) -> str:
    """Decode a whole file's bytes (see the module docstring); NFC, LF line ends."""
    if data.startswith(_UTF16_BOMS):
        return normalize_text(data.decode("utf-16", errors="replace"))
    if looks_binary(data):
        raise InputError("binary content, not text", document=document,
                         hint="pass text, HTML, JSON lines or WARC files")
    return normalize_text(decode_bytes(data))


def decode_bytes(data: bytes) -> str:
    """UTF-8 (a leading BOM dropped) with a per-sequence cp1252 fallback; never raises."""
    return data.decode("utf-8-sig", errors=_fallback_handler())


@functools.cache
def _fallback_handler() -> str:
    """Register the codec error handler on first use (no import-time side effects)."""
    codecs.register_error(_FALLBACK_HANDLER, _as_cp1252)
    return _FALLBACK_HANDLER


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


def normalize_text(text: str) -> str:
    """Canonical form every offset refers to: NFC, LF line ends, no NUL characters, no lone
    surrogates (they become U+FFFD)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)
