"""The redline of two versions of a policy (or a version and the draft), and of two outside files.

``policy_redline(lib, id, from_version=, to_version=)`` compares two texts
of a policy: ``to_version`` None is the draft; ``from_version`` None is the
version in force (or, when that is the version shown, the one before it).
``file_redline(old, new)`` compares two Word, Markdown or text files outside
any library (read as ``import`` reads them). Both give a ``Compared`` (the redline, its page parts and its
statistics) that ``write_redline`` writes as HTML, PDF or DOCX.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core.errors import InvalidInput
from policyeditor.ops.formats import REDLINE, RedlineDocument, format_for, write

if TYPE_CHECKING:
    from policyeditor.core.redline import Redline
    from policyeditor.core.redline_stats import RedlineStats
    from policyeditor.core.textmodel import Document
    from policyeditor.export.html import PageParts
    from policyeditor.store.library import Library


@dataclass(frozen=True)
class Compared:
    """A redline ready to write: the changes, the page's parts and the statistics."""

    redline: "Redline"
    parts: "PageParts"
    stats: "RedlineStats"


def read_document(name: str | os.PathLike) -> "Document":
    """A Word (.docx), Markdown or text file as a Document, read as ``import`` reads it
    (``ops.importing.read_document``: tracked changes taken as accepted; a file of another
    kind is read as Markdown)."""
    from policyeditor.ops.importing import read_document as read

    return read(name)


def write_redline(compared: Compared, output: str | os.PathLike, *, author: str, when: datetime) -> None:
    """Write the redline as HTML, PDF or DOCX, chosen by the file name."""
    write(REDLINE, RedlineDocument(compared.redline, compared.parts), output, author=author, when=when)


def _saved_at(name: str | os.PathLike) -> datetime | None:
    """When a file was last saved (its modification time), for the changes of a DOCX redline."""
    try:
        return datetime.fromtimestamp(Path(name).stat().st_mtime, tz=timezone.utc)
    except OSError:
        return None


def _title_from(name: str | os.PathLike) -> str:
    return Path(name).stem.replace("-", " ").replace("_", " ").strip().title() or "Policy"


def file_redline(old: str | os.PathLike, new: str | os.PathLike, *, title: str | None = None,
                 summary: bool = False) -> Compared:
    """The redline from file ``old`` to file ``new`` (Markdown or text, outside any library).

    ``summary``: the written redline opens with a page of the change summary and the key.
    """
    from policyeditor.core.markdown_read import forget
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts

    old_doc, new_doc = read_document(old), read_document(new)
    forget()                             # both read: the reader's copies of them can go
    redline = compare(old_doc, new_doc)
    stats = redline_stats(redline, old_doc, new_doc)
    parts = PageParts(title=title or _title_from(new),
                      subtitle=f"{Path(new).name} compared with {Path(old).name}",
                      summary=stats.summary, explanation=stats.explanation, show_summary=summary,
                      revised_at=_saved_at(new))
    return Compared(redline, parts, stats)


def policy_redline(lib: "Library", policy_id: str, *, from_version: int | None = None,
                   to_version: int | None = None, summary: bool = False) -> Compared:
    """Version ``to_version`` (None: the draft) of a policy against ``from_version``.

    ``from_version`` None: the version in force today, unless that is the
    version shown, then the one before it (nothing when there is none).
    A history line the texts end with gives way to the generated one.
    ``summary``: the written redline opens with a page of the change summary.
    """
    from policyeditor.core.markdown_read import forget
    from policyeditor.core.redline import compare
    from policyeditor.core.redline_stats import redline_stats
    from policyeditor.export.html import PageParts
    from policyeditor.core.textmodel import parse
    from policyeditor.export.memo import history_line, without_history
    from policyeditor.ops.packet import document_author, saved_by

    policy = lib.policy(policy_id)
    new_text = lib.draft_text(policy_id) if to_version is None else lib.version_text(policy_id, to_version)
    if from_version is None:
        base = lib.in_force(policy_id, lib.today())
        if base is not None and base.number == to_version:
            earlier = [v.number for v in policy.versions if v.number < base.number]
            base = policy.version(earlier[-1]) if earlier else None
        from_version = base.number if base is not None else None
    old_text = lib.version_text(policy_id, from_version) if from_version is not None else ""
    history = history_line(policy, upto=to_version)
    old_doc, new_doc = without_history(parse(old_text), history), without_history(parse(new_text), history)
    forget()
    redline = compare(old_doc, new_doc)
    stats = redline_stats(redline, old_doc, new_doc)
    to_label = "the draft" if to_version is None else f"version {to_version}"
    from_label = f"version {from_version}" if from_version is not None else "nothing (no version in force)"
    justification = policy.version(to_version).justification if to_version is not None else ""
    by, at = saved_by(lib, policy_id, policy.version(to_version).text_commit if to_version is not None else "")
    parts = PageParts(title=policy.title, subtitle=f"{to_label.capitalize()} compared with {from_label}.",
                      summary=stats.summary, explanation=stats.explanation,
                      justification=justification, history=history, show_summary=summary,
                      code=policy.code, document_author=document_author(lib), revised_by=by, revised_at=at)
    return Compared(redline, parts, stats)


def write_policy_redline(lib: "Library", policy_id: str, output: str | os.PathLike, *,
                         from_version: int | None = None, to_version: int | None = None,
                         summary: bool = False) -> Compared:
    """``policy_redline`` written to ``output`` (its format checked before any work)."""
    format_for(output, REDLINE)
    compared = policy_redline(lib, policy_id, from_version=from_version, to_version=to_version,
                              summary=summary)
    write_redline(compared, output, author=compared.parts.document_author or lib.author.name, when=lib.now())
    return compared
