"""Files of a library: atomic writes and the TOML of library.toml / policy.toml.

The TOML is written with a fixed key order and without empty values, so that
saving a record that did not change writes the same bytes (and git sees no
change). Reading validates the keys: a typo in a hand-edited file is reported
in plain words instead of being silently ignored.
"""

from __future__ import annotations

import hashlib
import os
import stat
try:  # the compiled tomli wheel reads a 400-policy library about 4x faster than tomllib
    import tomli as tomllib
except ImportError:  # pragma: no cover - same API, standard library
    import tomllib
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from policyeditor import atomicfile
from policyeditor.core.dates import MAX_NOTICE_DAYS
from policyeditor.core.errors import LibraryStateError, TextError
from policyeditor.core.versions import (
    CHANGE_CLASSES,
    EVENTS,
    REVIEWED,
    Correction,
    LibrarySettings,
    Memo,
    Policy,
    Version,
)

LIBRARY_FILE = "library.toml"
POLICIES_DIR = "policies"
DRAFT_FILE = "policy.md"
RECORD_FILE = "policy.toml"
GITATTRIBUTES = ".gitattributes"
GITATTRIBUTES_TEXT = "* text=auto eol=lf\n"
FORMAT = 1  # library.toml "format": raised when the layout changes incompatibly
MAX_VERSION = 9999

_VERSION_DATES = tuple(e for e in EVENTS if e != REVIEWED)   # one date each, in process order
_VERSION_STRINGS = ("text_commit", "text_sha256", "posted_commit", "posted_sha256",
                    "read_commit", "read_sha256")
_MEMO_KEYS = tuple(f.name for f in fields(Memo))
_CORRECTION_KEYS = tuple(f.name for f in fields(Correction))
_VERSION_KEYS = {f.name for f in fields(Version)}
_POLICY_KEYS = {"title", "code", "review_months", "notice_days", "versions", "draft_memo"}


def draft_path(policy_id: str) -> str:
    """The draft's path inside the library, with forward slashes (git's form)."""
    return f"{POLICIES_DIR}/{policy_id}/{DRAFT_FILE}"


def record_path(policy_id: str) -> str:
    """The policy record's path inside the library, with forward slashes."""
    return f"{POLICIES_DIR}/{policy_id}/{RECORD_FILE}"


def inside(root: Path, rel: str) -> Path:
    """``root / rel``, refused (LibraryStateError) if any part of it is a link or not a plain file/folder.

    A library may come from a shared repository anyone can commit to: a
    committed link (``policy.md -> ~/secret.txt``, a folder linked elsewhere)
    would make reading show, and writing change, a file outside the library.
    Nothing in a library is ever followed through a link, nor read from a
    device or pipe.
    """
    path = root
    parts = rel.split("/")
    for i, part in enumerate(parts):
        if part in ("", ".", ".."):
            raise LibraryStateError(f"{rel} is not a path inside the library.")
        path = path / part
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            return root.joinpath(*parts)
        except OSError:
            continue
        last = i == len(parts) - 1
        if stat.S_ISLNK(mode):
            raise LibraryStateError(
                f"{'/'.join(parts[:i + 1])} in the library is a link to another place, so policyeditor "
                "neither reads nor writes it (a shared library could point it at any file of this "
                "computer). Ask whoever looks after the library to replace the link with the file itself.")
        if not (stat.S_ISREG(mode) if last else stat.S_ISDIR(mode)) and not (last and stat.S_ISDIR(mode)):
            raise LibraryStateError(
                f"{'/'.join(parts[:i + 1])} in the library is not an ordinary "
                f"{'file' if last else 'folder'}, so policyeditor does not use it.")
    return path


def sha256_text(text: str) -> str:
    """The hex SHA-256 of ``text`` encoded as UTF-8: how a version names its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old or the new file, never half (see atomicfile)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomicfile.write_bytes(path, data)


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 bytes -> str, or TextError naming ``where``; a leading BOM is dropped."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextError(
            f"{where} is not UTF-8 text (byte {exc.start + 1} cannot be read). "
            "Save it as UTF-8 (in Word: Save As, Plain Text, Unicode UTF-8) and try again."
        ) from exc
    return text.removeprefix("\ufeff")


def read_toml(path: Path, rel: str) -> dict[str, Any]:
    """Parse a TOML file of the library; LibraryStateError naming it when broken."""
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise LibraryStateError(
            f"{rel} cannot be read ({exc}). Correct the file, or restore it with "
            f"'git checkout -- {rel}' in the library folder.",
            details=str(exc),
        ) from exc
    except UnicodeDecodeError as exc:
        raise LibraryStateError(f"{rel} is not UTF-8 text. Restore it from the library's history.") from exc


def dump_toml(data: dict[str, Any]) -> bytes:
    """Deterministic TOML bytes (keys in the order given, LF line ends)."""
    return tomli_w.dumps(data, multiline_strings=True).encode("utf-8")


def _unknown(keys: set[str], allowed: set[str], rel: str) -> None:
    extra = sorted(keys - allowed)
    if extra:
        raise LibraryStateError(
            f"{rel} has {'entries' if len(extra) > 1 else 'an entry'} policyeditor does not know: "
            f"{', '.join(repr(k) for k in extra)}. Correct the spelling or remove "
            f"{'them' if len(extra) > 1 else 'it'}."
        )


# --- library.toml -------------------------------------------------------------

def settings_to_toml(settings: LibrarySettings) -> bytes:
    """library.toml: the format number, then every LibrarySettings field in order."""
    data: dict[str, Any] = {"format": FORMAT}
    for f in fields(LibrarySettings):
        data[f.name] = getattr(settings, f.name)
    return dump_toml(data)


def settings_from_toml(data: dict[str, Any], rel: str = LIBRARY_FILE) -> LibrarySettings:
    """LibrarySettings from parsed library.toml, checking format, keys and types."""
    fmt = data.get("format", FORMAT)
    if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        raise LibraryStateError(f"In {rel}, 'format' should be the whole number {FORMAT} (format = {FORMAT}).")
    if fmt > FORMAT:
        raise LibraryStateError(
            f"This library was written by a newer policyeditor ({rel} format {fmt}). "
            "Install the newer policyeditor to open it."
        )
    known = {f.name: f for f in fields(LibrarySettings)}
    _unknown(set(data) - {"format"}, set(known), rel)
    if not isinstance(data.get("district"), str) or not data["district"].strip():
        raise LibraryStateError(f"{rel} names no district. Add a line like: district = \"Cambridge Public Schools\"")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        if name == "format":
            continue
        if name == "notice_days":
            kwargs[name] = _notice_in_range(_check_type(value, int, name, rel), rel)
        else:
            kwargs[name] = _check_type(value, str, name, rel)
    return LibrarySettings(**kwargs)


# --- policy.toml --------------------------------------------------------------

def _version_to_dict(v: Version) -> dict[str, Any]:
    data: dict[str, Any] = {"number": v.number, "change_class": v.change_class}
    if v.justification:
        data["justification"] = v.justification
    if v.legacy:
        data["legacy"] = True
    for name in _VERSION_DATES:
        value = getattr(v, name)
        if value is not None:
            data[name] = value
    if v.reviewed:
        data["reviewed"] = list(v.reviewed)
    for name in _VERSION_STRINGS:
        if getattr(v, name):
            data[name] = getattr(v, name)
    memo = _memo_to_dict(v.memo)
    if memo:
        data["memo"] = memo
    if v.corrections:
        data["corrections"] = [{k: getattr(c, k) for k in _CORRECTION_KEYS if getattr(c, k) != ""}
                               for c in v.corrections]
    return data


def policy_to_toml(policy: Policy) -> bytes:
    """policy.toml for ``policy``: title, code, review cycle, one [[versions]] each."""
    data: dict[str, Any] = {"title": policy.title}
    if policy.code:
        data["code"] = policy.code
    if policy.review_months is not None:
        data["review_months"] = policy.review_months
    if policy.notice_days is not None:
        data["notice_days"] = policy.notice_days
    draft_memo = _memo_to_dict(policy.draft_memo)
    if draft_memo:
        data["draft_memo"] = draft_memo
    if policy.versions:
        data["versions"] = [_version_to_dict(v) for v in sorted(policy.versions, key=lambda v: v.number)]
    return dump_toml(data)


def _memo_to_dict(memo: Memo) -> dict[str, str]:
    return {k: getattr(memo, k) for k in _MEMO_KEYS if getattr(memo, k)}


def _memo_from(raw: Any, name: str, rel: str) -> Memo:
    memo = _check_type(raw, dict, name, rel)
    _unknown(set(memo), set(_MEMO_KEYS), rel)
    return Memo(**{k: _check_type(v, str, k, rel) for k, v in memo.items()})


def _notice_in_range(days: int, rel: str) -> int:
    if not 0 <= days <= MAX_NOTICE_DAYS:
        raise LibraryStateError(f"In {rel}, notice_days is {days}; a notice period is a whole number "
                                f"of days from 0 to {MAX_NOTICE_DAYS}. Correct the file.")
    return days


def _check_type(value: Any, kind: type, name: str, rel: str) -> Any:
    ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
    if kind is date:
        ok = isinstance(value, date) and not hasattr(value, "hour")
    if not ok:
        words = {int: "a whole number", str: "text", date: "a date like 2018-05-01", bool: "true or false"}
        raise LibraryStateError(f"In {rel}, '{name}' should be {words.get(kind, kind.__name__)}.")
    return value


def _version_from_dict(raw: Any, rel: str) -> Version:
    if not isinstance(raw, dict):
        raise LibraryStateError(f"In {rel}, each [[versions]] entry must be a table.")
    _unknown(set(raw), _VERSION_KEYS, rel)
    kwargs: dict[str, Any] = {"number": _check_type(raw.get("number"), int, "number", rel)}
    if not 1 <= kwargs["number"] <= MAX_VERSION:
        raise LibraryStateError(f"In {rel}, a version 'number' should be between 1 and {MAX_VERSION}, "
                                f"not {kwargs['number']}. Restore the file from the library's history.")
    change_class = raw.get("change_class", "substantive")
    if change_class not in CHANGE_CLASSES:
        raise LibraryStateError(f"In {rel}, change_class must be 'substantive' or 'editorial'.")
    kwargs["change_class"] = change_class
    if "justification" in raw:
        kwargs["justification"] = _check_type(raw["justification"], str, "justification", rel)
    if "legacy" in raw:
        kwargs["legacy"] = _check_type(raw["legacy"], bool, "legacy", rel)
    for name in _VERSION_DATES:
        if name in raw:
            kwargs[name] = _check_type(raw[name], date, name, rel)
    if "reviewed" in raw:
        reviewed = _check_type(raw["reviewed"], list, "reviewed", rel)
        kwargs["reviewed"] = tuple(sorted(_check_type(d, date, "reviewed", rel) for d in reviewed))
    for name in _VERSION_STRINGS:
        if name in raw:
            kwargs[name] = _check_type(raw[name], str, name, rel)
    if "memo" in raw:
        kwargs["memo"] = _memo_from(raw["memo"], "memo", rel)
    if "corrections" in raw:
        kwargs["corrections"] = tuple(_correction_from_dict(c, rel) for c in
                                      _check_type(raw["corrections"], list, "corrections", rel))
    return Version(**kwargs)


def _correction_from_dict(raw: Any, rel: str) -> Correction:
    if not isinstance(raw, dict):
        raise LibraryStateError(f"In {rel}, each [[versions.corrections]] entry must be a table.")
    _unknown(set(raw), set(_CORRECTION_KEYS), rel)
    for key in ("event", "old", "new", "reason"):
        if key not in raw:
            raise LibraryStateError(f"In {rel}, a correction has no '{key}'. Restore the file from the library's history.")
    event = _check_type(raw["event"], str, "event", rel)
    if event not in _VERSION_DATES:
        raise LibraryStateError(f"In {rel}, a correction names the event '{event}', which has no date to correct.")
    return Correction(event, _check_type(raw["old"], date, "old", rel), _check_type(raw["new"], date, "new", rel),
                      _check_type(raw["reason"], str, "reason", rel),
                      _check_type(raw.get("when", ""), str, "when", rel), _check_type(raw.get("who", ""), str, "who", rel))


def policy_from_toml(policy_id: str, data: dict[str, Any], rel: str) -> Policy:
    """Policy from parsed policy.toml; LibraryStateError naming the file when wrong."""
    _unknown(set(data), _POLICY_KEYS, rel)
    title = _check_type(data.get("title", ""), str, "title", rel)
    review = data.get("review_months")
    notice = data.get("notice_days")
    versions = tuple(
        sorted(
            (_version_from_dict(v, rel) for v in _check_type(data.get("versions", []), list, "versions", rel)),
            key=lambda v: v.number,
        )
    )
    numbers = [v.number for v in versions]
    if len(set(numbers)) != len(numbers):
        raise LibraryStateError(f"{rel} lists the same version number twice. Restore it from the library's history.")
    if review is not None and isinstance(review, int) and not 1 <= review <= 240:
        raise LibraryStateError(f"In {rel}, 'review_months' should be between 1 and 240.")
    return Policy(
        id=policy_id,
        title=title or policy_id,
        code=_check_type(data.get("code", ""), str, "code", rel),
        review_months=None if review is None else _check_type(review, int, "review_months", rel),
        notice_days=None if notice is None else _notice_in_range(_check_type(notice, int, "notice_days", rel), rel),
        versions=versions,
        draft_memo=_memo_from(data["draft_memo"], "draft_memo", rel) if "draft_memo" in data else Memo(),
    )


def find_git_dir(root: Path) -> Path | None:
    """The git directory of the work tree ``root`` (.git folder or 'gitdir:' file)."""
    dot = root / ".git"
    if dot.is_dir():
        return dot
    if dot.is_file():
        try:
            line = dot.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return None
        if line.startswith("gitdir:"):
            target = Path(line[len("gitdir:"):].strip())
            target = target if target.is_absolute() else (root / target)
            return target if target.is_dir() else None
    return None
