"""Parties found in the articles themselves, and joined across a corpus (`reader.quotes.parties`).

Every article here is written for the test, in the shapes real coverage shows."""
from __future__ import annotations

from pathlib import Path

from reader.quotes.finder import find_quotes
from reader.quotes.parties import discover_parties
from reader.quotes.speakers import current_registry
from tests.quote_helpers import article_from, only_quote, quotes_in


def test_complaint_quoted_with_it_said_speaks_for_the_agency_that_filed_it() -> None:
    found = quotes_in("The FTC filed a complaint against Ring on Wednesday. The complaint says Ring let staff view "
                      "customer videos. “Ring’s lax practices put customers at risk,” it said.")
    assert [(q.speaker, q.entity) for q in found] == [("it", "ftc")]


def test_sentence_opening_clause_is_not_the_speaker() -> None:
    quote = only_quote("Following a settlement with the FTC in 2023, Ring defended itself to customers in a "
                       "statement: “We take privacy seriously and always have.”")
    assert (quote.speaker_name, quote.entity) == ("Ring", "ring")


def test_misspelt_agency_resolves_to_it_when_the_article_names_it() -> None:
    quote = only_quote("The FTC said Ring broke the law. “Ring failed its customers,” said FCT consumer protection "
                       "chief Maria Lopez.")
    assert (quote.speaker_name, quote.entity) == ("Maria Lopez", "ftc")


def test_statement_emailed_by_a_spokesperson_speaks_for_the_company() -> None:
    found = quotes_in("Harbor Foods Inc. recalled 40,000 jars of salsa on Friday. “We acted as soon as we learned of the "
                      "problem,” a spokesperson emailed.")
    assert [q.entity for q in found] == ["harbor-foods"]


def test_ruling_speaks_for_the_court_that_issued_it() -> None:
    found = quotes_in("The U.S. District Court for the District of Columbia ruled against the company on Monday. "
                      "“The company acted unlawfully to keep its monopoly,” the ruling said.")
    assert [q.party_kind for q in found] == ["court"]


def test_person_tied_in_one_article_speaks_for_that_party_in_another() -> None:
    first = article_from("The National Transportation Safety Board (NTSB) opened an inquiry. “We will find the "
                         "cause,” NTSB chair Jennifer Homendy said.", "a.txt")
    second = article_from("Investigators met on Sunday. “Every bolt will be checked,” Jennifer Homendy said.",
                          "b.txt")
    registry = current_registry()
    by_article = {article.id: find_quotes(article, registry) for article in (first, second)}
    assert by_article["b.txt"][0].entity == "person:homendy"
    book = discover_parties(by_article, registry)
    assert [q.entity for q in book.settle(by_article["b.txt"])] == ["ntsb"]
    assert book.party("ntsb").name == "National Transportation Safety Board"


def test_acronym_and_full_name_in_different_articles_are_one_party() -> None:
    registry = current_registry()
    first = article_from("“The jets stay grounded,” the Federal Aviation Administration said.", "a.txt")
    second = article_from("“Inspections start today,” the FAA said.", "b.txt")
    assert [find_quotes(a, registry)[0].entity for a in (first, second)] == ["faa", "faa"]


def test_every_party_gets_a_look_of_its_own_and_keeps_it() -> None:
    registry = current_registry()
    articles = [article_from(f"“Point number {n} stands,” said {name}.", f"{n}.txt")
                for n, name in enumerate(["Ada Byron", "Alan Moor", "Grace Hopp", "Edsger Dijk", "Barbara Lisk",
                                          "Ken Thom", "Dennis Ritch", "Niklaus Wirt", "John Back"])]
    by_article = {article.id: find_quotes(article, registry) for article in articles}
    book = discover_parties(by_article, registry)
    looks = [book.style(party.id) for party in book.parties]
    assert len(book.parties) == 9 and len(set(looks)) == 9
    again = discover_parties(dict(reversed(list(by_article.items()))), registry)
    assert [again.style(party.id) for party in book.parties] == looks


def test_he_said_follows_the_last_person_named_in_full() -> None:
    quote = only_quote("Governor Ana Ruiz has criticised the plan for weeks. Town leaders met on Monday. "
                       "“It will not stand,” she said.")
    assert (quote.speaker_name, quote.entity) == ("Ana Ruiz", "person:ruiz")


def test_filing_made_with_a_regulator_speaks_for_the_company_that_filed_it() -> None:
    found = quotes_in("Harbor Foods Inc. agreed to settle the lawsuit, according to a filing with the Securities "
                      "and Exchange Commission. The filing says the deal “contains no admission of fault.”")
    assert [q.entity for q in found] == ["harbor-foods"]


def test_speaker_search_finds_a_person_and_a_party_with_facet_counts() -> None:
    from index import CorpusIndex
    from reader.analysis.pipeline import analyse_corpus
    from reader.articles.corpus import load_corpus

    folder = Path(__file__).parent / "data" / "council"
    analysis = analyse_corpus(load_corpus([folder]).articles, with_facts=False)
    council = CorpusIndex.update([folder], analysis)
    results = council.search("speaker:ortiz")
    assert sorted(hit.id for hit in results.hits) == ["council.txt", "council_2.txt"]
    party = council.search("speaker:rta")
    assert party.total == 2 and party.facets["speaker"]["rta"] == 2 and party.facets["speaker"]["ortiz"] == 2


def test_title_then_name_in_apposition_names_the_person_and_the_title_the_party() -> None:
    found = quotes_in("The Coastal Water Authority closed two beaches on Sunday. “Nobody swims until the tests "
                      "are clean,” the agency’s director, Paula Mendes, said in a statement. Harbor Foods Inc. "
                      "denied any spill. Harbor Foods’s chief safety officer, Omar Reyes, acknowledged that a valve "
                      "had “failed for a short while.”")
    assert [(q.speaker_name, q.entity) for q in found] == [("Paula Mendes", "cwa"), ("Omar Reyes", "harbor-foods")]


def test_regulator_that_found_a_failure_speaks_the_quoted_finding() -> None:
    quote = only_quote("The Nordic Energy Agency (NEA) has examined Volt Grid since March. It found that the "
                       "company failed to “keep customers informed about outages.”")
    assert quote.entity == "nea"
    assert [q.speaker for q in quotes_in("Inspectors found a crack in the “main beam of the old bridge” on "
                                         "Monday.")] == [None]


def test_subject_past_a_bracketed_abbreviation_and_a_which_clause_is_the_speaker() -> None:
    quote = only_quote("The Danish Food Inspection Board (DFB), which acts for the ministry, said the European "
                       "Safety Panel had ordered the board to “recall every jar at once”.")
    assert (quote.speaker_name, quote.entity) == ("Danish Food Inspection Board", "dfb")


def test_ruling_with_no_court_named_speaks_for_the_judge_who_wrote_it() -> None:
    found = quotes_in("Judge Carla Okafor sided with the union on Tuesday. Rail Freight Inc. plans to appeal.\n\n"
                      "The firm “broke its own contract for years,” the ruling said.\n\n"
                      "Okafor’s opinion was blunt.\n\n“No reading of the contract allows this.”")
    assert [(q.speaker_name, q.entity) for q in found] == [("Carla Okafor", "person:okafor")] * 2


def test_company_abbreviation_before_a_comma_does_not_end_the_sentence() -> None:
    quote = only_quote("It was a loss for Harbor Foods and its owner, Delta Holdings Inc., which had argued that "
                       "the recall “went further than the law asks”.")
    assert quote.speaker_name == "Delta Holdings Inc."


def test_document_with_a_qualifier_before_the_cue_speaks_for_its_issuer() -> None:
    quote = only_quote("Harbor Foods Inc. settled the case in June.\n\n“The company admits no fault in the matter,” "
                       "a statement attached to the court filing said.")
    assert (quote.speaker, quote.entity) == ("a statement", "harbor-foods")


def test_first_of_two_speakers_joined_by_and_is_the_speaker() -> None:
    quote = only_quote("Meridian Bank was fined on Monday.\n\n“We will appeal this at once,” Dana Whitfield, Meridian "
                       "Bank’s head of policy, and general counsel Marcus Bell said in a statement.")
    assert (quote.speaker_name, quote.entity) == ("Dana Whitfield", "meridian-bank")


def test_second_cue_joined_by_but_shares_the_first_cues_speaker() -> None:
    quote = only_quote("The FAA approved the plan. Meridian Bank said it expects approval soon but warned that the "
                       "deal could slip “by many months.”")
    assert (quote.speaker, quote.entity) == ("Meridian Bank", "meridian-bank")


def test_chief_executive_spinning_a_deal_in_a_company_post_speaks_for_the_company() -> None:
    found = quotes_in("The regulator fined the app maker on Monday.\n\nIn a Lumio post, CEO Rita Vance spun the "
                      "fine as proof of “a fresh start for privacy” at the firm.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Rita Vance", "lumio")]


def test_the_agency_writing_in_the_report_is_the_agency_that_issued_it() -> None:
    found = quotes_in("The Marine Safety Board released its report on Tuesday. Days later the Coastal Water "
                      "Authority said the harbour was “open again to all boats.”\n\nThe agency wrote in the "
                      "report, “the hull was cracked before the ferry left port.”")
    assert [q.entity for q in found] == ["cwa", "msb"]


def test_regulators_in_a_lede_are_the_regulator_named_further_down() -> None:
    found = quotes_in("Port Fined Over Spill\n\nThe spill was “large and avoidable,” regulators said.\n\n"
                      "The Coastal Water Authority fined the port on Friday.")
    assert [q.entity for q in found] == ["cwa"]


def test_quote_left_open_that_ends_on_said_is_read_as_narration_for_the_next_quote() -> None:
    found = quotes_in("“The fine is the largest we have set,” said Chair Ana Ruiz of the Coastal Water Authority. "
                      "“It should change how ports work.\n“Harbor note posted on Friday, port chief Omar Reyes said, "
                      "“We accept the fine and will pay it.”")
    assert found[-1].speaker_name == "Omar Reyes" and found[-1].rule == "cue-before"


def test_parent_company_argues_the_companys_side() -> None:
    found = quotes_in("Lumio Labs said it would appeal. The ruling was a blow to Lumio Labs and its parent company, "
                      "Northgate Holdings, which had argued that the app “never sold a single record”.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Northgate Holdings", "lumio-labs")]


def test_copy_that_names_no_speaker_takes_the_attribution_other_articles_agree_on() -> None:
    registry = current_registry()
    wire = article_from("“As the audit shows, the port’s owner hid its spills for years,” Coastal Water Authority "
                        "Chair Ana Ruiz said.", "wire.txt")
    spun = article_from("The port was fined. “As the audit shows, the port owner hid its spills for a decade,” the "
                        "official said. “Every fine will be collected.”", "spun.txt")
    by_article = {article.id: find_quotes(article, registry) for article in (wire, spun)}
    assert [q.entity for q in by_article["spun.txt"]] == [None, None]
    book = discover_parties(by_article, registry)
    assert [(q.speaker_name, q.entity, q.rule) for q in book.settle(by_article["spun.txt"])] == [
        ("Ana Ruiz", "cwa", "shared-quote")] * 2


def test_former_chief_executive_does_not_speak_for_the_company() -> None:
    quote = only_quote("Lumio Labs said it would appeal. The former CEO Rita Vance spoke to reporters on Monday. "
                       "“The fine was long overdue,” Vance said.")
    assert (quote.speaker_name, quote.entity) == ("Rita Vance", "person:vance")


def test_company_named_only_by_what_it_is_speaks_through_its_spokesperson() -> None:
    quote = only_quote("Streaming giant Vantoo will pay $12 million to settle the claims. Vantoo tracked viewers "
                       "for years, the states alleged. “We changed those settings long ago,” company spokesperson "
                       "Priya Nair said.")
    assert (quote.speaker_name, quote.entity) == ("Priya Nair", "vantoo")


def test_investigation_that_found_its_object_quoted_speaks_for_the_agency_that_ran_it() -> None:
    found = quotes_in("The Coastal Water Authority fined Harbor Foods on Friday. The investigation into the spill "
                      "found the company “ignored its own safety checks for years.” Investigators found the plant "
                      "“poorly run from top to bottom.”")
    assert [(q.speaker_name, q.entity, q.rule) for q in found] == [
        ("Coastal Water Authority", "cwa", "cue-before"), ("Investigators", "cwa", "cue-before")]



def test_spokesperson_of_a_company_named_in_two_words_speaks_for_it() -> None:
    found = quotes_in("The Coastal Water Authority fined the port on Friday. Asked about the fine, a Harbor Line "
                      "spokesperson said: “We will pay it and move on.”")
    assert [(q.speaker_name, q.entity) for q in found] == [("Harbor Line", "harbor-line")]


def test_chief_executive_of_another_organisation_named_before_the_title_is_not_the_companys() -> None:
    found = quotes_in("Lumio Labs will pay the fine. Lumio executives declined to comment. Fair Markets President "
                      "and CEO Dana Kell said the fine was too small. “Banks will not change until people "
                      "pay,” she said.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Dana Kell", "fair-markets")]


def test_cue_joined_by_and_inside_a_relative_clause_speaks_for_its_antecedent() -> None:
    found = quotes_in("The Coastal Water Authority fined Lumio Labs on Friday. Lumio Labs put out a letter which "
                      "answers the fine and repeats its “steady progress in fixing the plant over three years.”")
    assert [(q.speaker_name, q.entity) for q in found] == [("Lumio Labs", "lumio-labs")]


def test_capitalised_page_chrome_is_not_an_organisation() -> None:
    found = quotes_in("The Coastal Water Authority fined the port on Friday.\n\nALSO READ | Ports Brace For Audits\n\n"
                      "It also criticised what it called “a culture of looking away” at the port.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Coastal Water Authority", "cwa")]


def test_safety_alert_speaks_for_the_agency_even_when_its_abbreviation_carries_the_country() -> None:
    found = quotes_in("The U.S. Consumer Product Safety Commission (CPSC) acted on Wednesday. Its USCPSC alert put "
                      "it plainly: “Children can be pulled under the rear of the machine.”\n\nThe same alert warns "
                      "that Acme “logged 40 complaints about injuries to children.” Another alert says Acme saw 12 "
                      "reports of screens coming loose and “minor cuts and bruises” in Canada.")
    assert [q.entity for q in found] == ["cpsc"] * 3


def test_number_before_a_cue_word_makes_it_a_noun() -> None:
    quote = only_quote("The FTC says Acme logged 9 reports of “cuts, bruises and broken bones” this year.")
    assert (quote.speaker_name, quote.entity) == ("Federal Trade Commission", "ftc")


def test_title_word_read_into_a_name_is_dropped() -> None:
    quote = only_quote("Acme Interactive Inc recalled the rowing machines. Acme Chief Executive Officer Ann Lee "
                       "apologised. “We should have acted sooner,” Lee said.")
    assert quote.speaker_name == "Ann Lee"


def test_company_misspelt_by_one_outlet_is_the_same_party() -> None:
    registry = current_registry()
    first = article_from("“We acted quickly,” Treadwell said. “Owners will get refunds,” Treadwell added.",
                         "a.txt")
    second = article_from("“Every machine will be fixed,” Traedwell said on Monday.", "b.txt")
    by_article = {article.id: find_quotes(article, registry) for article in (first, second)}
    book = discover_parties(by_article, registry)
    assert [q.entity for q in book.settle(by_article["b.txt"])] == ["treadwell"]


def test_company_spokesperson_speaks_for_the_company_not_the_party_that_spoke_last() -> None:
    found = quotes_in("Brightpath Labs settled with the Federal Trade Commission on Tuesday. “The company misled "
                      "patients,” the FTC said. “We have changed how we share data,” company spokesperson Lena Marsh "
                      "said.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Federal Trade Commission", "ftc"),
                                                          ("Lena Marsh", "brightpath-labs")]
