"""Reminders: due dates computed, sent by the background task, delivered once."""

import datetime
import socket
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from kyodo.accounts.roles import Role
from kyodo.accounts.tests.factories import UserFactory
from kyodo.cycles import selectors, services
from kyodo.cycles.models import ReminderDelivery, ReminderKind
from kyodo.cycles.tests.factories import make_project, new_cycle
from kyodo.projects.models import Agreement, Project

TODAY = datetime.date(2027, 3, 20)


@pytest.fixture
def running(project, partner_member):
    partner_member.email = "partner@example.jp"
    partner_member.save()
    return project


def _agreement(project, *, valid_until, term_end=None, form=None):
    if form:
        project.form = form
        project.save()
    return Agreement.objects.create(
        project=project,
        valid_from=datetime.date(2026, 4, 1),
        valid_until=valid_until,
        term_end=term_end,
        city_signatory="網走市長",
        partner_signatory="会長",
        finalised_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
    )


def test_verification_is_due_at_the_end_of_the_period(running):
    cycle = new_cycle(running, period_end=datetime.date(2027, 3, 31))
    due = selectors.reminders_due(TODAY)
    assert [(r.kind, r.subject_id, r.due_on) for r in due] == [
        (ReminderKind.VERIFICATION_DUE, cycle.pk, datetime.date(2027, 3, 31))
    ]
    # Not yet two weeks before the end.
    assert selectors.reminders_due(datetime.date(2027, 3, 16)) == []
    # Overdue still reminds.
    assert len(selectors.reminders_due(datetime.date(2027, 4, 5))) == 1


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        (datetime.date(2027, 4, 19), True),  # 30 days from TODAY
        (datetime.date(2027, 4, 20), False),
        (datetime.date(2027, 3, 20), True),
        (datetime.date(2027, 3, 19), False),  # already ended
    ],
)
def test_agreement_validity_ending_within_30_days(running, valid_until, expected):
    _agreement(running, valid_until=valid_until)
    kinds = [r.kind for r in selectors.reminders_due(TODAY)]
    assert (ReminderKind.AGREEMENT_EXPIRING in kinds) is expected


def test_subsidy_term_ending_only_for_hojo(running):
    _agreement(running, valid_until=datetime.date(2028, 3, 31), term_end=datetime.date(2027, 4, 10))
    assert selectors.reminders_due(TODAY) == []
    running.form = "hojo"
    running.save()
    due = selectors.reminders_due(TODAY)
    assert [(r.kind, r.due_on) for r in due] == [
        (ReminderKind.SUBSIDY_TERM_ENDING, datetime.date(2027, 4, 10))
    ]


def test_closed_projects_and_verified_cycles_do_not_remind(running, department_a):
    _agreement(running, valid_until=datetime.date(2027, 4, 1))
    running.status = "closed"
    running.save()
    assert selectors.reminders_due(TODAY) == []


def test_the_task_sends_each_reminder_once_to_both_sides(
    running, staff_a, partner_member, department_b, django_capture_on_commit_callbacks
):
    UserFactory(roles=[Role.STAFF], department=department_b)  # another department: not told
    new_cycle(running, period_end=datetime.date(2027, 3, 31))
    _agreement(running, valid_until=datetime.date(2027, 4, 1))

    from kyodo.cycles.tasks import send_reminders

    result = send_reminders.enqueue()
    assert DBTaskResult.objects.filter(id=result.id).exists()
    # The task computes "today" itself: pin the clock it reads.
    # The worker closes "old" connections before each task; inside this test's transaction
    # that would close the test's own connection on PostgreSQL, so it is held open here.
    # The e-mails go when each delivery commits; the test's own transaction never commits, so
    # the captured sendings are run at the end of the block.
    with (
        mock.patch("django.utils.timezone.localdate", return_value=TODAY),
        mock.patch(
            "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("db_worker", batch=True, no_startup_delay=True, reload=False)
    result.refresh()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 4
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([staff_a.email] * 2 + ["partner@example.jp"] * 2)
    subjects = {m.subject for m in mail.outbox}
    assert any("検証" in s for s in subjects) and any("協定" in s for s in subjects)
    assert ReminderDelivery.objects.count() == 4

    # The next day's sweep sends nothing new.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.reminders_send(actor=None, today=TODAY + datetime.timedelta(days=1)) == 0
    assert callbacks == [] and mail.outbox == []


class Abandoned(Exception):
    """Raised by a test after the sweep, so that the caller's transaction rolls back."""


def test_a_sweep_rolled_back_by_its_caller_sends_nothing_and_the_next_one_sends(
    running, staff_a, django_capture_on_commit_callbacks
):
    new_cycle(running, period_end=datetime.date(2027, 3, 31))
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(Abandoned),
        transaction.atomic(),
    ):
        assert services.reminders_send(actor=None, today=TODAY) == 2
        raise Abandoned
    assert callbacks == [] and mail.outbox == []
    assert not ReminderDelivery.objects.exists()

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert services.reminders_send(actor=None, today=TODAY) == 2
    assert len(callbacks) == 2
    assert sorted(m.to for m in mail.outbox) == sorted([[staff_a.email], ["partner@example.jp"]])
    assert {m.subject for m in mail.outbox} == {"[協働ポータル] 検証の期限: 海岸清掃と環境学習"}
    assert set(ReminderDelivery.objects.values_list("recipient__email", flat=True)) == {
        staff_a.email,
        "partner@example.jp",
    }


@pytest.fixture
def mail_server_down(settings):
    """Real SMTP to a port where nothing listens: the connection is refused."""
    with socket.socket() as bound_but_not_listening:
        bound_but_not_listening.bind(("127.0.0.1", 0))
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = bound_but_not_listening.getsockname()
        settings.EMAIL_TIMEOUT = 5
        yield


def _mail_server_back(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


# Transactional, as the worker runs it: each delivery commits and is mailed at once. The flush
# afterwards would remove the data migrations' rows: serialized_rollback puts them back.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_sending_stops_the_sweep_and_is_tried_again(
    running, staff_a, settings, mail_server_down
):
    new_cycle(running, period_end=datetime.date(2027, 3, 31))
    with pytest.raises(ConnectionRefusedError):
        services.reminders_send(actor=None, today=TODAY)
    assert not ReminderDelivery.objects.exists()  # taken back: nobody got it

    _mail_server_back(settings)
    assert services.reminders_send(actor=None, today=TODAY) == 2
    assert sorted(m.to for m in mail.outbox) == sorted([[staff_a.email], ["partner@example.jp"]])
    assert ReminderDelivery.objects.count() == 2
    assert services.reminders_send(actor=None, today=TODAY) == 0
    assert len(mail.outbox) == 2


def test_a_sending_failed_after_the_callers_commit_is_tried_again(
    running, staff_a, settings, mail_server_down, django_capture_on_commit_callbacks, caplog
):
    new_cycle(running, period_end=datetime.date(2027, 3, 31))
    with django_capture_on_commit_callbacks(execute=True):
        # Inside a caller's transaction the sendings wait for its commit, so the sweep cannot
        # know yet; each one that fails takes its record back.
        assert services.reminders_send(actor=None, today=TODAY) == 2
    assert not ReminderDelivery.objects.exists()
    assert caplog.text.count("not sent; the next sweep tries again") == 2

    _mail_server_back(settings)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(actor=None, today=TODAY) == 2
    assert len(mail.outbox) == 2 and ReminderDelivery.objects.count() == 2


def test_no_person_may_send_reminders(staff_a, coordinator):
    from django.core.exceptions import PermissionDenied

    for person in (staff_a, coordinator):
        with pytest.raises(PermissionDenied):
            services.reminders_send(actor=person, today=TODAY)


def test_the_command_enqueues_the_sweep(db, capsys):
    call_command("enqueue_reminders")
    assert DBTaskResult.objects.filter(task_path="kyodo.cycles.tasks.send_reminders").count() == 1
    assert "Enqueued" in capsys.readouterr().out


def test_reminders_of_another_department_stay_off_my_home(department_b, staff_a):
    other = make_project(department_b, title="別の課の事業")
    new_cycle(other, period_end=datetime.date(2027, 3, 31))
    mine = selectors.staff_projects(staff_a)
    assert selectors.reminders_due(TODAY, mine) == []


def test_a_due_reminder_of_my_department_is_on_my_home_and_sent_to_me(
    running, department_b, staff_a, mailoutbox, django_capture_on_commit_callbacks
):
    staff_a.email = "staff_a@example.jp"
    staff_a.save()
    other = make_project(department_b, title="別の課の事業")
    new_cycle(other, period_end=datetime.date(2027, 3, 31))
    cycle = new_cycle(running, period_end=datetime.date(2027, 3, 31))
    mine = selectors.staff_projects(staff_a)
    assert [(r.kind, r.subject_id) for r in selectors.reminders_due(TODAY, mine)] == [
        (ReminderKind.VERIFICATION_DUE, cycle.pk)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_send(actor=None, today=TODAY)
    to_me = [m for m in mailoutbox if m.to == ["staff_a@example.jp"]]
    assert len(to_me) == 1 and running.title in to_me[0].body


def test_the_home_panels_reminders_from_the_cycles_read_once_are_the_same(
    running, department_a, staff_a
):
    """The staff home hands reminders_due the cycles it read for its rows (cycles/panels.py):
    the same reminders as the database's own choice, whatever the cycle, its period or project."""
    from kyodo.cycles.tests.factories import cycle_in

    new_cycle(running, period_end=datetime.date(2027, 3, 31))  # due within the window
    later = make_project(department_a, title="期間の遠い事業")
    new_cycle(later, period_end=datetime.date(2027, 9, 30))  # not yet
    closed = make_project(department_a, title="終了した事業")
    new_cycle(closed, period_end=datetime.date(2027, 3, 31))
    Project.objects.filter(pk=closed.pk).update(status="closed")  # no longer running
    verified = make_project(department_a, title="検証済みの事業")
    cycle_in(verified, "act", period_end=datetime.date(2027, 3, 31))  # both sides verified
    _agreement(running, valid_until=datetime.date(2027, 4, 10))
    mine = selectors.staff_projects(staff_a)
    read_once = selectors.reminders_due(TODAY, mine, list(selectors.current_cycles(mine)))
    assert read_once == selectors.reminders_due(TODAY, mine)
    assert {r.kind for r in read_once} == {
        ReminderKind.VERIFICATION_DUE,
        ReminderKind.AGREEMENT_EXPIRING,
    }
    assert [r.project.title for r in read_once if r.kind == ReminderKind.VERIFICATION_DUE] == [
        running.title
    ]


def test_the_reminders_read_no_column_left_out_of_the_panels_query(
    running, department_a, staff_a, django_assert_num_queries
):
    """The panels read only the columns they show (cycles.selectors `_PANEL_COLUMNS`): what the
    home page, the e-mails and the recipients read of a reminder costs no query more."""
    from django.template.loader import render_to_string

    new_cycle(running, period_end=datetime.date(2027, 3, 31))
    _agreement(
        running,
        valid_until=datetime.date(2027, 4, 10),
        term_end=datetime.date(2027, 4, 5),
        form="hojo",
    )
    mine = selectors.staff_projects(staff_a)
    cycles = list(selectors.current_cycles(mine))
    due = selectors.reminders_due(TODAY, mine, cycles)
    assert {r.kind for r in due} == set(ReminderKind)
    with django_assert_num_queries(0):
        for reminder in due:
            context = {"reminder": reminder, "user": staff_a, "today": TODAY}
            render_to_string("cycles/email/reminder_subject.txt", context)
            body = render_to_string("cycles/email/reminder_body.txt", context)
            assert running.title in body
            project = reminder.project
            assert (project.pk, project.status, project.form) == (running.pk, "running", "hojo")
            assert project.department_id == department_a.pk
        rows = selectors.cycle_rows(mine, "city", cycles)
        shown = [(c.project.title, c.number, c.get_status_display(), n) for c, n in rows]
    assert shown == [(running.title, 1, "計画", "計画を仕上げて実施へ")]
