"""A generator of realistic synthetic corpora: council minutes and performance reports in the seeds'
styles (and two more councils' house styles), with varied councils, committees, councillors, officer posts,
indicator figures with targets and benchmarks, questions and answers, resolutions and commitments.

Deterministic: document i of seed s is always the same text, whatever else is generated, so corpora of
1,000, 10,000 or 50,000 documents nest. Each document has a `.meta.yaml` sidecar like the seeds'.

    python -m benchmarks.corpus OUT --docs 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

FIRST = ["Helen", "John", "Sarah", "David", "Angela", "Mark", "Julie", "Paul", "Karen", "Ian", "Louise",
         "Peter", "Claire", "Michael", "Joanne", "Stephen", "Rachel", "Andrew", "Emma", "Gary", "Alison",
         "Neil", "Fiona", "Chris", "Lesley", "Martin", "Gillian", "Richard", "Nicola", "Alan", "Priya",
         "Imran", "Aisha", "Tom"]
SURNAMES = ["Patterson", "Hopgood", "McAloon", "Robinson", "Shaw", "Atkinson", "Kay", "Reed", "Hunt",
            "Brown", "Holland", "Wilkinson", "Crute", "Boyes", "Bell", "Hall", "Sutton-Lloyd", "Jopling",
            "Gunn", "Adam", "Durham", "Moist", "Charlton", "Ahmed", "Khan", "Okafor", "Nowak", "Evans",
            "Price", "Morgan", "Thompson", "Walker", "Scott", "Marshall", "Dixon", "Ellis", "Fletcher",
            "Gibson", "Harper", "Iqbal"]
POSTS = ["Head of Early Help, Assessment and Safeguarding",
         "Corporate Director of Children and Young People's Services", "Strategic Manager for Performance",
         "Corporate Scrutiny and Performance Manager", "Head of Children's Social Care",
         "Strategy Team Leader", "Assistant Director of Education", "Head of Commissioning",
         "Performance and Intelligence Manager", "Virtual School Head Teacher",
         "Service Manager for Looked After Children", "Principal Social Worker", "Head of Finance",
         "Director of Public Health", "Cabinet Member for Children and Young People"]
COMMITTEES = ["Children and Young People's Overview and Scrutiny Committee", "Corporate Parenting Panel",
              "Children and Young People Scrutiny Committee", "Cabinet", "Audit Committee",
              "Health and Wellbeing Board", "Adults, Wellbeing and Health Overview and Scrutiny Committee",
              "Safer and Stronger Communities Scrutiny Committee"]
TOPICS = ["missing incidents", "placement stability", "care leavers in education, employment or training",
          "social worker caseloads", "initial health assessments", "return home interviews",
          "agency staff", "children placed with friends and family", "school attendance", "EHCP timeliness"]
FALLBACK_INDICATORS = ["Contacts completed within 1 working day",
                       "Assessments completed within 45 working days",
                       "Children in care (looked after children)",
                       "Initial health assessments completed in timescale",
                       "Return home interviews completed after a missing episode"]
TRENDS = ["improved", "reduced", "increased"]
PROMISES = ["bring a report on", "circulate information on", "provide an update on"]
NOTED = ["That the report be noted.", "That the report and presentation be noted.",
         "That the report be received and the comments of the Committee be noted."]


@dataclass(frozen=True)
class Palette:
    councils: tuple[str, ...]
    indicators: tuple[str, ...]


def palette() -> Palette:
    """Council and indicator names from the project's own data files, so extraction recognises them."""
    councils = yaml.safe_load((ROOT / "kg/data/councils.yaml").read_text(encoding="utf-8"))["councils"]
    try:
        from kg.indicators import concepts

        # the services the corpus was built on (the scheme once held only these), so results stay comparable
        kept = ("children's social care", "education", "public health")
        labels = [c["label"] for c in concepts() if c["service"] in kept]
    except (ImportError, KeyError):
        labels = []
    return Palette(tuple(c["name"] for c in councils), tuple(labels) or tuple(FALLBACK_INDICATORS))


def _person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(SURNAMES)}"


def _period(r: random.Random) -> tuple[str, str, str]:
    year = r.randint(2015, 2024)
    q = r.randint(1, 4)
    fy = f"{year}/{str(year + 1)[-2:]}"
    words = ["One", "Two", "Three", "Four"][q - 1]
    return f"{fy} Q{q}", f"Quarter {words} {fy}", f"Quarter {q}"


def _figures(r: random.Random, indicators: tuple[str, ...], quarter: str, n: int) -> list[str]:
    out = []
    for name in r.sample(indicators, min(n, len(indicators))):
        value, target = r.randint(40, 99), r.randint(50, 98)
        bench = r.randint(40, 99)
        better = "better than" if value >= target else "below"
        style = r.randrange(3)
        if style == 0:
            side = "higher" if value >= bench else "lower"
            out.append(f"The {quarter} figure for {name.lower()} was {value}%, {better} the target of "
                       f"{target}%. Our performance is {side} than our statistical neighbours ({bench}%).")
        elif style == 1:
            out.append(f"{name} stood at {value}% against a target of {target}% and a national average of "
                       f"{bench}%.")
        else:
            count = r.randint(20, 900)
            out.append(f"The number of {name.lower()} was {count} at the end of the quarter, compared with "
                       f"{count + r.randint(-40, 40)} in the previous quarter.")
    return out


def minutes(r: random.Random, p: Palette, council: str, committee: str) -> tuple[str, dict]:
    """An agenda item's minutes in the Durham style (seeds 000, 001, 004)."""
    period, title_period, quarter = _period(r)
    officer, post = _person(r), r.choice(POSTS)
    other_post = r.choice([x for x in POSTS if x != post])
    cllrs = [r.choice(SURNAMES) for _ in range(r.randint(2, 4))]
    topic = r.sample(TOPICS, 3)
    paras = [
        "Agenda item",
        f"{title_period} Performance Management Report",
        "Minutes:",
        f"The Committee considered the report of the {other_post} which presented progress against the "
        f"council's performance framework for {title_period} (for copy see file of minutes).",
        f"The {post}, {officer}, presented the performance report and highlighted that "
        + " ".join(_figures(r, p.indicators, quarter, r.randint(2, 4))),
    ]
    for c in cllrs:
        t = r.choice(topic)
        paras.append(
            f"Councillor {c} asked about {t} and whether the position would improve. The {post} explained "
            f"that work was ongoing with partners and that the figure had {r.choice(TRENDS)} since the last "
            f"report. Councillor {c} commented that the trend was {r.choice(['positive', 'concerning'])}.")
    body = committee.split(" Committee")[0].split(" Panel")[0]
    paras.append(f"The {post} agreed to {r.choice(PROMISES)} {topic[0]} to a future meeting of the {body}.")
    if r.random() < 0.5:
        paras.append(f"In response to a request from Members, the {other_post} agreed to include data on "
                     f"{topic[1]} in the next performance update.")
    paras += ["Resolved:", r.choice(NOTED), "Supporting documents:"]
    meta = {"council": council, "committee": committee,
            "title": f"{title_period} Performance Management Report", "doc_type": "minutes", "period": period}
    return "\n\n\n".join(paras) + "\n", meta


def report(r: random.Random, p: Palette, council: str, committee: str) -> tuple[str, dict]:
    """A performance report with numbered paragraphs, in the Darlington style (seed 003)."""
    period, title_period, quarter = _period(r)
    fy, q = period.split()
    lines = [f"PERFORMANCE INDICATORS {q} {fy}", "", "Purpose of the Report", "",
             "1. To provide Members with an update on performance against key performance indicators.", "",
             "Summary", ""]
    n = 2
    lines.append(f"{n}. This report provides {quarter.lower()} {fy} performance information in "
                 f"line with an indicator set agreed by the {committee}.")
    lines += ["", "Where are we performing well?", ""]
    for fig in _figures(r, p.indicators, quarter, r.randint(4, 8)):
        n += 1
        lines.append(f"{n}. {fig}")
    lines += ["", "Where are the key areas for improvement?", ""]
    for fig in _figures(r, p.indicators, quarter, r.randint(2, 4)):
        n += 1
        lines.append(f"{n}. {fig}")
    lines += ["", "Recommendation", "", f"{n + 1}. It is recommended that Members note the report.", "",
              f"{_person(r)}", f"{r.choice(POSTS)}"]
    meta = {"council": council, "committee": committee, "title": f"Performance Indicators {period}",
            "doc_type": "report", "period": period}
    return "\n".join(lines) + "\n", meta


def moderngov(r: random.Random, p: Palette, council: str, committee: str) -> tuple[str, dict]:
    """Minutes of a whole meeting with attendance, numbered items, questions and answers (ModernGov style)."""
    period, title_period, quarter = _period(r)
    chair, others = r.choice(SURNAMES), [r.choice(SURNAMES) for _ in range(r.randint(3, 6))]
    officers = [(r.choice(POSTS), _person(r)) for _ in range(2)]
    lines = [f"Minutes of the meeting of the {committee}", "",
             f"Present: Councillor {chair} (Chair); Councillors {', '.join(others)}.", "",
             "Also in attendance: " + "; ".join(f"{name} ({post})" for post, name in officers), ""]
    item = r.randint(1, 6)
    absent = r.choice(SURNAMES)
    lines += [f"{item}. Apologies for Absence", "", f"Apologies were received from Councillor {absent}.", "",
              f"{item + 1}. {title_period} Performance Report", ""]
    lines += _figures(r, p.indicators, quarter, r.randint(2, 5))
    for _ in range(r.randint(1, 3)):
        asker, (post, _) = r.choice(others), r.choice(officers)
        t = r.choice(TOPICS)
        work = r.choice(["recruitment", "training", "audits"])
        lines += ["", f"Councillor {asker} asked what was being done about {t}. The {post} responded that a "
                      f"recovery plan was in place and that {work} would continue over the next quarter."]
    post, _ = officers[0]
    lines += ["", f"The {post} undertook to report back on {r.choice(TOPICS)} at the next meeting.", "",
              "RESOLVED: That the report be noted and the actions agreed.", "",
              f"{item + 2}. Any Other Business", "", "There was no other business."]
    meta = {"council": council, "committee": committee, "title": f"{title_period} Performance Report",
            "doc_type": "minutes", "period": period}
    return "\n".join(lines) + "\n", meta


STYLES = (minutes, report, moderngov)


def document(i: int, seed: int, p: Palette) -> tuple[str, dict]:
    r = random.Random(f"{seed}:{i}")
    council = r.choice(p.councils[: max(3, len(p.councils))])
    committee = r.choice(COMMITTEES)
    text, meta = r.choice(STYLES)(r, p, council, committee)
    return text + f"\nReference: {seed}-{i}.\n", meta


def generate(out: Path, docs: int, seed: int = 0, *, per_folder: int = 1000) -> tuple[int, int]:
    """Write `docs` documents (and sidecars) under `out`; returns (files, bytes of document text)."""
    p = palette()
    total = 0
    for i in range(docs):
        folder = out / f"{i // per_folder:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        text, meta = document(i, seed, p)
        path = folder / f"doc{i:06d}.txt"
        data = text.encode("utf-8")
        if not path.exists() or path.stat().st_size != len(data):
            path.write_bytes(data)
            (folder / f"doc{i:06d}.txt.meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False),
                                                              encoding="utf-8")
        total += len(data)
    return docs, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    n, size = generate(args.out, args.docs, args.seed)
    print(f"{n} documents, {size / 1e6:.1f} MB of text in {args.out}")


if __name__ == "__main__":
    main()
