"""The whole-journal JSON: written by `export`, read back so a journal can move to another
computer, or be rebuilt from its export, with nothing lost.

Writing streams: records go out one by one, and each imported file's original goes out
as base64 a piece at a time, so a large journal never sits in memory as one string.
Reading is bounded and checked before anything reaches the journal: the file's size
(MAX_DOCUMENT_BYTES), its nesting, the type of every field, ids and days that must be
unique, and text that must be real Unicode. Whatever is wrong comes back as one sentence.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings, SourceFile, SupportContact
from runjournal.domain.serialize import (
    check_in_from_dict,
    check_in_to_dict,
    coach_choice_from_dict,
    coach_choice_to_dict,
    run_from_dict,
    run_to_dict,
    settings_from_dict,
    settings_to_dict,
)
from runjournal.formats.files import FileTooLarge, megabytes, read_bounded, read_head

EXPORT_FORMAT = "runjournal"
EXPORT_VERSION = 1
# JSON takes several times its size in memory once parsed; a journal of ten years with
# every original file kept is far smaller than this.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024
MAX_NESTING = 32  # the format itself nests four deep
_HEAD_BYTES = 4096
_BASE64_PIECE = 3 * 256 * 1024  # a multiple of 3, so the pieces' base64 joins up


class DocumentError(ValueError):
    """The file is not a RunJournal export this version can read; the message says why."""


@dataclass(frozen=True)
class JournalDocument:
    settings: Settings
    coach_choices: tuple[CoachChoice, ...]
    support_contacts: tuple[SupportContact, ...]
    runs: tuple[Run, ...]
    check_ins: tuple[CheckIn, ...]
    sources: tuple[SourceFile, ...]


@dataclass(frozen=True)
class Original:
    """An imported file as the writer takes it: its description, and its bytes as pieces
    that are read (and unpacked) only while they are written."""

    hash: str
    name: str
    kind: str
    imported_at: datetime | None
    pieces: Iterable[bytes]


# Recognising ------------------------------------------------------------------------------


def looks_like_document(data: bytes) -> bool:
    """A cheap test on the first bytes, before the whole file is parsed."""
    head = data[:_HEAD_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"format"' in head and b'"runjournal"' in head


def is_whole_journal(path: Path) -> bool:
    """Whether a file is RunJournal's own whole-journal export, from its name and first
    bytes only; False for anything that cannot be read (a pipe included: it is not waited on)."""
    if path.suffix.lower() != ".json":
        return False
    try:
        return looks_like_document(read_head(path, _HEAD_BYTES))
    except OSError:
        return False


# Writing ----------------------------------------------------------------------------------


def source_to_dict(source: SourceFile) -> dict[str, Any]:
    return {**_original_header(source.hash, source.name, source.kind, source.imported_at),
            "data_base64": base64.b64encode(source.data).decode("ascii")}  # fmt: skip


def _original_header(file_hash: str, name: str, kind: str, imported_at: datetime | None) -> dict[str, Any]:
    imported = imported_at.astimezone(UTC).isoformat() if imported_at else None
    return {"hash": file_hash, "name": name, "kind": kind, "imported_at": imported}


def _base64_pieces(pieces: Iterable[bytes]) -> Iterator[str]:
    """Base64 of the joined pieces, written as it goes: only whole groups of three bytes are
    encoded until the end, so the text equals the base64 of all the bytes at once."""
    left = b""
    for piece in pieces:
        left += piece
        whole = len(left) - len(left) % 3
        if whole:
            yield base64.b64encode(left[:whole]).decode("ascii")
            left = left[whole:]
    if left:
        yield base64.b64encode(left).decode("ascii")


def _chunked(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """The pieces cut to a bounded size, so one large piece is not encoded in one go."""
    for piece in pieces:
        for start in range(0, len(piece), _BASE64_PIECE):
            yield piece[start : start + _BASE64_PIECE]


def write_document(
    out: TextIO,
    *,
    app_version: str,
    settings: Settings,
    coach_choices: Iterable[CoachChoice],
    support_contacts: Iterable[SupportContact],
    runs: Iterable[Run],
    check_ins: Iterable[CheckIn],
    originals: Iterable[Original],
    exported_at: datetime | None = None,
) -> int:
    """Writes the whole journal to `out`; returns the number of runs and check-ins written."""

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    def records(key: str, items: Iterable[dict[str, Any]]) -> int:
        out.write(f",\n {dumps(key)}: [")
        written = 0
        for item in items:
            out.write(("," if written else "") + "\n  " + dumps(item))
            written += 1
        out.write("\n ]" if written else "]")
        return written

    moment = (exported_at or datetime.now(UTC)).astimezone(UTC)
    header = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "app_version": app_version,
        "exported_at": moment.isoformat(timespec="seconds"),
        "settings": settings_to_dict(settings),
    }
    out.write("{\n" + ",\n".join(f" {dumps(k)}: {dumps(v)}" for k, v in header.items()))
    records("coach_choices", (coach_choice_to_dict(c) for c in coach_choices))
    records("support_contacts", (asdict(c) for c in support_contacts))
    written = records("runs", (run_to_dict(r) for r in runs))
    written += records("check_ins", (check_in_to_dict(c) for c in check_ins))
    out.write(',\n "source_files": [')
    for index, original in enumerate(originals):
        described = dumps(_original_header(original.hash, original.name, original.kind, original.imported_at))
        out.write(("," if index else "") + "\n  " + described[:-1] + ', "data_base64": "')
        for text in _base64_pieces(_chunked(original.pieces)):
            out.write(text)
        out.write('"}')
    out.write("\n ]\n}\n")
    return written


# Reading ----------------------------------------------------------------------------------


def read_document_file(path: Path, name: str | None = None) -> JournalDocument:
    """The export in the file at `path`, bounded in size; OSError when it cannot be read
    (a pipe or a device included), DocumentError when it is not a readable export."""
    shown = name or f"“{path.name}”"
    limit = sys.modules[__name__].MAX_DOCUMENT_BYTES  # looked up here so a test can lower it
    try:
        data = read_bounded(path, limit)
    except FileTooLarge:
        raise DocumentError(
            f"{shown} is larger than {megabytes(limit)}, more than RunJournal reads as a whole journal; "
            "check that it is an export from RunJournal."
        ) from None
    return read_document(data, shown)


def source_from_dict(data: dict[str, Any]) -> SourceFile:
    imported = data.get("imported_at")
    return SourceFile(
        hash=_text(data["hash"], "hash"),
        name=_text(data["name"], "name"),
        kind=_text(data["kind"], "kind"),
        data=base64.b64decode(_text(data["data_base64"], "data_base64"), validate=True),
        imported_at=datetime.fromisoformat(_text(imported, "imported_at")) if imported else None,
    )


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{field} should be text")
    return value


def _problem_in_values(value: object) -> str | None:
    """What makes parsed JSON unusable as a journal, looked for without recursion: nesting
    deeper than the format ever has, numbers that are not finite, and text that is not
    real Unicode (a lone surrogate, which JSON's \\u escapes allow and no file can store)."""
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_NESTING:
            return "it is nested far deeper than a journal export is"
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return "it holds text that is not valid Unicode"
        elif isinstance(item, float) and not math.isfinite(item):
            return "it holds a number that is not finite"
        elif isinstance(item, Mapping):
            stack.extend((key, depth + 1) for key in item)
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return None


def _records(document: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = document.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        raise ValueError(f"“{key}” should be a list of records")
    return value


def _unique(document: JournalDocument) -> None:
    run_ids = [run.id for run in document.runs if run.id is not None]
    if len(run_ids) != len(set(run_ids)):
        repeated = next(i for i in run_ids if run_ids.count(i) > 1)
        raise ValueError(f"two runs have the same id ({repeated})")
    days = [check_in.day for check_in in document.check_ins]
    if len(days) != len(set(days)):
        repeated_day = next(d for d in days if days.count(d) > 1)
        raise ValueError(f"two check-ins are for the same day ({repeated_day.isoformat()})")


def read_document(data: bytes, name: str = "the file") -> JournalDocument:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except ValueError:  # undecodable bytes, broken JSON, a number of thousands of digits
        raise DocumentError(f"{name} is not a RunJournal export (it is not readable JSON).") from None
    except RecursionError:
        raise DocumentError(
            f"{name} is not a RunJournal export (it is nested far deeper than a journal export is)."
        ) from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise DocumentError(f"{name} is JSON, but not a journal exported by RunJournal.")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DocumentError(f"{name} is a RunJournal export, but its format version is missing or damaged.")
    if version > EXPORT_VERSION:
        raise DocumentError(
            f"{name} was exported by a newer RunJournal (format {version}). Update RunJournal to import it."
        )
    problem = _problem_in_values(document)
    if problem:
        raise DocumentError(f"{name} is a RunJournal export, but {problem}; export the journal again.")
    try:
        settings = document.get("settings") or {}
        if not isinstance(settings, Mapping):
            raise ValueError("“settings” should be a record")
        read = JournalDocument(
            settings=settings_from_dict(dict(settings)),
            coach_choices=tuple(coach_choice_from_dict(dict(c)) for c in _records(document, "coach_choices")),
            support_contacts=tuple(
                SupportContact(**{k: str(v) for k, v in c.items() if k in ("name", "phone", "note")})
                for c in _records(document, "support_contacts")
            ),
            runs=tuple(run_from_dict(dict(r)) for r in _records(document, "runs")),
            check_ins=tuple(check_in_from_dict(dict(c)) for c in _records(document, "check_ins")),
            sources=tuple(source_from_dict(dict(s)) for s in _records(document, "source_files")),
        )
        _unique(read)
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, binascii.Error) as error:
        raise DocumentError(
            f"{name} is a RunJournal export, but a record in it is damaged ({error}); "
            "export the journal again."
        ) from None
    return read
