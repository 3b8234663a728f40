"""Each rule's name as a person reads it in Preferences, where turned-off tips come back."""

RULE_NAMES = {
    "MOOD-LOW": "Entries lower than usual",
    "SPIKE-RUN": "A run much longer than usual",
    "REST": "Rest days",
    "BE-GENTLE": "When running feels stressful",
    "EASY-SHARE": "Easy running time",
    "SLEEP-SHORT": "Short sleep",
    "SLEEP-IRREG": "Regular sleep times",
    "VOL": "Weekly active minutes",
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
