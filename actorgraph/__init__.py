"""Actorgraph: who supports and who opposes whom in the news.

Stages, one module each, data flowing one way:
``articles`` (read files) -> ``statements`` (actors and stances) ->
``graph`` (networkx model, filters, analysis) -> ``view`` (pyvis drawing);
``readwrite`` holds one module per export format.
"""
from .records import Actor, Article, Statement

__all__ = ["Actor", "Article", "Statement"]
__version__ = "0.1.0"
