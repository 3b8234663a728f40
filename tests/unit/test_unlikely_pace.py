"""Paces no person moves at are questioned, never refused: the domain says which."""

from __future__ import annotations

import pytest

from runjournal.domain.model import Activity
from runjournal.domain.pace_check import unlikely_pace


@pytest.mark.parametrize(
    ("activity", "minutes", "km"),
    [
        (Activity.RUN, 36 * 5, 5.0),  # 36 min/km: slower than anyone runs
        (Activity.RUN, 12, 5.0),  # 5 km in 12 minutes: faster than the world record
        (Activity.RUN, 100, 42.195),  # a marathon in 1 h 40: faster than the world record
        (Activity.WALK, 3, 1.0),  # a 3-minute kilometre walked
        (Activity.BIKE, 20, 60.0),  # 180 km/h on a bike
        (Activity.SWIM, 5, 1.0),  # a 5-minute kilometre swum
    ],
)
def test_a_pace_no_person_manages_is_questioned_in_a_sentence(
    activity: Activity, minutes: float, km: float
) -> None:
    message = unlikely_pace(activity, minutes * 60, km * 1000)
    assert message is not None
    assert message.startswith("Is this right?")


@pytest.mark.parametrize(
    ("activity", "minutes", "km"),
    [
        (Activity.RUN, 32, 5.0),
        (Activity.RUN, 19 * 5, 5.0),  # a slow jog, still a run
        (Activity.RUN, 14, 5.0),  # fast, but people do it
        (Activity.RUN, 130, 42.195),
        (Activity.WALK, 60, 3.0),  # a slow walk is fine
        (Activity.WALK, 25, 2.0),
        (Activity.BIKE, 60, 25.0),
        (Activity.SWIM, 30, 1.5),
        (Activity.OTHER, 1, 50.0),  # nothing known about "other"
    ],
)
def test_an_ordinary_pace_or_no_distance_says_nothing(activity: Activity, minutes: float, km: float) -> None:
    assert unlikely_pace(activity, minutes * 60, km * 1000) is None
    assert unlikely_pace(activity, minutes * 60, None) is None
