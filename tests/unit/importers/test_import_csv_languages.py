"""Strava's activities.csv and Garmin Connect's Activities.csv as they have been written
over the years and in other languages (issue 21, problem 8).

Sources for the column names, checked against public code that reads real exports:
- Confirmed, German Strava (STRAVA_DE): vinzgreg/strava-import, strava_import.py, whose
  table of activities.csv columns names them in order ("Aktivitäts-ID", "Aktivitätsdatum"
  written "DD.MM.YYYY, HH:MM:SS", "Name der Aktivität", "Aktivitätsart", "Verstrichene Zeit",
  "Distanz", "Max. Herzfrequenz", … "Bewegungszeit", "Höhenzunahme" for the gain and
  "Höhenunterschied" for the loss, "Durchschnittliche Herzfrequenz"). That source takes the
  date for local time; RunJournal keeps reading it as UTC, like the English export's, which
  this source does not settle.
- Confirmed, older German Garmin (GARMIN_DE_OLD): semarillion/KI, running.py, which quotes
  the header "Aktivitätstyp,Datum,Favorit,Titel,Distanz,Kalorien,Zeit,Ø HF,Max. HF,Aerober
  TE,…,Positiver Höhenunterschied,Negativer Höhenunterschied,…".
- Confirmed since, each with a test file written from its source, in
  test_import_csv_sources.py: Strava in French (the whole header, "Durée de déplacement" for
  the moving time, "Fréquence cardiaque moyenne", "Effort ressenti", a decimal comma in the
  kilometres, dates like "13 juil. 2026, 08:52:18" and, earlier, "24 mai 2012 à
  16:27:40"), in Spanish as two locales write it (Spain's "ID de actividad", "Ritmo cardiaco
  máximo/promedio", "27 jun 2026, 13:17:16", a decimal comma; Latin America's "Id. de
  actividad", "Ritmo cardíaco máx./promedio", "26 ago 2020, 10:38:41 p.m.", a decimal
  point; "Esfuerzo Percibido" in both), in German as written today
  ("Gefühlte Anstrengung" for the person's rating) and in English in June 2019 (lower-case
  names, metres), July 2019 (STRAVA_2017's column set below), 2020 (en-GB, day-first) and
  today; Garmin Connect in English in 2021 (GARMIN_2018's "Elev Gain"/"Elev Loss" set, miles)
  and 2022 ("Total Ascent", "Moving Time", "Elapsed Time"); in French (GARMIN_FR's columns
  up to "Temps de déplacement") and in Spanish (the columns of GARMIN_ES that a source shows: "Tipo de actividad", "Fecha",
  "Título", "Distancia", "Calorías", "Tiempo", "Frecuencia cardiaca media", "Ascenso total").
- Still not confirmed with a source we can name, so kept as first written: the newer German
  Garmin header (GARMIN_DE_NEW); Garmin's "Temps écoulé" (seen in French code whose
  repository could not be identified) and the Spanish Garmin columns beyond those above;
  and STRAVA_ES below, whose heart-rate names ("Frecuencia cardiaca …") are Garmin's, not
  Strava's. Correct them when a real export in those languages is at hand.
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
# German Strava, as confirmed: the names and their order (with "Verstrichene Zeit", "Distanz" and
# "Max. Herzfrequenz" each written twice) and the "DD.MM.YYYY, HH:MM:SS" date, from
# vinzgreg/strava-import, strava_import.py (its table of activities.csv columns). The columns
# that source skips without naming (Relative Effort … Activity Gear) are left out here.
STRAVA_DE = (
    "Aktivitäts-ID,Aktivitätsdatum,Name der Aktivität,Aktivitätsart,Aktivitätsbeschreibung,"
    "Verstrichene Zeit,Distanz,Max. Herzfrequenz,Dateiname,Sportlergewicht,Fahrradgewicht,"
    "Verstrichene Zeit,Bewegungszeit,Distanz,Höchstgeschw.,Durchschnittliche Geschwindigkeit,"
    "Höhenzunahme,Höhenunterschied,Min. Höhe,Max. Höhe,Max. Herzfrequenz,Durchschnittliche Herzfrequenz\n"
    '123,"03.11.2023, 07:12:45",Morgenlauf,Lauf,,3000,"10,01",171,activities/1.fit.gz,,,'
    "3000.0,2900.0,10010.0,4.1,3.4,55.0,50.0,510.0,540.0,171.0,148.0\n"
)
STRAVA_ES = (
    "ID de actividad,Fecha de la actividad,Nombre de la actividad,Tipo de actividad,"
    "Descripción de la actividad,Tiempo transcurrido,Distancia,Frecuencia cardiaca máxima,"
    "Tiempo en movimiento,Desnivel positivo,Frecuencia cardiaca media\n"
    '123,"3 ene 2023, 07:12:45",Carrera matutina,Carrera,,3000,"10,01",171,2900,55,148\n'
)
# The names of the French export as confirmed (see test_import_csv_sources.py), and its date
# as written in 2023, "3 déc. 2023 à 07:12:45".
STRAVA_FR = (
    "ID de l'activité,Date de l'activité,Nom de l'activité,Type d'activité,Description de l'activité,"
    "Temps écoulé,Distance,Fréquence cardiaque max.,Durée de déplacement,Dénivelé positif,"
    "Fréquence cardiaque moyenne\n"
    '123,3 déc. 2023 à 07:12:45,Course du matin,Course à pied,,3000,"10,01",171,2900,55,148\n'
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


def test_a_german_strava_date_that_cannot_be_is_refused_in_a_sentence() -> None:
    text = STRAVA_DE.replace("03.11.2023", "31.02.2023")
    result = read_bytes("activities.csv", text.encode("utf-8"), local_zone=UTC)
    assert result.runs == ()
    assert result.error is not None and "could be read as an activity" in result.error


def test_strava_german_elevation_loss_is_not_taken_for_the_gain() -> None:
    without_gain = STRAVA_DE.replace("Höhenzunahme", "Unbekannt")
    run = _one("activities.csv", without_gain)
    assert run.ascent_m is None
