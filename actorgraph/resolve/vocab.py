"""The actor resolver's word classes, read once from the lexicon (``actorgraph/lexicon/en``).

Names are the classes' (upper case) so the passes read like the rules they are; every entry
lives in ``lexicon/en/words/actors.csv`` or ``words/shared.csv`` (documented in ``word_classes.csv``), and
the hyphened participles in ``hyphen_cues.csv``, which the stance rules read too.
"""
from __future__ import annotations

from typing import Iterable

from ..lexicon import check_number, check_relation, mapping, relations, table, words


def _hyphen_cues() -> tuple[dict[str, str], dict[str, float]]:
    cues, conf = {}, {}
    for row in table("hyphen_cues", ("participle", "relation", "confidence")):
        cues[row["participle"]] = check_relation(row, row["relation"])
        if row["confidence"]:
            conf[row["participle"]] = check_number(row, "confidence")
    return cues, conf


# participles after an actor ("Iran-backed"): the resolver's hyphen pass and the rules' hyphen.backed
HYPHEN_CUES, HYPHEN_CONFIDENCE = _hyphen_cues()

SPEECH_VERBS = words("speech_verbs")
STATE_NOUNS = words("apparatus_nouns")
GROUP_NOUNS = words("group_nouns")
FIGHTER_NOUNS = words("fighter_nouns")
COLLECTIVE_ENDINGS = tuple(sorted(words("collective_demonym_endings")))  # "the British", "the Dutch"
UNNAMED_GROUP_NOUNS = mapping("unnamed_group_nouns")
DEFINITE_STATE_NOUNS = words("definite_state_nouns")
NEIGHBOUR_NOUNS = words("neighbour_nouns")
FORCE_NOUNS = words("force_nouns")
DEFINITE_GROUP_NOUNS = words("definite_group_nouns")
DEFINITE_MEMBER_NOUNS = words("definite_member_nouns")
RULING_LEMMAS = words("ruling_lemmas")
PERSON_STATE_NOUNS = words("person_state_nouns")
GOVERNMENT_NOUNS = words("leader_government_nouns")
PERSON_TEAM_NOUNS = words("person_team_nouns")
JUDGED_FOR_VERBS = words("judged_for_verbs")
JUDGED_OF_VERBS = words("judged_of_verbs")
CAUCUS_NOUNS = words("caucus_nouns")
PARTY_FAMILIES = words("party_families")
BOUND_PREPS = words("bound_preps")
CHAMBER_WORDS = words("chamber_words")
LEGISLATURE_WORDS = words("legislature_words")
POLICE_NOUNS = words("police_nouns")
QUANTIFIERS = words("population_quantifiers")
OWNED_NOUNS = words("party_owned_nouns")
PARTY_MEMBER_NOUNS = words("party_member_nouns")
ORG_HEAD_NOUNS = words("org_head_nouns")
ROLE_HEADS = words("role_heads")
PERSON_NOUNS = words("person_nouns")
ROLE_MODIFIERS = words("role_modifiers")
ROLE_UNREAL = words("role_unreal")
UNREAL_NAMES = words("unreal_names")
SCENE_NOUNS = words("scene_nouns")
ROLE_ABBREVIATIONS = mapping("role_abbreviations")
ORG_KINDS = mapping("org_kinds")
TOP_ROLES = words("top_roles")
STATE_OFFICES = words("state_offices")
OFFICE_METONYMS = words("office_metonyms")
DATELINE_DASHES = words("dateline_dashes")
COMPOUND_HEADS = words("compound_heads")
BODY_OFFICES = words("body_offices")
NOMINATING_VERBS = words("nominating_verbs")
PARTY_OFFICES = words("party_offices")
LESSER_WORDS = words("lesser_role_words")
LEGISLATOR_WORDS = words("legislator_words")
#: roles whose "of <US state>" is the state served: the legislators' and home_state_roles
HOME_STATE_ROLES = LEGISLATOR_WORDS | words("home_state_roles")
LOWER_HOUSE = words("lower_house_words")
OFFICE_WORDS = words("office_words")
PARTY_TAGS = mapping("party_tags")
_RELATIONAL_ROWS = table("relational_nouns", ("noun", "relation", "symmetric", "direction"))
_RELATIONAL = {r["noun"]: check_relation(r, r["relation"]) for r in _RELATIONAL_ROWS}
#: the nouns of ``relational_nouns.csv`` ("allies", "critics"): a demonym before them names an actor
RELATIONAL_HEADS = frozenset(_RELATIONAL)
#: those whose relation is hostile ("critic", "rival"): "X, a critic of Russia" is no affiliation with Russia
HOSTILE_RELATIONAL_HEADS = frozenset(n for n, rel in _RELATIONAL.items() if relations()[rel] < 0)
#: those that name the other side of a relation ("X, a Weiss ally / rival / a critic of Y": not X's affiliation);
#: staff nouns and what a side picks do not ("a Weiss associate", "the party's nominee" are of that side)
RELATION_HEADS = frozenset(r["noun"] for r in _RELATIONAL_ROWS if r["direction"] == "ref"
                           or r["noun"] in HOSTILE_RELATIONAL_HEADS) - words("staff_nouns")
US_STATES = mapping("us_states")
HONORIFICS = {k: v or None for k, v in mapping("honorifics").items()}
GIVEN_NAMES = mapping("given_names")
GENDERED_ROLES = mapping("gendered_roles")
PLURAL_ACTOR_NOUNS = {k: v or None for k, v in mapping("plural_actor_nouns").items()}
PLURAL_COUNT = {k: int(v) for k, v in mapping("plural_counts").items()}
#: "the former" / "the latter": the first or the last of the actors named just before
ORDINAL_REFS = {k: int(v) for k, v in mapping("ordinal_refs").items()}
POLICY_WORDS = words("policy_words")
MEDIA_VERBS = words("media_verbs")
ORG_WORDS = words("org_name_words")
NAME_PARTICLES = words("name_particles")
NAME_PREFIXES = words("name_prefixes")
NAME_SUFFIXES = words("name_suffixes")
COMPASS_WORDS = words("compass_words")
REGION_PREFIXES = words("region_prefixes")
CONTINENTAL_DEMONYMS = words("continental_demonyms")
DEFINITE_ORG_NOUNS = words("definite_org_nouns")
LOCATIVE_PREPS = words("locative_preps")
PLACE_PREPS = words("place_preps")
PORTFOLIO_HEADS = words("portfolio_heads")
AIM_PREPS = words("aim_preps")
TWO_WAY_NOUNS = words("two_way_nouns")
PLACE_OF_NOUNS = words("place_of_nouns")
PLACE_ATTACK_VERBS = words("place_attack_verbs")
PERSON_ATTACK_VERBS = words("person_attack_verbs")
REGION_PLURAL_LEMMAS = words("region_plural_lemmas")
ATTITUDE_ADJECTIVES = words("attitude_adjectives")
PRON_PERSON = mapping("person_pronouns")
PRON_IT = words("it_pronouns")
PRON_THEY = words("they_pronouns")
POSS_PRON = words("possessive_pronouns")
NICKNAMES = mapping("nicknames")
THING_IT_VERBS = words("thing_it_verbs")
COPULA_VERBS = words("copula_verbs")
STANCE_PREFIXES = words("stance_prefixes")
AGENT_PREPS = words("agent_preps")
COUNTRY_NOUNS = words("country_nouns")


def us_state(tokens: Iterable[str]) -> str | None:
    """The US state a few words name ("S.C.", "South Carolina", "Calif."), if any."""
    key = " ".join(w.replace(".", "").lower() for w in tokens if w != ".").strip()
    return US_STATES.get(key) or US_STATES.get(key.replace(" ", ""))
