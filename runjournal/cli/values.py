"""Reading command-line values: text in, checked values out, every problem kept.

Values are taken as text and checked here rather than by argparse, so that a wrong value
is reported with every other problem of the same command, in words, with exit code 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta
from typing import TypeVar

from runjournal.domain.model import Activity, Company, Problem
from runjournal.domain.units import parse_clock

T = TypeVar("T")
E = TypeVar("E", Activity, Company)


class Rejected(Exception):
    """Input was refused; `problems` says why, field by field."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message for p in problems))


class Problems:
    """Collects what is wrong with the options so all of it is reported at once."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def convert(self, field: str, label: str, text: str | None, read: Callable[[str], T]) -> T | None:
        if text is None:
            return None
        try:
            return read(text)
        except ValueError as error:
            self.items.append(Problem(field, f"{label}: {error}"))
            return None

    def check(self, found: list[Problem]) -> None:
        """Adds what validation found about the values that could be read, then raises."""
        unreadable = {p.field for p in self.items}
        self.items += [p for p in found if p.field not in unreadable]
        self.raise_any()

    def raise_any(self) -> None:
        if self.items:
            raise Rejected(self.items)


def read_day(text: str) -> date:
    lowered = text.strip().lower()
    if lowered == "today":
        return date.today()
    if lowered == "yesterday":
        return date.today() - timedelta(days=1)
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"“{text}” is not a date: write it as YYYY-MM-DD, like 2026-11-21.") from None


def read_scale(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a whole number from 1 to 10.") from None


def read_yes_no(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("yes", "y", "true", "1"):
        return True
    if lowered in ("no", "n", "false", "0"):
        return False
    raise ValueError(f"“{text}” is neither yes nor no: write --ill yes, --ill no or --not-ill.")


def read_whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a whole number.") from None


def read_number(text: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"“{text}” is not a number.") from None


def read_choice(kind: type[E]) -> Callable[[str], E]:
    def read(text: str) -> E:
        try:
            return kind(text.strip().lower())
        except ValueError:
            allowed = ", ".join(str(member) for member in kind)
            raise ValueError(f"“{text}” is not one of {allowed}.") from None

    return read


def read_clock(text: str) -> time:
    hour, minute = parse_clock(text)
    return time(hour, minute)
