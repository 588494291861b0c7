"""The words that shape a speaker mention in news English.

Kept apart from the rules so the lexicon can grow (a new role noun, a new
sentence adverb) without touching how attribution works.
"""
from __future__ import annotations

from reader.tokens import WORD_PATTERN

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
                "my", "your", "no", "any", "another", "one"}
POSSESSIVE_PRONOUNS = {"its", "their", "his", "her", "our"}
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
SKIP_BEFORE_CUE = {
    "also", "has", "have", "had", "previously", "later", "earlier", "then", "again", "further",
    "repeatedly", "once", "publicly", "separately", "recently", "initially", "originally", "simply",
    "just", "did", "does", "do", "would", "will", "had", "however", "meanwhile", "today", "yesterday",
    "on", "last", "this", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "likewise", "similarly", "too", "flatly", "firmly", "strongly", "sharply",
    "quickly", "immediately", "subsequently", "ultimately", "finally", "now", "still", "already",
}
LEADING_WORDS = {"but", "and", "yet", "so", "however", "meanwhile", "still", "also", "now", "then",
                  "instead", "finally", "later", "earlier", "in", "on", "at", "for", "as", "after", "while",
                  "when", "though", "although", "separately", "because", "since", "if", "whereas", "that",
                  "according", "to"}
ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "representatives",
    "official", "officials", "lawyer", "lawyers", "attorney", "attorneys", "director", "chair", "chairman",
    "chairwoman", "commissioner", "commissioners", "executive", "executives", "ceo", "founder", "president",
    "chief", "head", "supervisor", "manager", "employee", "employees", "analyst", "analysts", "expert",
    "experts", "researcher", "researchers", "critic", "critics", "advocate", "advocates", "prosecutor",
    "prosecutors", "judge", "regulator", "regulators", "company", "agency", "commission", "firm",
    "retailer", "giant", "statement", "complaint", "complaints", "lawsuit", "suit", "filing", "filings",
    "report", "post", "blog", "release", "letter", "order", "document", "documents", "response", "memo",
    "ruling", "decision", "opinion", "judgment", "email", "e-mail", "tweet", "court", "government", "department", "bureau", "group", "coalition", "source",
    "sources", "person", "people", "staff", "team", "user", "users", "customer", "customers", "parent",
    "parents", "coworker", "worker", "workers", "owner", "owners", "witness", "plaintiffs", "plaintiff",
    "defendant", "defendants", "board", "office", "ministry", "watchdog", "union", "website", "manufacturer",
    "neighbor", "neighbour", "neighbors", "neighbours", "mother", "father", "resident", "residents", "member",
    "members", "friend", "student", "teacher", "professor", "lawmaker", "lawmakers", "senator", "spokesperson",
    "author", "authors", "organizer", "organiser", "activist", "activists", "mayor", "governor", "minister",
    "administrator", "officer", "officers", "investigation", "inquiry", "probe", "investigator", "investigators",
    "alert", "notice",
}
MODIFIERS = {"former", "senior", "top", "general", "federal", "deputy", "acting", "new", "longtime",
              "company", "agency", "press", "legal", "chief", "vice", "lead", "outside", "independent",
              "corporate", "public", "proposed", "separate", "second", "first", "original", "official"}
DOCUMENTS = {"statement", "complaint", "complaints", "lawsuit", "suit", "filing", "filings", "report", "post",
              "ruling", "decision", "opinion", "judgment", "judgement", "e-mail", "announcement",
              "blog", "release", "letter", "order", "document", "documents", "response", "memo", "email", "tweet",
              "investigation", "inquiry", "probe", "alert", "notice"}
AGENCY_TITLES = {"commissioner", "commissioners", "chair", "chairwoman", "chairman", "secretary", "regulator",
                  "regulators", "prosecutor", "prosecutors", "inspector", "investigator", "investigators"}
NOT_NAMES = {"however", "meanwhile", "still", "instead", "separately", "additionally", "further", "furthermore",
              "moreover", "today", "yesterday", "now", "then", "also", "finally", "first", "second", "last"}
COMPLAINT_NOUNS = {"complaint", "complaints", "lawsuit", "suit", "order", "investigation", "inquiry", "probe", "alert",
                   "notice"}
"""Documents an agency (or a plaintiff) brings: with no issuer named nearby, they speak for the last agency."""
RULING_NOUNS = {"ruling", "decision", "opinion", "judgment", "judgement"}
"""Documents a court issues: with no issuer named nearby, they speak for the last court named."""
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative", "representatives"}
NO_PARTY_HEADS = {"employee", "employees", "worker", "workers", "contractor", "contractors", "coworker",
                   "critic", "critics", "rival", "rivals", "competitor", "competitors", "customer", "customers",
                   "user", "users", "parent", "parents", "analyst", "analysts", "expert", "experts"}
CLAUSE_OPENERS = {",", ";", ":", "(", "—", "–", "while", "but", "that", "as", "because", "when", "although",
                   "though", "after", "since", "if", "whereas", "so"}
QUOTE_MARKS = set("“”\"'‘’")
TITLE_SMALL = {"a", "an", "the", "of", "and", "or", "nor", "but", "so", "as", "vs", "in", "on", "at", "to", "for",
                "with", "by", "from", "into", "over", "up"}
PART_OF = {"part", "parts", "portion", "section", "excerpt", "copy", "text", "some", "much", "one", "passage"}
"""`part of the FTC’s complaint reads`: a share of a document still speaks for its issuer."""
RELATIVE_PRONOUNS = {"who", "which", "that"}
"""`their supervisor, who said …` / `a blog post that claimed …`: the speaker is the antecedent."""
KIND_MODIFIERS = {"company": "company", "corporate": "company", "agency": "agency", "commission": "agency",
                  "government": "agency"}
"""`a company statement`, `agency officials`: a modifier that names the kind of party speaking."""
COMPANY_TITLES = {"ceo", "chief", "executive", "executives", "president", "founder", "cofounder", "co-founder",
                  "vp", "engineer", "manager"}
"""Titles that tie an otherwise unexplained person to the company the story is about."""
COMPANY_DESCRIPTORS = {"giant", "company", "firm", "retailer", "carrier", "platform", "app", "maker", "automaker",
                       "startup", "operator", "provider", "airline", "insurer", "lender", "conglomerate", "chain",
                       "manufacturer", "network", "marketplace", "bureau"}
"""Common nouns a reporter puts before a company's name (`search giant Vantoo`, `credit bureau Clearline`)."""
AGENCY_HEADS = {"Board", "Commission", "Administration", "Department", "Bureau", "Agency", "Authority",
                "Committee", "Office", "Ministry", "Service", "Council", "Senate", "Congress", "Parliament",
                "Police", "Regulator", "Watchdog", "Government", "Cabinet", "Inspectorate", "Directorate"}
"""Last words that make a capitalised name a public body (`Federal Aviation Administration`)."""
COURT_HEADS = {"Court", "Tribunal", "Judiciary"}
COMPANY_HEADS = {"Airlines", "Airline", "Airways", "Games", "Inc", "Inc.", "Corp", "Corp.", "Corporation",
                 "Company", "Co.", "Group", "Bank", "Holdings", "Technologies", "Labs", "Systems", "Motors",
                 "Platforms", "LLC", "Ltd", "Ltd.", "Foundation", "Association", "Institute", "Union",
                 "University", "Network", "Media", "Partners", "Communications", "Wireless", "Entertainment"}
"""Last words that make a capitalised name a company or another private organisation."""
NAME_JOINERS = {"of", "for", "and", "on", "the", "&"}
"""Small words inside an organisation's name (`Bureau of Consumer Protection`)."""
NOT_ORGANISATIONS = {"CEO", "CFO", "COO", "CTO", "US", "UK", "USA", "EU", "AM", "PM", "TV", "AI", "ID", "OK",
                     "LLC", "INC", "GDPR", "COPPA", "FAQ", "PDF", "PIN", "SMS", "API", "URL", "GPS", "DNA",
                     "II", "III", "IV", "VP", "PR", "HQ", "NEWS", "AP", "UPDATE", "UPDATED", "READ", "MORE",
                     "MAX", "USD", "EUR", "GBP", "IT", "IPO", "ET", "PT", "GMT", "UTC"}
"""Capitalised abbreviations that are titles, places, laws or units, never a party that speaks."""
NAME_TITLES = {"administrator", "general", "attorney", "associate", "assistant", "deputy", "secretary", "chief",
               "judge", "justice", "mayor", "councilmember", "senator", "sen.", "rep.", "gov.", "governor",
               "president", "chairman", "chair", "chairwoman", "commissioner", "director", "acting", "u.s.",
               "democratic", "republican", "ceo", "dr.", "mr.", "mrs.", "ms."}
"""Capitalised words before a name that are its title, not part of it (`Attorney General Vanita Gupta`)."""
CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                  "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december"}
"""Capitalised words that date a statement and never speak (`Friday said` does not occur; `said Friday` does)."""
CLAUSE_INTRODUCERS = {"following", "after", "before", "under", "despite", "during", "since", "with", "without",
                      "unlike", "like", "amid", "among", "over", "through", "although", "while", "in", "on", "at",
                      "for", "as", "by", "from", "when", "once", "upon", "because", "if", "to", "into", "per",
                      "last", "this", "earlier", "later", "meanwhile", "however", "still", "yet", "but", "and",
                      "separately", "additionally", "moreover", "today", "yesterday", "then", "now", "here", "there"}
"""Sentence-opening words that start an adverbial clause, never a speaker (`Following a settlement …, Ring …`)."""
TITLE_BODIES = {"mayor": {"Council", "City"}, "councilmember": {"Council"}, "council member": {"Council"},
                "councilwoman": {"Council"}, "councilman": {"Council"}, "alderman": {"Council"},
                "judge": {"Court"}, "senator": {"Senate"}, "attorney general": {"Justice"},
                "u.s. attorney": {"Justice"}, "prosecutor": {"Justice"}, "prosecutors": {"Justice"},
                "governor": {"Governor"}}
"""A title's body, named by the article in its own words: the one organisation whose name holds the word."""

US_STATES = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio",
    "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "Washington", "West Virginia", "Wisconsin", "Wyoming", "District of Columbia",
    "Puerto Rico",
)
"""The states, the District and Puerto Rico, whose attorneys general join multistate
actions (`Vermont’s attorney general` is an office, not a company called Vermont)."""


_NOT_NAME_WORDS = DETERMINERS | PRONOUNS | {"statement"}


def name_words(speaker: str | None) -> frozenset[str]:
    """The capitalised words of a speaker as worded, folded: `CFPB Kathleen L` and `Kathleen
    Kraninger` share one and are one speaker; `he`, `the company`, `A statement` name nobody."""
    return frozenset(word.casefold() for word in WORD_PATTERN.findall(speaker or "")
                     if word[0].isupper() and len(word) > 1 and word.casefold() not in _NOT_NAME_WORDS)
