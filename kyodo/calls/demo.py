"""Sample calls: one open, one under evaluation with two evaluators' scores, one published.

Idempotent: each sample call is made only when no call of its title exists. The sample
projects and organisations are found by name (or made), so the partners and projects apps'
own samples are reused when they exist.
"""

from datetime import date, datetime, timedelta

from django.utils import timezone

from kyodo.accounts.models import Department, User
from kyodo.accounts.roles import Role
from kyodo.accounts.services import user_create
from kyodo.calls import services
from kyodo.calls.models import Application, Call, Grant
from kyodo.core.demo import DEMO_PASSWORD
from kyodo.guideline.selectors import current_version
from kyodo.partners.demo import sample_contact
from kyodo.partners.models import Partner, PartnerType
from kyodo.partners.services import partner_create, partner_membership_add
from kyodo.projects import services as project_services
from kyodo.projects.models import Decision, Project
from kyodo.projects.suitability import favourable_answers

PARTNERS = [
    ("（サンプル）NPO法人オホーツク環境ネット", "NPO法人"),
    ("（サンプル）潮見地区町内会連合会", "町内会"),
    ("（サンプル）網走まちづくり研究会", "市民活動団体"),
]

PROJECTS = [
    ("（サンプル）海岸清掃と環境学習の協働", "生活環境課"),
    ("（サンプル）地域の見守り活動の協働", "社会福祉課"),
    ("（サンプル）観光案内ボランティアの育成", "観光課"),
]

OPEN_CALL = "（サンプル）海岸清掃と環境学習の協働パートナー募集"
EVALUATING_CALL = "（サンプル）地域の見守り活動の協働パートナー募集"
PUBLISHED_CALL = "（サンプル）観光案内ボランティア育成事業の提案募集"

PROPOSALS = [
    (
        "海岸の清掃を月1回、小中学校と一緒に行い、漂着物の調査結果を市と共有します。",
        "4月に計画づくり、5月から10月に清掃と学習会、11月にふりかえり。",
        480_000,
    ),
    (
        "町内会の班ごとに見守り担当を置き、高齢者宅への声かけを週1回行います。",
        "6月に担当者研修、7月から翌年2月まで訪問、3月に市と検証。",
        350_000,
    ),
    (
        "空き店舗を拠点に、学生と市民で地域の課題を調べ、提案をまとめます。",
        "毎月1回のワークショップと、年度末の報告会。",
        300_000,
    ),
]


def _department(name: str) -> Department:
    return (
        Department.objects.filter(name=name).first()
        or Department.objects.order_by("sort_order").first()
    )


def _partners() -> list[Partner]:
    partners = []
    for name, type_name in PARTNERS:
        partner = Partner.objects.filter(name=name).first()
        if partner is None:
            partner_type, _created = PartnerType.objects.get_or_create(name=type_name)
            # Through the partners service, so the sample partner is in the search index too.
            partner = partner_create(
                actor=None,
                data={
                    "name": name,
                    "partner_type": partner_type,
                    **sample_contact(40 + len(partners)),
                },
            )
        partners.append(partner)
    return partners


def _forming_project(title: str, department: Department) -> Project:
    """A new project, checked as suitable for collaboration: the check moves it to forming."""
    project = project_services.project_create(actor=None, title=title, department=department)
    questions = current_version("suitability").questions.all()
    project_services.suitability_check_save(
        actor=None,
        project=project,
        answers=favourable_answers(questions),
        decision=Decision.PROCEED,
    )
    return Project.objects.get(pk=project.pk)


def _projects() -> list[Project]:
    projects = []
    for title, division in PROJECTS:
        project = Project.objects.filter(title=title).first()
        projects.append(project or _forming_project(title, _department(division)))
    return projects


def _users() -> tuple[User | None, list[User]]:
    if not User.objects.filter(username="evaluator2").exists():
        user_create(
            actor=None,
            username="evaluator2",
            password=DEMO_PASSWORD,
            display_name="（サンプル）評価 実",
            display_name_kana="ヒョウカ ミノル",
            email="evaluator2@example.jp",
            roles=[Role.EVALUATOR],
        )
    partner = User.objects.filter(username="partner").first()
    evaluators = list(User.objects.filter(username__in=["evaluator", "evaluator2"]))
    return partner, sorted(evaluators, key=lambda u: u.username)


def _make_call(project: Project, title: str, opened: datetime, deadline: datetime) -> Call:
    call = services.call_create(
        actor=None,
        project=project,
        title=title,
        purpose=f"{project.title}を市と一緒に進める団体を募集します。",
        eligibility="市内で活動する市民活動団体、NPO法人、町内会など。",
        budget_ceiling=500_000,
        selection_method="documents",
        deadline=deadline,
        evaluation_period="締切後2週間",
        documents_required="提案書、事業計画書、収支予算書",
        contact=f"網走市 {project.department}（サンプル）",
    )
    return services.call_open(actor=None, call=call, now=opened)


def _apply(call: Call, partners, when: datetime) -> list[Application]:
    applications = []
    for partner, (proposal, plan, budget) in zip(partners, PROPOSALS, strict=False):
        draft = services.application_save_draft(
            actor=None,
            call=call,
            partner=partner,
            now=when,
            proposal=proposal,
            plan=plan,
            budget_amount=budget,
            budget_notes="謝礼、消耗品、保険料",
        )
        applications.append(services.application_submit(actor=None, application=draft, now=when))
    return applications


def _evaluate(call: Call, applications, evaluators, sheets) -> None:
    """sheets[evaluator index][application index] = score per criterion, or None = conflict."""
    services.call_close(actor=None, call=call)
    for evaluator in evaluators:
        services.evaluator_assign(actor=None, call=call, evaluator=evaluator)
    services.call_start_evaluation(actor=None, call=call)
    call.refresh_from_db()
    criteria = list(call.criteria.all())
    for assignment, sheet in zip(call.assignments.order_by("created_at"), sheets, strict=True):
        for application, values in zip(applications, sheet, strict=True):
            services.conflict_declare(
                actor=None,
                assignment=assignment,
                application=application,
                has_conflict=values is None,
                note="（サンプル）申告" if values is None else "",
            )
            if values is not None:
                services.scores_save(
                    actor=None,
                    assignment=assignment,
                    application=application,
                    values={
                        c.pk: min(v, c.max_score) for c, v in zip(criteria, values, strict=True)
                    },
                    comments={criteria[0].pk: "（サンプル）活動実績が具体的です。"},
                )
        services.evaluation_submit(actor=None, assignment=assignment)


def seed() -> None:
    partners = _partners()
    projects = _projects()
    partner_user, evaluators = _users()
    if partner_user and not partner_user.partner_memberships.exists():
        partner_membership_add(actor=None, partner=partners[0], user=partner_user)
    now = timezone.now()
    if not Call.objects.filter(title=OPEN_CALL).exists():
        _make_call(projects[0], OPEN_CALL, now, now + timedelta(days=30))
    if len(evaluators) < 2:
        return
    if not Call.objects.filter(title=EVALUATING_CALL).exists():
        opened = now - timedelta(days=40)
        call = _make_call(projects[1], EVALUATING_CALL, opened, now - timedelta(days=10))
        applications = _apply(call, partners[:2], opened + timedelta(days=5))
        _evaluate(call, applications, evaluators, [[[4] * 7, [3] * 7], [[5] * 7, None]])
    if not Call.objects.filter(title=PUBLISHED_CALL).exists():
        opened = now - timedelta(days=90)
        call = _make_call(projects[2], PUBLISHED_CALL, opened, now - timedelta(days=60))
        applications = _apply(call, partners, opened + timedelta(days=5))
        sheets = [
            [[5, 4, 4, 4, 5, 4, 4], [3, 3, 4, 3, 3, 4, 3], [4, 3, 3, 3, 4, 3, 3]],
            [[4, 4, 5, 4, 4, 4, 5], [3, 4, 3, 3, 3, 3, 3], [4, 4, 3, 4, 3, 3, 4]],
        ]
        _evaluate(call, applications, evaluators, sheets)
        services.call_decide(
            actor=None,
            call=call,
            selected=[applications[0]],
            reason="活動実績と提案の実現性が最も高く評価されたため。",
        )
        services.call_publish_result(actor=None, call=call)
    if not Grant.objects.filter(partner=partners[1]).exists():
        for year in (2023, 2024, 2025):
            services.grant_record(
                actor=None,
                partner=partners[1],
                purpose="（サンプル）地域見守り活動補助",
                amount=200_000,
                term_start=date(year, 4, 1),
                term_end=date(year + 1, 3, 31),
                disclosure_status="disclosed",
            )
