"""A person's choices about coach rules keep each other: a snooze never cuts a longer one
short, and turning a rule off or back on keeps a snooze that is still running."""

from __future__ import annotations

from datetime import date, timedelta

from runjournal.domain.model import CoachChoice
from runjournal.service.journal import Journal

DAY = date(2026, 11, 4)


def test_a_snooze_never_cuts_a_longer_one_short(journal: Journal) -> None:
    journal.save_coach_choice(CoachChoice("REST", snoozed_until=DAY + timedelta(days=20)))

    journal.snooze_rule("REST", DAY)

    assert journal.coach_choices()["REST"].snoozed_until == DAY + timedelta(days=20)


def test_a_snooze_after_one_ran_out_lasts_a_week(journal: Journal) -> None:
    journal.save_coach_choice(CoachChoice("REST", disabled=True, snoozed_until=DAY - timedelta(days=1)))

    journal.snooze_rule("REST", DAY)

    assert journal.coach_choices()["REST"] == CoachChoice("REST", True, DAY + timedelta(days=6))


def test_turning_a_rule_off_and_back_on_keeps_its_snooze(journal: Journal) -> None:
    journal.snooze_rule("REST", DAY)

    journal.turn_off_rule("REST")
    assert journal.coach_choices()["REST"] == CoachChoice("REST", True, DAY + timedelta(days=6))

    journal.save_preferences(journal.settings(), journal.turned_back_on(["REST"]))
    assert journal.coach_choices()["REST"] == CoachChoice("REST", False, DAY + timedelta(days=6))
