"""Graph views (kept importable as kg.viz; the code lives in kg/views/)."""

from kg.views import (
    DEFAULT_BUDGET,
    KINDS,
    STATUS_COLOUR,
    STYLE,
    Page,
    build,
    councils_of,
    find_node,
    focus,
    followups,
    kind_name,
    overview,
    page_html,
    payload,
    query_view,
    render,
    synthetic_view,
    write_view,
)

__all__ = ["DEFAULT_BUDGET", "KINDS", "STATUS_COLOUR", "STYLE", "Page", "build", "councils_of", "find_node",
           "focus", "followups", "kind_name", "overview", "page_html", "payload", "query_view", "render",
           "synthetic_view", "write_view"]
