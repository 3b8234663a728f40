"""The journal's records as plain, immutable values.

Everything here is stored in SI units (seconds, metres) and converted for display by
`units`. A field that a person did not record is `None`, never a made-up default:
an untouched mood slider means "not recorded", not "5".
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone


class Activity(enum.StrEnum):
    RUN = "run"
    WALK = "walk"
    BIKE = "bike"
    SWIM = "swim"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            Activity.RUN: "Run",
            Activity.WALK: "Walk",
            Activity.BIKE: "Bike ride",
            Activity.SWIM: "Swim",
            Activity.OTHER: "Other movement",
        }[self]


class Company(enum.StrEnum):
    """Who a person moved with; running with others is one of the coach's suggestions."""

    SOLO = "solo"
    BUDDY = "buddy"
    GROUP = "group"
    EVENT = "event"

    @property
    def label(self) -> str:
        return {
            Company.SOLO: "On my own",
            Company.BUDDY: "With a buddy",
            Company.GROUP: "With a group",
            Company.EVENT: "At an event",
        }[self]


class Source(enum.StrEnum):
    MANUAL = "manual"
    GPX = "gpx"
    TCX = "tcx"
    FIT = "fit"
    CSV = "csv"


# Effort bands (docs/coach.md, "Definitions"): easy ≤ 4, moderate 5–6, hard ≥ 7. Written
# once here; the SQL week sums in storage are built from these same numbers.
EASY_MAX_EFFORT = 4
HARD_MIN_EFFORT = 7
# A session is any activity of at least 10 minutes (what FREQ and the week's sessions count).
SESSION_MIN_S = 600


class Intensity(enum.StrEnum):
    """Effort bands from docs/coach.md: easy ≤ 4, moderate 5–6, hard ≥ 7."""

    EASY = "easy"
    MODERATE = "moderate"
    HARD = "hard"

    @classmethod
    def of_effort(cls, effort: int | None) -> Intensity:
        # A run logged without an effort counts as moderate (docs/coach.md).
        if effort is None:
            return cls.MODERATE
        if effort <= EASY_MAX_EFFORT:
            return cls.EASY
        if effort < HARD_MIN_EFFORT:
            return cls.MODERATE
        return cls.HARD


class DistanceUnit(enum.StrEnum):
    KM = "km"
    MI = "mi"


@dataclass(frozen=True, slots=True)
class Run:
    """One session of movement. Called a run because most of them are."""

    day: date
    duration_s: float
    activity: Activity = Activity.RUN
    id: int | None = None
    started_at: datetime | None = None  # an aware UTC instant
    utc_offset_min: int | None = None  # the offset where the person was, for the local time
    moving_s: float | None = None
    distance_m: float | None = None
    effort: int | None = None  # RPE 1–10
    company: Company = Company.SOLO
    outdoor: bool = True
    mindful: bool = False  # no music or podcasts
    mood_before: int | None = None
    mood_after: int | None = None
    stress_before: int | None = None
    stress_after: int | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    ascent_m: float | None = None
    title: str = ""
    note: str = ""
    note_private: bool = False
    source: Source = Source.MANUAL
    content_hash: str | None = None

    @property
    def minutes(self) -> float:
        return self.duration_s / 60.0

    @property
    def intensity(self) -> Intensity:
        return Intensity.of_effort(self.effort)

    @property
    def local_start(self) -> datetime | None:
        """The start as the clock on the wall showed it where the person was."""
        if self.started_at is None:
            return None
        offset = timedelta(minutes=self.utc_offset_min or 0)
        return self.started_at.astimezone(timezone(offset))

    def replace(self, **changes: object) -> Run:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class CheckIn:
    """How a day felt. At most one per local day; every field may be left unrecorded."""

    day: date
    mood: int | None = None
    stress: int | None = None
    anxiety: int | None = None
    energy: int | None = None
    sleep_hours: float | None = None
    sleep_quality: int | None = None
    bedtime: time | None = None
    ill: bool = False  # ill or injured
    note: str = ""
    tags: tuple[str, ...] = ()  # what shaped the day, from the person's own list

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was recorded, so there is nothing worth keeping."""
        return (
            all(getattr(self, name) is None for name in CHECK_IN_SCALES)
            and self.sleep_hours is None
            and self.bedtime is None
            and not self.ill
            and not self.note.strip()
            and not self.tags
        )

    def replace(self, **changes: object) -> CheckIn:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


CHECK_IN_SCALES = ("mood", "stress", "anxiety", "energy", "sleep_quality")

# The first list of tags a person is offered; every one can be renamed or removed.
SUGGESTED_TAGS = (
    "slept badly", "therapy", "medication taken", "alcohol", "caffeine late",
    "time outside", "social time", "work stress", "period",
)  # fmt: skip
MAX_TAG_LENGTH = 40
MAX_TAGS = 30
TAG_SEPARATOR = ";"  # between a day's tags in the check-ins table, so never inside a tag's name


def find_tag(name: str, tags: tuple[str, ...]) -> str | None:
    """The spelling in `tags` of `name`, compared without case and outer spaces, or None."""
    wanted = name.strip().casefold()
    return next((tag for tag in tags if tag.casefold() == wanted), None)


@dataclass(frozen=True, slots=True)
class Settings:
    units: DistanceUnit = DistanceUnit.KM
    weekly_minutes_goal: int = 150  # WHO 2020: 150–300 moderate minutes a week
    weekly_sessions_goal: int = 3  # "3 to 5 times a week"
    week_start: int = 0  # weekday the person's week starts on, Monday = 0 (as date.weekday())
    started_running: date | None = None
    tags: tuple[str, ...] = SUGGESTED_TAGS  # the person's own list of what shapes a day

    def replace(self, **changes: object) -> Settings:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class WeekTotals:
    """What a week added up to, as the charts, the report and the coach read it."""

    week_start: date
    sessions: int = 0
    sessions_10min: int = 0  # sessions of at least 10 minutes, which FREQ counts
    runs: int = 0
    minutes: float = 0.0
    easy_minutes: float = 0.0
    moderate_minutes: float = 0.0
    hard_minutes: float = 0.0
    run_minutes: float = 0.0
    easy_run_minutes: float = 0.0
    distance_m: float = 0.0
    run_distance_m: float = 0.0

    @property
    def moderate_equivalent_minutes(self) -> float:
        """WHO: 150 moderate minutes ≈ 75 vigorous, so hard minutes count double."""
        return self.easy_minutes + self.moderate_minutes + 2 * self.hard_minutes

    @property
    def easy_share(self) -> float | None:
        """Share of running time at an easy effort; None in a week without runs."""
        if self.run_minutes <= 0:
            return None
        return self.easy_run_minutes / self.run_minutes


@dataclass(frozen=True, slots=True)
class JournalCounts:
    runs: int = 0
    check_ins: int = 0
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a value a person gave, said so they can fix it."""

    field: str
    message: str

    def __str__(self) -> str:
        return self.message


class ValidationError(ValueError):
    """Raised by the journal when a record has problems; nothing was stored."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in self.problems))


@dataclass(frozen=True, slots=True)
class SupportContact:
    """Someone the person can turn to, shown on the "Need support now?" card."""

    name: str
    phone: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class CoachChoice:
    """What a person decided about one coach rule: turned off, or quiet until a day."""

    rule_id: str
    disabled: bool = False
    snoozed_until: date | None = None

    def is_quiet_on(self, day: date) -> bool:
        return self.disabled or (self.snoozed_until is not None and day <= self.snoozed_until)


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An imported file exactly as the watch or app wrote it; runs point to it through
    their content hash (the file's sha256, or "<sha256>:<row>" for a CSV row)."""

    hash: str
    name: str
    kind: str  # "gpx", "tcx", "fit" or "csv"
    data: bytes
    imported_at: datetime | None = None  # an aware UTC instant

    @property
    def size(self) -> int:
        return len(self.data)


def source_hash(content_hash: str | None) -> str | None:
    """The hash of the file a run came from, read from the run's content hash."""
    return content_hash.split(":", 1)[0] if content_hash else None
