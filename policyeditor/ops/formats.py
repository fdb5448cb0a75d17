"""The export formats: which file ending writes what, read by the command line and the window.

``FORMATS`` holds one ``Format`` per kind of file (name, file endings, a
label, and a writer per export that can be written in it: "redline",
"packet"). ``format_for(path, export)`` picks the format from a file name
and refuses, in a sentence naming the endings, a name it cannot write;
``write(export, document, path, ...)`` writes the document with that format's
writer (atomically: a failed export leaves the previous file as it was).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from policyeditor.core.errors import ExportError

if TYPE_CHECKING:
    from policyeditor.core.redline import Redline
    from policyeditor.export.html import PageParts
    from policyeditor.export.packet import Packet

REDLINE = "redline"
PACKET = "packet"

Writer = Callable[[Any, Path, str, datetime], None]   # (document, path, author, when)


@dataclass(frozen=True)
class Format:
    """One kind of export file. ``writers``: export name -> writer; ``names_author``: the file
    carries the author's name (tracked changes, document properties), so the caller reads it."""

    name: str
    suffixes: tuple[str, ...]
    label: str
    writers: Mapping[str, Writer]
    names_author: bool = False

    @property
    def suffix(self) -> str:
        """The ending offered for a new file."""
        return self.suffixes[0]

    def allows(self, export: str) -> bool:
        return export in self.writers


@dataclass(frozen=True)
class RedlineDocument:
    """A redline with its page parts (title, subtitle, summary, history): what a redline writer writes."""

    redline: "Redline"
    parts: "PageParts"


def _redline_html(doc: RedlineDocument, path: Path, author: str, when: datetime) -> None:
    from policyeditor.export.html import redline_page
    from policyeditor.export.output import write_text_atomic

    write_text_atomic(path, redline_page(doc.redline, doc.parts))


def _redline_pdf(doc: RedlineDocument, path: Path, author: str, when: datetime) -> None:
    from policyeditor.export.pdf import redline_pdf

    redline_pdf(doc.redline, doc.parts, path)


def _redline_docx(doc: RedlineDocument, path: Path, author: str, when: datetime) -> None:
    from policyeditor.export.docx import redline_docx, save_docx

    save_docx(redline_docx(doc.redline, doc.parts, author=author, when=when), path)


def _packet_pdf(packet: "Packet", path: Path, author: str, when: datetime) -> None:
    from policyeditor.export.packet import packet_pdf

    packet_pdf(packet, path)


def _packet_docx(packet: "Packet", path: Path, author: str, when: datetime) -> None:
    from policyeditor.export.packet import packet_docx

    packet_docx(packet, path, author=author, when=when)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", (".html", ".htm"), "Web page", {REDLINE: _redline_html}),
    Format("pdf", (".pdf",), "PDF document", {REDLINE: _redline_pdf, PACKET: _packet_pdf}),
    Format("docx", (".docx",), "Word document", {REDLINE: _redline_docx, PACKET: _packet_docx}, names_author=True),
)}


def formats_for(export: str) -> list[Format]:
    """The formats ``export`` ("redline", "packet") can be written in, in table order."""
    return [f for f in FORMATS.values() if f.allows(export)]


def format_for(path: str | os.PathLike, export: str = REDLINE) -> Format:
    """The format of ``path`` by its ending, or ExportError naming the endings ``export`` allows."""
    suffix = Path(path).suffix.lower()
    for fmt in formats_for(export):
        if suffix in fmt.suffixes:
            return fmt
    names = ", ".join(f".{f.name}" for f in formats_for(export))
    raise ExportError(f"Cannot tell what to write for \u201c{Path(path).name}\u201d: "
                      f"end the file name with {names}.")


def write(export: str, document: "RedlineDocument | Packet", path: str | os.PathLike, *, author: str, when: datetime) -> Format:
    """Write ``document`` (a RedlineDocument or a Packet) in the format ``path`` names."""
    fmt = format_for(path, export)
    fmt.writers[export](document, Path(path), author, when)
    return fmt
