"""Extract: read one `SourceDoc` into an `Extraction` of facts, each with its evidence span.

Each kind of fact has its own module with `extract(x, tv) -> Extraction`, where `tv` is the document's
`kg.text.TextView` (built once; an extractor never splits the text itself). They run in this order
because later ones use earlier results
(contributions name posts and people; commitments name actors and indicators):

    bodies -> people -> contributions -> resolutions -> figures -> commitments
"""

from __future__ import annotations

from dataclasses import replace

from kg.errors import ExtractionError, KgError
from kg.extract import bodies, commitments, contributions, figures, people, resolutions
from kg.model import Extraction, SourceDoc
from kg.text import view


def extract(doc: SourceDoc) -> Extraction:
    """All facts in `doc`. An extractor's bug becomes an ExtractionError naming the file."""
    try:
        x = Extraction(doc=doc)
        tv = view(doc)  # sentences, items, lists and tables found once, for every extractor
        for stage in (bodies, people, contributions, resolutions, figures, commitments):
            x = stage.extract(x, tv)
        return x
    except KgError:
        raise
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the others
        raise ExtractionError(f"extraction failed: {type(err).__name__}: {err}", path=str(doc.path),
                              hint="please report it with the file") from err


__all__ = ["extract", "replace"]
