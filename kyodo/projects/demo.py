"""Sample projects drawn from the guideline's own examples (§2-4), at different stages.

The partners app seeds the sample partners; this seeder still gets-or-creates the two it needs
by name, so that it works on its own and reuses the partners app's rows when they exist.
"""

from datetime import date
from importlib import import_module

from django.db import transaction

from kyodo.accounts.models import Department, User
from kyodo.guideline.models import CollaborationForm
from kyodo.guideline.selectors import current_version
from kyodo.partners.demo import sample_contact
from kyodo.partners.models import Partner, PartnerType
from kyodo.partners.services import partner_create, partner_membership_add
from kyodo.projects import services
from kyodo.projects.models import CheckpointState, Decision, PlanArea, Project
from kyodo.projects.parties import PARTNER_MARKS, join_marks
from kyodo.projects.suitability import favourable_answers

PLAN_AREAS = import_module("kyodo.projects.migrations.0003_plan_areas").AREAS
SEA_GROUP = "（サンプル）網走の海を守る会"
NEIGHBOURHOOD = "（サンプル）潮見町内会"

DECLINE_REASON = (
    "庁舎の日常清掃は市が責任を持って行うべき業務であり、指針のいう「市が責任を持って対応すべき"
    "事業」に当たります。また、ボランティアを安い労働力として使うことになり、協働の趣旨に"
    "合いません。提案をいただいたことに感謝し、市の業務として継続することとしました。"
)


def _partner(name: str, type_name: str, representative: str) -> Partner:
    partner = Partner.objects.filter(name=name).first()
    if partner is None:
        partner_type, _created = PartnerType.objects.get_or_create(name=type_name)
        # Through the partners service, so the sample partner is in the search index too.
        partner = partner_create(
            actor=None,
            data={
                "name": name,
                "partner_type": partner_type,
                "representative": representative,
                "listed_publicly": True,
                **sample_contact(60 + Partner.objects.count()),
            },
        )
    return partner


def _department(name: str) -> Department | None:
    return Department.objects.filter(name=name).first()


def _answer_all(project, decision, reason=""):
    version = current_version("suitability")
    answers = favourable_answers(version.questions.all())
    strengths = [q.pk for q in current_version("strengths").questions.all()[:2]]
    services.suitability_check_save(
        actor=None,
        project=project,
        answers=answers,
        strengths=strengths,
        decision=decision,
        reason=reason,
    )
    return Project.objects.get(pk=project.pk)


def _choose_form(project, form: str) -> Project:
    project = services.project_choose_form(actor=None, project=project, form=form)
    for question in project.form_version.questions.all():
        services.checkpoint_set(
            actor=None, project=project, question=question, state=CheckpointState.CONFIRMED
        )
    return project


def _workspace(project, partners):
    """Each partner with its role, its own part of the roles table and, for the last, a cost."""
    participations = [
        services.participation_add(actor=None, project=project, partner=partner, role=role)
        for partner, role in partners
    ]
    services.role_line_add(
        actor=None,
        project=project,
        task="参加者の募集と受付",
        city_part="広報誌・ウェブサイトでの周知",
        partner_parts={
            p.pk: part
            for p, part in zip(participations, ("当日の受付", "会員への呼びかけ"), strict=False)
        },
        responsibility="募集要項の内容は市が、当日の運営は団体が責任を負う",
    )
    services.cost_line_add(
        actor=None, project=project, item="消耗品費（ごみ袋・軍手）", amount=48000, bearer="city"
    )
    services.cost_line_add(
        actor=None,
        project=project,
        item="ボランティア保険料",
        amount=12600,
        bearer=str(participations[-1].pk),
    )


def _agreed(project, city_signatory, partner_signatory):
    # 「甲、乙及び丙」 for a project with two partners: each party named, never 「甲乙」.
    everyone = join_marks(["甲", *PARTNER_MARKS[: project.participations.count()]])
    consultation = services.consultation_add(
        actor=None,
        project=project,
        held_on=date(2026, 4, 20),
        city_attendees="生活環境課 担当者2名",
        partner_attendees="各団体の代表者",
        agenda="役割分担と経費分担の確認",
        points=["「清掃区域」は市道に面した花壇と歩道を指す", "雨天の場合は翌週の日曜日に順延する"],
    )
    for point in consultation.points.all():
        services.agreed_point_confirm(actor=None, point=point, side="city")
        services.agreed_point_confirm(actor=None, point=point, side="partner")
    agreement = services.agreement_save(
        actor=None,
        project=project,
        kind="kyotei",
        valid_from=date(2026, 5, 1),
        valid_until=date(2027, 3, 31),
        rights=f"活動の記録写真その他の成果物に係る権利は、{everyone}が共有する。",
        trouble=(
            f"事故その他のトラブルが発生したときは、{everyone}が協議し、"
            "原因を究明して対策を講じる。"
        ),
        city_signatory="網走市長",
        partner_signatory=partner_signatory,
    )
    services.agreement_generate(actor=None, agreement=agreement)
    services.agreement_finalise(actor=None, agreement=agreement)


def _create(title, department, **fields):
    return services.project_create(actor=None, title=title, department=department, **fields)


@transaction.atomic
def seed() -> None:
    if Project.objects.filter(title__startswith="花いっぱい運動").exists():
        return
    environment = _department("生活環境課")
    if environment is None:
        return  # the accounts seeder creates the departments first
    # The areas come from a data migration; recreate them if the database was flushed.
    for order, name in enumerate(PLAN_AREAS, start=1):
        PlanArea.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    community = PlanArea.objects.get(name="コミュニティ・市民活動")
    common = {"plan_area": community, "fiscal_year_from": 2026, "fiscal_year_to": 2026}
    _seed_with_partners(environment, common)
    _seed_early_stages(environment, common)


def _sample_partners() -> tuple[Partner, Partner]:
    sea = _partner(SEA_GROUP, "ボランティア団体", "（サンプル）浜辺 守")
    neighbourhood = _partner(NEIGHBOURHOOD, "町内会", "（サンプル）潮見 会長")
    partner_user = User.objects.filter(username="partner").first()
    if partner_user:
        # The demo partner account acts for the sea group in the sample projects (it may also
        # belong to the partners app's first sample organisation).
        partner_membership_add(actor=None, partner=sea, user=partner_user)
    return sea, neighbourhood


def _seed_with_partners(environment, common: dict) -> None:
    """The two projects that have partners: one agreed, one still forming."""
    sea, neighbourhood = _sample_partners()
    flowers = _create(
        "花いっぱい運動（市道沿い花壇の美化）",
        environment,
        local_issue="市道沿いの花壇が手入れされず、雑草が目立つ区域が増えている。",
        purpose="町内会・ボランティア団体と市が協力し、花のある美しい街並みをつくる。",
        public_benefit="通学路・観光ルートの景観向上",
        beneficiaries="市民、観光客",
        budget=60600,
        **common,
    )
    flowers = _answer_all(flowers, Decision.PROCEED)
    flowers = _choose_form(flowers, CollaborationForm.JIGYO_KYORYOKU)
    _workspace(flowers, [(neighbourhood, "花壇の植栽・管理"), (sea, "除草と清掃")])
    _agreed(flowers, "網走市長", "（サンプル）潮見 会長")

    beach = _create(
        "海岸清掃と環境学習",
        environment,
        local_issue="流木や漂着ごみで海岸が荒れ、子どもが海辺で遊べる場所が減っている。",
        purpose="海岸の清掃と、子ども向けの環境学習会を団体と市が一緒に企画・実施する。",
        budget=300000,
        **common,
    )
    beach = _answer_all(beach, Decision.PROCEED)
    beach = services.project_choose_form(actor=None, project=beach, form=CollaborationForm.ITAKU)
    _workspace(beach, [(sea, "清掃の実施と環境学習の講師")])
    services.agreed_point_add(
        actor=None, project=beach, text="「環境学習会」は小学生とその保護者を対象とする"
    )


def _seed_early_stages(environment, common: dict) -> None:
    """Projects still being formed, assessed or only proposed, and one honest no (§4)."""
    welfare = _department("社会福祉課") or environment
    learning = _department("生涯学習課") or environment
    tourism = _department("観光課") or environment
    planning = _department("企画調整課") or environment
    festival = _create(
        "あばしりまなび塾フェスティバル",
        learning,
        local_issue="生涯学習の成果を発表し、学び合う場が少ない。",
        purpose="市民団体による実行委員会が企画・運営し、学びの成果を市民に広く紹介する。",
        **common,
    )
    festival = _answer_all(festival, Decision.PROCEED)
    _choose_form(festival, CollaborationForm.JIKKO_IINKAI)

    marathon = _create(
        "オホーツク網走マラソン",
        tourism,
        local_issue="大会の運営を担う人材が高齢化し、ボランティアの確保が難しくなっている。",
        purpose="実行委員会方式で大会を運営し、地域の魅力を全国に発信する。",
        **common,
    )
    services.project_transition(actor=None, project=marathon, to_status="assessing")

    _create(
        "ふれあいの家の運営",
        welfare,
        local_issue="高齢者が気軽に集える場所が地域に少ない。",
        purpose="各地域の住民がボランティアで運営する「ふれあいの家」を市が支える。",
        **common,
    )
    _create(
        "自主防災組織の活動への補助",
        planning,
        local_issue="町内会単位の自主防災組織の資機材が不足している。",
        purpose="自主防災組織の訓練と資機材整備を補助し、自立した活動を促す。",
        **common,
    )
    declined = _create(
        "市庁舎の日常清掃のボランティア化",
        planning,
        local_issue="庁舎清掃の委託費を削減したいとの内部提案。",
        purpose="庁舎の日常清掃を市民ボランティアに担ってもらう。",
    )
    _answer_all(declined, Decision.DECLINE, DECLINE_REASON)
