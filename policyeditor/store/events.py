"""Recording events (readings, adoption, posting, effective date, review, withdrawal).

The store's part of an event is to say *which text* it concerns; the rules
are core.rules'. Order of work: check the library can be written, work out
the version and the text fields (text commit and hash, change class, posted
text), ask ``core.rules.apply_event`` (which raises RuleViolation when a rule
fails: nothing is written), then write policy.toml and commit, and for an
adoption create the annotated tag ``<id>/v<N>`` on the adopted text's commit.

The rules read one ``core.rules.RuleContext``, built here by ``rule_context``
(today, the notice period, the time zone, the rule 3 facts read from git and
what tagged data covers, read from the library: ``store.coverage``). The live
check of the event dialog asks for the same value, so it shows exactly what
recording will say. No workstation register is read: rule 7's facts travel
with the library.

Rule 10: an adoption of a text that differs from the text of the first
reading (an amendment) is refused unless the request says ``amended``; the
refusal shows the amendment as a redline. The version then records both
texts: ``read_commit``/``read_sha256`` (first reading) and
``text_commit``/``text_sha256`` (adopted).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from policyeditor.core import dates, rules
from policyeditor.core.errors import InvalidInput, NotFound, RuleViolation
from policyeditor.core.rules import RuleContext
from policyeditor.core.versions import (
    ADOPTED,
    EDITORIAL,
    EVENT_LABELS,
    EVENTS,
    FIRST_READING,
    POSTED,
    REVIEWED,
    SUBSTANTIVE,
    TEXT_EVENTS,
    Memo,
    Policy,
    Version,
    event_from_cli,
)
from policyeditor.store.files import draft_path, sha256_text

if TYPE_CHECKING:
    # store.library.Library, not imported: Library.record_event imports this module, and an
    # import back (even for type checking) would close a circle (tests/test_layering.py).
    from typing import Any as Library


@dataclass(frozen=True)
class Request:
    """What the user asked to record."""

    event: str
    when: date | str
    version: int | None = None
    editorial: bool = False
    justification: str = ""
    legacy: bool = False
    amended: bool = False     # rule 10: the clerk has seen the amendment and confirms it


@dataclass(frozen=True)
class Plan:
    """What will be asked of the rules and written if they agree."""

    policy: Policy           # as the rules see it (a new version already inserted)
    base: Version            # the version before the event
    number: int
    event: str
    when: date
    context: RuleContext     # what the rules read besides the policy
    fields: dict[str, Any]   # store fields to set once the event is recorded
    new_version: bool


def event_name(name: str) -> str:
    """'first-reading' or 'first_reading' -> 'first_reading'; InvalidInput otherwise."""
    try:
        return event_from_cli(name)
    except ValueError:
        raise InvalidInput(
            f"'{name}' is not an event. The events are: "
            f"{', '.join(e.replace('_', '-') for e in EVENTS)}."
        ) from None


def _check_request(event: str, req: Request) -> None:
    if req.legacy and event != ADOPTED:
        raise InvalidInput(
            "Only an adoption can be imported as legacy: record 'adopted' with the date the "
            "committee adopted the old text."
        )
    if req.editorial and event not in TEXT_EVENTS:
        raise InvalidInput("A change is marked editorial when it is presented (first reading) or adopted.")
    if req.justification.strip() and not req.editorial:
        raise InvalidInput("A justification is given only together with marking the change editorial.")


def previous_version(policy: Policy, number: int) -> Version | None:
    """The version a new text of ``number`` is compared with: the latest earlier one not withdrawn."""
    earlier = [v for v in policy.versions if v.number < number]
    kept = [v for v in earlier if v.withdrawn is None] or earlier
    return kept[-1] if kept else None


def _change_class(lib: "Library", policy: Policy, number: int, draft: str, req: Request) -> tuple[str, str]:
    """(change class, justification) of ``draft`` against the version before ``number``."""
    from policyeditor.core import changeclass

    previous = previous_version(policy, number)
    if previous is None:
        result = changeclass.Classification(SUBSTANTIVE, "It is the policy's first version.")
    else:
        result = changeclass.classify(lib.version_text(policy.id, previous.number), draft)
    justification = " ".join(req.justification.split())
    if result.change_class == EDITORIAL:
        return EDITORIAL, justification
    if req.editorial:
        if not justification:
            raise InvalidInput(
                f"The change looks substantive: {result.reason} To mark it editorial anyway, "
                "give a justification; it is recorded and printed on the redline."
            )
        return EDITORIAL, justification
    return SUBSTANTIVE, ""


def _default_number(lib: "Library", policy: Policy, event: str, when: date) -> int:
    if not policy.versions:
        raise NotFound(
            f"{policy.title} has no versions yet. A version begins with its first reading, or, for "
            "a policy adopted before this library existed, with an adoption imported as legacy."
        )
    if event == REVIEWED:
        from policyeditor.core import timeline

        current = timeline.in_force(policy, when, lib.settings.timezone)
        if current is not None:
            return current.number
    return policy.versions[-1].number


def _text_of(lib: "Library", policy_id: str, commit: str, draft: str | None) -> str:
    if not commit and draft is not None:
        return draft
    data = lib.repo().file_at(commit, draft_path(policy_id))
    return data.decode("utf-8", errors="replace") if data is not None else ""


def posted_changed(lib: "Library", policy_id: str, v: Version, draft: str | None = None) -> bool:
    """Rule 3's fact: the adopted text differs substantively from the posted one."""
    if v.adopted is None or not v.posted_sha256 or not v.text_sha256 or v.posted_sha256 == v.text_sha256:
        return False
    from policyeditor.core import changeclass

    posted = _text_of(lib, policy_id, v.posted_commit, None)
    adopted = _text_of(lib, policy_id, v.text_commit, draft)
    return changeclass.classify(posted, adopted).change_class == SUBSTANTIVE


def rule_context(lib: "Library", policy: Policy, draft: str | None = None) -> RuleContext:
    """The one RuleContext for ``policy``: what the store checks when it writes, and
    what the window's live check reads (``draft``: the draft text, read when None)."""
    from policyeditor.store import coverage

    changed = {v.number: posted_changed(lib, policy.id, v) for v in policy.versions}
    latest = policy.latest
    draft_changed = False
    if latest is not None and latest.adopted is None and not latest.legacy and latest.posted_sha256:
        text = lib.draft_text(policy.id) if draft is None else draft
        if sha256_text(text) != latest.posted_sha256:
            from policyeditor.core import changeclass

            posted = _text_of(lib, policy.id, latest.posted_commit, None)
            draft_changed = changeclass.classify(posted, text).change_class == SUBSTANTIVE
    return RuleContext(today=lib.today(), notice_days=lib.settings.notice_days_for(policy),
                       timezone=lib.settings.timezone, posted_changed=changed,
                       draft_posted_changed=draft_changed,
                       tagged=coverage.coverage(lib, policy.id))


def amendment(lib: "Library", policy_id: str, version: Version, draft: str | None = None) -> str | None:
    """Rule 10: the redline (as text) of the changes made to ``version`` since its first
    reading, when adopting the draft now would adopt an amended text; else None."""
    if version.adopted is not None or version.legacy or not version.text_sha256:
        return None
    text = lib.draft_text(policy_id) if draft is None else draft
    if sha256_text(text) == version.text_sha256:
        return None
    read = _text_of(lib, policy_id, version.text_commit, None)
    return redline_text(read, text)


def redline_text(old: str, new: str, limit: int = 40) -> str:
    """A plain-text redline: each changed paragraph with [-removed-] and {+added+} words."""
    from policyeditor.core import redline
    from policyeditor.core.redline import DELETED, EQUAL, INSERTED

    lines = []
    for block in redline.compare(old, new).blocks:
        if block.status == EQUAL:
            continue
        parts = []
        segments = block.segments
        for i, seg in enumerate(segments):
            if seg.op == INSERTED:
                parts.append("{+" + seg.text + "+}")
            elif seg.op == DELETED:
                parts.append("[-" + seg.text + "-]")
            else:
                parts.append(_context(seg.text, first=i == 0, last=i == len(segments) - 1))
        lines.append("  " + " ".join("".join(parts).split()))
        if len(lines) >= limit:
            lines.append("  ...")
            break
    return "\n".join(lines) if lines else "  (only the spacing or formatting changed)"


def _context(text: str, *, first: bool, last: bool, words: int = 8) -> str:
    """Unchanged words around a change, shortened to ``words`` on each side with '...'."""
    parts = text.split(" ")
    keep_head = 0 if first else words
    keep_tail = 0 if last else words
    if len(parts) <= keep_head + keep_tail + 1 or (first and last):
        return text
    head = " ".join(parts[:keep_head])
    tail = " ".join(parts[len(parts) - keep_tail:]) if keep_tail else ""
    return f"{head} ... {tail}" if head else f"... {tail}" if tail else f"{head} ..."


def _plan(lib: "Library", policy_id: str, req: Request, *, head: str) -> Plan:
    """Work out the version and fields (``head``: the commit holding the draft, '' in a preview)."""
    policy = lib.policy(policy_id)
    event = event_name(req.event)
    when = dates.parse_date(req.when) if isinstance(req.when, str) else req.when
    if isinstance(when, datetime):
        when = when.date()
    dates.check_day(when)
    _check_request(event, req)
    new_version = event == FIRST_READING or req.legacy
    fields: dict[str, Any] = {}
    draft = lib.draft_text(policy_id) if (event in TEXT_EVENTS or event == POSTED) else None
    if new_version:
        number = (policy.versions[-1].number if policy.versions else 0) + 1
        if req.version not in (None, number):
            raise InvalidInput(f"The next version of {policy.title} is number {number}, not {req.version}.")
        _check_new_text(lib, policy, draft or "")
        change, justification = (SUBSTANTIVE, "") if req.legacy else _change_class(lib, policy, number, draft or "", req)
        base = Version(number=number, change_class=change, justification=justification, legacy=req.legacy,
                       memo=policy.draft_memo if event == FIRST_READING else Memo())
        rules_policy = replace(policy, versions=(*policy.versions, base))
    else:
        number = req.version if req.version is not None else _default_number(lib, policy, event, when)
        base = policy.version(number)
        rules_policy = policy
    if event in TEXT_EVENTS:
        fields.update(text_commit=head, text_sha256=sha256_text(draft or ""))
        if event == ADOPTED and not new_version and (req.editorial or not base.justification):
            fields["change_class"], fields["justification"] = _change_class(lib, policy, number, draft or "", req)
        if event == ADOPTED and not new_version and base.adopted is None and base.text_sha256 \
                and base.text_sha256 != fields["text_sha256"]:
            fields.update(read_commit=base.text_commit, read_sha256=base.text_sha256)
    if event == POSTED:
        source = base if base.adopted is not None else None
        fields.update(
            posted_commit=source.text_commit if source else head,
            posted_sha256=source.text_sha256 if source else sha256_text(draft or ""),
        )
    context = rule_context(lib, policy, draft)
    if event == ADOPTED and not new_version:
        context = replace(context, posted_changed={
            **context.posted_changed, number: posted_changed(lib, policy_id, replace(base, **fields), draft)})
    return Plan(rules_policy, base, number, event, when, context, fields, new_version)


def _check_amendment(lib: "Library", plan: Plan, req: Request, draft: str | None = None) -> None:
    """Rule 10: adopting an amended text needs ``amended``; the refusal shows the redline."""
    if plan.event != ADOPTED or plan.new_version or req.amended:
        return
    shown = amendment(lib, plan.policy.id, plan.base, draft)
    if shown is None:
        return
    raise RuleViolation(
        f"The draft of {plan.policy.title} was changed after the first reading of version "
        f"{plan.number} on {plan.base.first_reading}, so the adoption would adopt an amended "
        f"text. These are the amendments:\n{shown}\nIf the committee adopted the text as "
        "amended, record the adoption again with --amended (in the window: confirm the "
        "amendment); otherwise restore the text of the first reading first.", rule=10)


def _check_new_text(lib: "Library", policy: Policy, draft: str) -> None:
    if not draft.strip():
        raise InvalidInput(f"The draft of {policy.title} is empty. Write or import the text first: a version needs a text.")
    from policyeditor.core import timeline

    latest = policy.latest
    digest = sha256_text(draft)
    current = timeline.in_force(policy, lib.today(), lib.settings.timezone)
    if current is not None and current is not latest and current.text_sha256 == digest:
        raise InvalidInput(
            f"The draft of {policy.title} is the same text as version {current.number}, the version in "
            "force: presenting it would change nothing. Change the draft before presenting a new version."
        )
    if latest is not None and latest.text_sha256 == digest:
        raise InvalidInput(
            f"The draft of {policy.title} is the same text as version {latest.number}. "
            "Change the draft before presenting a new version."
        )


def _message(policy: Policy, version: Version, event: str, when: date) -> str:
    head = f"{policy.title}, version {version.number}: {EVENT_LABELS[event]} {when.isoformat()}"
    if version.legacy and event == ADOPTED:
        head += " (legacy version, imported)"
    elif event == FIRST_READING:
        head += f" ({version.change_class} change)"
    elif event == ADOPTED and version.read_sha256:
        head += " (amended after the first reading)"
    body = f"\n\nMarked editorial: {version.justification}" if version.justification and event in TEXT_EVENTS else ""
    return head + body


def record_event(lib: "Library", policy_id: str, req: Request) -> Version:
    """Record the event after the rules agree; returns the version as recorded."""
    lib.ensure_writable()
    plan = _plan(lib, policy_id, req, head=lib.repo().head_sha() or "")
    result = rules.apply_event(plan.policy, plan.number, plan.event, plan.when, plan.context)
    if result == plan.base and not plan.new_version:
        return result  # already on record with this date: nothing to write
    _check_amendment(lib, plan, req)
    final = replace(result, **plan.fields)
    others = tuple(v for v in plan.policy.versions if v.number != final.number)
    policy = replace(plan.policy, versions=tuple(sorted((*others, final), key=lambda v: v.number)))
    if plan.new_version and plan.event == FIRST_READING:
        policy = replace(policy, draft_memo=Memo())   # the version's memo starts from it (_plan)
    tag = None
    if plan.event == ADOPTED:
        tag = (
            f"{policy.id}/v{final.number}",
            final.text_commit,
            f"{policy.title}, version {final.number}, adopted {plan.when.isoformat()}",
        )
    lib.write_policy(policy, _message(policy, final, plan.event, plan.when), tag)
    return final


def preview_event(lib: "Library", policy_id: str, req: Request) -> list:
    """The failures recording the event would meet; writes nothing, raises only for bad input.

    The same plan and RuleContext as ``record_event``; an amendment that needs
    confirming (rule 10) is a failure too unless ``req.amended``.
    """
    plan = _plan(lib, policy_id, req, head="")
    failures = rules.preview_event(plan.policy, plan.number, plan.event, plan.when, plan.context)
    if not failures:
        try:
            _check_amendment(lib, plan, req)
        except RuleViolation as exc:
            failures = [rules.RuleFailure(10, plan.number, exc.message)]
    return failures


def check_policy(lib: "Library", policy: Policy) -> list:
    """Every rule for every version of ``policy`` (rule 3 reads posted texts from git)."""
    return rules.check_policy(policy, rule_context(lib, policy))


# --- corrections ----------------------------------------------------------------------

def correct_event(lib: "Library", policy_id: str, number: int, event: str, new: date | str,
                  reason: str) -> Version:
    """Correct the recorded date of a fact (a mistyped reading, adoption, posting or
    withdrawal): its own record keeps the old date, the new one, the reason, when and
    who. The rules run with the corrected date (refused, nothing written, when one
    would fail that passes now, or when tagged data would move: rule 7)."""
    from policyeditor.core.versions import EFFECTIVE, REVIEWED, Correction

    lib.ensure_writable()
    policy = lib.policy(policy_id)
    event = event_name(event)
    if event == EFFECTIVE:
        raise InvalidInput("An effective date is not a fact: while it is in the future, record the effective "
                           "date again with the right date (no correction is needed).")
    if event == REVIEWED:
        raise InvalidInput("Reviews are kept as a list of dates and are not corrected; record the review "
                           "again on the right date.")
    new_date = dates.parse_date(new) if isinstance(new, str) else new
    if isinstance(new_date, datetime):
        new_date = new_date.date()
    dates.check_day(new_date)
    why = " ".join(str(reason or "").split())
    if not why:
        raise InvalidInput("Give the reason for the correction (for example \"the minutes say June 5\"); "
                           "it is kept in the history next to both dates.")
    v = policy.version(number)
    label = EVENT_LABELS[event]
    old = getattr(v, event)
    if old is None:
        raise InvalidInput(f"Version {number} of {policy.title} has no {label} on record, so there is nothing "
                           f"to correct. Record the {label} instead.")
    if old == new_date:
        raise InvalidInput(f"The {label} of version {number} of {policy.title} is already on record as "
                           f"{old.isoformat()}; nothing to correct.")
    author = lib.author
    fix = Correction(event, old, new_date, why, lib.now().isoformat(timespec="seconds"),
                     f"{author.name} <{author.email}>")
    corrected = replace(v, **{event: new_date}, corrections=(*v.corrections, fix))
    after = replace(policy, versions=tuple(corrected if x.number == number else x for x in policy.versions))
    context = rule_context(lib, policy)
    moved = rules.data_moved(policy, after, context)
    if moved:
        span = moved[0][0]
        raise RuleViolation(
            f"The {label} of version {number} cannot be corrected to {new_date.isoformat()}: "
            f"{span.records} tagged data record(s) governed by version {span.version} would then fall "
            "under another version, and data stays with the version in force when it was collected. "
            "Nothing was changed.", rule=7)
    before = rules.check_policy(policy, context)
    added = [f for f in rules.check_policy(after, context) if f not in before]
    if added:
        first = added[0]
        raise RuleViolation(f"The correction to {new_date.isoformat()} is refused: {first.message} "
                            "Nothing was changed.", rule=first.rule)
    message = (f"Correct the {label} of {policy.title}, version {number}: {old.isoformat()} -> "
               f"{new_date.isoformat()}\n\nReason: {why}")
    lib.write_policy(after, message)
    return corrected
