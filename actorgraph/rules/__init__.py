"""The stance rules: small functions registered under stable ids (see ``registry``).

Importing this package registers every rule; ``Sentence(...).run()`` runs them
over one sentence. The vocabulary the rules read is in ``vocab`` (loaded from
``actorgraph/lexicon/en``).
"""
from __future__ import annotations

from . import joint, judgements, modifiers, nouns, phrases, verbs  # noqa: F401  (registers the rules)
from .base import Arg, MentionRef, Stance
from .context import Sentence
from .registry import RULES, SHARED, rule, rule_ids

__all__ = ["Arg", "MentionRef", "RULES", "SHARED", "Sentence", "Stance", "rule", "rule_ids"]
