"""Articles written for the spin and reuse tests, and a small thesaurus spinner to spin them.

None of this text comes from the sample corpus: the tests must show the detectors work on
prose they were not tuned on.
"""
from __future__ import annotations

import re
from pathlib import Path

from reader.articles.corpus import load_corpus
from reader.articles.model import Article

HARBOUR = """The city council voted on Tuesday to close the old harbour bridge for eight months, as engineers warned that corrosion in the steel deck had spread faster than expected.

Repairs will cost $14 million, according to a report presented to the council by the transport department. Officials said the work would begin in March and that ferries would run every 20 minutes while the bridge is shut.

"We have no choice but to act now," said Maria Okafor, who chairs the council's infrastructure committee. "If we wait another winter, we will be looking at a full replacement, and that is a bill of at least $90 million."

Shop owners on both sides of the river said they were worried about losing customers. Daniel Reyes, who runs a bakery near the northern ramp, said trade had already fallen by a third during earlier lane closures in 2021.

The council also approved a plan to add a temporary bus lane on Harbour Road and to extend parking hours in the old town. Residents can comment on the plan until the end of the month, either online or at the public library.

Engineers will inspect the deck again in the autumn. If the corrosion has spread further, the council may be asked to approve additional funds, the report said. The bridge carried about 31,000 vehicles a day before the pandemic, and traffic has since returned to roughly the same level."""

ORCHARD = """Growers in the valley expect a smaller apple harvest this year after a late frost damaged blossoms in April, the regional farmers' association said on Monday.

The association estimates that yields will fall by about 18 percent compared with last season. Prices at the wholesale market in Linden have already risen, and several cider makers said they were looking for fruit from other regions.

"The trees look healthy, but the fruit simply did not set," said Tomas Lindqvist, whose family has farmed 40 hectares near the river since 1962. He said insurance would cover part of the loss, but not the cost of extra labour for thinning and pruning.

Agricultural officials are considering an emergency loan programme for small farms. A decision is expected at the end of the month, after inspectors finish surveying orchards in the northern districts.

Some growers have begun planting later-flowering varieties, which are less exposed to spring frost. The change takes years to pay off, Lindqvist said, because new trees need at least four seasons before they bear a full crop."""

CHEMISTRY = """Researchers at the university's geology department have mapped arsenic and beryllium concentrations in groundwater across the province. Arsenic occurs naturally in some rock formations, and wells drilled into volcanic layers showed the highest levels.

The team also measured helium escaping from deep fractures, which can reveal where water moves through the bedrock. Beryllium, a light metal used in aerospace alloys, was found only in trace amounts.

The study's lead author said households relying on private wells should test their water every year. Filters based on iron oxide can remove most arsenic, she said, although they need regular maintenance. The researchers plan to publish a public map of their results later this year, together with advice on treatment options for rural households."""

BOTANY = """Willows are dioecious: each tree carries either staminate or pistillate catkins, never both. The pistillate catkins are greener and less showy than the male ones, and gardeners often plant male trees for their silver spring display.

Bees visit both kinds of tree early in the season, when few other flowers are open. A cardinal sang from the top of the old willow while we counted catkins, and a pair of orioles had started a nest in the next tree.

The cardinal, a bright red songbird common across the eastern states, is the state bird of seven states. Birders in Oregon report occasional vagrants, though the species is rare west of the Rockies. A successful nesting season depends on dense shrubs near water, which willows provide."""

PHILOSOPHY = """Philosophers have argued for centuries about whether people act of their own volition or whether every choice is settled in advance. The debate is not merely academic: courts must decide whether a defendant acted freely before they can assign blame.

Some neuroscientists point to experiments in which brain activity appeared to precede the conscious decision to move. Critics reply that the experiments measured trivial choices, like flexing a wrist, rather than the deliberate decisions that matter in law.

A successful theory of responsibility, one lecturer said, must explain why we still praise and punish one another even if our characters were shaped by forces we did not choose. Few students leave the course persuaded either way, but most say they think about the question long afterwards."""

TELEGRAPHIC = """Closing prices, Friday. Oil: $81.20 a barrel, up 1.4%. Gold: $1,962 an ounce, down 0.3%. Copper: $3.79 a pound, flat. Wheat: $6.12 a bushel, up 2.1%. Euro: $1.0874. Yen: 139.2 per dollar. Bitcoin: $27,150. Treasury ten-year yield: 3.81%. Dow Jones: 33,762, up 0.8%. Nasdaq: 13,240, up 1.1%. Volume: heavy. Breadth: advancers led decliners three to one. Next week: retail sales Tuesday, housing starts Wednesday, Fed minutes Thursday. Earnings: Nvidia, Walmart, Target, Home Depot, Lowe's, Cisco, Deere, Macy's, Intuit, Palo Alto Networks, Ross Stores, Workday, Zoom, Snowflake, Medtronic. Holidays: none. Weather: clear. Analysts: cautious. Sentiment: mixed. Outlook: steady. Risks: rates, oil, China, labour costs, credit spreads, commercial property, regional banks, election noise, supply chains, strikes, drought, shipping delays."""

SPINNER = {
    # function words, as thesaurus spinners swap them
    "in": "successful", "on": "connected", "as": "arsenic", "or": "oregon", "will": "volition",
    "at": "astatine", "have": "person", "be": "beryllium", "can": "tin", "may": "whitethorn",
    "million": "cardinal", "many": "galore", "any": "immoderate", "very": "precise",
    # content words, including swaps the shipped lexicon does not list
    "council": "assembly", "bridge": "span", "cost": "outgo",
    "report": "study", "said": "stated", "customers": "clients", "plan": "program",
    "harvest": "crop", "growers": "producers", "expect": "anticipate", "frost": "hoar",
    "prices": "terms", "loan": "indebtedness",
}
"""A thesaurus spinner's choices; several are absent from the shipped lexicon on purpose."""

_WORD = re.compile(r"[A-Za-z]+")


LIGHT_SPINNER = {"in": "successful", "million": "cardinal", "council": "assembly", "bridge": "span",
                 "said": "stated", "report": "study", "engineers": "technologists"}
"""A timid spinner: too few telltale swaps for the article to be flagged on its own."""


def spin(text: str, table: dict[str, str] = SPINNER) -> str:
    """Swap words one for one, keeping case, punctuation and order, as a spinner does."""
    def swap(match: re.Match[str]) -> str:
        word = match.group()
        spun = table.get(word.lower())
        if spun is None:
            return word
        return spun.capitalize() if word[0].isupper() else spun
    return _WORD.sub(swap, text)


def edit(text: str) -> str:
    """A light editorial pass: a new headline sentence, a dropped paragraph, a few changed words."""
    paragraphs = text.split("\n\n")
    kept = paragraphs[:-1]
    kept[0] = kept[0].replace("on Tuesday", "this week").replace("on Monday", "this week")
    return "Staff report.\n\n" + "\n\n".join(kept)


def dated(text: str, date: str) -> str:
    """Prefix the ` date YYYY-MM-DD ` stamp the loader reads an article's date from."""
    return f" date {date} {text}"


UNSEEN_SPINNER = {
    "voted": "balloted", "according": "harmonizing", "officials": "functionaries", "temporary": "impermanent",
    "inspect": "scrutinize", "bakery": "bakehouse", "vehicles": "conveyances", "winter": "wintertime",
    "worried": "disquieted", "ferries": "ferryboats", "repairs": "renovations", "cost": "outlay",
    "deck": "platform", "spread": "disseminated", "warned": "cautioned", "residents": "dwellers",
}
"""A spinner whose thesaurus shares no word with resources/spin_lexicon.toml: the detector must
catch its copies by their improbable words and by alignment with the source, never by the lexicon."""

RELEASE = """FOR IMMEDIATE RELEASE

The Port Authority today announced a $40 million programme to dredge the eastern channel and rebuild the container berths at Pier 7, work that will let ships of up to 14,000 containers dock at the port for the first time.

Dredging will begin in June and is expected to take eleven months. The berths will be rebuilt in two phases so that at least one berth stays open throughout, the authority said.

"This investment keeps the port competitive for the next thirty years," said Helen Marsh, the authority's chief executive. "Every shipping line we spoke to told us the same thing: deeper water or they go elsewhere."

The programme is funded by a $25 million federal grant and $15 million from the authority's capital reserve. No increase in port fees is planned.

Media contact: press office, Port Authority"""

RELEASE_STORY = """The Port Authority will spend $40 million to dredge the eastern channel and rebuild the container berths at Pier 7, work that will let ships of up to 14,000 containers dock at the port for the first time.

Dredging will begin in June and is expected to take eleven months. The berths will be rebuilt in two phases so that at least one berth stays open throughout, the authority said.

Local fishermen said they had not been consulted about the dredging and feared it would disturb the shellfish beds near the channel mouth, which supply most of the town's oyster harvest."""

TWO_QUOTES_A = """Regulators fined the airline $3 million on Thursday over delays that stranded passengers overnight in December.

"Passengers were left without food, without hotels and without information for up to nineteen hours, and the airline knew it could have done better," the transport secretary said in a statement issued after the ruling.

The airline said it would appeal. Its shares fell slightly in morning trading in Frankfurt, and analysts said the fine was small compared with the carrier's annual profit."""

TWO_QUOTES_B = """A budget carrier must pay $3 million for leaving travellers stuck in terminals during a winter storm, the government decided.

The transport secretary was blunt: "Passengers were left without food, without hotels and without information for up to nineteen hours, and the airline knew it could have done better."

Consumer groups welcomed the penalty but said compensation rules still favoured airlines. A spokeswoman for the carrier declined to comment beyond confirming that an appeal was being prepared by its lawyers."""

BRIDGE_LOCAL_INTRO = """Commuters in the northern suburbs face longer journeys from the spring. Bus drivers at the Eastgate depot say their timetables were drawn up before anyone expected the crossing to shut, and the union wants talks with the transit authority this month about overtime and new routes through the industrial estate.

Parents at the two primary schools beside the river have started a petition asking for a crossing guard on the detour route, which sends heavy lorries past the school gates twice an hour during the morning rush."""

BRIDGE_LOCAL_OUTRO = """Eastgate's councillor, who was absent from the vote, wrote to residents last night promising a public meeting at the community centre. She said the detour would add twenty minutes to the journey for many families, and that the depot's drivers deserved a clear answer about their shifts before the closure begins. A cycling group has offered volunteers to marshal the narrow towpath, which is expected to carry far more walkers and riders than it was built for.""" 

BRIDGE_BUSINESS_OUTRO = """Freight operators were less alarmed than shopkeepers. Two haulage firms told the chamber of commerce that most of their lorries already use the ring road, and a logistics company near the container terminal said the closure would barely touch its deliveries.

The chamber's president nonetheless asked the council to publish a timetable for each stage of the work, so that businesses on both banks can plan staffing and stock for the summer season. Property agents expect rents along the southern quay to dip while the scaffolding is up, then recover once the crossing reopens.

Hotel owners in the old town are more worried. The summer festival brings most of their guests across the river on foot, and the organisers have not yet said whether the closing concert will move to the park on the southern bank or be cancelled altogether this year. Taxi firms, by contrast, expect a busy season of longer fares, and the ferry company is hiring extra deckhands for the weekends when the markets draw visitors from the surrounding villages."""
"""Two outlets' own paragraphs around the first two paragraphs of HARBOUR, each printing a different
part of the story: together they share little of either whole text."""


def load_articles(folder: Path, texts: dict[str, str]) -> list[Article]:
    """The given texts written to `folder` as name.txt and loaded as a corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus([folder])
    assert not corpus.errors
    return corpus.articles
