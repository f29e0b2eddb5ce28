"""Kinds of fictional news events: the facts each one carries and the sentence patterns that state them.

Placeholders: {n} a number phrase, {d} a date phrase, {t} a time phrase, {q} quoted words, and the event's
own names ({org}, {place}, {facility}, {authority}, {speaker}, {speaker_role}, {region}, {product}).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FactSpec:
    slot: str
    kind: str                       # count | money | percent | date | time | quote
    counted: str = ""
    low: float = 0
    high: float = 0
    cores: tuple[str, ...] = ()     # sentence bodies without the attribution and final stop


@dataclass(frozen=True)
class EventType:
    name: str
    org_kind: str                   # company | public
    facilities: tuple[str, ...]
    authority: str
    headlines: tuple[str, ...]
    facts: tuple[FactSpec, ...]
    context: tuple[str, ...]        # event-specific background sentences
    quote_parts: tuple[tuple[str, ...], ...]


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        name="fire",
        org_kind="company",
        facilities=("chemical plant", "paint factory", "fertiliser depot", "textile mill", "battery warehouse"),
        authority="{place} Fire Department",
        headlines=(
            "Fire at {org} {facility} in {place} leaves dead and injured",
            "Deadly blaze tears through {facility} in {place}",
            "{place} {facility} fire: what we know so far",
            "Investigators sift through ruins of {org} site after fire",
        ),
        facts=(
            FactSpec("killed", "count", "people", 3, 140, (
                "The fire at the {org} {facility} in {place} killed {n} people",
                "{n} people died when fire swept through the {facility} in {place}",
                "The death toll from the blaze at the {org} {facility} rose to {n}",
                "Fire crews recovered the bodies of {n} workers from the {org} {facility}",
            )),
            FactSpec("injured", "count", "people", 12, 480, (
                "{n} people were taken to hospital with burns and smoke injuries after the {place} fire",
                "Hospitals in {region} treated {n} people injured in the {place} fire",
                "The blaze at the {org} site injured {n} people, many of them night-shift workers",
            )),
            FactSpec("evacuated", "count", "residents", 800, 65000, (
                "Authorities evacuated {n} residents from streets around the {org} {facility}",
                "{n} residents were told to leave their homes as a plume of smoke drifted over {place}",
                "Parts of {place} were cleared, and {n} residents had to leave their homes",
            )),
            FactSpec("started", "time", "", 0, 0, (
                "The fire broke out at {t} in the storage hall of the {org} {facility}",
                "The {place} fire started at {t}, before the first emergency call reached the fire service",
                "Flames first broke out at the {org} {facility} at {t}",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "The fire in {place} started {d} and burned for most of the day",
                "The blaze at the {org} {facility} began {d}",
                "Firefighters were called to the {org} site {d}",
            )),
            FactSpec("damage", "money", "damage", 4e6, 9e8, (
                "Insurers estimate the damage to the {org} {facility} at {n}",
                "The {org} site suffered damage worth {n}",
                "The fire caused {n} of damage to the {facility} in {place}",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "The {org} {facility} has stored industrial solvents on the site for decades.",
            "Inspectors had visited the {facility} last year and asked for changes to its sprinkler system.",
            "Black smoke could be seen from the neighbouring towns along the {river} River.",
            "Schools in {place} stayed closed while air quality was tested.",
            "The cause of the fire is still under investigation.",
        ),
        quote_parts=(
            ("Our crews worked through the night", "Every firefighter on duty went into that building",
             "We have never seen a fire spread this fast"),
            ("and we are grateful to every one of them", "and the families deserve answers",
             "and we will find out what went wrong"),
        ),
    ),
    EventType(
        name="derailment",
        org_kind="company",
        facilities=("freight line", "commuter line", "mountain railway", "regional express"),
        authority="National Rail Safety Board",
        headlines=(
            "Train derails near {place}, dozens hurt",
            "{org} train leaves the tracks outside {place}",
            "Derailment on {facility} near {place}: questions over track repairs",
        ),
        facts=(
            FactSpec("passengers", "count", "passengers", 40, 900, (
                "The train was carrying {n} passengers when it left the tracks near {place}",
                "{n} passengers were on board the {org} train",
                "Rescue teams helped {n} passengers out of the carriages near {place}",
            )),
            FactSpec("injured", "count", "people", 5, 260, (
                "{n} people were injured in the derailment near {place}",
                "The {org} derailment left {n} people hurt, several of them seriously",
                "Paramedics treated {n} injured passengers at the scene outside {place}",
            )),
            FactSpec("cars", "count", "carriages", 3, 40, (
                "{n} carriages left the rails on a bend outside {place}",
                "Investigators counted {n} derailed carriages along the embankment near {place}",
            )),
            FactSpec("started", "time", "", 0, 0, (
                "The train derailed at {t}, shortly after leaving {place} station",
                "Signal records show the {org} train left the tracks at {t}",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "The derailment happened {d} on the {facility} between {place} and the coast",
                "The {org} train came off the tracks {d}",
            )),
            FactSpec("speed", "count", "kilometres per hour", 45, 160, (
                "The {org} train was travelling at {n} kilometres per hour when it derailed",
                "Data from the locomotive show a speed of {n} kilometres per hour before the {place} crash",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "The {facility} was reopened two years ago after a long modernisation programme.",
            "Services between {place} and the coast are suspended until further notice.",
            "The {authority} has sent a team of investigators to the site.",
            "Local residents had complained about the condition of the track for months.",
        ),
        quote_parts=(
            ("Safety is the first thing we think about every morning", "We are cooperating fully with the investigators",
             "Our thoughts are with everyone who was on that train"),
            ("and we will publish what we learn", "and nothing will be hidden", "and we ask people to be patient"),
        ),
    ),
    EventType(
        name="acquisition",
        org_kind="company",
        facilities=("software maker", "retail chain", "shipping firm", "biotech company", "grocery group"),
        authority="Competition Commission",
        headlines=(
            "{org} agrees to buy {facility} in multibillion deal",
            "{org} takeover: what the deal means for {place}",
            "{org} wins board backing for {facility} purchase",
        ),
        facts=(
            FactSpec("price", "money", "deal value", 3e8, 4.5e10, (
                "{org} agreed to buy the {facility} for {n}",
                "The deal values the {place}-based {facility} at {n}",
                "{org} will pay {n} for the {facility} in cash and shares",
            )),
            FactSpec("premium", "percent", "share premium", 8, 65, (
                "The {org} offer represents a premium of {n} to the last closing price",
                "Shareholders will receive {n} more than the last closing price under the {org} offer",
            )),
            FactSpec("jobs", "count", "employees", 900, 48000, (
                "The company formed by {org} and the {facility} will employ {n} people",
                "The combined {org} group will have {n} employees, most of them in {region}",
            )),
            FactSpec("stores", "count", "sites", 30, 2400, (
                "The {place}-based {facility} operates {n} sites across the country",
                "{org} will take over all {n} sites of the {facility} as part of the deal",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "{org} and the {place}-based {facility} announced the agreement {d}",
                "The boards of {org} and its target announced the deal {d}",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "The deal still needs the approval of the {authority}.",
            "Analysts said the purchase would give {org} a stronger position in {region}.",
            "Shares in {org} were little changed in early trading.",
            "The companies expect the transaction to close next year.",
        ),
        quote_parts=(
            ("This is a once-in-a-generation opportunity", "Together we can serve our customers better",
             "We have admired this business for a long time"),
            ("and our people will be at the heart of it", "and we intend to keep every site open",
             "and the numbers speak for themselves"),
        ),
    ),
    EventType(
        name="earnings",
        org_kind="company",
        facilities=("streaming service", "airline", "chip maker", "insurance group", "furniture retailer"),
        authority="Securities Regulator",
        headlines=(
            "{org} profit beats forecasts as demand holds up",
            "{org} results: revenue rises, outlook cautious",
            "{org} shares move after quarterly figures",
        ),
        facts=(
            FactSpec("revenue", "money", "revenue", 2e8, 6e10, (
                "{org} reported quarterly revenue of {n}",
                "Revenue at the {org} {facility} reached {n} in the quarter",
                "Sales at {org} for the three months came to {n}",
            )),
            FactSpec("growth", "percent", "profit growth", 1.5, 48, (
                "Operating profit at {org} grew by {n} compared with a year earlier",
                "Operating profit at {org} rose {n} from the same quarter last year",
            )),
            FactSpec("customers", "count", "customers", 40000, 9e7, (
                "The {org} {facility} now has {n} customers",
                "{org} said its customer base had grown to {n}",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "{org} published the figures {d}",
                "The {org} results were released {d}, ahead of the annual meeting",
            )),
            FactSpec("cut", "count", "jobs", 150, 12000, (
                "{org} also plans to cut {n} jobs over the next year",
                "{org} will eliminate {n} positions as part of a cost programme",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "Analysts had expected weaker figures after a difficult winter.",
            "The {facility} has been investing heavily in new products.",
            "{org} kept its forecast for the full year unchanged.",
            "Investors will watch closely how the company handles rising costs in {region}.",
        ),
        quote_parts=(
            ("We delivered a strong quarter in a difficult market", "Our customers stayed with us",
             "The investments we made last year are paying off"),
            ("and we remain disciplined about costs", "and we expect the second half to be stronger",
             "and I want to thank our teams"),
        ),
    ),
    EventType(
        name="storm",
        org_kind="public",
        facilities=("coastal villages", "river valley", "northern suburbs", "harbour district"),
        authority="{region} Emergency Management Agency",
        headlines=(
            "Storm batters {region}, leaving homes without power",
            "Floods in {place}: rivers burst their banks",
            "Storm clean-up begins in {place} as waters recede",
        ),
        facts=(
            FactSpec("power", "count", "homes", 2000, 850000, (
                "The storm left {n} homes without power in and around {place}",
                "{n} households in {place} lost electricity as winds brought down power lines",
                "Utility crews said {n} homes in {place} had lost power",
            )),
            FactSpec("evacuated", "count", "people", 300, 120000, (
                "{n} people were evacuated from the {facility} of {place} as water levels rose",
                "Authorities in {place} moved {n} people to emergency shelters",
            )),
            FactSpec("killed", "count", "people", 2, 60, (
                "The storm that hit {place} killed {n} people",
                "{n} people died in the {place} floods, most of them swept away in their cars",
            )),
            FactSpec("rain", "count", "millimetres", 60, 420, (
                "{n} millimetres of rain fell on {place} in 24 hours",
                "Weather stations near {place} recorded {n} millimetres of rain in a single day",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "The storm made landfall near {place} {d}",
                "The storm reached {place} {d}, and the {river} River burst its banks",
            )),
            FactSpec("damage", "money", "damage", 5e6, 4e9, (
                "Early estimates put the damage in {place} at {n}",
                "The regional government said repairs in {place} would cost {n}",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "Forecasters had warned of heavy rain for several days.",
            "Roads into {place} remained closed while engineers inspected bridges.",
            "Volunteers filled sandbags outside the town hall in {place}.",
            "The {authority} urged people to stay away from the river banks.",
        ),
        quote_parts=(
            ("I have lived here all my life and never seen water like this", "The response from our neighbours has been extraordinary",
             "We are still counting the cost"),
            ("and we need help from the capital now", "and we will rebuild", "and the clean-up will take months"),
        ),
    ),
    EventType(
        name="strike",
        org_kind="public",
        facilities=("port workers", "hospital staff", "bus drivers", "teachers", "postal workers"),
        authority="{place} Labour Council",
        headlines=(
            "{facility} in {place} walk out over pay",
            "Strike by {facility} disrupts {place}",
            "Talks fail as {facility} begin strike in {region}",
        ),
        facts=(
            FactSpec("strikers", "count", "workers", 300, 90000, (
                "{n} {facility} walked out in {place} and across {region}",
                "The union said {n} workers joined the strike in {place}",
                "About a third of the {facility} around {place}, {n} people, stayed away from work",
            )),
            FactSpec("raise", "percent", "pay rise", 3, 18, (
                "The union in {place} is demanding a pay rise of {n}",
                "Workers want {org} to raise wages by {n} over two years",
            )),
            FactSpec("offer", "percent", "pay offer", 1, 7, (
                "The {org} has offered {n}",
                "The latest offer from the {org} is {n}",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "The strike in {place} began {d}",
                "Picket lines formed outside workplaces in {place} {d}",
            )),
            FactSpec("started", "time", "", 0, 0, (
                "The walkout in {place} started at {t}",
                "The first picket lines formed outside {org} offices at {t}",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "It is the first strike of its kind in {region} in more than a decade.",
            "Negotiations are expected to resume later this month.",
            "Commuters in {place} faced long delays.",
            "Both sides say they want to avoid a long dispute.",
        ),
        quote_parts=(
            ("Nobody wants to be out here", "Our members have been patient for too long",
             "We are asking for a fair deal"),
            ("but the offer simply does not cover the cost of living", "and we will stay out until we are heard",
             "and the public understands that"),
        ),
    ),
    EventType(
        name="recall",
        org_kind="company",
        facilities=("electric cars", "baby strollers", "heaters", "e-bikes", "pressure cookers"),
        authority="Consumer Safety Agency",
        headlines=(
            "{org} recalls {facility} over fire risk",
            "Recall of {org} {facility} widens",
            "{org} {facility} recall: what owners should do",
        ),
        facts=(
            FactSpec("units", "count", "units", 2000, 2.4e6, (
                "{org} is recalling {n} {facility} because of a faulty part",
                "The recall covers {n} {org} {facility} sold since last spring",
                "{n} {facility} are affected by the {org} recall",
            )),
            FactSpec("complaints", "count", "complaints", 12, 3200, (
                "The {authority} has received {n} complaints about the {org} {facility}",
                "Owners filed {n} complaints before {org} announced the recall",
            )),
            FactSpec("cost", "money", "recall cost", 2e6, 1.2e9, (
                "The recall is expected to cost {org} {n}",
                "{org} set aside {n} to cover repairs",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "{org} announced the recall {d}",
                "The {org} recall was announced {d}, the {authority} said",
            )),
            FactSpec("share", "percent", "share of sales", 2, 40, (
                "The recalled {facility} make up {n} of {org} sales",
                "The {facility} account for {n} of {org}'s revenue",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "Owners are advised to stop using the {facility} until they have been repaired.",
            "Dealers will replace the faulty part free of charge.",
            "The {authority} said it was monitoring the company's response.",
            "It is the second recall by {org} in three years.",
        ),
        quote_parts=(
            ("We take every report seriously", "The safety of our customers comes first",
             "We acted as soon as we understood the problem"),
            ("and we apologise to anyone affected", "and we will contact every owner", "and repairs are free"),
        ),
    ),
    EventType(
        name="breach",
        org_kind="company",
        facilities=("telecom operator", "online pharmacy", "ticketing platform", "payroll provider", "dating app"),
        authority="Data Protection Office",
        headlines=(
            "Hackers steal customer data from {org}",
            "{org} data breach larger than first thought",
            "{org} fined after data breach",
        ),
        facts=(
            FactSpec("affected", "count", "customers", 5000, 4.5e7, (
                "The {org} breach exposed the personal data of {n} customers",
                "Hackers gained access to the records of {n} customers of the {org} {facility}",
                "{n} customers were affected by the attack on {org}",
            )),
            FactSpec("fine", "money", "fine", 2e5, 6e8, (
                "The {authority} fined {org} {n}",
                "{org} must pay a fine of {n}",
            )),
            FactSpec("date", "date", "", 0, 0, (
                "{org} discovered the intrusion {d}",
                "{org} first detected the breach {d}",
            )),
            FactSpec("detected", "time", "", 0, 0, (
                "Security staff at {org} first noticed the breach at {t}",
                "The systems of {org} raised the first alarm about the breach at {t}",
            )),
            FactSpec("share", "percent", "share price fall", 2, 35, (
                "Shares in {org} fell {n} after the announcement",
                "{org} stock lost {n} of its value in a day",
            )),
            FactSpec("quote", "quote"),
        ),
        context=(
            "Customers have been told to change their passwords.",
            "The {facility} said payment card numbers were not stored in the affected system.",
            "Cybersecurity experts said the attack bore the marks of a known criminal group.",
            "The {authority} is examining whether {org} reported the breach quickly enough.",
        ),
        quote_parts=(
            ("We are deeply sorry", "We have closed the gap the attackers used",
             "This should never have happened"),
            ("and we are working with the police", "and we will support every customer", "and we are reviewing every system"),
        ),
    ),
)
