"""Archives family, part D: astronomy catalogues."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    CODE_FAILURE,
    HEALTHY,
    REPETITION,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._m1arc_team import (
    FINAL,
    PLAN,
    Case,
    Replan,
    Script,
    code,
    do,
    files,
    run,
    web,
)

OBS = "https://hallam-observatory.ac.uk/catalogue"

_NEARBY = """Hallam catalogue of nearby stars (extract)
Designation | Other name | Spectral type | V mag | Parallax (mas) | Notes
HNS 014 | Gliese 411 | M2V | 7.52 | 392.6 | flare star
HNS 015 | Gliese 412 A | M1V | 8.77 | 204.4 | wide binary with B
HNS 016 | Gliese 412 B | M6V | 14.45 | 204.4 | WX UMa
HNS 021 | Groombridge 1618 | K7V | 6.60 | 205.4 |
HNS 029 | 61 Ursae Majoris | G8V | 5.35 | 104.0 |
Parallaxes from Gaia DR3, rounded to 0.1 mas."""

GROOMBRIDGE = Case(
    "m1-astro-groombridge-light-years",
    HEALTHY,
    f"Using the parallax in the Hallam catalogue of nearby stars ({OBS}/nearby), how far away "
    f"is Groombridge 1618 in light years? One decimal place; 1 pc = 3.26156 ly.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- 1 pc = 3.26156 ly.\n- Distance in pc = 1000 / parallax "
        "in mas.\n\n2. FACTS TO LOOK UP\n- Groombridge 1618's parallax.\n\n3. FACTS TO DERIVE\n"
        "- Distance in ly.\n\n4. EDUCATED GUESSES\n- About 16 ly.",
        "- WebSurfer: read the parallax of Groombridge 1618.\n- Coder/ComputerTerminal: convert.",
        [
            web(
                f"Open {OBS}/nearby and read Groombridge 1618's parallax.",
                f"{OBS}/nearby",
                "Groombridge 1618 (HNS 021, K7V): parallax 205.4 mas, V = 6.60.",
            ),
            code(
                "Convert a parallax of 205.4 mas into light years (one decimal).",
                "```python\nparallax_mas = 205.4\npc = 1000 / parallax_mas\n"
                "print(f'{pc:.3f} pc = {pc * 3.26156:.1f} ly')\n```",
            ),
            run("Run the conversion."),
        ],
        "Groombridge 1618 is about 15.9 light years away (parallax 205.4 mas, 4.869 pc).",
    ),
    pages={f"{OBS}/nearby": _NEARBY},
)

UMA = Case(
    "m1-astro-61uma-distance",
    WRONG_INPUT,
    f"How far is 61 Ursae Majoris in parsecs according to the Hallam nearby-star catalogue "
    f"({OBS}/nearby)? Two decimals.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- d(pc) = 1000 / parallax(mas).\n\n2. FACTS TO LOOK UP\n"
        "- 61 UMa's parallax.\n\n3. FACTS TO DERIVE\n- The distance.\n\n4. EDUCATED GUESSES\n"
        "- Roughly 10 pc.",
        "- WebSurfer: parallax of 61 UMa.\n- Coder/ComputerTerminal: 1000 / parallax.",
        [
            web(
                f"Visit {OBS}/nearby and tell me the parallax listed for 61 Ursae Majoris.",
                f"{OBS}/nearby",
                "61 Ursae Majoris is HNS 029, spectral type G8V, V = 5.35, with a listed "
                "parallax of 140.0 mas.",
            ),
            code(
                "Compute 1000 / 140.0 to two decimals.",
                "```python\nprint(round(1000 / 140.0, 2))\n```",
            ),
            run("Run it."),
        ],
        "According to the Hallam catalogue, 61 Ursae Majoris is 7.14 parsecs away.",
    ),
    pages={f"{OBS}/nearby": _NEARBY},
    root=do(0),
    symptom=FINAL,
    note="the parallax is 104.0 mas (9.62 pc)",
)

_KEPLER62 = """Exoplanet hosts: Kepler-62 system
Planet | Period (d) | Radius (R_earth) | Equilibrium T (K)
Kepler-62 b | 5.71 | 1.31 | 750
Kepler-62 c | 12.44 | 0.54 | 578
Kepler-62 d | 18.16 | 1.95 | 510
Kepler-62 e | 122.39 | 1.61 | 270
Kepler-62 f | 267.29 | 1.41 | 208"""

KEPLER62 = Case(
    "m1-astro-kepler62f-years",
    WRONG_SOURCE,
    f"How long is a year on Kepler-62 f, in Earth years (two decimals)? Take the period from "
    f"{OBS}/exoplanets/kepler-62 and use 365.25 days per year.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- 365.25 days per Earth year.\n\n2. FACTS TO LOOK UP\n"
        "- Kepler-62 f's orbital period.\n\n3. FACTS TO DERIVE\n- Period / 365.25.\n\n"
        "4. EDUCATED GUESSES\n- Under one Earth year.",
        "- WebSurfer: the orbital period of Kepler-62 f.\n- Coder + ComputerTerminal: divide.",
        [
            web(
                f"Please open {OBS}/exoplanets/kepler-62 and read the orbital period of "
                "Kepler-62 f.",
                f"{OBS}/exoplanets/kepler-62",
                "The Kepler-62 table lists five planets. Kepler-62 f orbits in 122.39 days "
                "(radius 1.61 Earth radii, equilibrium temperature 270 K).",
            ),
            code(
                "Convert 122.39 days to Earth years with 365.25 d/yr.",
                "```python\nprint(f'{122.39 / 365.25:.2f}')\n```",
            ),
            run("Execute please."),
        ],
        "A year on Kepler-62 f lasts 0.34 Earth years (122.39 days).",
    ),
    pages={f"{OBS}/exoplanets/kepler-62": _KEPLER62},
    root=do(0),
    symptom=FINAL,
    note="the row read was Kepler-62 e; f's period is 267.29 d (0.73 yr)",
)

_SHOWERS = """Annual meteor showers - predicted peaks
Shower | Peak 2024 | Peak 2025 | ZHR
Quadrantids | 2024-01-04 | 2025-01-03 | 110
Lyrids | 2024-04-22 | 2025-04-22 | 18
Perseids | 2024-08-12 | 2025-08-12 | 100
Orionids | 2024-10-21 | 2025-10-21 | 20
Geminids | 2024-12-14 | 2025-12-14 | 150"""

SHOWERS = Case(
    "m1-astro-geminids-to-quadrantids",
    BAD_SPLIT,
    f"How many days after the 2024 Geminids peak is the next Quadrantids peak? Use the predicted "
    f"peaks at {OBS}/meteors.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Geminids 2024 and the Quadrantids.\n\n2. FACTS TO LOOK UP\n"
        "- Both peak dates from the meteors page.\n\n3. FACTS TO DERIVE\n- Days between the "
        "peaks.\n\n4. EDUCATED GUESSES\n- The Quadrantids peak in early January, the Geminids in "
        "mid-December.",
        "- WebSurfer: read the 2024 peak dates of the Geminids and the Quadrantids.\n"
        "- Coder: days between them; ComputerTerminal: run.\n- Answer.",
        [
            web(
                f"Open {OBS}/meteors and give the 2024 peak dates of the Geminids and of the "
                "Quadrantids.",
                f"{OBS}/meteors",
                "2024 predicted peaks: Quadrantids 4 January 2024, Geminids 14 December 2024.",
            ),
            code(
                "Number of days between 2024-01-04 and 2024-12-14?",
                "```python\nfrom datetime import date\nprint(abs((date(2024, 12, 14) - "
                "date(2024, 1, 4)).days))\n```",
            ),
            run("Run."),
        ],
        "The Quadrantids peak 345 days away from the 2024 Geminids.",
    ),
    pages={f"{OBS}/meteors": _SHOWERS},
    root=PLAN,
    symptom=FINAL,
    note="the next Quadrantids peak is 2025-01-03, 20 days after 2024-12-14",
)

_BRIGHT = """name,constellation,v_mag
Arcturus,Bootes,-0.05
Vega,Lyra,0.03
Capella,Auriga,0.08
Rigel,Orion,0.13
Procyon,Canis Minor,0.34
Betelgeuse,Orion,0.50
Altair,Aquila,0.76
Aldebaran,Taurus,0.86
"""

BRIGHTEST = Case(
    "m1-astro-third-brightest",
    WRONG_ACCEPTED,
    "bright_stars.csv lists some of the brightest stars in the northern sky with their apparent "
    "V magnitudes. Which of them is the third brightest?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Data in bright_stars.csv (apparent V magnitude).\n\n"
        "2. FACTS TO LOOK UP\n- The magnitudes.\n\n3. FACTS TO DERIVE\n- Ranking by brightness.\n\n"
        "4. EDUCATED GUESSES\n- Capella or Rigel.",
        "- FileSurfer: check the file.\n- Coder: rank by brightness; ComputerTerminal: run.",
        [
            files(
                "Open bright_stars.csv and describe it.",
                "bright_stars.csv",
                "Eight stars with name, constellation and v_mag (apparent V magnitude), from "
                "Arcturus (-0.05) down to Aldebaran (0.86).",
            ),
            code(
                "Rank the stars from brightest and print the top three.",
                "Sorting by magnitude, largest first:\n```python\nimport csv\n"
                "with open('bright_stars.csv') as fh:\n    stars = list(csv.DictReader(fh))\n"
                "stars.sort(key=lambda s: float(s['v_mag']), reverse=True)\n"
                "for rank, s in enumerate(stars[:3], 1):\n"
                "    print(rank, s['name'], s['v_mag'])\n```",
            ),
            run("Run the ranking."),
        ],
        "Betelgeuse (V = 0.50) is the third brightest of the listed stars.",
    ),
    files={"bright_stars.csv": _BRIGHT},
    root=do(1),
    symptom=FINAL,
    note="sorted descending: fainter first; the third brightest is Capella (0.08)",
)

_PLANETS = """planet,period_days,method
TOI-270 b,3.36,transit
TOI-270 c,5.66,transit
TOI-270 d,11.38,transit
LHS 1140 c,3.78,transit
LHS 1140 b,24.74,transit
GJ 357 b,3.93,transit
GJ 357 c,9.12,radial velocity
GJ 357 d,55.66,radial velocity
Wolf 1061 c,17.87,radial velocity
Wolf 1061 b,4.89,radial velocity
K2-18 c,8.96,radial velocity
HD 260655 c,10.00,transit
"""

SHORT_PERIOD = Case(
    "m1-astro-short-period-count",
    WRONG_ACCEPTED,
    "In nearby_planets.csv, how many planets have an orbital period shorter than 10 days?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Shorter than 10 days (strict).\n\n2. FACTS TO LOOK UP\n"
        "- Periods in nearby_planets.csv.\n\n3. FACTS TO DERIVE\n- The count.\n\n"
        "4. EDUCATED GUESSES\n- Most of them.",
        "- Coder: count rows with period below 10 days; ComputerTerminal: run.",
        [
            code(
                "Count the planets in nearby_planets.csv with period under 10 days.",
                "```python\nimport csv\nwith open('nearby_planets.csv') as fh:\n"
                "    periods = [float(r['period_days']) for r in csv.DictReader(fh)]\n"
                "short = [p for p in periods if p <= 10]\n"
                "print(len(short), 'of', len(periods))\n```",
            ),
            run("Run it."),
        ],
        "8 of the 12 planets have orbital periods shorter than 10 days.",
    ),
    files={"nearby_planets.csv": _PLANETS},
    root=do(0),
    symptom=FINAL,
    note="<= counts HD 260655 c at exactly 10.00 days: 7 are shorter",
)

_ECLIPSING = """Algol-type variables (Hallam list 3)
Star | Period (d) | Primary depth (mag)
Algol (beta Per) | 2.867 | 1.27
lambda Tau | 3.953 | 0.52
RZ Cas | 1.195 | 1.63
U Cep | 2.493 | 2.49"""

ALGOL_CRASH = Case(
    "m1-astro-algol-minima-crash",
    CODE_FAILURE,
    f"How many primary minima does Algol go through in 30 days? Use the period in the Hallam "
    f"list of Algol-type variables ({OBS}/variables/algol-type) and count only complete cycles.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- 30 days; complete cycles only.\n\n2. FACTS TO LOOK UP\n"
        "- Algol's period.\n\n3. FACTS TO DERIVE\n- floor(30 / period).\n\n"
        "4. EDUCATED GUESSES\n- Algol's period is close to 2.87 days.",
        "- WebSurfer: Algol's period.\n- Coder: floor division; ComputerTerminal: run.",
        [
            web(
                f"Read Algol's period from {OBS}/variables/algol-type.",
                f"{OBS}/variables/algol-type",
                "Algol (beta Persei): period 2.867 days, primary eclipse depth 1.27 mag.",
            ),
            code(
                "Compute the number of complete cycles of 2.867 days in 30 days.",
                "```python\nimport math\nperiod = 2.867\nprint(math.floor(30 / periode))\n```",
            ),
            run("Run the script."),
        ],
        "Algol completes 11 primary minima in 30 days (30 / 2.867 ≈ 11.5).",
    ),
    pages={f"{OBS}/variables/algol-type": _ECLIPSING},
    root=do(1),
    symptom=FINAL,
    note="the NameError was never fixed; 30 / 2.867 = 10.46, so 10 complete cycles",
)

_MESSIER = """id,type,constellation,v_mag
M31,galaxy,Andromeda,3.4
M33,galaxy,Triangulum,5.7
M42,nebula,Orion,4.0
M45,open cluster,Taurus,1.6
M51,galaxy,Canes Venatici,8.4
M81,galaxy,Ursa Major,6.9
M82,galaxy,Ursa Major,8.4
M13,globular cluster,Hercules,5.8
M57,planetary nebula,Lyra,8.8
"""

_MESSIER_CODE = (
    "```python\nimport csv\nwith open('messier.csv') as fh:\n"
    "    rows = list(csv.DictReader(fh))\n"
    "print(sum(1 for r in rows if r['type'] == 'galaxy' and float(r['v_mag']) < 9))\n```"
)

MESSIER_LOOP = Case(
    "m1-astro-messier-galaxies-loop",
    REPETITION,
    "messier_catalogue.csv holds part of the Messier catalogue. How many of its galaxies are "
    "brighter than magnitude 9 (v_mag below 9)?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- File messier_catalogue.csv; brighter = v_mag < 9.\n\n"
        "2. FACTS TO LOOK UP\n- Type and magnitude per object.\n\n3. FACTS TO DERIVE\n"
        "- The count.\n\n4. EDUCATED GUESSES\n- M31, M33, M81 are bright.",
        "- Coder: filter galaxies under magnitude 9; ComputerTerminal: run.",
        [
            code(
                "Write code counting galaxies with v_mag below 9 in the Messier file.",
                _MESSIER_CODE,
            ),
            run("Please run it."),
            code(
                "There was an error. Please check and resend the code.",
                "The logic is right; resending it:\n" + _MESSIER_CODE,
                progress=False,
            ),
            Replan(
                "1. GIVEN OR VERIFIED FACTS\n- The script raised an error reading the file, "
                "twice.\n\n2. FACTS TO LOOK UP\n- Type and magnitude per object.\n\n"
                "3. FACTS TO DERIVE\n- The count.\n\n4. EDUCATED GUESSES\n- The terminal may be "
                "flaky; M31, M33 and M81 are the bright Messier galaxies.",
                "- Have the ComputerTerminal run the Coder's script again.\n- If it keeps "
                "failing, answer from the educated guesses.",
            ),
            run("Run the Coder's script again."),
        ],
        "The script could not read the file, but the galaxies in the list brighter than "
        "magnitude 9 are M31, M33 and M81: 3.",
        done_reason="Repeated attempts failed; the answer can be given from known magnitudes.",
    ),
    files={"messier_catalogue.csv": _MESSIER},
    root=do(0),
    symptom=FINAL,
    note="the code opens messier.csv every time and is resent unchanged; M51 and M82 (8.4) make 5",
)

_CEPHEID = """Classical Cepheids (Hallam list 7)
Star | Period (d) | Mean V | Amplitude (mag)
delta Cep | 5.366 | 3.95 | 0.88
eta Aql | 7.177 | 3.90 | 0.82
zeta Gem | 10.150 | 3.92 | 0.50
l Car | 35.556 | 3.72 | 1.07
Polaris | 3.970 | 1.98 | 0.03"""

CEPHEID = Case(
    "m1-astro-cepheid-hours",
    HEALTHY,
    f"What is the pulsation period of eta Aquilae in hours, to the nearest hour? See "
    f"{OBS}/variables/cepheids.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Answer in hours.\n\n2. FACTS TO LOOK UP\n- eta Aql's "
        "period in days.\n\n3. FACTS TO DERIVE\n- days * 24.\n\n4. EDUCATED GUESSES\n"
        "- About 7 days.",
        "- WebSurfer: eta Aql period (retry if the page fails).\n- Coder/ComputerTerminal: hours.",
        [
            web(
                f"Please read eta Aquilae's period on {OBS}/variables/cepheids.",
                f"{OBS}/variables/cepheid",
                "The page didn't load: the browser got a 404 for that address.",
            ),
            web(
                f"The address is {OBS}/variables/cepheids (plural). Please try again.",
                f"{OBS}/variables/cepheids",
                "Loaded now. eta Aquilae: period 7.177 days, mean V 3.90, amplitude 0.82 mag.",
            ),
            code(
                "Convert 7.177 days to hours, rounded to the nearest hour.",
                "```python\nprint(round(7.177 * 24))\n```",
            ),
            run("Go ahead and run it."),
        ],
        "eta Aquilae pulsates with a period of about 172 hours (7.177 days).",
    ),
    pages={f"{OBS}/variables/cepheids": _CEPHEID},
    note="near miss: a mistyped URL's 404, retried at the right address",
)

GALAXIES = Case(
    "m1-astro-messier-by-constellation",
    HEALTHY,
    "Which constellation has the most objects in messier_catalogue.csv, and how many?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- File messier_catalogue.csv.\n\n2. FACTS TO LOOK UP\n"
        "- Constellation per object.\n\n3. FACTS TO DERIVE\n- Counts per constellation.\n\n"
        "4. EDUCATED GUESSES\n- Ursa Major.",
        "- Coder: group by constellation; ComputerTerminal: run.",
        [
            code(
                "Count the objects per constellation in messier_catalogue.csv.",
                "```python\nimport csv\nfrom collections import Counter\n"
                "with open('messier_catalogue.csv') as fh:\n"
                "    counts = Counter(r['constellation'] for r in csv.DictReader(fh))\n"
                "print(counts.most_common(3))\n```",
            ),
            run("Run it."),
        ],
        "Ursa Major, with 2 objects (M81 and M82); every other constellation has one.",
    ),
    files={"messier_catalogue.csv": _MESSIER},
)

CASES = [
    GROOMBRIDGE,
    UMA,
    KEPLER62,
    SHOWERS,
    BRIGHTEST,
    SHORT_PERIOD,
    ALGOL_CRASH,
    MESSIER_LOOP,
    CEPHEID,
    GALAXIES,
]
