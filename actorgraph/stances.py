"""Stance rules: who supports or opposes whom, read off the dependency parse.

The spaCy component ``actorgraph_stances`` runs after ``actorgraph_actors``
(which sets ``doc._.actors``, an index of actor mentions) and sets
``doc._.stances``: a list of :class:`Stance`, one per (source, target, relation)
found in a sentence.

How it works, in brief. Every token whose lemma is in a cue lexicon is a
trigger; a rule for its kind finds the source and target actor mentions
through the parse:

* verbs (``VERB_CUES``): the subject (carried down xcomp chains, shared by
  conjoined verbs, taken from the ``by`` agent in the passive, from the
  possessor in "her way to join ...") acts on the direct object or on the
  object of a listed preposition ("side with", "fight against", "warn ...");
* nouns (``NOUN_CUES``): "Russia's support for Assad", "sanctions on Mali"
  (owner = possessor, compound, ``by`` phrase, or the subject of the clause the
  noun is an object of), "a row with Paris", "cooperation between X and Y";
* relational nouns (``RELATIONAL_NOUNS``): "its ally Turkey", "Hamas ally
  Hezbollah", "China, the North's only ally", "X's enemy", "a critic of Y";
* hyphenated modifiers: "Iran-backed Houthis", "US-led coalition", "pro-Russian";
* adjectives (``ADJ_CUES``): "opposed to", "critical of", "concerned about";
* evaluations held by a speaker: "the US said the president has no
  legitimacy", "Lavrov described IS as an enemy", "demanded that he step
  down", "X said Y is trying to interfere with the vote", "'Y should be
  ashamed,' X said", and the sentences of a quotation whose speaker is named
  in a neighbouring sentence — the holder is the subject of the
  saying/calling/demanding clause, the judged is the subject of what is said,
  and only judgement words said of it count (``JUDGEMENT_WORDS``; not those of a
  nested clause about somebody else);
* announcements: "X announced that the House would draw up charges against
  Y": a person announcing an institution's act holds its stance too;
* joint subjects and reciprocals: "X and Y agreed/worked together/held joint
  drills", "the two sides accused each other", "a dispute between X and Y",
  "X clashed / butted heads with Y", "X and Y did not have the same view of ..."
  give both directions;
* multiword and figurative cues: "take issue with", "take aim at", "hit back
  at", "shoot down X's offer", "X's efforts to thwart Y's probe", "a frequent
  target of X's wrath", "rushed to X's defence", "complained that X ...",
  "called X's push a lynching", "frustration with the way X handled ...";
  condemning an act against someone takes their side ("X said the case
  against Y is a sham": X defends Y).

* more evaluations: "X described / portrayed Y('s plan) as reckless", "X alleged that Y ..." (an
  accusation, whatever the act), "X was disappointed / feared that Y ...", "X said Y's lies / misconduct
  ...", "X called on Y to apologise / retract" (Y is in the wrong), "X responded to Y's attacks",
  "X lost confidence in Y", "X, Y's campaign chairman";

* acts and aims: a bare definite act noun ("condemned the move / the veto") is
  the act told just before it in the same paragraph (its subject is the
  target); backing a measure meant to act on Y ("backed a bill to overturn Y's
  decree", "joined the race to unseat Y") takes that act's stance toward Y;
  a thing made "under"/"by" Y is Y's.

* armed conflict and diplomacy: "fired rockets at X", "intercepted drones launched by X", "retook the
  town from X", "Russia's war / an offensive in X", "blamed the attack on X", "recalled its ambassador
  from X", "expelled diplomats from X", "quit / withdrew from ECOWAS" (organisations only), "X and Y
  signed a pact / restored relations", "revoked an accord with X", "thanked X for its support" (X backs
  the thanker), "forces loyal to X" and "strikes carried out by X" are X's, an "X-held" place is X's but
  "X-backed militias" act for themselves;

* votes, levers and hosting: voting for / adopting "a resolution condemning Y" (or "demanding that Y
  withdraw") opposes Y; vetoing, blocking or voting against such a resolution is read as shielding Y, a
  weaker "supports" (Russia vetoing resolutions condemning Syria); hosting talks, mediating or abstaining
  is no stance. "Cut gas supplies / halted arms exports to X", "froze X's assets", "imposed tariffs on X",
  "banned imports from X" sanction X; "resumed / boosted deliveries or aid to X", "supplied X with
  drones", "granted X access to its bases", "allowed X to use its airspace", "hosts X's troops / base",
  "received weapons from X" aid X; lifting, easing or unfreezing is no stance. Headlines the parser
  misreads are matched too: "X, Y trade barbs", "X, Y restore ties", "X summons Y envoy".

No stance is kept between an actor and its own affiliation (a member and its
party, an official and its state or institution), and "the court's four liberal
members" or "a Mali farmer" do not stand for the court or Mali.

A stance whose cue (or any clause above it) is negated (also "no longer", "has yet to"), denied, failed,
refused, conditional ("if"), in a question, or under "without"/"instead of"
is dropped ("withheld" only what is in its object; a denial with an object of its own does not
cover the next conjunct, "X denied any role and accused Y"; nor does a later rebuttal, "X accused Y,
a charge Y denies"). Modal hedges ("could", "would", "should") keep the stance at a
lower confidence. Reported speech keeps its speaker: the stance of an
embedded clause belongs to that clause's subject, never to the one who
reports it (unless the embedded clause is an evaluation of the target, see
above). The first person inside a quotation ("I", "we") is the quoted speaker
(for "we": the speaker's affiliation when it is an actor of the article).

Relations (``RELATIONS``: relation -> sign):

======================  ==  ====================================================
relation                sign cues (examples)
======================  ==  ====================================================
supports                +1  support, back, endorse, vote for, work for / on behalf of, serve under,
                            "X associate Y", "the announcer of an institution's backing"
allies                  +1  ally (noun/verb), side with, X-allied, friend
cooperates              +1  cooperate, work together, joint drills, partnership
praises                 +1  praise, welcome, hail, thank, congratulate
defends                 +1  defend, protect, shield
aids                    +1  aid, help, arm, fund, "provide weapons to", X-backed
joins                   +1  join, join up with, enlist with
recognises              +1  recognise
leads                   +1  X-led ("US-led coalition")
opposes                 -1  oppose, resist, enemy, rival, "opposed to", "no legitimacy"
criticises              -1  criticise, slam, denounce, criticism of, concerned about
condemns                -1  condemn, denounce
accuses                 -1  accuse, blame, allege
warns                   -1  warn
threatens               -1  threaten, threats against
sanctions               -1  sanction, sanctions / tariffs on, embargo, punish, cut supplies to, freeze assets
expels                  -1  expel, deport, sever ties with
attacks                 -1  attack, strike, bomb, invade, attack on
fights                  -1  fight, battle, combat, the fight against
rejects                 -1  reject, dismiss, rebuff
delegitimises           -1  "has no legitimacy", illegitimate, demanded that he step down
clashes                 -1  clash, row/dispute/tensions with, fighting between
prosecutes              -1  sue, indict, impeach, arrest, investigate
======================  ==  ====================================================
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .records import Actor

# --------------------------------------------------------------------------- vocabulary

RELATIONS: dict[str, int] = {
    "supports": 1,
    "allies": 1,
    "cooperates": 1,
    "praises": 1,
    "defends": 1,
    "aids": 1,
    "joins": 1,
    "recognises": 1,
    "leads": 1,
    "opposes": -1,
    "criticises": -1,
    "condemns": -1,
    "accuses": -1,
    "warns": -1,
    "threatens": -1,
    "sanctions": -1,
    "expels": -1,
    "attacks": -1,
    "fights": -1,
    "rejects": -1,
    "delegitimises": -1,
    "clashes": -1,
    "prosecutes": -1,
}

#: verb lemma -> {slot: relation}; slot "obj" is the direct object, other slots
#: are prepositions (with a particle in front when the verb needs one: "up with").
VERB_CUES: dict[str, dict[str, str]] = {}


def _cues(table: dict[str, dict[str, str]], relation: str, lemmas: str, slots: str) -> None:
    """Register ``lemma + slot -> relation`` for each lemma (verbs, nouns and adjectives alike)."""
    for lemma in lemmas.split():
        d = table.setdefault(lemma, {})
        for slot in slots.split(","):
            d[slot.strip().replace("_", " ")] = relation


def _verbs(relation: str, lemmas: str, slots: str = "obj") -> None:
    _cues(VERB_CUES, relation, lemmas, slots)


_verbs("supports", "support back endorse champion favor favour uphold vouch echo", "obj,for")
_verbs("supports", "reinforce bolster embrace trust admire love respect like")
_verbs("supports", "rally", "behind,around,to")
_verbs("supports", "stand", "with,by,behind")
_verbs("supports", "vote", "for")
_verbs("supports", "speak", "up_for,out_for,for")
_verbs("supports", "campaign", "for")
_verbs("supports", "work lobby consult serve fundraise", "for,under")
_verbs("supports", "pardon nominate appoint reappoint elect")
_verbs("allies", "side", "with")
_verbs("allies", "ally align", "with,obj")
_verbs("cooperates", "cooperate collaborate coordinate partner", "with")
_verbs("cooperates", "court woo")  # "China is courting Pakistan"
_verbs("cooperates", "work", "with,alongside")
_verbs("cooperates", "team", "up_with,with")
_verbs("cooperates", "agree", "with")
_verbs("cooperates", "unite", "with,behind")
_verbs("cooperates", "fight", "alongside")
_verbs("praises", "praise commend hail laud applaud salute welcome thank congratulate honor honour celebrate cheer")
_verbs("defends", "defend protect shield", "obj")
_verbs("aids", "help aid assist arm fund finance bankroll sponsor equip train rescue")
_verbs("joins", "join", "obj,up_with,with,forces_with")
_verbs("joins", "enlist defect", "with,to")
_verbs("recognises", "recognise recognize")
_verbs("opposes", "oppose resist defy obstruct undermine boycott sabotage betray disown hate")
_verbs("opposes", "stand", "against,up_to")
_verbs("opposes", "side", "against")
_verbs("opposes", "vote", "against")
_verbs("opposes", "campaign speak rail protest work turn rebel revolt argue", "against,out_against")
_verbs("opposes", "turn", "on")
_verbs("opposes", "push", "back_against,back_on")
_verbs("opposes", "break", "with,ranks_with")
_verbs("opposes", "distance", "from")
_verbs("opposes", "challenge confront counter contradict defeat oust unseat overthrow topple depose remove fire block veto")
_verbs("opposes", "thwart stymie derail impede hamper foil hinder overturn disrupt")
_verbs("opposes", "disagree", "with")
_verbs("criticises", "take", "issue_with")
_verbs("criticises", "complain grumble", "about,of")
_verbs("criticises", "bemoan lament")
_verbs("criticises", "protest")  # "Manila protested Beijing's manoeuvres"
_verbs("criticises", "hit fire", "back_at")
_verbs("criticises", "tear lay", "into")
_verbs("opposes", "shoot", "down_obj")  # an offer, or a drone
_verbs("attacks", "shoot stab punch")  # not "slap": "slapped sanctions / tariffs on X"
_verbs("opposes", "down")  # "Turkey downed a Syrian jet", like "shot down"
_verbs("attacks", "open", "fire_on,fire_at")
_verbs("attacks", "set", "fire_to")
_verbs("praises", "gush rave", "over,about")
_verbs("criticises", "criticise criticize slam blast bash assail lambast lambaste rebuke reprimand censure chide scold "
       "berate castigate excoriate admonish mock ridicule deride insult disparage belittle smear vilify demonize "
       "demonise denigrate discredit decry deplore fault question")
_verbs("criticises", "lash hit", "out_at")
_verbs("criticises", "take", "aim_at")
# "took a swipe / a shot / a jab / potshots at X"
_verbs("criticises", "take", "swipe_at,swipes_at,shot_at,shots_at,jab_at,jabs_at,potshot_at,potshots_at,dig_at,digs_at")
_verbs("opposes", "take", "on_obj")
_verbs("criticises", "call", "out_obj")
_verbs("opposes", "shut", "out_obj")
_verbs("attacks", "go", "after")
_verbs("supports", "stand", "up_for")
_verbs("praises", "pay", "tribute_to,homage_to")
_verbs("praises", "give", "credit_to")
_verbs("criticises", "knock rip")
_verbs("condemns", "condemn denounce")
_verbs("accuses", "accuse")
_verbs("accuses", "blame", "obj,on")  # "blamed the attack on X": the culprit
_verbs("warns", "warn caution")
_verbs("threatens", "threaten intimidate menace")
_verbs("sanctions", "sanction punish penalize penalise embargo")
_verbs("expels", "expel deport banish")
_verbs("expels", "expel", "diplomats_from,ambassador_from,envoy_from,ambassadors_from,envoys_from")
_verbs("attacks", "attack strike bomb bombard shell raid invade assault target ambush kill assassinate")
_verbs("attacks", "crush pound storm besiege overrun massacre ram")
_verbs("attacks", "hit")  # "Russia hits Ukraine with drones"
_verbs("attacks", "destroy eliminate annihilate eradicate obliterate neutralise neutralize")
_verbs("attacks", "wipe", "out_obj")
_verbs("attacks", "retake retook retaken recapture capture seize wrest", "from")  # "retook the town from X"
_verbs("attacks", "fire launch", "at,on")  # "fired rockets at X", "launched drones at X"
_verbs("opposes", "intercept")  # "intercepted missiles fired by X"
_verbs("opposes", "summon")  # "summoned X's ambassador": a diplomatic protest
_verbs("opposes", "bar ban suspend")  # "barred X from entering", "the bloc suspended X"
_verbs("opposes", "recall withdraw", "ambassador_from,envoy_from,ambassadors_from,envoys_from,diplomats_from")
_verbs("aids", "harbor harbour shelter")  # "accused X of harbouring Y", "was sheltering ELN guerrillas"
_verbs("fights", "fight battle combat", "obj,against")
_verbs("rejects", "reject dismiss rebuff snub spurn repudiate refute rebut")
_verbs("clashes", "clash feud spar quarrel", "with")
_verbs("clashes", "butt lock", "heads_with,horns_with")
_verbs("opposes", "stop beat")  # "joined the race to stop / beat X"
_verbs("opposes", "lose", "to")  # "lost to X in the primary": rivals
_verbs("opposes", "take bring", "down_obj")
_verbs("rejects", "dispute")
_verbs("opposes", "lose", "confidence_in,faith_in,trust_in")
_verbs("supports", "express voice have reaffirm", "confidence_in,faith_in")
_verbs("prosecutes", "sue indict impeach prosecute arrest detain investigate subpoena charge jail imprison convict")

#: "on behalf of X" = for X; "in conjunction / coordination with X" = with X.
ON_BEHALF = {"behalf", "conjunction", "coordination", "cooperation", "concert", "partnership", "tandem"}
#: Economic levers (see ``lever``): cutting a flow of goods to X sanctions X, resuming / raising one aids X.
FLOW_CUT_VERBS = {"cut", "halt", "suspend", "stop", "ban", "curb", "restrict", "slash", "block", "embargo", "reduce"}
FLOW_GIVE_VERBS = {"resume", "boost", "increase", "expand", "restore", "double", "ramp"}
FLOW_NOUNS = {"supply", "supplies", "export", "exports", "shipment", "shipments", "delivery", "deliveries", "flow",
              "flows", "sale", "sales", "import", "imports"}
#: Texts put to a vote (see ``purpose``); vetoing / blocking one that condemns X shields X.
RESOLUTION_NOUNS = {"resolution", "motion", "draft", "declaration", "statement", "amendment"}
ADOPT_VERBS = {"adopt", "pass", "approve", "table", "draft", "cosponsor", "co-sponsor", "submit", "circulate"}
SHIELD_VERBS = {"veto", "block", "reject", "torpedo", "kill", "sink", "scuttle"}
IMPOSE_VERBS = {"impose", "slap", "levy", "place", "put", "announce", "introduce", "raise", "hike", "extend",
                "tighten", "expand", "keep", "maintain", "retain", "renew", "reimpose"}
PENALTY_NOUNS = {"tariff", "tariffs", "duty", "duties", "levy", "levies", "sanction", "sanctions", "embargo",
                 "curbs", "restrictions", "ban", "penalties"}
FLOW_AID_NOUNS = {"aid", "assistance", "funding", "support", "help"}
FREEZE_VERBS = {"freeze", "seize", "confiscate", "impound"}
ASSET_NOUNS = {"asset", "assets", "fund", "funds", "reserve", "reserves", "account", "accounts", "property",
               "holding", "holdings", "wealth"}
#: "voted in favour of X", "spoke in support of X": the object of "of" is the target.
IN_FAVOUR = {"favour", "favor", "support", "defence", "defense"}

#: "drew criticism from X", "won the backing of Y", "came under fire from Z": X/Y/Z hold the stance.
RECEIVE_VERBS = {"draw", "face", "receive", "earn", "attract", "win", "get", "gain", "come", "secure", "court",
                 "obtain", "acquire"}
RECEIVED_NOUNS = {"criticism": "criticises", "condemnation": "condemns", "praise": "praises", "support": "supports",
                  "backing": "supports", "endorsement": "supports", "fire": "criticises", "rebuke": "criticises",
                  "backlash": "criticises", "pressure": "opposes", "attack": "attacks", "attacks": "attacks",
                  "censure": "criticises", "applause": "praises", "approval": "supports", "blessing": "supports",
                  "scorn": "criticises", "ire": "criticises", "wrath": "criticises", "sanctions": "sanctions",
                  "threats": "threatens", "accusations": "accuses"}

#: "provide X to Y" is aid when X is one of these.
AID_VERBS = {"provide", "give", "supply", "send", "deliver", "offer", "extend", "lend", "sell", "ship", "grant",
             "transfer", "pledge", "donate"}
AID_OBJECTS = {"aid", "assistance", "help", "support", "backing", "weapon", "weapons", "arms", "ammunition", "fuel",
               "food", "money", "fund", "funds", "funding", "loan", "loans", "cover", "protection", "equipment",
               "supplies", "refuge", "asylum", "shelter", "training", "intelligence", "missiles", "tanks", "jets",
               "munitions", "shells", "drones", "financing", "credit", "subsidies", "lifeline", "troops",
               "access", "overflight", "peacekeepers", "police", "officers", "instructors", "advisers", "advisors",
               "drone", "missile", "rocket", "rockets", "artillery", "vehicles", "aircraft", "helicopters", "oil", "gas",
               "grain", "vaccines", "medicine", "medicines"}
#: "granted Turkey access / permission / basing rights": the holder of the grant is aided.
GRANTED_NOUNS = {"access", "permission", "right", "rights", "asylum", "refuge"}
#: "supplied X with drones": these verbs take the recipient as object.
SUPPLY_WITH_VERBS = {"supply", "provide", "furnish", "equip", "arm", "help", "assist", "reward"}
#: What a host holds for a guest: "hosts Russian troops", "hosts a US base" (talks and summits are no stance).
HOSTED_NOUNS = {"troop", "troops", "force", "forces", "soldier", "soldiers", "base", "bases", "warship", "warships",
                "fleet", "jet", "jets", "aircraft", "office", "headquarters", "leadership", "leader", "leaders",
                "missile", "missiles", "weapon", "weapons", "fighter", "fighters", "militia", "militias"}
#: "allowed Russia to use its territory / airspace": a host's consent aids the guest.
PERMIT_VERBS = {"allow", "permit", "let", "authorise", "authorize"}
HOST_USES = {"use", "station", "deploy", "base", "transit", "operate", "fly", "stage", "refuel"}
REACT_VERBS = {"react", "respond", "reply", "retort", "hit"}
#: "responded to X's criticism / remarks": a reply to these takes issue with X.
REBUTTED_NOUNS = {"criticism", "criticisms", "attack", "attacks", "accusation", "accusations", "charge", "charges",
                  "claim", "claims", "comment", "comments", "remark", "remarks", "insult", "insults", "jab", "jabs",
                  "tweet", "tweets", "allegation", "allegations", "broadside", "barb", "barbs", "taunt", "taunts"}
HOSTILE_MANNER = {"angrily", "furiously", "harshly", "sharply", "strongly", "defiantly", "bitterly", "fiercely",
                  "scathingly", "indignantly", "negatively"}

#: "urged Ukraine to investigate Biden": the stance is the urger's, not Ukraine's (who has not done it).
WANT_VERBS = {"urge", "ask", "push", "pressure", "press", "encourage", "order", "tell", "call", "force", "persuade",
              "convince", "want", "request", "demand", "compel", "instruct", "insist", "prod", "lobby", "beg",
              "implore", "direct", "expect", "need", "get"}
WANT_THAT_VERBS = {"urge", "ask", "request", "demand", "insist", "want", "push", "press", "propose", "suggest"}
WANT_NOUNS = {"demand", "request", "push", "pressure", "call", "bid", "effort", "efforts", "campaign", "plea",
              "appeal", "order", "attempt", "scheme"}
#: Object-control verbs: the object, not the subject, does the infinitive ("urged X to ...").
OBJECT_CONTROL = {"urge", "ask", "persuade", "convince", "force", "push", "pressure", "encourage", "order", "tell",
                  "allow", "help", "call", "invite", "lead", "press", "get", "cause", "enable", "compel", "instruct",
                  "prompt", "spur", "provoke", "inspire"}

#: A stance under one of these (in the cue itself or any clause above it) is not asserted.
BLOCKERS = {"fail", "refuse", "decline", "deny", "stop", "cease", "avoid", "refrain", "halt", "abandon", "quit",
            "unable", "impossible", "unlikely", "reluctant", "unwilling", "hesitant", "doubt", "lift", "ease",
            "drop", "reverse", "suspend", "end", "withdraw", "rescind", "revoke", "resist", "dismiss", "reject",
            "question", "oppose", "wonder", "pretend", "forget", "neglect", "hesitate", "postpone", "delay"}
#: Blockers only of what is in their object: "withheld aid meant to help X" (not "withheld aid to pressure X").
OBJECT_BLOCKERS = {"withhold"}
#: Verbs that break a positive relationship: "cancelled a pact with", "severed ties with".
BREAKERS = {"cancel", "scrap", "sever", "cut", "break", "suspend", "tear", "abandon", "withdraw", "end", "terminate",
            "freeze", "downgrade", "void", "annul", "revoke", "quit", "leave", "exit", "renounce", "halt"}
#: Negative words that, as the governing head, negate ("no longer", "never" are parsed as neg/advmod).
NEG_ADVERBS = {"never", "hardly", "barely", "scarcely", "no", "not", "n't", "nothing", "neither", "nor"}
HEDGE_MODALS = {"could": 0.7, "might": 0.6, "may": 0.7, "would": 0.75, "should": 0.6, "must": 0.7, "can": 0.85}

SPEECH_VERBS = {"say", "tell", "claim", "announce", "state", "add", "note", "insist", "argue", "assert", "allege",
                "report", "write", "tweet", "declare", "stress", "warn", "explain", "suggest", "indicate", "reply",
                "respond", "affirm", "maintain", "contend", "acknowledge", "admit", "confirm", "emphasise",
                "emphasize", "underline", "point", "believe", "think", "feel", "consider", "agree", "conclude",
                "charge", "accuse", "complain", "lament", "vow", "predict", "urge", "demand", "call", "describe",
                "label", "brand", "deem", "regard", "view", "see", "make", "reiterate", "repeat", "recall", "post",
                "remark", "comment", "observe", "mention", "quote"}

#: Nouns that stand for an actor's apparatus; "the Russian government" is Russia.
PROXY_NOUNS = {"government", "regime", "administration", "authorities", "authority", "officials", "official",
               "forces", "force", "army", "military", "troops", "soldiers", "diplomats", "leadership", "leaders",
               "navy", "parliament", "ministry", "junta", "cabinet", "spokesman", "spokesperson", "spokeswoman",
               "embassy", "media", "resolution", "resolutions", "statement", "campaign", "delegation", "envoy",
               "ambassador", "militia", "militias", "fighters", "units", "warplanes", "jets", "aircraft", "police",
               "president", "minister", "leader", "side", "state", "camp", "allies", "members", "lawmakers"}
#: Owned things that speak for their owner as a subject: "Trump's campaign attacked ...".
SOURCE_OWNED = PROXY_NOUNS | {"campaign", "office", "team", "lawyers", "attorneys", "legal", "tweet", "tweets",
                              "letter", "report", "proposal", "plan", "decision", "move", "bill", "order", "policy",
                              "rhetoric", "remarks", "comments", "speech", "message", "sanctions", "strikes",
                              "airstrikes", "attack", "attacks", "vote", "veto", "announcement", "ruling",
                              "measures", "actions", "action", "operation", "offensive", "committee", "council",
                              "court", "panel", "party", "bloc", "coalition", "alliance", "agency", "department"}
#: Event nouns whose actor modifier is the topic, not the owner: "the Russia investigation".
TOPIC_NOUNS = {"investigation", "probe", "inquiry", "scandal", "question", "issue", "crisis", "case", "trial",
               "hearing", "hearings", "impeachment", "affair", "matter", "file", "dossier", "story", "problem",
               "policy", "strategy", "debate", "controversy", "deal", "talks", "summit", "visit", "border",
               "envoy", "ambassador", "desk", "expert", "experts", "specialist", "war", "conflict"}

#: Quantity heads whose "of" phrase is the real argument: "thousands of Russian troops".
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "tens",
                  "some", "many", "most", "all", "several", "number", "group", "members", "member", "part", "few",
                  "majority", "each", "both", "one", "two", "three", "none", "any", "rest"}
#: "X of Y" where Y is acted upon, not the owner: "the invasion of Ukraine".
PATIENT_OF = {"invasion", "annexation", "occupation", "killing", "murder", "assassination", "arrest", "detention",
              "capture", "release", "bombing", "shelling", "destruction", "liberation", "use", "support", "criticism",
              "condemnation", "impeachment", "removal", "ouster", "election", "defeat", "recognition",
              "investigation", "prosecution", "protection", "defense", "defence", "treatment", "execution",
              "expulsion", "deportation", "isolation", "punishment", "overthrow", "backing", "hiring", "funding",
              "arming", "abduction", "kidnapping", "siege", "blockade", "partition", "nomination", "appointment",
              "dismissal", "firing", "trial", "indictment", "pardon", "praise", "endorsement", "sanctioning"}

#: noun lemma -> {preposition: relation}; "between" gives both directions.
NOUN_CUES: dict[str, dict[str, str]] = {}


def _nouns(relation: str, lemmas: str, preps: str) -> None:
    _cues(NOUN_CUES, relation, lemmas, preps)


_nouns("supports", "support backing endorsement solidarity sympathy loyalty", "for,of,with,to,behind")
_nouns("aids", "aid assistance help", "to,for")
_nouns("praises", "praise", "for,of")
_nouns("allies", "alliance friendship", "with,between")
_nouns("cooperates", "partnership cooperation collaboration coordination", "with,between")
_nouns("cooperates", "deal agreement pact treaty accord", "with")
_nouns("criticises", "criticism", "of,against")
_nouns("criticises", "concern", "about,over")
_nouns("condemns", "condemnation", "of")
_nouns("opposes", "opposition resistance hostility antagonism", "to,toward,towards,against")
_nouns("opposes", "contempt disdain", "for")
_nouns("supports", "fondness affection admiration enthusiasm love", "for,of,toward,towards")
_nouns("opposes", "hatred hate animus animosity antipathy distrust dislike loathing", "for,of,toward,towards")
_nouns("clashes", "battle fight showdown", "with")
_nouns("opposes", "anger outrage fury frustration", "at,over,with")
_nouns("opposes", "rhetoric protest protests crusade boycott resolution measures action actions pressure "
       "hostilities case lawsuit complaint charges", "against")
_nouns("opposes", "pressure", "on")
_nouns("opposes", "protest protests", "with,to")  # "lodged a protest with Beijing"
_nouns("fights", "fight battle struggle campaign front coalition war operation operations offensive", "against,on")
_nouns("attacks", "attack attacks strike strikes airstrike airstrikes assault raid raids aggression", "on,against")
_nouns("attacks", "invasion occupation annexation bombing shelling", "of")
_nouns("threatens", "threat threats", "against,to")
_nouns("sanctions", "sanction sanctions embargo", "on,against")
_nouns("sanctions", "tariff tariffs duty duties levy levies curbs", "on,against")  # "imposed tariffs on China"
_nouns("accuses", "accusation accusations allegation allegations", "against")
_nouns("prosecutes", "investigation probe inquiry", "into,against")
_nouns("prosecutes", "impeachment indictment prosecution", "of")
_nouns("prosecutes", "warrant warrants", "for,against")  # "issued an arrest warrant for X"
_nouns("clashes", "rivalry row dispute feud spat tension tensions clash clashes conflict standoff confrontation "
       "war fighting", "with,between")

#: Relationship nouns: "ties with", neutral unless qualified ("closer ties with", "severed ties with").
TIE_NOUNS = {"ties", "tie", "relation", "relations", "relationship", "links", "contacts", "bond", "bonds",
             "hotline", "dialogue"}
POSITIVE_TIE_WORDS = {"close", "closer", "strong", "stronger", "warm", "warmer", "friendly", "good", "better", "deep",
                      "deeper", "strategic", "special", "solid", "excellent", "growing", "strengthen", "deepen",
                      "boost", "improve", "build", "expand", "bolster", "restore", "establish", "normalise",
                      "normalize", "forge", "cement", "enhance", "develop", "broaden", "mend", "repair", "rebuild",
                      "revive", "resume", "upgrade", "reset"}
NEGATIVE_TIE_WORDS = {"strained", "hostile", "tense", "frosty", "bad", "worsening", "deteriorating", "poor",
                      "troubled", "icy"}

#: Nouns that relate the word's referent to its owner: "Hamas ally Hezbollah".
#: value: (relation, symmetric?, direction) — direction "ref" means the referent
#: holds the stance toward the owner (a critic of X opposes X), "owner" the
#: reverse (X's proxy Y: X supports Y).
RELATIONAL_NOUNS: dict[str, tuple[str, bool, str]] = {
    "ally": ("allies", True, "ref"),
    "partner": ("cooperates", True, "ref"),
    "friend": ("allies", True, "ref"),
    "enemy": ("opposes", False, "owner"),
    "foe": ("opposes", False, "owner"),
    "adversary": ("opposes", False, "owner"),
    "nemesis": ("opposes", False, "owner"),
    "rival": ("opposes", False, "owner"),
    "archrival": ("opposes", False, "owner"),
    "arch-rival": ("opposes", False, "owner"),
    "pick": ("supports", False, "owner"),
    "nominee": ("supports", False, "owner"),
    "appointee": ("supports", False, "owner"),
    "choice": ("supports", False, "owner"),
    "critic": ("criticises", False, "ref"),
    "opponent": ("opposes", False, "ref"),
    "challenger": ("opposes", False, "ref"),
    "detractor": ("criticises", False, "ref"),
    "supporter": ("supports", False, "ref"),
    "backer": ("supports", False, "ref"),
    "defender": ("defends", False, "ref"),
    "loyalist": ("supports", False, "ref"),
    "champion": ("supports", False, "ref"),
    "patron": ("supports", False, "ref"),
    "sponsor": ("supports", False, "ref"),
    "donor": ("aids", False, "ref"),  # "France is Ukraine's largest donor"
    "proxy": ("supports", False, "owner"),
    # "X, a frequent target of Y" / "of Y's wrath": Y opposes X
    "target": ("opposes", False, "owner"),
    "puppet": ("supports", False, "owner"),
    "protege": ("supports", False, "owner"),
    "protégé": ("supports", False, "owner"),
    # close associates (staff nouns such as "aide", "lawyer", "adviser" were tried: annotators rarely read them
    # as stances)
    "associate": ("supports", False, "ref"),
    "confidant": ("supports", False, "ref"),
    "surrogate": ("supports", False, "ref"),
    "lieutenant": ("supports", False, "ref"),
}
#: A campaign's staff work for the candidate (unlike a government office): "Trump's campaign chairman X".
CAMPAIGN_ROLES = {"chairman", "chairwoman", "chair", "co-chair", "manager", "adviser", "advisor", "strategist",
                  "spokesman", "spokeswoman", "spokesperson", "staffer", "aide", "fundraiser", "director"}
#: Staff nouns: a weaker signal than "ally"; lower confidence.
STAFF_NOUNS = {"associate", "confidant", "surrogate", "lieutenant"}

PERSONAL_RELATIONS = {"partner", "friend"}

#: Judgements a holder passes on someone: "X described Y as an enemy".
EVAL_NOUNS = {"enemy": -1, "threat": -1, "terrorist": -1, "terrorists": -1, "aggressor": -1, "dictator": -1,
              "criminal": -1, "danger": -1, "menace": -1, "tyrant": -1, "murderer": -1, "liar": -1, "traitor": -1,
              "puppet": -1, "thug": -1, "fraud": -1, "disgrace": -1, "butcher": -1, "foe": -1, "adversary": -1,
              "war criminal": -1, "ally": 1, "friend": 1, "partner": 1, "hero": 1}
EVAL_ADJS = {"illegitimate": -1, "corrupt": -1, "criminal": -1, "racist": -1, "incompetent": -1, "dishonest": -1,
             "unfit": -1, "treasonous": -1, "lawless": -1, "rogue": -1, "reckless": -1, "dangerous": -1,
             "irresponsible": -1, "hostile": -1}
#: Words that judge the subject of what a speaker says: "X said Y is corrupt" -> X opposes Y.
JUDGEMENT_WORDS = {
    **{w: -1 for w in (
        "corrupt crooked liar lie lies lied lying dishonest disgrace disgraceful shameful shame outrage outrageous "
        "illegitimate illegal unconstitutional lawless criminal incompetent unfit reckless dangerous racist "
        "bigot bigoted sham hoax fraud fraudulent pathetic disgusting despicable abuse abused abusing obstruct "
        "obstructed obstruction cover-up coverup betray betrayed betrayal traitor treason treasonous weak failed "
        "failure disaster disastrous terrible horrible awful wrong irresponsible hypocrite hypocritical "
        "hypocrisy extremist radical partisan vindictive cowardly coward bully thug authoritarian dictator "
        "tyrant unhinged deranged nasty vile evil sleazebag scandalous misconduct unacceptable inappropriate "
        "ridiculous absurd nonsense baseless bogus fake smear witch-hunt obsession obsessed "
        "destabilizing destabilising provocative provocation provocations aggression aggressive hostile "
        "irresponsibly recklessly illegally "
        # political discourse: what a speaker charges the one they talk about with
        "ashamed shameless interfere interference meddle meddling bypass bypassing undermine undermining "
        "mislead misleading misled deceive deceptive deceit dishonesty untrue falsely false lie-filled "
        "cheat cheating corruption bribery bribe extort extortion blackmail collude collusion conspire "
        "rig rigged steal stole stolen scheme shakedown crime crimes impeachable violate violated violating "
        "violation violations stonewall stonewalling cover-ups chaos chaotic damaging harmful destroy destroying "
        "ruin ruining embarrassing embarrassment insulting offensive cruel inhumane divisive hateful bigotry "
        "racism xenophobic misogynist sexist demagogue fascist authoritarians autocrat dictatorial propaganda "
        "charade circus farce unfair unfairly unjust complicit enabler incompetence ignorant cynical petty "
        "desperate desperation unpatriotic un-american anti-american idiot stupid dumb crazy clown loser "
        "disloyal dishonor dishonour disrespect disrespectful abuses overreach unhinged erratic liars "
        "falsehoods crook crooks thugs criminals traitors bullies hypocrites extremists radicals "
        "weaponize weaponized weaponizing politicize politicized politicizing sabotage sabotaging "
        "incapable unqualified grotesque appalling vicious accomplice accomplices lawbreaker lawbreaking "
        "unethical immoral deplorable reprehensible shameful ugly rotten lunatic lunatics "
        "sloppy shoddy careless condescending phony disingenuous guilty inadequate lynching "
        "fanned fanning stoked stoking inflamed inflaming").split()},
    **{w: 1 for w in (
        "great greatest wonderful fantastic tremendous brave courageous honorable honourable patriot patriotic "
        "hero heroic excellent outstanding admirable decent principled trustworthy respected brilliant "
        "terrific legitimate proud honored honoured grateful thankful qualified exceptional extraordinary "
        "remarkable impressive dedicated integrity honest honesty credible capable competent talented "
        "incredible amazing superb heroes patriots champion deserve deserves deserved admire admired "
        "commend commendable applaud congratulate thank praise").split()},
}
#: Judgement words only as adjectives ("Y is not welcome here"; "Y welcomed the talks" judges nobody).
JUDGEMENT_ADJS = {"welcome": 1, "fit": 1, "inflammatory": -1}
LEGITIMACY = {"legitimacy", "credibility", "mandate", "right"}
#: "X announced that the House would ...": a person announcing an institution's act shares its stance.
ANNOUNCE_VERBS = {"announce", "declare", "vow", "pledge", "promise", "decide", "confirm", "unveil"}
#: Verbs that report what someone said or wrote.
REPORT_VERBS = {"say", "tell", "tweet", "write", "add", "argue", "claim", "insist", "charge", "state", "declare",
                "allege", "contend", "assert", "complain", "suggest", "warn", "post", "call", "respond", "reply",
                "note", "believe", "think", "accuse"}
#: Verbs that act against what follows: their objects' bad words do not judge their subject.
COUNTER_VERBS = {"condemn", "denounce", "decry", "fight", "combat", "oppose", "reject", "end", "stop", "tackle",
                 "eliminate", "eradicate", "confront", "counter", "expose", "prevent", "address", "reduce",
                 "criticise", "criticize", "root", "stamp", "crack", "investigate", "prosecute", "punish", "resist"}
#: "voiced frustration with X": the preposition may hang on the verb.
EXPRESS_VERBS = {"express", "voice", "vent", "show", "register", "air", "signal", "convey"}
#: "X called Y's push a lynching": naming verbs whose second object judges the first.
CALL_VERBS = {"call", "label", "brand", "dub", "term", "deem", "describe"}
#: "X described Y as reckless", "portrayed Y's plan as a disaster": the "as" phrase judges the object.
DESCRIBE_VERBS = {"describe", "portray", "characterize", "characterise", "depict", "paint", "cast", "label",
                  "brand", "view", "regard", "see", "dub", "refer"}
#: "X was disappointed that Y rejected ...": a feeling about what Y did is a stance on Y.
#: (glad / pleased / heartened that ... were tried: mostly not stances)
EMOTION_THAT = {w: -1 for w in (
    "disappointed disappoint angry furious upset outraged outrage troubled dismayed dismay appalled appall "
    "disgusted disgust frustrated frustrate saddened sadden alarmed alarm incensed livid").split()}
#: "X alleged that Y ...": alleging something of Y accuses Y, whatever the act.
ALLEGE_VERBS = {"allege", "charge"}
#: "called on X to apologise / denounce ...": demanding that X set right a wrong opposes X.
CORRECTIVE_VERBS = {"apologize", "apologise", "denounce", "condemn", "disavow", "retract", "recant", "recuse",
                    "repudiate", "rescind", "reverse", "halt", "cease", "stop", "end", "withdraw", "drop", "abandon",
                    "atone", "correct", "renounce"}
#: "did not have the same view as X": disagreement.
VIEW_NOUNS = {"view", "views", "opinion", "opinions", "position", "vision", "values", "goal", "goals", "approach",
              "understanding", "outlook", "concern", "concerns", "priorities", "assessment"}
#: "rushed to X's defence", "came to Y's aid".
RESCUE_NOUNS = {"defense": "defends", "defence": "defends", "aid": "aids", "rescue": "aids", "assistance": "aids"}
#: "X complained that Y ...": whatever Y did, X finds fault with Y.
#: People named by where they come from: "a Texas farmer" is not Texas's.
ORIGIN_NOUNS = {"man", "woman", "men", "women", "hunter", "resident", "citizen", "national", "voter", "student",
                "worker", "farmer", "family", "native", "boy", "girl", "teenager", "couple", "businessman",
                "businesswoman", "tourist", "journalist", "reporter", "doctor", "teacher", "immigrant", "migrant"}

#: What is meant to do something: "a measure to overturn X's decree".
PURPOSE_NOUNS = {"measure", "bill", "resolution", "motion", "amendment", "legislation", "effort", "efforts", "bid",
                 "plan", "proposal", "push", "campaign", "attempt", "drive", "initiative", "lawsuit", "suit", "race",
                 "coalition", "movement", "fight"}

#: Verbs that start or carry what is meant to act: "launched a resolution to stop X's emergency".
LAUNCH_VERBS = {"launch", "introduce", "file", "unveil", "propose", "lead", "mount", "spearhead", "start", "begin",
                "pass", "approve", "adopt", "draft", "pursue", "wage", "enter", "announce", "form", "organize",
                "organise", "push", "bring"}

#: Bare nouns for an act ("the move", "the decision"): whose act it is is told just before.
ACT_NOUNS = {"move", "decision", "veto", "step", "action", "order", "announcement", "remarks", "comments",
             "statement", "proposal", "measure", "ruling", "pardon", "decree", "declaration", "ban", "tweet",
             "tweets", "deployment", "withdrawal", "invasion", "offensive", "strike", "strikes", "attack",
             "attacks", "firing", "dismissal", "intervention", "operation", "crackdown", "annexation"}

COMPLAINT_VERBS = {"complain", "lament", "bemoan", "grumble", "gripe", "protest"}
#: "the push to have Ukraine investigate X": the act is still the pusher's.
CAUSATIVE_VERBS = {"have", "make", "let"}
#: "demanded that he step down": the demander opposes the one who should go.
DEMAND_VERBS = {"demand", "call", "urge", "want", "insist", "ask", "push", "press"}
OUSTER_VERBS = {"resign", "quit", "go", "leave", "step", "face", "remove", "oust", "impeach", "arrest", "prosecute",
                "punish", "jail", "fire", "expel", "depose", "topple", "overthrow", "sanction", "investigate"}
OUSTER_NOUNS = {"resignation", "removal", "ouster", "impeachment", "arrest", "prosecution", "punishment", "dismissal",
                "firing", "expulsion", "departure", "overthrow", "downfall", "indictment"}

#: adjective -> {prep: relation}: "opposed to", "critical of", "concerned about".
ADJ_CUES: dict[str, dict[str, str]] = {}


def _adjs(relation: str, lemmas: str, preps: str) -> None:
    _cues(ADJ_CUES, relation, lemmas, preps)


_adjs("opposes", "opposed hostile", "to,toward,towards")
_adjs("criticises", "critical", "of")
_adjs("criticises", "concerned worried alarmed troubled angry furious upset unhappy disappointed outraged",
      "about,over,with,at,by")
_adjs("opposes", "tough", "on,with")
_adjs("opposes", "wary suspicious", "of")
_adjs("supports", "supportive", "of")
_adjs("supports", "loyal", "to")
_adjs("praises", "grateful thankful", "to,for")
_adjs("allies", "allied aligned", "with,to")
_adjs("cooperates", "friendly", "with,to,toward,towards")

#: "Iran-backed Houthis": participle after a hyphenated actor.
HYPHEN_CUES = {"backed": "aids", "funded": "aids", "sponsored": "aids", "supported": "supports", "armed": "aids",
               "trained": "aids", "financed": "aids", "led": "leads", "allied": "allies", "aligned": "allies",
               "affiliated": "allies", "linked": "allies", "friendly": "supports", "controlled": "leads",
               "dominated": "leads", "run": "leads", "appointed": "supports", "nominated": "supports",
               "endorsed": "supports", "owned": "leads", "held": "leads"}
HYPHEN_CONFIDENCE = {"linked": 0.5, "owned": 0.6, "controlled": 0.6, "dominated": 0.6, "run": 0.6, "held": 0.6}
PRO_ANTI = {"pro": "supports", "anti": "opposes"}

#: Joint activities: "joint drills", "the South Korea-US drills", "drills between X and Y".
JOINT_MARKERS = {"joint", "combined", "trilateral", "bilateral", "jointly", "together", "coordinated"}
JOINT_ACTIVITY = {"drill", "drills", "exercise", "exercises", "patrol", "patrols", "maneuver", "maneuvers",
                  "manoeuvre", "manoeuvres", "operation", "operations", "statement", "declaration", "communique",
                  "venture", "project", "initiative", "mission", "force", "resolution", "proposal", "plan",
                  "effort", "efforts", "approach", "wargame", "wargames", "games"}
RECIPROCAL_POSITIVE = {"cooperate": "cooperates", "collaborate": "cooperates", "coordinate": "cooperates",
                       "partner": "cooperates", "ally": "allies", "unite": "cooperates", "team": "cooperates",
                       "agree": "cooperates", "draft": "cooperates", "cosponsor": "cooperates",
                       "co-sponsor": "cooperates", "reconcile": "cooperates"}
RECIPROCAL_NEGATIVE = {"clash": "clashes", "fight": "fights", "feud": "clashes", "spar": "clashes",
                       "quarrel": "clashes", "battle": "fights", "exchange": "clashes", "trade": "clashes",
                       "butt": "clashes"}
EXCHANGE_OBJECTS = {"fire", "blows", "accusations", "insults", "barbs", "threats", "strikes", "attacks", "jabs",
                    "recriminations", "gunfire", "shots", "charges", "broadsides"}
#: "Russia's war in Ukraine", "launched an offensive in Gaza": only with a named waging side, since "the war
#: in X" alone says nothing of who wages it.
WAR_IN_NOUNS = {"war", "offensive", "intervention", "incursion", "aggression"}
WAGE_VERBS = {"wage", "launch", "begin", "start", "escalate", "threaten", "mount", "order", "expand", "continue",
              "intensify", "step"}
#: Leaving a bloc: "Mali quit ECOWAS", "withdrew from the Council of Europe", "its exit from the bloc".
EXIT_VERBS = {"quit", "leave", "exit", "withdraw", "pull"}
EXIT_NOUNS = {"withdrawal", "exit", "departure", "pullout"}
THANK_VERBS = {"thank", "praise", "commend", "hail", "laud", "applaud", "salute", "credit"}
CARRY_OUT_VERBS = {"carry", "conduct", "launch", "claim", "order", "stage", "mount", "perpetrate", "commit",
                   "execute", "fire"}
LOYAL_NOUNS = {"force", "forces", "troop", "troops", "fighter", "fighters", "militia", "militias", "soldier",
               "soldiers", "unit", "units", "group", "groups", "faction", "factions"}
#: "X and Y signed / sealed a pact": an agreement between the two.
PACT_VERBS = {"sign", "seal", "ink", "conclude", "reach", "strike", "forge", "renew", "initial"}
PACT_NOUNS = {"pact", "treaty", "agreement", "accord", "deal", "partnership", "alliance", "memorandum"}
WORK_TOGETHER = {"work", "act", "fight", "operate", "stand", "move", "cooperate", "collaborate"}

#: base confidence per pattern kind
KIND_CONFIDENCE = {"verb": 0.9, "passive": 0.85, "prep": 0.85, "chain": 0.8, "noun": 0.75, "hyphen": 0.8,
                   "relational": 0.8, "reciprocal": 0.75, "joint": 0.7, "adjective": 0.75, "evaluation": 0.7,
                   "demand": 0.7, "compose": 0.6, "announced": 0.75}
MENTION_CONFIDENCE = {"pronoun": 0.8, "role": 0.9, "demonym": 0.9, "group": 0.85, "speaker": 0.8}
OWNER_FACTOR = 0.85  # the target/source was reached through an owned thing ("Trump's policy")


# --------------------------------------------------------------------------- records

@dataclass
class Stance:
    """One stance found in one sentence."""

    source: Any  # actors.Mention (or a speaker stand-in with .text/.kind)
    target: Any
    source_actor: Actor
    target_actor: Actor
    relation: str
    sign: int
    cue: str
    sent_index: int
    confidence: float
    kind: str = ""  # which rule found it

    @property
    def stance(self) -> str:
        return "supports" if self.sign > 0 else "opposes"


@dataclass
class MentionRef:
    """A mention as plain data: a first-person pronoun standing for the quoted speaker,
    or a mention rebuilt from a Doc shipped back by a worker process."""

    start: int
    end: int
    actors: tuple
    kind: str
    text: str


# An argument is one actor reached through one mention, with a confidence factor.
@dataclass(frozen=True)
class _Arg:
    mention: Any
    actor: Actor
    factor: float = 1.0


# --------------------------------------------------------------------------- the rules


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


class _Sentence:
    """The rules for one sentence; collects raw hits."""

    def __init__(self, sent: Span, index: Any, sent_index: int, speaker: list[_Arg], stext: str = "",
                 quoted: bool = False):
        self.sent = sent
        self.index = index
        self.sent_index = sent_index
        self.speaker = speaker
        # the whole sentence is the speaker's words (a quotation whose speaker is named in another sentence)
        self.quoted = quoted and bool(speaker)
        self.hits: list[Stance] = []
        # (Doc.text joins every token each time it is read: callers pass the sentence text in)
        self.question = stext.rstrip().rstrip("\"'\u201d\u2019)").endswith("?")

    # ---------------------------------------------------------------- arguments

    def args(self, tok: Token | None, *, owner: bool | str = False, depth: int = 0) -> list[_Arg]:
        """The actors an argument token stands for: its mention, conjuncts, apparatus owners."""
        if tok is None or depth > 3:
            return []
        out: list[_Arg] = []
        for t in [tok, *tok.conjuncts]:
            out.extend(self._one(t, owner=owner, depth=depth))
        seen: set[str] = set()
        res = []
        for a in out:
            if a.actor.name not in seen:
                seen.add(a.actor.name)
                res.append(a)
        return res

    def _in_quotes(self, t: Token) -> bool:
        """Inside quotation marks opened in this sentence: '"He lied," X said' quotes X on somebody else."""
        return sum(1 for x in t.doc[self.sent.start:t.i] if x.text in _QUOTE_CHARS) % 2 == 1

    def _mention_args(self, m: Any, factor: float = 1.0) -> list[_Arg]:
        f = factor * MENTION_CONFIDENCE.get(getattr(m, "kind", ""), 1.0)
        return [_Arg(m, a, f) for a in m.actors]

    def _one(self, t: Token, *, owner: bool | str, depth: int) -> list[_Arg]:
        idx = self.index
        low = t.lower_
        if low in ("i", "me", "we", "us", "my", "our") and t.tag_ in ("PRP", "PRP$"):
            if low == "us" and t.text == "US":
                pass
            else:
                m = idx.mention_at(t)
                if m is not None and m.actors:
                    return self._mention_args(m)
                return self._first_person(t)
        m = idx.mention_for(t)
        if m is not None and not (m.start <= t.i < m.end) and t.tag_ == "NNS" \
                and any(c.dep_ == "nummod" for c in t.children):
            return []  # "the court's four liberal members": some of its members, not the court itself
        if m is None and t.dep_ == "appos" and t.pos_ == "NOUN":
            # "Fergus Cullen, a former party chairman who opposes ...": the name the description is about
            m2 = idx.mention_at(t.head)
            if m2 is not None and m2.actors:
                m = m2
        if m is None:
            # "the president's attorney, Rudolph W. Giuliani, ..."
            for c in t.children:
                if c.dep_ == "appos":
                    m2 = idx.mention_for(c)
                    if m2 is not None and m2.actors:
                        m = m2
                        break
        if low in ("he", "she") and (m is None or getattr(m, "kind", "") == "pronoun") \
                and t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ccomp" \
                and _lemma(t.head.head) in SPEECH_VERBS and not self._in_quotes(t):
            # "X said he would ...": the reported clause's pronoun subject is, nearly always, the sayer
            sayer = next((c for c in t.head.head.children if c.dep_ == "nsubj"), None)
            ms = idx.mention_for(sayer) if sayer is not None and sayer.lower_ not in ("he", "she") else None
            if ms is not None and len(ms.actors) == 1 and ms.actors[0].type == "person" \
                    and (m is None or all(a.type == "person" for a in m.actors)):
                ref = m if m is not None else MentionRef(t.i, t.i + 1, ms.actors, "pronoun", t.text)
                return [_Arg(ref, ms.actors[0], MENTION_CONFIDENCE["pronoun"])]
        if m is not None and m.actors:
            res = self._mention_args(m)
            if m.actors[0].type == "country" and depth == 0:
                # "Mali, Burkina Faso and Niger quit ...": a list parsed as an apposition
                for c in t.children:
                    if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children):
                        for x in (c, *c.conjuncts):
                            mm = idx.mention_for(x)
                            if mm is not None and mm is not m and mm.actors and mm.actors[0].type == "country":
                                res.extend(self._mention_args(mm))
            # "South Korean and US troops": conjoined modifiers of an apparatus noun
            if idx.mention_at(t) is None:
                for c in t.children:
                    if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
                        for cc in c.conjuncts:
                            mm = idx.mention_at(cc)
                            if mm is not None and mm.actors:
                                res.extend(self._mention_args(mm))
            return res
        lem = _lemma(t)
        if t.pos_ == "NOUN" and depth == 0:
            # "rivals like X", "Democrats such as X", "critics including X": the ones named
            for c in t.children:
                if c.dep_ == "prep" and (c.lower_ in ("like", "including") or (
                        c.lower_ == "as" and any(g.lower_ == "such" for g in c.children))):
                    got = [a for p in c.children if p.dep_ == "pobj" for a in self.args(p, depth=depth + 1)]
                    if got:
                        return got
        # "forces loyal to X", "fighters allied to X": X's own
        if t.pos_ == "NOUN" and lem in LOYAL_NOUNS:
            for c in t.children:
                if c.dep_ == "amod" and c.lower_ in ("loyal", "allied", "affiliated"):
                    got = [a for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "with")
                           for o in p.children if o.dep_ == "pobj" for a in self.args(o, depth=depth + 1)]
                    if got:
                        return got
        # "thousands of Russian troops", "some of the rebels"
        if lem in QUANTITY_NOUNS or t.pos_ == "NUM":
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.args(p, owner=owner, depth=depth + 1)
        # "the government in Bamako", "the junta of Mali", "the regime of Assad"
        if lem in PROXY_NOUNS or t.lower_ in PROXY_NOUNS:
            res = []
            for c in t.children:
                if c.dep_ in ("amod", "compound", "nmod", "poss"):
                    mm = idx.mention_at(c)
                    if mm is not None and mm.actors:
                        res.extend(self._mention_args(mm, 0.9))
                        for cc in c.conjuncts:
                            m2 = idx.mention_at(cc)
                            if m2 is not None and m2.actors:
                                res.extend(self._mention_args(m2, 0.9))
                elif c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            mm = idx.mention_for(p)
                            if mm is not None and mm.actors:
                                res.extend(self._mention_args(mm, 0.9))
                            elif c.lower_ == "in":
                                # "the junta in power in Mali"
                                for c2 in p.children:
                                    if c2.dep_ == "prep" and c2.lower_ in ("in", "of"):
                                        for p2 in c2.children:
                                            m2 = idx.mention_for(p2) if p2.dep_ == "pobj" else None
                                            if m2 is not None and m2.actors:
                                                res.extend(self._mention_args(m2, 0.85))
            if res:
                return res
        if owner == "source":
            if lem in SOURCE_OWNED or t.lower_ in SOURCE_OWNED:
                return self.owners(t, depth=depth, between_ok=False)
            return []
        if owner is True and lem in ("way", "manner") and t.pos_ == "NOUN":
            # "frustration with the way X has handled the report": X's conduct
            for c in t.children:
                if c.dep_ == "relcl":
                    return self.args(next((g for g in c.children if g.dep_ == "nsubj"), None), depth=depth + 1)
        if owner and t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") and lem not in RELATIONAL_NOUNS:
            # ("his rival" is somebody else, not his)
            got = self.owners(t, depth=depth)
            if not got and owner is True and depth == 0 and lem in ("move", "step", "decision") and t.i > 1 \
                    and t.dep_ in ("appos", "dobj", "npadvmod") and t.head.i < t.i and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children) \
                    and t.doc[t.i - 2].text in (",", "\u2014", "--", "-", "\u2013"):
                # "X plans to cut the fund, a move that Y rejected": the move is the clause's own act
                h = t.head
                while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i and h.i >= self.sent.start:
                    h = h.head
                if h.pos_ in ("VERB", "AUX"):
                    got = [_Arg(a.mention, a.actor, a.factor * 0.7) for a in self.subjects(h)]
            if not got and owner is True and depth == 0 and (lem in ACT_NOUNS or t.lower_ in ACT_NOUNS) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) \
                    and not any(c.dep_ in ("poss", "compound", "amod", "prep", "acl", "relcl") and
                                self.index.mention_at(c) is None and c.dep_ in ("prep", "acl", "relcl")
                                for c in t.children):
                got = self._act_agent(t)
            return got
        return []

    def _act_agent(self, n: Token) -> list[_Arg]:
        """"X vetoed the bill. Y condemned the move": an act named by a bare definite noun is the act
        told just before it — the subject of an earlier clause of this sentence, else of the previous
        sentence of the same paragraph (through "said" to what was said)."""
        doc = n.doc
        above = {n.i}
        for a in n.ancestors:  # the clause the noun is in (its verb and that verb's xcomp heads)
            above.add(a.i)
            if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("xcomp",):
                break
        cands = [v for v in reversed(doc[self.sent.start:n.i]) if v.pos_ == "VERB" and v.i not in above
                 and v.dep_ in ("ROOT", "conj") and _lemma(v) not in SPEECH_VERBS]
        j = self.sent.start - 1
        while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
            j -= 1
        if j >= 0 and not doc[j].is_space and "\n" not in doc[j].whitespace_:  # same paragraph
            root = doc[j].sent.root
            while _lemma(root) in SPEECH_VERBS:
                nxt = next((c for c in root.children if c.dep_ == "ccomp"), None)
                if nxt is None:
                    break
                root = nxt
            if root.pos_ in ("VERB", "AUX") and _lemma(root) not in SPEECH_VERBS:
                cands.append(root)
        for v in cands[:2]:
            subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            got = self.args(subj, depth=1)
            if got:
                return [_Arg(a.mention, a.actor, a.factor * 0.7) for a in got]
            return []
        return []

    def owners(self, n: Token, depth: int = 0, between_ok: bool = True) -> list[_Arg]:
        """Whose thing a noun is: "Trump's policy", "drills by Japan", "sanctions imposed by the UN"."""
        if depth > 2:
            return []
        if n.tag_ == "NNS" and any(c.dep_ == "nummod" for c in n.children):
            return []  # "the court's four liberal members": some of its members, not the court itself
        res: list[_Arg] = []
        for c in n.children:
            d = c.dep_
            if d == "poss":
                res.extend(self.args(c, depth=depth + 1))
            elif d in ("compound", "amod", "nmod", "npadvmod") and c.i < n.i:
                if _lemma(n) in TOPIC_NOUNS or n.lower_ in TOPIC_NOUNS:
                    continue  # "the Russia investigation" is about Russia, not Russia's
                if _lemma(n) in ORIGIN_NOUNS:
                    continue  # "a Wyoming hunter" comes from there; he is not the state's
                m = self.index.mention_at(c)
                if m is not None and m.actors:
                    res.extend(self._mention_args(m))
                    for cc in c.conjuncts:
                        m2 = self.index.mention_at(cc)
                        if m2 is not None and m2.actors:
                            res.extend(self._mention_args(m2))
                elif d == "amod" and HYPHEN_CUES.get(c.lower_) == "leads":
                    # "the US-led coalition", "the rebel-held port": the leader owns it ("Iran-backed
                    # militias" are the backer's clients, not the backer: what they do is their own)
                    for g in c.children:
                        m2 = self.index.mention_at(g)
                        if m2 is not None and m2.actors and g.i < c.i:
                            res.extend(self._mention_args(m2))
            elif d == "prep" and c.lower_ in ("by", "between", "from", "among") and (
                    between_ok or c.lower_ in ("by", "from")):
                for p in c.children:
                    if p.dep_ == "pobj":
                        res.extend(self.args(p, depth=depth + 1))
            elif d == "prep" and c.lower_ == "of" and _lemma(n) not in PATIENT_OF and n.lower_ not in PATIENT_OF:
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.args(p, depth=depth + 1)
                        if not got and p.pos_ == "NOUN":
                            got = self.owners(p, depth + 1)
                        res.extend(got)
            elif d in ("acl", "relcl") and c.tag_ == "VBN":
                # "the deal negotiated by X", "the deal that was negotiated under X"
                for a in c.children:
                    if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "under" and (
                            d == "acl" or any(x.dep_ == "nsubjpass" and x.lower_ in ("that", "which")
                                              for x in c.children))):
                        for p in a.children:
                            if p.dep_ == "pobj":
                                res.extend(self.args(p, depth=depth + 1))
        if not res and n.dep_ == "nsubjpass" and _lemma(n.head) in CARRY_OUT_VERBS:
            # "the strikes were carried out by X", "the attack was claimed by X"
            for c in n.head.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            res.extend(self.args(p, depth=depth + 1))
        return [_Arg(a.mention, a.actor, a.factor * OWNER_FACTOR) for a in res]

    def _first_person(self, t: Token) -> list[_Arg]:
        if not self.speaker:
            return []
        out = []
        for a in self.speaker:
            actor = a.actor
            if t.lower_ in ("we", "us", "our") and actor.type == "person" and actor.affiliation:
                aff = self.index.actors.get(actor.affiliation)
                if aff is not None:
                    actor = aff
            m = MentionRef(t.i, t.i + 1, (actor,), "speaker", t.text)
            out.append(_Arg(m, actor, MENTION_CONFIDENCE["speaker"]))
        return out

    # ---------------------------------------------------------------- subjects

    def subjects(self, v: Token, *, avoid: set[str] | None = None, depth: int = 0) -> list[_Arg]:
        """Who does ``v``: its own subject, else inherited up xcomp/conj/advcl/acl chains."""
        if depth > 6:
            return []
        # nearest first: "WASHINGTON (AP) - President X has filed ..." has two subjects; the dateline is not one
        for c in sorted(v.children, key=lambda c: abs(c.i - v.i)):
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return self.args(v.head)
                if c.text.isupper() and len(c.text) > 2 and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text in (
                        "-", "–", "—", "(", "--"):
                    # "WASHINGTON – Gov. X joined ...": a dateline parsed as the subject, X as its apposition
                    app = next((g for g in c.children if g.dep_ == "appos"), None)
                    if app is not None:
                        return self.args(app, owner="source")
                got = self.args(c, owner="source")
                if got or c.dep_ == "nsubj":
                    return got
            if c.dep_ == "agent" and any(x.dep_ == "nsubjpass" for x in v.children):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.args(p, owner="source")
        # a name the tagger took for an auxiliary: "... that IS presented a common enemy"
        for c in v.children:
            if c.i < v.i and c.dep_ in ("aux", "auxpass"):
                m = self.index.mention_at(c)
                if m is not None and m.actors and getattr(m, "kind", "") in ("name", "alias", "metonym"):
                    return self._mention_args(m)
        # "Moscow, which ...", "the group that attacked ..."
        if v.dep_ == "relcl":
            return self.args(v.head)
        h = v.head
        if h.i == v.i:
            return []
        if v.dep_ == "xcomp":
            if _lemma(h) in OBJECT_CONTROL:
                for c in h.children:
                    if c.dep_ == "dobj":
                        return self.args(c, owner="source")
            if h.pos_ in ("VERB", "AUX") or h.pos_ == "ADJ":
                return self.subjects(h, avoid=avoid, depth=depth + 1)
            if h.pos_ in ("NOUN", "PROPN"):
                return self._noun_holder(h, depth)
        if v.dep_ == "acomp" and h.pos_ in ("VERB", "AUX"):
            return self.subjects(h, avoid=avoid, depth=depth + 1)
        if v.dep_ == "conj" and h.pos_ in ("VERB", "AUX"):
            got = self.subjects(h, avoid=avoid, depth=depth + 1)
            if avoid and got and all(a.actor.name in avoid for a in got):
                # "The US said the president has no legitimacy, and demanded that he step down":
                # a misattached conjunct; the clause above is the better subject
                up = h
                while up.dep_ in ("ccomp", "conj", "xcomp") and up.head.i != up.i:
                    up = up.head
                    got2 = self.subjects(up, avoid=avoid, depth=depth + 1)
                    if got2 and not all(a.actor.name in avoid for a in got2):
                        return got2
            return got
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        if v.dep_ == "advcl" and (v.tag_ in ("VBG", "VBN") or infinitive):
            return self.subjects(h, avoid=avoid, depth=depth + 1)
        if v.dep_ == "acl":
            if h.pos_ in ("NOUN", "PROPN", "PRON"):
                return self._noun_holder(h, depth)
        if v.dep_ == "pcomp" and h.dep_ == "prep":
            gov = h.head
            if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "amod", "oprd"):
                return self.subjects(gov, avoid=avoid, depth=depth + 1)  # "proud of standing up to X"
            if gov.pos_ in ("VERB", "AUX"):
                if _lemma(gov) in ("accuse", "blame", "charge", "criticise", "criticize", "praise", "thank"):
                    for c in gov.children:
                        if c.dep_ == "dobj":
                            return self.args(c, owner="source")
                return self.subjects(gov, avoid=avoid, depth=depth + 1)
            if gov.pos_ in ("NOUN", "PROPN"):
                return self._noun_holder(gov, depth)
        return []

    def wanted_by(self, v: Token) -> list[_Arg] | None:
        """ "urged Ukraine to investigate Biden", "Trump's demand that Ukraine investigate ...": the one who
        wants it done holds the stance; None when ``v`` is not such a wanted act."""
        t = v
        for _ in range(3):
            d = t.dep_
            h = t.head
            if h.i == t.i or d not in ("xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep"):
                return None
            lem = _lemma(h)
            if h.pos_ in ("VERB", "AUX") and lem in CAUSATIVE_VERBS and d == "ccomp" and any(
                    c.dep_ == "nsubj" for c in t.children):
                t = h  # "to have Ukraine investigate X": look above "have" for who wants it
                continue
            if h.pos_ in ("VERB", "AUX"):
                # "called for a Republican to oust X": the "for ... to" clause hangs as an advcl
                for_to = d == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children)
                # "pressuring X to investigate Y" parsed with X as the subject of an infinitival ccomp
                to_inf = d == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
                if lem in WANT_VERBS and (d == "xcomp" or d == "ccomp" and (lem in WANT_THAT_VERBS or to_inf)
                                          or for_to):
                    controlled = any(c.dep_ == "dobj" for c in h.children) or any(
                        c.dep_ == "nsubj" for c in t.children)
                    if d == "xcomp" and not controlled:
                        return None  # "wants to protect Assad": the same subject
                    return self.subjects(h)
                if d in ("xcomp", "ccomp", "advcl"):
                    return None
            if h.pos_ == "NOUN" and (lem in WANT_NOUNS or h.lower_ in WANT_NOUNS):
                got = self.owners(h, between_ok=False)
                if not got:
                    got, _ = self.clause_subjects(h)
                return got
            t = h
        return None

    def _noun_holder(self, n: Token, depth: int) -> list[_Arg]:
        """ "her way to join", "China's willingness to get tough", "the Russians fighting for IS"."""
        # "X joined the field of candidates hoping to unseat Y", "X became one of the Democrats vying to ...":
        # the one who joins the group
        t = n
        for _ in range(4):
            if t.dep_ == "pobj" and t.head.lower_ in ("of", "among", "in") and t.head.head.i != t.head.i:
                t = t.head.head
            else:
                break
        if t is not n:
            if t.dep_ in ("dobj", "attr") and t.head.pos_ in ("VERB", "AUX") and _lemma(t.head) in (
                    "join", "enter", "be", "become", "remain"):
                return self.subjects(t.head, depth=depth + 1)
            if t.pos_ in ("VERB", "AUX") and _lemma(t) in ("be", "become", "remain"):
                return self.subjects(t, depth=depth + 1)
        m = self.index.mention_for(n)
        if m is not None and m.actors:
            return self._mention_args(m)
        got = self.owners(n, depth=1, between_ok=False)
        if got:
            return got
        return []

    def clause_subjects(self, n: Token, avoid: set[str] | None = None) -> tuple[list[_Arg], Token | None]:
        """For a noun: the subject of the clause it is an object in, and that clause's verb."""
        t = n
        for _ in range(8):
            d = t.dep_
            h = t.head
            if h.i == t.i:
                return [], None
            if d in ("dobj", "pobj", "prep", "attr", "oprd", "conj", "appos", "dative", "npadvmod", "pcomp"):
                if h.pos_ in ("VERB", "AUX"):
                    if any(c.dep_ == "expl" for c in h.children):
                        return [], h
                    return self.subjects(h, avoid=avoid), h
                if h.pos_ == "ADJ" and d == "prep":
                    return self.subjects(h, avoid=avoid), h
                if h.pos_ in ("NOUN", "PROPN") and d in ("prep", "pobj"):
                    if d == "prep":
                        got = self.owners(h, depth=1, between_ok=False)
                        if got:
                            return got, None
                t = h
                continue
            return [], None
        return [], None

    # ---------------------------------------------------------------- blocking

    def blocked(self, cue: Token, *, skip_self_blocker: bool = True) -> tuple[bool, float]:
        """Is the stance at ``cue`` negated, denied, failed, conditional? And its hedge factor."""
        if self.question:
            return True, 1.0
        hedge = 1.0
        t = cue
        first = True
        via = ""
        prev = cue
        for _ in range(30):
            # "X denied any role and accused Y": a denial with an object of its own does not cover its conjunct
            own_denial = via == "conj" and prev.i > t.i and any(
                c.dep_ in ("dobj", "xcomp", "ccomp") and c.i < prev.i for c in t.children)
            # "X accused Y of ..., a charge Y denies": the rebuttal after the claim does not withdraw it
            own_denial = own_denial or (via == "ccomp" and prev.i < t.i and any(
                _lemma(x) in REBUTTED_NOUNS | {"claim"} for x in t.doc[prev.right_edge.i + 1:t.i]))
            if via in ("nsubj", "nsubjpass", "csubj") or (via == "conj" and t.pos_ in ("VERB", "AUX") and (
                    any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in t.children)
                    or any(c.dep_ in ("nsubj", "nsubjpass") for c in prev.children))):
                # the cue sits in the subject: "X's rhetoric against Y is not uncommon" still asserts it;
                # "X never named Y but blamed Z": the first verb's negation is not the second's
                if t.head.i == t.i:
                    break
                prev = t
                via, t = t.dep_, t.head
                continue
            for c in t.children:
                if c.dep_ == "neg":
                    return True, 1.0
                if c.dep_ in ("advmod", "det", "preconj") and c.lower_ in NEG_ADVERBS:
                    if c.lower_ == "no" and c.dep_ == "advmod" and any(g.lower_ == "longer" for g in c.head.children):
                        return True, 1.0
                    if c.lower_ != "no" or c.dep_ == "det":
                        return True, 1.0
                if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest"):
                    return True, 1.0
                if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and via != "conj" and any(
                        g.lower_ in ("no", "not", "never") for g in c.children):
                    return True, 1.0  # "X no longer supports Y" (parsed longer <- no)
                if c.dep_ == "advmod" and c.lower_ == "yet" and via == "xcomp" and _lemma(t) in ("have", "be"):
                    return True, 1.0  # "X has yet to recognise Y", "X is yet to condemn Y"
                if c.dep_ == "aux" and c.lower_ in HEDGE_MODALS:
                    hedge = min(hedge, HEDGE_MODALS[c.lower_])
            lem = _lemma(t)
            if t.pos_ in ("AUX", "VERB"):
                # "That is hardly possible after ...", "it is unlikely that ..."
                for c in t.children:
                    if c.dep_ == "acomp" and (_lemma(c) in BLOCKERS or any(
                            g.dep_ in ("advmod", "neg") and g.lower_ in NEG_ADVERBS for g in c.children)):
                        return True, 1.0
            if not (first and skip_self_blocker):
                if lem in BLOCKERS and t.pos_ in ("VERB", "ADJ", "AUX", "NOUN") and not own_denial:
                    return True, 1.0
                if lem in OBJECT_BLOCKERS and t.pos_ == "VERB" and via == "dobj":
                    return True, 1.0
                if lem == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
                    return True, 1.0
                if t.pos_ == "ADJ" and lem in ("able",) and any(c.dep_ == "neg" for c in t.children):
                    return True, 1.0
            if t.dep_ == "pcomp" or t.dep_ == "pobj":
                # "warned X against joining Y", "without condemning Y" (the cue itself included)
                p = t.head
                if p.lower_ in ("without", "instead", "against") and p.dep_ == "prep" and t.pos_ == "VERB":
                    return True, 1.0
            if t.lower_ in ("without",) and t.dep_ == "prep":
                return True, 1.0
            if t.dep_ in ("prep", "mark", "cc") and t.lower_ in ("of", "than") and any(
                    c.lower_ in ("instead", "rather") for c in t.children):
                return True, 1.0  # "instead of working with X", "rather than backing X"
            first = False
            if t.head.i == t.i:
                break
            prev = t
            via, t = t.dep_, t.head
        return False, hedge

    # ---------------------------------------------------------------- emit

    def emit(self, sources: list[_Arg], targets: list[_Arg], relation: str, cue: Token, kind: str,
             *, sign: int | None = None, factor: float = 1.0, check: Token | None = None,
             hedge: float | None = None) -> None:
        if not sources or not targets:
            return
        if hedge is None:
            blocked, hedge = self.blocked(check if check is not None else cue)
            if blocked:
                return
        s = RELATIONS[relation] if sign is None else sign
        if s != RELATIONS[relation]:
            relation = "supports" if s > 0 else "opposes"
        base = KIND_CONFIDENCE.get(kind, 0.7) * factor * hedge
        if kind != "announced":
            self._announcer(sources, targets, relation, cue, s, base)
        for a in sources:
            for b in targets:
                if a.actor.name == b.actor.name:
                    continue
                conf = round(max(0.05, min(1.0, base * a.factor * b.factor)), 3)
                self.hits.append(Stance(a.mention, b.mention, a.actor, b.actor, relation, s, cue.text,
                                        self.sent_index, conf, kind))

    def _announcer(self, sources: list[_Arg], targets: list[_Arg], relation: str, cue: Token, sign: int,
                   base: float) -> None:
        """ "Pelosi announced that the House would draw up charges against X": a person announcing what an
        institution will do holds its stance too (not so for a person's deeds: "X said Y attacked Z")."""
        if not sources or any(a.actor.type == "person" for a in sources):
            return
        t = cue
        for _ in range(8):
            if t.head.i == t.i:
                return
            d, t = t.dep_, t.head
            if d == "ccomp":
                break
        else:
            return
        if _lemma(t) not in ANNOUNCE_VERBS or t.pos_ != "VERB":
            return
        skip = {a.actor.name for a in sources} | {a.actor.name for a in targets}
        who = [a for a in self.subjects(t) if a.actor.type == "person" and a.actor.name not in skip]
        if who and not self.blocked(t)[0]:
            self.emit(who, targets, relation, t, "announced", sign=sign, factor=0.85, hedge=1.0)

    def mutual(self, group: list[_Arg], relation: str, cue: Token, kind: str, factor: float = 1.0,
               check: Token | None = None) -> None:
        blocked, hedge = self.blocked(check if check is not None else cue)
        if blocked:
            return
        for a in group:
            self.emit([a], [b for b in group if b.actor.name != a.actor.name], relation, cue, kind, factor=factor,
                      hedge=hedge)

    # ---------------------------------------------------------------- per-token dispatch

    def run(self) -> list[Stance]:
        for t in self.sent:
            lem = _lemma(t)
            pos = t.pos_
            try:
                if pos == "NOUN" and t.dep_ == "ROOT" and t.tag_ == "NNS" and lem in VERB_CUES and any(
                        c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in t.children):
                    pos = "VERB"  # a headline verb tagged as a plural noun: "Niger summons Benin envoy"
                if pos in ("VERB", "AUX") or (pos == "ADJ" and t.tag_ == "VBN"):
                    if lem in VERB_CUES or t.lower_ in VERB_CUES:
                        self.verb(t, lem if lem in VERB_CUES else t.lower_)
                    self.joint_verb(t, lem)
                    if lem not in VERB_CUES:
                        self.against(t)
                    if lem in RECEIVE_VERBS:
                        self.received(t)
                    if lem in AID_VERBS | SUPPLY_WITH_VERBS:
                        self.aid(t)
                    if lem in PERMIT_VERBS:
                        self.permit(t)
                    if lem == "host":
                        self.host(t)
                    if lem in FLOW_CUT_VERBS | FLOW_GIVE_VERBS | FREEZE_VERBS | IMPOSE_VERBS:
                        self.lever(t, lem)
                    if lem in REACT_VERBS:
                        self.react(t)
                    self.evaluation_verb(t, lem)
                    if lem in REPORT_VERBS:
                        self.speaker_judgement(t)
                    if lem in COMPLAINT_VERBS:
                        self.complaint(t)
                    if lem in ("have", "share", "hold"):
                        self.same_view(t)
                    if lem in CALL_VERBS:
                        self.called(t)
                    if lem in LAUNCH_VERBS and "obj" not in VERB_CUES.get(lem, {}):
                        for c in t.children:
                            if c.dep_ == "dobj" and c.pos_ == "NOUN" and _lemma(c) in PURPOSE_NOUNS:
                                self.purpose(t, c, 1)
                    if lem in ADOPT_VERBS:  # "the assembly adopted a resolution condemning X"
                        for c in t.children:
                            if c.dep_ == "dobj" and c.pos_ == "NOUN" and _lemma(c) in RESOLUTION_NOUNS:
                                self.purpose(t, c, 1)
                    if lem in DESCRIBE_VERBS:
                        self.described_as(t)
                    if lem in ALLEGE_VERBS:
                        self.alleged(t)
                    if lem in ("fear", "worry") and pos == "VERB":
                        self.emotion_that(t, -1)  # "X feared that Y's move could ..."
                    self.demand(t, lem)
                    if lem in EXIT_VERBS:
                        self.exit_bloc(t, lem)
                if pos in ("NOUN", "PROPN"):
                    if lem in NOUN_CUES or t.lower_ in NOUN_CUES:
                        self.noun(t, lem if lem in NOUN_CUES else t.lower_)
                    if lem in RELATIONAL_NOUNS or t.lower_ in RELATIONAL_NOUNS:
                        self.relational(t, lem if lem in RELATIONAL_NOUNS else t.lower_)
                    elif lem in CAMPAIGN_ROLES or t.lower_ in CAMPAIGN_ROLES:
                        self.campaign_role(t)
                    if "against" not in (NOUN_CUES.get(lem) or NOUN_CUES.get(t.lower_) or {}):
                        self.against(t)  # "articles of impeachment against X"
                    if lem in TIE_NOUNS:
                        self.ties(t)
                    if lem in EXIT_NOUNS:
                        self.exit_bloc(t, lem)
                    if lem in WAR_IN_NOUNS:
                        self.war_in(t)
                    if lem in JOINT_ACTIVITY or t.lower_ in JOINT_ACTIVITY:
                        self.joint_activity(t)
                    if lem in EVAL_NOUNS:
                        self.evaluation_noun(t, EVAL_NOUNS[lem])
                    if lem in RESCUE_NOUNS and t.dep_ == "pobj" and t.head.lower_ == "to":
                        self.rescue(t)
                if pos == "ADJ" or t.tag_ in ("JJ", "VBN"):
                    if lem in EMOTION_THAT or t.lower_ in EMOTION_THAT:
                        self.emotion_that(t, EMOTION_THAT.get(t.lower_) or EMOTION_THAT[lem])
                    if lem in ADJ_CUES or t.lower_ in ADJ_CUES:
                        self.adjective(t, ADJ_CUES.get(lem) or ADJ_CUES[t.lower_])
                    if lem in EVAL_ADJS:
                        self.evaluation_adj(t, EVAL_ADJS[lem])
                if t.lower_ in HYPHEN_CUES and t.i >= 2 and t.doc[t.i - 1].text == "-":
                    self.hyphen(t)
                if t.lower_ in PRO_ANTI and t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-":
                    self.pro_anti(t)
            except RecursionError:  # pragma: no cover - pathological parse
                continue
        self.headline_pair()
        if self.quoted:
            for t in self.sent:
                if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
                    self.quoted_judgement(t)
        return self.hits

    # ---------------------------------------------------------------- verbs

    def _slots(self, v: Token) -> list[tuple[str, Token]]:
        """(slot, argument head) pairs of a verb: "obj" for its object, prepositions with their particle."""
        # particles, and "back" parsed as an adverb ("hit back at X")
        prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back"))
        out = []
        if not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp") for c in v.children) and v.dep_ == "ROOT":
            # headlines: "Niger summons Benin envoy", "Mali expels French ambassador" leave the object as an
            # apposition / npadvmod of the verb
            out.extend(("obj", c) for c in v.children if c.dep_ in ("appos", "npadvmod") and c.i == v.right_edge.i
                       or (c.dep_ in ("appos", "npadvmod") and c.i > v.i and c.pos_ in ("NOUN", "PROPN")
                           and c.left_edge.i == v.i + 1))
        for c in v.children:
            if c.dep_ in ("dobj", "dative") and c.lower_ not in ("other", "another"):
                out.append(("obj", c))
                if prt:
                    out.append((f"{prt} obj", c))  # "took on X", "called out X"
                # "join forces with", "take aim at", "break ranks with"
                for p in c.children:
                    if p.dep_ == "prep":
                        for o in p.children:
                            if o.dep_ == "pobj":
                                out.append((f"{c.lower_} {p.lower_}", o))
                                out.append((f"{c.lower_}_{p.lower_}", o))
                                if p.lower_ in ("at", "on", "from"):
                                    # "fired missiles at X", "retook the town from X" parsed onto the object
                                    out.append((p.lower_, o))
                # "took aim at X", "takes issue with X" with the preposition hung on the verb
                for p in v.children:
                    if p.dep_ == "prep" and p.i > c.i:
                        for o in p.children:
                            if o.dep_ == "pobj":
                                out.append((f"{c.lower_} {p.lower_}", o))
            elif c.dep_ == "prep":
                for o in c.children:
                    if o.dep_ == "pobj" and c.lower_ in ("in", "on") and _lemma(o) in ON_BEHALF:
                        # "worked on behalf of X" is working for X; "in conjunction with X" is with X
                        for p in o.children:
                            if p.dep_ == "prep" and p.lower_ in ("of", "with"):
                                for oo in p.children:
                                    if oo.dep_ == "pobj":
                                        out.append(("for" if p.lower_ == "of" else "with", oo))
                        continue
                    if o.dep_ == "pobj" and c.lower_ == "in" and _lemma(o) in IN_FAVOUR:
                        # "voted in favour of X", "spoke in support of X"
                        for p in o.children:
                            if p.dep_ == "prep" and p.lower_ == "of":
                                for oo in p.children:
                                    if oo.dep_ == "pobj":
                                        out.append(("for", oo))
                        continue
                    if o.dep_ in ("pobj", "pcomp"):
                        out.append((c.lower_, o))
                        if prt:
                            out.append((f"{prt} {c.lower_}", o))
                        if c.lower_ in ("in", "at"):
                            # "served in the Justice Department under X"
                            for p in o.children:
                                if p.dep_ == "prep" and p.lower_ == "under":
                                    out.extend(("under", oo) for oo in p.children if oo.dep_ == "pobj")
                    elif o.dep_ == "prep":  # "up to", "out against"
                        for oo in o.children:
                            if oo.dep_ == "pobj":
                                out.append((f"{c.lower_} {o.lower_}", oo))
            elif c.dep_ == "ccomp" and _lemma(v) == "help" and _lemma(v.head) not in OBJECT_BLOCKERS:
                # "sent troops to help Russia fight ...": the one helped is the clause's subject
                out.extend(("obj", g) for g in c.children if g.dep_ == "nsubj")
            elif c.dep_ == "prt":
                # "shoots down X's offer" with the object hung on the particle
                for o in c.children:
                    if o.dep_ == "pobj":
                        out.append((f"{c.lower_} obj", o))
            elif c.dep_ == "advmod" and c.lower_ in ("back", "out"):
                # "pushed back against X" with the preposition hung on the adverb
                for p in c.children:
                    if p.dep_ == "prep":
                        for o in p.children:
                            if o.dep_ == "pobj":
                                out.append((f"{c.lower_} {p.lower_}", o))
        return out

    def verb(self, v: Token, lem: str) -> None:
        slots = VERB_CUES[lem]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or (
            v.tag_ == "VBN" and v.dep_ in ("acl", "amod"))
        each_other = self._each_other(v)
        if passive:
            agent = None
            for c in v.children:
                if c.dep_ == "agent":
                    agent = next((p for p in c.children if p.dep_ == "pobj"), None)
            if agent is None:  # "was appointed the U.S. attorney by X": the agent hangs on the predicate
                agent = next((p for c in v.children if c.dep_ in ("oprd", "attr") for g in c.children
                              if g.dep_ in ("prep", "agent") and g.lower_ == "by"
                              for p in g.children if p.dep_ == "pobj"), None)
            if agent is None or "obj" not in slots:
                return
            src = self.args(agent, owner=True)
            if v.dep_ in ("acl", "amod") and v.head.pos_ in ("NOUN", "PROPN"):
                tgt = self.args(v.head, owner=True)
            else:
                subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
                if subj is None:  # "which ... are backed by": the relative pronoun parsed as a plain subject
                    subj = next((c for c in v.children if c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that")),
                                None)
                if subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    subj = v.head
                elif subj is not None and subj.lower_ in ("who", "which", "that") and v.dep_ == "ccomp" \
                        and v.head.dep_ == "relcl":
                    subj = v.head.head  # "the rebels, which Kinshasa says are backed by Rwanda"
                tgt = self.args(subj, owner=True)
            prt = " ".join(c.lower_ for c in v.children if c.dep_ == "prt")
            rel = slots.get(f"{prt} obj") if prt else slots["obj"]  # "was shot down by X" is not "was shot"
            if rel is not None:
                self.emit(src, tgt, rel, v, "passive")
            return
        subj = None
        wanter = self.wanted_by(v)
        if v.dep_ in ("acl", "relcl") and _lemma(v.head) in RESOLUTION_NOUNS and v.head.dep_ in ("dobj", "pobj") \
                and (_lemma(v.head.head) in SHIELD_VERBS or v.head.head.lower_ == "against"
                     or _lemma(v.head.head.head) in SHIELD_VERBS):
            # "vetoed a UN resolution condemning Y": the text was stopped, so its body did not condemn Y
            venue = self._venue(v.head)
            if venue:
                subj = [a for a in self.subjects(v) if a.actor.name not in venue]
        for slot, arg in self._slots(v):
            rel = slots.get(slot)
            if rel is None:
                continue
            if slot == "obj" and lem in PACT_VERBS and _lemma(arg) in PACT_NOUNS:
                continue  # "struck a deal with X" is no strike: the noun's own rule reads it
            if arg.pos_ == "NOUN" and (_lemma(arg) in NOUN_CUES or arg.lower_ in NOUN_CUES):
                self.compose(v, arg, RELATIONS[rel])
            if arg.pos_ == "NOUN" and _lemma(arg) in PURPOSE_NOUNS | RESOLUTION_NOUNS and slot in ("obj", "for",
                                                                                               "against"):
                self.purpose(v, arg, RELATIONS[rel])  # "voted for / in favour of / against a resolution ..."
            if slot == "obj" and arg.lower_ in ("that", "which", "whom") and v.dep_ == "relcl":
                arg = v.head  # "the plan, which Germany rejected": the noun the clause is about
            tgt = self.args(arg, owner=True)
            if _lemma(arg) in RESOLUTION_NOUNS:
                # "vetoed a UN / Security Council resolution": the body is the venue, not the target
                venue = self._venue(arg)
                tgt = [a for a in tgt if a.actor.name not in venue]
            if not tgt:
                continue
            kind = "verb" if slot == "obj" else "prep"
            if wanter is not None:
                self.emit(wanter, tgt, rel, v, "chain", factor=0.85)
                continue
            if subj is None:
                subj = self.subjects(v, avoid={a.actor.name for a in tgt})
            if not any(c.dep_ == "nsubj" for c in v.children):
                kind = "chain"
            self.emit(subj, tgt, rel, v, kind)
            if rel == "clashes":  # "X clashed with Y": Y clashed with X too
                self.emit(tgt, subj, rel, v, kind)
        if each_other is not None:
            group = self.subjects(v)
            if len(group) >= 2:
                rel = next(iter(slots.values()))
                self.mutual(group, rel, v, "reciprocal")

    def aid(self, v: Token) -> None:
        """ "provides fuel and diplomatic cover to Pyongyang", "sent weapons to the rebels"."""
        objs = [c for c in v.children if c.dep_ == "dobj"]
        objs += [cc for o in objs for cc in o.conjuncts]
        if _lemma(v) in SUPPLY_WITH_VERBS:
            # "supplied Hezbollah with drones", "provided Kyiv with intelligence": the object is the recipient
            given = [o for c in v.children if c.dep_ == "prep" and c.lower_ == "with"
                     for o in c.children if o.dep_ == "pobj"]
            given += [cc for o in given for cc in o.conjuncts]
            # "with hundreds of drones", "with a batch of missiles"
            given += [g for o in given for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"]
            if any(_lemma(o) in AID_OBJECTS or o.lower_ in AID_OBJECTS for o in given):
                tgt = [a for o in objs for a in self.args(o, owner=True)]
                if tgt:
                    self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "aids", v, "verb")
                    return
        if not any(_lemma(o) in AID_OBJECTS | GRANTED_NOUNS or o.lower_ in AID_OBJECTS for o in objs):
            return
        tgt: list[_Arg] = []
        for c in v.children:
            if c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "for")):
                if c.dep_ == "dative" and c.pos_ != "ADP":
                    tgt.extend(self.args(c, owner=True))
                for o in c.children:
                    if o.dep_ == "pobj":
                        tgt.extend(self.args(o, owner=True))
        if not tgt:
            # "granted Turkey access to its bases", parsed with the recipient as the object's compound
            tgt = [a for o in objs if _lemma(o) in GRANTED_NOUNS
                   for c in o.children if c.dep_ in ("compound", "amod") and c.i < o.i for a in self.args(c)]
        if not tgt:
            return
        self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "aids", v, "verb")

    def host(self, v: Token) -> None:
        """ "Belarus hosts Russian troops", "Qatar hosts a US base / Hamas's political office" (not talks)."""
        for o in v.children:
            if o.dep_ != "dobj" or _lemma(o) not in HOSTED_NOUNS:
                continue
            guests = self.args(o, owner=True)
            if guests:
                self.emit(self.subjects(v, avoid={a.actor.name for a in guests}), guests, "aids", v, "verb",
                          factor=0.8)

    def permit(self, v: Token) -> None:
        """ "Belarus allowed Russia to use its territory", "let US jets refuel at its bases"."""
        for x in v.children:
            if x.dep_ not in ("ccomp", "xcomp") or _lemma(x) not in HOST_USES:
                continue
            guests = [a for c in list(x.children) + list(v.children) if c.dep_ in ("nsubj", "dobj") and c.i < x.i
                      and c.i > v.i for a in self.args(c)]
            if guests:
                self.emit(self.subjects(v, avoid={a.actor.name for a in guests}), guests, "aids", v, "verb",
                          factor=0.85)

    def lever(self, v: Token, lem: str) -> None:
        """Economic levers: "cut gas supplies to Moldova", "halted arms exports to Riyadh", "froze Russia's
        assets" (sanctions); "resumed oil shipments to Egypt" (aid). Lifting or easing is no stance."""
        cut = lem in FLOW_CUT_VERBS
        for o in v.children:
            if o.dep_ != "dobj" or o.pos_ != "NOUN":
                continue
            ol = _lemma(o)
            if lem in FREEZE_VERBS and ol not in ASSET_NOUNS:
                # "froze 200 billion euros of Russia's reserves"
                o = next((g for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                          if g.dep_ == "pobj" and _lemma(g) in ASSET_NOUNS), o)
                ol = _lemma(o)
            if lem in FREEZE_VERBS and ol in ASSET_NOUNS:
                tgt = self.owners(o, between_ok=False)
                if tgt:
                    self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "sanctions", v, "verb",
                              factor=0.9)
                continue
            if lem in IMPOSE_VERBS and ol in PENALTY_NOUNS:
                # "imposed tariffs on China", with "on" hung on the verb (the noun's own rule reads the rest)
                tgt = [a for c in v.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                       for p in c.children if p.dep_ == "pobj" for a in self.args(p, owner=True)]
                if tgt:
                    self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "sanctions", v, "verb",
                              factor=0.9)
                continue
            if ol in FLOW_AID_NOUNS and not cut:
                ol = "supply"  # "boosted military aid to X"; cutting aid is read by the aid noun's own rule
            if ol not in FLOW_NOUNS:
                continue
            tgt = []
            for holder in (o, v):
                for c in holder.children:
                    # "imports from Belarus", "imports of Japanese seafood": the exporter
                    if c.dep_ == "prep" and (c.lower_ == "to" or (c.lower_ in ("from", "of") and cut and ol in (
                            "import", "imports"))):
                        tgt.extend(a for p in c.children if p.dep_ == "pobj" for a in self.args(p, owner=True))
            if not tgt:
                continue
            rel = "sanctions" if cut else "aids"
            self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, rel, v, "verb",
                      factor=0.85 if cut else 0.7)

    def received(self, v: Token) -> None:
        """ "X drew criticism from Y", "X won the backing of Y", "X came under fire from Y"."""
        objs = [c for c in v.children if c.dep_ == "dobj"]
        for c in v.children:  # "came under fire from"
            if c.dep_ == "prep" and c.lower_ == "under":
                objs.extend(o for o in c.children if o.dep_ == "pobj")
        for o in objs:
            rel = RECEIVED_NOUNS.get(o.lower_) or RECEIVED_NOUNS.get(_lemma(o))
            if rel is None and _lemma(v) in ("receive", "get", "obtain", "acquire") and (
                    o.lower_ in AID_OBJECTS or _lemma(o) in AID_OBJECTS) and o.lower_ not in ("support", "backing"):
                rel = "aids"  # "the RSF was receiving weapons from the UAE": the giver aids the receiver
            if rel is None:
                continue
            givers: list[_Arg] = []
            for holder in (o, v):
                for c in holder.children:
                    if c.dep_ == "prep" and (c.lower_ == "from" or (c.lower_ == "of" and holder is o)):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                givers.extend(self.args(p, owner="source"))
            givers.extend(a for c in o.children if c.dep_ == "poss" for a in self.args(c))
            if givers:
                self.emit(givers, self.subjects(v, avoid={a.actor.name for a in givers}), rel, o, "noun",
                          check=v)

    def react(self, v: Token) -> None:
        """ "reacted angrily to the sanctions imposed by the UN", "responded to X's attacks / comments"."""
        hostile = any(c.dep_ == "advmod" and c.lower_ in HOSTILE_MANNER for c in v.children)
        tgt: list[_Arg] = []
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "against"):
                for o in c.children:
                    if o.dep_ != "pobj":
                        continue
                    if hostile:
                        tgt.extend(self.args(o, owner=True))
                    elif _lemma(o) in REBUTTED_NOUNS or o.lower_ in REBUTTED_NOUNS:
                        # answering someone's attacks or remarks is taking issue with them
                        tgt.extend(a for g in o.children if g.dep_ == "poss" for a in self.args(g))
        if tgt:
            self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, "criticises", v, "verb")

    def _each_other(self, v: Token) -> Token | None:
        for c in v.children:
            if c.dep_ in ("dobj", "pobj", "prep"):
                cands = [c] if c.dep_ != "prep" else [o for o in c.children if o.dep_ == "pobj"]
                for o in cands:
                    if o.lower_ not in ("other", "another"):
                        continue
                    if any(g.lower_ in ("each", "one", "the") for g in o.children) or (
                            o.i > 0 and o.doc[o.i - 1].lower_ == "one"):
                        return o
        return None

    def _venue(self, n: Token) -> set[str]:
        """Organisations named on a resolution as its forum ("a UN resolution", "a Security Council
        statement"), as opposed to a sponsoring state ("a US resolution")."""
        return {a.actor.name for c in n.children if c.dep_ in ("compound", "nmod", "amod") and c.i < n.i
                for a in self.args(c) if a.actor.type == "organisation"}

    def purpose(self, v: Token, n: Token, vsign: int) -> None:
        """ "X backed a measure to overturn Y's decree": backing what is meant to act on Y takes that act's
        side (opposing it is not read: rejecting a plan to sanction Y need not mean backing Y).

        Resolutions are read in both directions: voting for / sponsoring "a resolution condemning Y" opposes Y,
        and vetoing or voting against one shields Y (a weaker, "supports" reading: Russia vetoing resolutions
        condemning Syria). "... demanding that Y withdraw" opposes Y."""
        resolution = _lemma(n) in RESOLUTION_NOUNS
        if vsign < 0 and not (resolution and (_lemma(v) in SHIELD_VERBS or any(
                c.dep_ == "prep" and c.lower_ == "against" for c in v.children))):
            return
        for c in n.children:
            if resolution and c.dep_ in ("amod", "acl") and c.pos_ == "ADJ" and _lemma(c) in ADJ_CUES:
                # "a draft resolution critical of Israel"
                for p in c.children:
                    rel = ADJ_CUES[_lemma(c)].get(p.lower_) if p.dep_ == "prep" else None
                    tgt = [a for o in p.children if o.dep_ == "pobj" for a in self.args(o, owner=True)] if rel else []
                    if tgt:
                        ex = {a.actor.name for a in tgt}
                        self.emit([a for a in self.subjects(v) if a.actor.name not in ex], tgt, rel, v, "compose",
                                  sign=vsign * RELATIONS[rel], factor=0.75 if vsign < 0 else 0.85, check=v)
                continue
            if c.dep_ not in ("acl", "relcl") or c.pos_ != "VERB":
                continue
            infinitive = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            # "a resolution condemning Y", "a motion that condemns Y" (not "a resolution Y rejected")
            clause = resolution and not any(a.dep_ == "nsubj" and a.lower_ not in ("that", "which")
                                            for a in c.children) and (c.tag_ in ("VBG", "VBZ", "VBP") or (
                c.tag_ == "VBD" and any(a.dep_ == "nsubj" for a in c.children)))
            if not infinitive and not clause:
                continue
            if vsign < 0 and not clause:
                continue
            factor = 0.75 if vsign < 0 else 0.85
            if clause and _lemma(c) in DEMAND_VERBS:
                # "a resolution demanding that Russia withdraw / calling on Israel to halt ..."
                for cc in c.children:
                    x = cc if cc.dep_ in ("ccomp", "xcomp") else None
                    if x is None or _lemma(x) not in EXIT_VERBS | OUSTER_VERBS | {"halt", "stop", "cease", "end"}:
                        continue
                    who = [a for s2 in x.children if s2.dep_ == "nsubj" for a in self.args(s2)]
                    who += [a for s2 in c.children if s2.dep_ == "prep" and s2.lower_ == "on"
                            for o in s2.children if o.dep_ == "pobj" for a in self.args(o)]
                    if who:
                        ex = {a.actor.name for a in who}
                        self.emit([a for a in self.subjects(v) if a.actor.name not in ex], who, "opposes", v,
                                  "compose", sign=-vsign, factor=factor, check=v)
                continue
            rel = VERB_CUES.get(_lemma(c), {}).get("obj")
            # "a resolution criticising Azerbaijan" is sometimes parsed with the object as npadvmod
            obj = next((o for o in c.children if o.dep_ == "dobj" or (
                clause and o.dep_ == "npadvmod" and o.pos_ == "PROPN" and o.i > c.i)), None)
            if rel is None or obj is None or any(a.dep_ == "neg" for a in c.children):
                continue
            tgt = self.args(obj, owner=True)
            if not tgt:
                continue
            sign = vsign * RELATIONS[rel]
            ex = {a.actor.name for a in tgt}
            self.emit([a for a in self.subjects(v) if a.actor.name not in ex], tgt, rel, v, "compose", sign=sign,
                      factor=factor, check=v)
            if vsign > 0:  # "a Green measure to ...": its owners mean it
                self.emit(self.owners(n, between_ok=False), tgt, rel, c, "compose", factor=0.85, check=v)

    def compose(self, v: Token, n: Token, vsign: int) -> None:
        """ "backed sanctions on Mali", "echo ECOWAS's concern over Wagner": a verb over a stance noun."""
        lem = _lemma(n)
        entry = NOUN_CUES.get(lem) or NOUN_CUES.get(n.lower_)
        if not entry:
            return
        targets: list[_Arg] = []
        nrel = None
        if _lemma(v) == "blame" and vsign < 0:
            # "blamed the attack on X": X is the culprit blamed, not the attack's victim
            culprits = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "on"
                        for p in c.children if p.dep_ == "pobj" for a in self.args(p, owner=True)]
            if culprits:
                subj = self.subjects(v, avoid={a.actor.name for a in culprits})
                self.emit(subj, culprits, "accuses", v, "verb")
                return
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in entry and c.lower_ != "between":
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.args(p, owner=True)
                        if got:
                            targets.extend(got)
                            nrel = entry[c.lower_]
        if not targets or nrel is None:
            return
        subj = self.subjects(v)
        self.emit(subj, targets, nrel, v, "compose", sign=vsign * RELATIONS[nrel], check=v)

    def war_in(self, n: Token) -> None:
        tgt = [a for c in n.children if c.dep_ == "prep" and c.lower_ == "in"
               for p in c.children if p.dep_ == "pobj" for a in self.args(p)]
        if not tgt:
            return
        ex = {a.actor.name for a in tgt}
        src = [a for a in self.owners(n, between_ok=False) if a.actor.name not in ex]
        cue = n
        if not src and n.dep_ == "dobj" and _lemma(n.head) in WAGE_VERBS:
            cue = n.head
            src = self.subjects(n.head, avoid=ex)
        self.emit(src, tgt, "threatens" if _lemma(cue) == "threaten" else "attacks", cue, "noun", check=n)

    def exit_bloc(self, t: Token, lem: str) -> None:
        """ "Mali withdrew from ECOWAS", "announced their exit from the bloc": opposing the organisation left.
        Only organisations: "withdrew from Kherson" is a retreat, not a stance on Ukraine."""
        objs = []
        for c in t.children:
            if c.dep_ == "dobj" and lem in ("quit", "leave", "exit"):
                objs.append(c)
            elif c.dep_ == "prep" and c.lower_ == "from":
                objs.extend(o for o in c.children if o.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "out" for g in t.children):
                objs.extend(o for o in c.children if o.dep_ == "pobj")  # "pulled out of the pact"
        tgt = [a for o in objs for a in self.args(o) if a.actor.type == "organisation"]
        if not tgt:
            return
        if t.pos_ in ("NOUN", "PROPN"):
            src = self.owners(t, between_ok=False) or self.clause_subjects(t, {a.actor.name for a in tgt})[0]
            kind = "noun"
        else:
            src, kind = self.subjects(t, avoid={a.actor.name for a in tgt}), "verb"
        self.emit(src, tgt, "opposes", t, kind)

    def headline_pair(self) -> None:
        """Headlines the parser reads as one noun phrase: "Serbia, Kosovo trade barbs over ...",
        "Venezuela and Guyana trade barbs", "Thailand, Cambodia exchange accusations". Matched on the token
        sequence: actors joined by "," / "and" open the sentence, then a non-verb "trade" / "exchange" and one of
        the exchanged hostilities."""
        toks = list(self.sent)
        k = next((i for i, t in enumerate(toks) if t.lower_ in ("trade", "trades", "exchange", "exchanges")), None)
        if k is None or k < 2 or k + 1 >= len(toks) or toks[k].pos_ in ("VERB", "AUX"):
            return
        nxt = toks[k + 1] if toks[k + 1].pos_ != "ADJ" or k + 2 >= len(toks) else toks[k + 2]
        if nxt.lower_ not in EXCHANGE_OBJECTS:
            return
        group: list[_Arg] = []
        seen: set[str] = set()
        for t in toks[:k]:
            got = self.args(t)
            if got:
                for a in got:
                    if a.actor.name not in seen:
                        seen.add(a.actor.name)
                        group.append(a)
            elif t.lower_ not in (",", "and", "the", "&") and t.ent_iob_ not in ("B", "I"):
                return  # anything but the actors and their joints: not this headline shape
        if len(group) >= 2:
            self.mutual(group, "clashes", toks[k], "joint")

    def _headline_pair(self, v: Token) -> list[_Arg]:
        """Headline pairs "Kenya, Somalia restore ties", "Egypt, Turkey hold drills": the parser hangs the two
        names on the verb separately (two nsubj, or npadvmod + nsubj) with only a comma between them."""
        names = [c for c in v.children if c.i < v.i and c.dep_ in ("nsubj", "npadvmod") and c.pos_ == "PROPN"]
        if len(names) < 2 or any(c.dep_ == "nsubj" and c.pos_ != "PROPN" for c in v.children):
            return []
        names.sort(key=lambda c: c.i)
        for a, b in zip(names, names[1:]):
            if any(t.lower_ not in (",", "and") for t in v.doc[a.right_edge.i + 1:b.left_edge.i]):
                return []
        group: list[_Arg] = []
        for c in names:
            got = self.args(c, owner="source")
            if not got:
                return []
            group.extend(got)
        return group

    def _joint_subject(self, v: Token) -> list[_Arg]:
        """The pair in "X and Y restored ties" (a conjoined subject), or a headline's "X, Y restore ties"."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.conjuncts:
            return self.args(subj, owner="source")
        return self._headline_pair(v)

    def joint_verb(self, v: Token, lem: str) -> None:
        """ "X and Y agreed to ...", "worked together", "held joint drills", "exchanged fire"."""
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        pair = self._headline_pair(v)
        if pair:
            group = pair
        elif subj is not None:
            group = self.args(subj, owner="source")
        elif v.dep_ in ("xcomp", "conj"):
            group = self.subjects(v)  # "X and Y were able to work together"
        else:
            return
        if len(group) < 2:
            return
        kids = list(v.children)
        together = any(c.lower_ in JOINT_MARKERS for c in kids if c.dep_ in ("advmod", "npadvmod", "prt"))
        has_actor_obj = False
        for slot, arg in self._slots(v):
            if self.args(arg):
                has_actor_obj = True
        if lem in RECIPROCAL_POSITIVE and not has_actor_obj:
            if lem == "agree" or lem in ("ally", "unite"):
                self.mutual(group, RECIPROCAL_POSITIVE[lem], v, "joint")
                return
            self.mutual(group, RECIPROCAL_POSITIVE[lem], v, "joint")
            return
        if together and lem in WORK_TOGETHER | {"confront", "combat", "tackle", "counter", "defeat"}:
            self.mutual(group, "cooperates", v, "joint")
            return
        if lem in RECIPROCAL_NEGATIVE and not has_actor_obj:
            if lem in ("exchange", "trade"):
                if not any(c.dep_ == "dobj" and c.lower_ in EXCHANGE_OBJECTS for c in kids):
                    return
            self.mutual(group, RECIPROCAL_NEGATIVE[lem], v, "joint")
            return
        if lem in PACT_VERBS and not any(self.args(arg) for slot, arg in self._slots(v) if slot in ("obj", "with")) \
                and any(
                c.dep_ == "dobj" and _lemma(c) in PACT_NOUNS for c in kids):
            self.mutual(group, "cooperates", v, "joint")  # "X and Y signed a defence pact"
            return
        # "X and Y held/began/conducted joint drills"
        for c in kids:
            if c.dep_ in ("dobj",) or (c.dep_ == "prep"):
                objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"]
                for o in objs:
                    # "joint drills", "joint coast guard drills" (the marker parsed onto the compound)
                    if any(g.lower_ in JOINT_MARKERS and g.dep_ in ("amod", "compound") for g in o.subtree
                           if g.i < o.i) and (_lemma(o) in JOINT_ACTIVITY or o.lower_ in JOINT_ACTIVITY):
                        self.mutual(group, "cooperates", v, "joint")
                        return

    # ---------------------------------------------------------------- nouns

    def _noun_targets(self, n: Token, entry: dict[str, str]) -> tuple[list[tuple[_Arg, str]], list[_Arg]]:
        """(target, relation) pairs from a noun's prepositions, and the "between" group."""
        targets: list[tuple[_Arg, str]] = []
        between: list[_Arg] = []
        rel_between = entry.get("between")
        holders = [n] + [c for c in n.children if c.dep_ == "acl" and c.tag_ == "VBN"]  # "sanctions imposed on Mali"
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep":
                    continue
                p = c.lower_
                if p == "between" and rel_between and h is n:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            between.extend(self.args(o, owner=True))
                elif p in entry and p != "between":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            for a in self.args(o, owner=True):
                                targets.append((a, entry[p]))
        # "imposed sanctions on Mali": the preposition hangs on the verb
        if not targets and n.dep_ in ("dobj", "pobj") and (
                _lemma(n) in ("sanction", "sanctions", "embargo", "pressure")
                or (n.dep_ == "dobj" and _lemma(n.head) in EXPRESS_VERBS)  # "expressed anger with X"
                or (n.dep_ == "dobj" and _lemma(n.head) in BREAKERS | PACT_VERBS)):  # "revoked an accord with X"
            gov = n.head if n.dep_ == "dobj" else (n.head.head if n.head.dep_ == "prep" else None)
            if gov is not None and n.dep_ == "pobj" and gov.pos_ == "NOUN" and gov.dep_ == "dobj":
                gov = gov.head
            if gov is not None and gov.pos_ == "VERB":
                for c in gov.children:
                    if c.dep_ == "prep" and c.lower_ in entry:
                        for o in c.children:
                            if o.dep_ == "pobj":
                                for a in self.args(o, owner=True):
                                    targets.append((a, entry[c.lower_]))
        return targets, between

    def _noun_owner(self, n: Token, targets: list[_Arg], relation: str) -> tuple[list[_Arg], Token | None, bool]:
        """Who holds a stance noun: its possessor/compound/"by" actor, else the subject of its clause.

        Returns (owners, governing verb, explicit?)."""
        owners = self.owners(n, between_ok=False)
        got, gov = self.clause_subjects(n, avoid={a.actor.name for a in targets})
        if owners:
            return owners, gov, True
        if not got and gov is not None and gov.pos_ in ("VERB", "AUX"):
            # "asked the chairmen to draw up charges against X": the one who asks
            got = self.wanted_by(gov) or []
        if not got and gov is not None and any(c.dep_ == "expl" for c in gov.children) and \
                RELATIONS.get(relation, 0) > 0:
            # "we have a strong partnership with Russia", said by someone: the speaker is the partner
            got = self.holder(gov, {a.actor.name for a in targets})
        return got, gov, False

    def noun(self, n: Token, lem: str) -> None:
        entry = NOUN_CUES[lem]
        targets, between = self._noun_targets(n, entry)
        rel_between = entry.get("between")
        if not targets and len(between) < 2 and rel_between and RELATIONS[rel_between] > 0 and n.dep_ == "dobj" \
                and n.head.pos_ == "VERB" and _lemma(n.head) not in BREAKERS:
            # "X and Y pledged closer cooperation": the joint subject is the pair
            between = self._joint_subject(n.head)
        if len(between) >= 2 and rel_between:
            gov = self._governor(n)
            if RELATIONS[rel_between] > 0 and gov is not None and _lemma(gov) in BREAKERS:
                self.mutual(between, "opposes", gov, "noun", check=gov)
            else:
                self.mutual(between, rel_between, n, "noun")
        if not targets and n.dep_ == "pobj" and n.head.lower_ == "for":
            # "Hamas thanked Iran for its support": the support was for the one thanking
            v = n.head.head if n.head.head.pos_ in ("VERB", "AUX") else n.head.head.head
            rel = next(iter(entry.values()))
            if _lemma(v) in THANK_VERBS and RELATIONS[rel] > 0:
                owners = self.owners(n, between_ok=False)
                ex = {a.actor.name for a in owners}
                self.emit(owners, [a for a in self.subjects(v) if a.actor.name not in ex], rel, n, "noun",
                          factor=0.9)
            return
        if not targets:
            return
        rel0 = targets[0][1]
        owners, gov, explicit = self._noun_owner(n, [a for a, _ in targets], rel0)
        slots = VERB_CUES.get(_lemma(gov), {}) if gov is not None else {}
        composed = ("obj" in slots) if n.dep_ == "dobj" else gov is not None and (n.head.lower_ in slots or any(
            f"{x.lower_} {n.head.lower_}" in slots for x in gov.children if x.dep_ in ("dobj", "prt")))
        if gov is not None and not explicit and (composed or _lemma(gov) in ADJ_CUES) \
                and n.dep_ in ("dobj", "pobj") and _lemma(gov) not in BREAKERS \
                and not (_lemma(gov) in PACT_VERBS and lem in PACT_NOUNS):
            return  # the verb's own rule composes it ("backed sanctions on Mali")
        if gov is not None and not explicit and _lemma(gov) in RECEIVE_VERBS and n.dep_ == "dobj" and any(
                c.dep_ == "prep" and c.lower_ in ("of", "from") for c in n.children):
            return  # "X won the backing of Y": Y's stance, which the received rule reads
        broken = gov is not None and _lemma(gov) in BREAKERS
        for a, rel in targets:
            if broken:
                if rel in ("allies", "cooperates"):
                    # "cancelled a pact with South Korea", "severed ties with Paris"
                    blocked, hedge = self.blocked(gov)
                    if not blocked:
                        self.emit(owners, [a], "opposes", gov, "noun", hedge=hedge)
                continue  # "lifted sanctions on", "ended the war against": no stance
            if rel == "clashes":
                self.emit(owners, [a], rel, n, "noun")
                self.emit([a], owners, rel, n, "noun")
            else:
                self.emit(owners, [a], rel, n, "noun")

    def _governor(self, n: Token) -> Token | None:
        t = n
        for _ in range(6):
            if t.dep_ in ("dobj", "pobj", "prep", "conj", "attr", "nsubjpass") and t.head.i != t.i:
                t = t.head
                if t.pos_ in ("VERB", "AUX"):
                    return t
            else:
                return None
        return None

    def against(self, t: Token) -> None:
        """Any noun or verb "against" an actor: "articles of impeachment against X", "testified against X"."""
        tgt: list[_Arg] = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "against":
                for o in c.children:
                    if o.dep_ == "pobj":
                        tgt.extend(self.args(o, owner=True))
        if not tgt:
            return
        if t.pos_ in ("VERB", "AUX"):
            if self.wanted_by(t) is not None:
                src = self.wanted_by(t)
            else:
                src = self.subjects(t, avoid={a.actor.name for a in tgt})
            self.emit(src, tgt, "opposes", t, "prep", factor=0.75)
            return
        owners, gov, explicit = self._noun_owner(t, tgt, "opposes")
        if gov is not None and not explicit and n_is_object(t) and (
                _lemma(gov) in VERB_CUES or _lemma(gov) in BREAKERS):
            return
        self.emit(owners, tgt, "opposes", t, "noun", factor=0.75)

    def ties(self, n: Token) -> None:
        """ "closer ties with Russia", "severed relations with France", "cancelled a hotline with the US"."""
        partners: list[_Arg] = []
        between: list[_Arg] = []
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "to"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        partners.extend(self.args(o, owner=True))
            if c.dep_ == "prep" and c.lower_ == "between":
                for o in c.children:
                    if o.dep_ == "pobj":
                        between.extend(self.args(o, owner=True))
        gov = self._governor(n)
        if not partners and len(between) < 2 and gov is not None and n.dep_ == "dobj":
            # "X and Y restored / severed diplomatic relations": the joint subject is the pair
            between = self._joint_subject(gov)
        if not partners and len(between) < 2:
            return
        words = {_lemma(c) for c in n.children if c.dep_ in ("amod", "compound")} | {c.lower_ for c in n.children}
        sign = 0
        if words & POSITIVE_TIE_WORDS or (gov is not None and _lemma(gov) in POSITIVE_TIE_WORDS):
            sign = 1
        elif words & NEGATIVE_TIE_WORDS:
            sign = -1
        broken = gov is not None and _lemma(gov) in BREAKERS
        if broken:
            sign = -1
        if sign == 0:
            return
        rel = "cooperates" if sign > 0 else ("opposes" if broken else "clashes")
        cue = gov if broken else n
        if len(between) >= 2:
            self.mutual(between, rel, cue, "noun")
            return
        owners, gov2, _ = self._noun_owner(n, partners, rel)
        self.emit(owners, partners, rel, cue, "noun")

    def relational(self, n: Token, lem: str) -> None:
        """ "its ally Turkey", "Hamas ally Hezbollah", "China, the North's only ally", "a critic of Trump"."""
        relation, symmetric, direction = RELATIONAL_NOUNS[lem]
        idx = self.index
        doc = n.doc
        owner: list[_Arg] = []
        ref: list[_Arg] = []
        # owner: possessor / compound actor before the noun / "of" phrase
        for c in n.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < n.i and lem != "target"):
                owner.extend(self.args(c))  # "a Russian target" is a place hit, not Russia's aim
            elif c.dep_ == "prep" and c.lower_ in ("of", "to"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        got = self.args(o)
                        if not got and lem == "target" and (_lemma(o) in RECEIVED_NOUNS or o.lower_ in RECEIVED_NOUNS):
                            # "a target of Y's wrath / attacks", "a target of criticism by Y"
                            got = [a for g in o.children if g.dep_ == "poss" for a in self.args(g)]
                            got += [a for g in o.children if g.dep_ == "prep" and g.lower_ == "by"
                                    for p in g.children if p.dep_ == "pobj" for a in self.args(p)]
                        owner.extend(got)
            elif c.dep_ == "prep" and c.lower_ == "by" and lem == "target":  # "a target of criticism by Y"
                for o in c.children:
                    if o.dep_ == "pobj":
                        owner.extend(self.args(o))
        # surface fallback: "Hamas ally Hezbollah" misparsed
        if not owner and lem != "target":
            j = n.i - 1
            while j >= self.sent.start and doc[j].pos_ == "ADJ":
                j -= 1
            if j >= self.sent.start and doc[j].lower_ in ("'s", "'"):
                j -= 1
            if j >= self.sent.start:
                m = idx.mention_at(doc[j])
                if m is not None and m.actors:
                    owner = self._mention_args(m)
        # referent: apposition either way, the noun it modifies, or the subject of a copula
        for c in n.children:
            if c.dep_ == "appos":
                ref.extend(self.args(c))
        if not ref and n.dep_ == "appos":
            ref = self.args(n.head)
            if not ref and n.head.dep_ == "appos" and n.head.pos_ == "PROPN":
                ref = self.args(n.head.head)  # "Rep. X, R-Ill., a critic of Y": past the party-state tag
        if not ref and n.dep_ in ("compound", "nmod", "npadvmod", "amod") and lem != "target":
            # the titled name only, not the names listed after it ("nominee X and Y")
            ref = self._one(n.head, owner=False, depth=0)
            if ref and not owner:
                for c in n.head.children:
                    if c.dep_ == "poss":
                        owner = self.args(c)
        if not ref and n.dep_ in ("attr",) and n.head.pos_ in ("AUX", "VERB"):
            ref = self.subjects(n.head)
        if not ref and n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.pos_ in ("AUX", "VERB") \
                and _lemma(n.head.head) in ("be", "remain", "become", "count"):
            ref = self.subjects(n.head.head)  # "X is among Y's fiercest critics"
        if not ref and n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "some") \
                and n.head.head.dep_ == "attr" and _lemma(n.head.head.head) in ("be", "remain", "become"):
            ref = self.subjects(n.head.head.head)  # "X has become one of Y's staunchest allies"
        if not ref and n.dep_ == "pobj" and n.head.lower_ == "as":
            # "described IS as Russia's enemy": the object of describe/see/regard
            gov = n.head.head
            if gov.pos_ in ("NOUN", "PROPN", "AUX") and gov.dep_ == "dobj":
                ref = self.args(gov)
            elif gov.pos_ == "VERB":
                ref = self.args(next((c for c in gov.children if c.dep_ == "dobj"), None))
                if not ref:  # "X has been mentioned as a challenger to Y"
                    ref = self.args(next((c for c in gov.children if c.dep_ == "nsubjpass"), None))
        if not ref and n.i + 1 < self.sent.end:
            m = idx.mention_at(doc[n.i + 1])
            if m is not None and m.actors and m.start == n.i + 1:
                ref = self._mention_args(m)
        if not ref and lem != "target":
            m = idx.mention_for(n)
            if m is not None and m.actors and m.start < n.i < m.end == n.i + 1 and m.kind in ("alias", "name"):
                ref = self._mention_args(m)  # "Kyiv's Western backers": the noun is itself the actor's name
        spans = {(a.mention.start, a.mention.end) for a in ref}
        # a title word inside the name's own mention ("Democratic presidential nominee X") owns nothing
        owner = [a for a in owner if (a.mention.start, a.mention.end) not in spans]
        if not ref or not owner:
            return
        if lem == "donor" and any(a.actor.type == "person" for a in ref):
            return  # "a Trump donor" gives money to a campaign; "Ukraine's largest donor" is a state's aid
        if lem in PERSONAL_RELATIONS and (any(a.actor.type == "person" for a in ref)
                                          or any(a.actor.type == "person" for a in owner)) and not any(
                c.dep_ in ("compound", "amod") and c.lower_ in ("business", "lobbying", "political", "campaign",
                                                                "legislative", "coalition", "strategic")
                for c in n.children):
            return  # "his partner Dr. X": a private relation, not a political one ("business partner" is not)
        if lem in ("pick", "nominee", "choice") and not any(a.actor.type == "person" for a in ref):
            return
        src, tgt = (ref, owner) if direction == "ref" else (owner, ref)
        if lem in STAFF_NOUNS and (any(c.lower_ in ("former", "ex") for c in n.children) or not n.text.islower()
                                   or any(a.actor.type == "country" for a in owner)):
            # "a former Trump aide" may be anything now; "National Security Adviser X", "the U.S. attorney"
            # are offices, not loyalties
            return
        self.emit(src, tgt, relation, n, "relational", factor=0.8 if lem in STAFF_NOUNS else 1.0)
        if symmetric:
            self.emit(tgt, src, relation, n, "relational")

    def campaign_role(self, n: Token) -> None:
        """ "X, Trump's campaign chairman", "Trump campaign manager X", "X, an adviser to Trump's campaign":
        who works on a candidate's campaign supports the candidate."""
        camp = next((c for c in n.children if c.dep_ in ("compound", "nmod") and _lemma(c) == "campaign"), None)
        owner: list[_Arg] = []
        if camp is not None:
            owner = [a for c in (*n.children, *camp.children) if c.dep_ in ("poss", "compound", "nmod")
                     and c is not camp for a in self.args(c)]
        else:  # "an adviser to Trump's campaign"
            camp = next((o for c in n.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "on")
                         for o in c.children if o.dep_ == "pobj" and _lemma(o) == "campaign"), None)
            if camp is None:
                return
            owner = [a for c in camp.children if c.dep_ in ("poss", "compound", "nmod") for a in self.args(c)]
        if not owner or any(c.lower_ in ("former", "ex") for c in n.children):
            return
        ref: list[_Arg] = []
        for c in n.children:
            if c.dep_ == "appos":
                ref.extend(self.args(c))
        if not ref and n.dep_ == "appos":
            ref = self.args(n.head)
        if not ref and n.dep_ in ("compound", "nmod"):
            ref = self._one(n.head, owner=False, depth=0)
        if not ref and n.dep_ == "attr" and n.head.pos_ in ("AUX", "VERB"):
            ref = self.subjects(n.head)  # "X became Trump's campaign chairman"
        if not ref and n.dep_ == "pobj" and n.head.lower_ == "as" and n.head.head.pos_ in ("AUX", "VERB"):
            ref = self.subjects(n.head.head)  # "X served as an adviser to Trump's campaign"
        if not ref and n.i + 1 < self.sent.end:
            m = self.index.mention_at(n.doc[n.i + 1])
            if m is not None and m.actors and m.start == n.i + 1:
                ref = self._mention_args(m)
        spans = {(a.mention.start, a.mention.end) for a in ref}
        owner = [a for a in owner if (a.mention.start, a.mention.end) not in spans]
        self.emit(ref, owner, "supports", n, "relational", factor=0.9)

    def joint_activity(self, n: Token) -> None:
        """ "the joint drills between X and Y", "the South Korea-US drills", "an exercise by X, Y and Z"."""
        parts: list[_Arg] = []
        joint = any(c.lower_ in JOINT_MARKERS for c in n.children if c.dep_ in ("amod", "advmod", "compound"))
        explicit = []
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "by", "of", "among", "involving"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        explicit.extend(self.args(o, owner=False))
        compounds = []
        for c in n.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < n.i:
                m = self.index.mention_at(c)
                if m is not None and m.actors:
                    compounds.extend(self._mention_args(m))
                for cc in c.conjuncts:
                    m = self.index.mention_at(cc)
                    if m is not None and m.actors:
                        compounds.extend(self._mention_args(m))
                # "South Korea-US": a hyphen chain under one compound
                for g in c.children:
                    if g.dep_ in ("compound", "amod", "nmod"):
                        m = self.index.mention_at(g)
                        if m is not None and m.actors:
                            compounds.extend(self._mention_args(m))
        parts = explicit + compounds
        uniq = list({a.actor.name: a for a in parts}.values())
        if len(uniq) < 2:
            return
        hyphen_pair = any(t.text == "-" for t in n.doc[max(self.sent.start, n.i - 6):n.i])
        between = any(c.dep_ == "prep" and c.lower_ == "between" for c in n.children)
        if not (joint or between or (compounds and hyphen_pair)):
            return
        self.mutual(uniq, "cooperates", n, "joint")

    # ---------------------------------------------------------------- adjectives, hyphens

    def adjective(self, a: Token, entry: dict[str, str]) -> None:
        targets: list[tuple[_Arg, str]] = []
        for c in a.children:
            # "worried by X" may be parsed as a passive with an agent
            if c.dep_ in ("prep", "agent") and c.lower_ in entry:
                for o in c.children:
                    if o.dep_ == "pobj":
                        for x in self.args(o, owner=True):
                            targets.append((x, entry[c.lower_]))
        if not targets:
            return
        if a.dep_ in ("acomp", "xcomp", "ROOT", "ccomp", "conj", "advcl"):
            # "he was concerned by X" parsed as a passive verb: the one concerned is its subject
            holders = self.args(next((c for c in a.children if c.dep_ == "nsubjpass"), None), owner="source")
            if not holders and a.dep_ in ("ROOT", "ccomp", "conj"):
                holders = self.subjects(a)
            if not holders:
                h = a.head
                holders = self.subjects(h) if h.i != a.i else []
        elif a.dep_ == "amod":
            holders = self.args(a.head)
        else:
            holders = []
        for x, rel in targets:
            self.emit(holders, [x], rel, a, "adjective")

    def hyphen(self, t: Token) -> None:
        """ "Iran-backed Houthis", "US-led coalition", "Kremlin-linked Wagner Group"."""
        doc = t.doc
        m = self.index.mention_at(doc[t.i - 2])
        if m is None or not m.actors:
            return
        src = self._mention_args(m)
        head = t.head if t.dep_ in ("amod", "compound", "nmod", "acl") else None
        tgt: list[_Arg] = []
        if head is not None and head.i > t.i:
            tgt = self.args(head)
        if not tgt and t.i + 1 < self.sent.end:
            m2 = self.index.mention_at(doc[t.i + 1])
            if m2 is not None and m2.actors:
                tgt = self._mention_args(m2)
        if not tgt:
            return
        rel = HYPHEN_CUES[t.lower_]
        self.emit(src, tgt, rel, t, "hyphen", factor=HYPHEN_CONFIDENCE.get(t.lower_, 1.0))

    def pro_anti(self, t: Token) -> None:
        """ "pro-Russian separatists", "anti-government rebels"."""
        doc = t.doc
        m = self.index.mention_at(doc[t.i + 2])
        if m is None or not m.actors:
            return
        tgt = self._mention_args(m)
        # the noun phrase this modifier sits in
        j = m.end
        head = None
        while j < self.sent.end and j < m.end + 4:
            if doc[j].pos_ in ("NOUN", "PROPN"):
                head = doc[j]
            else:
                break
            j += 1
        if head is None:
            return
        src = self.args(head)
        if not src:
            if PRO_ANTI[t.lower_] == "opposes" and _lemma(head) in NOUN_CUES:
                owners, _ = self.clause_subjects(head, avoid={a.actor.name for a in tgt})
                self.emit(owners, tgt, "opposes", head, "noun")
            return
        self.emit(src, tgt, PRO_ANTI[t.lower_], t, "hyphen", check=head)

    # ---------------------------------------------------------------- evaluations held by someone

    def holder(self, t: Token, exclude: set[str]) -> list[_Arg]:
        """Who holds a judgement at ``t``: the subject of the saying/thinking clause above it
        ("the US said ...", "the two were in agreement that ..."), or "according to X"."""
        x = t
        for _ in range(10):
            if x.head.i == x.i:
                break
            x = x.head
            lem = _lemma(x)
            holding = lem in SPEECH_VERBS or lem in DEMAND_VERBS or (lem == "be" and any(
                c.dep_ == "prep" and c.lower_ == "in" and any(_lemma(o) in ("agreement", "accord", "consensus")
                                                               for o in c.children) for c in x.children))
            if holding and x.pos_ in ("VERB", "AUX"):
                got = [a for a in self.subjects(x) if a.actor.name not in exclude]
                if got:
                    return got
        for tok in self.sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                for c in tok.doc[tok.i + 1].children:
                    if c.dep_ == "pobj":
                        return [a for a in self.args(c) if a.actor.name not in exclude]
        return []

    def speaker_judgement(self, v: Token) -> None:
        """ "X said Y has been lying", "'Y is a disgrace,' X tweeted": the speaker judges the subject of
        what is said. Only the clause's own judgement words count (not the verbs of what Y did)."""
        content = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if content is None:
            return
        speakers = self.subjects(v)
        if not speakers:
            return
        judged_tok = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        judged = self.args(judged_tok)
        victims: list[_Arg] = []
        if not judged and judged_tok is not None and (judged_tok.pos_ == "NOUN" or judged_tok.tag_ == "VBG"):
            # "Her questioning is excellent", "the Democratic demands are overreach": the owner is judged
            judged = [a for c in judged_tok.children if c.dep_ == "poss" for a in self.args(c)]
            if not judged:
                # (not a compound: "the Russia hoax" is about Russia)
                judged = [a for a in self.owners(judged_tok, between_ok=False) if a.mention.start < judged_tok.i
                          and not any(c.dep_ == "compound" and a.mention.start <= c.i < a.mention.end
                                      for c in judged_tok.children)]
            if not judged and (_lemma(judged_tok) in ACT_NOUNS or judged_tok.lower_ in ACT_NOUNS) \
                    and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                            for c in judged_tok.children) \
                    and not any(c.dep_ in ("prep", "acl", "relcl", "compound", "amod") for c in judged_tok.children):
                # "X said the comments were disgusting": the act told just before
                judged = self._act_agent(judged_tok)
            # "the process against X is a sham": condemning what is done against X takes X's side
            victims = [a for c in judged_tok.children if c.dep_ == "prep" and c.lower_ == "against"
                       for o in c.children if o.dep_ == "pobj" for a in self.args(o)]
            if not victims:
                victims = [a for c in judged_tok.children if c.dep_ == "prep" and c.lower_ == "of"
                           for o in c.children if o.dep_ == "pobj" and (_lemma(o) in OUSTER_NOUNS)
                           for cc in o.children if cc.dep_ == "prep" and cc.lower_ == "against"
                           for oo in cc.children if oo.dep_ == "pobj" for a in self.args(oo)]
        self._owned_wrongs(v, content, speakers)
        if (not judged and not victims) or judged_tok is None:
            return
        score = self._judgement_score(content, judged_tok)
        if any(c.dep_ == "neg" for c in content.children):
            if score <= 0 or JUDGEMENT_WORDS.get(content.lower_) or JUDGEMENT_WORDS.get(_lemma(content)):
                return  # "Y did not lie" (already counted the other way) or "Y is not corrupt": no stance
            score = -score  # "Y is not fit / not welcome": a praise word denied is a criticism
        if score == 0:
            return
        if victims and score < 0:
            ex = {a.actor.name for a in speakers}
            self.emit(speakers, [a for a in victims if a.actor.name not in ex], "defends", v, "evaluation",
                      factor=0.7, check=v)
        if not judged:
            return
        ex = {a.actor.name for a in speakers}
        judged = [a for a in judged if a.actor.name not in ex]
        self.emit(speakers, judged, "criticises" if score < 0 else "praises", v, "evaluation", factor=0.75,
                  check=v)

    def _owned_wrongs(self, v: Token, content: Token, speakers: list[_Arg]) -> None:
        """ "X said waiting would make them 'accomplices to his obstruction'": a wrong said to be Y's
        ("Y's obstruction / lies / corruption") anywhere in what the speaker says is the speaker's charge
        against Y (not in somebody else's words, nor when anything is denied)."""
        stack = [content]
        owners: list[_Arg] = []
        n = 0
        while stack and n < 60:
            t = stack.pop()
            n += 1
            if t.dep_ == "neg" or t.lower_ in NEG_ADVERBS:
                return
            if t is not content and t.pos_ in ("VERB", "AUX") and _lemma(t) in SPEECH_VERBS:
                continue
            stack.extend(t.children)
            if t.pos_ == "NOUN" and (JUDGEMENT_WORDS.get(t.lower_, 0) < 0 or JUDGEMENT_WORDS.get(_lemma(t), 0) < 0):
                owners.extend(a for c in t.children if c.dep_ == "poss" for a in self.args(c))
        ex = {a.actor.name for a in speakers}
        owners = [a for a in owners if a.actor.name not in ex]
        if owners:
            self.emit(speakers, owners, "criticises", v, "evaluation", factor=0.6, check=v)

    def called(self, v: Token) -> None:
        """ "X called Y's push for impeachment a 'lynching'", "X called the report 'condescending'" (said of Y's
        thing): the judgement words of the predicate noun/adjective judge the object or its owner."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        # the last predicate: "called the Democrats' push for X a 'lynching'" may parse "push" as one too
        pred = next((c for c in reversed(list(v.children)) if c.dep_ in ("oprd", "xcomp", "ccomp")
                     and c.i > (obj.i if obj is not None else v.i)), None)
        if pred is None and obj is not None:
            pred, obj = obj, None  # "called X's report 'condescending'" parsed as one object
        if pred is None:
            return
        if obj is None:  # the thing judged hangs on the predicate: "X's report" as its modifier
            obj = next((c for c in pred.children if c.dep_ in ("poss", "nmod", "compound") and c.i < pred.i), None)
            if obj is None:
                return
        if _lemma(pred) in EVAL_NOUNS or _lemma(pred) in EVAL_ADJS:
            return  # the evaluation rules have it
        score = 0
        # (the predicate may hang on the judged thing as its apposition: "called X's push a 'disgrace'")
        words = [pred, *[c for c in pred.children if c.dep_ in ("amod", "compound", "appos", "npadvmod")]]
        words += [g for c in pred.children if c.dep_ in ("appos", "npadvmod") for g in c.children if g.dep_ == "amod"]
        for t in words:
            score += JUDGEMENT_WORDS.get(t.lower_) or JUDGEMENT_WORDS.get(_lemma(t)) or 0
        if score == 0:
            return
        judged = self.args(obj, owner=True)
        ex = {a.actor.name for a in self.subjects(v)}
        self.emit(self.subjects(v), [a for a in judged if a.actor.name not in ex],
                  "criticises" if score < 0 else "praises", v, "evaluation", factor=0.8)

    def described_as(self, v: Token) -> None:
        """ "X described Y as reckless", "X portrayed Y's plan as a disaster", "X referred to Y as a crook":
        the judgement words of the "as" phrase judge the object (or its owner)."""
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None and _lemma(v) == "refer":
            obj = next((p for c in v.children if c.dep_ == "prep" and c.lower_ == "to"
                        for p in c.children if p.dep_ == "pobj"), None)
        if obj is None:
            return
        as_ = next((c for h in (v, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_ is None:
            return
        preds = [c for c in as_.children if c.dep_ in ("pobj", "amod", "acomp", "advmod", "nmod")]
        if any(_lemma(p) in EVAL_NOUNS for p in preds if p.dep_ == "pobj"):
            return  # the evaluation rules have it
        words = [w for p in preds for w in (p, *p.conjuncts)]
        words += [c for w in list(words) for c in w.children if c.dep_ in ("amod", "compound", "advmod")]
        score = 0
        for w in words:
            x = JUDGEMENT_WORDS.get(w.lower_) or JUDGEMENT_WORDS.get(_lemma(w)) or 0
            if not x and w.pos_ == "ADJ":
                x = JUDGEMENT_ADJS.get(w.lower_, 0) or EVAL_ADJS.get(w.lower_, 0)
            score += x
        if score == 0:
            return
        subj = self.subjects(v)
        ex = {a.actor.name for a in subj}
        self.emit(subj, [a for a in self.args(obj, owner=True) if a.actor.name not in ex],
                  "criticises" if score < 0 else "praises", v, "evaluation", factor=0.8)

    def emotion_that(self, a: Token, sign: int) -> None:
        """ "X was disappointed that Y rejected the bill", "I am glad that Y won": how X feels about what Y
        did is X's stance on Y."""
        content = next((c for c in a.children if c.dep_ == "ccomp" and (a.pos_ == "VERB" and a.tag_ != "VBN" or any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children))), None)
        if content is None:
            return
        judged = self.args(next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None),
                           owner="source")
        if not judged:
            return
        if a.dep_ in ("acomp", "xcomp", "oprd") and a.head.i != a.i:
            holders = self.subjects(a.head)
        else:
            holders = self.args(next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None),
                                owner="source") or self.subjects(a)
        ex = {x.actor.name for x in holders}
        self.emit(holders, [x for x in judged if x.actor.name not in ex], "criticises" if sign < 0 else "praises", a,
                  "evaluation", factor=0.8)

    def alleged(self, v: Token) -> None:
        """ "X alleged that Y proposed a deal behind his back", "X sued, alleging that Y spied on him": to
        allege something of Y is to accuse Y, whatever the act told."""
        content = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if content is None or (_lemma(v) == "charge" and any(c.dep_ == "dobj" for c in v.children)):
            return
        judged_tok = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        judged = self.args(judged_tok, owner="source")
        if not judged:
            return
        speakers = self.subjects(v)
        ex = {a.actor.name for a in speakers}
        self.emit(speakers, [a for a in judged if a.actor.name not in ex], "accuses", v, "evaluation", factor=0.8)

    def same_view(self, v: Token) -> None:
        """ "X and Y did not have the same view of ...", "X does not share Y's view": they disagree."""
        if not any(c.dep_ == "neg" for c in v.children):
            return
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or _lemma(obj) not in VIEW_NOUNS:
            return
        group = self.subjects(v)
        others = [a for c in obj.children if c.dep_ == "poss" for a in self.args(c)]
        for holder in (obj, v):
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in ("as", "with"):
                    others += [a for o in c.children if o.dep_ == "pobj" for a in self.args(o)]
        if v.head.i != v.i and self.blocked(v.head)[0]:
            return
        same = any(c.lower_ == "same" for c in obj.children) or bool(others)
        if not same:
            return
        if others:
            self.emit(group, others, "opposes", v, "reciprocal", hedge=1.0)
        elif len(group) >= 2:
            for a in group:
                self.emit([a], [b for b in group if b.actor.name != a.actor.name], "opposes", v, "reciprocal",
                          hedge=1.0)

    def rescue(self, n: Token) -> None:
        """ "X rushed to Y's defence", "X came to Y's aid": X defends / aids Y."""
        v = n.head.head
        if v.pos_ not in ("VERB", "AUX") or n.head.dep_ != "prep":
            return
        tgt = [a for c in n.children if c.dep_ == "poss" for a in self.args(c)]
        if tgt:
            self.emit(self.subjects(v, avoid={a.actor.name for a in tgt}), tgt, RESCUE_NOUNS[_lemma(n)], v,
                      "prep")

    def complaint(self, v: Token) -> None:
        """ "X complained that Y concealed ...": a complaint about what Y did is a criticism of Y."""
        content = next((c for c in v.children if c.dep_ == "ccomp"), None)
        if content is None:
            return
        speakers = self.subjects(v)
        judged_tok = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        judged = self.args(judged_tok, owner=True)
        ex = {a.actor.name for a in speakers}
        self.emit(speakers, [a for a in judged if a.actor.name not in ex], "criticises", v, "evaluation",
                  factor=0.75)

    def quoted_judgement(self, root: Token) -> None:
        """ "'They are lying to the country.'" inside a quotation whose speaker is named elsewhere: the
        speaker judges the subject of the quoted clause."""
        judged_tok = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        judged = self.args(judged_tok)
        if not judged or any(c.dep_ == "neg" for c in root.children):
            return
        score = self._judgement_score(root, judged_tok)
        if score == 0:
            return
        ex = {a.actor.name for a in self.speaker}
        self.emit(self.speaker, [a for a in judged if a.actor.name not in ex],
                  "criticises" if score < 0 else "praises", root, "evaluation", factor=0.7)

    def _judgement_score(self, content: Token, judged_tok: Token | None) -> int:
        """Sum of the judgement words said of the judged; a negated word counts the other way."""
        score = 0
        toks = self._judgement_tokens(content, judged_tok)
        if judged_tok is not None:  # "the radical Democrats are ...": what the judged is called
            toks += [c for c in judged_tok.children if c.dep_ in ("amod", "compound") and self.index.mention_at(c)
                     is None]
        for t in toks:
            w = JUDGEMENT_WORDS.get(t.lower_) or JUDGEMENT_WORDS.get(_lemma(t))
            if not w and t.pos_ == "ADJ":
                w = JUDGEMENT_ADJS.get(t.lower_, 0)
            if w:
                neg = any(c.dep_ == "neg" or c.lower_ in NEG_ADVERBS for c in t.children)
                score += -w if neg else w
        return score

    def _judgement_tokens(self, root: Token, judged_tok: Token | None = None) -> list[Token]:
        """The words of what is said about the judged: the content clause down to its objects, complements
        and prepositional phrases, but not into a nested clause about somebody else ("X said Y knew that
        Z lied": Z's lying is not said of Y) nor into the judged phrase itself."""
        out: list[Token] = []
        stack = [root]
        while stack:
            t = stack.pop()
            out.append(t)
            for c in t.children:
                if c is judged_tok or c.dep_ in ("nsubj", "nsubjpass", "csubj", "punct", "mark", "cc"):
                    continue
                if c.dep_ in ("ccomp", "advcl", "relcl", "acl", "parataxis") and any(
                        g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    continue
                if c.dep_ in ("dobj", "prep", "pobj") and _lemma(t) in COUNTER_VERBS:
                    continue  # "Y must condemn racism", "Y fought corruption": the evil is not Y's
                stack.append(c)
        return out

    def evaluation_verb(self, v: Token, lem: str) -> None:
        """ "X has no legitimacy", "X lacks legitimacy": judged by whoever says so."""
        if lem not in ("have", "lack", "lose"):
            return
        obj = next((c for c in v.children if c.dep_ == "dobj"), None)
        if obj is None or _lemma(obj) not in LEGITIMACY:
            return
        if lem == "have" and not any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            return
        judged = self.args(next((c for c in v.children if c.dep_ == "nsubj"), None))
        if not judged:
            return
        holders = self.holder(v, {a.actor.name for a in judged})
        blocked, hedge = self.blocked(v.head) if v.head.i != v.i else (False, 1.0)
        if blocked or self.question:
            return
        if any(c.dep_ == "neg" for c in v.children):
            return
        self.emit(holders, judged, "delegitimises", obj, "evaluation", hedge=hedge)

    def evaluation_noun(self, n: Token, sign: int) -> None:
        """ "described IS as an enemy", "called him a liar", "IS presented a common enemy"."""
        judged: list[_Arg] = []
        gov = None
        if n.dep_ == "pobj" and n.head.lower_ == "as":
            g = n.head.head
            if g.dep_ == "dobj" and g.head.pos_ == "VERB":
                judged, gov = self.args(g), g.head
            elif g.pos_ == "VERB":
                judged, gov = self.args(next((c for c in g.children if c.dep_ == "dobj"), None)), g
        elif n.dep_ in ("oprd", "xcomp") and n.head.pos_ == "VERB":
            gov = n.head
            # "called X's push for a vote a disgrace": X is judged
            judged = self.args(next((c for c in gov.children if c.dep_ == "dobj"), None), owner=True)
        elif n.dep_ in ("attr", "dobj") and n.head.pos_ in ("AUX", "VERB") and _lemma(n.head) in (
                "be", "present", "pose", "represent", "constitute", "remain", "become"):
            judged = self.args(next((c for c in n.head.children if c.dep_ == "nsubj"), None))
            if not judged:
                judged = self.subjects(n.head)
            gov = n.head
            if judged:
                ex = {a.actor.name for a in judged}
                holders = self.holder(gov, ex)
                if holders:
                    self.emit(holders, judged, "opposes" if sign < 0 else "supports", n, "evaluation",
                              check=gov)
                return
        if not judged or gov is None:
            return
        if _lemma(gov) not in ("describe", "call", "label", "brand", "dub", "name", "consider", "regard", "see",
                               "view", "deem", "term", "designate", "list", "treat", "portray", "paint", "cast"):
            return
        holders = self.subjects(gov)
        self.emit(holders, judged, "opposes" if sign < 0 else "supports", n, "evaluation", check=gov)

    def evaluation_adj(self, a: Token, sign: int) -> None:
        """ "what he has called an illegitimate government", "X is illegitimate, the US said"."""
        judged: list[_Arg] = []
        if a.dep_ == "amod":
            judged = self.args(a.head)
            anchor = a.head
        elif a.dep_ in ("acomp", "oprd", "ccomp", "xcomp"):
            anchor = a.head
            if a.dep_ == "oprd" or (a.dep_ in ("ccomp", "xcomp") and _lemma(a.head) != "be"):
                judged = self.args(next((c for c in a.head.children if c.dep_ == "dobj"), None))
            else:
                judged = self.args(next((c for c in a.head.children if c.dep_ == "nsubj"), None))
        else:
            return
        if not judged:
            return
        holders = self.holder(anchor, {x.actor.name for x in judged})
        # only a judgement somebody voiced counts: the holder must be a speaker/caller
        self.emit(holders, judged, "delegitimises" if a.lower_ == "illegitimate" else "criticises", a,
                  "evaluation", check=anchor)

    def demand(self, v: Token, lem: str) -> None:
        """ "demanded that he step down", "called for his resignation", "demanded X face charges"."""
        if lem not in DEMAND_VERBS:
            return
        for c in v.children:
            if c.dep_ in ("ccomp", "xcomp") and _lemma(c) in CORRECTIVE_VERBS and lem != "want":
                # "called on X to apologise", "urged X to retract the claim": X is in the wrong
                tgt_tok = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if tgt_tok is None and c.dep_ == "xcomp":
                    tgt_tok = next((g for g in v.children if g.dep_ == "dobj"), None)
                if tgt_tok is None and c.dep_ == "xcomp":
                    tgt_tok = next((p for g in v.children if g.dep_ == "prep" and g.lower_ in ("on", "upon")
                                    for p in g.children if p.dep_ == "pobj"), None)
                if tgt_tok is not None and not any(g.dep_ == "neg" for g in c.children):
                    tgt = self.args(tgt_tok)
                    src = self.subjects(v, avoid={a.actor.name for a in tgt})
                    self.emit(src, tgt, "opposes", v, "demand", factor=0.9)
            if c.dep_ in ("ccomp", "xcomp") and _lemma(c) in OUSTER_VERBS:
                if _lemma(c) == "step" and not any(
                        g.dep_ == "prt" and g.lower_ in ("down", "aside") for g in c.children):
                    continue
                if _lemma(c) == "face" and not any(g.dep_ == "dobj" for g in c.children):
                    continue
                if _lemma(c) in ("go", "leave") and any(g.dep_ in ("dobj", "prep") for g in c.children):
                    continue
                if _lemma(c) not in ("face", "step", "resign", "quit", "go", "leave") and not any(
                        g.dep_ == "auxpass" for g in c.children):
                    continue  # "urged Ukraine to investigate X": the verb rule gives the urger's stance on X
                tgt_tok = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if tgt_tok is None and c.dep_ == "xcomp":
                    tgt_tok = next((g for g in v.children if g.dep_ == "dobj"), None)
                if tgt_tok is None and c.dep_ == "xcomp":  # "called on X to resign"
                    tgt_tok = next((p for g in v.children if g.dep_ == "prep" and g.lower_ in ("on", "upon")
                                    for p in g.children if p.dep_ == "pobj"), None)
                tgt = self.args(tgt_tok)
                src = self.subjects(v, avoid={a.actor.name for a in tgt})
                self.emit(src, tgt, "delegitimises" if _lemma(c) in ("resign", "quit", "step", "go", "leave")
                          else "opposes", v, "demand")
            if c.dep_ in ("dobj", "prep"):
                objs = [c] if c.dep_ == "dobj" else [o for o in c.children if o.dep_ == "pobj"]
                for o in objs:
                    if _lemma(o) in OUSTER_NOUNS:
                        tgt = []
                        for g in o.children:
                            if g.dep_ == "poss":
                                tgt.extend(self.args(g))
                            elif g.dep_ == "prep" and g.lower_ == "of":
                                tgt.extend(self.args(next((p for p in g.children if p.dep_ == "pobj"), None)))
                        src = self.subjects(v, avoid={a.actor.name for a in tgt})
                        self.emit(src, tgt, "opposes", v, "demand")


def n_is_object(n: Token) -> bool:
    return n.dep_ in ("dobj", "pobj", "conj")


# --------------------------------------------------------------------------- speakers


_QUOTE_CHARS = "\"\u201c\u201d"
#: Verbs that attribute a quotation to their subject ("..., X said", "X told reporters: ...").
ATTRIBUTION_VERBS = frozenset("say tell add state declare write tweet insist warn stress explain note announce "
                              "claim argue reply respond continue ask urge comment remark".split())


def _speaker_of(sent: Span, index: Any) -> list[_Arg]:
    """The actor a sentence quotes: "..., Moon said", "X told reporters: ...", "according to X"."""
    tmp = _Sentence(sent, index, 0, [])
    marks = [t.text for t in sent if t.text in _QUOTE_CHARS]
    # the sentence goes on with a quotation opened before it: its first mark closes
    inside = bool(marks) and (marks[0] == "\u201d" or (len(marks) % 2 == 1 and marks[0] == '"'
                                                     and sent[0].text not in _QUOTE_CHARS))
    for t in sent:
        if t.text in _QUOTE_CHARS:
            inside = t.text == "\u201c" or (t.text == '"' and not inside)
            continue
        if inside:
            continue  # "for him to say that was disgusting," X said: the quoted words' verbs are not the attribution
        if _lemma(t) in ATTRIBUTION_VERBS and t.pos_ == "VERB":
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            got = tmp.args(subj, owner="source")
            if got:
                return got
        if t.lower_ == "according" and t.i + 1 < sent.end and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    got = tmp.args(c, owner="source")
                    if got:
                        return got
    return []


# --------------------------------------------------------------------------- the component


def find_stances(doc: Doc, index: Any | None = None) -> list[Stance]:
    """All stances in a parsed Doc whose actors are indexed in ``index`` (default ``doc._.actors``)."""
    if index is None:
        index = doc._.actors if Doc.has_extension("actors") else None
    if index is None or not index.mentions:
        return []
    out: list[Stance] = []
    sents = list(doc.sents)
    speakers = [_speaker_of(s, index) for s in sents]
    text = doc.text
    quotes = [sum(text[s.start_char:s.end_char].count(q) for q in _QUOTE_CHARS) for s in sents]
    gaps = [text[sents[k].end_char:sents[k + 1].start_char].replace("\r", "") for k in range(len(sents) - 1)]
    # one sentence per line (sentence-split corpora): a single line break does not end a paragraph there
    one_per_line = len(sents) > 3 and sum("\n" in g for g in gaps) >= 0.8 * len(gaps)
    # para_end[k]: a paragraph ends after sentence k (always at a blank line and at the end of the text)
    para_end = [("\n\n" in g) or ("\n" in g and not one_per_line) for g in gaps] + [True]
    quote_open = False
    opened = -1
    speaker: list[_Arg] = []
    for i, sent in enumerate(sents):
        stext = text[sent.start_char:sent.end_char]
        own = speakers[i]
        cur = own or (speaker if quote_open else [])
        opens = quotes[i] % 2 == 1
        # a sentence opening a quotation: its speaker is named where the quotation closes, in the
        # same paragraph (a quote may run over several sentences, and over lines in one-sentence-per-line text)
        if not own and stext.lstrip().startswith(tuple(_QUOTE_CHARS)):
            still_open = opens
            for j in range(i + 1, min(i + 5, len(sents))):
                if para_end[j - 1]:
                    break
                if speakers[j]:
                    cur = speakers[j]
                    break
                still_open ^= quotes[j] % 2 == 1
                if opens and not still_open:
                    break  # closed without naming its speaker
        # the sentence is wholly someone's words: inside an open quotation, or opening one that the next
        # sentences continue (a closed one-sentence quote may be anybody's)
        quoted = not own and bool(cur) and (quote_open or opens)
        out.extend(_Sentence(sent, index, i, cur, stext, quoted=quoted).run())
        if opens:
            quote_open = not quote_open
            opened = i if quote_open else -1
        if quote_open and (para_end[i] or i - opened >= 4):
            quote_open = False  # a quotation does not run on past its paragraph (or a stray quote mark)
        speaker = cur if (quote_open and cur) else own or speaker
    return _dedupe(s for s in out if not _own_side(s.source_actor, s.target_actor))


def _own_side(a: Actor, b: Actor) -> bool:
    """One actor is the other's own affiliation (a member and its party, an official and its state or
    institution): what one says of the other is nearly always the same side speaking, a procedural
    tie ("joined the court", "an appointee of") or a reading of a collective word ("Congress and the
    White House must agree"), not a stance between two actors."""
    return bool(a.affiliation and a.affiliation == b.name) or bool(b.affiliation and b.affiliation == a.name)


def _dedupe(stances: Iterable[Stance]) -> list[Stance]:
    best: dict[tuple, Stance] = {}
    for s in stances:
        key = (s.sent_index, s.source_actor.name, s.target_actor.name, s.sign, s.relation)
        if key not in best or s.confidence > best[key].confidence:
            best[key] = s
    return list(best.values())


USER_DATA_KEY = "actorgraph.stances"


def _mention_data(m: Any) -> list:
    return [m.start, m.end, getattr(m, "kind", ""), getattr(m, "text", "")]


def stances_to_data(stances: list[Stance]) -> list[list]:
    """Plain (msgpack-safe) rows: spaCy ships Docs back from worker processes with Doc.to_bytes."""
    rows = []
    for s in stances:
        rows.append([_mention_data(s.source), _mention_data(s.target), _actor_data(s.source_actor),
                     _actor_data(s.target_actor), s.relation, s.sign, s.cue, s.sent_index, s.confidence, s.kind])
    return rows


def _actor_data(a: Actor) -> list:
    return [a.name, a.type, list(a.aliases), a.affiliation, a.role]


def stances_from_data(rows: list[list], index: Any | None = None) -> list[Stance]:
    out = []
    actors = getattr(index, "actors", {}) if index is not None else {}
    for src, tgt, sa, ta, relation, sign, cue, sent_index, conf, kind in rows:
        a = actors.get(sa[0]) or Actor(name=sa[0], type=sa[1], aliases=list(sa[2]), affiliation=sa[3], role=sa[4])
        b = actors.get(ta[0]) or Actor(name=ta[0], type=ta[1], aliases=list(ta[2]), affiliation=ta[3], role=ta[4])
        ms = MentionRef(src[0], src[1], (a,), src[2], src[3])
        mt = MentionRef(tgt[0], tgt[1], (b,), tgt[2], tgt[3])
        out.append(Stance(ms, mt, a, b, relation, int(sign), cue, int(sent_index), float(conf), kind))
    return out


def _get_stances(doc: Doc) -> list[Stance] | None:
    rows = doc.user_data.get(USER_DATA_KEY)
    if rows is None:
        return None
    return stances_from_data(rows, doc._.actors if Doc.has_extension("actors") else None)


def _set_stances(doc: Doc, stances: list[Stance] | None) -> None:
    if stances is None:
        doc.user_data.pop(USER_DATA_KEY, None)
    else:
        doc.user_data[USER_DATA_KEY] = stances_to_data(stances)


if not Doc.has_extension("stances"):
    Doc.set_extension("stances", getter=_get_stances, setter=_set_stances)


class StanceFinder:
    """spaCy component: sets ``doc._.stances``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.stances = find_stances(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("actorgraph_stances")
def make_stance_finder(nlp: Language, name: str) -> StanceFinder:
    return StanceFinder(nlp, name)
