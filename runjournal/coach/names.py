"""Each rule's name as a person reads it in Preferences, where turned-off tips come back."""

# Safety tips: a person can snooze them for 7 days, never turn them off (docs/coach.md).
SAFETY_RULES = ("MOOD-LOW",)
SAFETY_NOTE = "Safety tips ({names}) can be snoozed but not turned off."

RULE_NAMES = {
    "MOOD-LOW": "Entries low for a while",
    "HARD-DAY": "A hard day",
    "YOUR-LIFT": "What your own sessions show",
    "STRESS-HIGH": "A week of high stress",
    "ANXIETY-HIGH": "A week of high anxiety",
    "SPIKE-RUN": "A run much longer than usual",
    "REST": "Rest days",
    "BE-GENTLE": "When running feels stressful",
    "EASY-SHARE": "Easy running time",
    "SLEEP-SHORT": "Short sleep",
    "SLEEP-IRREG": "Regular sleep times",
    "VOL": "Weekly moderate-equivalent minutes",
    "FREQ": "Sessions each week",
    "RAMP": "The first weeks of running",
    "RETURN": "Coming back after a break",
    "SOCIAL": "Running with others",
    "MINDFUL": "Mindful runs",
    "OUTSIDE": "Running outside",
    "RECOVER": "Ill or injured",
    "ROUTINE": "Weeks in a row",
    "MILESTONE": "Milestones",
}


def rule_name(rule_id: str) -> str:
    return RULE_NAMES.get(rule_id, rule_id)


def safety_note() -> str:
    """The line Preferences shows about the tips that cannot be turned off."""
    return SAFETY_NOTE.format(names=", ".join(f"“{rule_name(r)}”" for r in SAFETY_RULES))
