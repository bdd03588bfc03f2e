"""The bundled actor gazetteer: complete for states, free of clashes, and extendable."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from actorgraph.gazetteer import (
    COLUMNS,
    DEFAULT_GAZETTEER,
    Gazetteer,
    GazetteerError,
    load_gazetteer,
    normalise,
)

# The 193 UN member states, spelled as the UN lists them (not as the CSV's canonical names),
# so this also checks that official forms resolve through aliases.
UN_MEMBERS = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|
Plurinational State of Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei Darussalam|Bulgaria|
Burkina Faso|Burundi|Cabo Verde|Cambodia|Cameroon|Canada|Central African Republic|Chad|Chile|China|
Colombia|Comoros|Republic of the Congo|Costa Rica|Côte d'Ivoire|Croatia|Cuba|Cyprus|Czechia|
Democratic People's Republic of Korea|Democratic Republic of the Congo|Denmark|Djibouti|Dominica|
Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|
Haiti|Honduras|Hungary|Iceland|India|Indonesia|Islamic Republic of Iran|Iraq|Ireland|Israel|Italy|
Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kuwait|Kyrgyzstan|Lao People's Democratic Republic|
Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|
Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Federated States of Micronesia|Monaco|
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Kingdom of the Netherlands|
New Zealand|Nicaragua|Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palau|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Republic of Korea|Republic of Moldova|Romania|
Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|Samoa|
San Marino|Sao Tome and Principe|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|
Slovenia|Solomon Islands|Somalia|South Africa|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syrian Arab Republic|Tajikistan|Thailand|Timor-Leste|Togo|Tonga|Trinidad and Tobago|Tunisia|
Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|
United Kingdom of Great Britain and Northern Ireland|United Republic of Tanzania|United States of America|
Uruguay|Uzbekistan|Vanuatu|Bolivarian Republic of Venezuela|Viet Nam|Yemen|Zambia|Zimbabwe
"""


def _rows(path: Path = DEFAULT_GAZETTEER) -> list[dict[str, str]]:
    """The bundled file read independently of the loader, so duplicates are not hidden by it."""
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def _cells(row: dict[str, str], *columns: str) -> list[str]:
    return [p.strip() for c in columns for p in (row.get(c) or "").split("|") if p.strip()]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.read_csv(DEFAULT_GAZETTEER)


def test_header_and_types():
    with DEFAULT_GAZETTEER.open(encoding="utf-8") as fh:
        header = next(ln for ln in fh if ln.strip() and not ln.startswith("#"))
    assert tuple(header.strip().split(",")) == COLUMNS
    rows = _rows()
    bad = [(r["name"], r["type"]) for r in rows if r["type"] not in ("country", "person", "organisation", "group")]
    assert not bad
    assert not [r["name"] for r in rows if r["type"] == "person"], "no individual people in the bundled file"
    assert not [r["name"] for r in rows if None in r or len(r) != len(COLUMNS)], "every row has exactly 7 cells"


def test_no_duplicate_canonical_names():
    counts: dict[str, int] = defaultdict(int)
    for r in _rows():
        counts[normalise(r["name"])] += 1
    assert not {k: n for k, n in counts.items() if n > 1}


@pytest.mark.parametrize(
    "columns",
    [("name", "aliases", "metonyms"), ("demonyms",)],
    ids=["names-aliases-metonyms", "demonyms"],
)
def test_no_surface_form_shared_by_two_rows(columns):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in _rows():
        for form in _cells(r, *columns):
            owners[normalise(form)].add(r["name"])
    clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    assert not clashes


def test_every_un_member_is_a_distinct_country(gaz):
    members = [m.strip() for m in UN_MEMBERS.replace("\n", "").split("|") if m.strip()]
    assert len(members) == 193
    missing = [m for m in members if gaz.lookup(m) is None or gaz.lookup(m).type != "country"]
    assert not missing
    assert len({gaz.lookup(m).name for m in members}) == 193
    assert sum(e.type == "country" for e in gaz.entries.values()) >= 193
    for extra in ("Palestine", "Taiwan", "Kosovo", "Holy See"):
        assert gaz.lookup(extra) is not None and gaz.lookup(extra).type == "country"


@pytest.mark.parametrize(
    "surface, expected",
    [
        ("the Kremlin", "Russia"),
        ("Kremlin's", "Russia"),
        ("Washington", "United States"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("Beijing", "China"),
        ("Daesh", "Islamic State"),
        ("IS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Brussels", "European Union"),
        ("Hizbollah", "Hezbollah"),
        ("Downing Street", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Élysée", "France"),
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("Türkiye", "Turkey"),
        ("DPRK", "North Korea"),
        ("Pyongyang", "North Korea"),
        ("U.N. Security Council", "UN Security Council"),
        ("Ecowas", "ECOWAS"),
        ("Nato", "NATO"),
        ("Ansar Allah", "Houthis"),
        ("Tories", "Conservative Party"),
        ("GOP", "Republican Party"),
    ],
)
def test_lookups(gaz, surface, expected):
    entry = gaz.lookup(surface)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize("word", ["is", "us", "who", "let", "amnesty", "male"])
def test_common_words_do_not_match(gaz, word):
    assert gaz.lookup(word) is None


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Russian", "Russia"),
        ("Russians", "Russia"),
        ("North Korean", "North Korea"),
        ("Syrians", "Syria"),
        ("British", "United Kingdom"),
        ("American", "United States"),
        ("Chadian", "Chad"),
        ("Kurdish", "Kurds"),
        ("Western", "West"),
    ],
)
def test_demonyms(gaz, word, expected):
    entry = gaz.demonym(word)
    assert entry is not None and entry.name == expected


def test_user_file_adds_and_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_GAZETTEER", raising=False)
    user = tmp_path / "mine.csv"
    user.write_text(
        "# my actors\n"
        "name,type,aliases,metonyms,demonyms,affiliation,role\n"
        "Jane Example,person,J. Example|Example,,,Ruritania,foreign minister\n"
        "Ruritania,country,Kingdom of Ruritania,Strelsau,Ruritanian|Ruritanians,,\n"
        "Russia,country,RF,Moscow,Russian|Russians,,\n",
        encoding="utf-8",
    )
    base = load_gazetteer()
    gaz = load_gazetteer([user])
    assert len(gaz) == len(base) + 2
    person = gaz.lookup("Example")
    assert person is not None and person.type == "person"
    assert (person.affiliation, person.role) == ("Ruritania", "foreign minister")
    assert gaz.lookup("Strelsau").name == "Ruritania"
    assert gaz.demonym("Ruritanians").name == "Ruritania"
    # The override replaces the whole row: its new alias works, the bundled one is gone.
    assert gaz.lookup("RF") is gaz.entries["Russia"]
    assert gaz.lookup("Moscow") is gaz.entries["Russia"]
    assert gaz.lookup("Russian Federation") is None
    assert gaz.lookup("Kremlin") is None
    assert gaz.demonym("Russian") is gaz.entries["Russia"]
    assert base.lookup("Kremlin").name == "Russia"  # the bundled data itself is untouched


def test_env_var_and_spreadsheet_bom(tmp_path, monkeypatch):
    user = tmp_path / "excel.csv"
    user.write_bytes("\ufeffname,type\nRuritania,country\n".encode("utf-8"))
    monkeypatch.setenv("ACTORGRAPH_GAZETTEER", str(user))
    assert load_gazetteer().lookup("Ruritania") is not None


def test_bad_type_names_file_and_line(tmp_path):
    user = tmp_path / "bad.csv"
    user.write_text("# comment\n\nname,type\nGood,group\nOops,nation\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        Gazetteer.read_csv(user)
    assert str(user) in str(err.value) and "row 5" in str(err.value) and "nation" in str(err.value)


def test_bad_rows_are_reported_and_good_rows_still_load(tmp_path):
    user = tmp_path / "mixed.csv"
    user.write_text("name,type\nGood Front,group\nOops,nation\nLater Party,group\n", encoding="utf-8")
    missing = tmp_path / "missing.csv"
    errors: list[str] = []
    gaz = load_gazetteer([user, missing], errors=errors)
    assert gaz.lookup("Good Front") is not None and gaz.lookup("Later Party") is not None
    assert gaz.lookup("Oops") is None
    assert len(errors) == 2
    assert str(user) in errors[0] and "row 3" in errors[0]
    assert str(missing) in errors[1]
