"""Sample PDCA cycles on the sample projects of kyodo.projects (which seeds before this app).

- 花いっぱい運動: its first cycle went all the way round (both verifications, a joint review that
  asked for changes) and started a second cycle, which is now being carried out.
- 自主防災組織の活動への補助: moved on from an idea to a running 補助 (through the project
  services); its cycle awaits the partner's verification, its verification is due within days
  and its subsidy term ends within 30 days, so the reminders have something to say.
Dates near "today" are computed when seeding, so the reminders show on any day.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from kyodo.accounts.models import User
from kyodo.cycles import services
from kyodo.cycles.models import Cycle, EvaluationDecision, Side
from kyodo.guideline.models import CollaborationForm
from kyodo.guideline.selectors import current_version
from kyodo.partners.models import Partner
from kyodo.projects import services as project_services
from kyodo.projects.models import CheckpointState, Decision, Project, ProjectStatus
from kyodo.projects.suitability import favourable_answers

FLOWERS = "花いっぱい運動"
BOUSAI = "自主防災組織の活動への補助"
NEIGHBOURHOOD = "（サンプル）潮見町内会"

# Ratings per question, in checklist order: the two sides see a few things differently.
CITY_RATINGS = [4, 3, 3, 4, 3, 4, 2, 3, 3, 4]
PARTNER_RATINGS = [4, 4, 2, 4, 2, 4, 3, 3, 3, 3]


def _verify(cycle, side, ratings, comments=None, submit=True):
    questions = list(current_version(services.VERIFICATION_CHECKLIST).questions.all())
    comments = comments or {}
    answers = {
        q.pk: (ratings[i % len(ratings)], comments.get(i, "")) for i, q in enumerate(questions)
    }
    verification = services.verification_save(actor=None, cycle=cycle, side=side, answers=answers)
    if submit:
        services.verification_submit(actor=None, verification=verification)


def _first_flowers_cycle(project, partner_user):
    cycle = services.cycle_create(
        actor=None,
        project=project,
        period_start=datetime.date(2026, 5, 1),
        period_end=datetime.date(2026, 10, 31),
        goals="市道沿いの花壇を町内会・団体と市が一緒に手入れし、花のある通学路にする。",
    )
    flowers = services.indicator_add(
        actor=None, cycle=cycle, name="植栽した花壇の数", unit="か所", target=12
    )
    volunteers = services.indicator_add(
        actor=None, cycle=cycle, name="参加したボランティアの延べ人数", unit="人", target=150
    )
    services.schedule_item_add(
        actor=None, cycle=cycle, planned_on=datetime.date(2026, 5, 24), activity="春の植栽"
    )
    services.schedule_item_add(
        actor=None, cycle=cycle, planned_on=datetime.date(2026, 9, 27), activity="秋の除草と清掃"
    )
    cycle = services.cycle_transition(actor=None, cycle=cycle, to_status="do")
    cycle = _flowers_carried_out(cycle, partner_user, flowers, volunteers)
    return _flowers_verified_and_evaluated(cycle)


def _flowers_carried_out(cycle, partner_user, flowers, volunteers):
    """The first cycle's two activities and its actual values; it then goes to check."""
    recorder = partner_user if partner_user else None
    services.activity_record_add(
        actor=recorder,
        cycle=cycle,
        held_on=datetime.date(2026, 5, 24),
        description="春の植栽。マリーゴールドとサルビアを10か所の花壇に植えた。",
        participants=68,
        volunteers=60,
    )
    services.activity_record_add(
        actor=None,
        cycle=cycle,
        held_on=datetime.date(2026, 9, 27),
        description="秋の除草と清掃。雨のため翌週に順延して実施した。",
        participants=75,
        volunteers=70,
    )
    services.actuals_record(
        actor=None,
        cycle=cycle,
        indicators={flowers.pk: 10, volunteers.pk: 130},
        budget={line.pk: line.planned - 3000 for line in cycle.budget_lines.all()},
    )
    return services.cycle_transition(actor=None, cycle=cycle, to_status="check")


def _flowers_verified_and_evaluated(cycle):
    """Both sides verify, the joint review asks for changes, and the second cycle starts."""
    _verify(cycle, Side.CITY, CITY_RATINGS, {6: "参加団体の選定方法を公開していなかった。"})
    _verify(
        cycle, Side.PARTNER, PARTNER_RATINGS, {2: "作業の進め方を事前にもっと話し合いたかった。"}
    )
    cycle = services.cycle_transition(actor=None, cycle=cycle, to_status="act")
    services.evaluation_record(
        actor=None,
        cycle=cycle,
        reviewed_on=datetime.date(2026, 11, 12),
        attendees=(
            "生活環境課 担当者2名、（サンプル）潮見町内会 役員3名、（サンプル）網走の海を守る会 2名"
        ),
        worked_well="通学路の花壇が明るくなり、沿道の住民から声をかけられるようになった。",
        to_improve="作業の段取りを事前の打合せで共有する。参加団体の募集方法を広報誌で公開する。",
        decision=EvaluationDecision.CHANGE,
    )
    return services.cycle_start_next(actor=None, cycle=cycle)


def _flowers(partner_user, today):
    project = Project.objects.filter(title__startswith=FLOWERS).first()
    if project is None or Cycle.objects.filter(project=project).exists():
        return
    if project.status == ProjectStatus.AGREED:
        project = project_services.project_transition(
            actor=None, project=project, to_status=ProjectStatus.RUNNING
        )
    if project.status != ProjectStatus.RUNNING:
        return
    second = _first_flowers_cycle(project, partner_user)
    # The second cycle's verification falls due within days, so that the staff home page
    # shows a reminder whatever the day of seeding.
    services.cycle_update_plan(
        actor=None,
        cycle=second,
        goals=second.goals,
        period_start=second.period_start,
        period_end=max(second.period_start, today + datetime.timedelta(days=10)),
    )
    second = services.cycle_transition(actor=None, cycle=second, to_status="do")
    services.incident_record(
        actor=None,
        project=project,
        occurred_on=datetime.date(2026, 9, 20),
        what_happened="除草作業の日程変更が一部の参加者に伝わらず、当日集合場所で待たせてしまった。",
        impact="参加者5名が1時間待機した。",
        cause="連絡網が町内会と団体で別々になっており、変更の連絡が一方にしか届かなかった。",
        countermeasure="日程変更は両者の連絡担当が同時に送る。連絡先一覧を一本化する。",
        status="addressed",
    )


def _bousai_to_running(project, today):
    version = current_version("suitability")
    project_services.suitability_check_save(
        actor=None,
        project=project,
        answers=favourable_answers(version.questions.all()),
        decision=Decision.PROCEED,
    )
    project = Project.objects.get(pk=project.pk)
    project = project_services.project_choose_form(
        actor=None, project=project, form=CollaborationForm.HOJO
    )
    for question in project.form_version.questions.all():
        project_services.checkpoint_set(
            actor=None, project=project, question=question, state=CheckpointState.CONFIRMED
        )
    neighbourhood = Partner.objects.filter(name=NEIGHBOURHOOD).first()
    if neighbourhood is None:
        return None
    project_services.participation_add(
        actor=None, project=project, partner=neighbourhood, role="訓練の実施と資機材の管理"
    )
    project_services.cost_line_add(
        actor=None, project=project, item="防災資機材の購入費（補助）", amount=200000, bearer="city"
    )
    project_services.cost_line_add(
        actor=None, project=project, item="訓練の運営費", amount=30000, bearer="partner"
    )
    agreement = project_services.agreement_save(
        actor=None,
        project=project,
        kind="kyotei",
        valid_from=datetime.date(2026, 4, 1),
        valid_until=datetime.date(2027, 3, 31),
        # The term ends soon after "today", so that the subsidy reminder shows.
        term_end=today + datetime.timedelta(days=20),
        rights="購入した資機材は団体が管理し、地域の防災活動に用いる。",
        trouble="事故その他のトラブルが発生したときは、甲乙が協議し、原因を究明して対策を講じる。",
        city_signatory="網走市長",
        partner_signatory="（サンプル）潮見 会長",
    )
    project_services.agreement_generate(actor=None, agreement=agreement)
    project_services.agreement_finalise(actor=None, agreement=agreement)
    return project_services.project_transition(
        actor=None, project=project, to_status=ProjectStatus.RUNNING
    )


def _bousai(today):
    project = Project.objects.filter(title=BOUSAI).first()
    if project is None or Cycle.objects.filter(project=project).exists():
        return
    if project.status == ProjectStatus.IDEA:
        project = _bousai_to_running(project, today)
    if project is None or project.status != ProjectStatus.RUNNING:
        return
    cycle = services.cycle_create(
        actor=None,
        project=project,
        period_start=datetime.date(2026, 4, 1),
        period_end=today + datetime.timedelta(days=10),
        goals="町内会の自主防災組織が自ら訓練を計画し、資機材を整備できるようにする。",
    )
    drills = services.indicator_add(
        actor=None, cycle=cycle, name="防災訓練の実施回数", unit="回", target=2
    )
    services.indicator_add(actor=None, cycle=cycle, name="訓練の参加世帯数", unit="世帯", target=80)
    cycle = services.cycle_transition(actor=None, cycle=cycle, to_status="do")
    services.activity_record_add(
        actor=None,
        cycle=cycle,
        held_on=datetime.date(2026, 9, 6),
        description="避難所までの避難訓練と、発電機・投光器の使い方の講習。",
        participants=96,
        volunteers=12,
    )
    services.actuals_record(actor=None, cycle=cycle, indicators={drills.pk: 1}, budget={})
    cycle = services.cycle_transition(actor=None, cycle=cycle, to_status="check")
    _verify(cycle, Side.CITY, CITY_RATINGS)


@transaction.atomic
def seed() -> None:
    if current_version(services.VERIFICATION_CHECKLIST) is None:
        return  # the guideline's checklists are loaded by its data migration
    partner_user = User.objects.filter(username="partner").first()
    today = timezone.localdate()
    _flowers(partner_user, today)
    _bousai(today)
