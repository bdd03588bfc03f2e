"""In-article actor resolution as an ordered list of named passes over one shared state.

``state.ResolverState`` holds what every pass reads and writes (the candidate mentions, the
token owners, the actors made so far); ``passes.PASSES`` is the ordered registry of
``(id, function)``; ``passes.resolve(doc, gaz, matcher)`` runs them and returns the
``ActorIndex``. The vocabulary is in ``actorgraph/lexicon/en`` (see ``vocab``).
"""
