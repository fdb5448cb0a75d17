"""The two promises, tried by random sequences of events, text edits and tagged data.

After every accepted step, on a real library: every record tagged before it is still
governed by the version it was tagged with (rule 7), and no version is in force with
fewer than notice_days between its posted text and its effective date unless its
change is editorial by rule 9 (rules 2, 3 and 9). A refused step writes nothing.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policyeditor.store.verify import verify
from policyeditor.core import changeclass, timeline
from policyeditor.core.errors import PolicyEditorError
from policyeditor.core.tagging import Tagger
from policyeditor.core.versions import EVENTS, SUBSTANTIVE
from policyeditor.store import Author, Library, coverage
from policyeditor.store.register import library_key, open_for
from policyeditor.store.tagging import TagJob, tag_file
from gitcmd import git

TZ = ZoneInfo("America/New_York")
PID = "visitor-data"
BASE = "Visitors' data is kept for 30 days.\n\nStaff do not share it.\n"

edits = st.one_of(
    st.integers(1, 400).map(lambda n: ("number", n)),          # substantive: another number
    st.sampled_from([("case", 0), ("comma", 0), ("negation", 0), ("restore", 0)]),
)
single = st.one_of(
    st.tuples(st.just("advance"), st.integers(1, 90)),
    st.tuples(st.just("edit"), edits),
    st.tuples(st.just("event"), st.sampled_from(EVENTS), st.integers(-40, 120), st.booleans()),
    st.tuples(st.just("tag"), st.lists(st.integers(0, 2000), min_size=1, max_size=6)),
)


def _revision(args) -> list:
    """A whole revision, as the clerk would try it: edit, first reading, perhaps an
    amendment before or after the posting, adoption, an effective date near the notice."""
    edit, to_post, amend, when_amend, to_adopt, effective, tag_hours = args
    out = [("edit", edit), ("event", "first_reading", 0, False), ("advance", to_post)]
    if amend is not None and when_amend == "before posting":
        out.append(("edit", amend))
    out.append(("event", "posted", 0, False))
    out.append(("advance", to_adopt))
    if amend is not None and when_amend == "after posting":
        out.append(("edit", amend))
    out += [("event", "adopted", 0, True), ("tag", tag_hours), ("event", "effective", effective, False)]
    return out


revisions = st.tuples(edits, st.integers(0, 20), st.none() | edits,
                      st.sampled_from(["before posting", "after posting"]), st.integers(0, 40),
                      st.integers(-3, 45), st.lists(st.integers(0, 3000), min_size=1, max_size=4)
                      ).map(_revision)
steps = st.lists(st.one_of(single.map(lambda s: [s]), revisions), min_size=2, max_size=5).map(
    lambda groups: [s for g in groups for s in g])


class World:
    def __init__(self, folder: Path, library_settings) -> None:
        self.today = date(2020, 1, 1)
        self.lib = Library.create(folder / "lib", library_settings, Author("Clerk", "c@example.org"),
                                  clock=lambda: datetime.combine(self.today, time(12), TZ))
        self.lib.create_policy(PID, "Visitor Data", text=BASE)
        self.lib.record_event(PID, "adopted", "2010-01-01", legacy=True)
        self.folder = folder
        self.name = folder.name          # the register is shared by the examples: own names
        self.tagged: list[tuple[float, int]] = []   # (instant, version it was tagged with)
        self.files = 0
        self.texts: dict[str, str] = {}

    def text(self, edit) -> str:
        kind, n = edit
        draft = self.lib.draft_text(PID)
        if kind == "number":
            import re
            return re.sub(r"\d+", str(n), draft, count=1)
        if kind == "case":
            return draft.replace("Staff", "STAFF") if "Staff" in draft else draft.replace("STAFF", "Staff")
        if kind == "comma":
            return draft.replace("kept for", "kept, for") if "kept for" in draft else draft.replace("kept, for", "kept for")
        if kind == "negation":
            return draft.replace("do not share", "do share") if "not" in draft else draft.replace("do share", "do not share")
        return BASE

    def step(self, step) -> None:
        kind = step[0]
        if kind == "advance":
            self.today += timedelta(days=step[1])
        elif kind == "edit":
            self.lib.save_draft(PID, self.text(step[1]))
        elif kind == "event":
            _k, event, offset, amended = step
            when = self.today + timedelta(days=offset if event == "effective" else -abs(offset))
            self.lib.record_event(PID, event, when, amended=amended)
        else:
            self.tag(step[1])

    def tag(self, hours_back: list[int]) -> None:
        now = datetime.combine(self.today, time(12), TZ)
        self.files += 1
        data = self.folder / f"{self.name}-{self.files}.csv"
        instants = [now - timedelta(hours=h) for h in hours_back]
        with open(data, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "at"])
            writer.writerows([f"r{self.files}-{i}", t.isoformat()] for i, t in enumerate(instants))
        tagger = Tagger(self.lib.policy(PID), self.lib.settings.timezone, now=now)
        with open_for(self.lib) as reg:
            tag_file(TagJob(data, "at", "id", skip_bad=True), tagger, register=reg,
                     library=library_key(self.lib), ran_by="t", coverage=coverage.recorder(self.lib, tagger))
        with open(data.with_name(data.stem + ".tagged.csv"), newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                self.tagged.append((datetime.fromisoformat(row["at"]).timestamp(), int(row["policy_version"])))

    def check_promises(self) -> None:
        policy = self.lib.policy(PID)
        for instant, number in self.tagged:
            moment = datetime.fromtimestamp(instant, TZ)
            governing = timeline.in_force(policy, moment, TZ)
            assert governing is not None and governing.number == number, (moment, number, policy)
        notice = self.lib.settings.notice_days_for(policy)
        for v in policy.versions:
            if v.legacy or v.effective is None:
                continue
            earlier = [p for p in policy.versions if p.number < v.number]
            previous = [p for p in earlier if p.withdrawn is None] or earlier   # as the store compares
            old, new = self.text_at(previous[-1].text_commit), self.text_at(v.text_commit)
            if changeclass.classify(old, new).change_class != SUBSTANTIVE:
                continue
            assert v.change_class == SUBSTANTIVE
            assert v.posted is not None and (v.effective - v.posted).days >= notice, v
            posted = self.text_at(v.posted_commit)
            assert changeclass.classify(posted, new).change_class != SUBSTANTIVE, v

    def text_at(self, commit: str) -> str:
        if commit not in self.texts:
            self.texts[commit] = self.lib.repo().file_at(commit, f"policies/{PID}/policy.md").decode()
        return self.texts[commit]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(steps)
def test_random_histories_keep_both_promises(tmp_path_factory, library_settings, sequence):
    world = World(tmp_path_factory.mktemp("world"), library_settings)
    try:
        for step in sequence:
            head = git(world.lib.path, "rev-parse", "HEAD")
            try:
                world.step(step)
            except PolicyEditorError:
                assert git(world.lib.path, "rev-parse", "HEAD") == head      # refused: nothing written
                assert git(world.lib.path, "status", "--porcelain") == ""
                continue
            world.check_promises()
        assert verify(world.lib) == []
    finally:
        world.lib.close()
