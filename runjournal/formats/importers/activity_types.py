"""What each device and app calls a sport, mapped onto the journal's five activities.

Names arrive as FIT enums ("running", "trail"), TCX attributes ("Biking"), Garmin
Connect labels ("Treadmill Running"), Strava types ("VirtualRide", "TrailRun") and
Strava's numeric GPX codes ("9"). Matching whole words keeps "Rowing" out of RUN.
"""

from __future__ import annotations

import re

from runjournal.domain.model import Activity

# English, then the words of Garmin Connect's and Strava's German, Spanish and French exports.
_RUN = {"run", "running", "jog", "jogging", "trailrun", "virtualrun",
        "lauf", "laufen", "carrera", "correr", "course", "courseàpied"}  # fmt: skip
_WALK = {"walk", "walking", "hike", "hiking",
         "gehen", "wandern", "caminar", "caminata", "senderismo", "marche", "randonnée"}  # fmt: skip
_BIKE = {"bike", "biking", "cycling", "cycle", "ride", "ebike", "ebikeride", "virtualride", "mtb",
         "radfahren", "radfahrt", "ciclismo", "ciclista", "bicicleta", "vélo", "cyclisme"}  # fmt: skip
_SWIM = {"swim", "swimming", "schwimmen", "natación", "natation"}
_RUN_ONLY_HINTS = {"trail", "treadmill"}  # a sub-sport that is a run when nothing else is said
_INDOOR = {"treadmill", "indoor", "virtual", "virtualrun", "virtualride", "trainer", "lap_swimming", "pool",
           "laufband", "cinta", "tapis", "rollentrainer", "hallenbad", "piscina", "piscine"}  # fmt: skip

# Strava's GPX export writes its activity type as a number. 1 (Ride) and 9 (Run) are
# seen in the sweat example files; the others follow Strava's old activity-type list.
_STRAVA_GPX_CODES = {
    "1": Activity.BIKE,
    "4": Activity.WALK,  # Hike
    "9": Activity.RUN,
    "10": Activity.WALK,
    "16": Activity.SWIM,
    "17": Activity.BIKE,  # VirtualRide
}


def _words(*names: str | None) -> set[str]:
    words: set[str] = set()
    for name in names:
        if not name:
            continue
        spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", str(name))  # "TrailRun" -> "Trail Run"
        parts = re.split(r"[\W_]+", spaced.lower())
        words.update(p for p in parts if p)
        words.add(re.sub(r"[\W_]+", "", str(name).lower()))  # "VirtualRide" -> "virtualride"
        words.add(str(name).lower())  # FIT's "lap_swimming" as it is
    return words


def activity_of(*names: str | None) -> Activity:
    """The journal's activity for a sport name (and sub-sport); OTHER when unsure."""
    for name in names:
        if name and str(name).strip() in _STRAVA_GPX_CODES:
            return _STRAVA_GPX_CODES[str(name).strip()]
    words = _words(*names)
    for vocabulary, activity in (
        (_RUN, Activity.RUN),
        (_WALK, Activity.WALK),
        (_BIKE, Activity.BIKE),
        (_SWIM, Activity.SWIM),
        (_RUN_ONLY_HINTS, Activity.RUN),
    ):
        if words & vocabulary:
            return activity
    return Activity.OTHER


def is_indoor(*names: str | None) -> bool:
    """True for treadmill, indoor, virtual and trainer sports, which have no outdoor route."""
    words = _words(*names)
    return bool(words & _INDOOR) or any(w.startswith("indoor") for w in words)
