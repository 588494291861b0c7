"""Deterministic news-like corpus for benchmarks.

Articles come in *stories*: each story is one event (a company, a regulator, an amount, a
year) reported by several outlets that reorder, paraphrase and quote it differently, as real
coverage does; some stories also get a syndicated copy and a synonym-spun copy. So the facts,
reuse and search benchmarks exercise the same shapes the sample corpus has, at scale.

Run: `python bench/corpus_generator.py OUT_DIR --articles 10000 --words 700 --seed 1`.
The same arguments always produce byte-identical files.
"""
from __future__ import annotations

import argparse
import datetime as dt
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


def _fact_sentences(story: dict, rng: random.Random) -> list[str]:
    """The story's facts, each in one of several wordings (outlets paraphrase)."""
    s = story
    amount = f"${s['amount']:g} million"
    options = [
        [f"{s['company']} agreed to pay {amount} to settle allegations by {s['regulator']} over {s['violation']}.",
         f"{s['regulator'].capitalize()} said on Wednesday that {s['company']} will pay {amount} over {s['violation']}.",
         f"{s['company']} will pay a {amount} penalty, {s['short']} announced, resolving claims about {s['violation']}."],
        [f"The complaint alleged that the company's {s['product']} exposed data from {s['users']:,} customers.",
         f"About {s['users']:,} customers were affected, according to the complaint about the {s['product']}.",
         f"Regulators said the {s['product']} put {s['users']:,} users' data at risk."],
        [f"\"This settlement makes clear that no company is above the law,\" said {s['official']}, {s['title']}.",
         f"{s['official']}, {s['title']}, said in a statement: \"No company is above the law.\"",
         f"\"No company is above the law,\" {s['official']} said."],
        [f"{s['company']} said in a statement that it disagreed with the claims but chose to settle.",
         "\"We disagree with the claims, but this puts the matter behind us,\" the company said.",
         "The company denied wrongdoing and said it had already fixed the problems."],
        [f"The practices began in {s['year']}, the agency said.",
         f"According to the filing, the problems dated back to {s['year']}.",
         f"Investigators traced the conduct to {s['year']}."],
        [f"A separate ${s['second']:g} million payment will fund refunds for customers.",
         f"Customers will receive refunds from an additional ${s['second']:g} million fund.",
         f"The order also requires ${s['second']:g} million in consumer refunds."],
    ]
    return [rng.choice(wordings) for wordings in options]


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


def _article(story: dict, outlet: str, words: int, rng: random.Random) -> str:
    facts = [_paraphrase(sentence, rng) for sentence in _fact_sentences(story, rng)]
    rng.shuffle(facts)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = [facts.pop()] if facts else []
        paragraph += [rng.choice(FILLER), _filler(rng), _filler(rng)]
        text = " ".join(paragraph)
        paragraphs.append(text)
        count += len(text.split())
    date = story["date"] + dt.timedelta(days=rng.choice([0, 0, 1]))
    return f" date {date.isoformat()} " + "\n\n".join(paragraphs) + f"\n\nRelated: More coverage from {outlet}\n"


def generate_corpus(out_dir: Path, articles: int, words: int = 700, seed: int = 1) -> list[Path]:
    """Write `articles` .txt files (and a manifest naming their outlets) into `out_dir`."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest = ["[articles]"]
    while len(written) < articles:
        story = _story(rng)
        outlets = rng.sample(OUTLETS, k=rng.randint(3, 6))
        texts = [(outlet, _article(story, outlet, words, rng)) for outlet in outlets]
        if rng.random() < 0.2:
            texts.append(("Syndicate Mirror", texts[0][1]))
        if rng.random() < 0.1:
            texts.append(("Content Farm", _spin(texts[0][1])))
        for outlet, text in texts:
            if len(written) == articles:
                break
            path = out_dir / f"article_{len(written):05d}.txt"
            path.write_text(text, encoding="utf-8")
            manifest.append(f'"{path.name}" = {{ outlet = "{outlet}" }}')
            written.append(path)
    (out_dir / "manifest.toml").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = generate_corpus(args.out_dir, args.articles, args.words, args.seed)
    print(f"wrote {len(paths)} articles to {args.out_dir}")


if __name__ == "__main__":
    main()
