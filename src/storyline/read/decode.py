"""Bytes to text: refuse what is not text, find the encoding, repair mojibake.

Why this order: the cheap checks run first so a corpus of millions of clean UTF-8 files pays almost
nothing. UTF-8 is tried strictly before any guessing, because a statistical detector can take a
UTF-8 file for cp1252 and turn every accent into mojibake. A file that is almost UTF-8 (a few bad
bytes among many good multi-byte sequences) is kept as UTF-8 with the bad bytes replaced, not
re-guessed. Only then does charset-normalizer choose among legacy encodings (cp1251, latin-1 ...).
Mojibake repair (ftfy) runs on text that has non-ASCII characters only: pure ASCII cannot hold it.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import charset_normalizer
import ftfy

from ..errors import InputError

#: How much of a file the binary check and the encoding detector look at: enough to judge, cheap
#: on a 50 MB file.
SNIFF_BYTES = 64 * 1024
DETECT_BYTES = 1024 * 1024

#: Leading bytes of formats a user may point at by mistake, with what to tell them.
MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.odt file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "gzip-compressed data",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
    b"DUCK": "a DuckDB database",
    b"PAR1": "a Parquet file",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc/.xls)",
}

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Legacy encodings by how common they are in news text, to break charset-normalizer's ties.
COMMON_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15", "cp1251", "koi8_r", "cp1250", "iso8859_2",
                    "cp1253", "cp1254", "cp1256", "cp1255", "cp1257", "mac_roman", "gb18030", "big5",
                    "shift_jis", "euc_jp", "euc_kr")

_FIX = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, normalization="NFC",
                            unescape_html=False, explain=False)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
VALID_HINT = "storyline reads plain text (any encoding), HTML pages and JSON Lines of articles"


def refuse_binary(data: bytes, origin: str) -> None:
    """Raise an InputError where the bytes are plainly not text."""
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS):
        return
    for magic, what in MAGIC.items():
        if head.startswith(magic):
            raise InputError(origin, "E102", what=what, hint=VALID_HINT)
    controls = len(_CONTROL.findall(head.decode("latin-1")))
    if b"\x00" in head or controls > max(8, len(head) // 100):
        raise InputError(origin, "E114", controls=controls, n_head=len(head), hint=VALID_HINT)


def _almost_utf8(data: bytes) -> bool:
    """True for UTF-8 with a few damaged bytes: many valid multi-byte sequences, few bad bytes."""
    text = data[:DETECT_BYTES].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    return good >= 4 * bad and bad <= max(3, len(text) // 1000)


def _detect(sample: bytes) -> Any:
    """charset-normalizer's best guess; among equally good guesses, the most common encoding
    (a short French text fits cp1250 and cp1252 alike, and cp1252 is far more likely)."""
    results = charset_normalizer.from_bytes(sample)
    best = results.best()
    if best is None:
        return None
    ties = [m for m in results if (m.percent_chaos, m.percent_coherence) == (best.percent_chaos, best.percent_coherence)]
    return min(ties, key=lambda m: COMMON_ENCODINGS.index(m.encoding) if m.encoding in COMMON_ENCODINGS
               else len(COMMON_ENCODINGS))


def decode(data: bytes, origin: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in. Raises InputError where the bytes are
    not text in any encoding charset-normalizer knows."""
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as e:
                raise InputError(origin, "E115", name=name, reason=e.reason, start=e.start) from e
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _almost_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8 (damaged bytes replaced)"
    best = _detect(data[:DETECT_BYTES])
    if best is None or best.encoding is None:
        raise InputError(origin, "E103")
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode(best.encoding, errors="replace"), f"{best.encoding} (damaged bytes replaced)"


def repair(text: str) -> str:
    """Mojibake repaired ("Lavrovâ€™s" -> "Lavrov’s"), Unicode in NFC, quote styles kept as they are
    (the quotes stage tells opening from closing marks)."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, _FIX)


def bytes_to_text(data: bytes, origin: str) -> tuple[str, str]:
    """Decoded, repaired text of a file's bytes, refusing empty and binary input."""
    if not data.strip():
        raise InputError(origin, "E101")
    refuse_binary(data, origin)
    text, encoding = decode(data, origin)
    text = repair(text)
    if not text.strip():
        raise InputError(origin, "E101")
    return text, encoding
