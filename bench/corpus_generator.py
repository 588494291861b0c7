"""Deterministic news-like corpus for benchmarks.

Articles come in *stories*: each story is one event (a company, a regulator, an amount, a
year) reported by several outlets that reorder, paraphrase and quote it differently, as real
coverage does; some stories also get a syndicated copy and a synonym-spun copy. So the facts,
reuse and search benchmarks exercise the same shapes the sample corpus has, at scale.

Run: `python bench/corpus_generator.py OUT_DIR --articles 10000 --words 700 --seed 1`.
The same arguments always produce byte-identical files.

`--plant` changes, in one outlet of each story, how it gives one figure: a conflicting value
(which facts must flag), a rounding, a hedge ("more than $5 million" for $5.8 million) or the
day written as a date instead of a weekday (which they must not flag). The day the regulator
spoke is then the story's real weekday. `planted.json` lists each change and the sentences of
every article of the story stating that fact (file and offset), for `bench/facts_accuracy.py`.
Without `--plant` the output is unchanged.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
from pathlib import Path

COMPANIES = ["Amazon", "Meta", "Google", "Apple", "Microsoft", "Uber", "TikTok", "Tesla", "Oracle",
             "Netflix", "Spotify", "Airbnb", "Intel", "Nvidia", "Samsung", "Walmart", "Target", "Zoom"]
PRODUCTS = ["voice assistant", "doorbell camera", "smart speaker", "ride-hailing app", "photo service",
            "fitness tracker", "messaging app", "cloud platform", "payment service", "video platform"]
REGULATORS = [("the Federal Trade Commission", "the FTC"), ("the Securities and Exchange Commission", "the SEC"),
              ("the Department of Justice", "the DOJ"), ("the Consumer Financial Protection Bureau", "the CFPB"),
              ("the European Commission", "the commission")]
OFFICIALS = ["Samuel Levine", "Lina Khan", "Rohit Chopra", "Gary Gensler", "Margrethe Vestager", "Maria Lopez",
             "David Chen", "Priya Natarajan", "Thomas Weber", "Aisha Bello"]
TITLES = ["director of the Bureau of Consumer Protection", "chair of the agency", "the agency's director",
          "a senior enforcement attorney", "head of the competition division"]
VIOLATIONS = ["children's privacy", "deceptive advertising", "data security", "unfair billing",
              "location tracking", "biometric data", "dark patterns", "employee surveillance"]
OUTLETS = ["The Ledger", "Daily Wire Service", "Tech Courier", "Metro Herald", "Capital Report",
           "The Observer Post", "Business Dispatch", "Gazette Online", "Signal News", "Harbor Times"]
FILLER = ["The case drew attention from consumer advocates who have long pressed for stronger rules.",
          "Analysts said the penalty was small relative to the company's annual revenue.",
          "Lawmakers in several states have proposed bills addressing similar practices.",
          "The company has faced scrutiny over its practices for several years.",
          "Privacy experts said the settlement could set a precedent for the industry.",
          "Shares of the company were little changed in afternoon trading.",
          "The agency has stepped up enforcement in recent months, according to people familiar with the matter.",
          "Critics argued the terms did not go far enough to protect users.",
          "The settlement must still be approved by a federal judge.",
          "Consumer groups welcomed the decision but called for further action."]
SUBJECTS = ["Consumer advocates", "Industry analysts", "State lawmakers", "Privacy researchers", "Former employees",
            "Investors", "Competitors", "Civil liberties groups", "Academic experts", "Trade associations",
            "Local officials", "Parents' groups", "Security consultants", "Shareholders", "Federal judges"]
VERBS = ["have questioned", "have long criticized", "are closely watching", "have warned about", "welcomed",
         "pushed back against", "raised concerns about", "called for reviews of", "quietly supported",
         "publicly challenged", "are still assessing", "sharply disputed"]
OBJECTS = ["the company's record on {topic}", "new rules governing {topic}", "the industry's approach to {topic}",
           "earlier settlements involving {topic}", "voluntary commitments on {topic}",
           "the pace of enforcement over {topic}", "internal audits of {topic}", "proposed legislation on {topic}"]
TOPICS = ["data retention", "age verification", "facial recognition", "targeted advertising", "encryption",
          "subscription cancellations", "contractor oversight", "app permissions", "default settings",
          "transparency reports", "employee access", "third-party sharing", "consent screens", "cookie banners"]
CLAUSES = ["since the investigation began", "in filings this spring", "during a hearing last month",
           "according to people familiar with the matter", "in interviews this week", "ahead of the deadline",
           "despite repeated assurances", "as the review continues", "in a letter to regulators", ""]
SYNONYMS = {"agreed": "consented", "pay": "hand over", "penalty": "fine", "alleged": "claimed",
            "customers": "users", "settle": "resolve", "company": "firm", "said": "stated",
            "failed": "neglected", "data": "information", "announced": "disclosed"}
SPIN = {"million": "cardinal", "in": "successful", "will": "volition", "pay": "wage", "as": "arsenic",
        "or": "oregon", "company": "institution", "data": "information", "access": "entree",
        "complaint": "ailment", "settlement": "colony", "employee": "worker", "also": "besides"}


def _story(rng: random.Random) -> dict:
    regulator, short = rng.choice(REGULATORS)
    return {
        "company": rng.choice(COMPANIES),
        "product": rng.choice(PRODUCTS),
        "regulator": regulator,
        "short": short,
        "official": rng.choice(OFFICIALS),
        "title": rng.choice(TITLES),
        "violation": rng.choice(VIOLATIONS),
        "amount": rng.choice([1.2, 2.5, 5.8, 7, 12, 25, 30, 42, 60, 150]),
        "second": rng.choice([0.5, 1.5, 3.2, 4, 9]),
        "users": rng.choice([12_000, 55_000, 81_000, 240_000, 1_200_000]),
        "year": rng.choice(range(2012, 2023)),
        "date": dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(365)),
    }


def _figures(story: dict) -> dict:
    """How an outlet writes the story's figures; `_plant` changes one of them."""
    return {"amount": f"${story['amount']:g} million", "users": f"{story['users']:,}", "year": str(story["year"]),
            "second": f"${story['second']:g} million", "day": "on Wednesday"}


def _fact_sentences(story: dict, rng: random.Random, figures: dict | None = None) -> list[str]:
    """The story's facts, each in one of several wordings (outlets paraphrase)."""
    s = story
    f = figures or _figures(story)
    amount = f["amount"]
    options = [
        [f"{s['company']} agreed to pay {amount} to settle allegations by {s['regulator']} over {s['violation']}.",
         f"{s['regulator'].capitalize()} said {f['day']} that {s['company']} will pay {amount} over {s['violation']}.",
         f"{s['company']} will pay a {amount} penalty, {s['short']} announced, resolving claims about {s['violation']}."],
        [f"The complaint alleged that the company's {s['product']} exposed data from {f['users']} customers.",
         f"About {f['users']} customers were affected, according to the complaint about the {s['product']}.",
         f"Regulators said the {s['product']} put {f['users']} users' data at risk."],
        [f"\"This settlement makes clear that no company is above the law,\" said {s['official']}, {s['title']}.",
         f"{s['official']}, {s['title']}, said in a statement: \"No company is above the law.\"",
         f"\"No company is above the law,\" {s['official']} said."],
        [f"{s['company']} said in a statement that it disagreed with the claims but chose to settle.",
         "\"We disagree with the claims, but this puts the matter behind us,\" the company said.",
         "The company denied wrongdoing and said it had already fixed the problems."],
        [f"The practices began in {f['year']}, the agency said.",
         f"According to the filing, the problems dated back to {f['year']}.",
         f"Investigators traced the conduct to {f['year']}."],
        [f"A separate {f['second']} payment will fund refunds for customers.",
         f"Customers will receive refunds from an additional {f['second']} fund.",
         f"The order also requires {f['second']} in consumer refunds."],
    ]
    return [rng.choice(wordings) for wordings in options]


PLANTED_FIGURES = {"amount": 0, "users": 1, "year": 4, "second": 5}  # figure -> its fact's place in the story
ROUNDING = 0.1  # the most a planted rounding of a count ("60,000" for 55,000) may change it


def _plant(story: dict, kind: str, figure: str) -> dict | None:
    """The figures one outlet gives after a planted change, or None if the change does not
    apply (a round amount has no rounding)."""
    figures = _figures(story) | {"day": f"on {story['date'].strftime('%A')}"}
    amount, users, second = story["amount"], story["users"], story["second"]
    if kind == "date-shift":
        day = story["date"]
        figures["day"] = f"on {day.strftime('%B')} {day.day}"
        return figures
    if kind == "conflict":
        figures[figure] = {"amount": f"${amount * 1.5:g} million", "users": f"{int(users * 1.5):,}",
                           "year": str(story["year"] + 2), "second": f"${second * 2:g} million"}[figure]
        return figures
    value = {"amount": amount, "second": second, "users": users / 1e6}.get(figure)
    if value is None:
        return None
    lead = 10 ** math.floor(math.log10(value))
    if kind == "rounding":
        rounded = round(value) if figure != "users" else round(value / lead) * lead
        if rounded == value or rounded == 0 or figure == "users" and abs(rounded - value) > ROUNDING * value:
            return None
        written = f"${rounded:g} million" if figure != "users" else f"{int(rounded * 1e6):,}"
    else:
        cut = math.floor(value / lead) * lead
        if cut == value:
            return None
        written = f"more than ${cut:g} million" if figure != "users" else f"more than {int(cut * 1e6):,}"
    figures[figure] = written
    return figures


def _filler(rng: random.Random) -> str:
    """A background sentence drawn from a small grammar, so articles do not share filler text."""
    obj = rng.choice(OBJECTS).format(topic=rng.choice(TOPICS))
    clause = rng.choice(CLAUSES)
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {obj}{' ' + clause if clause else ''}."


def _paraphrase(sentence: str, rng: random.Random) -> str:
    words = sentence.split(" ")
    return " ".join(SYNONYMS.get(word, word) if rng.random() < 0.3 else word for word in words)


def _spin(text: str) -> str:
    return " ".join(SPIN.get(word, word) for word in text.split(" "))


def _article(story: dict, outlet: str, words: int, rng: random.Random,
             figures: dict | None = None) -> tuple[str, dict[int, str]]:
    """The article's text and, by its place in the story, each fact sentence as written."""
    facts = [(index, _paraphrase(sentence, rng))
             for index, sentence in enumerate(_fact_sentences(story, rng, figures))]
    rng.shuffle(facts)
    written = dict(facts)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = [facts.pop()[1]] if facts else []
        paragraph += [rng.choice(FILLER), _filler(rng), _filler(rng)]
        text = " ".join(paragraph)
        paragraphs.append(text)
        count += len(text.split())
    date = story["date"] + dt.timedelta(days=rng.choice([0, 0, 1]))
    return f" date {date.isoformat()} " + "\n\n".join(paragraphs) + f"\n\nRelated: More coverage from {outlet}\n", written


PLANTS = ("conflict", "rounding", "hedge", "date-shift")


def generate_corpus(out_dir: Path, articles: int, words: int = 700, seed: int = 1, plant: bool = False) -> list[Path]:
    """Write `articles` .txt files (and a manifest naming their outlets) into `out_dir`; with
    `plant`, one figure changed per story and `planted.json` saying where."""
    rng = random.Random(seed)
    planter = random.Random(seed * 7919 + 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest = ["[articles]"]
    planted: list[dict] = []
    while len(written) < articles:
        story = _story(rng)
        outlets = rng.sample(OUTLETS, k=rng.randint(3, 6))
        change = None
        if plant:
            kind = planter.choice(PLANTS)
            figure = "amount" if kind == "date-shift" else planter.choice(sorted(PLANTED_FIGURES))
            changed = _plant(story, kind, figure)
            if changed is not None:
                change = (kind, figure, planter.randrange(1, len(outlets)), changed)
        plain = _figures(story) | {"day": f"on {story['date'].strftime('%A')}"}
        texts = [(outlet, *_article(story, outlet, words, rng,
                                    change[3] if change and number == change[2] else plain if plant else None))
                 for number, outlet in enumerate(outlets)]
        if rng.random() < 0.2:
            texts.append(("Syndicate Mirror", *texts[0][1:]))
        if rng.random() < 0.1:
            texts.append(("Content Farm", _spin(texts[0][1]), {}))
        members = []
        shown = False
        for number, (outlet, text, sentences) in enumerate(texts):
            if len(written) == articles:
                break
            path = out_dir / f"article_{len(written):05d}.txt"
            path.write_text(text, encoding="utf-8")
            manifest.append(f'"{path.name}" = {{ outlet = "{outlet}" }}')
            written.append(path)
            if change and PLANTED_FIGURES[change[1]] in sentences:
                sentence = sentences[PLANTED_FIGURES[change[1]]]
                members.append([path.name, text.index(sentence)])
                shown |= number == change[2] and change[3]["day" if change[0] == "date-shift" else change[1]] in sentence
        if shown and len(members) > 1:
            planted.append({"id": f"plant-{len(planted)}", "kind": change[0], "figure": change[1], "members": members})
    (out_dir / "manifest.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    if plant:
        (out_dir / "planted.json").write_text(json.dumps(planted, indent=1) + "\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plant", action="store_true",
                        help="change one figure per story (conflict, rounding, hedge, date written out) "
                             "and list the changes in planted.json")
    args = parser.parse_args()
    paths = generate_corpus(args.out_dir, args.articles, args.words, args.seed, args.plant)
    print(f"wrote {len(paths)} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
