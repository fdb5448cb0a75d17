"""Bringing an existing manual in: Word, Markdown and text files become policies.

``plan_import(lib, path)`` reads one file and says what it would create
(an ``ImportPlan``: id, title, code, canonical text, legacy versions, notes)
without writing; ``apply_import(lib, plan)`` writes it, all or nothing;
``import_files(lib, paths)`` does both for files and folders (one policy per
document) and gives one ``ImportResult`` per document: imported, unchanged
(already in the library as this document would make it, so a second import
of a folder changes nothing) or refused, with the reason.

What a document says about itself (``core.importtext``): its history line
("Adopted: October 5, 2009 / Revised: May 15, 2018") becomes legacy versions
adopted on those dates, the latest holding the document's text; the texts of
the earlier ones are not known and are not invented: those versions have no
text, and their record (the memo's description) says so. "Reviewed:" dates
are reviews of the version then in force. The history line is not kept in
the text (packets print it from the versions). Code and title come from a
"File: IJNDC" or "IJNDC - Website Privacy" first line or a title line, else
from the file name ("IJNDC Website Privacy.docx"); when neither says, the
import is refused asking for them (``--id``/``--title``).

Formats: .docx (``ops.docx_read``), Markdown (.md) and text (.txt) in UTF-8
(with or without a byte order mark); anything else is refused with the
command that converts it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable

from policyeditor.core.errors import InvalidInput, PolicyEditorError

if TYPE_CHECKING:
    from policyeditor.core.textmodel import Document
    from policyeditor.core.versions import Policy, Version
    from policyeditor.store.library import Library

WORD = (".docx",)
MARKDOWN = (".md", ".markdown")
TEXT = (".txt", ".text")
READABLE = WORD + MARKDOWN + TEXT
CONVERT = (".doc", ".pdf", ".odt", ".rtf", ".wpd", ".docm", ".dotx", ".htm", ".html")

IMPORTED, UNCHANGED, REFUSED = "imported", "unchanged", "refused"


class TitleUnknown(InvalidInput):
    """Neither the document nor its file name says which policy it is."""


@dataclass(frozen=True)
class SourceText:
    """A file read as the text model, before its describing lines are taken out."""

    document: "Document"
    title_hints: frozenset[int] = frozenset()
    notes: tuple[str, ...] = ()
    normalized: bool = False      # ``document`` is normalize's result already (Markdown read whole)


@dataclass(frozen=True)
class ImportPlan:
    """What importing one document creates."""

    source: Path
    policy_id: str
    title: str
    code: str
    text: str                          # canonical Markdown
    versions: tuple["Version", ...]    # legacy versions (the latest holds ``text``)
    history: tuple[str, ...] = ()      # the history lines as written
    notes: tuple[str, ...] = ()        # what the report adds (texts not kept, underline, ...)

    @property
    def summary(self) -> str:
        """One line for a preview or report."""
        code = f" [{self.code}]" if self.code else ""
        n = len(self.versions)
        versions = (f"{n} legacy version{'s' * (n != 1)} (" + ", ".join(
            v.adopted.isoformat() for v in self.versions if v.adopted) + ")") if n else "no versions (draft only)"
        return f"{self.policy_id}: {self.title}{code}, {versions}"


@dataclass(frozen=True)
class ImportResult:
    source: Path
    status: str                  # IMPORTED, UNCHANGED or REFUSED
    message: str
    plan: ImportPlan | None = None
    changes_pending: bool = False   # refused for its tracked changes or comments only
    needs_title: bool = False       # refused only because its title is not known

    @property
    def line(self) -> str:
        return f"{self.status:9} {self.source.name}: {self.message}"


# ------------------------------------------------------------------ reading

def _refuse_format(path: Path) -> InvalidInput:
    suffix = path.suffix.lower()
    if suffix in CONVERT:
        what = {".doc": "an old Word document (.doc)", ".pdf": "a PDF"}.get(suffix, f"a {suffix} file")
        return InvalidInput(
            f"{path.name} is {what}, which is not read directly. Convert it to .docx first: "
            f"soffice --headless --convert-to docx \"{path.name}\" (LibreOffice), then import the .docx"
            + (" and check it against the PDF: a PDF's layout does not always convert cleanly." if suffix == ".pdf"
               else "."))
    return InvalidInput(f"{path.name} is not a document policyeditor imports: use Word (.docx), Markdown (.md) "
                        "or plain text (.txt) files.")


def _decode(data: bytes, name: str) -> str:
    """UTF-8 (a byte order mark allowed); anything else refused naming what it looks like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        found = "UTF-16"
    else:
        try:
            return data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            found = _guess_encoding(data)
    raise InvalidInput(f"{name} is not UTF-8 text (it looks like {found}). Open it in a text editor, save it "
                       "as UTF-8, and import it again.")


def _guess_encoding(data: bytes) -> str:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "an unknown encoding"
    return "Windows-1252 (Western European)"


def _text_paragraphs(text: str) -> "Document":
    """Plain text: one paragraph a line, or, where blank lines part paragraphs of several lines,
    one paragraph between blank lines."""
    from policyeditor.core.textmodel import PARAGRAPH, Block, Document, Run

    chunks = re.split(r"\n[ \t]*\n", text)
    wrapped = len(chunks) > 1 and any(len([ln for ln in c.split("\n") if ln.strip()]) > 1 for c in chunks)
    if wrapped:     # lines kept apart ("\n") so a history line ending a paragraph is found
        paragraphs = ["\n".join(" ".join(ln.split()) for ln in c.split("\n") if ln.strip()) for c in chunks]
    else:
        paragraphs = [" ".join(ln.split()) for ln in text.split("\n")]
    return Document(tuple(Block(PARAGRAPH, (Run(p),)) for p in paragraphs if p))


def read_source(path: str | os.PathLike, *, accept_changes: bool = False, other_as_markdown: bool = False,
                keep_lines: bool = True) -> SourceText:
    """A .docx, .md or .txt file as the text model (not yet normalized), or a plain refusal
    (``other_as_markdown``: a file of another kind, not one to convert, is read as Markdown;
    ``keep_lines``: a Markdown paragraph written on several lines keeps them, for the import's
    history line)."""
    from policyeditor.core.textmodel import parse

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in READABLE and (not other_as_markdown or suffix in CONVERT):
        raise _refuse_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"The file {path.name} cannot be read ({exc.strerror}). Check its name and location.") from exc
    if suffix in WORD:
        from policyeditor.ops.docx_read import read_docx

        docx_text = read_docx(data, path.name, accept_changes=accept_changes)
        notes: tuple[str, ...] = ()
        if docx_text.underlined:
            notes = (f"Underlined text became italic ({docx_text.underlined} place"
                     f"{'s' * (docx_text.underlined != 1)}): a policy's text has bold and italic.",)
        return SourceText(docx_text.document, docx_text.title_hints, notes)
    text = _decode(data, path.name).replace("\r\n", "\n").replace("\r", "\n")
    if suffix in TEXT:
        return SourceText(_text_paragraphs(text))
    if keep_lines:
        return SourceText(_keep_lines(parse(text), text))
    return SourceText(parse(text), normalized=True)


def _keep_lines(doc: "Document", text: str) -> "Document":
    """A Markdown paragraph written on several lines keeps them ("\\n"), so a history line of
    several lines is found; normalize folds them afterwards."""
    from policyeditor.core.markdown_read import written_lines
    from policyeditor.core.textmodel import PARAGRAPH, Block, Run

    if "\n" not in text.strip():
        return doc
    multi = written_lines(text)
    if not multi:
        return doc
    blocks = []
    for block in doc.blocks:
        raw = multi.get(" ".join(block.text.split())) if block.kind == PARAGRAPH else None
        if (raw is not None and all(not (r.bold or r.italic or r.link) for r in block.runs) and "\\" not in raw
                and _folded(raw) == block.text):      # not another paragraph's lines (same words, other spaces)
            block = Block(PARAGRAPH, (Run(raw),))
        blocks.append(block)
    return replace(doc, blocks=tuple(blocks))


def _folded(raw: str) -> str:
    """A paragraph's text as normalize leaves it."""
    from policyeditor.core.textmodel import PARAGRAPH, Block, Document, Run, normalize

    folded = normalize(Document((Block(PARAGRAPH, (Run(raw),)),))).blocks
    return folded[0].text if folded else ""


def read_document(path: str | os.PathLike, *, accept_changes: bool = True) -> "Document":
    """The text of a file as it would be imported (normalized).

    For ``diff OLD.docx NEW.docx``: tracked changes are taken as accepted.
    """
    from policyeditor.core.textmodel import normalize

    # The lines a paragraph is written on are folded by normalize: not kept in the first place.
    source = read_source(path, accept_changes=accept_changes, other_as_markdown=True, keep_lines=False)
    return source.document if source.normalized else normalize(source.document)


# ------------------------------------------------------------------ planning

def plan_import(lib: "Library", path: str | os.PathLike, *, policy_id: str | None = None,
                code: str | None = None, title: str | None = None, accept_changes: bool = False) -> ImportPlan:
    """What importing ``path`` would create; raises a plain refusal, writes nothing."""
    from policyeditor.core import importtext
    from policyeditor.core.ids import validate_policy_id
    from policyeditor.core.textmodel import normalize, serialize

    path = Path(path)
    source = read_source(path, accept_changes=accept_changes)
    try:
        split = importtext.split_document(source.document, title_hints=source.title_hints)
    except importtext.HistoryError as exc:
        raise InvalidInput(f"{path.name}: its history line cannot be read: {exc}. Correct the date and import "
                           "it again.") from None
    doc = normalize(split.document)
    if not doc.blocks:
        raise InvalidInput(f"{path.name} has no text to import (it is empty, or holds only its title and "
                           "history line).")
    name_code, name_title = importtext.from_file_name(path.stem)
    final_title = (title or split.title or name_title).strip()
    final_code = (code if code is not None else (split.code or name_code)).strip()
    if not final_title and final_code and policy_id:
        final_title = final_code
    if not final_title:
        raise TitleUnknown(f"Neither {path.name} nor its name says which policy it is. Import it with "
                           "--title \"Website Privacy\" (and --id website-privacy, --code IJNDC), or rename "
                           "the file \"IJNDC Website Privacy\".")
    final_id = validate_policy_id(policy_id or importtext.policy_id_for(final_title, final_code))
    text = serialize(doc)
    versions, notes = _versions(path, split.history, split.history_lines)
    plan = ImportPlan(path, final_id, final_title, final_code, text, versions,
                      tuple(split.history_lines), source.notes + notes)
    _check_rules(lib, plan)
    return plan


def _versions(path: Path, history, lines) -> tuple[tuple["Version", ...], tuple[str, ...]]:
    from policyeditor.core import importtext
    from policyeditor.core.versions import Memo, Version

    adoptions = sorted({e.when for e in history if e.kind in (importtext.ADOPTED, importtext.REVISED)})
    reviews = sorted({e.when for e in history if e.kind == importtext.REVIEWED})
    notes: list[str] = []
    if not history:
        notes.append("No history line was found: the policy is imported as a draft with no versions; "
                     "record its adoption as legacy if it is in force.")
    versions: list[Version] = []
    source_line = "; ".join(lines)
    for number, adopted in enumerate(adoptions, start=1):
        latest = number == len(adoptions)
        words = (f"Imported from {path.name}, whose history line reads \u201c{source_line}\u201d. "
                 + ("This is the document's text." if latest else
                    "The text of this version was not in the document and was not kept."))
        mine = tuple(d for d in reviews if d >= adopted and (latest or d < adoptions[number]))
        versions.append(Version(number=number, legacy=True, adopted=adopted, reviewed=mine,
                                memo=Memo(description=words)))
    if len(adoptions) > 1:
        earlier = "version 1" if len(adoptions) == 2 else f"versions 1-{len(adoptions) - 1}"
        notes.append(f"The text of {earlier} was not in the document: only the adoption date"
                     f"{'s' * (len(adoptions) > 2)} recorded.")
    early = [d for d in reviews if not adoptions or d < adoptions[0]]
    if early:
        notes.append("Review dates before any adoption were not recorded: "
                     + ", ".join(d.isoformat() for d in early) + ".")
    return tuple(versions), tuple(notes)


def _policy_of(plan: ImportPlan, versions: tuple["Version", ...] = ()) -> "Policy":
    from policyeditor.core.versions import Policy

    return Policy(id=plan.policy_id, title=plan.title, code=plan.code, versions=versions)


def _check_rules(lib: "Library", plan: ImportPlan) -> None:
    from policyeditor.core import rules

    if not plan.versions:
        return
    policy = _policy_of(plan, plan.versions)
    failures = rules.check_policy(policy, today=lib.today(), notice_days=lib.settings.notice_days_for(policy))
    if failures:
        raise InvalidInput(f"{plan.source.name}: its history line cannot be recorded: {failures[0].message} "
                           "Correct the history line and import it again.")


# ------------------------------------------------------------------ writing

def _existing(lib: "Library", plan: ImportPlan) -> str | None:
    """None when the policy id is free; UNCHANGED when the library already holds this import
    (whatever was recorded after it); else a refusal's sentence."""
    from policyeditor.core.errors import NotFound

    try:
        policy = lib.policy(plan.policy_id)
    except NotFound:
        if (lib.path / "policies" / plan.policy_id).exists():
            return (f"the folder policies/{plan.policy_id} already exists in the library. Import it with "
                    "--id to give it another id.")
        return None
    from policyeditor.store.files import sha256_text

    # Already imported from this document: its legacy versions come first with these dates and
    # the latest holds this text (later versions, a renamed title, an edited draft may follow).
    if plan.versions:
        had = [(v.adopted, v.legacy) for v in policy.versions[:len(plan.versions)]]
        latest = policy.versions[len(plan.versions) - 1] if len(policy.versions) >= len(plan.versions) else None
        if (had == [(v.adopted, True) for v in plan.versions] and latest is not None
                and latest.text_sha256 == sha256_text(plan.text)):
            return UNCHANGED
    elif lib.draft_text(plan.policy_id) == plan.text:
        return UNCHANGED
    return (f"there is already a policy '{plan.policy_id}' ({policy.title}) with another text or history. "
            "Import it with --id to give it another id, or change that policy in the library.")


def apply_import(lib: "Library", plan: ImportPlan) -> ImportResult:
    """Write one planned import (see ``write_plans``)."""
    return write_plans(lib, [plan])[0]


def write_plans(lib: "Library", plans: list[ImportPlan]) -> list[ImportResult]:
    """Write planned imports in one transaction: the drafts and records in one commit, then the
    legacy versions (the latest naming that commit as its text's) and each latest version's tag.

    A plan whose policy is already in the library as it would be is UNCHANGED; one whose id is
    taken by another text is REFUSED; both write nothing. A failure while writing puts the library
    back as it was and refuses every document of the transaction with its sentence: a policy is
    never half imported.
    """
    from policyeditor.store.files import draft_path, policy_to_toml, record_path, sha256_text

    results: dict[int, ImportResult] = {}
    todo: list[tuple[int, ImportPlan]] = []
    tags = lib.repo().tags() if any(p.versions for p in plans) else {}
    for k, plan in enumerate(plans):
        existing = _existing(lib, plan)
        tag_name = f"{plan.policy_id}/v{len(plan.versions)}"
        if existing == UNCHANGED:
            results[k] = ImportResult(plan.source, UNCHANGED,
                                      f"already in the library as {plan.policy_id}; nothing changed.", plan)
        elif existing is not None:
            results[k] = ImportResult(plan.source, REFUSED, existing[0].upper() + existing[1:], plan)
        elif plan.versions and tag_name in tags:
            results[k] = ImportResult(plan.source, REFUSED, f"The tag {tag_name} already exists in the library, so "
                                      f"{plan.policy_id} cannot be imported under that id. Import it with --id to "
                                      "give it another id.", plan)
        else:
            todo.append((k, plan))
    if todo:
        paths = [p for _, plan in todo for p in (draft_path(plan.policy_id), record_path(plan.policy_id))]
        author, now = lib.author, lib.now()
        names = ", ".join(plan.policy_id for _, plan in todo[:12]) + (", ..." if len(todo) > 12 else "")
        try:
            with lib.writing(paths) as tx:
                for _, plan in todo:
                    tx.write(draft_path(plan.policy_id), plan.text.encode("utf-8"))
                    tx.write(record_path(plan.policy_id), policy_to_toml(_policy_of(plan)))
                if len(todo) == 1:
                    plan = todo[0][1]
                    message = f"Import the policy {plan.title} ({plan.policy_id}) from {plan.source.name}"
                else:
                    message = f"Import {len(todo)} policies: {names}"
                commit = tx.commit(message, author, now)
                dated = [(k, plan) for k, plan in todo if plan.versions]
                for _, plan in dated:
                    latest = replace(plan.versions[-1], text_commit=commit, text_sha256=sha256_text(plan.text))
                    tx.write(record_path(plan.policy_id), policy_to_toml(_policy_of(plan, (*plan.versions[:-1], latest))))
                if dated:
                    if len(dated) == 1:
                        plan = dated[0][1]
                        n = len(plan.versions)
                        message = (f"{plan.title}: {n} legacy version{'s' * (n != 1)} from the history line "
                                   f"\u201c{'; '.join(plan.history)}\u201d (imported)")
                    else:
                        message = f"Legacy versions of {len(dated)} imported policies, from their history lines"
                    tx.commit(message, author, now)
                    for _, plan in dated:
                        n, latest = len(plan.versions), plan.versions[-1]
                        tx.tag(f"{plan.policy_id}/v{n}", commit, f"{plan.title}, version {n}, adopted "
                               f"{latest.adopted} (legacy version, imported)", author, now)
        except PolicyEditorError as exc:
            for k, plan in todo:
                results[k] = ImportResult(plan.source, REFUSED, exc.message, plan)
        else:
            for k, plan in todo:
                results[k] = ImportResult(plan.source, IMPORTED, plan.summary + (
                    "; " + " ".join(plan.notes) if plan.notes else ""), plan)
    return [results[k] for k in range(len(plans))]


def expand(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named and the documents in folders named (sorted; hidden files and Word's "~$" lock files
    left out)."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "~$"))
                           and p.suffix.lower() in READABLE + CONVERT)
            if not found:
                raise InvalidInput(f"The folder {path} holds no Word, Markdown or text documents to import.")
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise InvalidInput(f"There is no file or folder {name}. Check its name and location.")
    return out


@dataclass
class ImportRun:
    """The report of an import: one result per document."""

    results: list[ImportResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def summary(self) -> str:
        return (f"{self.count(IMPORTED)} imported, {self.count(UNCHANGED)} already in the library, "
                f"{self.count(REFUSED)} refused.")


def plan_files(lib: "Library", paths: Iterable[str | os.PathLike], *, policy_id: str | None = None,
               code: str | None = None, title: str | None = None, accept_changes: bool = False,
               progress: Callable[[int, int], None] | None = None,
               titles: dict[Path, str] | None = None) -> list[ImportPlan | ImportResult]:
    """A plan per document, or the refusal's result (reads only); ``titles``: titles the user
    gave for documents that do not say theirs."""
    files = expand(paths)
    if len(files) > 1 and (policy_id or title or code):
        raise InvalidInput("--id, --title and --code name one policy: give them with one file only.")
    seen: dict[str, Path] = {}
    out: list[ImportPlan | ImportResult] = []
    for k, path in enumerate(files):
        try:
            plan = plan_import(lib, path, policy_id=policy_id, code=code,
                               title=title or (titles or {}).get(path), accept_changes=accept_changes)
        except PolicyEditorError as exc:
            from policyeditor.ops.docx_read import ChangesPending

            out.append(ImportResult(path, REFUSED, exc.message, changes_pending=isinstance(exc, ChangesPending),
                                    needs_title=isinstance(exc, TitleUnknown)))
        else:
            if plan.policy_id in seen:
                out.append(ImportResult(path, REFUSED, f"It would be the policy '{plan.policy_id}', like "
                                        f"{seen[plan.policy_id].name}; import it on its own with --id."))
            else:
                seen[plan.policy_id] = path
                out.append(plan)
        if progress is not None:
            progress(k + 1, len(files))
    return out


def import_files(lib: "Library", paths: Iterable[str | os.PathLike], *, policy_id: str | None = None,
                 code: str | None = None, title: str | None = None, accept_changes: bool = False,
                 progress: Callable[[int, int], None] | None = None) -> ImportRun:
    """Import documents and folders, one policy per document, each all or nothing."""
    return apply_plans(lib, plan_files(lib, paths, policy_id=policy_id, code=code, title=title,
                                       accept_changes=accept_changes, progress=progress))


def apply_plans(lib: "Library", plans: list[ImportPlan | ImportResult]) -> ImportRun:
    """Write planned imports (refusals pass through), in one transaction (``write_plans``)."""
    ready = [p for p in plans if isinstance(p, ImportPlan)]
    written = iter(write_plans(lib, ready))
    return ImportRun([item if isinstance(item, ImportResult) else next(written) for item in plans])
