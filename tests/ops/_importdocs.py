"""Real documents for the import tests: Word files written by python-docx and by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def add_link(paragraph, text: str, url: str) -> None:
    """A real w:hyperlink (python-docx has no API for one)."""
    rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    rpr.append(style)
    u = OxmlElement("w:u")
    u.set(qn("w:val"), "single")
    rpr.append(u)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def word_policy(path: Path, history: str = "Adopted: October 5, 2009 / Revised: May 15, 2018") -> Path:
    """A policy as districts write them: code line, title, formatting, lists, a link, a table, history."""
    d = docx.Document()
    d.add_paragraph("File: IJNDC")
    title = d.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run("WEBSITE PRIVACY").bold = True
    d.add_heading("Purpose", level=2)
    p = d.add_paragraph("The district ")
    p.add_run("shall").bold = True
    p.add_run(" protect ")
    p.add_run("personal").italic = True
    p.add_run(" data and ")
    p.add_run("never").underline = True
    p.add_run(" sell it. See ")
    add_link(p, "the notice", "https://example.org/notice")
    p.add_run(".")
    d.add_paragraph("Names of students", style="List Bullet")
    d.add_paragraph("Photographs with consent", style="List Bullet 2")
    d.add_paragraph("Work samples", style="List Bullet")
    d.add_paragraph("Ask the principal.", style="List Number")
    d.add_paragraph("Wait ten days.", style="List Number")
    d.add_paragraph("Privacy is a right.", style="Quote")
    table = d.add_table(rows=3, cols=2)
    for r, row in enumerate([("Record", "Kept"), ("Visitor logs", "30 days"), ("Cookies", "1 year")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in history.split("\n"):
        d.add_paragraph(line)
    d.save(path)
    return path


WORD_POLICY_TEXT = (
    "## Purpose\n\n"
    "The district **shall** protect *personal* data and *never* sell it. See "
    "[the notice](https://example.org/notice).\n\n"
    "- Names of students\n    - Photographs with consent\n- Work samples\n\n"
    "1. Ask the principal.\n2. Wait ten days.\n\n"
    "> Privacy is a right.\n\n"
    "| Record | Kept |\n| --- | --- |\n| Visitor logs | 30 days |\n| Cookies | 1 year |\n"
)

LIBREOFFICE_HTML = """<html><body>
<p>File: JICH</p>
<p align="center"><b>STUDENT ALCOHOL USE</b></p>
<p>No student shall <b>possess</b> or <i>use</i> alcohol. Read <a href="https://example.org/help">the guide</a>.</p>
<ul><li>At school<ul><li>In class</li></ul></li><li>On buses</li></ul>
<ol><li>First offense</li><li>Second offense</li></ol>
<table border="1"><tr><th>Offense</th><th>Result</th></tr><tr><td>First</td><td>Warning</td></tr></table>
<p>Adopted: 10/5/2009</p>
</body></html>
"""


def libreoffice_convert(sources: list[Path], outdir: Path, target: str = "docx") -> list[Path]:
    """Convert with LibreOffice (one process for all files); the converted files' paths."""
    if SOFFICE is None:
        return []
    profile = (outdir / "lo-profile").resolve()
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), *map(str, sources)], check=True, capture_output=True, timeout=180)
    return [outdir / (s.stem + "." + target.split(":")[0]) for s in sources]
