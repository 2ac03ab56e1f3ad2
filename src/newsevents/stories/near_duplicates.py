"""Near-duplicate articles (syndicated wire copies, updated versions) found cheaply.

MinHash over five-word shingles estimates the Jaccard similarity of two articles' shingle
sets from 128 numbers per article; locality-sensitive hashing in 16 bands of 8 rows turns
"which stored articles might be near copies of this one?" into equality lookups on 16 band
keys, so a new article is compared with a handful of candidates, never with the whole store.
With these bands a pair at Jaccard 0.8 becomes a candidate with probability 0.95, a pair at
0.5 with 0.06; candidates are then confirmed on the full signature.

The hash functions are fixed by this module (derived from BLAKE2b of their index), so
signatures stored by one version or machine compare with those of another.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

SIGNATURE_SIZE = 128
BANDS = 16
ROWS_PER_BAND = SIGNATURE_SIZE // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.75  # wire copies with a different headline or credit line

_PRIME = np.uint64(4_294_967_311)  # the first prime above 2**32
_WORD = re.compile(r"\w+")


def _coefficients(tag: str) -> np.ndarray:
    values = [int.from_bytes(hashlib.blake2b(f"{tag}{i}".encode(), digest_size=4).digest(),
                             "little") for i in range(SIGNATURE_SIZE)]
    return np.array(values, dtype=np.uint64)


_A = _coefficients("a") | np.uint64(1)
_B = _coefficients("b")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """An article's MinHash signature and its LSH band keys."""

    signature: np.ndarray  # uint32[SIGNATURE_SIZE]
    band_keys: tuple[int, ...]  # BANDS unsigned 63-bit keys, band index mixed in


def shingles(text: str) -> set[int]:
    """CRC32 hashes of the text's lower-cased five-word windows (the whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())}
    return {zlib.crc32(" ".join(words[i:i + SHINGLE_WORDS]).encode())
            for i in range(len(words) - SHINGLE_WORDS + 1)}


@functools.lru_cache(maxsize=512)
def fingerprint(text: str) -> Fingerprint | None:
    """The fingerprint of a text, or None for a text without words (never a duplicate).

    Kept for the last few hundred texts: the runner fingerprints an article when it
    admits it and the store again when it writes it, a batch or two later."""
    hashed = shingles(text)
    if not hashed:
        return None
    values = np.fromiter(hashed, dtype=np.uint64, count=len(hashed))
    # (a*x + b) mod p for every hash function (rows) and shingle (columns); a*x < 2**64
    permuted = (_A[:, None] * values[None, :] + _B[:, None]) % _PRIME
    signature = (permuted.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return Fingerprint(signature, band_keys(signature))


def band_keys(signature: np.ndarray) -> tuple[int, ...]:
    """One key per band: a 63-bit hash of the band's rows and its index."""
    keys = []
    for band in range(BANDS):
        rows = signature[band * ROWS_PER_BAND:(band + 1) * ROWS_PER_BAND].tobytes()
        digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return tuple(keys)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The share of equal signature positions: an unbiased estimate of Jaccard similarity."""
    return float(np.count_nonzero(a == b)) / SIGNATURE_SIZE
