"""Attribution rules on small news snippets written for these tests."""
from __future__ import annotations

import pytest

from quote_helpers import only_quote, quotes_in


def test_quote_then_speaker_then_cue() -> None:
    quote = only_quote("“We take privacy seriously,” Amazon said.")
    assert (quote.speaker, quote.cue, quote.entity, quote.kind, quote.rule) == (
        "Amazon", "said", "amazon", "direct", "quote-speaker-cue")
    assert quote.text == "We take privacy seriously,"


def test_quote_then_cue_then_person_with_appositive_party() -> None:
    text = ("“This is a serious violation,” said Samuel Levine, director of the FTC’s Bureau of Consumer "
            "Protection, in a statement.")
    quote = only_quote(text)
    assert (quote.speaker, quote.speaker_name, quote.entity, quote.rule) == (
        "Samuel Levine", "Samuel Levine", "ftc", "quote-cue-speaker")
    assert text[quote.speaker_start:quote.speaker_end] == "Samuel Levine"


def test_person_keeps_party_for_later_mentions_and_pronouns() -> None:
    found = quotes_in(
        "Jane Porter, a spokeswoman for Ring, declined to give details.\n\n"
        "“We fixed this years ago,” Porter said.\n\n"
        "Asked about refunds, she said customers would be “made whole.”")
    assert [(q.speaker_name, q.entity) for q in found] == [("Jane Porter", "ring"), ("Jane Porter", "ring")]


def test_inflections_of_cue_verbs() -> None:
    for verb in ("says", "told reporters", "added", "argues", "claimed", "alleged", "noted", "stated", "wrote",
                 "insisted", "warned", "contends", "acknowledged", "tweeted", "asked"):
        quote = only_quote(f"“It is over,” the FTC {verb}.")
        assert quote.entity == "ftc", verb


def test_according_to_after_a_partial_quote() -> None:
    quote = only_quote("The data was left “at risk of harm,” according to the FTC.")
    assert (quote.speaker, quote.entity, quote.kind, quote.rule) == ("the FTC", "ftc", "partial", "according-to")


def test_colon_introduction_in_the_same_paragraph() -> None:
    quote = only_quote("Amazon put it bluntly in a blog post: “We disagree with the FTC.”")
    assert quote.entity == "amazon" and quote.kind == "direct"


def test_colon_introduction_in_the_paragraph_before() -> None:
    quote = only_quote("In a statement, the Federal Trade Commission wrote:\n\n“Ring failed its customers.”")
    assert (quote.speaker, quote.entity, quote.rule) == ("the Federal Trade Commission", "ftc", "colon")


def test_split_quote_is_one_speaker_with_a_continuation() -> None:
    first, second = quotes_in("“We respect privacy,” the company’s founder said, “and always have.”\n\n"
                              "Amazon bought the firm in 2018.")
    assert first.kind == "direct" and second.kind == "continuation"
    assert second.rule == "split-quote" and first.speaker == second.speaker


def test_continuation_in_the_next_sentence_and_paragraph_inherits_the_speaker() -> None:
    found = quotes_in("“We disagree with the claims,” Ring said. “We acted promptly.”\n\n"
                      "“Our customers come first.”\n\nThe settlement is final.")
    assert [(q.kind, q.entity) for q in found] == [("direct", "ring"), ("continuation", "ring"),
                                                   ("continuation", "ring")]


def test_multi_paragraph_quote_keeps_its_attribution() -> None:
    quote = only_quote("The FTC said in its complaint:\n\n“Ring’s staff watched videos.\n\n"
                       "“Nobody stopped them for months.”")
    assert quote.entity == "ftc"
    assert quote.text.endswith("Nobody stopped them for months.")


def test_partial_quote_in_reported_speech_takes_the_subject_not_the_nearest_name() -> None:
    quote = only_quote("Ring argued that the FTC had “mischaracterized” its practices.")
    assert (quote.speaker, quote.entity, quote.kind) == ("Ring", "ring", "partial")


def test_participle_cue_takes_the_subject_of_the_clause_before() -> None:
    quote = only_quote("While Amazon disputed the FTC’s Alexa and Ring complaints, the company chose to settle, "
                       "adding that “this puts the matter behind us.”")
    assert (quote.speaker, quote.entity, quote.cue, quote.kind) == ("the company", "amazon", "adding", "partial")


def test_company_and_agency_resolve_to_the_most_recent_compatible_party() -> None:
    found = quotes_in("Amazon settled with the Federal Trade Commission on Wednesday.\n\n"
                      "“We disagree,” the company said.\n\n“Children deserve better,” the agency said.")
    assert [(q.speaker, q.speaker_name, q.entity) for q in found] == [
        ("the company", "Amazon", "amazon"), ("the agency", "Federal Trade Commission", "ftc")]


def test_pronoun_it_resolves_to_the_party_that_opened_the_clause() -> None:
    quote = only_quote("The e-commerce giant pushed back on the FTC’s claims. It said the case was “baseless.”")
    assert (quote.speaker, quote.entity) == ("It", "amazon")


def test_a_partys_statement_counts_as_the_party() -> None:
    quote = only_quote("The Ring statement also claims the FTC “ignores the many protections we have.”")
    assert (quote.speaker, quote.entity) == ("The Ring statement", "ring")


def test_unowned_complaint_belongs_to_the_party_that_filed_it() -> None:
    found = quotes_in("In a complaint filed Wednesday, the FTC says Ring was careless.\n\n"
                      "According to the complaint, one employee spied on users “for several months.”")
    assert [(q.speaker, q.entity) for q in found] == [("the complaint", "ftc")]


def test_scare_quotes_and_titles_get_no_speaker() -> None:
    found = quotes_in("Amazon was fined for allegedly “spying” on customers. Ring also makes the show "
                      "“Ring Nation” and sells “smart” doorbells.")
    assert [(q.text, q.kind, q.speaker, q.entity) for q in found] == [
        ("spying", "scare", None, None), ("Ring Nation", "title", None, None), ("smart", "scare", None, None)]


def test_speaker_outside_the_registry_speaks_for_the_organisation_their_appositive_names() -> None:
    quote = only_quote("“This is a wake-up call,” said Josh Golin, executive director of Fairplay.")
    assert (quote.speaker_name, quote.entity, quote.party_name) == ("Josh Golin", "fairplay", "Fairplay")


def test_relative_clause_speaker() -> None:
    quote = only_quote("The report was dismissed by their supervisor, who said it was just “a joke.”")
    assert (quote.speaker, quote.entity) == ("their supervisor", None)


def test_spun_article_style_with_straight_quotes_and_odd_words() -> None:
    quote = only_quote('The regulation "does not let companies support information everlastingly," Samuel Levine, '
                       "manager of the FTC's Bureau of Consumer Protection, said successful a statement.")
    assert (quote.speaker, quote.entity) == ("Samuel Levine", "ftc")


def test_nouns_that_look_like_cues_are_not_cues() -> None:
    quote = only_quote("Ring said in a blog post that it had fixed the issues “long before the inquiry.”")
    assert (quote.speaker, quote.entity) == ("Ring", "ring")


@pytest.mark.parametrize("text", [
    "It was the ’90s, and Jones' company didn’t care.",
    "The users' videos and the company's ’80s-era servers.",
])
def test_text_without_quotes_gives_none(text: str) -> None:
    assert quotes_in(text) == []


def test_every_quote_is_a_span_of_the_article_text() -> None:
    from quote_helpers import article_from
    from reader.quotes.finder import find_quotes

    article = article_from("“A,” she said, “b c.”\n\nAmazon said: 'We disagree.'")
    for quote in find_quotes(article):
        assert article.text[quote.start:quote.end] == quote.text
        if quote.speaker is not None:
            assert article.text[quote.speaker_start:quote.speaker_end] == quote.speaker
        assert 0 < quote.confidence <= 1


def test_titled_person_is_learned_and_followed_by_pronouns() -> None:
    quote = only_quote("The FTC voted 3-0. Commissioner Alvaro Bedoya went further.\n\n"
                       "In a statement, he warned that “machine learning is no excuse.”")
    assert (quote.speaker, quote.speaker_name, quote.entity) == ("he", "Alvaro Bedoya", "ftc")


def test_appositive_naming_the_agency_generically() -> None:
    found = quotes_in("The Federal Trade Commission sued on Wednesday. Lina Khan, the agency's chair, spoke later. "
                      "“Data is not a resource to be mined,” Khan said.")
    assert [(q.speaker_name, q.entity) for q in found] == [("Lina Khan", "ftc")]


def test_headline_quotes_are_speech_not_titles() -> None:
    quote = only_quote("Amazon Settles Privacy Cases as FTC Calls Practices 'Unlawful'\n\nAmazon agreed to pay.")
    assert (quote.text, quote.entity, quote.kind) == ("Unlawful", "ftc", "partial")


def test_calls_for_is_not_a_speech_cue() -> None:
    quote = only_quote("The order calls for Ring to delete videos, a step advocates described as “overdue.”")
    assert quote.speaker == "advocates" and quote.entity is None


def test_british_single_quotes_with_an_apostrophe_inside() -> None:
    quote = only_quote("The FTC fined Ring. 'Ring's disregard for privacy exposed consumers,' the regulator said.")
    assert quote.text == "Ring's disregard for privacy exposed consumers,"
    assert quote.entity == "ftc"


def test_a_statement_that_reads() -> None:
    found = quotes_in("Amazon declined to comment. A statement from Ring said the company acted fast.\n\n"
                      "“Our goal is to protect customers,” the statement read.")
    assert [(q.speaker, q.entity) for q in found] == [("the statement", "ring")]


def test_surname_with_appositive_then_pronoun() -> None:
    quote = only_quote("Levine, the FTC's consumer protection chief, said the message was clear. "
                       "“Nobody is above the law,” he said.")
    assert (quote.speaker_name, quote.entity) == ("Levine", "ftc")


def test_possessive_party_before_a_name() -> None:
    quote = only_quote("The FTC's Samuel Levine said the case mattered. “Customers trusted Ring,” he said.")
    assert (quote.speaker_name, quote.entity) == ("Samuel Levine", "ftc")


def test_previous_speaker_is_the_most_salient_company() -> None:
    found = quotes_in("“We changed our practices,” said Ring, which Amazon bought in 2018.\n\n"
                      "The company told reporters it “disagrees with the FTC.”")
    assert [q.entity for q in found] == ["ring", "ring"]


def test_person_without_a_party_is_still_followed_by_she() -> None:
    quote = only_quote("Dana Whitfield, a mother of two in Tacoma, said she was shocked. “Delete means delete,” she said.")
    assert (quote.speaker, quote.speaker_name, quote.entity) == ("she", "Dana Whitfield", "person:whitfield")


def test_unowned_complaint_falls_back_to_the_agency_in_the_story() -> None:
    quote = only_quote("The FTC sued Ring. Regulators said the misconduct went on for months. "
                       "“No one was watching,” the complaint said.")
    assert quote.entity == "ftc"


def test_according_to_a_partys_statement() -> None:
    quote = only_quote("Ring ignored its own rules, “putting customers at risk,” according to a statement from the FTC.")
    assert (quote.speaker, quote.entity) == ("a statement from the FTC", "ftc")


def test_former_staff_and_employees_do_not_speak_for_the_party() -> None:
    found = quotes_in("“Nobody checked,” a former Ring engineer said.\n\n“It was chaos,” one Amazon employee said.")
    assert [(q.speaker, q.entity) for q in found] == [("a former Ring engineer", None), ("one Amazon employee", None)]


def test_partial_quote_with_the_speaker_after_a_comma() -> None:
    quote = only_quote("Amazon “strongly disagrees” with the FTC, a spokesperson said.")
    assert (quote.speaker, quote.entity, quote.kind) == ("a spokesperson", "amazon", "partial")


def test_long_appositive_falls_back_to_the_pronoun_after_the_cue() -> None:
    quote = only_quote("Ring — which Amazon bought in 2018 — said it had “fixed the problems years ago.”")
    assert quote.entity == "ring"


def test_a_party_the_researcher_added_is_found_and_resolved() -> None:
    from reader.paths import config_dir

    user = config_dir() / "speakers.toml"
    user.parent.mkdir(parents=True, exist_ok=True)
    user.write_text('[parties.meta]\nname = "Meta"\nkind = "company"\naliases = ["Meta", "Meta Platforms"]\n',
                    encoding="utf-8")
    found = quotes_in("Meta Platforms was fined on Monday.\n\n“We will appeal,” the company said.")
    assert [(q.speaker, q.speaker_name, q.entity) for q in found] == [("the company", "Meta", "meta")]


def test_as_someone_put_it() -> None:
    quote = only_quote("The FTC's Lina Khan spoke on Wednesday. As Khan put it, “the law is clear.”")
    assert (quote.speaker, quote.entity) == ("Khan", "ftc")
    assert quotes_in("Amazon put in place “strong controls” years ago.")[0].speaker is None


def test_part_of_a_document_speaks_for_its_issuer() -> None:
    found = quotes_in("“More than 50,000 customers were attacked,” part of the FTC’s complaint reads. "
                      "“Hackers saw their bedrooms.”")
    assert [(q.speaker, q.entity, q.kind) for q in found] == [
        ("part of the FTC’s complaint", "ftc", "direct"), ("part of the FTC’s complaint", "ftc", "continuation")]


def test_quote_after_a_sentence_naming_the_speaker() -> None:
    quote = only_quote("Amazon settled both cases.\n\nThe e-commerce giant denies violating the law. "
                       "“These settlements put the matters behind us.”")
    assert (quote.entity, quote.rule) == ("amazon", "sentence-before")


def test_quote_after_an_unrelated_sentence_stays_unattributed() -> None:
    quote = only_quote("The settlement was filed in Seattle. “Privacy is not optional.”")
    assert quote.entity is None and quote.speaker is None


def test_relative_that_points_back_to_the_document() -> None:
    found = quotes_in("“Ring fixed this years ago,” an Amazon spokesperson said.\n\n"
                      "Ring published a blog post that claimed the FTC complaint “mischaracterizes our practices” "
                      "and “ignores the many protections we have.”")
    assert [(q.speaker, q.entity) for q in found] == [
        ("an Amazon spokesperson", "amazon"), ("a blog post", "ring"), ("a blog post", "ring")]


def test_company_statement_belongs_to_the_company_in_the_story() -> None:
    found = quotes_in("The FTC sued Amazon on Wednesday. Amazon denied violating the law. "
                      "“We built Alexa with privacy in mind,” a company statement said.")
    assert [(q.speaker, q.entity) for q in found] == [("a company statement", "amazon")]


def test_headline_colon_names_the_speaker() -> None:
    quote = only_quote("FTC: Ring spying could occur “entirely undetected”\n\nThe agency filed its complaint.")
    assert (quote.speaker, quote.entity) == ("FTC", "ftc")


def test_compound_title_before_the_name_and_company_titles() -> None:
    quote = only_quote("Amazon held its hardware event on Wednesday. “We invest in privacy,” devices and services "
                       "chief Dana Kowalski told the crowd.")
    assert (quote.speaker, quote.speaker_name, quote.entity) == (
        "devices and services chief Dana Kowalski", "Dana Kowalski", "amazon")


def test_unlisted_nouns_in_a_determined_subject() -> None:
    quote = only_quote("An Amazon job posting described the role as, “Every day she listens to thousands of people.”")
    assert (quote.speaker, quote.entity) == ("An Amazon job posting", "amazon")


def test_conjunction_and_pronoun_after_a_quote_are_not_its_speaker() -> None:
    quote = only_quote("The company claims to fear losing those who “will not shop without privacy,” yet it insists "
                       "on keeping recordings.")
    assert (quote.speaker, quote.cue) == ("The company", "claims")
