"""Small map rows shared by the map tests (test_map, test_map_legend, test_map_summary, test_map_click,
test_map_data): Oslo and a few municipalities of Agder and Trøndelag in 2015, shaped like map_data.map_rows(),
and their collaborations."""

import pandas as pd

COLUMNS = ["kommunenummer", "navn", "fylke", "folketall", "samarbeid_id", "samarbeid_navn", "organisasjonsform",
           "organisasjonsform_trykt", "etablert_trykt", "etablert_aar", "navn_2024", "kommunenummer_2024"]


def small_rows() -> pd.DataFrame:
    """Shaped like map_data.map_rows(): Iveland in two collaborations, Oslo in none."""
    data = [
        ("0301", "Oslo", "Oslo", 647676, None, None, None, None, None, None, "Oslo", "0301"),
        ("0935", "Iveland", "Aust-Agder", 1315, "kr-ikt", "KR-IKT", "par27", "§ 27", "2014", 2014, "Iveland", "4218"),
        ("0935", "Iveland", "Aust-Agder", 1315, "setesdal-ikt", "Setesdal IKT", "par27", "§ 27", "2011", 2011,
         "Iveland", "4218"),
        ("1001", "Kristiansand", "Vest-Agder", 87446, "kr-ikt", "KR-IKT", "par27", "§ 27", "2014", 2014,
         "Kristiansand", "4204"),
        ("0938", "Bygland", "Aust-Agder", 1200, "setesdal-ikt", "Setesdal IKT", "par27", "§ 27", "2011", 2011,
         "Bygland", "4220"),
        ("0906", "Arendal", "Aust-Agder", 44000, "ikt-agder", "IKT Agder", "iks", "IKS", "2002", 2002,
         "Arendal", "4203"),
        ("1719", "Levanger", "Nord-Trøndelag", 19500, "ikt-i-isk", "IKT i ISK", "samkommune", "Samkommune", "2004",
         2004, "Levanger", "5037"),
    ]
    return pd.DataFrame(data, columns=COLUMNS)


def small_collaborations() -> pd.DataFrame:
    return pd.DataFrame([
        {"id": "kr-ikt", "navn": "KR-IKT", "formelt_navn": "Kristiansandsregionens kommunale IKT-tjeneste",
         "ks_region": "Agder", "organisasjonsform": "par27", "organisasjonsform_trykt": "§ 27",
         "etablert_trykt": "2014", "etablert_aar": 2014, "antall_kommuner": 5,
         "medlemmer": "Kristiansand, Songdalen, Lillesand, Iveland, Birkenes"},
        {"id": "setesdal-ikt", "navn": "Setesdal IKT", "formelt_navn": "Setesdal IKT", "ks_region": "Agder",
         "organisasjonsform": "par27", "organisasjonsform_trykt": "§ 27", "etablert_trykt": "2011",
         "etablert_aar": 2011, "antall_kommuner": 5, "medlemmer": "Evje og Hornnes, Bygland, Valle, Bykle, Iveland"},
        {"id": "ikt-agder", "navn": "IKT Agder", "formelt_navn": None, "ks_region": "Agder",
         "organisasjonsform": "iks", "organisasjonsform_trykt": "IKS", "etablert_trykt": None,
         "etablert_aar": float("nan"), "antall_kommuner": 3,
         "medlemmer": "Arendal, Grimstad, Froland, Aust-Agder fylkeskommune"},
    ])
