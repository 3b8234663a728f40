"""Strava's activities.csv and Garmin Connect's Activities.csv as they have been written
over the years and in other languages (issue 21, problem 8).

Sources for the column names:
- Strava: the bulk export ("Download or Delete Your Account" → "Request your archive",
  Strava Support, "Exporting your Data and Bulk Export"). The current English header has
  two "Elapsed Time" and two "Distance" columns (the second in metres); exports before
  about 2019 had one of each, in kilometres, and no moving time or heart rate. The
  German, Spanish and French names are those of Strava's web pages in those languages,
  which the export follows when the account is set to the language; they were written
  from those pages, not copied from a real localised export.
- Garmin Connect: "Export CSV" on the Activities list. The German column sets are those
  quoted in open-source Garmin CSV readers found by code search (older: "Aktivitätstyp,
  Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF,…,Positiver Höhenunterschied";
  newer: "…,Ø Herzfrequenz,Maximale Herzfrequenz,…,Anstieg gesamt,…,Zeit in Bewegung,
  Verstrichene Zeit"); the older English one has "Elev Gain" where today's has "Total
  Ascent"; the Spanish and French names are those of Garmin Connect's pages in those
  languages.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from runjournal.domain.model import Activity
from runjournal.formats.importers import read_bytes

STRAVA_TODAY = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,"
    "Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Elevation Loss,"
    "Average Heart Rate,Perceived Exertion\n"
    '123,"Nov 3, 2023, 7:12:45 AM",Morning Run,Run,,3000,10.01,171,40,false,,,activities/1.fit.gz,,,'
    "3000.0,2900.0,10010.0,4.1,3.4,55.0,50.0,148.0,6\n"
)
STRAVA_2017 = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,"
    "Commute,Activity Gear,Filename\n"
    '123,"Nov 3, 2017, 7:12:45 AM",Morning Ride,Ride,,5400,40.5,false,,activities/1.gpx\n'
)
STRAVA_DE = (
    "Aktivitäts-ID,Aktivitätsdatum,Aktivitätsname,Aktivitätsart,Aktivitätsbeschreibung,Verstrichene Zeit,"
    "Distanz,Maximale Herzfrequenz,Bewegungszeit,Höhenzuwachs,Durchschnittliche Herzfrequenz\n"
    '123,"3 Okt. 2023, 07:12:45",Morgenlauf,Lauf,,3000,"10,01",171,2900,55,148\n'
)
STRAVA_ES = (
    "ID de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,"
    "Descripción de la actividad,Tiempo transcurrido,Distancia,Frecuencia cardiaca máxima,"
    "Tiempo en movimiento,Desnivel positivo,Frecuencia cardiaca media\n"
    '123,"3 ene 2023, 07:12:45",Carrera matutina,Carrera,,3000,"10,01",171,2900,55,148\n'
)
STRAVA_FR = (
    "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,Description de l'activité,"
    "Temps écoulé,Distance,Fréquence cardiaque max.,Temps de déplacement,Dénivelé positif,"
    "Fréquence cardiaque moyenne\n"
    '123,"3 déc. 2023, 07:12:45",Course du matin,Course à pied,,3000,"10,01",171,2900,55,148\n'
)
GARMIN_TODAY = (
    "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Total Ascent,Total Descent,"
    "Moving Time,Elapsed Time\n"
    "Running,2023-11-03 08:12:45,false,Bern Running,10.01,700,00:50:00,148,171,55,50,00:48:20,00:51:00\n"
)
GARMIN_2018 = (
    "Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Avg Run Cadence,Max Run Cadence,"
    "Avg Pace,Best Pace,Elev Gain,Elev Loss\n"
    "Running,2018-05-03 08:12:45,false,Bern Running,10.01,700,00:50:00,148,171,170,180,5:00,4:00,55,50\n"
)
GARMIN_DE_OLD = (
    "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF,Aerober TE,"
    "Positiver Höhenunterschied,Negativer Höhenunterschied\n"
    'Laufen,2023-11-03 08:12:45,false,Bern Laufen,"10,01",700,00:50:00,148,171,3.0,55,50\n'
)
GARMIN_DE_NEW = (
    "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø Herzfrequenz,Maximale Herzfrequenz,"
    "Anstieg gesamt,Abstieg gesamt,Zeit in Bewegung,Verstrichene Zeit\n"
    'Laufen,2023-11-03 08:12:45,false,Bern Laufen,"10,01",700,00:50:00,148,171,55,50,00:48:20,00:51:00\n'
)
GARMIN_ES = (
    "Tipo de actividad,Fecha,Favorito,Título,Distancia,Calorías,Tiempo,Frecuencia cardiaca media,"
    "Frecuencia cardiaca máxima,Ascenso total,Descenso total,Tiempo en movimiento,Tiempo transcurrido\n"
    'Carrera,2023-11-03 08:12:45,false,Berna Carrera,"10,01",700,00:50:00,148,171,55,50,00:48:20,00:51:00\n'
)
GARMIN_FR = (
    "Type d'activité,Date,Favori,Titre,Distance,Calories,Durée,Fréquence cardiaque moyenne,"
    "Fréquence cardiaque maximale,Ascension totale,Descente totale,Temps de déplacement,Temps écoulé\n"
    'Course à pied,2023-11-03 08:12:45,false,Berne Course,"10,01",700,00:50:00,148,171,55,50,00:48:20,00:51:00\n'
)


def _one(name: str, text: str):
    result = read_bytes(name, text.encode("utf-8"), local_zone=UTC)
    assert result.error is None, result.error
    (run,) = result.runs
    return run


@pytest.mark.parametrize(
    "text", [STRAVA_TODAY, STRAVA_DE, STRAVA_ES, STRAVA_FR], ids=["en", "de", "es", "fr"]
)
def test_strava_activities_csv_in_four_languages(text: str) -> None:
    run = _one("activities.csv", text)
    assert run.activity is Activity.RUN
    assert run.started_at is not None and (run.started_at.hour, run.started_at.minute) == (7, 12)
    assert run.duration_s == 3000 and run.moving_s == 2900
    assert run.distance_m == pytest.approx(10010)
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (148, 171, 55)


def test_strava_activities_csv_from_2017() -> None:
    run = _one("activities.csv", STRAVA_2017)
    assert run.activity is Activity.BIKE
    assert run.started_at == datetime(2017, 11, 3, 7, 12, 45, tzinfo=UTC)
    assert run.duration_s == 5400 and run.distance_m == pytest.approx(40500)


@pytest.mark.parametrize(
    "text",
    [GARMIN_TODAY, GARMIN_2018, GARMIN_DE_OLD, GARMIN_DE_NEW, GARMIN_ES, GARMIN_FR],
    ids=["en", "en-2018", "de-old", "de-new", "es", "fr"],
)
def test_garmin_activities_csv_over_the_years_and_languages(text: str) -> None:
    run = _one("Activities.csv", text)
    assert run.activity is Activity.RUN
    assert run.started_at == datetime(2023 if "2018" not in text else 2018, 11 if "2018" not in text else 5, 3,
                                      8, 12, 45, tzinfo=UTC)  # fmt: skip
    assert run.distance_m == pytest.approx(10010)
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (148, 171, 55)
    assert run.duration_s in (3000, 3060)  # "Time", or "Elapsed Time" where the export has it
