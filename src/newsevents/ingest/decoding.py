"""Turn raw bytes into text, or say clearly why they are not text.

Real feeds mix UTF-8, UTF-8 with a BOM and Windows-1252; binary files turn up by mistake.
We accept the first two as they are, fall back to cp1252 only when the bytes are not UTF-8,
and refuse anything that looks binary rather than silently producing mojibake.
"""

from __future__ import annotations

import unicodedata

from newsevents.errors import InputError

_BINARY_SAMPLE = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean "not a text file"."""
    sample = data[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_text(data: bytes, *, document: str) -> str:
    """Decode ``data`` as UTF-8 (BOM tolerated), else cp1252; NFC-normalise; CRLF -> LF."""
    if looks_binary(data):
        raise InputError("binary content, not text", document=document,
                         hint="pass text, HTML or JSON lines files")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise InputError(f"undecodable bytes at offset {exc.start}", document=document,
                             hint="re-encode the file as UTF-8") from exc
    return normalize_text(text)


def normalize_text(text: str) -> str:
    """Canonical form every offset refers to: NFC, LF line ends, no NUL characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text)
