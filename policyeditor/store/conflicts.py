"""Policies changed on two workstations: joined by sync, resolved by a person.

    merged, clashes = merge_record(base, ours, theirs, rel)   # policy.toml, field by field
    merged, clean = merge_draft(base, ours, theirs)            # policy.md, with core.merge3
    for c in conflicts(lib): print(c.policy_id, c.describe())
    resolve(lib, "website-privacy", take="theirs")             # or "ours", or text="..."

When a sync finds a policy changed on both sides, its draft is merged three-way
(core.merge3) and its record (policy.toml) field by field. What merges
cleanly is joined. What does not is never decided here:

- the draft in the join commit is this workstation's text as it was (nothing
  half-merged); the shared library's text stays in the history, in the join's
  other parent;
- a record field both sides set differently holds the shared library's value
  in the join: it was sent first, and a recorded fact once shared is never
  rewritten; this workstation's value stays in the history too;
- ``policies/<id>/conflict.toml`` names the three commits (ancestor, this
  workstation's, the shared library's) and each clashing field with both
  values. It is committed, so it survives restarts and every workstation
  that syncs sees the policy marked "conflict" until someone resolves it.

``resolve`` writes the chosen draft and record and removes conflict.toml in
one commit, which completes the join. For a recorded fact (a date of an
event, the text it fixed) only the shared library's value can be kept:
taking this workstation's would rewrite a fact already shared (verify would
report it), so that is refused with what to do instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from policyeditor.core import merge3
from policyeditor.core.errors import InvalidInput, LibraryStateError, NotFound, PolicyEditorError
from policyeditor.core.ids import validate_policy_id
from policyeditor.core.versions import EVENT_LABELS
from policyeditor.store import files

if TYPE_CHECKING:
    from policyeditor.store.library import Library

CONFLICT_FILE = "conflict.toml"
OURS, THEIRS = "ours", "theirs"
_DETAILS = {"memo"}     # version fields that are not recorded facts (top-level fields are details too)


def conflict_path(policy_id: str) -> str:
    return f"{files.POLICIES_DIR}/{validate_policy_id(policy_id)}/{CONFLICT_FILE}"


@dataclass(frozen=True)
class FieldClash:
    """One field of policy.toml set differently on the two sides: where, and both values."""

    field: str                 # e.g. "adopted", "title", "memo.recommendation"
    version: int | None        # None for a policy-level field
    ours: Any
    theirs: Any

    @property
    def fact(self) -> bool:
        return self.version is not None and self.field.split(".")[0] not in _DETAILS

    def describe(self) -> str:
        label = EVENT_LABELS.get(self.field, self.field.replace("_", " ").replace(".", " "))
        where = f"version {self.version}: " if self.version is not None else ""
        return (f"{where}{label} is {_show(self.ours)} here and {_show(self.theirs)} on the shared library")


def _show(value: Any) -> str:
    if value is None:
        return "not recorded"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value)) or "none"
    return str(value)


# ---------------------------------------------------------------- merging

def merge_draft(base: bytes | None, ours: bytes, theirs: bytes) -> tuple[bytes, bool]:
    """(the draft for the join, whether it merged cleanly); on a clash, this workstation's draft."""
    decode = lambda data: data.decode("utf-8") if data else ""   # noqa: E731
    try:
        result = merge3.merge_texts(decode(base), decode(ours), decode(theirs))
    except UnicodeDecodeError:
        return ours, False
    if result.clean:
        return result.text().encode("utf-8"), True
    return ours, False


def _merge_value(base: Any, ours: Any, theirs: Any, field: str, version: int | None,
                 clashes: list[FieldClash]) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if field.rsplit(".", 1)[-1] == "reviewed" and isinstance(ours, list) and isinstance(theirs, list):
        return sorted(set(ours) | set(theirs))          # reviews only accumulate
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base = base if isinstance(base, dict) else {}
        out = {}
        for key in dict.fromkeys([*base, *ours, *theirs]):
            value = _merge_value(base.get(key), ours.get(key), theirs.get(key), f"{field}.{key}", version, clashes)
            if value is not None:
                out[key] = value
        return out
    clashes.append(FieldClash(field, version, ours, theirs))
    return theirs


def merge_record(base: bytes | None, ours: bytes, theirs: bytes, rel: str) -> tuple[bytes, list[FieldClash]]:
    """policy.toml of both sides joined field by field (versions by number); the clashes, each
    holding the shared library's value in the result."""
    def load(data: bytes | None) -> dict[str, Any]:
        if not data:
            return {}
        try:
            return tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise LibraryStateError(f"{rel} could not be read while joining the two workstations' changes: "
                                    f"{exc}. Nothing was changed here.") from exc

    b, o, t = load(base), load(ours), load(theirs)
    clashes: list[FieldClash] = []
    out: dict[str, Any] = {}
    for key in dict.fromkeys([*b, *o, *t]):
        if key == "versions":
            continue
        value = _merge_value(b.get(key), o.get(key), t.get(key), key, None, clashes)
        if value is not None:
            out[key] = value
    by_number = lambda d: {v.get("number"): v for v in d.get("versions", []) if isinstance(v, dict)}  # noqa: E731
    bv, ov, tv = by_number(b), by_number(o), by_number(t)
    versions = []
    for number in sorted(set(bv) | set(ov) | set(tv), key=lambda n: (not isinstance(n, int), n)):
        if number in bv and (number not in ov or number not in tv):
            continue                                  # removed on one side: verify reports it
        merged = _merge_value(bv.get(number, {}), ov.get(number, {}), tv.get(number, {}), "", number, clashes)
        versions.append(merged)
    if versions:
        out["versions"] = versions
    clashes = [FieldClash(c.field.lstrip("."), c.version, c.ours, c.theirs) for c in clashes]
    pid = rel.split("/")[1] if rel.count("/") == 2 else "policy"
    try:        # written as the library writes a record (fixed key order), when it reads as one
        return files.policy_to_toml(files.policy_from_toml(pid, out, rel)), clashes
    except PolicyEditorError:
        return files.dump_toml(out), clashes    # verify names what is wrong with it


def record_bytes(base: str, ours: str, theirs: str, text: bool, clashes: list[FieldClash], *,
                 source: str = "", base_path: str = "", theirs_path: str = "") -> bytes:
    """conflict.toml: the three commits, whether the drafts clash, each clashing field (and, for a
    model policy's update, which update and where the model's texts are)."""
    data: dict[str, Any] = {"base": base, "ours": ours, "theirs": theirs, "text": text}
    data.update({k: v for k, v in (("source", source), ("base_path", base_path), ("theirs_path", theirs_path)) if v})
    if clashes:
        data["fields"] = [
            {k: v for k, v in (("field", c.field), ("version", c.version), ("ours", c.ours), ("theirs", c.theirs))
             if v is not None}
            for c in clashes]
    return files.dump_toml(data)


# ---------------------------------------------------------------- reading

@dataclass(frozen=True)
class PolicyConflict:
    """A policy waiting for a person to choose between the two workstations' changes."""

    policy_id: str
    base: str
    ours: str
    theirs: str
    text: bool
    fields: tuple[FieldClash, ...]
    source: str = ""        # "" for a sync; the association and update for a model policy's update
    base_path: str = ""     # where each text is in its commit ("" for the policy's draft)
    theirs_path: str = ""

    @property
    def theirs_label(self) -> str:
        return f"the model policy ({self.source})" if self.source else "the shared library"

    def describe(self) -> str:
        if self.source:
            parts = [f"the model's revision ({self.source}) and this district's wording change the same "
                     "words"] if self.text else []
        else:
            parts = ["its text was changed on both workstations"] if self.text else []
        parts += [c.describe() for c in self.fields]
        return "; ".join(parts) + "."


def read_conflict(lib: "Library", policy_id: str) -> PolicyConflict | None:
    rel = conflict_path(policy_id)
    target = files.inside(lib.path, rel)
    if not target.is_file():
        return None
    data = files.read_toml(target, rel)
    try:
        fields = tuple(FieldClash(str(f["field"]), f.get("version"), f.get("ours"), f.get("theirs"))
                       for f in data.get("fields", []))
        return PolicyConflict(policy_id, str(data["base"]), str(data["ours"]), str(data["theirs"]),
                              bool(data.get("text")), fields, str(data.get("source", "")),
                              str(data.get("base_path", "")), str(data.get("theirs_path", "")))
    except (KeyError, TypeError) as exc:
        raise LibraryStateError(f"{rel} is damaged ({exc}). Restore it from the library's history.") from exc


def conflicts(lib: "Library") -> list[PolicyConflict]:
    """Every policy marked conflict, by id."""
    found = (read_conflict(lib, pid) for pid in lib.policy_ids())
    return [c for c in found if c is not None]


def require(lib: "Library", policy_id: str) -> PolicyConflict:
    lib.policy(policy_id)                                          # NotFound for an unknown id
    found = read_conflict(lib, policy_id)
    if found is None:
        raise NotFound(f"The policy '{policy_id}' has no conflict to resolve. 'policyeditor conflicts' lists "
                       "the policies that have one.")
    return found


def draft_texts(lib: "Library", policy_id: str) -> tuple[str, str, str]:
    """(ancestor's, this workstation's, the shared library's) draft of a conflict."""
    found = require(lib, policy_id)
    repo = lib.repo()
    rel = files.draft_path(policy_id)
    read = lambda sha, path: (repo.file_at(sha, path or rel) or b"").decode("utf-8", "replace")  # noqa: E731
    return read(found.base, found.base_path), read(found.ours, ""), read(found.theirs, found.theirs_path)


def draft_merge(lib: "Library", policy_id: str) -> merge3.MergeResult:
    """The three-way merge of the conflict's drafts (each clashing passage with its two sides)."""
    return merge3.merge_texts(*draft_texts(lib, policy_id))


# ---------------------------------------------------------------- resolving

def resolve(lib: "Library", policy_id: str, *, take: str | None = None, text: str | bytes | None = None,
            fields: str = THEIRS) -> str:
    """Complete the join of a policy in conflict; the commit's id.

    ``take``: "ours" or "theirs" for the draft (with ``text`` None); ``text``: the draft a person
    wrote (a FILE on the command line, the window's choices per passage). ``fields``: which side's
    value each clashing field of the record keeps ("ours" is refused for a recorded fact).
    """
    found = require(lib, policy_id)
    if (take is None) == (text is None):
        raise InvalidInput("Choose one: keep this workstation's text (ours), the shared library's (theirs), "
                           "or give the text to keep.")
    if take is not None and take not in (OURS, THEIRS):
        raise InvalidInput(f"'{take}' is not a choice: take 'ours' (this workstation's) or 'theirs' "
                           "(the shared library's), or give a file with the text to keep.")
    side = take or fields
    if side not in (OURS, THEIRS):
        raise InvalidInput("A record field keeps 'ours' or 'theirs'.")
    facts = [c for c in found.fields if c.fact and c.ours != c.theirs]
    if side == OURS and facts:
        listed = "; ".join(c.describe() for c in facts)
        raise InvalidInput(
            f"The shared library already holds recorded facts of this policy ({listed}). A recorded fact "
            "is never rewritten, so only the shared library's can be kept: resolve with 'theirs' (or give "
            "a text file for the draft and keep the shared library's dates), and record a correction if "
            "the shared library's date is wrong. Nothing was changed.")
    draft_rel, record_rel, conflict_rel = files.draft_path(policy_id), files.record_path(policy_id), \
        conflict_path(policy_id)
    repo = lib.repo()
    if text is None and not found.text:          # only the record clashed: the draft joined cleanly
        chosen = files.inside(lib.path, draft_rel).read_bytes()
    elif text is None:
        chosen = (repo.file_at(found.ours, draft_rel) if take == OURS
                  else repo.file_at(found.theirs, found.theirs_path or draft_rel)) or b""
    else:
        from policyeditor.store.inputs import canonical_text

        chosen = canonical_text(text, "The chosen text").encode("utf-8")
    record = files.read_toml(files.inside(lib.path, record_rel), record_rel)
    if side == OURS:
        for clash in found.fields:
            _set_field(record, clash, clash.ours)
    files.policy_from_toml(policy_id, record, record_rel)          # still a valid record
    with lib.writing([draft_rel, record_rel, conflict_rel]) as tx:
        tx.write(draft_rel, chosen)
        tx.write(record_rel, files.dump_toml(record))
        tx.remove(conflict_rel)
        how = {OURS: "this workstation's text", THEIRS: "the shared library's text"}.get(take or "", "a text chosen by hand")
        sha = tx.commit(f"Resolve the conflict in {policy_id}: keep {how}\n\n"
                        f"Changed on both workstations: {found.describe()}", lib.author, lib.now())
    return sha


def _set_field(record: dict[str, Any], clash: FieldClash, value: Any) -> None:
    target: dict[str, Any] = record
    if clash.version is not None:
        matches = [v for v in record.get("versions", []) if v.get("number") == clash.version]
        if not matches:
            return
        target = matches[0]
    *path, last = clash.field.split(".")
    for key in path:
        target = target.setdefault(key, {})
    if value is None:
        target.pop(last, None)
    else:
        target[last] = value
