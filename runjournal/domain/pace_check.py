"""Paces that no person moves at: usually a slip of the keyboard (36:00 typed for 3:60, metres
typed as kilometres). The form asks "Is this right?" and saves either way, because the
person knows what they did; this module only says when to ask and in which words.
"""

from __future__ import annotations

from runjournal.domain.model import Activity

SLOWEST_RUN_S_PER_KM = 20 * 60  # slower than this is a walk, or a typing slip

# Men's outdoor world records (World Athletics), distance in metres → time in seconds.
# No one covers a distance faster than the record for any shorter one, so the record of
# the longest listed distance not beyond the one typed is a floor that never misfires.
_RUN_RECORDS: tuple[tuple[float, float], ...] = (
    (100.0, 9.58),
    (400.0, 43.03),
    (1_000.0, 131.96),
    (1_609.344, 223.13),
    (5_000.0, 755.36),
    (10_000.0, 1_571.0),
    (21_097.5, 3_451.0),
    (42_195.0, 7_235.0),
    (100_000.0, 21_941.0),
)
# Flat floors where no table of records is kept here: faster than the race-walking mile
# record (about 5:31), the hour record on a bike (about 57 km/h) or the 100 m freestyle
# record in the water (about 46 s).
_FASTEST_S_PER_KM = {Activity.WALK: 200.0, Activity.BIKE: 60.0, Activity.SWIM: 460.0}


def _record_floor_s(distance_m: float) -> float:
    floor = 0.0
    for record_distance, record_time in _RUN_RECORDS:
        if record_distance <= distance_m:
            floor = record_time
    return floor


def unlikely_pace(activity: Activity, duration_s: float, distance_m: float | None) -> str | None:
    """A question for a pace no person manages, or None when the pace is ordinary or unknown."""
    if not distance_m or distance_m <= 0 or duration_s <= 0:
        return None
    s_per_km = duration_s / (distance_m / 1000)
    minutes_per_km = s_per_km / 60
    if activity is Activity.RUN and s_per_km > SLOWEST_RUN_S_PER_KM:
        return (
            f"Is this right? That is about {minutes_per_km:.0f} minutes per km, slower than a walk. "
            "Check the duration and the distance; if it is right, save it as it is."
        )
    if activity is Activity.RUN:
        too_fast = duration_s < _record_floor_s(distance_m)
    else:
        too_fast = s_per_km < _FASTEST_S_PER_KM.get(activity, 0.0)
    if too_fast:
        return (
            "Is this right? That pace is faster than the world record. "
            "Check the duration and the distance; if it is right, save it as it is."
        )
    return None


__all__ = ["SLOWEST_RUN_S_PER_KM", "unlikely_pace"]
