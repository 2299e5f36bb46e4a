"""Regenerate the binary reader fixtures in this folder (the generated files are committed too):

    .venv/bin/python tests/data/readers/make_fixtures.py

- scorecard_report.pdf  a two-page report: wrapped paragraphs, one running over the page break, a page
                        number and running header on each page, and a ruled scorecard table on page 2
- encrypted.pdf         the same kind of report, protected by a user password
- image_only.pdf        a "scanned" page: the text is only pixels, there is no text layer
- malformed.pdf         the first part of scorecard_report.pdf, as an interrupted download leaves it
- report_with_table.docx  a Word report: headings, paragraphs, bulleted and numbered lists, a scorecard table

The HTML fixtures beside them are written by hand in ModernGov's page structure.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

INTRO = (
    "The purpose of this report is to provide the Corporate Parenting Panel with an overview of performance "
    "in relation to looked after children and care leavers for the first quarter of 2022/23."
)
SUMMARY = (
    "The number of care leavers in suitable accommodation improved to 91%, above the target of 90%. "
    "Initial health assessments completed within 20 working days reduced to 34%, well below the target of "
    "80%, and the Strategy Team Leader will bring a report on health assessments to the next meeting of the "
    "Panel so that Members can consider the actions being taken to improve timeliness across all teams in "
    "the county and the support offered by partners in health."
)
SCORECARD = [
    ["Indicator", "Q1 2022/23", "Target", "England"],
    ["Care leavers in suitable accommodation", "91%", "90%", "88%"],
    ["Initial health assessments within 20 days", "34%", "80%", "n/a"],
    ["Children with 3 or more placement moves", "8.2%", "10%", "10%"],
]


def _page_furniture(canvas, doc) -> None:  # noqa: ANN001 - reportlab's callback signature
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 810, "Corporate Parenting Panel - 13 July 2022")
    canvas.drawCentredString(297, 30, f"Page {doc.page}")
    canvas.restoreState()


def scorecard_report(path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title="Performance update", author="Durham County Council", invariant=1
    )
    filler = " ".join([SUMMARY] * 3)
    story = [
        Paragraph("Performance update", styles["Title"]),
        Paragraph("Report of the Corporate Equality and Strategy Manager", styles["Heading2"]),
        Paragraph("Purpose of the Report", styles["Heading2"]),
        Paragraph(INTRO, styles["BodyText"]),
        Spacer(1, 12),
        Paragraph("Executive summary", styles["Heading2"]),
        Paragraph(SUMMARY, styles["BodyText"]),
        Spacer(1, 420),
        # long enough to run over the page break mid-sentence
        Paragraph(filler, styles["BodyText"]),
        PageBreak(),
        Paragraph("Appendix 2: Q1 Performance Scorecard", styles["Heading2"]),
        Table(
            SCORECARD,
            style=TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ]
            ),
        ),
        Spacer(1, 12),
        Paragraph("Members are asked to note the scorecard.", styles["BodyText"]),
    ]
    doc.build(story, onFirstPage=_page_furniture, onLaterPages=_page_furniture)


def encrypted(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, encrypt="council-secret", invariant=1)
    canvas.drawString(
        72, 760, "Confidential: performance of looked after children services, 91% of care leavers"
    )
    canvas.showPage()
    canvas.save()


def image_only(path: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    image = Image.new("L", (1240, 400), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(("Minutes of the Corporate Parenting Panel", "The Panel noted the report.")):
        draw.text((40, 40 + 60 * i), line, fill=0)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 40, 500, width=515, height=166)
    canvas.showPage()
    canvas.save()


def report_docx(path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.core_properties.title = "Performance Indicators Q2 2017/18"
    document.add_heading("Performance Indicators Q2 2017/18", level=1)
    document.add_heading("Purpose of the Report", level=2)
    document.add_paragraph(
        "To provide Members with an update on performance against key performance indicators."
    )
    p = document.add_paragraph("Suzanne Joyner")
    p.add_run().add_break(WD_BREAK.LINE)
    p.add_run("Director of Children and Adult Services")
    document.add_heading("Where are we performing well?", level=2)
    document.add_paragraph(
        "Contacts completed within 1 working day were 98%, above the target of 95%.", style="List Bullet"
    )
    document.add_paragraph(
        "Assessments completed within 45 working days were 94%, above the target of 90%.", style="List Bullet"
    )
    document.add_heading("Recommendation", level=2)
    document.add_paragraph(
        "That performance information provided in this report is reviewed and noted.", style="List Number"
    )
    document.add_paragraph(
        "That relevant queries are raised with the appropriate Assistant Director.", style="List Number"
    )
    table = document.add_table(rows=len(SCORECARD), cols=len(SCORECARD[0]))
    table.style = "Table Grid"
    for r, row in enumerate(SCORECARD):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            run = cell.paragraphs[0].add_run(value)
            run.bold = r == 0
    document.add_paragraph("A performance scorecard is attached at Appendix 1.")
    document.core_properties.created = dt.datetime(2017, 11, 13, 9, 0)  # the same file from run to run
    document.core_properties.modified = dt.datetime(2017, 11, 13, 9, 0)
    buf = io.BytesIO()
    document.save(buf)
    # zip entries carry the time they were written: pin it, so the file changes only with its content
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            pinned = zipfile.ZipInfo(info.filename, date_time=(2017, 11, 13, 9, 0, 0))
            pinned.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(pinned, src.read(info.filename))


def main() -> None:
    scorecard_report(HERE / "scorecard_report.pdf")
    encrypted(HERE / "encrypted.pdf")
    image_only(HERE / "image_only.pdf")
    data = (HERE / "scorecard_report.pdf").read_bytes()
    (HERE / "malformed.pdf").write_bytes(data[: len(data) // 3])
    report_docx(HERE / "report_with_table.docx")


if __name__ == "__main__":
    main()
