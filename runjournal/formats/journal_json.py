"""Reading back the whole-journal JSON that `export` writes, so a journal can move to
another computer, or be rebuilt from its export, with nothing lost."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from runjournal.domain.model import CheckIn, CoachChoice, Run, Settings, SourceFile, SupportContact
from runjournal.domain.serialize import (
    check_in_from_dict,
    coach_choice_from_dict,
    run_from_dict,
    settings_from_dict,
)

EXPORT_FORMAT = "runjournal"
EXPORT_VERSION = 1


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


def source_to_dict(source: SourceFile) -> dict[str, Any]:
    imported = source.imported_at.astimezone(UTC).isoformat() if source.imported_at else None
    return {
        "hash": source.hash,
        "name": source.name,
        "kind": source.kind,
        "imported_at": imported,
        "data_base64": base64.b64encode(source.data).decode("ascii"),
    }


def source_from_dict(data: dict[str, Any]) -> SourceFile:
    imported = data.get("imported_at")
    return SourceFile(
        hash=str(data["hash"]),
        name=str(data["name"]),
        kind=str(data["kind"]),
        data=base64.b64decode(data["data_base64"], validate=True),
        imported_at=datetime.fromisoformat(imported) if imported else None,
    )


def looks_like_document(data: bytes) -> bool:
    """A cheap test on the first bytes, before the whole file is parsed."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and b'"format"' in head and b'"runjournal"' in head


def read_document(data: bytes, name: str = "the file") -> JournalDocument:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DocumentError(f"{name} is not a RunJournal export (it is not readable JSON).") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise DocumentError(f"{name} is JSON, but not a journal exported by RunJournal.")
    version = document.get("version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise DocumentError(
            f"{name} was exported by a newer RunJournal (format {version}). Update RunJournal to import it."
        )
    try:
        return JournalDocument(
            settings=settings_from_dict(document.get("settings") or {}),
            coach_choices=tuple(coach_choice_from_dict(c) for c in document.get("coach_choices", [])),
            support_contacts=tuple(
                SupportContact(**{k: str(v) for k, v in c.items() if k in ("name", "phone", "note")})
                for c in document.get("support_contacts", [])
            ),
            runs=tuple(run_from_dict(r) for r in document.get("runs", [])),
            check_ins=tuple(check_in_from_dict(c) for c in document.get("check_ins", [])),
            sources=tuple(source_from_dict(s) for s in document.get("source_files", [])),
        )
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as error:
        raise DocumentError(
            f"{name} is a RunJournal export, but a record in it is damaged ({error})."
        ) from None
