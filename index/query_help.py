"""The query language, in the words the README and the in-app help both show.

Kept as plain Markdown so the help view can render it and a test can check that the README's
"Search syntax" section says the same.
"""

QUERY_HELP = """\
Type words to find articles containing all of them. Words match regardless of case, accents
and word endings (`settle` finds *settled* and *settlement*); curly and straight apostrophes
and quotation marks are the same (`children’s` finds *children's*). Figures stay whole:
`55,000` finds *55,000* (and *55000*), `$5.8` finds *$5.8*. A hyphenated word is found whole
(`e-commerce`) and by its parts (`commerce`).

| You type | Finds articles |
|---|---|
| `alexa ring` | with both words |
| `"voice assistant"` | with the exact phrase |
| `alexa OR ring` | with either word |
| `alexa NOT cnbc`, `alexa -cnbc` | with *alexa* but without *cnbc* |
| `(alexa OR ring) AND settlement` | grouped conditions (AND, OR, NOT in capitals) |
| `settle*`, `geoloc?tion` | with a word matching the wildcard (`*` any letters, `?` one) |
| `alexs~`, `alexs~2`, `penalites~` | with a word within 1 (or 2) typing slips of it: a letter added, dropped or changed, or two letters swapped |
| `outlet:entrepreneur`, `outlet:"the ledger"` | from that outlet |
| `title:alexa` | with the word in the title |
| `date:20230531`, `date:2023-05-31` | published that day (`date:202305` a month, `date:2023` a year) |
| `date:[20230601 to 20230630]` | published in that range; `date:[20230601 to]` from a day on |
| `speaker:ring`, `speaker:ortiz` | with a quote attributed to that party (its id: amazon, ftc, `corroborate quotes --json` lists them) or said by that person (surname) |
| `quote:privacy` | with the word inside a quotation |
| `spun:yes`, `spun:no` | machine-spun (or not) by the provenance analysis (see `corroborate reuse`) |
| `copyof:001_b1dff317db399a56`, `copyof:reuters` | copied (syndicated, edited or spun) from that article (its id or file name) or from that outlet |
| `note:counsel`, `note:"ask counsel"`, `note:priv*` | with a note of yours (on a passage, quote, fact or copy pair in it) holding those words |

`spun:` and `copyof:` filter without changing the ranking. Their verdicts come from the corpus
analysis (the same one `corroborate reuse` prints and the window's badges show) and are written
into the index with each article, so the facets always count spun and unspun articles too; when
an added article turns another into a copy, that article's entry is written again.
`note:` filters the same way; it reads your notes as they are when you search (they are not
in the index), so a note just written or deleted counts at once.

A query with a mistake (an unclosed quotation mark or bracket, an unknown field, a date that
is not a date) is repaired as well as possible: you get a message saying what was wrong and
where, and the results of the repaired query. When nothing matches, a spelling suggestion
("did you mean") is offered from the words of the corpus.
"""
