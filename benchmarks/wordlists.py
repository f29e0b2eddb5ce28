"""Word lists for the generated corpus: fictional places, organisations, people and outlets (all made up here)."""

from __future__ import annotations

PLACE_HEADS = (
    "Ash", "Brim", "Cald", "Dun", "Elm", "Fen", "Gark", "Hol", "Ives", "Jarn", "Kell", "Lorn", "Marl", "Norr",
    "Oak", "Pell", "Quarr", "Rav", "Stour", "Tarn", "Ulm", "Vell", "Wick", "Yarr", "Zenn", "Bram", "Cors", "Dray",
    "Frost", "Glen", "Heth", "Kin", "Lud", "Mors", "Pax", "Rook", "Sel", "Thorn", "Wend", "Brack",
)
PLACE_TAILS = (
    "ford", "holt", "mere", "wick", "bridge", "stead", "haven", "field", "borough", "ton", "by", "cliff", "dale",
    "moor", "port", "water", "gate", "ley", "worth", "brook",
)
REGIONS = (
    "Eastmarch", "Lowland County", "the Northern Province", "Westervale", "the Coastal District",
    "Highridge County", "the Riverlands", "South Amberly", "the Lake District of Orvania", "Kestrel Valley",
)
RIVERS = ("Sallow", "Brenn", "Ottery", "Minch", "Caddow", "Leffe", "Sorrow", "Tamsin", "Gull", "Perrin")

ORG_HEADS = (
    "Aldmere", "Brightwater", "Copperline", "Dunmore", "Evergate", "Foxglove", "Granitebay", "Halberd", "Ironleaf",
    "Juniper", "Kingsmoor", "Larkspur", "Meadowvale", "Northstar", "Orchard", "Pinecrest", "Quillon", "Redfern",
    "Silverbirch", "Tidewell", "Umberfield", "Vantor", "Westbrook", "Yellowfin", "Zephyrine", "Ambervale",
    "Blackwood", "Cinderhill", "Driftwood", "Emberton",
)
# Endings that make the thirty heads into a few hundred company names: a world of 10,000 articles has more
# than thirty companies in it, and the same company in many unrelated stories would join them into one.
ORG_ENDINGS = ("", "ia", "ex", "on", "ara", "ico", "ent", "ora", "ix", "us", "an", "ite")
ORG_TAILS_COMPANY = ("Industries", "Holdings", "Group", "Chemicals", "Logistics", "Motors", "Energy", "Systems",
                     "Foods", "Pharmaceuticals", "Networks", "Manufacturing")
ORG_TAILS_PUBLIC = ("Authority", "Council", "Agency", "Commission", "Board", "Department")

FIRST_NAMES = (
    "Amara", "Bastian", "Celia", "Dorian", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Leon",
    "Mila", "Nico", "Olga", "Pavel", "Quinn", "Rosa", "Stefan", "Talia", "Ulrich", "Vera", "Wade", "Xenia",
    "Yusuf", "Zora", "Anton", "Brigid", "Casper", "Dalia", "Emil", "Freya", "Gideon", "Hana", "Ivo", "Joelle",
    "Kasimir", "Lena", "Marek", "Nadia", "Oren", "Petra", "Rafael", "Selma", "Tobias", "Uma", "Viktor", "Wren",
)
LAST_NAMES = (
    "Albrecht", "Barrow", "Castellan", "Dunleavy", "Eckhart", "Falkner", "Grisham", "Holloway", "Ingram", "Jessop",
    "Kovacs", "Lindqvist", "Marchetti", "Novak", "Okonkwo", "Pellham", "Quist", "Ravensworth", "Sandoval",
    "Thackeray", "Underhill", "Valdez", "Whitlock", "Yardley", "Zelenko", "Ashdown", "Brannigan", "Corrigan",
    "Delacroix", "Esterhazy", "Fairbairn", "Galloway", "Hargreaves", "Iverson", "Kettering", "Lockhart",
    "Mortensen", "Nightingale", "Oyelaran", "Prescott", "Rutherford", "Sorensen", "Tremayne", "Vasquez", "Winslow",
)

OUTLET_PLACES = (
    "Ashford", "Bellmoor", "Carrick", "Denholm", "Everly", "Farrow", "Glaston", "Harrowgate", "Islay", "Kirkwall",
    "Lannister Bay", "Millbrook", "Newhaven", "Orrin", "Pembrook", "Redmarsh", "Saltcombe", "Tillbury", "Upton",
    "Valemount", "Whitcombe", "Yelverton",
)
OUTLET_KINDS = ("Courier", "Ledger", "Herald", "Gazette", "Tribune", "Post", "Chronicle", "Observer", "Dispatch",
                "Sentinel", "Examiner", "Record", "Journal", "Standard")
AGENCIES = (
    ("Meridian Press Agency", "Meridian"),
    ("Northwind Wire", "Northwind"),
    ("Continental News Service", "CNS"),
    ("Pacifica Press", "Pacifica"),
    ("Baltic Wire Service", "BWS"),
)
DESKS = ("news desk", "metro desk", "business desk", "national desk", "staff")

ADJECTIVES = (
    "quiet", "industrial", "busy", "former mining", "riverside", "hillside", "coastal", "market", "commuter",
    "university", "historic", "fast-growing",
)
WITNESS_JOBS = (
    "teacher", "bus driver", "nurse", "shop owner", "retired engineer", "baker", "student", "warehouse worker",
    "taxi driver", "pharmacist", "farmer", "electrician",
)
OFFICIAL_ROLES = (
    "spokesperson", "deputy director", "regional coordinator", "press officer", "chief inspector",
    "operations manager",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SMALL_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

NEWSLETTER_LINES = (
    "Sign up for our morning newsletter to get the day's top stories.",
    "Subscribe to {outlet} for unlimited access to local reporting.",
    "Share this article",
    "Follow {outlet} for live updates.",
    "Read more: our coverage of {region}.",
)
PHOTO_LINES = (
    "Photo: {person}/{outlet}",
    "Photograph by {person} for {outlet}",
    "Image credit: {person}",
)
