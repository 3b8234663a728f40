"""The column names of Strava's and Garmin Connect's activity tables in other languages
and in past exports, each mapped onto the English name the readers look for.

Both services write the table's header in the account's language, and both have renamed
columns over the years. A name is compared as written, without surrounding spaces (so
RunJournal's own lower-case "date" and "title" are never taken for Garmin's). Only the
columns RunJournal reads are listed; any other column is left as it is and ignored.
Sources are named in tests/unit/importers/test_import_csv_sources.py (names confirmed from
real exports) and test_import_csv_languages.py (which of the others are still unconfirmed).
"""

from __future__ import annotations

from collections.abc import Iterable

# English name → the same column in German, Spanish and French, and its past English names.
_ALIASES: dict[str, tuple[str, ...]] = {
    # Both services
    "Activity Type": (
        "Aktivitätstyp",
        "Aktivitätsart",
        "Tipo de actividad",
        "Type d'activité",
        "Type d’activité",
    ),
    "Distance": ("Distanz", "Distancia", "Strecke"),
    "Elapsed Time": ("Verstrichene Zeit", "Tiempo transcurrido", "Temps écoulé", "Elapsed time"),
    "Moving Time": (
        "Zeit in Bewegung",
        "Bewegungszeit",
        "Tiempo en movimiento",
        "Durée de déplacement",  # Strava's French export
        "Temps de déplacement",  # Garmin's French export
        "Temps en mouvement",
    ),
    # Strava's activities.csv
    "Activity ID": (
        "Aktivitäts-ID",
        "ID de actividad",
        "Id. de actividad",  # Strava's Latin American Spanish
        "ID de la actividad",
        "ID de l'activité",
        "ID de l’activité",
    ),
    "Activity Date": (
        "Aktivitätsdatum",
        "Datum der Aktivität",
        "Fecha de la actividad",
        "Date de l'activité",
        "Date de l’activité",
    ),
    "Activity Name": ("Aktivitätsname", "Name der Aktivität", "Nombre de la actividad", "Nom de l'activité"),
    "Activity Description": (
        "Aktivitätsbeschreibung",
        "Beschreibung der Aktivität",
        "Descripción de la actividad",
        "Description de l'activité",
    ),
    # Strava's German "Höhenunterschied" is the elevation loss, not the gain: not listed.
    "Elevation Gain": ("Höhenzunahme", "Desnivel positivo", "Dénivelé positif"),
    "Average Heart Rate": (
        "Durchschnittliche Herzfrequenz",
        "Ritmo cardiaco promedio",  # Strava's Spanish
        "Ritmo cardíaco promedio",  # Strava's Latin American Spanish
        "Frecuencia cardiaca media",
        "Frecuencia cardíaca media",
        "Fréquence cardiaque moyenne",
    ),
    "Max Heart Rate": (
        "Max. Herzfrequenz",
        "Ritmo cardiaco máximo",  # Strava's Spanish
        "Ritmo cardíaco máx.",  # Strava's Latin American Spanish
        "Maximale Herzfrequenz",
        "Frecuencia cardiaca máxima",
        "Frecuencia cardíaca máxima",
        "Fréquence cardiaque max.",
        "Fréquence cardiaque maximale",
    ),
    "Perceived Exertion": (
        "Wahrgenommene Anstrengung",
        "Gefühlte Anstrengung",
        "Esfuerzo Percibido",  # as Strava's Spanish export writes it
        "Esfuerzo percibido",
        "Effort ressenti",  # Strava's French export
        "Effort perçu",
    ),
    # Garmin Connect's Activities.csv
    "Date": ("Datum", "Fecha"),
    "Title": ("Titel", "Título", "Titre"),
    "Time": ("Zeit", "Tiempo", "Durée", "Temps"),
    "Avg HR": ("Ø HF", "FC media", "FC moyenne"),
    "Max HR": ("Max. HF", "FC máxima", "FC max.", "FC maximale"),
    "Total Ascent": (
        "Elev Gain",
        "Positiver Höhenunterschied",
        "Anstieg gesamt",
        "Ascenso total",
        "Ascension totale",
    ),
}
# Garmin writes the heart rate under the same words Strava uses ("Ø Herzfrequenz" in
# German); the Garmin reader looks for both the short and the long English name.
_EXTRA = {"Ø Herzfrequenz": "Average Heart Rate"}

_CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_CANONICAL.update(_EXTRA)

# Strava's activities.csv until June 2019: lower-case names, an ISO date and the distance in
# metres (the later "Distance" is kilometres). Its "date" is also a column of RunJournal's own
# table, so these names count only in a header that has Strava's "elapsed_time" and
# "filename" besides.
_STRAVA_UNTIL_2019 = {
    "id": "Activity ID",
    "date": "Activity Date",
    "name": "Activity Name",
    "type": "Activity Type",
    "description": "Activity Description",
    "elapsed_time": "Elapsed Time",
    "distance": "Distance in metres",
    "commute": "Commute",
    "gear": "Activity Gear",
    "filename": "Filename",
}
_STRAVA_UNTIL_2019_MARKS = {"id", "date", "type", "elapsed_time", "filename"}


def canonical(header: Iterable[str]) -> list[str]:
    """The header with every known column under its English name; others as they are."""
    names = [column.strip() for column in header]
    if set(names) >= _STRAVA_UNTIL_2019_MARKS:
        return [_STRAVA_UNTIL_2019.get(name, name) for name in names]
    return [_CANONICAL.get(name, name) for name in names]
