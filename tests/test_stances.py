"""Stance rules on short made-up sentences, one cue family per test."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from actorgraph import stances as S
from actorgraph.rules import vocab as V
from actorgraph.statements import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def found(nlp, text: str) -> set[tuple[str, str, str]]:
    doc = nlp(text)
    return {(s.source_actor.name, "+" if s.sign > 0 else "-", s.target_actor.name) for s in doc._.stances}


def stances(nlp, text: str) -> list[S.Stance]:
    return nlp(text)._.stances


# ------------------------------------------------------------------ vocabulary


def test_relation_vocabulary_is_closed_and_signed():
    assert set(S.RELATIONS.values()) == {1, -1}
    used = {r for slots in V.VERB_CUES.values() for r in slots.values()}
    used |= {r for preps in V.NOUN_CUES.values() for r in preps.values()}
    used |= {r for preps in V.ADJ_CUES.values() for r in preps.values()}
    used |= {r for r, _, _ in V.RELATIONAL_NOUNS.values()} | set(V.HYPHEN_CUES.values())
    assert used <= set(S.RELATIONS)
    for rel in S.RELATIONS:  # every relation is documented in the module docstring
        assert f"\n{rel} " in S.__doc__


# ------------------------------------------------------------------ verbs


def test_direct_verb_opposes_and_supports(nlp):
    got = stances(nlp, "Germany condemned Iran on Tuesday.")
    assert [(s.source_actor.name, s.sign, s.target_actor.name, s.relation) for s in got] == [
        ("Germany", -1, "Iran", "condemns")
    ]
    assert found(nlp, "France strongly supports Ukraine.") == {("France", "+", "Ukraine")}


def test_passive_with_agent(nlp):
    assert ("Iran", "+", "Houthis") in found(nlp, "The Houthis are backed by Iran.")
    # a relative clause under a speech verb: "which X says are backed by Y"
    assert ("Rwanda", "+", "M23") in found(nlp, "The M23 rebels, which Uganda says are backed by Rwanda, took Goma.")


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Turkey sided with Azerbaijan in the dispute.", ("Turkey", "+", "Azerbaijan")),
        ("Poland will stand with Ukraine.", ("Poland", "+", "Ukraine")),
        ("Hezbollah has long fought against Israel.", ("Hezbollah", "-", "Israel")),
        ("China warned Japan against further provocations.", ("China", "-", "Japan")),
        ("Egypt agreed with Jordan on the plan.", ("Egypt", "+", "Jordan")),
        ("Kenya will cooperate with Ethiopia.", ("Kenya", "+", "Ethiopia")),
    ],
)
def test_prepositional_objects(nlp, text, triple):
    assert triple in found(nlp, text)


def test_xcomp_chain_carries_the_subject(nlp):
    assert found(nlp, "Russia wants to protect Syria.") == {("Russia", "+", "Syria")}
    assert ("Egypt", "+", "Sudan") in found(nlp, "Egypt is offering to help Sudan.")
    assert ("Brazil", "+", "Argentina") in found(nlp, "Brazil agreed to vote for Argentina.")


def test_conjoined_verbs_share_the_subject(nlp):
    got = found(nlp, "Israel attacked Hamas and condemned Hezbollah.")
    assert {("Israel", "-", "Hamas"), ("Israel", "-", "Hezbollah")} <= got


def test_a_list_parsed_as_an_apposition_is_still_a_joint_subject(nlp):
    got = found(nlp, "Chad, Sierra Leone and Gabon condemned Eritrea.")
    assert {("Chad", "-", "Eritrea"), ("Sierra Leone", "-", "Eritrea"), ("Gabon", "-", "Eritrea")} <= got


def test_conjoined_objects_and_subjects_each_get_the_stance(nlp):
    assert {("Germany", "-", "Iran"), ("Germany", "-", "Syria")} <= found(nlp, "Germany criticised Iran and Syria.")
    assert {("France", "-", "Iran"), ("Germany", "-", "Iran")} <= found(nlp, "France and Germany condemned Iran.")


# ------------------------------------------------------------------ joint subjects, reciprocals


def test_joint_cooperation_gives_both_directions_agreeing_to_something_none(nlp):
    got = found(nlp, "Japan and India cooperated closely on the motion.")
    assert {("Japan", "+", "India"), ("India", "+", "Japan")} <= got
    # "agree" was dropped as a joint cue: right 4 times in 14 over the visible sets
    assert not {("Japan", "+", "India"), ("India", "+", "Japan")} & found(nlp, "Japan and India both agreed to meet again in May.")


def test_working_together(nlp):
    got = found(nlp, "Paris and Berlin were able to work together on the issue.")
    assert {("France", "+", "Germany"), ("Germany", "+", "France")} <= got


def test_each_other(nlp):
    got = found(nlp, "Armenia and Azerbaijan accused each other of violations.")
    assert {("Armenia", "-", "Azerbaijan"), ("Azerbaijan", "-", "Armenia")} <= got


def test_headline_verbs_and_pairs_the_parser_misreads(nlp):
    got = found(nlp, "Kenya, Somalia restore diplomatic ties.")  # two names hung on the verb separately
    assert {("Kenya", "+", "Somalia"), ("Somalia", "+", "Kenya")} <= got
    got = found(nlp, "Egypt, Turkey hold first joint naval drills in decade.")
    assert {("Egypt", "+", "Turkey"), ("Turkey", "+", "Egypt")} <= got
    assert ("Niger", "-", "Benin") in found(nlp, "Niger summons Benin envoy over border closure.")  # NNS verb
    assert not found(nlp, "Kenya, Somalia did not restore diplomatic ties.")
    assert not found(nlp, "Niger's summons to the Benin envoy was delayed.")


def test_striking_a_deal_is_no_strike_and_an_accord_with_is_cooperation(nlp):
    assert not any(sg == "-" for _, sg, _ in found(nlp, "Iran struck a nuclear deal with Oman in 2015."))
    assert ("Chad", "+", "France") in found(nlp, "Chad signed a defence accord with France.")


def test_joint_subject_pledging_cooperation_or_mending_ties(nlp):
    got = found(nlp, "Ghana and Togo pledged closer cooperation.")
    assert {("Ghana", "+", "Togo"), ("Togo", "+", "Ghana")} <= got
    got = found(nlp, "Peru and Ecuador mended relations after the border war.")
    assert {("Peru", "+", "Ecuador"), ("Ecuador", "+", "Peru")} <= got
    assert ("Kenya", "+", "Tanzania") in found(nlp, "Kenya mended ties with Tanzania.")
    assert not found(nlp, "Ghana and Togo did not discuss cooperation.")
    assert ("Georgia", "+", "European Union") in found(nlp, "Georgia is courting the European Union.")


def test_downing_a_jet_and_hosting_talks(nlp):
    assert ("Turkey", "-", "Syria") in found(nlp, "Turkey downed a Syrian jet.")
    # hosting talks or a summit is no stance on the parties
    assert not found(nlp, "Turkey hosted talks between Russia and Ukraine.")


def test_an_attack_carried_out_by_someone_is_theirs(nlp):
    got = found(nlp, "The strikes on Houthi targets were carried out by France and Italy.")
    assert {("France", "-", "Houthis"), ("Italy", "-", "Houthis")} <= got
    assert ("Hezbollah", "-", "Israel") in found(nlp, "The attack on the Israeli base was claimed by Hezbollah.")


def test_a_demonym_on_an_attack_noun_is_the_attacker(nlp):
    got = found(nlp, "Egypt condemned the Israeli strike on Beirut.")
    assert {("Egypt", "-", "Israel"), ("Israel", "-", "Lebanon")} <= got
    assert ("Russia", "-", "Georgia") in found(nlp, "The Russian invasion of Georgia began in 2008.")


def test_between_phrase_and_joint_activity(nlp):
    got = found(nlp, "The ministers discussed the joint military drills between Japan and Australia.")
    assert {("Japan", "+", "Australia"), ("Australia", "+", "Japan")} <= got
    got = found(nlp, "Tokyo and Canberra held their first joint coast guard drills on Friday.")
    assert {("Japan", "+", "Australia"), ("Australia", "+", "Japan")} <= got
    got = found(nlp, "Observers reported renewed fighting between Sudan and Chad.")
    assert {("Sudan", "-", "Chad"), ("Chad", "-", "Sudan")} <= got


# ------------------------------------------------------------------ noun forms


def test_possessive_support_noun(nlp):
    assert ("Russia", "+", "Syria") in found(nlp, "Russia's support for Syria is well known.")


def test_hyphenated_backing(nlp):
    got = stances(nlp, "Iran-backed Houthis attacked the ship.")
    assert [(s.source_actor.name, s.relation, s.target_actor.name) for s in got] == [("Iran", "aids", "Houthis")]


def test_ally_nouns(nlp):
    got = found(nlp, "Hamas ally Hezbollah fired rockets.")
    assert {("Hezbollah", "+", "Hamas"), ("Hamas", "+", "Hezbollah")} <= got
    got = found(nlp, "Azerbaijan suggested that its ally Turkey should take part in the talks.")
    assert ("Azerbaijan", "+", "Turkey") in got
    assert ("Latvia", "+", "Ukraine") in found(nlp, "Latvia has become one of Kyiv's staunchest allies.")
    assert ("Norway", "+", "Ukraine") in found(nlp, "Norway is Ukraine's third-largest donor.")
    assert found(nlp, "Norway is one of the world's largest oil producers.") == set()
    # the ally noun is itself the actor's name
    assert ("West", "+", "Ukraine") in found(nlp, "Kyiv's Western backers pledged more aid.")


def test_described_as_enemy(nlp):
    got = found(nlp, "Iran described Israel as an enemy.")
    assert ("Iran", "-", "Israel") in got
    assert ("Israel", "-", "Iran") not in got


def test_a_war_in_a_place_is_no_stance_of_whoever_discusses_it(nlp):
    # ("X's war in Y" as *attacks* was dropped: 0 right of 3 on the visible sets)
    assert found(nlp, "The African Union discussed the war in Sudan.") == set()


def test_held_places_belong_to_the_holder_but_backed_clients_are_their_own(nlp):
    assert ("Israel", "-", "Houthis") in found(nlp, "Israel struck the Houthi-held port of Hodeidah.")
    assert ("Iran", "-", "Jordan") not in found(nlp, "Iran-backed militias attacked a base in Jordan.")
    assert ("Sudan", "-", "Rapid Support Forces") in found(nlp, "Sudan's army retook the palace from the RSF.")
    assert ("Russia", "-", "Ukraine") in found(nlp, "Russia hits Ukraine with its biggest drone attack.")


def test_fight_against_and_sanctions(nlp):
    assert ("Jordan", "-", "Islamic State") in found(nlp, "Jordan joined the fight against the Islamic State.")
    assert ("European Union", "-", "Belarus") in found(nlp, "The European Union imposed sanctions on Belarus.")


def test_sanctions_slapped_on_and_lifted(nlp):
    assert found(nlp, "Turkey slapped sanctions on Israel.") == {("Turkey", "-", "Israel")}  # no slap-attack
    # lifting, unfreezing, or not cutting is no stance
    assert not found(nlp, "India lifted tariffs on Turkey.")
    assert not found(nlp, "Japan unfroze Iran's assets.")
    assert not found(nlp, "Norway did not halt arms exports to Turkey.")


def test_ties_and_rows(nlp):
    assert ("Mali", "-", "France") in found(nlp, "Mali severed diplomatic ties with France.")
    assert ("Mali", "+", "Russia") in found(nlp, "Mali began building closer ties with Russia.")
    got = found(nlp, "Mali is at the heart of a row with France.")
    assert {("Mali", "-", "France"), ("France", "-", "Mali")} <= got


def test_ties_of_a_joint_subject_and_broken_pacts(nlp):
    got = found(nlp, "Egypt and Turkey restored diplomatic relations last year.")
    assert {("Egypt", "+", "Turkey"), ("Turkey", "+", "Egypt")} <= got
    got = found(nlp, "Bahrain and Qatar severed ties in 2017.")
    assert {("Bahrain", "-", "Qatar"), ("Qatar", "-", "Bahrain")} <= got
    # a broken pact named by its noun reads nothing since noun.broken was dropped (one visible article)
    assert not found(nlp, "Chad's military rulers revoked a defence accord with France.")
    assert ("Japan", "-", "China") in found(nlp, "Japan suspended its security cooperation with China.")


def test_arrest_warrant_for_someone(nlp):
    assert ("International Criminal Court", "-", "Omar Haddad") in found(
        nlp, "The ICC issued an arrest warrant for Omar Haddad.")


def test_received_stances_are_not_read(nlp):
    # ("X drew criticism / won the backing of Y" was dropped: right once in 4 on the visible sets)
    assert not found(nlp, "The Houthis denied receiving weapons from Iran.")


def test_generic_against_and_challengers(nlp):
    got = found(nlp, "Kenya filed a complaint against Uganda.")
    assert ("Kenya", "-", "Uganda") in got
    got = found(nlp, "Nikki Haley, a challenger to Donald Trump, spoke on Monday.")
    assert ("Nikki Haley", "-", "Donald Trump") in got


def test_in_favour_of(nlp):
    got = found(nlp, "Brazil voted in favour of Argentina in Geneva.")
    assert ("Brazil", "+", "Argentina") in got
    assert not any(t == "Switzerland" for _, _, t in got)


# ------------------------------------------------------------------ evaluations and reported speech


def test_speaker_judgement(nlp):
    got = found(nlp, "Olaf Berg said that Viktor Orban is corrupt and dangerous.")
    assert ("Olaf Berg", "-", "Viktor Orban") in got
    assert found(nlp, "Olaf Berg said that Viktor Orban visited Vienna.") == set()


def test_no_legitimacy_belongs_to_the_speaker(nlp):
    got = found(nlp, "Canada has said that Nicolas Maduro has no legitimacy.")
    assert ("Canada", "-", "Nicolas Maduro") in got


def test_demanded_that_he_step_down(nlp):
    got = found(nlp, "Nicolas Maduro spoke on Monday. Canada demanded that he step down.")
    assert ("Canada", "-", "Nicolas Maduro") in got


def test_reported_speech_keeps_the_embedded_subject(nlp):
    got = found(nlp, "The analyst Peter Brandt says Russia wants to protect Syria.")
    assert ("Russia", "+", "Syria") in got
    assert not any(s == "Peter Brandt" for s, _, _ in got)


def test_first_person_in_a_quote_is_the_speaker(nlp):
    got = found(nlp, '"We will defend Estonia," said Lars Holm.')
    assert ("Lars Holm", "+", "Estonia") in got


def test_wanted_acts_belong_to_the_one_who_wants_them(nlp):
    got = found(nlp, "The United States urged Ukraine to condemn Belarus.")
    assert ("United States", "-", "Belarus") in got
    assert ("Ukraine", "-", "Belarus") not in got


# ------------------------------------------------------------------ negation, denial, failure, hypotheticals


@pytest.mark.parametrize(
    "text",
    [
        "Germany did not condemn Iran.",
        "Germany never criticised Iran.",
        "Turkey denied providing weapons to Hamas.",
        "France was unable to support Mali.",
        "Egypt failed to help Sudan.",
        "If Iran attacks Israel, the region will suffer.",
        "Did Germany condemn Iran?",
        "The analyst Peter Brandt does not believe that Russia supports Syria.",
        "France ruled out sanctions on Mali.",
        "China called for calm without condemning Russia.",
        "Iran warned against joining Israel.",
        "There is no support for Hamas in Egypt.",
        "Japan lifted its sanctions on Iran.",
        "Japan withheld aid meant to help Peru.",
    ],
)
def test_negated_denied_failed_conditional_give_nothing(nlp, text):
    assert found(nlp, text) == set()


def test_refusing_support_is_no_support_but_a_stance_against(nlp):
    """(verb.refused: the rule report shows refusals to endorse / back read as opposition on both SEESAW sets)"""
    got = found(nlp, "Egypt refused to back Sudan.")
    assert ("Egypt", "+", "Sudan") not in got
    assert ("Egypt", "-", "Sudan") in got


@pytest.mark.parametrize(
    "text",
    [
        "Spain no longer supports Morocco's plan.",
        "Mexico has yet to recognise Kosovo.",
        "Peru is yet to recognise Venezuela's government.",
        "Iran denied supplying Hezbollah with drones.",
        "Poland refused to host Russian troops.",
        "Belarus did not allow Russia to use its airspace.",
        "Turkey has not downed any Syrian jets.",
    ],
)
def test_no_longer_yet_to_and_denied_supplies_give_nothing(nlp, text):
    assert found(nlp, text) == set()


def test_yet_again_is_no_negation(nlp):
    assert ("Russia", "-", "Ukraine") in found(nlp, "Russia has yet again attacked Ukraine.")
    # "no longer" covers its own verb, not a conjoined later one
    got = found(nlp, "Spain no longer opposes Morocco, and now backs Algeria.")
    assert ("Spain", "+", "Algeria") in got and ("Spain", "-", "Morocco") not in got


def test_modal_hedge_lowers_confidence(nlp):
    plain = stances(nlp, "Iran attacked Israel.")
    hedged = stances(nlp, "Iran would attack Israel.")
    assert plain and hedged
    assert hedged[0].confidence < plain[0].confidence


def test_a_mere_possibility_is_no_stance(nlp):
    """ "may", "might", "could": what might happen is not a stance taken (possibility_modals)."""
    for modal in ("may", "might", "could"):
        assert not stances(nlp, f"Iran {modal} attack Israel."), modal
    assert stances(nlp, "Iran will attack Israel.")


def test_confidence_in_range_and_sentence_index(nlp):
    got = stances(nlp, "Nothing happened on Monday. Germany condemned Iran.")
    assert got and all(0.0 < s.confidence <= 1.0 for s in got)
    assert {s.sent_index for s in got} == {1}


def test_stances_survive_doc_serialisation(nlp):
    """n_process > 1 ships Docs back with to_bytes: the stances must be plain data."""
    doc = nlp("France and Germany condemned Iran.")
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    a = sorted((s.source_actor.name, s.relation, s.target_actor.name, s.confidence) for s in doc._.stances)
    b = sorted((s.source_actor.name, s.relation, s.target_actor.name, s.confidence) for s in copy._.stances)
    assert a == b and a


# ------------------------------------------------------------------ round 2: political discourse


@pytest.mark.parametrize(
    "text, triple",
    [
        # the speaker judges the subject of what they say, anywhere in the clause's own words
        ('"The Conservatives are bypassing the rules with their obsession," said Maria Lopez.',
         ("Maria Lopez", "-", "Conservative Party")),
        ("Senator Jane Doe said the Labour Party should be ashamed.", ("Jane Doe", "-", "Labour Party")),
        ("Maria Lopez said the Conservatives are trying to interfere with the vote.",
         ("Maria Lopez", "-", "Conservative Party")),
        ("John Smith said the radical Conservatives were planning another march.",
         ("John Smith", "-", "Conservative Party")),
        ("Maria Lopez said the Labour Party had done a tremendous job.", ("Maria Lopez", "+", "Labour Party")),
    ],
)
def test_speaker_judges_what_is_said_of_someone(nlp, text, triple):
    assert triple in found(nlp, text)


def test_speaker_judgement_needs_a_judgement_and_respects_negation(nlp):
    assert not any(s[0] == "Maria Lopez" for s in found(nlp, "Maria Lopez said the Labour Party met on Monday."))
    assert ("Maria Lopez", "-", "Labour Party") not in found(
        nlp, "Maria Lopez said the Labour Party is not corrupt.")
    # a nested clause about somebody else is not said of the subject
    assert ("Maria Lopez", "-", "Labour Party") not in found(
        nlp, "Maria Lopez said the Labour Party knew that the company had lied.")


def test_quotation_continues_with_its_speaker(nlp):
    text = ('"We will keep going. The Conservatives are corrupt and dishonest. '
            'They cannot win," said Maria Lopez.')
    assert ("Maria Lopez", "-", "Conservative Party") in found(nlp, text)
    # a closed one-sentence quotation next to someone else's quote is nobody's in particular
    text2 = '"The Conservatives are corrupt." "We will win," Maria Lopez said.'
    got = [s for s in stances(nlp, text2) if s.source_actor.name == "Maria Lopez" and s.sent_index == 0]
    assert got == []


def test_quotation_over_several_lines_has_the_speaker_named_where_it_closes(nlp):
    # one sentence per line (as in sentence-split corpora): the quotation runs over the line break
    text = ("Rep. Maria Lopez spoke about Tom Varga on Monday.\n"
            "\u201cOf course, he is a disgrace to this office.\n"
            "And for him to say such a thing was wrong,\u201d Ms. Lopez said.\n"
            "The vote is on Tuesday.\n")
    got = stances(nlp, text)
    assert any(s.source_actor.name == "Maria Lopez" and s.target_actor.name == "Tom Varga" and s.sign < 0
               and s.sent_index == 1 for s in got)
    # paragraphs (one per line): an unclosed quotation does not reach into the next paragraph
    text2 = ("Maria Lopez spoke about Tom Varga on Monday, and Carl Dunn answered her. "
             "The hearing ran late.\n"
             "\u201cOf course, he is a disgrace to this office.\n"
             "Carl Dunn said the vote is on Tuesday and the hall is booked. The clerk agreed.\n")
    assert not any(s.source_actor.name == "Carl Dunn" and s.target_actor.name == "Tom Varga"
                   for s in stances(nlp, text2))


def test_against_on_a_stance_noun_and_the_one_who_asks(nlp):
    # any noun "against" X was noun.against, dropped (precision 0.32 over the visible sets)
    assert ("Labour Party", "-", "John Smith") not in found(
        nlp, "The Labour Party plans to move forward with articles of impeachment against John Smith.")
    assert ("Maria Lopez", "-", "John Smith") in found(
        nlp, "Maria Lopez asked the chairmen to draw up charges against John Smith.")


def test_announcer_shares_an_institutions_stance(nlp):
    got = found(nlp, "Maria Lopez announced that the Labour Party would campaign against John Smith.")
    assert ("Labour Party", "-", "John Smith") in got and ("Maria Lopez", "-", "John Smith") in got
    # a person's deed reported by someone else stays that person's
    got = found(nlp, "Maria Lopez announced that John Smith had attacked Peter Brown.")
    assert ("Maria Lopez", "-", "Peter Brown") not in got


def test_close_associates_and_working_for(nlp):
    assert ("Peter Brown", "+", "John Smith") in found(
        nlp, "Peter Brown, a longtime John Smith associate, drafted the plan.")
    assert ("Peter Brown", "+", "John Smith") not in found(
        nlp, "Peter Brown, a former John Smith associate, drafted the plan.")
    assert ("Paul Grant", "+", "Ukraine") in found(nlp, "Paul Grant worked on behalf of Ukraine for years.")
    assert ("Adam Fox", "+", "Maria Lopez") in found(nlp, "Adam Fox worked for Maria Lopez until May.")
    # serving under someone and working with someone are no stance (seventeenth round: each right in fewer than
    # half of its firings over the visible sets); working for someone is
    assert ("Adam Fox", "+", "Maria Lopez") not in found(nlp, "Adam Fox served under Maria Lopez.")
    assert ("Adam Fox", "+", "Maria Lopez") not in found(
        nlp, "Adam Fox said his committee will work in conjunction with Maria Lopez.")


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Germany has taken issue with France's proposal.", ("Germany", "-", "France")),
        ("On Monday Germany took aim at Poland.", ("Germany", "-", "Poland")),
        ("Spain's efforts to thwart Portugal's plan failed last year.", ("Spain", "-", "Portugal")),
        ("Brazil disagreed with Argentina on the tariffs.", ("Brazil", "-", "Argentina")),
        ("Norway shoots down Sweden's offer on fishing rights.", ("Norway", "-", "Sweden")),
        ("Austria complained about Hungary.", ("Austria", "-", "Hungary")),
        ("Italy hit back at Greece on Sunday.", ("Italy", "-", "Greece")),
        ("Canada disputes Denmark's account of the meeting.", ("Canada", "-", "Denmark")),
        ("Turkey wanted to bring down Syria's government.", ("Turkey", "-", "Syria")),
        ("Iran's apparent fondness for Venezuela has drawn criticism.", ("Iran", "+", "Venezuela")),
        ("Senator Anna Lind, who lost to Senator Tom Hartley in the primary, tweeted.",
         ("Anna Lind", "-", "Tom Hartley")),
    ],
)
def test_multiword_and_noun_cues(nlp, text, triple):
    assert triple in found(nlp, text)


def test_target_of_someones_wrath(nlp):
    for text in ("Senator Anna Lind, a frequent target of Senator Tom Hartley's wrath, resigned on Friday.",
                 "Senator Anna Lind, a frequent target of criticism by Senator Tom Hartley, resigned on Friday."):
        assert found(nlp, text) == {("Tom Hartley", "-", "Anna Lind")}
    # a place hit is nobody's "target" relation
    assert found(nlp, "Ukraine struck a Russian target on Monday.") <= {("Ukraine", "-", "Russia")}


def test_clashes_go_both_ways(nlp):
    assert {("Kenya", "-", "Somalia"), ("Somalia", "-", "Kenya")} <= found(
        nlp, "Kenya clashed with Somalia over the border.")
    assert {("Japan", "-", "China"), ("China", "-", "Japan")} <= found(
        nlp, "Japan is escalating its battle with China over the islands.")


def test_reported_he_is_the_sayer(nlp):
    assert ("Tom Hartley", "+", "Anna Lind") in found(
        nlp, "Senator Tom Hartley said he was nominating Anna Lind to the court.")


def test_new_judgement_words_and_their_negation(nlp):
    assert ("Tom Hartley", "-", "Anna Lind") in found(
        nlp, 'Senator Tom Hartley said: "I believe Senator Anna Lind is guilty of wrongdoing."')
    assert ("Tom Hartley", "-", "Anna Lind") not in found(
        nlp, 'Senator Tom Hartley said: "I believe Senator Anna Lind is not guilty of wrongdoing."')
    # a complaint or a dispute that is itself negated gives nothing
    assert found(nlp, "Austria never complained about Hungary.") == set()
    assert found(nlp, "Canada does not dispute Denmark's account of the meeting.") == set()


def test_worried_by_parsed_as_passive_keeps_the_worried_one(nlp):
    assert ("Tom Hartley", "-", "Anna Lind") in found(
        nlp, "Senator Tom Hartley said that he was concerned by Anna Lind's rhetoric.")


def test_title_word_inside_a_name_owns_nothing(nlp):
    got = found(nlp, "In 2016 the Liberal presidential nominee Anna Lind met Tom Hartley and Paul Grant.")
    assert not any(s == "Anna Lind" and t in ("Tom Hartley", "Paul Grant") and sg == "+" for s, sg, t in got)


def test_negation_of_one_conjunct_is_not_the_others(nlp):
    # a denial with its own object does not cover the next verb
    assert ("Ghana", "-", "Togo") in found(nlp, "Ghana denied any role in the raid and accused Togo of lying.")
    assert found(nlp, "Ghana denied arming and training Togo.") == set()
    assert ("Ghana", "-", "Togo") in found(nlp, "Ghana denied arming the rebels and accused Togo of lying.")
    # the other side's rebuttal after the claim does not withdraw it
    assert ("Ghana", "-", "Togo") in found(nlp, "Ghana accused Togo of arming rebels, a charge Lome denies.")
    assert found(nlp, "Togo denies claims that it arms the rebels of Ghana.") == set()
    got = found(nlp, "Sudan's army accused Chad of arming the RSF, an allegation N'Djamena denies.")
    assert ("Sudan", "-", "Chad") in got
    assert ("Chile", "-", "Bolivia") in found(
        nlp, "Chile never named Peru in the speech but blamed Bolivia for the crisis.")
    assert ("Chile", "-", "Bolivia") in found(nlp, "Chile did not attack Peru, but it condemned Bolivia.")
    # "or" shares the negation
    assert found(nlp, "Chile did not attack Peru or condemn Bolivia.") == set()


def test_judging_an_act_against_someone_takes_their_side(nlp):
    assert ("Tom Hartley", "+", "Anna Lind") in found(
        nlp, "Senator Tom Hartley said the case against Anna Lind is a sham.")
    assert ("Tom Hartley", "+", "Anna Lind") not in found(
        nlp, "Senator Tom Hartley said the case against Anna Lind is strong.")
    # what a party's thing is called judges the party
    assert ("Conservative Party", "-", "Liberal Party") in found(
        nlp, "The Conservative Party said the Liberal Party's demands are an overreach.")
    # a name in a compound is the topic, not the owner
    assert found(nlp, "Senator Tom Hartley said the Chile hoax is finally dead.") == set()


def test_calling_someones_thing_a_judgement(nlp):
    assert ("Tom Hartley", "-", "Liberal Party") in found(
        nlp, 'Senator Tom Hartley called the Liberal Party\'s push for impeachment a "lynching".')
    assert ("Tom Hartley", "+", "Anna Lind") in found(nlp, "Senator Tom Hartley called Anna Lind's speech brilliant.")
    assert found(nlp, "Senator Tom Hartley called the Liberal Party on Monday.") == set()


def test_frustration_with_the_way_someone_acted(nlp):
    assert ("Tom Hartley", "-", "Anna Lind") in found(
        nlp, "Senator Tom Hartley expressed frustration with the way Anna Lind has handled the report.")
    assert ("Tom Hartley", "-", "Anna Lind") in found(
        nlp, "Senator Tom Hartley is unhappy with the way Anna Lind handled the report.")


def test_bad_words_in_what_someone_fights_do_not_judge_them(nlp):
    assert found(nlp, "Senator Tom Hartley said Anna Lind must condemn racism and bigotry.") == set()
    assert found(nlp, "Senator Tom Hartley said Anna Lind fought corruption for years.") == set()
    assert ("Tom Hartley", "-", "Anna Lind") in found(
        nlp, "Senator Tom Hartley said Anna Lind spread lies about the vote.")


def test_prompting_someone_makes_them_the_actor(nlp):
    got = found(nlp, "Senator Tom Hartley stayed at the resort, prompting the Liberal Party to accuse him of waste.")
    assert ("Liberal Party", "-", "Tom Hartley") in got
    assert not any(s == "Tom Hartley" for s, _, _ in got)


# ------------------------------------------------------------------ round 4: acts, purposes, quotes, own side


def test_bare_act_noun_is_the_act_told_just_before(nlp):
    text = "Iran tested a missile on Monday. Germany condemned the move."
    assert ("Germany", "-", "Iran") in found(nlp, text)
    assert ("Germany", "-", "Iran") in found(nlp, "Iran tested a missile, and Germany condemned the move.")
    assert ("Germany", "+", "Iran") in found(nlp, "Iran freed the prisoners. Germany welcomed the decision.")
    # wire copy gives each sentence its paragraph: the act of the paragraph before, but not three sentences back
    assert ("Germany", "-", "Iran") in found(nlp, "Iran tested a missile.\n\nGermany condemned the move.")
    far = "Iran tested a missile. Oil prices rose. Markets fell in Asia. Germany condemned the move."
    assert ("Germany", "-", "Iran") not in found(nlp, far)
    # a reaction to the act is not the act; an owned act earlier in the sentence is its owner's
    assert ("France", "+", "Germany") not in found(nlp, text + " France backed the move.")
    assert ("France", "-", "Iran") in found(nlp, "France answered Iran's tests by condemning the move.")


def test_quoted_pronoun_is_not_the_speaker(nlp):
    text = 'President Omar Haddad visited Paris. "He is a liar and a fraud," Senator Lena Moss said.'
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, text)
    # reported speech: "X said he would ..." is still X
    assert ("Lena Moss", "+", "Omar Haddad") in found(nlp, "Senator Lena Moss said she would back Omar Haddad.")


def test_some_members_are_not_their_institution(nlp):
    got = found(nlp, "Judge Lena Moss sided with the European Union's four northern members.")
    assert not any(t == "European Union" for _, _, t in got)
    assert ("Lena Moss", "+", "European Union") in found(nlp, "Judge Lena Moss sided with the European Union's plan.")


def test_backing_a_measure_takes_the_measure_s_aim(nlp):
    text = "Senator Lena Moss backed a measure to overturn Omar Haddad's decree."
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, text)
    assert ("Germany", "-", "Russia") in found(nlp, "Germany backed the plan to sanction Russia.")
    assert not found(nlp, "Germany did not back the plan to sanction Russia.")
    # rejecting a plan against Y is not read as backing Y
    assert ("United States", "+", "Russia") not in found(nlp, "The United States rejected a plan to sanction Russia.")


def test_votes_on_resolutions(nlp):
    # voting for a text condemning Y opposes Y; vetoing / voting against one shields Y (weaker, "supports")
    assert ("Chile", "-", "Iran") in found(nlp, "Chile voted for a resolution condemning Iran.")
    assert ("Russia", "+", "Myanmar") in found(nlp, "Russia vetoed a resolution condemning Myanmar.")
    assert ("Russia", "+", "Myanmar") in found(nlp, "Russia vetoed a resolution that condemned Myanmar.")
    assert ("China", "+", "Sudan") in found(nlp, "China vetoed a draft resolution critical of Sudan.")
    assert ("Cuba", "+", "Syria") in found(nlp, "Cuba voted against a resolution condemning Syria.")
    text = "Peru voted in favour of the resolution demanding that Russia withdraw from Georgia."
    assert ("Peru", "-", "Russia") in found(nlp, text)
    assert ("UN General Assembly", "-", "Iran") in found(
        nlp, "The General Assembly adopted a resolution condemning Iran.")
    assert not found(nlp, "Russia did not veto the resolution condemning Myanmar.")
    # the UN body named on a vetoed text is its forum: no stance on it, and it condemned nobody
    assert found(nlp, "Russia vetoed a Security Council resolution condemning Myanmar.") == {
        ("Russia", "+", "Myanmar")}
    # rejecting a plan (no resolution) to act against Y is still not read as backing Y
    assert ("Russia", "+", "Myanmar") not in found(nlp, "Russia rejected a plan to sanction Myanmar.")


def test_owner_of_a_thing_made_under_or_by_someone(nlp):
    text = "Omar Haddad attacked the trade deal that was negotiated under former Chancellor Lena Moss."
    assert ("Omar Haddad", "-", "Lena Moss") in found(nlp, text)
    assert ("Omar Haddad", "+", "Lena Moss") in found(nlp, "Omar Haddad praised the treaty negotiated by Lena Moss.")


def test_calling_someone_s_act_a_disgrace_judges_them(nlp):
    text = 'Chancellor Lena Moss called Omar Haddad\'s push for a referendum a "disgrace".'
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, text)


def test_no_stance_between_a_member_and_its_own_side():
    a = S.Actor("Lena Moss", "person", affiliation="Germany")
    b = S.Actor("Germany", "country")
    c = S.Actor("France", "country")
    g = S.Actor("Green Front", "group", affiliation="Germany")

    def st(x, y, kind="name"):
        return S.Stance(S.MentionRef(0, 1, (x,), kind, x.name), S.MentionRef(2, 3, (y,), kind, y.name),
                        x, y, "opposes", -1, "condemn", 0, 1.0)
    assert S._own_side(st(a, b)) and S._own_side(st(b, a))
    assert not S._own_side(st(a, c))
    assert not S._own_side(st(g, b)) and not S._own_side(st(b, g))  # a movement and its country: two sides
    assert S._own_side(st(g, b, "metonym"))  # "the chancellery", a seat of power: its own side


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Germany pushed back against Russia.", ("Germany", "-", "Russia")),
        ("Germany called on Omar Haddad to resign.", ("Germany", "-", "Omar Haddad")),
    ],
)
def test_adverb_particles_and_calls_on_someone_to_go(nlp, text, triple):
    assert triple in found(nlp, text)


def test_calling_on_someone_to_act_is_no_stance_on_them(nlp):
    assert not found(nlp, "Germany called on Omar Haddad to visit Paris.")


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Germany cheered Omar Haddad's victory.", ("Germany", "+", "Omar Haddad")),
        ("Germany is among Omar Haddad's fiercest critics.", ("Germany", "-", "Omar Haddad")),
    ],
)
def test_cheering_and_being_among_critics(nlp, text, triple):
    assert triple in found(nlp, text)


def test_winning_someone_s_backing_is_not_the_winner_s_stance(nlp):
    assert ("Omar Haddad", "+", "Germany") not in found(nlp, "Omar Haddad won the backing of Germany.")


def test_someone_from_a_place_is_not_the_place(nlp):
    assert not any(t == "Mali" for _, _, t in found(nlp, "Germany sided with a Mali farmer on Monday."))
    assert ("Germany", "-", "Russia") in found(nlp, "Germany disrupted Russia's plans.")


def test_a_praise_word_denied_is_a_criticism_a_charge_denied_a_defence(nlp):
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, "Senator Lena Moss said Omar Haddad was not welcome here.")
    assert found(nlp, "Senator Lena Moss said Omar Haddad did not lie.") == {("Lena Moss", "+", "Omar Haddad")}
    assert found(nlp, "Senator Lena Moss said Omar Haddad is not corrupt.") == {("Lena Moss", "+", "Omar Haddad")}
    # an adjective-only judgement word: welcoming something judges nobody
    assert not found(nlp, "Senator Lena Moss said Omar Haddad welcomed the talks.")


# ------------------------------------------------------------------ described as, alleged, calls to set right


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Senator Lena Moss described Omar Haddad as reckless and dangerous.", ("Lena Moss", "-", "Omar Haddad")),
        ("Senator Lena Moss portrayed Omar Haddad's plan as a disaster.", ("Lena Moss", "-", "Omar Haddad")),
        ("Senator Lena Moss described Omar Haddad as a brave and honest man.", ("Lena Moss", "+", "Omar Haddad")),
    ],
)
def test_described_as_judges_the_object(nlp, text, triple):
    assert triple in found(nlp, text)


def test_described_as_denied_or_neutral_is_no_stance(nlp):
    assert not found(nlp, "Senator Lena Moss did not describe Omar Haddad as reckless.")
    assert not found(nlp, "Senator Lena Moss described Omar Haddad as a lawyer.")


def test_alleging_something_of_someone_accuses_them(nlp):
    got = found(nlp, "Senator Lena Moss alleged that Omar Haddad proposed a secret deal behind her back.")
    assert ("Lena Moss", "-", "Omar Haddad") in got
    got = found(nlp, "Omar Haddad sued Germany, alleging that Germany spied on his campaign.")
    assert ("Omar Haddad", "-", "Germany") in got
    assert not found(nlp, "Senator Lena Moss denied that Omar Haddad proposed a secret deal.")


def test_calling_on_someone_to_apologise_opposes_them(nlp):
    assert ("Germany", "-", "Omar Haddad") in found(nlp, "Germany called on Omar Haddad to apologize.")
    assert ("Germany", "-", "Omar Haddad") in found(nlp, "Germany urged Omar Haddad to retract his remarks.")
    assert not found(nlp, "Germany called on Omar Haddad to visit Paris.")
    assert not found(nlp, "Germany did not urge Omar Haddad to retract his remarks.")


# ------------------------------------------------------------------ aims, swipes, feelings


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Lena Moss joined the race to stop Omar Haddad.", ("Lena Moss", "-", "Omar Haddad")),
        ("Lena Moss has long called for a Republican to oust Omar Haddad.", ("Lena Moss", "-", "Omar Haddad")),
        ("Lena Moss introduced a bill to overturn Omar Haddad's decree.", ("Lena Moss", "-", "Omar Haddad")),
        ("Lena Moss took a swipe at Omar Haddad.", ("Lena Moss", "-", "Omar Haddad")),
        ("Germany took a few shots at Russia on Sunday.", ("Germany", "-", "Russia")),
    ],
)
def test_aims_swipes_and_feelings(nlp, text, triple):
    assert triple in found(nlp, text)


def test_aims_and_feelings_denied(nlp):
    assert not found(nlp, "Lena Moss did not join the race to stop Omar Haddad.")
    assert not found(nlp, "Lena Moss said she was not disappointed that Omar Haddad rejected the bill.")


def test_wanting_someone_to_act_through_an_infinitival_clause(nlp):
    # "pressuring X to investigate Y" parsed with X as the subject of the clause: the stance is the presser's
    got = found(nlp, "The report said Omar Haddad was pressuring Lena Moss to investigate Carl Brandt.")
    assert ("Lena Moss", "-", "Carl Brandt") not in got


# ------------------------------------------------------------------ roles and people described


def test_critic_past_a_party_state_tag(nlp):
    got = found(nlp, "Rep. Lena Moss, R-Ill., a frequent critic of Omar Haddad, tweeted that the process was flawed.")
    assert ("Lena Moss", "-", "Omar Haddad") in got


def test_challenger_to_someone_in_a_passive(nlp):
    got = found(nlp, "Lena Moss has been mentioned as a potential challenger to Omar Haddad.")
    assert ("Lena Moss", "-", "Omar Haddad") in got


def test_served_under_and_appointed_by(nlp):
    # serving under someone is a post, no stance (dropped in the seventeenth round: right once in three firings)
    assert ("Carl Brandt", "+", "Omar Haddad") not in found(
        nlp, "Carl Brandt served in the Justice Department under Omar Haddad.")
    assert ("Omar Haddad", "+", "Carl Brandt") in found(
        nlp, "Carl Brandt was appointed the U.S. attorney by Omar Haddad.")


def test_joining_a_field_of_candidates_hoping_to_unseat_someone(nlp):
    got = found(nlp, "WASHINGTON - Gov. Carl Brandt joined the field of candidates hoping to unseat Omar Haddad.")
    assert ("Carl Brandt", "-", "Omar Haddad") in got
    assert ("Carl Brandt", "-", "Omar Haddad") in found(
        nlp, "Carl Brandt is among the candidates vying to defeat Omar Haddad.")


def test_called_someone_s_push_a_lynching(nlp):
    got = found(nlp, "Governor Omar Haddad called the Senate Republicans' push for a recount a \"disgrace\" on Friday.")
    assert ("Omar Haddad", "-", "Senate Republicans") in got
    assert ("Germany", "-", "Russia") in found(
        nlp, "Germany called Russia's push for a referendum a \"farce\" on Friday.")


def test_a_speaker_judging_the_act_told_just_before(nlp):
    text = "Omar Haddad mocked Carl Brandt on Monday. Senator Lena Moss said the comments were disgusting."
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, text)


def test_violent_acts_and_shot_down_offers(nlp):
    assert ("Russia", "-", "Ukraine") in found(nlp, "The Russian army opened fire on Ukrainian troops.")
    got = stances(nlp, "Carl Brandt shot down Omar Haddad's offer.")
    assert any(s.relation == "opposes" for s in got)
    assert all(s.relation != "attacks" for s in stances(nlp, "Carl Brandt was shot down by Omar Haddad."))


@pytest.mark.parametrize(
    "text, triple",
    [
        ("Hamas fired rockets at Israel overnight.", ("Hamas", "-", "Israel")),
        ("Eritrea launched drones at Ethiopia.", ("Eritrea", "-", "Ethiopia")),
        ("Peru said it intercepted missiles fired by Chile.", ("Peru", "-", "Chile")),
        ("Ghana vowed to crush the Houthis.", ("Ghana", "-", "Houthis")),
        ("Chad threatened to destroy Boko Haram.", ("Chad", "-", "Boko Haram")),
        ("Peru said its air defences destroyed 12 Chilean drones.", ("Peru", "-", "Chile")),
        ("Forces loyal to Omar Haddad attacked Tripoli.", ("Omar Haddad", "-", "Libya")),
        ("Chile barred Peru's envoy from entering the country.", ("Chile", "-", "Peru")),
        ("The African Union suspended Gabon after the coup.", ("African Union", "-", "Gabon")),
        ("Mexico recalled its ambassador from Peru.", ("Mexico", "-", "Peru")),
        ("Chad expelled diplomats from Niger.", ("Chad", "-", "Niger")),
        ("Chile summoned Peru's ambassador.", ("Chile", "-", "Peru")),
        ("Peru's envoy was summoned by the Chilean foreign ministry.", ("Chile", "-", "Peru")),
        ("Japan lodged a protest with Seoul over the visit.", ("Japan", "-", "South Korea")),
        ("Jordan accused Lebanon of harbouring Hamas.", ("Lebanon", "+", "Hamas")),
        ("Ghana sent troops to help Togo fight the insurgents.", ("Ghana", "+", "Togo")),
    ],
)
def test_strikes_interceptions_bans_and_recalls(nlp, text, triple):
    assert triple in found(nlp, text)


def test_blaming_an_attack_on_someone_accuses_them(nlp):
    assert found(nlp, "Chile blamed the bombing on Bolivia.") == {("Chile", "-", "Bolivia")}
    assert found(nlp, "Peru condemned the strike, which it blamed on Chile.") >= {("Peru", "-", "Chile")}


def test_a_stance_noun_under_a_verb_without_that_slot(nlp):
    # "setting up a battle with X": "set" is a cue only for "set fire to"; the noun's own rule reads it
    got = found(nlp, "Omar Haddad will ask for more funds, setting up a new battle with Congress.")
    assert ("Omar Haddad", "-", "United States Congress") in got or ("Omar Haddad", "-", "Congress") in got


def test_replying_to_someone_s_attacks(nlp):
    assert ("Carl Brandt", "-", "Omar Haddad") in found(
        nlp, "Carl Brandt responded to Omar Haddad's comments on Sunday.")
    assert not found(nlp, "Carl Brandt responded to Omar Haddad's request on Sunday.")


def test_losing_or_voicing_confidence_in_someone(nlp):
    assert ("Germany", "-", "Omar Haddad") in found(nlp, "Germany said it had lost confidence in Omar Haddad.")
    assert ("Germany", "+", "Omar Haddad") in found(nlp, "Germany expressed confidence in Omar Haddad.")
    assert not found(nlp, "Germany has not lost confidence in Omar Haddad.")


def test_proud_of_standing_up_to_someone(nlp):
    got = found(nlp, "Carl Brandt can be proud of standing up to Omar Haddad.")
    assert ("Carl Brandt", "-", "Omar Haddad") in got


def test_a_gerund_subject_judged_through_its_owner(nlp):
    got = found(nlp, "\"Omar Haddad's questioning of the witness was excellent,\" Lena Moss said.")
    assert ("Lena Moss", "+", "Omar Haddad") in got
    got = found(nlp, "Lena Moss said Omar Haddad's handling of the crisis was disgraceful.")
    assert ("Lena Moss", "-", "Omar Haddad") in got


def test_object_relative_clause_and_a_move_that(nlp):
    assert ("Germany", "-", "Russia") in found(nlp, "Russia's plan, which Germany rejected, was withdrawn.")
    assert ("Germany", "-", "Omar Haddad") in found(
        nlp, "Omar Haddad plans to cut the fund, a move that Germany has rejected.")
    assert ("Lena Moss", "-", "Omar Haddad") in found(
        nlp, "Senator Lena Moss, who called Omar Haddad's tariffs a disaster, voted no.")


def test_fearing_what_someone_will_do(nlp):
    assert ("Germany", "-", "Russia") in found(nlp, "Germany fears Russia will invade.")
    assert ("Carl Brandt", "-", "Omar Haddad") in found(
        nlp, "Carl Brandt said he initially feared that Omar Haddad's move could take money from the base.")
    assert not found(nlp, "Germany does not fear that Russia will invade.")


def test_business_partners_are_not_private_ones(nlp):
    got = found(nlp, "Carl Brandt, a former lobbying partner of Omar Haddad, was convicted.")
    assert ("Carl Brandt", "+", "Omar Haddad") in got
    assert not found(nlp, "Carl Brandt, the longtime partner of Omar Haddad, was at the party.")


def test_a_wrong_said_to_be_someone_s(nlp):
    assert ("Lena Moss", "-", "Omar Haddad") in found(nlp, "Lena Moss said Omar Haddad's lies had hurt the country.")
    assert ("Lena Moss", "-", "Omar Haddad") in found(
        nlp, "Lena Moss argued that ignoring Omar Haddad's misconduct would be a mistake.")
    assert not found(nlp, "Lena Moss said there was no evidence of Omar Haddad's corruption.")
