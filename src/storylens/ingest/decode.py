"""Bytes to text, refusing what is not text instead of guessing.

Every reader goes through `decode_text`, so an empty, binary or mis-encoded
input gives the same one-line Rejection whatever its kind. Invalid UTF-8 is
never replaced silently: a replacement character inside a quote would be
reported as what someone said.
"""

from __future__ import annotations

import gzip
import zlib

from storylens.model import Rejection

# Enough of the start of a file to tell binary from text without reading it all.
SNIFF_BYTES = 8192
# Share of control characters (other than tab, newline, CR, form feed) above
# which a text is taken to be binary data that happens to decode.
MAX_CONTROL_SHARE = 0.1

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = "\ufeff"


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(1 for b in sample if (b < 32 and b not in _TEXT_CONTROLS) or b == 127)
    return controls / len(sample)


def looks_binary(data: bytes) -> bool:
    """True for data no reader should try to read as text: NUL bytes or many control bytes."""
    sample = data[:SNIFF_BYTES]
    return b"\x00" in sample or _control_share(sample) > MAX_CONTROL_SHARE


def check_bytes(data: bytes, input_name: str) -> Rejection | None:
    """The Rejection for data that is empty or binary, else None."""
    if not data.strip():
        what = "is empty" if not data else "holds only whitespace"
        return Rejection(
            input_name, "empty", f"{what}: nothing to read; remove it or add the article text"
        )
    if data[:2] in _UTF16_BOMS:
        return Rejection(
            input_name,
            "encoding",
            "is UTF-16 encoded; convert it to UTF-8 (e.g. iconv -f utf-16 -t utf-8)",
        )
    if looks_binary(data):
        return Rejection(
            input_name,
            "binary",
            "is binary data (NUL or control bytes), not text; pass a text, JSON, HTML or feed file",
        )
    return None


def decode_utf8(data: bytes, input_name: str) -> str | Rejection:
    """Strict UTF-8 decoding; a leading UTF-8 byte order mark is dropped (it is
    part of the encoding, not of the text)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        return Rejection(
            input_name,
            "encoding",
            f"invalid UTF-8 at byte {err.start} (0x{bad}); convert it to UTF-8 "
            "(e.g. iconv -f windows-1252 -t utf-8); characters are never replaced silently",
        )
    return text.removeprefix(_UTF8_BOM)


def decode_text(data: bytes, input_name: str) -> str | Rejection:
    """Text of `data`, or the Rejection that says why it is not readable text."""
    rejection = check_bytes(data, input_name)
    if rejection is not None:
        return rejection
    text = decode_utf8(data, input_name)
    if isinstance(text, Rejection):
        return text
    if not text.strip():
        return Rejection(input_name, "empty", "holds only whitespace: nothing to read")
    return text


def gunzip(data: bytes, input_name: str) -> bytes | Rejection:
    """Decompressed gzip data, or an "encoding" Rejection for a broken archive."""
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as err:
        return Rejection(
            input_name, "encoding", f"is not a valid gzip file ({err}); re-compress it"
        )
