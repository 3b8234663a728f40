"""Where each nudge's advice comes from, by the short names a person sees on a card.

One table for the whole app (docs/coach.md, "Sources"): a card lists short names, Help →
Sources lists each in full, and the printed page and the command line use the same words.
Every rule's sources are looked up here by its id, so a rule can never cite something the
person cannot look up.
"""

from __future__ import annotations

WEBMD = "WebMD 2021"
MIND_ARTICLE = "Running & mind article"
WHO = "WHO 2020"
FRANDSEN = "Frandsen et al. 2025"
NHS_C25K = "NHS Couch to 5K"
EKKEKAKIS = "Ekkekakis et al. 2011"
WATSON = "Watson et al. 2015 (AASM/SRS)"
HIRSHKOWITZ = "Hirshkowitz et al. 2015 (NSF)"
GARBER = "Garber et al. 2011 (ACSM)"
CDC = "CDC"
ADAA = "ADAA"
OWN_THRESHOLD = "RunJournal's own threshold"
OWN_ENTRIES = "Your own entries"

# Short name → the full reference shown under Help → Sources (and in docs/coach.md).
SOURCES: dict[str, str] = {
    WEBMD: "“Mental Health Benefits of Running”, WebMD, medically reviewed by Dan Brennan, MD, "
    "25 October 2021",
    MIND_ARTICLE: "“Mental Health Benefits of Running: Why Running Improves Mood, Reduces Anxiety, "
    "and Helps with Depression” (web article; no author or date given)",
    WHO: "WHO guidelines on physical activity and sedentary behaviour, World Health Organization, 2020",
    FRANDSEN: "Frandsen et al., “How much running is too much? …”, British Journal of Sports Medicine "
    "2025 (5,205 runners; single-session spikes and injury)",
    NHS_C25K: "NHS, Couch to 5K running plan (run/walk, rest days)",
    EKKEKAKIS: "Ekkekakis, Parfitt & Petruzzello, “The pleasure and displeasure people feel when they "
    "exercise at different intensities”, Sports Medicine 2011",
    WATSON: "“Recommended amount of sleep for a healthy adult”, joint consensus statement of the "
    "American Academy of Sleep Medicine and Sleep Research Society, Sleep 2015",
    HIRSHKOWITZ: "National Sleep Foundation's sleep time duration recommendations, Sleep Health 2015",
    GARBER: "American College of Sports Medicine position stand on the quantity and quality of "
    "exercise, Medicine & Science in Sports & Exercise 2011",
    CDC: "Centers for Disease Control and Prevention, “Tips for better sleep”",
    ADAA: "Anxiety & Depression Association of America, “Exercise for stress and anxiety”",
    OWN_THRESHOLD: "A threshold chosen by RunJournal, not taken from a study",
    OWN_ENTRIES: "The numbers you recorded in RunJournal: what your entries show, not a promise",
}

# Rule id → its sources, in the order the spec's rule table gives them.
RULE_SOURCES: dict[str, tuple[str, ...]] = {
    "MOOD-LOW": (WEBMD, MIND_ARTICLE, OWN_THRESHOLD),
    "HARD-DAY": (WEBMD,),
    "YOUR-LIFT": (OWN_ENTRIES, MIND_ARTICLE),
    "STRESS-HIGH": (WEBMD, ADAA),
    "ANXIETY-HIGH": (WEBMD, ADAA, MIND_ARTICLE),
    "SPIKE-RUN": (FRANDSEN,),
    "REST": (WEBMD, NHS_C25K),
    "RECOVER": (WEBMD,),
    "BE-GENTLE": (WEBMD, EKKEKAKIS),
    "SLEEP-SHORT": (WATSON, HIRSHKOWITZ),
    "SLEEP-IRREG": (CDC, WEBMD),
    "MILESTONE": (OWN_THRESHOLD,),
    "EASY-SHARE": (WEBMD,),
    "VOL": (WHO, WEBMD),
    "FREQ": (WEBMD, GARBER),
    "RAMP": (WEBMD, NHS_C25K),
    "RETURN": (FRANDSEN, OWN_THRESHOLD),
    "SOCIAL": (WEBMD, MIND_ARTICLE),
    "MINDFUL": (MIND_ARTICLE, WEBMD),
    "OUTSIDE": (WEBMD,),
    "ROUTINE": (WEBMD,),
}

SEPARATOR = "; "


def source_line(rule_id: str) -> str:
    """The short names behind `rule_id`, as one line ("WebMD 2021; NHS Couch to 5K")."""
    return SEPARATOR.join(RULE_SOURCES[rule_id])


def short_names(line: str) -> tuple[str, ...]:
    """The short names in a source line, in order."""
    return tuple(name.strip() for name in line.split(SEPARATOR) if name.strip())


def full_reference(short_name: str) -> str:
    return SOURCES[short_name]
