"""Turns the rules' findings into what the coach panel shows (docs/coach.md).

Every rule is evaluated; then the person's choices (turned off, snoozed) are honoured, the
pauses applied (ill or injured, MOOD-LOW, a hard day), YOUR-LIFT kept only beside the card
it answers, and the rest ordered by priority, at most `limit`. Each nudge's sources are
set from the one table in coach/sources.py, so every card cites what Help → Sources lists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date

from runjournal.coach.listening_rules import LISTENING_RULES
from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.sources import RULE_SOURCES, source_line
from runjournal.coach.wellbeing_rules import WELLBEING_RULES, is_ill, mood_low
from runjournal.domain.model import CoachChoice

Rule = tuple[str, Callable[[History], Nudge | None]]

FIRST_RUN = "MILESTONE:first-run"  # the first run's MILESTONE has a place of its own

# safety > care (HARD-DAY, then YOUR-LIFT) > SPIKE-RUN > REST > RECOVER > the first run's
# MILESTONE > BE-GENTLE > STRESS-HIGH > ANXIETY-HIGH > sleep rules > the rest in table order.
PRIORITY: tuple[str, ...] = (
    "MOOD-LOW",
    "HARD-DAY",
    "YOUR-LIFT",
    "SPIKE-RUN",
    "REST",
    "RECOVER",
    FIRST_RUN,
    "BE-GENTLE",
    "STRESS-HIGH",
    "ANXIETY-HIGH",
    "SLEEP-SHORT",
    "SLEEP-IRREG",
    "MILESTONE",
    "EASY-SHARE",
    "VOL",
    "FREQ",
    "RAMP",
    "RETURN",
    "SOCIAL",
    "MINDFUL",
    "OUTSIDE",
    "ROUTINE",
)
# Paused while MOOD-LOW is active (so are insights, which ask `mood_low_active`).
PAUSED_BY_MOOD_LOW = frozenset({"VOL", "FREQ", "EASY-SHARE", "ROUTINE", "MILESTONE"})
# Paused for the day of a hard check-in: nothing asks for more on a hard day.
PAUSED_BY_HARD_DAY = frozenset({"VOL", "FREQ", "EASY-SHARE", "RAMP", "ROUTINE", "MILESTONE"})
# What still shows while the latest check-in marks the person ill or injured (plus safety and care).
SHOWN_WHILE_ILL = frozenset({"RECOVER"})
# YOUR-LIFT answers one of these; alone it would read as a promise.
LIFT_ANSWERS = frozenset({"HARD-DAY", "MOOD-LOW", "STRESS-HIGH", "ANXIETY-HIGH"})


def mood_low_active(history: History) -> bool:
    """True while MOOD-LOW fires on these entries, whatever the person chose about its nudge."""
    return mood_low(history) is not None


def default_rules() -> tuple[Rule, ...]:
    from runjournal.coach.running_rules import RUNNING_RULES  # written alongside; imported late
    from runjournal.coach.week_rules import WEEK_RULES

    return (*LISTENING_RULES, *RUNNING_RULES, *WEEK_RULES, *WELLBEING_RULES)


def is_first_run(nudge: Nudge) -> bool:
    return nudge.rule_id == "MILESTONE" and nudge.numbers.get("run_number") == 1


def _rank(rule_id: str, nudge: Nudge) -> tuple[int, int]:
    key = FIRST_RUN if is_first_run(nudge) else rule_id
    known = PRIORITY.index(key) if key in PRIORITY else len(PRIORITY)
    return (0 if nudge.level is Level.SAFETY else 1, known)


def may_turn_off(level: Level) -> bool:
    """Safety nudges can be snoozed, never turned off (docs/coach.md)."""
    return level is not Level.SAFETY


def is_quiet(nudge: Nudge, choice: CoachChoice | None, day: date) -> bool:
    """The person's choice hides this nudge on `day`; a safety nudge only through a snooze."""
    if choice is None:
        return False
    if not may_turn_off(nudge.level):
        return choice.snoozed_until is not None and day <= choice.snoozed_until
    return choice.is_quiet_on(day)


def with_sources(nudge: Nudge) -> Nudge:
    """The nudge citing its rule's sources from the one table, by short name."""
    if nudge.rule_id not in RULE_SOURCES:
        return nudge
    return dataclasses.replace(nudge, source=source_line(nudge.rule_id))


def nudges(
    history: History,
    choices: dict[str, CoachChoice],
    *,
    limit: int = 3,
    rules: Sequence[Rule] | None = None,
) -> list[Nudge]:
    """The nudges to show on `history.today`, highest priority first, at most `limit`.

    A rule the person turned off or snoozed (through `snoozed_until`, inclusive) is hidden;
    a safety rule only while snoozed. MOOD-LOW and HARD-DAY still pause other rules while
    their own nudge is snoozed: the pause follows the entries, not the choice. Unknown rule
    ids sort after the known ones, in the order given.
    """
    evaluated = [(rule_id, rule(history)) for rule_id, rule in (default_rules() if rules is None else rules)]
    fired = [(rule_id, nudge) for rule_id, nudge in evaluated if nudge is not None]
    fired_ids = {rule_id for rule_id, _ in fired}
    ill = is_ill(history)
    shown: list[tuple[str, Nudge]] = []
    for rule_id, nudge in fired:
        if is_quiet(nudge, choices.get(rule_id), history.today):
            continue
        if ill and nudge.level not in (Level.SAFETY, Level.CARE) and rule_id not in SHOWN_WHILE_ILL:
            continue
        if "MOOD-LOW" in fired_ids and rule_id in PAUSED_BY_MOOD_LOW:
            continue
        if "HARD-DAY" in fired_ids and rule_id in PAUSED_BY_HARD_DAY:
            continue
        shown.append((rule_id, nudge))
    shown.sort(key=lambda pair: _rank(*pair))  # stable: ties keep the order the rules came in
    kept = shown[: max(limit, 0)]
    if any(rule_id == "YOUR-LIFT" for rule_id, _ in kept) and not LIFT_ANSWERS & {r for r, _ in kept}:
        kept = [pair for pair in shown if pair[0] != "YOUR-LIFT"][: max(limit, 0)]
    return [with_sources(nudge) for _, nudge in kept]
