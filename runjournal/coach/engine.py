"""Turns the rules' findings into what the coach panel shows (docs/coach.md).

Every rule is evaluated; then the person's choices (turned off, snoozed) are honoured, the
ill/injured and MOOD-LOW pauses applied, and the rest ordered by priority, at most `limit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from runjournal.coach.model import History, Level, Nudge
from runjournal.coach.wellbeing_rules import WELLBEING_RULES, is_ill, mood_low
from runjournal.domain.model import CoachChoice

Rule = tuple[str, Callable[[History], Nudge | None]]

# safety (by level) > SPIKE-RUN > REST > RECOVER > BE-GENTLE > sleep rules > the rest in table order.
PRIORITY: tuple[str, ...] = (
    "MOOD-LOW",
    "SPIKE-RUN",
    "REST",
    "RECOVER",
    "BE-GENTLE",
    "SLEEP-SHORT",
    "SLEEP-IRREG",
    "EASY-SHARE",
    "VOL",
    "FREQ",
    "RAMP",
    "RETURN",
    "SOCIAL",
    "MINDFUL",
    "OUTSIDE",
    "ROUTINE",
    "MILESTONE",
)
# Paused while MOOD-LOW is active (so are insights, which ask `mood_low_active`).
PAUSED_BY_MOOD_LOW = frozenset({"VOL", "FREQ", "ROUTINE", "MILESTONE"})
# What still shows while the latest check-in marks the person ill or injured (plus any safety nudge).
SHOWN_WHILE_ILL = frozenset({"RECOVER"})


def mood_low_active(history: History) -> bool:
    """True while MOOD-LOW fires on these entries, whatever the person chose about its nudge."""
    return mood_low(history) is not None


def default_rules() -> tuple[Rule, ...]:
    from runjournal.coach.running_rules import RUNNING_RULES  # written alongside; imported late

    return (*RUNNING_RULES, *WELLBEING_RULES)


def _rank(rule_id: str, nudge: Nudge) -> tuple[int, int]:
    known = PRIORITY.index(rule_id) if rule_id in PRIORITY else len(PRIORITY)
    return (0 if nudge.level is Level.SAFETY else 1, known)


def nudges(
    history: History,
    choices: dict[str, CoachChoice],
    *,
    limit: int = 3,
    rules: Sequence[Rule] | None = None,
) -> list[Nudge]:
    """The nudges to show on `history.today`, highest priority first, at most `limit`.

    A rule the person turned off or snoozed (through `snoozed_until`, inclusive) is hidden,
    but MOOD-LOW still counts as active for the pauses while its nudge is snoozed: the pause
    follows the entries, not the choice. Unknown rule ids sort after the known ones, in the
    order given.
    """
    evaluated = [(rule_id, rule(history)) for rule_id, rule in (default_rules() if rules is None else rules)]
    fired = [(rule_id, nudge) for rule_id, nudge in evaluated if nudge is not None]
    mood_is_low = any(rule_id == "MOOD-LOW" for rule_id, _ in fired)
    ill = is_ill(history)
    shown: list[tuple[str, Nudge]] = []
    for rule_id, nudge in fired:
        choice = choices.get(rule_id)
        if choice is not None and choice.is_quiet_on(history.today):
            continue
        if ill and nudge.level is not Level.SAFETY and rule_id not in SHOWN_WHILE_ILL:
            continue
        if mood_is_low and rule_id in PAUSED_BY_MOOD_LOW:
            continue
        shown.append((rule_id, nudge))
    shown.sort(key=lambda pair: _rank(*pair))  # stable: ties keep the order the rules came in
    return [nudge for _, nudge in shown[: max(limit, 0)]]
