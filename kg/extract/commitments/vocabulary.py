"""The commitment vocabularies (kg/extract/patterns/) compiled once into regular expressions.

The words are data; only the shapes of the constructions live here. Regular expressions rather than token
patterns because promises are found by character offset, their verbs run over several words ("bring
back", "make available") and month names are told from verbs by their capital letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract import nlp
from kg.extract.regex import grouped


def alt(words: object, *, flags: str = "") -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[union-attr]
    body = grouped([re.escape(w).replace(r"\ ", r"\s+") for w in items])  # the plain alternation's matches
    return f"(?{flags}:{body})" if flags else body


@cache
def cues() -> dict:
    return nlp.vocabulary("commitment_cues")


@cache
def progress_cues() -> dict:
    return nlp.vocabulary("progress_cues")


@dataclass(frozen=True)
class Rx:
    undertake: re.Pattern[str]
    request_owner: re.Pattern[str]
    request_owner_joined: re.Pattern[str]
    request_passive: re.Pattern[str]
    request_for: re.Pattern[str]
    request_that: re.Pattern[str]
    owner_to: re.Pattern[str]
    resolution_active: re.Pattern[str]
    agreed_active: re.Pattern[str]
    meeting_receives: re.Pattern[str]
    addressee: re.Pattern[str]
    pronoun: re.Pattern[str]
    active: re.Pattern[str]
    passive: re.Pattern[str]
    subjunctive: re.Pattern[str]
    reporting: re.Pattern[str]
    request_noun: re.Pattern[str]
    acceptance: re.Pattern[str]
    anaphora: re.Pattern[str]
    weak: re.Pattern[str]
    inline_action: re.Pattern[str]
    line_action: re.Pattern[str]
    by_action: re.Pattern[str]
    done: re.Pattern[str]
    done_active: re.Pattern[str]
    done_perfect: re.Pattern[str]
    reference: re.Pattern[str]
    earlier: re.Pattern[str]
    deliverable_noun: re.Pattern[str]
    deliverable_verb: re.Pattern[str]
    any_deliverable: re.Pattern[str]
    condition: re.Pattern[str]
    question: re.Pattern[str]
    answered: re.Pattern[str]
    coordination: re.Pattern[str]
    decision: re.Pattern[str]
    offer: re.Pattern[str]
    should: re.Pattern[str]
    offer_object: re.Pattern[str]
    assurance: re.Pattern[str]
    should_bare: re.Pattern[str]
    subjunctive_listed: re.Pattern[str]
    gapped: re.Pattern[str]
    offer_passive: re.Pattern[str]
    decision_request: re.Pattern[str]
    active_joined: re.Pattern[str]
    binding: re.Pattern[str]


@cache
def rx() -> Rx:
    c = cues()
    base = alt(c["deliverables"])
    decided = alt([*c["deliverables"], *(third_person(b) for b in c["deliverables"])])
    part = alt(c["deliverables"].values())
    modal = alt(c["modals"])
    adv = rf"(?:{alt(c['adverbs'])}\s+)?"
    # who is asked is never a question ("asked how officers meant to clear the backlog")
    owner = rf"(?P<owner>(?!that\b|for\b|to\b|{alt(c['question_words'])}\b)[^.;:\n]{{2,90}}?)"
    flags = re.I
    progress = progress_cues()
    conditions = nlp.vocabulary("conditions")
    return Rx(
        # "agreed to circulate ...", and with a gerund "committed to obtaining details ..."
        undertake=re.compile(
            rf"\b(?P<cue>{alt(c['undertakings'])})(?:,?\s+{alt(c['undertaking_adverbs'])},?)?\s+to\s+{adv}"
            rf"(?P<what>(?P<verb>{alt([*c['deliverables'], *gerunds()])}|{split_forms()})\b.*)", flags
        ),
        request_owner=re.compile(
            rf"\b(?P<cue>{alt(c['requests'])})\s+{owner}"
            rf"\s+to\s+{adv}(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        # "requested the Director to track usage over the winter and then present the results": the
        # deliverable joined to a first verb of another kind
        request_owner_joined=re.compile(
            rf"\b(?P<cue>{alt(c['requests'])})\s+{owner}"
            rf"\s+to\s+{adv}(?P<what>(?!(?:{alt(c['binding_not_deeds'])})\b)[a-z]+\b[^;.\n]{{0,100}}?"
            rf"\band\s+(?:then\s+)?(?:to\s+)?(?P<verb>{base})\b.*)",
            flags,
        ),
        request_passive=re.compile(
            rf"\b(?P<cue>(?:be|is|are|was|were)\s+{alt(c['requests'])})\s+to\s+{adv}"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        request_that=re.compile(
            rf"\b(?P<cue>{alt(c['requests'])})\s+that\s+(?P<owner>[^.;:\n]{{2,90}}?)\s+(?:should\s+)?"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        # "Officers to provide a breakdown ...", "Clerk to send the slides ...": an action note
        # (after a decision's own label: "Agreed: The Head of Leisure to write to ...")
        owner_to=re.compile(
            rf"^\W*(?:(?:agreed|resolved|decided)\s*[:\-–]+\s*)?(?P<owner>(?-i:[A-Z])[^.;:\n]{{1,90}}?)\s+to\s+{adv}"
            rf"(?P<what>(?P<verb>{base})\b.*)",
            flags,
        ),
        resolution_active=re.compile(
            # at least one of RESOLVED, "that" or a list marker opens it: a decision, not narrative
            r"^\W*(?=(?:resolved|agreed|decided|and|that|\((?:[ivx]{1,4}|[a-h]|\d{1,2})\))\b|\()"
            r"(?:(?:resolved|agreed|decided)\W+)?(?:and\s+)?(?:that\s+)?(?:\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*)?"
            r"(?:and\s+)?(?:that\s+)?"
            # a post may carry its area in brackets: "the Corporate Director (Place) submit ..."
            rf"(?P<owner>(?:the\s+)?(?-i:[A-Z])[\w'’&-]*(?:\s+(?:of|for|and|&|(?-i:[A-Z])[\w'’&-]*)){{0,8}}"
            rf"(?:\s+\((?-i:[A-Z])[^()\n]{{1,40}}\))?|{alt(c['action_owners'])})\s+"
            # the subjunctive ("the Head of HR submit") or the present ("the Chairperson writes to ...")
            rf"(?P<what>(?P<verb>{decided})\b.*)",
            re.I,
        ),
        # inside a sentence: "It was agreed that officers bring back a report ...", "..., seconded by X and
        # agreed that the Leader write to the Minister": the subjunctive of a named owner after the verb
        agreed_active=re.compile(
            r"\b(?:agreed|resolved|decided)\s+that\s+"
            rf"(?P<owner>{alt(c['action_owners'])}|the\s+(?-i:[A-Z])[\w'’&-]*(?:\s+(?:of|for|and|&|(?-i:[A-Z])[\w'’&-]*)){{0,8}})"
            rf"\s+(?P<what>(?P<verb>{base})\b.*)",
            re.I,
        ),
        # "That the Committee receive a further update at its meeting in March": a later meeting's business
        # a decision asking for a paper: "(agreed ...) to request a report on teacher numbers to its next
        # meeting", "to call for a further update"
        decision_request=re.compile(
            r"\b(?:to\s+)?(?P<cue>request|requests|requested|call\s+for|calls\s+for|ask\s+for|asks\s+for)\s+"
            rf"(?P<what>(?:a|an)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{alt(c['deliverable_nouns'])})\b.*)",
            flags,
        ),
        meeting_receives=re.compile(
            rf"\b(?P<cue>{alt(c['addressees'])})\s+(?:(?:should|will|would|is\s+to)\s+)?{adv}"
            rf"(?P<verb>{alt(c['meeting_receives'])})\s+(?P<what>.*)",
            flags,
        ),
        # ("In addition, Members were asked to ...": a connective before the addressee changes nothing)
        addressee=re.compile(rf"^\s*(?:(?:{alt(c['connectives'])}),?\s+)?(?:the\s+)?(?:members\s+of\s+the\s+)?"
                             rf"{alt(c['addressees'])}\b", flags),
        pronoun=re.compile(rf"^\s*(?:and\s+|but\s+)?{alt(c['pronouns'])}\s*$", flags),
        request_for=re.compile(
            rf"\b(?P<cue>{alt(c['requests'])})\s+for\s+(?P<obj>[^.;:\n]{{3,150}}?)\s+to\s+be\s+{adv}"
            rf"(?P<verb>{part})\b(?P<rest>.*)",
            flags,
        ),
        active=re.compile(rf"\b(?P<cue>{modal})\s+{adv}(?P<what>(?P<verb>{base})\b.*)", flags),
        # "she would look at whether the figures could be broken down and report back": a deliverable
        # joined to the first verb after the modal
        active_joined=re.compile(
            rf"\b(?P<cue>{modal})\s+{adv}(?P<what>(?!(?:{alt(c['binding_not_deeds'])})\b)(?P<first>[a-z]+)\b"
            rf"[^;.\n]{{0,100}}?\band\s+(?:then\s+)?(?P<verb>{base})\b.*)",
            flags,
        ),
        # "would be circulated", and coordinated "would be sought from officers and circulated to Members"
        passive=re.compile(rf"\b(?P<cue>{modal})\s+{adv}be\s+{adv}"
                           rf"(?:[a-z]+(?:ed|ght|wn|en)\s+(?:[\w'’]+\s+){{0,4}}?and\s+)?"
                           rf"(?P<verb>{part})\b(?P<rest>.*)", flags),
        # "the survey would be completed by September and the results shared with Members": the second
        # passive's "would be" left out, its subject of its own
        gapped=re.compile(
            rf"\b(?P<cue>{modal})\s+{adv}be\s+{adv}[a-z]+(?:ed|en|wn|ght)\b[^;.\n]{{0,80}}?\band\s+"
            rf"(?P<subj>(?:the|a|an|any|all|its|their|these|those)\s+(?:[\w'’-]+\s+){{0,4}}?)(?P<verb>{part})\b"
            rf"(?P<rest>.*)",
            flags,
        ),
        subjunctive=re.compile(
            # the subject holds no "be" of its own: "requested that charges be negotiated, and it was
            # suggested that a summary be circulated" circulates the summary, not the charges
            rf"\bthat\s+(?P<subj>(?:(?!\bbe\b)[^;:\n]){{3,220}}?)\s+(?:should\s+)?be\s+{adv}(?P<verb>{part})\b"
            rf"(?P<rest>.*)",
            flags,
        ),
        reporting=re.compile(
            rf"\b(?P<verb>{alt(c['reporting'])})(?:\s+(?:[\w'’]+\s+){{0,3}}?that)?\b", flags
        ),
        request_noun=re.compile(rf"\b{alt(c['request_nouns'])}\b", flags),
        acceptance=re.compile(rf"\b{alt(c['acceptance'])}\b", flags),
        anaphora=re.compile(rf"^(?P<verb>{base})\s+(?P<ana>{alt(c['anaphora'])})\b", flags),
        weak=re.compile(rf"^(?:{alt(c['weak'])}|{split_forms('weak')})\b", flags),
        inline_action=re.compile(c["action_markers"]["inline"], flags),
        line_action=re.compile(c["action_markers"]["line"]),
        by_action=re.compile(c["action_markers"]["by"], re.M),
        done=re.compile(
            rf"\b(?P<aux>{alt(progress['done_aux'])})\s+(?:(?!being\b|not\b)\w+\s+)?"
            rf"(?P<verb>{part}|{alt(progress['completions'])})\b"
            r"(?!\s+that\b)",
            flags,
        ),
        done_perfect=re.compile(
            rf"\b{alt(progress['done_perfect_aux'])}\s+(?P<verb>{alt(progress['done_perfect'])})\b(?!\s+that\b)",
            flags,
        ),
        done_active=re.compile(
            rf"\b(?P<verb>{alt(progress['done_active'])})\s+(?:the|a|an|his|her|their|its)\s+(?:[\w'’-]+\s+){{0,3}}?"
            rf"{alt(c['deliverable_nouns'])}s?\b"
            rf"|\b(?P<verb2>{alt(progress['done_active'])})\s+(?:(?:the|his|her|their|its)\s+)?(?:[\w'’-]+\s+){{0,2}}?"
            rf"{alt(progress['done_active_objects'])}\b",
            flags,
        ),
        reference=re.compile(rf"\b{alt(progress['reference'])}\b", flags),
        earlier=re.compile(rf"\b{alt(progress['earlier_meeting'])}\b", flags),
        deliverable_noun=re.compile(rf"\b{alt(c['deliverable_nouns'])}s?\b", flags),
        deliverable_verb=re.compile(rf"\b{base}\b|\b{part}\b", flags),
        # every promise form but a later meeting's business names a deliverable verb after a space: a
        # sentence without one at a word's start is passed over without trying the forms
        any_deliverable=re.compile(rf"\b(?:{base}|{part}|{split_forms()})", flags),
        condition=re.compile(rf"(?<![\w-])(?P<lead>{alt(conditions['leads'])})\s+(?P<body>[^,;]+)", flags),
        question=re.compile(
            rf"\b{alt(c['asking'])}\s+(?:[\w'’]+\s+){{0,4}}?{alt(c['question_words'])}\b", flags
        ),
        answered=re.compile(rf"\b{alt(c['answer_cues'])}\b", flags),
        coordination=re.compile(rf"(?:^|[\s,])(?:{alt(c['coordinators'])})\s*$", flags),
        decision=re.compile(c["decision_openers"], flags),
        offer=re.compile(rf"\b(?P<cue>{alt(c['offers'])})\s+{adv}(?P<what>(?P<verb>{alt(c['communicating'])})\b.*)",
                         flags),
        # "a specific breakdown could be provided to members": an offer in the passive, its subject the noun
        # phrase right before it
        offer_passive=re.compile(
            r"(?P<np>\b(?:the|a|an|this|these|those|any|further|more|some)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+"
            rf"(?P<cue>could|can)\s+{adv}be\s+{adv}"
            rf"(?P<verb>{alt(c['deliverables'][v] for v in c['offer_passive_verbs'])})\b"
            rf"(?P<rest>.*)",
            flags,
        ),
        offer_object=re.compile(rf"\b{alt(c['offer_objects'])}\b|{c['recipients']}", flags),
        # "gave an assurance that the backlog would be cleared by March": the giver, the deed and its time
        assurance=re.compile(
            rf"\b(?P<cue>{alt(c['assurances'])})\b(?:\s+(?!that\b)[\w'’]+){{0,3}}?\s+that\s+"
            rf"(?P<subj>(?:(?!\b(?:be|would|will)\b)[^;:\n]){{2,140}}?)\s+(?:would|will)\s+{adv}"
            rf"(?P<be>be\s+{adv})?(?P<verb>[a-z]+)\b(?P<rest>[^;\n]*)",
            flags,
        ),
        # "undertook to make these changes for future reports": bound whatever the verb
        binding=re.compile(
            rf"\b(?P<cue>{alt(c['binding_undertakings'])})\s+to\s+{adv}(?P<verb>[a-z]+)\b(?P<rest>[^;\n]*)",
            flags,
        ),
        # a decision's later part with no "that" of its own: "RESOLVED that (a) ...; and (b) a further report
        # be submitted to the next meeting"
        subjunctive_listed=re.compile(
            r"^\W*(?:and\s+)?\((?:[ivx]{1,4}|[a-h]|\d{1,2})\)\s*(?:that\s+)?"
            rf"(?P<subj>(?:(?!\bbe\b)[^;:\n]){{3,220}}?)\s+(?:should\s+)?be\s+{adv}(?P<verb>{part})\b(?P<rest>.*)",
            flags,
        ),
        # a decision's own sentence: "(b) ... A report should come forward to the next meeting"
        should_bare=re.compile(
            # the subject has no verb of its own ("It was agreed that ... X should be invited" is not one)
            rf"^\W*(?:\(?[a-z0-9]{{1,4}}[.)]\s+)?(?P<subj>(?-i:[A-Z])"
            rf"(?:(?!\b(?:that|was|were|is|are|had|has|have|agreed|resolved|decided)\b)[^;:\n]){{2,120}}?)\s+should\s+{adv}"
            rf"(?:be\s+{adv}(?P<part>{part})|(?P<verb>{base}))\b(?P<rest>.*)",
            flags,
        ),
        should=re.compile(
            rf"\b(?P<cue>{alt(c['decision_should'])})\s+that\s+(?P<subj>[^;:\n]{{3,160}}?)\s+should\s+{adv}"
            rf"(?P<verb>{base})\b(?P<rest>.*)",
            flags,
        ),
    )


def gerund(base: str) -> str:
    """"provide" -> "providing", "get back" -> "getting back", "submit" -> "submitting" (first word only)."""
    first, _, rest = str(base).partition(" ")
    if first.endswith("ie"):
        ing = first[:-2] + "ying"
    elif first.endswith("e") and not first.endswith("ee"):
        ing = first[:-1] + "ing"
    elif re.fullmatch(r"(?:[^aeiou]*[aeiou][^aeiouwxy]|\w*mit)", first):
        ing = first + first[-1] + "ing"  # "get", "set", "submit": the last consonant doubled
    else:
        ing = first + "ing"
    return f"{ing} {rest}" if rest else ing


def third_person(base: str) -> str:
    """"write to" -> "writes to", "brief" -> "briefs", "reply" -> "replies" (first word only): a decision's
    present ("That the Chairperson writes to the Cabinet Member ...")."""
    first, _, rest = str(base).partition(" ")
    if re.search(r"[^aeiou]y$", first):
        form = first[:-1] + "ies"
    elif re.search(r"(?:s|sh|ch|x|z|o)$", first):
        form = first + "es"
    else:
        form = first + "s"
    return f"{form} {rest}" if rest else form


_PARTICLES = ("up", "back", "forward", "down", "out")


@cache
def split_forms(kind: str = "deliverables") -> str:
    """Phrasal deliverables (or weak verbs) with their object between verb and particle: "follow these
    two issues up", "feed the comments back" (an alternation; the few words between hold no "and"/"to")."""
    out = []
    for b in cues()[kind]:
        first, _, rest = str(b).partition(" ")
        if rest in _PARTICLES:
            out.append(rf"{re.escape(first)}\s+(?:(?!and\b|to\b)[\w'’]+\s+){{1,4}}?{rest}")
    return "|".join(out)


@cache
def gerunds() -> list[str]:
    return [gerund(b) for b in cues()["deliverables"]]


@cache
def base_of() -> dict[str, str]:
    """Participle, gerund or base (lower case) -> base verb, for normalising passives and for the ledger."""
    out: dict[str, str] = {}
    for b, p in cues()["deliverables"].items():
        out[gerund(b).lower()] = str(b)
        out[third_person(b).lower()] = str(b)
        out[str(p).lower()] = str(b)
        out[str(b).lower()] = str(b)
    return out


def base_verb(verb: str) -> str:
    return base_of().get(re.sub(r"\s+", " ", verb.lower()), verb)


@cache
def _phrase_rx(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + alt(nlp.phrases(name)) + r"(?!\w)", re.I)


def phrase_hit(name: str, text: str) -> re.Match[str] | None:
    """A phrase of pattern file NAME.txt found in `text` as whole words (case-insensitive), or None."""
    return _phrase_rx(name).search(text)
