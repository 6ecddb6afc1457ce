"""French time words: what each means on the calendar. Loaded once, at import."""

from __future__ import annotations

from newsclaims.extract.times.words import word_list

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}  # fmt: skip
# Abbreviations only count right after a day number ("31 oct."): alone, "sept" is seven.
MONTH_ABBREVIATIONS = {
    "janv": 1, "jan": 1, "févr": 2, "fév": 2, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "sep": 9,
    "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7}
SEASONS = {"printemps": "SP", "été": "SU", "ete": "SU", "automne": "FA", "hiver": "WI"}
PARTS_OF_DAY = {
    "matin": "MO", "matinée": "MO", "midi": "MI", "mi-journée": "MI", "après-midi": "AF", "apres-midi": "AF",
    "soir": "EV", "soirée": "EV", "nuit": "NI", "journée": "DT", "aube": "MO",
}  # fmt: skip

# Deictic days: offset from the publication date.
DEICTIC_DAYS = {"aujourd'hui": 0, "hier": -1, "avant-hier": -2, "demain": 1, "après-demain": 2}
# Days counted from the last date the text mentioned.
ANAPHORIC_DAYS = {
    "le lendemain": 1, "la veille": -1, "le surlendemain": 2, "l'avant-veille": -2, "le jour même": 0,
    "le même jour": 0, "ce même jour": 0, "ce jour-là": 0, "le jour suivant": 1, "le jour précédent": -1,
}  # fmt: skip

# Calendar units a deictic phrase can count in ("la semaine dernière", "il y a trois ans").
UNITS = {
    "jour": "day", "jours": "day", "journée": "day", "semaine": "week", "semaines": "week", "week-end": "weekend",
    "weekend": "weekend", "mois": "month", "trimestre": "quarter", "semestre": "half", "an": "year", "ans": "year",
    "année": "year", "années": "year", "décennie": "decade", "décennies": "decade", "siècle": "century",
    "siècles": "century",
}  # fmt: skip
# Duration units as TIMEX3 writes them (MIN is minutes, HY half-years, Q quarters).
DURATION_UNITS = {
    "seconde": "S", "secondes": "S", "minute": "MIN", "minutes": "MIN", "heure": "H", "heures": "H",
    "jour": "D", "jours": "D", "journée": "D", "journées": "D", "semaine": "W", "semaines": "W", "mois": "M",
    "trimestre": "Q", "trimestres": "Q", "semestre": "HY", "semestres": "HY", "an": "Y", "ans": "Y",
    "année": "Y", "années": "Y", "décennie": "DE", "décennies": "DE", "siècle": "CE", "siècles": "CE",
}  # fmt: skip

LAST = ("dernier", "dernière", "derniers", "dernières", "passé", "passée", "écoulé", "écoulée")
NEXT = ("prochain", "prochaine", "prochains", "prochaines", "à venir")
THIS = ("en cours",)
# Relative to the last date mentioned rather than to the publication date.
REF_LAST = ("précédent", "précédente", "d'avant")
REF_NEXT = ("suivant", "suivante", "d'après")

MODS = {"début": "START", "mi": "MID", "milieu": "MID", "courant": "MID", "fin": "END"}

ORDINALS = {
    "premier": 1, "1er": 1, "deuxième": 2, "second": 2, "seconde": 2, "2e": 2, "2ème": 2, "troisième": 3,
    "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4,
}  # fmt: skip

NUMBER_WORDS = word_list(
    "un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
    "dix-sept dix-huit dix-neuf vingt trente quarante cinquante soixante soixante-dix quatre-vingt "
    "quatre-vingts quatre-vingt-dix cent mille"
)
VAGUE_COUNTS = ("quelques", "plusieurs", "de nombreux", "de nombreuses", "des")

DECADE_WORDS = {
    "vingt": 2, "trente": 3, "quarante": 4, "cinquante": 5, "soixante": 6, "soixante-dix": 7, "septante": 7,
    "quatre-vingt": 8, "quatre-vingts": 8, "huitante": 8, "quatre-vingt-dix": 9, "nonante": 9,
}  # fmt: skip

# Vague references (TIMEX3 PRESENT_REF, PAST_REF, FUTURE_REF).
REFS = {
    "PRESENT_REF": (
        "maintenant", "actuellement", "à présent", "jusqu'à présent", "pour l'instant", "pour le moment",
        "à l'heure actuelle", "à l'heure qu'il est", "de nos jours", "en ce moment", "désormais", "dorénavant",
        "à ce jour", "présentement", "ces jours-ci", "à l'heure où nous écrivons",
    ),
    "PAST_REF": (
        "récemment", "auparavant", "autrefois", "jadis", "naguère", "dernièrement", "depuis peu", "par le passé",
        "dans le passé", "il y a peu", "il y a longtemps", "ces derniers temps", "jusque-là", "à l'époque",
    ),
    "FUTURE_REF": (
        "prochainement", "à l'avenir", "dans l'avenir", "dans le futur", "à terme", "à long terme",
        "à moyen terme", "à court terme", "sous peu", "d'ici peu", "ultérieurement",
    ),
}  # fmt: skip

# Feasts on a fixed day, and feasts counted from Easter Sunday, as French writes them (with their
# capital: "la Toussaint" is the feast; a determiner may come before them).
FIXED_FEASTS = {
    "Noël": (12, 25), "Toussaint": (11, 1), "Nouvel An": (1, 1), "jour de l'An": (1, 1),
    "Saint-Sylvestre": (12, 31), "Saint-Valentin": (2, 14), "Halloween": (10, 31), "fête du Travail": (5, 1),
    "réveillon de Noël": (12, 24), "14-Juillet": (7, 14),
}  # fmt: skip
EASTER_FEASTS = {
    "Pâques": 0, "lundi de Pâques": 1, "dimanche de Pâques": 0, "Vendredi saint": -2, "vendredi saint": -2,
    "Mardi gras": -47, "mardi gras": -47, "Ascension": 39, "Pentecôte": 49, "lundi de Pentecôte": 50,
    "mercredi des Cendres": -46,
}  # fmt: skip

# Words after a year that show it is a count of things, not a year ("2000 soldats").
STREET_WORDS = ("rue", "avenue", "boulevard", "bd", "place", "quai", "allée", "square", "pont", "cours", "impasse")
# Holidays named after a weekday: a name, not a date to resolve.
WEEKDAY_NAME_FOLLOWERS = ("saint", "gras", "noir", "de pâques", "de pentecôte", "des cendres")
