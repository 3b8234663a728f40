"""Strava's activities.csv and Garmin Connect's Activities.csv as real exports write them,
each test file in tests/data/activities/exports written from public material that shows a
real export's header (issue 21, problem 8). Each test names its source; the header of its
file is the source's, as the source shows it; the rows are a few of ours in the same shape
unless the test says the row is the source's too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from runjournal.domain.model import Activity, DistanceUnit, Run
from runjournal.formats.importers import read_bytes

EXPORTS = "exports/"


@pytest.fixture
def read(sample: Callable[[str], Path]) -> Callable[[str], tuple[Run, ...]]:
    def runs(name: str) -> tuple[Run, ...]:
        path = sample(EXPORTS + name)
        result = read_bytes(path.name, path.read_bytes(), local_zone=UTC)
        assert result.error is None, result.error
        assert result.skipped == (), result.skipped
        return result.runs

    return runs


def test_strava_in_french(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: superpoupette/data-tab, data/strava_activities.csv (a whole French export kept in
    # that repository, 103 columns): dates like "13 juil. 2026, 08:52:18", kilometres with a
    # decimal comma, "Durée de déplacement" for the moving time (not the "Temps de
    # déplacement" of Garmin's French table), "Fréquence cardiaque moyenne" and "Effort
    # ressenti" for the person's rating.
    run, hike, workout = read("strava_activities_fr.csv")
    assert (run.activity, hike.activity, workout.activity) == (Activity.RUN, Activity.WALK, Activity.OTHER)
    assert run.started_at == datetime(2025, 7, 3, 7, 40, 5, tzinfo=UTC)  # "juil."
    assert hike.started_at == datetime(2025, 2, 26, 18, 6, 2, tzinfo=UTC)  # "févr."
    assert workout.started_at == datetime(2025, 9, 6, 19, 6, 59, tzinfo=UTC)  # "sept."
    assert (run.duration_s, run.moving_s, run.distance_m) == (2405, 2350, pytest.approx(6123.4))
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.effort) == (151, 172, 41, 6)
    assert (hike.moving_s, hike.distance_m, hike.ascent_m) == (8988, pytest.approx(7489.1), 424.3)


def test_strava_in_french_with_the_older_dates(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: christianbiango/MirrorPace, tests/ingestion/test_csv_enricher.py (the first 21
    # columns of the author's own French export, the same as above). Dates:
    # "24 mai 2012 à 16:27:40", quoted from a French export in
    # https://github.com/flopp/StravaExportToGPX/issues/9 (the first row is that date).
    run, ride = read("strava_activities_fr_2023.csv")
    assert run.activity is Activity.RUN and ride.activity is Activity.BIKE
    assert run.started_at == datetime(2012, 5, 24, 16, 27, 40, tzinfo=UTC)
    assert ride.started_at == datetime(2024, 2, 3, 9, 5, 12, tzinfo=UTC)  # "févr."
    assert (run.duration_s, run.moving_s, run.distance_m) == (3600, 3480, pytest.approx(10012.5))
    assert (run.max_hr, run.ascent_m, run.title, run.note) == (171, 45.5, "Sortie du soir", "Jambes lourdes")
    assert ride.moving_s == 6900 and ride.distance_m == pytest.approx(30210)


def test_strava_in_spanish(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: Ariel-2006/Formativa-FCDIA, actividades_strava.csv (a whole Spanish export kept in
    # that repository, 2026): dates like "27 jun 2026, 13:17:16" on a 24-hour clock, kilometres
    # with a decimal comma, "Ritmo cardiaco máximo" and "Ritmo cardiaco promedio" for the heart
    # rate, "Esfuerzo Percibido" with a capital P. NachoMartinezLozano/running-coach,
    # tests/test_strava_csv.py ("cabecera real en español, reducida") shows the same names.
    run, ride = read("strava_activities_es.csv")
    assert run.activity is Activity.RUN and ride.activity is Activity.BIKE
    assert run.started_at == datetime(2025, 6, 27, 13, 17, 16, tzinfo=UTC)
    assert ride.started_at == datetime(2025, 6, 22, 1, 0, 7, tzinfo=UTC)
    assert (run.duration_s, run.moving_s) == (2803, 2215)
    assert run.distance_m == pytest.approx(6144.9)  # the metres column, not the "6,14" km
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.effort) == (148, 171, 8.3, 6)
    assert run.note == "Buenas piernas, mucho calor" and run.title == "Rodaje"
    assert ride.moving_s == 5605 and ride.distance_m == pytest.approx(34498.9)


def test_strava_in_latin_american_spanish(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: juanmg1984/infovis, activities.csv (a whole export of an account in Argentina,
    # 2016-2020): "Id. de actividad", "Ritmo cardíaco máx." and "Ritmo cardíaco promedio",
    # dates on a 12-hour clock like "26 ago 2020, 10:38:41 p.m." and "1 sept 2020, …",
    # kilometres with a decimal point, rides called "Vuelta ciclista".
    walk, ride, hike = read("strava_activities_es_419.csv")
    assert (walk.activity, ride.activity, hike.activity) == (Activity.WALK, Activity.BIKE, Activity.WALK)
    assert walk.started_at == datetime(2020, 8, 26, 22, 38, 41, tzinfo=UTC)  # p.m.
    assert ride.started_at == datetime(2020, 9, 12, 13, 21, 35, tzinfo=UTC)  # "sept", 1 p.m.
    assert hike.started_at == datetime(2020, 8, 31, 0, 14, 7, tzinfo=UTC)  # 12:14 a.m. is after midnight
    assert (ride.duration_s, ride.moving_s, ride.distance_m) == (3663, 3487, pytest.approx(20271.2))
    assert (ride.avg_hr, ride.max_hr, ride.ascent_m) == (150, 179, 82)
    assert walk.distance_m == pytest.approx(2109.6) and walk.moving_s == 1441


def test_strava_in_english_before_july_2019(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header and row: https://github.com/hugovk/strava-tools/pull/1 (an export of 24 June
    # 2019: lower-case names, an ISO date, the distance in metres).
    (ride,) = read("strava_activities_en_2019_june.csv")
    assert ride.activity is Activity.BIKE
    assert ride.started_at == datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC)
    assert (ride.duration_s, ride.distance_m) == (783, pytest.approx(3681.0))
    assert ride.title == "Evening Ride"


def test_strava_in_english_from_july_2019(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header and row: the same pull request (an export of 15 July 2019 of the same ride:
    # new names, "Sep 12, 2018, 3:02:23 PM" and kilometres; no metres column yet).
    (ride,) = read("strava_activities_en_2019_july.csv")
    assert ride.started_at == datetime(2018, 9, 12, 15, 2, 23, tzinfo=UTC)
    assert (ride.duration_s, ride.distance_m) == (783, pytest.approx(3680.0))


def test_strava_in_british_english_of_2020(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header and row: dlpb/garmin-strava-activity-updater,
    # src/test/java/uk/dlpb/model/StravaActivityTest.java (an en-GB export of December 2020:
    # a day-first date, no heart-rate column in the first block, and Strava's own
    # "translation missing: …" column names).
    (ride,) = read("strava_activities_en_gb_2020.csv")
    assert ride.activity is Activity.BIKE
    assert ride.started_at == datetime(2020, 12, 24, 8, 13, 59, tzinfo=UTC)
    assert (ride.duration_s, ride.moving_s) == (19595, 18566)
    assert ride.distance_m == pytest.approx(101178.2, abs=0.1)
    assert (ride.ascent_m, ride.avg_hr, ride.title) == (739, None, "Test activity cycling")


def test_strava_in_english_as_written_today(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: martin-ueding/geo-activity-playground, testdata/Strava Export/Strava
    # Export/activities.csv (a real English export, 94 columns, weather and all).
    (run,) = read("strava_activities_en_2025.csv")
    assert run.activity is Activity.RUN
    assert run.started_at == datetime(2025, 3, 2, 6, 41, 9, tzinfo=UTC)
    assert (run.duration_s, run.moving_s, run.distance_m) == (1843, 1790, pytest.approx(5121.7))
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.effort) == (151, 169, 38, 4)


def test_garmin_connect_in_french(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: NaoVicarius/RunningWhale, tests/test_imports.py ("extrait fidèle d'un export
    # réel (compte en français)": quoted numbers with a decimal point, a comma between
    # thousands of steps, "--" for not measured, Excel's apostrophe before "-12"), read by its
    # runningwhale/imports.py.
    run, walk = read("garmin_activities_fr.csv")
    assert run.activity is Activity.RUN and walk.activity is Activity.WALK
    assert run.started_at == datetime(2025, 9, 14, 8, 2, 11, tzinfo=UTC)
    assert (run.duration_s, run.moving_s) == (2855, 2818)
    assert run.distance_m == pytest.approx(8420)
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.title) == (146, 171, 64, "Footing du dimanche")
    assert walk.distance_m == pytest.approx(3100) and walk.moving_s == 2390


def test_garmin_connect_in_spanish(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: EmmanuelDiaz95/trail-running-coach, tests/test_csv_import.py (a Spanish account's
    # columns; numbers with a decimal point and a comma between thousands), read by its
    # tracker/csv_import.py, which names the sports "Carrera", "Ciclismo", "Caminata".
    run, ride = read("garmin_activities_es.csv")
    assert run.activity is Activity.RUN and ride.activity is Activity.BIKE
    assert run.started_at == datetime(2025, 7, 11, 6, 30, 54, tzinfo=UTC)
    assert (run.duration_s, run.distance_m) == (4007, pytest.approx(8680))
    assert (run.avg_hr, run.ascent_m, run.title) == (124, 230, "Carrera de la mañana")
    assert (ride.duration_s, ride.distance_m) == (6750, pytest.approx(42100))


def test_strava_in_german_as_written_today(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: martin-ueding/geo-activity-playground, strava-csv-columns/mapping.ods (the
    # German export's columns in their order beside the English ones, gathered from the
    # German exports its users reported, e.g.
    # https://github.com/martin-ueding/geo-activity-playground/issues/191 and /issues/393).
    # The person's own rating is "Gefühlte Anstrengung" there; the date is written
    # "DD.MM.YYYY, HH:MM:SS" (vinzgreg/strava-import, strava_import.py).
    (run,) = read("strava_activities_de_2025.csv")
    assert run.activity is Activity.RUN
    assert run.started_at == datetime(2025, 10, 5, 7, 30, 12, tzinfo=UTC)
    assert (run.duration_s, run.moving_s, run.distance_m) == (2710, 2655, pytest.approx(7841.3))
    assert (run.avg_hr, run.max_hr, run.ascent_m, run.effort) == (147, 166, 52, 5)


def test_garmin_connect_in_english_of_2021(sample: Callable[[str], Path]) -> None:
    # Header: AdamPoper/RunningAverages, main.cpp (the header of the Activities.csv it reads,
    # quoted in a closing comment; the rows of that export, early 2021, are its activities.csv):
    # "Elev Gain" and "Elev Loss" where later exports say "Total Ascent", no moving or elapsed
    # time, and distances in miles (the account's unit), ascent in feet.
    path = sample(EXPORTS + "garmin_activities_en_2021.csv")
    result = read_bytes(path.name, path.read_bytes(), local_zone=UTC, csv_units=DistanceUnit.MI)
    assert result.error is None, result.error
    run, short = result.runs
    assert run.activity is Activity.RUN
    assert run.started_at == datetime(2021, 3, 6, 16, 20, 19, tzinfo=UTC)
    assert (run.duration_s, run.distance_m) == (2883, pytest.approx(6.20 * 1609.344))
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (158, 181, pytest.approx(164 * 0.3048))
    assert short.ascent_m is None  # "--": not recorded


def test_garmin_connect_in_english_of_2022(read: Callable[[str], tuple[Run, ...]]) -> None:
    # Header: Caturrell/garmin-wrapped2022, activities.csv (a whole English export of 2022):
    # "Total Ascent", "Avg Run Cadence" twice, "Moving Time" and "Elapsed Time" at the end, a
    # pool swim's "1,000" metres with a comma between thousands, "0" for no heart rate.
    run, swim, ride = read("garmin_activities_en_2022.csv")
    assert (run.activity, swim.activity, ride.activity) == (Activity.RUN, Activity.SWIM, Activity.BIKE)
    assert run.started_at == datetime(2022, 11, 24, 15, 34, 36, tzinfo=UTC)
    assert (run.duration_s, run.moving_s, run.distance_m) == (3070, 2942, pytest.approx(8300))
    assert (run.avg_hr, run.max_hr, run.ascent_m) == (136, 151, 26)
    assert swim.distance_m == pytest.approx(1000) and swim.ascent_m is None
    assert (ride.duration_s, ride.moving_s) == (27617, 8673)  # elapsed, beside the moving time
    assert ride.avg_hr is None and ride.max_hr is None
