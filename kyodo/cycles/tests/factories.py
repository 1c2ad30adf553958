"""Builders for cycle tests: a running project with its partner, cycles walked to a phase
through the services, and the bytes of small real evidence files."""

import datetime

from kyodo.core.tests.helpers import sample_pdf, sample_png
from kyodo.cycles import services
from kyodo.cycles.models import Side
from kyodo.guideline.selectors import current_version
from kyodo.partners.tests.factories import PartnerFactory, membership
from kyodo.projects.models import CostLine, Participation
from kyodo.projects.tests.factories import ProjectFactory

START = datetime.date(2026, 4, 1)
END = datetime.date(2027, 3, 31)


def make_project(department, *, title="海岸清掃と環境学習", member=None, status="running"):
    """A 事業協力 project with one participating partner (`member` acts for it) and two cost
    lines, which a first cycle's budget starts from."""
    project = ProjectFactory(
        title=title, department=department, status=status, form="jigyo_kyoryoku"
    )
    partner = PartnerFactory(name=f"（テスト）{title}の会")
    Participation.objects.create(project=project, partner=partner, role="清掃")
    if member is not None:
        membership(partner, member)
    CostLine.objects.create(project=project, item="消耗品費", amount=48000, bearer="city")
    CostLine.objects.create(project=project, item="保険料", amount=12600, bearer="partner")
    return project


def all_answers(questions, rating=3, comment=""):
    return {q.pk: (rating, comment) for q in questions}


def new_cycle(project, **kwargs):
    return services.cycle_create(
        actor=None,
        project=project,
        period_start=kwargs.pop("period_start", START),
        period_end=kwargs.pop("period_end", END),
        goals=kwargs.pop("goals", "海岸をきれいにする"),
    )


def cycle_in(project, phase: str, *, city_rating=3, partner_rating=3, **period):
    """A cycle of `project` (over `period`, if given) brought to `phase` by the system."""
    cycle = new_cycle(project, **period)
    services.indicator_add(actor=None, cycle=cycle, name="参加者数", unit="人", target=100)
    order = ["plan", "do", "check", "act"]
    for step in order[1 : order.index(phase) + 1]:
        if step == "act":
            questions = list(current_version("verification").questions.all())
            for side, rating in ((Side.CITY, city_rating), (Side.PARTNER, partner_rating)):
                v = services.verification_save(
                    actor=None, cycle=cycle, side=side, answers=all_answers(questions, rating)
                )
                services.verification_submit(actor=None, verification=v)
        cycle = services.cycle_transition(actor=None, cycle=cycle, to_status=step)
    return cycle


# --- evidence files -----------------------------------------------------------------------


# Real files, made by the shared test helpers: the upload check opens them.
png_bytes, pdf_bytes = sample_png, sample_pdf


HTML_AS_PDF = ("報告.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>")
EXE_AS_PNG = ("写真.png", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 54)
