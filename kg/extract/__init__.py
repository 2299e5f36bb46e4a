"""Extract: read one `SourceDoc` into an `Extraction` of facts, each with its evidence span.

Each kind of fact has its own module; they run in this order because later ones use earlier results
(contributions name posts and people; commitments name actors and indicators):

    bodies -> people -> contributions -> resolutions -> figures -> commitments
"""

from __future__ import annotations

from dataclasses import replace

from kg.errors import ExtractionError, KgError
from kg.extract import bodies, commitments, contributions, figures, people, resolutions
from kg.model import Extraction, SourceDoc


def extract(doc: SourceDoc) -> Extraction:
    """All facts in `doc`. An extractor's bug becomes an ExtractionError naming the file."""
    try:
        x = Extraction(doc=doc)
        x = bodies.extract(x)
        x = people.extract(x)
        x = contributions.extract(x)
        x = resolutions.extract(x)
        x = figures.extract(x)
        x = commitments.extract(x)
        return x
    except KgError:
        raise
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the others
        raise ExtractionError(f"extraction failed: {type(err).__name__}: {err}", path=str(doc.path),
                              hint="please report it with the file") from err


__all__ = ["extract", "replace"]
