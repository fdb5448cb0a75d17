"""Model policies from an association (CSBA, NEOLA, MASC...): their updates merged into the district's text.

    add_upstream(lib, "masc", "/srv/models/masc", association="MASC")   # takes the model as it stands
    report = pull_upstream(lib, "masc", update="Fall 2026 update")      # merges what changed since
    take_new_policy(lib, "masc", "IJNDC-R", policy_id="website-privacy-rules")

A model manual is a folder of Markdown, text or Word files, or a git repository holding
one. Each model policy is known by its classification code: the file's name (``IJNDC.md``,
``IJNDC.docx``) or, failing that, a code opening its first line ("IJNDC - Website Privacy").
It maps to the district's policy with the same code.

The library keeps, under ``models/<name>/``, ``model.toml`` (where the model comes from,
the association's name, the last update taken) and ``<CODE>.md``: each model policy as last
taken. That copy is the common ancestor of the next merge, so ``add`` offers nothing: only
later changes of the model are. ``pull`` reads the model again and, for each model policy
that changed, merges the model's own change (its old text -> its new text) into the
district's draft three-way (core.merge3): the district's adaptations stay; where the model's
change and the district's wording touch the same words, the draft keeps the district's
wording and the policy is marked "conflict" (store.conflicts, resolved like a sync's, the
model's text on the other side). A model policy the district does not have is offered as a
new policy. All of it is one commit (two when there are conflicts: the second records them),
whose message says "Revisions recommended by <association>, <update>".
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from policyeditor.core import merge3
from policyeditor.core.errors import InvalidInput, NotFound
from policyeditor.core.ids import validate_policy_id

if TYPE_CHECKING:
    from policyeditor.core.textmodel import Document
    from policyeditor.core.versions import Memo
    from policyeditor.store.library import Library

MODELS_DIR = "models"
MODEL_FILE = "model.toml"
SUFFIXES = (".md", ".markdown", ".txt", ".docx")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
# NEPN/NSBA codes: a section letter A-K, up to five more letters, an optional suffix (ACAB-R, IJNDC-E2)
_CODE = re.compile(r"[A-K][A-Z]{0,5}(?:-[A-Z0-9]{1,4})?")
_FIRST_LINE_CODE = re.compile(r"^[#\s*]*(?:(?:Policy|Code)\s*:?\s*)?([A-K][A-Z]{0,5}(?:-[A-Z0-9]{1,4})?)\b")
_NOT_CODES = {"INDEX", "CHANGES", "HISTORY"}


@dataclass(frozen=True)
class ModelPolicy:
    code: str
    title: str
    text: str          # canonical Markdown


@dataclass
class PullReport:
    """What a pull did, in the user's words."""

    association: str
    update: str
    merged: list[str] = field(default_factory=list)        # district policy ids whose draft took the revision
    conflicts: list[str] = field(default_factory=list)     # ids marked conflict
    new: list[ModelPolicy] = field(default_factory=list)   # model policies the district does not have
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)       # plain sentences
    redlines: dict[str, str] = field(default_factory=dict)  # id -> the new draft against the version in
                                                            # force (ops.redline), in a sentence

    @property
    def memo(self) -> str:
        return f"Revisions recommended by {self.association}, {self.update}"

    def lines(self) -> list[str]:
        out = []
        if self.merged:
            out.append(f"{self.memo}: merged into the drafts of {', '.join(self.merged)}.")
            out += [f"{pid}: {summary}" for pid, summary in self.redlines.items()]
        if self.conflicts:
            out.append(f"The model's revision and this district's wording change the same words in "
                       f"{', '.join(self.conflicts)}: marked conflict (policyeditor conflicts shows them, "
                       "policyeditor resolve completes them).")
        for m in self.new:
            out.append(f"New model policy {m.code} ({m.title}): the district has no policy with this code. "
                       f"Add it with: policyeditor upstream take NAME {m.code}")
        out += self.skipped
        if not out:
            out.append(f"No model policy changed since the last update taken from {self.association}.")
        return out


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise InvalidInput(f"'{name}' cannot name a model manual: use lowercase letters, digits and '-' "
                           "(for example masc or neola), at most 40.")
    return name


def _folder(name: str) -> str:
    return f"{MODELS_DIR}/{check_name(name)}"


def _read_file(path: Path) -> "Document":
    """A model policy as the import reads it (Word files with their tracked changes accepted)."""
    from policyeditor.ops.importing import read_document

    return read_document(path)


def _code_of(path: Path, text: str) -> str | None:
    stem = path.stem.strip()
    if _CODE.fullmatch(stem) and stem not in _NOT_CODES:
        return stem
    first = next((line for line in text.splitlines() if line.strip()), "")
    match = _FIRST_LINE_CODE.match(first)
    return match.group(1) if match and match.group(1) not in _NOT_CODES else None


def read_models(folder: Path) -> dict[str, ModelPolicy]:
    """code -> model policy, for every Markdown, text or Word file of ``folder`` (not below)."""
    from policyeditor.core.textmodel import serialize

    models: dict[str, ModelPolicy] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES or path.name.startswith((".", "~$")):
            continue
        doc = _read_file(path)
        text = serialize(doc)
        code = _code_of(path, text)
        if code is None:
            continue
        first = doc.blocks[0].text.strip() if doc.blocks else code
        title = re.sub(rf"^{re.escape(code)}\s*[-:\u2013\u2014]?\s*", "", first).strip() or code
        if code in models:
            raise InvalidInput(f"The model manual holds two policies with the code {code} "
                               f"({models[code].title} and {path.name}). Ask the association which is current.")
        models[code] = ModelPolicy(code, title[:200], text)
    return models


@contextlib.contextmanager
def _source_folder(source: str):
    """The model manual's folder: the folder itself, or a fresh copy of a git repository."""
    path = Path(source).expanduser()
    if path.is_dir() and not (path / "HEAD").is_file():
        yield path
        return
    from policyeditor.store.gitrepo import GitFailed, GitRepo
    from policyeditor.store.remote import check_remote_url, network_env

    check_remote_url(source)
    tmp = Path(tempfile.mkdtemp(prefix="policyeditor-model-"))
    try:
        try:
            GitRepo.clone(source, tmp / "model", network_env(), branch=None).close()
        except GitFailed as exc:
            raise InvalidInput(f"The model manual at {source} could not be copied: check the address "
                               "and your network, then try again. Nothing was changed.") from exc
        yield tmp / "model"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _snapshot(source: str) -> dict[str, ModelPolicy]:
    with _source_folder(source) as folder:
        models = read_models(folder)
    if not models:
        raise InvalidInput(f"{source} holds no model policy: no Markdown, text or Word file named by a policy "
                           "code (IJNDC.md) or opening with one. Nothing was changed.")
    return models


def _model_info(lib: "Library", name: str) -> dict:
    from policyeditor.store import files

    rel = f"{_folder(name)}/{MODEL_FILE}"
    target = files.inside(lib.path, rel)
    if not target.is_file():
        raise NotFound(f"There is no model manual called '{name}'. Add it first: "
                       f"policyeditor upstream add {name} FOLDER-OR-ADDRESS.")
    return files.read_toml(target, rel)


def add_upstream(lib: "Library", name: str, source: str, *, association: str = "") -> int:
    """Record a model manual and take its policies as they stand (the base of later merges); how many."""
    from policyeditor.store import files

    folder = _folder(name)
    if (lib.path / folder / MODEL_FILE).exists():
        raise InvalidInput(f"There is already a model manual called '{name}'. Choose another name.")
    path = Path(source).expanduser()
    source = str(path.absolute()) if path.exists() else source
    models = _snapshot(source)
    info = {"source": source, "association": (association or name).strip()[:100], "update": "as first taken"}
    paths = [f"{folder}/{MODEL_FILE}"] + [f"{folder}/{code}.md" for code in models]
    with lib.writing(paths) as tx:
        tx.write(f"{folder}/{MODEL_FILE}", files.dump_toml(info))
        for code, model in models.items():
            tx.write(f"{folder}/{code}.md", model.text.encode("utf-8"))
        tx.commit(f"Add the model manual {info['association']} ({len(models)} model policies)", lib.author, lib.now())
    return len(models)


def pull_upstream(lib: "Library", name: str, *, update: str = "") -> PullReport:
    """Merge each model policy's change since the last update into the district's draft (module docstring)."""
    from policyeditor.store import conflicts, files

    info = _model_info(lib, name)
    association = str(info.get("association") or name)
    update = (update or f"update of {lib.today().isoformat()}").strip()[:100]
    report = PullReport(association, update)
    models = _snapshot(str(info["source"]))
    folder = _folder(name)
    by_code = {p.code.upper(): p for p in lib.policies() if p.code}
    with lib.locked():
        start = lib.repo().head_sha() or ""
        writes: dict[str, bytes] = {}
        marks: list[tuple[str, str]] = []       # (policy id, model path) for the conflicts
        for code, model in sorted(models.items()):
            rel = f"{folder}/{code}.md"
            old_path = lib.path / rel
            old = old_path.read_text("utf-8") if old_path.is_file() else None
            if old == model.text:
                report.unchanged += 1
                continue
            local = by_code.get(code)
            if local is None:
                report.new.append(model)
                continue            # the base is written when the district takes it
            writes[rel] = model.text.encode("utf-8")
            if old is None:
                report.skipped.append(f"Model policy {code} is new in the model manual, and the district "
                                      f"already has {local.id} with this code: taken as the base of later updates.")
                continue
            if conflicts.read_conflict(lib, local.id) is not None:
                report.skipped.append(f"{local.id} has a conflict to resolve first; its revision from "
                                      f"{association} is offered again at the next update.")
                del writes[rel]
                continue
            draft = lib.draft_text(local.id)
            result = merge3.merge_texts(old, draft, model.text)
            if result.clean:
                merged = result.text()
                if merged != draft:
                    writes[files.draft_path(local.id)] = merged.encode("utf-8")
                    report.merged.append(local.id)
            else:
                marks.append((local.id, rel))
                report.conflicts.append(local.id)
        if not writes:
            return report
        for pid in report.merged:       # a new draft with a memo prefilled, kept until its first reading
            policy = lib.policy(pid)
            writes[files.record_path(pid)] = files.policy_to_toml(
                replace(policy, draft_memo=with_sentence(policy.draft_memo, report.memo + ".")))
        info_rel = f"{folder}/{MODEL_FILE}"
        info = dict(info, update=update)
        marker_paths = [conflicts.conflict_path(pid) for pid, _ in marks]
        with lib.writing([info_rel, *writes, *marker_paths]) as tx:
            tx.write(info_rel, files.dump_toml(info))
            for rel, data in writes.items():
                tx.write(rel, data)
            changed = ", ".join(report.merged + report.conflicts) or "none"
            sha = tx.commit(f"{report.memo}\n\nModel policies revised: {changed}.", lib.author, lib.now())
            for pid, rel in marks:
                tx.write(conflicts.conflict_path(pid), conflicts.record_bytes(
                    start, start, sha, True, [], source=f"{association}, {update}", base_path=rel, theirs_path=rel))
            if marks:
                tx.commit(f"Mark where {association}'s revision and this district's wording change the same "
                          f"words: {', '.join(report.conflicts)}", lib.author, lib.now())
    from policyeditor.ops.redline import policy_redline

    for pid in report.merged:
        compared = policy_redline(lib, pid)
        report.redlines[pid] = f"{compared.parts.subtitle} {compared.stats.summary}"
    return report


def with_sentence(memo: "Memo", sentence: str) -> "Memo":
    """``memo`` with ``sentence`` appended to its description (kept as is if already there)."""
    text = memo.description.strip()
    if sentence in text:
        return memo
    return replace(memo, description=f"{text}\n\n{sentence}" if text else sentence)


def pending_models(lib: "Library", name: str) -> list[ModelPolicy]:
    """The model policies of the last pull that the district does not have (read from the source)."""
    info = _model_info(lib, name)
    have = {p.code.upper() for p in lib.policies() if p.code}
    return [m for code, m in sorted(_snapshot(str(info["source"])).items()) if code not in have]


def take_new_policy(lib: "Library", name: str, code: str, *, policy_id: str | None = None) -> str:
    """Add a model policy the district does not have as a new policy (its draft the model's text); its id."""
    from policyeditor.store import files

    info = _model_info(lib, name)
    models = _snapshot(str(info["source"]))
    code = code.strip().upper()
    if code not in models:
        raise NotFound(f"The model manual '{name}' has no policy {code}. 'policyeditor upstream pull {name}' "
                       "lists the new model policies.")
    model = models[code]
    policy_id = validate_policy_id(policy_id or re.sub(r"[^a-z0-9]+", "-", model.title.lower()).strip("-")[:60]
                                   or code.lower())
    lib.create_policy(policy_id, model.title, code, model.text)
    rel = f"{_folder(name)}/{code}.md"
    with lib.writing([rel]) as tx:
        tx.write(rel, model.text.encode("utf-8"))
        tx.commit(f"Take {code} from the model manual {info.get('association', name)} as the base of its "
                  "later updates", lib.author, lib.now())
    return policy_id



@dataclass(frozen=True)
class PendingUpdate:
    """A model policy that changed since the last update taken: what a pull would do with it."""

    code: str
    title: str
    policy_id: str | None      # the district's policy with this code (None: a new model policy)
    old_text: str              # the model as last taken ("" for a new one)
    new_text: str              # the model now
    clean: bool                # merges into the district's draft without touching its wording

    @property
    def status(self) -> str:
        if self.policy_id is None:
            return "new model policy"
        return "merges cleanly" if self.clean else "touches this district's wording: a conflict to resolve"


def upstream_names(lib: "Library") -> list[str]:
    """The names of the library's model manuals."""
    folder = lib.path / MODELS_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / MODEL_FILE).is_file() and _NAME.fullmatch(p.name))


def association_of(lib: "Library", name: str) -> str:
    return str(_model_info(lib, name).get("association") or name)


def pending_updates(lib: "Library", name: str) -> list[PendingUpdate]:
    """What ``pull_upstream`` would do now, read only (the model's source is read again)."""
    info = _model_info(lib, name)
    models = _snapshot(str(info["source"]))
    folder = lib.path / _folder(name)
    by_code = {p.code.upper(): p for p in lib.policies() if p.code}
    out = []
    for code, model in sorted(models.items()):
        base = folder / f"{code}.md"
        old = base.read_text("utf-8") if base.is_file() else None
        if old == model.text:
            continue
        local = by_code.get(code)
        if local is None:
            out.append(PendingUpdate(code, model.title, None, "", model.text, True))
        elif old is not None:
            clean = merge3.merge_texts(old, lib.draft_text(local.id), model.text).clean
            out.append(PendingUpdate(code, model.title, local.id, old, model.text, clean))
    return out
