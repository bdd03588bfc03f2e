"""Actor recognition and in-article resolution (the ``actorgraph_actors`` component).

Short sentences are made up for the tests; the seed checks run on the bundled example article.
"""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from actorgraph.actors import ActorIndex, Mention
from actorgraph.nlp import model_name

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "putin_diplomatic_offensive_2015.txt"


@pytest.fixture(scope="module")
def nlp():
    # a private copy: the cached shared pipeline stays as other modules expect it
    nlp = spacy.load(model_name())
    nlp.add_pipe("actorgraph_actors", after="ner")
    return nlp


@pytest.fixture(scope="module")
def seed(nlp):
    text = SEED.read_text(encoding="utf-8")
    return nlp(text)


def names(doc: Doc) -> list[tuple[str, str]]:
    """(surface text, '+'-joined actor names) of every mention, in order."""
    return [(m.text, "+".join(a.name for a in m.actors)) for m in doc._.actors.mentions]


def mention_of(doc: Doc, text: str, nth: int = 0) -> Mention | None:
    """The mention covering the nth occurrence of the token ``text``."""
    toks = [t for t in doc if t.text == text]
    return doc._.actors.mention_at(toks[nth]) if len(toks) > nth else None


def actor_of(doc: Doc, text: str, nth: int = 0) -> str | None:
    m = mention_of(doc, text, nth)
    return "+".join(a.name for a in m.actors) if m else None


# -- names, aliases, metonyms ---------------------------------------------------------


def test_a_party_name_that_is_a_common_noun_at_a_sentence_start(nlp):
    # the article writes "conservatives" in lower case and never capitalises it mid-sentence: not the party
    doc = nlp("Many conservatives were angry on Monday. Conservatives said Mark Dobbs had betrayed them.")
    assert actor_of(doc, "Conservatives") != "Conservative Party"
    # an article about the party writes "the Conservatives" mid-sentence: the party at a start too
    doc = nlp("Conservatives attacked Labour on Monday. Polls show the Conservatives ahead.")
    assert actor_of(doc, "Conservatives") == "Conservative Party"
    doc = nlp("Democrats criticized the plan. Some democrats abroad agreed. Later the Democrats voted.")
    assert actor_of(doc, "Democrats") == "Democratic Party"


def test_aliases_of_one_group(nlp):
    doc = nlp("ISIS fighters attacked the town. Daesh later claimed the raid, and ISIL supporters cheered.")
    assert actor_of(doc, "ISIS") == "Islamic State"
    assert actor_of(doc, "Daesh") == "Islamic State"
    assert actor_of(doc, "ISIL") == "Islamic State"
    idx = doc._.actors
    assert idx.actors["Islamic State"].type == "group"
    # one shared Actor object per canonical name
    assert len({id(m.actors[0]) for m in idx.mentions if m.actors[0].name == "Islamic State"}) == 1
    assert {"ISIS", "Daesh", "ISIL"} <= set(idx.actors["Islamic State"].aliases)


def test_metonyms(nlp):
    doc = nlp("The Kremlin denied the report. Washington and Beijing traded accusations.")
    assert actor_of(doc, "Kremlin") == "Russia"
    assert actor_of(doc, "Washington") == "United States"
    assert actor_of(doc, "Beijing") == "China"
    assert doc._.actors.actors["Russia"].type == "country"


def test_quoted_abbreviation(nlp):
    doc = nlp('Officials said "IS" lost the town.')
    assert actor_of(doc, "IS") == "Islamic State"


def test_lowercase_is_and_us_are_words(nlp):
    doc = nlp("This is what he told us. IS claimed the attack, US officials said.")
    assert actor_of(doc, "is") is None
    assert actor_of(doc, "us") is None
    assert actor_of(doc, "IS") == "Islamic State"
    assert actor_of(doc, "US") == "United States"


def test_all_caps_headline_words_are_not_actors(nlp):
    doc = nlp("WHY IS THIS HAPPENING TO US\nRussia condemned the attack.")
    assert actor_of(doc, "IS") is None
    assert actor_of(doc, "US") is None
    assert actor_of(doc, "Russia") == "Russia"


def test_regions_and_reporting_outlets_are_not_actors(nlp):
    doc = nlp("Russian media outlets reported on the fighting in the Caucasus, according to the newspaper Daily Courier.")
    # (the outlet may be a mention: it holds no stance here, see the next test)
    assert not [m for m in doc._.actors.mentions if "Caucasus" in m.text or any(a.name == "Russia" for a in m.actors)]


def test_an_outlet_told_is_a_channel_an_outlet_attacked_an_actor():
    from actorgraph.records import Article
    from actorgraph.statements import extract_statements

    def triples(text):
        return {(s.source, s.stance, s.target) for s in extract_statements([Article(id="m", title="Notes", text=text)])}
    assert triples("Senator Ann Lowe told the Daily Courier that she opposed Mark Dobbs.") == {
        ("Ann Lowe", "opposes", "Mark Dobbs")}
    assert triples("Senator Ann Lowe attacked the Daily Courier on Monday.") == {("Ann Lowe", "opposes", "Daily Courier")}


# -- people ---------------------------------------------------------------------------


def test_unknown_names_used_as_places_are_not_actors(nlp):
    # NER takes unknown regions for people or organisations: "in the X", "control of X", "X juntas" are places
    doc = nlp("The authorities in Lusaka accused Namibia of arming rebels in the Zambara. "
              "Rebels took control of Kolweto. Angola and Gabon, both run by Zambara juntas, backed Namibia.")
    for word in ("Zambara", "Kolweto"):
        for nth in range(2 if word == "Zambara" else 1):
            assert mention_of(doc, word, nth) is None or not mention_of(doc, word, nth).actors, names(doc)
    # a town fought over is a place
    doc = nlp("Ukraine accused Russia of shelling Velykoselka. Russian troops captured Dorohivka on Monday.")
    assert actor_of(doc, "Velykoselka") is None and actor_of(doc, "Dorohivka") is None, names(doc)
    doc = nlp("Israeli forces raided Tulkaran overnight, the ministry said.")
    assert actor_of(doc, "Tulkaran") is None, names(doc)
    # a person struck in a video is still a person
    doc = nlp("In the video, he strikes Senator Joan Whitby in the back.")
    assert actor_of(doc, "Whitby") == "Joan Whitby"
    # "into" is no place: the organisation investigated stays one
    doc = nlp("Helen Marsh spoke. He authorised a leak about an investigation into the Marsh Foundation last year.")
    assert actor_of(doc, "Foundation") == "Marsh Foundation", names(doc)
    # a person one has faith in stays a person
    doc = nlp("Many voters have faith in Joe Ramsey, the pollster said.")
    assert actor_of(doc, "Ramsey") == "Joe Ramsey"


def test_pro_and_anti_prefixed_names_are_not_those_actors(nlp):
    # "pro-Russian separatists" are not Russia; "Ukraine's pro-Russian government" is Ukraine's
    doc = nlp("Pro-Russian separatists shelled the town. Anti-Israel protesters marched in Oslo.")
    assert actor_of(doc, "Russian") is None and actor_of(doc, "Israel") is None, names(doc)
    doc = nlp("Ukraine's pro-Russian government jailed Petro Marchenko.")
    assert all(a.name != "Russia" for m in doc._.actors.mentions for a in m.actors), names(doc)


def test_surname_after_full_name_and_title(nlp):
    doc = nlp("French Foreign Minister Jean Dupont arrived in Rome on Monday. Dupont said the talks went well.")
    m = mention_of(doc, "Dupont", 1)
    assert m is not None and m.actors[0].name == "Jean Dupont"
    assert m.kind == "surname"
    lavrov = doc._.actors.actors["Jean Dupont"]
    assert lavrov.type == "person"
    assert lavrov.affiliation == "France"
    assert lavrov.role == "foreign minister"


def test_full_name_seen_later_is_canonical(nlp):
    doc = nlp("Keller spoke first. Later, Chancellor Martin Keller of Austria answered questions.")
    assert actor_of(doc, "Keller", 0) == "Martin Keller"
    assert actor_of(doc, "Keller", 1) == "Martin Keller"


def test_ner_cut_long_names_are_completed(nlp):
    # NER stops early inside long names; a compound pointing at the next capitalised word continues the name
    doc = nlp("Opposition leader Maria Lucia Arraez accused Pedro Salcedo of fraud. Arraez said her rallies would go on.")
    assert actor_of(doc, "Arraez", 0) == "Maria Lucia Arraez"
    assert actor_of(doc, "Arraez", 1) == "Maria Lucia Arraez"
    assert actor_of(doc, "her") == "Maria Lucia Arraez"
    # particles inside the name, and the particle capitalised at a sentence's start
    doc = nlp("Commission President Greta von der Hoeven criticised Austria. Von der Hoeven said it broke the rules.")
    assert actor_of(doc, "Hoeven", 0) == "Greta von der Hoeven"
    assert actor_of(doc, "Hoeven", 1) == "Greta von der Hoeven"
    assert actor_of(doc, "it") == "Austria"
    # not over a known body of several words right after a name
    doc = nlp("Donald Trump White House officials met Mexico's envoy.")
    assert actor_of(doc, "White") != "Donald Trump White House"


def test_shorter_end_of_a_full_name_is_the_same_person(nlp):
    doc = nlp("Myanmar's junta leader Min Thet Naing met Thai officials. Thet Naing said the rebels had lost.")
    assert actor_of(doc, "Naing", 1) == actor_of(doc, "Naing", 0)


def test_known_as_nickname_is_the_same_person(nlp):
    doc = nlp("The militia is led by Ahmed Karim Osman, known as Kabbashi. Kabbashi accused the army of looting.")
    assert actor_of(doc, "Kabbashi", 0) == "Ahmed Karim Osman"
    assert actor_of(doc, "Kabbashi", 1) == "Ahmed Karim Osman"
    assert "Kabbashi" in doc._.actors.actors["Ahmed Karim Osman"].aliases


def test_organisation_title_and_apposition_roles(nlp):
    doc = nlp("UN Secretary-General Antonio Guterres warned Iran. Ivan Petrov, the Kremlin spokesman, rejected the claim.")
    g = doc._.actors.actors["Antonio Guterres"]
    assert g.affiliation == "United Nations"
    assert g.role == "secretary-general"
    p = doc._.actors.actors["Ivan Petrov"]
    assert p.affiliation == "Russia"
    assert p.role == "spokesman"


def test_role_reference_to_named_person(nlp):
    doc = nlp("Syrian President Bashar al-Assad received the envoys. Later, the Syrian president thanked Iran.")
    m = mention_of(doc, "president")
    assert m is not None and m.kind == "role"
    assert m.actors[0].name == "Bashar al-Assad"


def test_role_reference_without_named_person_is_the_state_or_nobody(nlp):
    # a state's head the article never names acts for the state; no person is made up
    doc = nlp("Egypt hosted the summit. The Syrian president did not attend.")
    m = mention_of(doc, "president")
    assert m is not None and [a.name for a in m.actors] == ["Syria"]
    assert all(a.type != "person" for a in doc._.actors.actors.values())
    # an office that is no state's stays unresolved
    doc = nlp("Egypt hosted the summit. The Syrian opposition leader did not attend.")
    assert mention_of(doc, "leader") is None


def test_several_word_role_reference_to_a_titled_person(nlp):
    # "the former prime minister" for a "former Ruritanian prime minister": the demonym aside
    doc = nlp("Former Pakistani prime minister Omar Qadir attacked the courts. "
              "The former prime minister urged his supporters to march.")
    m = mention_of(doc, "minister", 1)
    assert m is not None and m.actors[0].name == "Omar Qadir"
    # a lesser office is another person
    doc = nlp("Former Pakistani prime minister Omar Qadir attacked the courts. The prime minister said nothing.")
    assert mention_of(doc, "minister", 1) is None


def test_unnamed_titled_subject_owns_his(nlp):
    # "Ruritania's president said his forces ...": not a person named before
    doc = nlp("Chilean President Mario Vidal accused Peru of spying. Bolivia's president said his forces were ready.")
    assert actor_of(doc, "his") is None


def test_family_name_first_and_spelling_variants(nlp):
    doc = nlp("South Korean President Moon Jae-in visited Tokyo. Moon said the talks were useful.")
    assert actor_of(doc, "Moon", 1) == "Moon Jae-in"
    doc = nlp("Ukrainian President Volodymyr Zelensky thanked his allies. Zelenskiy's office declined to comment.")
    assert actor_of(doc, "Zelenskiy") == "Volodymyr Zelensky"


def test_the_leader_and_the_kingdom(nlp):
    doc = nlp("Ukrainian President Volodymyr Zelensky met the envoys. The Ukrainian leader said Kyiv would keep fighting.")
    assert actor_of(doc, "leader") == "Volodymyr Zelensky"
    doc = nlp("Rebels fired missiles at Saudi Arabia. The kingdom condemned the attack.")
    assert actor_of(doc, "kingdom") == "Saudi Arabia"


def test_middle_initials_are_not_part_of_the_canonical_name(nlp):
    doc = nlp("Rep. Adam B. Schiff spoke on Tuesday. Schiff said the hearing would go on.")
    a = doc._.actors.actors["Adam Schiff"]
    assert a.role == "representative"
    assert actor_of(doc, "Schiff", 1) == "Adam Schiff"


# -- pronouns and plural references ---------------------------------------------------


def test_pronouns_follow_gender_and_type(nlp):
    doc = nlp("Mr. Tom Baker met Ms. Laura Finch in Oslo. She criticised Norway, and he praised Sweden.")
    assert actor_of(doc, "She") == "Laura Finch"
    assert actor_of(doc, "he") == "Tom Baker"


def test_a_first_name_tells_the_gender_a_lone_name_does_not(nlp):
    doc = nlp("Karen Sims met Paul Roe on Monday. He later praised her.")
    assert actor_of(doc, "He") == "Paul Roe" and actor_of(doc, "her") == "Karen Sims"
    from actorgraph.records import Actor
    from actorgraph.resolve.pronouns import gender_of
    from actorgraph.resolve.state import ResolverState
    st = ResolverState(doc, None, None)
    assert gender_of(st, Actor("Karen Sims", "person")) == "f"
    assert gender_of(st, Actor("Graham", "person")) is None  # a lone name may be a surname ("graham" is listed)
    st.gender["Karen Sims"] = "m"  # what the article told wins
    assert gender_of(st, Actor("Karen Sims", "person")) == "m"


def test_it_and_its_refer_to_a_state(nlp):
    doc = nlp("Iran launched drones at the base. It said its strikes were retaliation.")
    assert actor_of(doc, "It") == "Iran"
    assert actor_of(doc, "its") == "Iran"
    m = mention_of(doc, "its")
    assert m.kind == "pronoun"
    # thanked or blamed "for its ...": the object's
    doc = nlp("Kenya thanked Uganda for its help. Chile sanctioned Peru over its vote.")
    assert actor_of(doc, "its", 0) == "Uganda"
    assert actor_of(doc, "its", 1) == "Peru"


def test_pronoun_with_a_nearer_thing_as_object_is_not_an_actor(nlp):
    # no actor earlier in its sentence: an object of the same number before the pronoun is its antecedent
    doc = nlp("The mayor met officials from Canada. He vowed to defend the city against attacks on its reputation.")
    assert actor_of(doc, "its") is None
    doc = nlp("Doctors criticised Canada. We serve patients and help them make decisions, the union said.")
    assert actor_of(doc, "them") is None
    # an actor earlier in the sentence still wins over an object in between
    doc = nlp("Brazil should take responsibility for its reckless policy, Peru said.")
    assert actor_of(doc, "its") == "Brazil"


def test_its_after_a_persons_government_is_that_persons_state(nlp):
    doc = nlp("Armenian Prime Minister Tigran Vardanyan said Russia had failed his country. "
              "Vardanyan's government froze its membership in the bloc.")
    assert actor_of(doc, "its") == "Armenia"


def test_object_pronoun_is_not_the_unsaid_subject_of_its_verb(nlp):
    # "accused X of fighting alongside them", "urged X to fight them": them is not X
    doc = nlp("Rebels attacked the town. Kenya accused Rwandan troops of fighting alongside them.")
    assert actor_of(doc, "them") != "Rwanda"
    doc = nlp("The Houthis fired missiles. Iran urged Saudi Arabia to stop bombing them.")
    assert actor_of(doc, "them") != "Saudi Arabia"


def test_expletive_it_is_not_an_actor(nlp):
    doc = nlp("Iran launched drones. It was too early to say what happened.")
    assert actor_of(doc, "It") is None


def test_they_refers_to_a_group_or_a_conjunction(nlp):
    doc = nlp("The Houthis attacked two ships. They said the ships were headed to Israel.")
    assert actor_of(doc, "They") == "Houthis"
    doc = nlp("Russia and China blocked the resolution. They called it one-sided.")
    assert set(actor_of(doc, "They").split("+")) == {"Russia", "China"}


def test_he_prefers_the_subject_of_the_previous_sentence(nlp):
    doc = nlp("Senator Paul Walsh praised Governor Ann Reyes and her team. He said Canada was a close partner.")
    assert actor_of(doc, "He") == "Paul Walsh"
    assert actor_of(doc, "her") == "Ann Reyes"


def test_pronoun_outside_a_quote_skips_the_quoted_actors(nlp):
    doc = nlp('North Korea issued a statement on Sunday. "The US will regret this," its spokesman said.')
    assert actor_of(doc, "its") == "North Korea"


def test_the_two_refers_to_two_actors(nlp):
    doc = nlp("Kerry met Lavrov in Geneva. The two agreed to continue talks.")
    m = mention_of(doc, "two")
    assert m is not None and m.kind == "group"
    assert {a.name for a in m.actors} == {"Kerry", "Lavrov"}
    doc = nlp("Armenia and Azerbaijan traded fire. Both sides blamed each other.")
    m = mention_of(doc, "sides")
    assert m is not None and {a.name for a in m.actors} == {"Armenia", "Azerbaijan"}


# -- government phrases ---------------------------------------------------------------


def test_demonym_government_phrases(nlp):
    doc = nlp("The Russian government, Syrian government forces and Chinese officials rejected the plan. "
              "Russian media ignored it. The US administration welcomed it.")
    assert actor_of(doc, "government", 0) == "Russia"
    assert actor_of(doc, "forces") == "Syria"
    assert actor_of(doc, "officials") == "China"
    assert actor_of(doc, "administration") == "United States"
    assert actor_of(doc, "media") is None
    assert actor_of(doc, "Russian", 1) is None


def test_military_assets_and_sites_stand_for_their_state(nlp):
    doc = nlp("Turkish warplanes hit Syrian army positions, and Greek drones tracked a Libyan refinery.")
    assert actor_of(doc, "warplanes") == "Turkey"
    assert actor_of(doc, "positions") == "Syria"
    assert actor_of(doc, "drones") == "Greece"
    assert actor_of(doc, "refinery") == "Libya"
    doc = nlp("Egypt condemned the Israeli strike and the Turkish incursion.")
    assert actor_of(doc, "strike") == "Israel"
    assert actor_of(doc, "incursion") == "Turkey"
    doc = nlp("Armenia criticised Russian peacekeepers.")
    assert actor_of(doc, "peacekeepers") == "Russia"
    doc = nlp("The jets struck Houthi targets near the old airfield.")
    assert actor_of(doc, "targets") == "Houthis"
    assert actor_of(doc, "airfield") is None


def test_armed_groups_and_blocs_of_recent_conflicts(nlp):
    doc = nlp("The NUG said People's Defence Force units and the TNLA took the town. Fano militias clashed "
              "with troops as the AES met and the FDLR moved west.")
    assert actor_of(doc, "NUG") == "National Unity Government"
    assert actor_of(doc, "TNLA") == "Ta'ang National Liberation Army"
    assert actor_of(doc, "Fano") == "Fano"
    assert actor_of(doc, "AES") == "Alliance of Sahel States"
    assert actor_of(doc, "FDLR") == "FDLR"
    doc = nlp("Tigrayan forces shelled the town.")
    assert actor_of(doc, "forces") == "Tigray People's Liberation Front"


def test_conjoined_demonyms_name_both_states(nlp):
    doc = nlp("French and German officials drafted the text.")
    assert set(actor_of(doc, "officials").split("+")) == {"France", "Germany"}


def test_mention_for_possessive_government(nlp):
    doc = nlp("Russia's government backs the plan.")
    gov = next(t for t in doc if t.text == "government")
    m = doc._.actors.mention_for(gov)
    assert m is not None and m.actors[0].name == "Russia"
    assert doc._.actors.mention_at(gov) is None


def test_person_regime_means_the_persons_state(nlp):
    doc = nlp("Syrian President Bashar al-Assad spoke on Sunday. Rebels vowed to topple the Assad regime.")
    assert actor_of(doc, "regime") == "Syria"


def test_junta_means_the_country_named_before(nlp):
    doc = nlp("Soldiers seized power in Mali last year. Neighbours imposed sanctions on Mali's junta. "
              "The junta called the measures unlawful.")
    assert actor_of(doc, "junta", 1) == "Mali"


def test_junta_means_the_state_whose_government_was_named(nlp):
    # another word for the rulers of a state named before ("Niger's military government ... the junta")
    doc = nlp("Chad's military government expelled the ambassador of France. The authorities in Paris protested. "
              "The junta, led by a general, said France had meddled.")
    assert actor_of(doc, "junta") == "Chad"
    # not the US word for its own government: "the regime" after "the Smith administration" is another one
    doc = nlp("The Biden administration held talks with Iran. Critics said the regime had lied.")
    assert actor_of(doc, "regime") != actor_of(doc, "administration")


def test_the_army_with_no_state_named_is_the_state_of_a_person_named_nearby(nlp):
    doc = nlp("Former Pakistani prime minister Omar Qadir accused the army of rigging the vote.")
    assert actor_of(doc, "army") == "Pakistan"


def test_the_group_means_the_armed_group_named_before(nlp):
    doc = nlp("Hezbollah fired rockets overnight. The Iran-backed group said the strike was retaliation. "
              "The group's leader spoke later.")
    assert actor_of(doc, "group", 0) == "Hezbollah"
    assert actor_of(doc, "group", 1) == "Hezbollah"
    # a named group, a group of something, or no group named before: nothing
    doc = nlp("Chile named a group of experts. The group met in Lima.")
    assert actor_of(doc, "group", 1) is None


# -- serialisation --------------------------------------------------------------------


def test_index_pickles_and_survives_doc_bytes(nlp):
    doc = nlp("Russian Foreign Minister Sergey Lavrov met Kerry. The two praised Iran, and he thanked it.")
    idx = doc._.actors
    back = pickle.loads(pickle.dumps(idx))
    assert isinstance(back, ActorIndex)
    assert names_of(back) == names_of(idx)
    assert back.actors["Sergey Lavrov"].affiliation == "Russia"
    # shared Actor objects stay shared after the round trip
    lav = [m for m in back.mentions if m.actors[0].name == "Sergey Lavrov"]
    assert all(m.actors[0] is back.actors["Sergey Lavrov"] for m in lav)
    # what spaCy's multiprocessing does: Doc.to_bytes / from_bytes (msgpack)
    doc2 = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert names_of(doc2._.actors) == names_of(idx)
    assert doc2._.actors.mention_at(idx.mentions[0].start).text == idx.mentions[0].text
    doc3 = pickle.loads(pickle.dumps(doc))
    assert names_of(doc3._.actors) == names_of(idx)


def names_of(idx: ActorIndex) -> list[tuple[int, int, tuple[str, ...], str]]:
    return [(m.start, m.end, tuple(a.name for a in m.actors), m.kind) for m in idx.mentions]


def test_gazetteer_can_be_replaced(nlp):
    from actorgraph.gazetteer import Entry, Gazetteer

    nlp2 = spacy.load(model_name(), exclude=["lemmatizer"])
    comp = nlp2.add_pipe("actorgraph_actors", after="ner")
    comp.gazetteer = Gazetteer([Entry("Freedonia", "country", aliases=["FDN"], metonyms=["Fredville"],
                                      demonyms=["Freedonian"])])
    doc = nlp2("Fredville rejected the offer. The Freedonian government said FDN would wait.")
    assert actor_of(doc, "Fredville") == "Freedonia"
    assert actor_of(doc, "government") == "Freedonia"
    assert actor_of(doc, "FDN") == "Freedonia"


# -- the seed article -----------------------------------------------------------------


def test_seed_putin(seed):
    idx = seed._.actors
    putin = idx.actors["Vladimir Putin"]
    assert putin.type == "person"
    assert putin.affiliation == "Russia"
    refs = [m for m in idx.mentions if m.actors == (putin,)]
    kinds = {m.kind for m in refs}
    assert {"name", "surname", "role"} <= kinds  # "Russian President Vladimir Putin", "Putin", "the Russian president"
    assert any(m.text == "the Russian president" for m in refs)
    assert "Putin" not in idx.actors  # no separate actor for the bare surname


def test_seed_lavrov(seed):
    lavrov = seed._.actors.actors["Sergey Lavrov"]
    assert lavrov.affiliation == "Russia"
    assert lavrov.role == "foreign minister"
    assert "Lavrov" in lavrov.aliases
    # "according to the Russian Foreign Minister" resolves to him
    assert any(m.kind == "role" and m.actors == (lavrov,) for m in seed._.actors.mentions)


def test_seed_moscow_and_kremlin(seed):
    idx = seed._.actors
    for word in ("Moscow", "Kremlin"):
        ms = [idx.mention_at(t) for t in seed if t.text == word]
        assert ms and all(m is not None and m.actors[0].name == "Russia" for m in ms), word


def test_seed_karaulova_she(seed):
    sent = next(s for s in seed.sents if s.text.startswith("She was on her way"))
    she = sent[0]
    m = seed._.actors.mention_at(she)
    assert m is not None and m.kind == "pronoun"
    assert m.actors[0].name == "Varvara Karaulova"


def test_seed_islamic_state_and_no_lowercase_is(seed):
    idx = seed._.actors
    assert all(idx.mention_at(t) is None for t in seed if t.lower_ == "is" and t.text != "IS")
    ms = [idx.mention_at(t) for t in seed if t.text == "IS"]
    assert ms and all(m is not None and m.actors[0].name == "Islamic State" for m in ms)


# -- round 2: short names, affiliations, party tags, roles, surnames --------------------------


def person(doc: Doc, name: str):
    return doc._.actors.actors.get(name)


def test_the_first_word_of_a_named_state(nlp):
    doc = nlp("North Korea tested a rocket. Its neighbour called the North reckless. The South stayed silent.")
    assert actor_of(doc, "North", 1) == "North Korea"
    assert actor_of(doc, "South") is None  # South Korea was never named


def test_affiliation_from_an_of_phrase(nlp):
    doc = nlp("Lin Wei of China's foreign ministry told reporters the talks would go on.")
    assert person(doc, "Lin Wei").affiliation == "China"
    doc = nlp("Omar Said of Hamas rejected the offer. Karim Nour from Syria fled the fighting.")
    assert person(doc, "Omar Said").affiliation == "Hamas"
    assert person(doc, "Karim Nour").affiliation is None  # coming from a country is not speaking for it


def test_it_with_an_attitude_adjective_is_the_state(nlp):
    doc = nlp("Japan's foreign ministry said on Friday it was deeply concerned about the launch.")
    assert actor_of(doc, "it") == "Japan"
    doc = nlp("The report was long. It was clear that nothing changed.")
    assert actor_of(doc, "It") is None


def test_party_adjective_on_people_nouns(nlp):
    doc = nlp("Republican protesters gathered outside. Democratic candidates said little.")
    assert actor_of(doc, "protesters") == "Republican Party"
    assert actor_of(doc, "candidates") == "Democratic Party"


def test_ner_junk_and_party_label_around_a_name(nlp):
    doc = nlp("Democrat Jane Moreno - for her part - criticized the bill.")
    assert "Jane Moreno" in doc._.actors.actors
    assert person(doc, "Jane Moreno").affiliation == "Democratic Party"
    assert not any(" for" in n for n in doc._.actors.actors)


def test_us_party_tags_give_affiliation_and_title_gives_role(nlp):
    doc = nlp("Rep. Tom Hollis (D-Ore.) questioned the witness. Sen. Mary Quill, R-Tenn., defended him.")
    tom, mary = person(doc, "Tom Hollis"), person(doc, "Mary Quill")
    assert (tom.affiliation, tom.role) == ("Democratic Party", "representative")
    assert (mary.affiliation, mary.role) == ("Republican Party", "senator")


def test_us_style_role_references(nlp):
    doc = nlp("Attorney General Paul Hearn met Secretary of State Lena Voss and House Speaker Dan Reilly. "
              "The attorney general said the secretary of state and the speaker agreed.")
    assert actor_of(doc, "attorney") == "Paul Hearn"
    assert person(doc, "Paul Hearn").role == "attorney general"
    assert actor_of(doc, "secretary") == "Lena Voss"
    assert actor_of(doc, "speaker") == "Dan Reilly"


def test_the_presidents_lawyer_is_not_the_president(nlp):
    doc = nlp("President Alan Brooke spoke on Monday. The president's lawyer disagreed with the plan.")
    idx = doc._.actors
    lawyer = next(t for t in doc if t.text == "lawyer")
    assert actor_of(doc, "president") == "Alan Brooke"  # the possessor is the president
    assert idx.mention_for(lawyer) is None


def test_name_in_front_of_a_known_body_is_two_mentions(nlp):
    doc = nlp("Senator Ray Dalton criticized the Dalton White House officials. Dalton said so.")
    assert actor_of(doc, "White") == "United States"
    assert "Dalton White House" not in doc._.actors.actors


def test_country_word_that_is_a_persons_surname(nlp):
    doc = nlp("Rep. Paul Jordan spoke first. Jordan said the vote was rigged.")
    assert actor_of(doc, "Jordan", 1) == "Paul Jordan"


def test_ambiguous_surname_is_the_principal_unless_an_honorific_says_otherwise(nlp):
    doc = nlp("Governor Frank Hale met reporters with his son Peter Hale. Hale said the company was clean. "
              "Ms. Hale, his wife, also spoke. Mrs. Hale is a lawyer.")
    assert actor_of(doc, "Hale", 2) == "Frank Hale"
    assert person(doc, "Frank Hale") is not None and person(doc, "Peter Hale") is not None


def test_titled_bare_surname_before_a_full_named_namesake_is_another_person(nlp):
    # "President Hale" long before "Peter Hale" is named: the famous one is not Peter
    doc = nlp("Hale sues the bank. President Hale filed the suit on Monday with his lawyers. "
              "The bank declined to comment. Hale's son, Peter Hale, runs the family firm.")
    assert actor_of(doc, "Hale", 0) == actor_of(doc, "Hale", 1) == "Hale"
    assert actor_of(doc, "Peter") == "Peter Hale"
    # the same title in front of the full name later: one person
    doc = nlp("Sen. Hale spoke first. The bill passed. Sen. Peter Hale voted for it.")
    assert actor_of(doc, "Hale", 0) == "Peter Hale"


def test_nicknames_and_fuller_first_names_join_one_person(nlp):
    doc = nlp("Special counsel Robert Kane filed the report. Bob Kane later spoke. "
              "Lawyer Greg Marsh objected, and Gregory Marsh appealed.")
    idx = doc._.actors
    assert actor_of(doc, "Bob") == "Robert Kane"
    assert "Gregory Marsh" in idx.actors and "Greg Marsh" not in idx.actors


def test_bare_name_that_speaks_is_a_person_and_gender_is_learned(nlp):
    doc = nlp("Voldez said the plan would fail. Voldez used her speech to attack the bill. "
              "Then Karlsson met Voldez. She said no.")
    idx = doc._.actors
    assert idx.actors["Voldez"].type == "person"
    assert actor_of(doc, "She") == "Voldez"


def test_party_member_noun_is_the_party_person_named_before(nlp):
    doc = nlp("Rep. Jane Doakes, Oregon Democrat, spoke on Monday. Sen. Rick Hallow (R-Utah) spoke too. "
              "The Oregon Democrat criticized the Utah Republican. The Democrat left early.")
    assert mention_of(doc, "Democrat", 1).actors[0].name == "Jane Doakes"
    assert mention_of(doc, "Republican").actors[0].name == "Rick Hallow"
    assert mention_of(doc, "Democrat", 2).actors[0].name == "Jane Doakes"


def test_party_member_noun_without_a_party_person_stays_unresolved(nlp):
    doc = nlp("Jane Doakes (D-Ore.) spoke on Monday. The Republican left early.")
    assert mention_of(doc, "Republican") is None


def test_party_member_noun_falls_back_to_the_recent_subject_of_unknown_party(nlp):
    doc = nlp("Senate Majority Leader Tom Ferrant spoke on Tuesday. The Utah Republican said Jane Doakes failed.")
    assert actor_of(doc, "Republican") == "Tom Ferrant"
    assert doc._.actors.actors["Tom Ferrant"].affiliation == "Republican Party"


def test_this_president_is_the_president(nlp):
    doc = nlp("President Tom Ferrant spoke on Monday. This president has failed, said Rick Hallow.")
    assert mention_of(doc, "president", 0).actors[0].name == "Tom Ferrant"


def test_the_committee_is_the_committee_named_before(nlp):
    doc = nlp("Jane Doakes chairs the Senate Farm Committee. On Friday the committee condemned Tom Ferrant.")
    m = mention_of(doc, "committee")
    assert m is not None and m.actors[0].name == "Senate Farm Committee"
    doc = nlp("Tom Ferrant spoke on Monday. On Friday the committee met.")
    assert mention_of(doc, "committee") is None


def test_leader_administration_is_a_government_actor(nlp):
    doc = nlp("President Tom Ferrant spoke on Monday. Rick Hallow praised the Ferrant administration. "
              "Later, the administration attacked Hallow.")
    m = mention_of(doc, "administration")
    assert m is not None and m.actors[0].name == "Ferrant administration"
    assert mention_of(doc, "administration", 1).actors[0] is m.actors[0]
    # a leader whose country is known: the country itself
    doc = nlp("French President Tom Ferrant spoke. Rick Hallow praised the Ferrant government.")
    assert mention_of(doc, "government").actors[0].name == "France"


def test_party_lawmakers_are_a_caucus_of_the_party(nlp):
    doc = nlp("Republican lawmakers condemned Jane Doakes. Democrats praised her.")
    m = mention_of(doc, "lawmakers")
    assert m.actors[0].name == "Republican lawmakers" and m.actors[0].affiliation == "Republican Party"
    assert mention_of(doc, "Democrats").actors[0].name == "Democratic Party"


def test_a_partys_members_in_a_chamber_are_a_caucus(nlp):
    doc = nlp("House Democrats condemned Jane Doakes. Senate Republicans praised her. Democrats met.")
    m = mention_of(doc, "Democrats")
    assert m.text == "House Democrats" and m.actors[0].affiliation == "Democratic Party"
    assert actor_of(doc, "Republicans") == "Senate Republicans"
    assert actor_of(doc, "Democrats", 1) == "Democratic Party"  # the party itself


def test_short_name_of_an_organisation_named_in_full_is_the_same_actor(nlp):
    doc = nlp("The Farm Review Board of Ruritania met on Monday. On Friday, the Farm Review Board condemned Tom Ferrant.")
    firsts = {a.name for m in doc._.actors.mentions for a in m.actors if "Farm" in a.name}
    assert len(firsts) == 1


def test_the_house_is_not_a_committee_named_after_it(nlp):
    doc = nlp("The House Farm Committee met. Mitch Hallow criticized the House on Friday.")
    m = mention_of(doc, "House", 1)
    assert m is None or "Committee" not in m.actors[0].name


def test_legislator_role_nouns_are_interchangeable(nlp):
    doc = nlp("Rep. Rick Hallow spoke on Monday. The congressman left. The lawmaker came back. "
              "Jane Doakes (D-Ore.) arrived. The congresswoman spoke.")
    assert actor_of(doc, "congressman") == "Rick Hallow"
    assert actor_of(doc, "lawmaker") == "Rick Hallow"
    assert actor_of(doc, "congresswoman") == "Jane Doakes"
    doc = nlp("Rep. Rick Hallow spoke on Monday. The senator left.")
    assert actor_of(doc, "senator") is None


def test_he_inside_a_quote_is_not_its_speaker(nlp):
    doc = nlp('Rick Hallow attacked Tom Ferrant on Friday. "He is a liar," Hallow said.')
    assert actor_of(doc, "He") == "Tom Ferrant"
    doc = nlp("Rick Hallow met Tom Ferrant. Hallow said he would stay.")  # reported speech: the speaker
    assert actor_of(doc, "he") == "Rick Hallow"


def test_a_persons_team_and_possessed_government_act_for_the_possessor(nlp):
    doc = nlp("Rick Hallow's team attacked Tom Ferrant. Tom Ferrant took office in May. His administration answered.")
    idx = doc._.actors
    team = next(t for t in doc if t.text == "team")
    adm = next(t for t in doc if t.text == "administration")
    assert idx.mention_for(team).actors[0].name == "Rick Hallow"
    assert idx.mention_for(adm).actors[0].name == "Tom Ferrant"
    doc = nlp("The French team won the match.")
    assert doc._.actors.mention_for(next(t for t in doc if t.text == "team")) is None


def test_party_adjective_on_an_owned_thing_is_the_party(nlp):
    doc = nlp("Tom Ferrant rejected the Democratic demands. Republican efforts to repeal the law failed.")
    assert actor_of(doc, "Democratic") == "Democratic Party"
    assert actor_of(doc, "Republican") == "Republican Party"
    doc = nlp("Democratic voters met in Iowa.")  # not an owned thing
    assert actor_of(doc, "Democratic") is None


def test_titled_name_at_the_very_end_of_a_text(nlp):
    doc = nlp("Articles of impeachment against Rep. Tom Hartley")
    assert actor_of(doc, "Hartley") == "Tom Hartley"


def test_short_court_name_is_the_gazetteer_court_of_the_country_in_focus(nlp):
    doc = nlp("Washington and the US government argued with Tom Ferrant. The Supreme Court on Monday condemned Ferrant.")
    full = doc._.actors.actors
    assert actor_of(doc, "Court") in full and full[actor_of(doc, "Court")].affiliation == "United States"
    doc = nlp("Tom Ferrant argued. The Supreme Court on Monday condemned Ferrant.")  # no country in focus
    assert actor_of(doc, "Court") == "Supreme Court"


def test_titled_name_ending_a_headline_with_a_party_tag_shape(nlp):
    # the party-tag look-ahead ("(D-Calif.)") must not run past the end of the text
    for text in ("Articles of impeachment against Tom Hartley", "Senate votes against Sen. Tom Hartley (",
                 "A vote against Tom Hartley, R"):
        doc = nlp(text)
        assert actor_of(doc, "Hartley") == "Tom Hartley"


def test_he_is_bound_by_the_subject_of_the_verb_above_it(nlp):
    # Hartley's gender is known from "his"; the subject of "said" still wins the "he" below it
    doc = nlp("Tom Hartley was demoted after his conviction. Senator Bill Moreno, speaking at a forum "
              "in Ohio, said that he did not consider the order final.")
    assert actor_of(doc, "he") == "Bill Moreno"
    doc = nlp("Tom Hartley lost his case. His lawyer, Bill Moreno, attacked the court and chided reporters "
              "who, he suggested, should wait.")
    assert actor_of(doc, "he") == "Bill Moreno"
    doc = nlp("Tom Hartley said Bill Moreno would fire him.")  # an object is not its own verb's subject
    assert actor_of(doc, "him") == "Tom Hartley"


def test_bare_state_body_is_that_body_of_the_state_in_focus(nlp):
    doc = nlp("The White House and the Justice Department attacked Tom Hartley. The Senate condemned him, "
              "and the Navy rejected the House's demands. Senate Majority Leader Bill Moreno spoke.")
    assert actor_of(doc, "Senate") == "United States Senate"
    assert actor_of(doc, "Navy") == "United States Navy"
    assert actor_of(doc, "House", 1) == "United States House of Representatives"  # 0: "White House"
    assert actor_of(doc, "Senate", 1) == "Bill Moreno"  # part of a title, not the body
    doc = nlp("Tom Hartley said the Senate would vote on Monday.")  # no state in focus
    assert actor_of(doc, "Senate") is None



def _span(nlp, words: list[str], label: str, tags: dict[int, tuple[str, str]] | None = None, hyphen_glue=()):
    """A hand-made Doc and one entity over all its words (tags: index -> (tag, pos))."""
    from spacy.tokens import Span
    spaces = [i + 1 < len(words) and i not in hyphen_glue and i + 1 not in hyphen_glue for i in range(len(words))]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    for i, (tag, pos) in (tags or {}).items():
        doc[i].tag_, doc[i].pos_ = tag, pos
    return Span(doc, 0, len(words), label=label)


def test_trim_cuts_glue_and_boilerplate_off_names(nlp):
    from actorgraph.actors import _trim

    def text(span):
        s, e = _trim(span)
        return span.doc[s:e].text
    # a hyphen prefix is no first name ("Ex-Hartley")
    assert text(_span(nlp, ["Ex", "-", "Hartley", "Aide"], "PERSON", hyphen_glue=(1,))) == "Hartley Aide"
    # link text repeated and glued to the next word
    assert text(_span(nlp, ["Tom", "Hartley", "Tom", "HartleyPodcasts"], "PERSON")) == "Tom Hartley"
    # a title-case headline's verb
    span = _span(nlp, ["Greg", "Moreno", "Faces"], "PERSON", tags={2: ("VBZ", "VERB")})
    assert text(span) == "Greg Moreno"
    # a verb the model glued to an organisation, a possessor with a year
    assert text(_span(nlp, ["Hartley", "attacked"], "ORG", tags={1: ("VBD", "VERB")})) == "Hartley"
    assert text(_span(nlp, ["Hartley", "\u2019s", "2020"], "ORG", hyphen_glue=(1,))) == "Hartley"


def test_generational_suffix_is_not_the_surname(nlp):
    doc = nlp("Deputy inspector Walter P. Brannick III interviewed Tom Hartley for two hours. Afterwards Brannick "
              "charged Hartley with perjury.")
    assert actor_of(doc, "Walter") == "Walter Brannick"
    assert actor_of(doc, "Brannick", 1) == "Walter Brannick"


def test_boilerplate_and_headline_words_glued_to_a_person_name(nlp):
    doc = nlp("Voters will hear from the budget director Tom Hartley Tom HartleyPodcasts about unpaid bills next "
              "month, Moreno noted.")
    assert actor_of(doc, "director") == "Tom Hartley"
    assert not any("Podcasts" in n for n in doc._.actors.actors)
    doc = nlp("Former Treasury Counsel Greg Moreno Faces Jury In Bribery Case")
    assert "Greg Moreno" in doc._.actors.actors
    doc = nlp("The caucus wants to question Governor Hartley Tom HartleyMay. 3 hearing is planned.")
    assert "Hartley Tom" not in doc._.actors.actors


def test_body_in_front_of_a_person_named_elsewhere_is_cut_off(nlp):
    # NER's "the House Verity Oakes" (an organisation) is the person Verity Oakes named again later
    doc = nlp("Head of the House Verity Oakes opened the session. Later Ms. Oakes adjourned it.")
    assert actor_of(doc, "Verity") == "Verity Oakes"
    assert "House Verity Oakes" not in doc._.actors.actors


def test_headline_words_glued_to_a_surname(nlp):
    doc = nlp("Senators Warn Hartley Over Steel Tariff Plan\n\nPresident Tom Hartley said on Friday that the plan "
              "stands. Hartley left.")
    assert actor_of(doc, "Hartley") == "Tom Hartley"
    assert not any(n.startswith("Warn") for n in doc._.actors.actors)


def test_surname_glued_to_a_country_is_two_actors(nlp):
    doc = nlp("Hartley Ukraine envoy quits after dispute\n\nThe envoy, a longtime friend of President Tom Hartley, "
              "resigned on Friday. Ukraine thanked him.")
    assert actor_of(doc, "Hartley") == "Tom Hartley"
    assert actor_of(doc, "Ukraine") == "Ukraine"
    assert actor_of(doc, "Ukraine", 1) == "Ukraine"


def test_compass_word_name_is_a_place(nlp):
    doc = nlp("Tom Hartley praised the mayor. A fire in East Hartley destroyed a warehouse, officials said.")
    assert actor_of(doc, "Hartley") == "Tom Hartley"
    assert actor_of(doc, "Hartley", 1) is None


def test_title_or_party_tag_marks_a_person_the_model_missed(nlp):
    doc = nlp("In a joint letter, House Rules Chair Verity Oakes (D-Ore.) and House Budget Chair Lionel Farrow "
              "(D-Nev.) called the rule reckless.")
    assert actor_of(doc, "Oakes") == "Verity Oakes"
    assert actor_of(doc, "Farrow") == "Lionel Farrow"
    assert doc._.actors.actors["Verity Oakes"].role == "chair"
    assert not any(n.startswith("House") for n in doc._.actors.actors)


def test_lower_case_title_with_a_modifier_marks_a_person_the_model_missed(nlp):
    # NER's organisation "Sylvain Ekenge" after "army spokesman": a person, who is then "He"
    doc = nlp("Congolese army spokesman Sylvain Ekenge said rebels had attacked the town. He accused Rwanda.")
    assert doc._.actors.actors["Sylvain Ekenge"].type == "person"
    assert actor_of(doc, "He") == "Sylvain Ekenge"


def test_titled_name_in_a_title_case_headline_needs_a_known_surname(nlp):
    doc = nlp("Voters Cheer Veteran Prosecutor Gregory Brannick\n\nFormer prosecutor Greg Brannick won the primary "
              "on Tuesday. Brannick thanked volunteers.")
    assert actor_of(doc, "Gregory") == "Gregory Brannick"
    doc = nlp("Senate Leader Blocks Budget Vote\n\nThe vote failed on Tuesday.")
    assert doc._.actors.actors == {}  # no such surname known: every headline word is capitalised


def test_caucus_is_one_actor_however_the_party_is_spelt(nlp):
    doc = nlp("GOP legislators blocked the budget on Friday. Republican legislators then rejected a compromise, "
              "and Democrat senators condemned them.")
    assert actor_of(doc, "GOP") == "Republican legislators"
    assert actor_of(doc, "Republican") == "Republican legislators"
    assert actor_of(doc, "Democrat") == "Democratic senators"


def test_laws_and_programmes_are_not_actors(nlp):
    doc = nlp("Democrats vowed to expand Medicare and defend the Clean Water Act. Senators passed the Budget "
              "Control Resolution, and the Hartley Foundation praised Obamacare.")
    acts = doc._.actors.actors
    assert "Hartley Foundation" in acts
    assert not any(n in acts for n in ("Medicare", "Budget Control Resolution", "Obamacare"))


def test_a_second_it_in_a_sentence_is_the_same_thing(nlp):
    doc = nlp("Bill Moreno criticized the Veritas Foundation on Friday. Moreno said it was a stunt and warned it "
              "could poison the talks.")
    assert actor_of(doc, "it", 1) is None


def test_its_is_not_a_caucus(nlp):
    doc = nlp("Republican legislators watched the footage. The governor's office denounced its tone.")
    assert actor_of(doc, "its") != "Republican legislators"


def test_role_reference_does_not_reach_far_ahead(nlp):
    # "the president" is not someone introduced with that title many sentences later
    doc = nlp("Tom Hartley wrote that the president could be removed. Critics were angry. Some marched. Others "
              "wrote letters. Later, Ann Moreno, president of a civil liberties fund, spoke.")
    assert actor_of(doc, "president") is None
    doc = nlp("The president spoke on Monday. President Tom Hartley said the deal was dead.")
    assert actor_of(doc, "president") == "Tom Hartley"


def test_subject_pronoun_is_not_the_named_object_of_its_verb(nlp):
    doc = nlp("Tom Hartley lost his license in June. He blamed Mr. Hartley for the accident.")
    assert actor_of(doc, "He") != "Tom Hartley"


def test_state_party_reference_fits_the_home_state(nlp):
    doc = nlp("Rep. Peter Brannick (D-Nev.) and Rep. Ann Doremi (D-Ore.) met reporters. \"We will win,\" the "
              "Nevada Democrat said.")
    assert actor_of(doc, "Nevada") == "Peter Brannick"
    doc = nlp("Sen. Bill Moreno (R-Texas) backed the mayor, while Rep. Peter Brannick, Ohio Republican, asked him "
              "to apologize. \"It was fair,\" the Texas Republican said.")
    assert actor_of(doc, "Texas", 1) == "Bill Moreno"


def test_apposition_affiliation_ignores_a_clause_about_something_else(nlp):
    doc = nlp("Sen. Bill Moreno, a loyal friend who once opposed the president's Cuban embargo, called the vote fair.")
    assert doc._.actors.actors["Bill Moreno"].affiliation != "Cuba"


def test_party_mentions_point_at_their_state(nlp):
    # no country named, but the two US parties are: "the Senate" is the US Senate
    doc = nlp("Democrats praised Republicans on Friday. Republicans said the Senate would vote next week.")
    assert actor_of(doc, "Senate") == "United States Senate"
