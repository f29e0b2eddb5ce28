"""Word lists the extractors share: wire agencies, outlets, places, titles, organisation words."""

from __future__ import annotations

# Wire agencies: alias -> canonical name.
AGENCIES = {
    "Reuters": "Reuters", "Thomson Reuters": "Reuters", "AP": "AP", "Associated Press": "AP",
    "The Associated Press": "AP", "AFP": "AFP", "Agence France-Presse": "AFP", "Agence France Presse": "AFP",
    "Bloomberg": "Bloomberg", "Bloomberg News": "Bloomberg", "dpa": "dpa", "DPA": "dpa", "EFE": "EFE",
    "ANSA": "ANSA", "Kyodo": "Kyodo", "Kyodo News": "Kyodo", "Yonhap": "Yonhap", "Yonhap News Agency": "Yonhap",
    "Xinhua": "Xinhua", "Xinhua News Agency": "Xinhua", "PTI": "PTI", "Press Trust of India": "PTI", "ANI": "ANI",
    "CNA": "CNA", "Central News Agency": "CNA", "Anadolu": "Anadolu", "Anadolu Agency": "Anadolu",
    "TASS": "TASS", "RIA Novosti": "RIA Novosti", "Interfax": "Interfax", "Dow Jones": "Dow Jones",
    "Dow Jones Newswires": "Dow Jones", "Jiji Press": "Jiji", "Jiji": "Jiji", "Europa Press": "Europa Press",
    "Belga": "Belga", "APA": "APA", "NTB": "NTB", "TT": "TT", "Ritzau": "Ritzau", "PAP": "PAP", "Bernama": "Bernama",
    "Antara": "Antara", "RTTNews": "RTTNews", "Canadian Press": "Canadian Press",
    "The Canadian Press": "Canadian Press",
    "PA Media": "PA Media", "Press Association": "PA Media", "AAP": "AAP", "Australian Associated Press": "AAP",
}

# Outlets often cited as origins (the workspace's own outlets are added at run time).
OUTLETS = {
    "The Information", "Financial Times", "FT", "The Wall Street Journal", "Wall Street Journal", "WSJ",
    "The New York Times", "New York Times", "NYT", "The Washington Post", "Washington Post", "CNBC", "CNN", "BBC",
    "The Guardian", "Guardian", "South China Morning Post", "SCMP", "Nikkei", "Nikkei Asia", "Axios",
    "TechCrunch", "The Verge", "Fortune", "Forbes", "Business Insider", "Insider", "Politico", "Semafor",
    "The Economist", "Le Monde", "Der Spiegel", "Spiegel", "Handelsblatt", "El País", "Caixin", "Yicai",
    "Global Times", "People's Daily", "China Daily", "Al Jazeera", "NPR", "NBC News", "ABC News", "CBS News",
    "Fox News", "Sky News", "The Times", "The Telegraph", "Telegraph", "The Independent", "Los Angeles Times",
    "USA Today", "Time", "Newsweek", "Wired", "Ars Technica", "Engadget", "The Register", "Barron's",
    "MarketWatch", "Yahoo Finance", "Benzinga", "Seeking Alpha", "The Hill", "Vox", "BuzzFeed News",
    "Die Zeit", "Le Figaro", "Corriere della Sera", "La Repubblica", "Asahi Shimbun", "Yomiuri Shimbun",
    "Nikkei Asian Review", "The Korea Herald", "Korea Herald", "DigiTimes", "Digitimes", "The Hindu",
    "Times of India", "Hindustan Times", "Economic Times", "Mint", "Straits Times", "The Straits Times",
    "Channel NewsAsia", "CNBC-TV18", "Moneycontrol", "Platformer", "Puck", "Bild", "Kommersant", "Vedomosti",
}

PLACES = {
    "Afghanistan", "Africa", "Alabama", "Alaska", "Amsterdam", "Argentina", "Arizona", "Asia", "Athens",
    "Australia", "Austria", "Bangladesh", "Bangkok", "Beijing", "Belgium", "Berlin", "Brazil", "Brussels",
    "Budapest", "Buenos Aires", "Cairo", "California", "Canada", "Chicago", "Chile", "China", "Colombia",
    "Colorado", "Copenhagen", "Delhi", "Denmark", "Dubai", "Egypt", "England", "Europe", "Finland", "Florida",
    "France", "Frankfurt", "Gaza", "Geneva", "Georgia", "Germany", "Greece", "Guangdong", "Guangzhou",
    "Hangzhou", "Hong Kong", "Hungary", "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Istanbul",
    "Italy", "Jakarta", "Japan", "Jerusalem", "Kenya", "Kyiv", "Lebanon", "Lisbon", "London", "Los Angeles",
    "Madrid", "Malaysia", "Manila", "Massachusetts", "Mexico", "Michigan", "Milan", "Moscow", "Mumbai",
    "Munich", "Nairobi", "Netherlands", "New Delhi", "New Jersey", "New York", "New Zealand", "Nigeria",
    "North Korea", "Norway", "Ohio", "Oslo", "Pakistan", "Paris", "Pennsylvania", "Philippines", "Poland",
    "Portugal", "Qatar", "Rome", "Russia", "San Francisco", "Saudi Arabia", "Seattle", "Seoul", "Shanghai",
    "Shenzhen", "Silicon Valley", "Singapore", "South Africa", "South Korea", "Spain", "Stockholm", "Sweden",
    "Switzerland", "Sydney", "Syria", "Taipei", "Taiwan", "Texas", "Thailand", "Tokyo", "Toronto", "Turkey",
    "Ukraine", "United Kingdom", "United States", "US", "U.S.", "UK", "U.K.", "EU", "E.U.", "Vancouver", "Vienna",
    "Vietnam", "Virginia", "Warsaw", "Washington", "Wuhan", "Zurich", "America", "Britain", "Scotland", "Wales",
    "Kazakhstan", "Venezuela", "Peru", "Yemen", "Jordan", "Libya", "Sudan", "Ethiopia", "Morocco", "Tunisia",
    "Myanmar", "Cambodia", "Nepal", "Sri Lanka", "Mongolia", "Belarus", "Romania", "Bulgaria", "Serbia",
    "Croatia", "Czech Republic", "Slovakia", "Latvia", "Lithuania", "Estonia", "Iceland", "Luxembourg",
    "Macau", "Tibet", "Xinjiang", "Crimea", "Donbas", "Middle East", "Latin America", "Southeast Asia",
}

# Words before a name that mark a person (the title is not part of the name).
PERSON_TITLES = {
    "President", "Vice President", "Prime Minister", "Minister", "Senator", "Sen.", "Rep.", "Representative",
    "Gov.", "Governor", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Professor", "Judge", "Justice", "King", "Queen",
    "Prince", "Princess", "Pope", "General", "Gen.", "Secretary", "Chancellor", "Mayor", "CEO", "CFO", "COO",
    "CTO", "Chairman", "Chairwoman", "Chair", "Chief Executive", "Director", "Spokesperson", "Spokesman",
    "Spokeswoman", "Founder", "Co-founder", "cofounder", "founder", "Ambassador", "Commissioner", "Lord", "Sir",
    "Dame", "Deputy", "Speaker", "Premier", "Analyst", "Attorney General", "Sheriff", "Chief", "Officer",
    "executive", "analyst", "spokesperson", "spokesman", "spokeswoman", "lecturer", "professor", "economist",
}

ORG_WORDS = {
    "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Group", "Holdings", "Holding", "Ltd", "Ltd.", "LLC", "PLC",
    "plc", "AG", "SA", "NV", "GmbH", "Company", "Co.", "Bank", "University", "Ministry", "Department", "Agency",
    "Commission", "Council", "Committee", "Party", "Association", "Institute", "Foundation", "Administration",
    "Authority", "Office", "Court", "Parliament", "Congress", "Senate", "Police", "Army", "Navy", "Force",
    "Forces", "Fund", "Exchange", "Board", "Bureau", "Service", "Services", "Labs", "Technologies",
    "Technology", "Systems", "Partners", "Capital", "Ventures", "Platforms", "Motors", "Airlines", "Media",
    "News", "Times", "Post", "Journal", "Network", "Federation", "Union", "Organization", "Organisation",
    "Reserve", "Securities", "Investments", "Energy", "Pharmaceuticals", "Industries", "Electronics",
    "Communications", "Semiconductor", "School", "College", "Hospital", "Club", "Team", "Alliance", "Coalition",
    "Government", "Cabinet", "Assembly", "Tribunal", "Customs", "AI",
}

# Capitalised words that start sentences or name things that are not entities.
NOT_NAMES = frozenset("""
The A An This That These Those It Its He She They We I You His Her Their Our My Your In On At By For From With
Without Into Over Under After Before During Since Until While When Where Why How What Which Who Whom Whose If
But And Or Nor So Yet Also However Meanwhile Still Then There Here Now Today Yesterday Tomorrow Some Many Most
Several Few All Both Each Every Other Another Such No Not Only Just Even According As Although Though Because
Despite Like Unlike Among Between Through Across Against Toward Towards About Around Last Next Earlier Later
First Second Third One Two Three Four Five Six Seven Eight Nine Ten More Less Further Instead Overall Once
Meanwhile Separately Additionally Moreover Furthermore Indeed Still Yes Last Year Mr Mrs Ms Dr Said Says Read
Share Sign Subscribe Click Photo Image Video Watch Advertisement Related Editor Editing Reporting Writing
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
""".split())

ACRONYMS_NOT_ORGS = frozenset(
    "AI GPU GPUs CPU CPUs CEO CFO COO CTO GDP IPO TV PC PCs OK USB API APIs LLM LLMs ETF ETFs VR AR EV EVs "
    "PM AM GMT UTC ET PT HQ Q1 Q2 Q3 Q4 FY R&D M&A".split())

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|wrote|writes|stated|states|noted|notes|explained|explains|argued|argues|"
    "warned|warns|claimed|claims|insisted|insists|confirmed|confirms|denied|denies|announced|announces|"
    "reported|reports|asked|asks|acknowledged|acknowledges|declared|declares|continued|recalled|remarked|"
    "posted|tweeted|commented|replied|responded|emphasized|emphasised|stressed|predicted|estimated|cautioned|"
    "observed|suggested|conceded|admitted|concluded"
)
