"""The stance rules' vocabulary, read once from the lexicon files (``actorgraph/lexicon/en``).

Each name here is one word class or cue table of those files; the rules never
hold word lists of their own, so a cue is added with one row (see the README
of ``actorgraph/lexicon/en``). A bad row is a LexiconError naming its file and line.
"""
from __future__ import annotations

from ..lexicon import check, check_class, check_number, check_relation, relations, mapping, table, words
from ..resolve.vocab import HYPHEN_CONFIDENCE, HYPHEN_CUES  # (read by the resolver too)

#: relation -> sign (+1 supports, -1 opposes), from relations.csv.
RELATIONS: dict[str, int] = relations()


def _cue_table(name: str, key: str, slot: str) -> dict[str, dict[str, str]]:
    """``key -> {slot: relation}`` from a cue table. A user folder's row overrides the package's; within one
    file a repeated (key, slot) is an error (the second row would silently override the first)."""
    out: dict[str, dict[str, str]] = {}
    seen: set[tuple[str, str, str]] = set()
    for row in table(name, (key, slot, "relation")):
        check(bool(row[key]) and bool(row[slot]), row, f"{key} and {slot} must not be empty")
        check((row.file, row[key], row[slot]) not in seen, row, f"{key} {row[key]!r} with {slot} {row[slot]!r} is "
              "already in this file")
        seen.add((row.file, row[key], row[slot]))
        out.setdefault(row[key], {})[row[slot]] = check_relation(row, row["relation"])
    for variant, base in mapping("prep_variants").items():  # "an attack upon Y" reads as "an attack on Y"
        for slots in out.values():
            for slot in [x for x in slots if x.split()[-1] == base]:  # ("cast doubt upon Y": "doubt on")
                slots.setdefault(" ".join(slot.split()[:-1] + [variant]), slots[slot])
    return out


def _by_class(name: str, value: str) -> dict[str, dict[str, str]]:
    """``class -> {word: value}`` from a table with a ``class`` column (classes must be declared)."""
    out: dict[str, dict[str, str]] = {}
    for row in table(name, ("class", "word", value)):
        check(bool(row["word"]), row, "empty word")
        out.setdefault(check_class(row, row["class"]), {})[row["word"]] = row
    return out


def _relation_words(cls: str) -> dict[str, str]:
    return {w: check_relation(r, r["relation"]) for w, r in _WORD_RELATIONS.get(cls, {}).items()}


def _signed_words(cls: str) -> dict[str, int]:
    return {w: int(check_number(r, "sign", ("+1", "-1", "1"))) for w, r in _SIGNED.get(cls, {}).items()}


def _relational_nouns() -> dict[str, tuple[str, bool, str]]:
    out = {}
    for row in table("relational_nouns", ("noun", "relation", "symmetric", "direction")):
        check(row["direction"] in ("ref", "owner"), row, f"direction must be ref or owner, not {row['direction']!r}")
        sym = check_number(row, "symmetric", ("0", "1"))
        out[row["noun"]] = (check_relation(row, row["relation"]), bool(sym), row["direction"])
    return out


VERB_CUES = _cue_table("verb_cues", "verb", "slot")


def slot_sign(verb_lemma: str, slot: str, default: int = 0) -> int:
    """The sign of the relation a verb cue gives to what fills ``slot`` ("obj" or a preposition); ``default``
    when the verb has no cue for it."""
    rel = VERB_CUES.get(verb_lemma, {}).get(slot)
    return RELATIONS[rel] if rel else default


NOUN_CUES = _cue_table("noun_cues", "noun", "prep")
ADJ_CUES = _cue_table("adjective_cues", "adjective", "prep")
RELATIONAL_NOUNS = _relational_nouns()
HEDGE_MODALS = {r["modal"]: check_number(r, "factor") for r in table("hedge_modals", ("modal", "factor"))}

_WORD_RELATIONS = _by_class("word_relations", "relation")
RECEIVED_NOUNS = _relation_words("received_nouns")
ANSWERED_NOUNS = _relation_words("answered_nouns")
RECIPROCAL_POSITIVE = _relation_words("reciprocal_positive")
RECIPROCAL_NEGATIVE = _relation_words("reciprocal_negative")
POSTURE_ADJS = _relation_words("posture_adjs")

_SIGNED = _by_class("signed_words", "sign")
JUDGEMENT_WORDS = _signed_words("judgement_words")
JUDGEMENT_ADJS = _signed_words("judgement_adjs")
EVAL_NOUNS = _signed_words("eval_nouns")
EVAL_HEADS = words("eval_heads")
EVAL_ADJS = _signed_words("eval_adjs")

# word classes (words/shared.csv and words/stances.csv)
PROXY_NOUNS = words("proxy_nouns")
SPEECH_VERBS = words("speech_verbs")
ACT_NOUNS = words("act_nouns")
SPEECH_ACT_NOUNS = words("speech_act_nouns")
ACT_VERBS = {n: frozenset(v.split("|")) for n, v in mapping("act_verbs").items()}
STATE_WORDS = words("definite_state_nouns")  # "our country" in a quotation: the speaker's state
ADJUNCT_MARKS = words("adjunct_marks")
ANNOUNCE_VERBS = words("announce_verbs")
ATTRIBUTION_VERBS = words("attribution_verbs")
BLOCKERS = words("blockers")
BLOCKING_PHRASALS = words("blocking_phrasals")
BREAKERS = words("breakers")
CALL_VERBS = words("call_verbs")
CAMP_NOUNS = words("camp_nouns")
CARRY_OUT_VERBS = words("carry_out_verbs")
SOURCE_VERBS = words("source_verbs")
POSSIBILITY_MODALS = words("possibility_modals")
CONFIRM_VERBS = words("confirm_verbs")
LED_BODY_NOUNS = words("led_body_nouns")
WEARY_ADJS = words("weary_adjs")
SPEND_VERBS = words("spend_verbs")
STRIVING_VERBS = words("striving_verbs")
CAUTION_VERBS = words("caution_verbs")
SELF_DEFENCE_VERBS = words("self_defence_verbs")
CAUSATIVE_VERBS = words("causative_verbs")
CORRECTIVE_VERBS = words("corrective_verbs")
COUNTER_VERBS = words("counter_verbs")
DEGREE_NEUTRAL = words("degree_neutral")
DEMAND_VERBS = words("demand_verbs")
DENIAL_VERBS = words("denial_verbs")
TRUST_VERBS = words("trust_verbs")
DESCRIBE_VERBS = words("describe_verbs")
ECHOED_ACT_NOUNS = words("echoed_act_nouns")
EXCHANGE_OBJECTS = words("exchange_objects")
EXIT_VERBS = words("exit_verbs")
EXPRESS_VERBS = words("express_verbs")
LIGHT_VERBS = words("light_verbs")
SUMMARY_NOUNS = words("summary_nouns")
ACHIEVED_VERBS = words("achieved_verbs")
REFUSAL_VERBS = words("refusal_verbs")
SEAT_METONYMS = words("seat_metonyms")
MEANS_VERBS = words("means_verbs")
WAY_NOUNS = words("way_nouns")
SEEK_VERBS = words("seek_verbs")
REPLY_NOUNS = words("reply_nouns")
VOTE_VERBS = words("vote_verbs")
MESSAGE_NOUNS = words("message_nouns")
ALLEGING_VERBS = words("alleging_verbs")
INQUIRY_NOUNS = words("inquiry_nouns")
TRANSFER_BLOCKERS = words("transfer_blockers")
ARMS_WORDS = words("arms_words")
AUTHOR_VERBS = words("author_verbs")
HOSTILE_MANNER = words("hostile_manner")
IN_FAVOUR = words("in_favour")
JOINT_ACTIVITY = words("joint_activity")
JOINT_MARKERS = words("joint_markers")
LEGITIMACY = words("legitimacy")
LOYAL_NOUNS = words("loyal_nouns")
MAKE_ACT_VERBS = AUTHOR_VERBS | CARRY_OUT_VERBS | words("make_act_verbs")
NEGATIVE_TIE_WORDS = words("negative_tie_words")
NEG_ADVERBS = words("neg_adverbs")
OBJECT_BLOCKERS = words("object_blockers")
WISH_VERBS = words("wish_verbs")
REFLEXIVE_VERBS = words("reflexive_verbs")
STATE_PARTICIPLES = words("state_participles")
HYPOTHETICAL_MODALS = words("hypothetical_modals")
WARNING_VERBS = words("warning_verbs")
POST_VERBS = words("post_verbs")
EXPULSION_VERBS = words("expulsion_verbs")
LABEL_VERBS = CALL_VERBS | words("label_verbs")
COMBATANT_NOUNS = words("combatant_nouns")
POST_NOUNS = words("post_nouns")
REPEAT_VERBS = words("repeat_verbs")
OBJECT_CONTROL = words("object_control")
ON_BEHALF = words("on_behalf")
ORIGIN_NOUNS = words("origin_nouns")
OUSTER_NOUNS = words("ouster_nouns")
RELEASE_NOUNS = words("release_nouns")
OUSTER_VERBS = words("ouster_verbs")
PACT_NOUNS = words("pact_nouns")
PACT_VERBS = words("pact_verbs")
PATIENT_OF = words("patient_of")
PERSONAL_RELATIONS = words("personal_relations")
POSITIVE_TIE_WORDS = words("positive_tie_words")
PURPOSE_NOUNS = words("purpose_nouns")
QUANTITY_NOUNS = words("quantity_nouns")
REBUTTED_NOUNS = words("rebutted_nouns")
BLAME_ADJS = words("blame_adjs")
HARM_NOUNS = words("harm_nouns")
HOLD_VERBS = words("hold_verbs")
THIRD_PERSON = words("person_pronouns") | words("it_pronouns") | words("they_pronouns")
ROLE_HEADS = words("role_heads")
RAISING_VERBS = words("raising_verbs")
RECEIVE_VERBS = words("receive_verbs")
SOUGHT_VERBS = words("sought_verbs")
PART_QUANTIFIERS = words("part_quantifiers")
PAIR_PLURALS = words("pair_plurals")
RIVALRY_NOUNS = words("rivalry_nouns")
THREAT_VERBS = words("own_act_verbs")  # "threatened sanctions on Y": the act is the subject's own
BATCH_NOUNS = words("batch_nouns")
GIVEN_NOUNS = words("given_nouns")
CHARGE_VERBS = words("charge_verbs")
CONTACT_VERBS = words("contact_verbs")
STOP_NOUNS = words("stop_nouns")
FALSITY_ADVERBS = words("falsity_adverbs")
GERUND_OBJECT_PREPS = words("gerund_object_preps")
SPEAK_OUT_VERBS = words("speak_out_verbs")
INTENSIFIER_ADJS = words("intensifier_adjs")
UNSIGNING_ADJS = words("unsigning_adjs")
SPLIT_ADJS = words("split_adjs")
TIE_TROUBLE_NOUNS = words("tie_trouble_nouns")
KIND_HEADS = words("kind_heads")
LINKING_VERBS = words("linking_verbs")
CHOSEN_NOUNS = words("chosen_nouns")
MEDIA_NOUNS = words("media_nouns")
TRADE_MODIFIERS = words("trade_modifiers")
SIDE_NOUNS = words("side_nouns")
POSTURE_PREPS = words("posture_preps")
REASON_NOUNS = words("reason_nouns")
RESOLUTION_NOUNS = words("resolution_nouns")
SETBACK_NOUNS = words("setback_nouns")
SHIELD_VERBS = words("shield_verbs")
SPOKEN_POSTURES = words("spoken_postures")
_SOURCE_OWNED_EXTRA = words("source_owned")
STAFF_NOUNS = words("staff_nouns")
SUBJECT_GERUND_VERBS = words("subject_gerund_verbs")
TOPIC_NOUNS = words("topic_nouns")
UNCHANGED_VERBS = words("unchanged_verbs")
UNDERGO_VERBS = words("undergo_verbs")
TIME_PREPS = words("time_preps")
WANT_NOUNS = words("want_nouns")
WANT_THAT_VERBS = words("want_that_verbs")
WANT_VERBS = words("want_verbs")
RISK_ADJS = words("risk_adjs")
ALLEGATION_NOUNS = words("allegation_nouns")
WORK_TOGETHER = words("work_together")
SOURCE_OWNED = PROXY_NOUNS | _SOURCE_OWNED_EXTRA

_TABLES = {"verb_cues": VERB_CUES, "noun_cues": NOUN_CUES, "adjective_cues": ADJ_CUES,
           "relational_nouns": RELATIONAL_NOUNS, "hyphen_cues": HYPHEN_CUES, "hedge_modals": HEDGE_MODALS,
           "received_nouns": RECEIVED_NOUNS, "answered_nouns": ANSWERED_NOUNS, "reciprocal_positive": RECIPROCAL_POSITIVE,
           "reciprocal_negative": RECIPROCAL_NEGATIVE, "judgement_words": JUDGEMENT_WORDS,
           "judgement_adjs": JUDGEMENT_ADJS, "eval_nouns": EVAL_NOUNS, "eval_adjs": EVAL_ADJS}


def lookup(name: str):
    """The entries of a cue table or word class by its lexicon name (what rule triggers name)."""
    return _TABLES[name] if name in _TABLES else words(name)
