"""The repository of imported files' original bytes, kept compressed in the journal."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, insert, select

from runjournal.domain.model import SourceFile
from runjournal.storage import tables

_COMPRESSION_LEVEL = 6  # GPX/TCX shrink ~10×, FIT ~2×; higher levels gain little and cost time


def pack(data: bytes) -> bytes:
    """A file's bytes as the journal keeps them. An import packs its files while it is
    reviewed, off the window's thread, so storing them later only copies."""
    return zlib.compress(data, _COMPRESSION_LEVEL)


class PackedTooLarge(Exception):
    """A stored file unpacks to more than it may: a damaged or hostile journal file."""


def unpacked_pieces(packed: bytes, limit: int, piece: int = 1 << 20) -> Iterator[bytes]:
    """A stored file's bytes a piece at a time, never more than `limit` in all (PackedTooLarge
    past it); zlib.error when the stored bytes are damaged or cut short. The stored bytes
    are fed a slice at a time too, so no copy of them is made along the way."""
    unpack = zlib.decompressobj()
    total = 0
    stored = memoryview(packed)
    for start in range(0, len(stored), piece):
        waiting: bytes | memoryview = stored[start : start + piece]
        while waiting and not unpack.eof:
            chunk = unpack.decompress(waiting, piece)
            waiting = unpack.unconsumed_tail
            total += len(chunk)
            if total > limit:
                raise PackedTooLarge
            if chunk:
                yield chunk
    if not unpack.eof:
        chunk = unpack.flush()
        if not unpack.eof:
            raise zlib.error("the stored bytes end early")
        total += len(chunk)
        if total > limit:
            raise PackedTooLarge
        if chunk:
            yield chunk


class SourceFileRepository:
    def __init__(self, connection: Connection) -> None:
        self._c = connection

    def add(self, source: SourceFile, packed: bytes | None = None) -> bool:
        """Stores a file unless the same bytes are already kept; True when it was new.
        `packed` is `pack(source.data)` when that was done already."""
        if self.has(source.hash):
            return False
        imported = source.imported_at or datetime.now(UTC)
        self._c.execute(
            insert(tables.source_files).values(
                hash=source.hash,
                name=source.name,
                kind=source.kind,
                size=source.size,
                imported_at=imported.astimezone(UTC).replace(tzinfo=None),
                data=packed if packed is not None else pack(source.data),
            )
        )
        return True

    def has(self, file_hash: str) -> bool:
        c = tables.source_files.c
        return self._c.execute(select(c.hash).where(c.hash == file_hash)).first() is not None

    def known(self, hashes: Iterable[str]) -> set[str]:
        wanted = list(set(hashes))
        c = tables.source_files.c
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # stays under SQLite's bound-parameter limit
            chunk = wanted[start : start + 500]
            found.update(self._c.execute(select(c.hash).where(c.hash.in_(chunk))).scalars())
        return found

    def get(self, file_hash: str) -> SourceFile | None:
        row = self._c.execute(
            select(tables.source_files).where(tables.source_files.c.hash == file_hash)
        ).first()
        return _from_row(row) if row else None

    def all(self) -> list[SourceFile]:
        query = select(tables.source_files).order_by(
            tables.source_files.c.imported_at, tables.source_files.c.hash
        )
        return [_from_row(row) for row in self._c.execute(query)]

    def each_packed(self) -> Iterator[tuple[SourceFile, bytes]]:
        """Every stored file's description (its `data` left empty) with its bytes as stored,
        one row at a time, so an export holds one file in memory, never all of them."""
        c = tables.source_files.c
        # Ordered without the bytes: SQLite's sorter would otherwise copy every file's bytes.
        query = select(c.hash, c.name, c.kind, c.imported_at).order_by(c.imported_at, c.hash)
        for row in self._c.execute(query).all():
            described = SourceFile(row.hash, row.name, row.kind, b"", row.imported_at.replace(tzinfo=UTC))
            packed = self._c.execute(select(c.data).where(c.hash == row.hash)).scalar_one()
            yield described, packed

    def delete(self, file_hash: str) -> bool:
        c = tables.source_files.c
        return self._c.execute(delete(tables.source_files).where(c.hash == file_hash)).rowcount == 1

    def count(self) -> int:
        return self._c.execute(select(func.count()).select_from(tables.source_files)).scalar_one()


def _from_row(row: object) -> SourceFile:
    imported: datetime = row.imported_at  # type: ignore[attr-defined]
    return SourceFile(
        hash=row.hash,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        kind=row.kind,  # type: ignore[attr-defined]
        data=zlib.decompress(row.data),  # type: ignore[attr-defined]
        imported_at=imported.replace(tzinfo=UTC),
    )
