"""Hostile and unusual files, made on the spot for the tests and the bombs benchmark.

Nothing here is stored in the repository: each file is generated from a few parameters,
so a test says exactly what is odd about the file it reads.
"""

from __future__ import annotations

import gzip
import struct
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
_BASE_UINT8, _BASE_ENUM, _BASE_UINT32 = 0x02, 0x00, 0x86


def _fit_crc(data: bytes, crc: int = 0) -> int:
    from fitdecode.utils import compute_crc

    return compute_crc(data, crc=crc) if data else crc


def _definition(local: int, global_number: int, fields: list[tuple[int, int, int]]) -> bytes:
    header = bytes([0x40 | local, 0, 0]) + struct.pack("<HB", global_number, len(fields))
    return header + b"".join(bytes(field) for field in fields)


def _fit_seconds(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def fit_file(
    records: int, start: datetime = datetime(2025, 6, 1, 7, 0, tzinfo=UTC), minutes: int = 30
) -> bytes:
    """A FIT activity with `records` one-byte heart-rate records and a session summary.

    Each record is two bytes (a header and a heart rate), so a few million of them
    compress to almost nothing: the shape of a records bomb.
    """
    start_s = _fit_seconds(start)
    body = bytearray()
    body += _definition(0, 0, [(0, 1, _BASE_ENUM)]) + bytes([0x00, 4])  # file_id: activity
    body += _definition(1, 20, [(3, 1, _BASE_UINT8)])  # record: heart_rate
    records_at = len(body)
    body += _RECORD * records
    session_fields = [(253, 4, _BASE_UINT32), (2, 4, _BASE_UINT32), (7, 4, _BASE_UINT32), (5, 1, _BASE_ENUM)]
    body += _definition(2, 18, session_fields)
    body += bytes([0x02]) + struct.pack("<IIIB", start_s + minutes * 60, start_s, minutes * 60_000, 1)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", _fit_crc(header))
    crc = _fit_crc(header + bytes(body[:records_at]))
    crc = _repeated_crc(crc, records)
    crc = _fit_crc(bytes(body[records_at + len(_RECORD) * records :]), crc)
    return header + bytes(body) + struct.pack("<H", crc)


_RECORD = b"\x01\x8c"  # a record message: local type 1, heart rate 140
_AFTER_RECORD: list[int] = []


def _repeated_crc(crc: int, times: int) -> int:
    """The CRC after `times` records, from a table of what one record does to each of the
    65,536 states: millions of records in a second or two instead of a minute."""
    if not _AFTER_RECORD:
        _AFTER_RECORD.extend(_fit_crc(_RECORD, state) for state in range(1 << 16))
    table = _AFTER_RECORD
    for _ in range(times):
        crc = table[crc]
    return crc


def zlib_bomb_chunks(size: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    """zlib bytes that unpack to `size` zero bytes (a multiple of `chunk`), made in moments.

    One chunk of zeros is deflated with a full flush, which makes its block independent of
    what came before, so the same block repeated is a valid stream; the checksum of zeros
    is known without reading them (Adler-32: a = 1, b = the length)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(chunk)) + packer.flush(zlib.Z_FULL_FLUSH)
    ending = packer.flush(zlib.Z_FINISH)
    count = max(1, size // chunk)
    yield b"\x78\xda"
    for _ in range(count):
        yield block
    yield ending + struct.pack(">I", ((count * chunk) % 65521) << 16 | 1)


def zlib_bomb(size: int) -> bytes:
    return b"".join(zlib_bomb_chunks(size))


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, 9, mtime=0)


GPX_TRACK = """<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
 <trk><name>{title}</name><type>running</type><trkseg>
  <trkpt lat="52.5000" lon="13.4000"><ele>40</ele><time>2025-06-01T07:00:00Z</time></trkpt>
  <trkpt lat="52.5090" lon="13.4000"><ele>41</ele><time>2025-06-01T07:05:00Z</time></trkpt>
  <trkpt lat="52.5180" lon="13.4000"><ele>42</ele><time>2025-06-01T07:10:00Z</time></trkpt>
 </trkseg></trk>
</gpx>
"""


def gpx_text(title: str = "Canal loop", before_root: str = "") -> str:
    """A three-point GPX track of 2 km in 10 minutes; `before_root` goes between the XML
    declaration and the root element (a comment, a DTD)."""
    return '<?xml version="1.0" encoding="{encoding}"?>\n' + before_root + GPX_TRACK.format(title=title)


def gpx_bytes(title: str = "Canal loop", before_root: str = "", encoding: str = "UTF-8") -> bytes:
    text = gpx_text(title, before_root).replace("{encoding}", encoding)
    if encoding.upper() == "UTF-16":
        return text.encode("utf-16")  # with its byte order mark, as Windows tools write it
    return text.encode(encoding)
