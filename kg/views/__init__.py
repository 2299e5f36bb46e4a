"""Graph views for people: each view answers one question (which councils, committees and meetings;
one thing and what is around it; how promises stand; a query's result), folds what is too much to read
into groups that open on click, and draws as a self-contained page with search, a filtering legend and
an inspector showing each thing's facts, evidence and links.

    graphs.py  the views' networkx graphs (overview, focus, followups, query_view)
    tree.py    folding: groups of at most FANOUT, counts, what starts open within the budget
    page.py    the page: payload, template, `build`, `page_html`, `write_view`
"""

from kg.views.graphs import councils_of, find_node, focus, followups, overview, query_view
from kg.views.page import DEFAULT_BUDGET, KINDS, Page, build, page_html, payload, render, write_view
from kg.views.style import STATUS_COLOUR, STYLE, kind_name
from kg.views.synthetic import synthetic_view

__all__ = ["DEFAULT_BUDGET", "KINDS", "STATUS_COLOUR", "STYLE", "Page", "build", "councils_of", "find_node",
           "focus", "followups", "kind_name", "overview", "page_html", "payload", "query_view", "render",
           "synthetic_view", "write_view"]
