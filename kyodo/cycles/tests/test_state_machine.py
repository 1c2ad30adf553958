"""The cycle's state machine, driven by hypothesis: every move is tried in every phase, and the
model below says whether the service must allow or refuse it."""

import datetime

import pytest
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from kyodo.core.rules import PhaseRefused
from kyodo.core.states import TransitionRefused
from kyodo.cycles import services
from kyodo.cycles.models import Cycle, CycleStatus, EvaluationDecision
from kyodo.cycles.selectors import both_submitted
from kyodo.cycles.tests.factories import all_answers, make_project, new_cycle
from kyodo.guideline.selectors import current_version
from kyodo.projects.models import ProjectStatus

PHASES = [CycleStatus.PLAN, CycleStatus.DO, CycleStatus.CHECK, CycleStatus.ACT, CycleStatus.DONE]
NEXT = {"plan": "do", "do": "check", "check": "act"}


class CycleMachine(RuleBasedStateMachine):
    department = None
    reached: set = set()

    def __init__(self):
        super().__init__()
        CycleMachine.counter = getattr(CycleMachine, "counter", 0) + 1
        self.project = make_project(self.department, title=f"事業{CycleMachine.counter}")
        self.cycle = new_cycle(self.project)
        self.questions = list(current_version("verification").questions.all())
        # The model: what the service must do.
        self.phase = "plan"
        self.has_indicator = False
        self.submitted = set()
        self.drafts = set()
        self.decision = None
        self.closed = False

    def _refresh(self):
        self.cycle = Cycle.objects.get(pk=self.cycle.pk)

    @rule()
    def add_indicator(self):
        if self.phase == "plan":
            services.indicator_add(actor=None, cycle=self.cycle, name="参加者数", target=10)
            self.has_indicator = True
        else:
            with pytest.raises(PhaseRefused):
                services.indicator_add(actor=None, cycle=self.cycle, name="参加者数", target=10)

    # Half the moves aim at the next phase, so that walks get round the whole cycle.
    @rule(to=st.one_of(st.just("next"), st.sampled_from(PHASES)))
    def move(self, to):
        if to == "next":
            to = NEXT.get(self.phase, "done")
        allowed = NEXT.get(self.phase) == to and not self.closed
        if allowed and to == "do":
            allowed = self.has_indicator
        if allowed and to == "act":
            allowed = self.submitted == {"city", "partner"}
        if allowed:
            services.cycle_transition(actor=None, cycle=self.cycle, to_status=to)
            self.phase = to
        else:
            with pytest.raises(TransitionRefused):
                services.cycle_transition(actor=None, cycle=self.cycle, to_status=to)
        self._refresh()

    @rule(side=st.sampled_from(["city", "partner"]), submit=st.booleans())
    def verify(self, side, submit):
        answers = all_answers(self.questions)
        if self.phase != "check" or side in self.submitted:
            with pytest.raises(PhaseRefused):
                services.verification_save(actor=None, cycle=self.cycle, side=side, answers=answers)
            return
        verification = services.verification_save(
            actor=None, cycle=self.cycle, side=side, answers=answers
        )
        self.drafts.add(side)
        if submit:
            services.verification_submit(actor=None, verification=verification)
            self.submitted.add(side)

    @rule(decision=st.sampled_from(EvaluationDecision.values))
    def evaluate(self, decision):
        kwargs = {
            "reviewed_on": datetime.date(2027, 4, 1),
            "attendees": "両者",
            "worked_well": "よかった",
            "to_improve": "改善",
            "decision": decision,
        }
        if self.phase != "act":
            with pytest.raises(PhaseRefused):
                services.evaluation_record(actor=None, cycle=self.cycle, **kwargs)
            return
        services.evaluation_record(actor=None, cycle=self.cycle, **kwargs)
        self.decision = decision

    @rule(how=st.sampled_from(["next", "end"]))
    def conclude(self, how):
        if how == "next":
            self._start_next()
        else:
            self._end_project()
        self._refresh()

    def _start_next(self):
        if self.phase == "act" and self.decision in ("continue", "change"):
            following = services.cycle_start_next(actor=None, cycle=self.cycle)
            assert following.number == self.cycle.number + 1
            assert following.indicators.count() == self.cycle.indicators.count()
            self.cycle = following
            self.phase, self.has_indicator = "plan", True
            self.submitted, self.drafts, self.decision = set(), set(), None
        else:
            with pytest.raises(PhaseRefused):
                services.cycle_start_next(actor=None, cycle=self.cycle)

    def _end_project(self):
        if self.phase == "act" and self.decision == "end":
            services.cycle_end_project(actor=None, cycle=self.cycle)
            self.phase, self.closed = "done", True
        else:
            with pytest.raises(PhaseRefused):
                services.cycle_end_project(actor=None, cycle=self.cycle)

    @invariant()
    def matches_the_model(self):
        self._refresh()
        event(f"phase {self.phase}, cycle {self.cycle.number}")
        CycleMachine.reached.add((self.phase, min(self.cycle.number, 2)))
        assert self.cycle.status == self.phase
        if self.phase == "act":
            assert both_submitted(self.cycle)
        if self.closed:
            self.project.refresh_from_db()
            assert self.project.status == ProjectStatus.CLOSED
        assert Cycle.objects.filter(project=self.project).open().count() <= 1


@pytest.mark.django_db
def test_cycle_state_machine(department_a):
    CycleMachine.department = department_a
    run = CycleMachine.TestCase
    run.settings = settings(
        max_examples=25,
        stateful_step_count=80,
        deadline=None,
        # The same sequence on every run, so that the coverage asserted below is stable.
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    run().runTest()
    # The random walks went all the way round: into act and on to a second cycle.
    assert {("act", 1), ("plan", 2)} <= CycleMachine.reached, CycleMachine.reached
