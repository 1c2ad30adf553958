"""python -m bench.probe — the attacker's probes of issue 12, repeatable (see bench/README.md).

On a throwaway SQLite database (PROBE_DB, default /tmp/probe.sqlite3, removed first) with
DEBUG off: migrate, the sample data, one account per persona, ~57 private sentinels; then

1. every URL pattern x every persona, GET (keywords filled with real objects of the kind);
2. every pattern x every persona, POST with an empty body, CSRF enforced (expect 403) and not
   (a POST accepted where the GET of the page, or of the page it belongs to, was refused is a
   defect);
3. every sentinel looked for in every response a persona may not see it in (anonymous and
   outsider: every public page, feed, open data file and API answer), and the public search
   asked for each;
4. every form a persona can GET, posted with each hostile string in every text field (the
   feeds, exports and API read back after a save).

Every request runs in a transaction that is rolled back, so each one sees the same data.
Exits 1 on any 500, leak or accepted forbidden POST.
"""

import contextlib
import http.cookies
import logging
import os
import re
import sys
import time
import traceback
import uuid
from collections import Counter, defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

DB = Path(os.environ.get("PROBE_DB", "/tmp/probe.sqlite3"))
ERRORS = DB.with_suffix(".errors.txt")
PERSONAS = {
    "administrator": "admin",
    "coordinator": "coordinator",
    "staff_a": "staff",
    "staff_b": "staff2",
    "partner_member": "partner",
    "evaluator": "evaluator",
    "evaluator_conflicted": "evaluator2",  # the sample data: a declared conflict on one application
    "outsider": "probe_outsider",
    "anonymous": None,
}
PUBLIC = {"anonymous", "outsider"}
GET_VARIANTS = 5  # objects per URL pattern (one per status first), plus one unknown UUID
POST_VARIANTS = 2
SURROGATE = "\ud800"  # sent as its raw (invalid) UTF-8 bytes, %ED%A0%80
HOSTILE = [
    "a\x00b",
    "\x00",
    "a\x0bb",
    "\x1b[31mred\x1b[0m",
    SURROGATE,
    "x" * 10_000,
    "１２３４５６７",
    "ｱﾊﾞｼﾘ ｶﾞｲﾄﾞ",
    "=1+2",
    "@SUM(A1)",
    "-2+3",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "😀👨‍👩‍👧 ﷺ",
    "\u202eabc\u202c",
    "a\rb\r\nc",
    "\x85\x9f",
    "\ufeff\u200b",
    "%s %(x)s {0} {{ x }}",
    "../../etc/passwd",
]


def _environment() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kyodo.settings",
        DATABASE_URL=f"sqlite:///{DB}",
        DEBUG="0",
        SECRET_KEY="probe-only-" + "k" * 50,
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="0",
        MEDIA_ROOT=str(DB.with_suffix(".media")),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="CRITICAL",
    )
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB}{suffix}").unlink(missing_ok=True)


_environment()
import django  # noqa: E402

django.setup()
logging.disable(logging.CRITICAL)  # 4xx warnings and the 500s' tracebacks: collected below

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import URLPattern, URLResolver, get_resolver  # noqa: E402

# --------------------------------------------------------------------------------- the data


def build_database() -> None:
    from kyodo.core.demo import seed_all

    call_command("migrate", verbosity=0)
    with override_settings(DEBUG=True), transaction.atomic():
        seed_all()
    get_user_model().objects.create_user(username="probe_outsider", email="o@example.jp")


class Sentinels:
    """Words planted in private fields; each with the personas that must never see it."""

    def __init__(self):
        self.words: dict[str, tuple[str, set[str]]] = {}

    def new(self, where: str, hidden_from=frozenset(PUBLIC)) -> str:
        word = "zqprobe" + "".join(chr(97 + int(d)) for d in f"{len(self.words):03d}")
        self.words[word] = (where, set(hidden_from))
        return word

    def put(self, obj, fields, hidden_from=frozenset(PUBLIC), fmt="{}"):
        for field in fields:
            word = self.new(f"{type(obj).__name__}.{field}", hidden_from)
            setattr(obj, field, fmt.format(word))
        obj.save()
        _reindex(obj)


def _reindex(obj) -> None:
    from kyodo.core.search.index import index_update

    with contextlib.suppress(LookupError):  # not a searchable type
        index_update(obj)


def plant(s: Sentinels) -> None:
    with transaction.atomic():
        _plant_partners(s)
        _plant_projects(s)
        _plant_calls(s)
        _plant_portal(s)
        _plant_cycles(s)


def _plant_partners(s: Sentinels) -> None:
    from kyodo.partners.models import Partner

    outside = PUBLIC | {"partner_member", "evaluator", "evaluator_conflicted"}
    listed = Partner.objects.filter(listed_publicly=True).exclude(memberships__isnull=False)[0]
    private = ["capacity", "planning", "organisation", "revenue_sources", "similar_work"]
    private += ["qualifications", "trainings", "instructors", "officers", "address"]
    s.put(listed, [*private, "contact_name", "contact_phone"], outside)
    s.put(listed, ["contact_email"], outside, fmt="{}@example.jp")
    unlisted = Partner.objects.filter(
        listed_publicly=False, memberships__isnull=True, call_applications__isnull=True
    ).exclude(participations__isnull=False)[0]
    s.put(unlisted, ["name", "activity", "track_record"], outside)


def _plant_projects(s: Sentinels) -> None:
    from kyodo.projects.models import Consultation, Project, StatusChange

    s.put(Project.objects.get(status="idea"), ["title", "local_issue", "purpose"])
    s.put(Project.objects.filter(status="running")[0], ["public_benefit", "beneficiaries"])
    s.put(StatusChange.objects.exclude(to_status="")[0], ["reason"])
    consultation = Consultation.objects.first()
    if consultation:
        s.put(consultation, ["agenda", "notes", "partner_attendees"])
    staff = get_user_model().objects.get(username="staff")
    s.put(staff, ["display_name"])
    s.put(staff, ["email"], fmt="{}@example.jp")


def _plant_calls(s: Sentinels) -> None:
    from django.utils import timezone

    from kyodo.calls import services
    from kyodo.calls.models import Application, Call, ConflictDeclaration, Grant, Score
    from kyodo.partners.models import Partner

    open_call = Call.objects.get(status="open")
    words = {f: s.new(f"Call(draft).{f}") for f in ("title", "purpose", "eligibility", "contact")}
    words["documents_required"] = s.new("Call(draft).documents_required")
    call = services.call_create(
        actor=None,
        project=open_call.project,
        deadline=timezone.now() + timezone.timedelta(days=60),
        selection_method="documents",
        **words,
    )
    _reindex(call)
    evaluators = PUBLIC | {"evaluator", "evaluator_conflicted"}
    partner = Partner.objects.filter(memberships__user__username="partner").first()
    draft = services.application_save_draft(
        actor=None,
        call=open_call,
        partner=partner,
        proposal=s.new("Application(draft).proposal", evaluators),
        plan=s.new("Application(draft).plan", evaluators),
        budget_amount=1000,
        budget_notes=s.new("Application(draft).budget_notes", evaluators),
    )
    _reindex(draft)
    conflict = ConflictDeclaration.objects.get(
        has_conflict=True, assignment__evaluator__username="evaluator2"
    )
    conflicted = PUBLIC | {"evaluator_conflicted"}
    s.put(conflict.application, ["proposal", "plan", "budget_notes"], conflicted)
    s.put(conflict, ["note"], PUBLIC | {"evaluator"})
    score = Score.objects.filter(application=conflict.application).exclude(
        assignment=conflict.assignment
    )[0]
    s.put(score, ["comment"], conflicted)
    rejected = Application.objects.filter(status="not_selected")[0]
    s.put(rejected, ["proposal", "plan"])
    s.put(Grant.objects.first(), ["review_notes"], PUBLIC | {"evaluator", "evaluator_conflicted"})


def _plant_portal(s: Sentinels) -> None:
    from kyodo.portal import services
    from kyodo.portal.models import Event, News

    events = list(Event.objects.order_by("pk"))
    s.put(events[0], ["internal_note"])
    services.event_withdraw(actor=None, event=events[1], reason=s.new("Event.withdrawal_reason"))
    s.put(events[1], ["description"])
    draft = events[2]
    draft.pk = uuid.uuid4()
    draft._state.adding = True
    draft.publish_on = None
    s.put(draft, ["title", "description", "place_name"])
    news = list(News.objects.order_by("pk"))
    s.put(news[0], ["internal_note"])
    draft_news = news[1]
    draft_news.pk = uuid.uuid4()
    draft_news._state.adding = True
    draft_news.publish_on = None
    s.put(draft_news, ["title", "body"])


def _plant_cycles(s: Sentinels) -> None:
    from kyodo.cycles.models import ActivityRecord, Evaluation, Incident, VerificationAnswer

    outside = PUBLIC | {"evaluator", "evaluator_conflicted"}
    for model, fields in (
        (Incident, ["what_happened", "impact", "cause", "countermeasure"]),
        (ActivityRecord, ["description"]),
        (Evaluation, ["attendees", "to_improve"]),
        (VerificationAnswer, ["comment"]),
    ):
        obj = model.objects.first()
        if obj:
            s.put(obj, fields, outside)


# --------------------------------------------------------------------------------- the URLs

PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")


def _regex_template(regex: str) -> str:
    text = regex.lstrip("^").rstrip("$")
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", text)
    count = iter(range(100))
    return re.sub(r"\([^)]*\)", lambda _m: f"<_g{next(count)}>", text)


def url_patterns():
    """(template, callback) for every pattern: '<uuid:pk>' style keywords, regexes converted."""

    def walk(resolver, prefix):
        for p in resolver.url_patterns:
            piece = str(p.pattern)
            if type(p.pattern).__name__ == "RegexPattern":
                piece = _regex_template(piece)
            if isinstance(p, URLResolver):
                yield from walk(p, prefix + piece)
            elif isinstance(p, URLPattern):
                yield prefix + piece, p.callback

    return list(walk(get_resolver(), "/"))


def _sample(qs, limit):
    """Up to `limit` objects, one of each status first when the model has one."""
    names = {f.name for f in qs.model._meta.get_fields()}
    chosen, seen = [], set()
    if "status" in names:
        for obj in qs.order_by("status", "pk"):
            if obj.status not in seen:
                seen.add(obj.status)
                chosen.append(obj)
    for obj in qs.order_by("pk")[: limit * 2]:
        if obj not in chosen:
            chosen.append(obj)
    return chosen[:limit]


def _models():
    from django.apps import apps

    return apps.get_model


def _object_kind(template: str, callback, keyword: str):
    """The model a keyword stands for: from the view's parameter name, else the URL."""
    import inspect

    get = _models()
    names = {
        "partner": "partners.Partner",
        "project": "projects.Project",
        "cycle": "cycles.Cycle",
        "call": "calls.Call",
        "application": "calls.Application",
        "attachment": "calls.Attachment",
        "assignment": "calls.EvaluatorAssignment",
        "grant": "calls.Grant",
        "incident": "cycles.Incident",
        "latest": "cycles.Cycle",
        "file": "cycles.Cycle",
        "import_id": "partners.PartnerImport",
        "key": "guideline.Checklist",
        "project_id": "projects.Project",
        "call_id": "calls.Call",
        "event_id": "portal.Event",
        "news_id": "portal.News",
        "partner_id": "partners.Partner",
        "project_pk": "projects.Project",
        "application_id": "calls.Application",
    }
    try:
        params = list(inspect.signature(inspect.unwrap(callback)).parameters)
    except (TypeError, ValueError):
        params = []
    by_param = params[1] if len(params) > 1 and keyword in ("pk", "partner_id") else keyword
    for segment, label in (("events", "portal.Event"), ("news", "portal.News")):
        if f"/{segment}/" in template and keyword == "pk" and template.startswith("/portal/"):
            return get(label)
    if template.startswith("/portal/projects/"):
        return get("projects.Project")
    if template.startswith("/portal/partners/"):
        return get("partners.Partner")
    label = names.get(by_param) or names.get(keyword)
    return get(label) if label else None


def _admin_object(template):
    match = re.match(r"/django-admin/(\w+)/(\w+)/", template)
    if not match:
        return None
    try:
        return _models()(match.group(1), match.group(2))
    except LookupError:
        return None


# Patterns whose keywords name objects that belong together: (keyword, URL prefix, [(model,
# {keyword: attribute path of the object, or "=constant"})]).
NESTED = [
    (
        "<membership_id>",
        "",
        [("partners.PartnerMembership", {"partner_id": "partner_id", "membership_id": "pk"})],
    ),
    (
        "<attachment_id>",
        "/partners/",
        [("partners.PartnerAttachment", {"partner_id": "partner_id", "attachment_id": "pk"})],
    ),
    (
        "<question_pk>",
        "",
        [("projects.CheckpointConfirmation", {"pk": "project_id", "question_pk": "question_id"})],
    ),
    (
        "<participation_pk>",
        "",
        [("projects.Participation", {"pk": "project_id", "participation_pk": "pk"})],
    ),
    (
        "<line_pk>",
        "/projects/",
        [
            ("projects.RoleLine", {"pk": "project_id", "kind": "=role", "line_pk": "pk"}),
            ("projects.CostLine", {"pk": "project_id", "kind": "=cost", "line_pk": "pk"}),
        ],
    ),
    ("<point_pk>", "", [("projects.AgreedPoint", {"pk": "project_id", "point_pk": "pk"})]),
    (
        "<number>",
        "",
        [
            (
                "projects.AgreementDocument",
                {"pk": "agreement.project_id", "number": "number", "fmt": f"={fmt}"},
            )
            for fmt in ("docx", "pdf", "exe")
        ],
    ),
    ("<incident_pk>", "", [("cycles.Incident", {"project_pk": "project_id", "incident_pk": "pk"})]),
    (
        "<line_pk>",
        "/cycles/",
        [
            (f"cycles.{label}", {"pk": "cycle_id", "kind": f"={kind}", "line_pk": "pk"})
            for kind, label in (
                ("indicator", "Indicator"),
                ("schedule", "ScheduleItem"),
                ("budget", "BudgetLine"),
            )
        ],
    ),
    (
        "<attachment_pk>",
        "",
        [("cycles.Attachment", {"pk": "record.cycle_id", "attachment_pk": "pk"})],
    ),
    (
        "<side>",
        "",
        [
            ("cycles.Cycle", {"pk": "pk", "side": f"={side}"})
            for side in ("city", "partner", "nobody")
        ],
    ),
    (
        "<item_id>",
        "",
        [
            ("partners.PartnerType", {"kind": "=type", "item_id": "pk"}),
            ("partners.ActivityField", {"kind": "=field", "item_id": "pk"}),
        ],
    ),
]


def _value(obj, path):
    if path.startswith("="):
        return path[1:]
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


def _nested(template):
    """Keyword values that belong together, or None when the pattern is not one of those."""
    if "<application_id>" in template and "<pk>" in template:
        return _evaluation_pairs()
    if "<uidb64>" in template:
        return _password_links()
    for keyword, prefix, sources in NESTED:
        if keyword in template and template.startswith(prefix):
            each = max(1, GET_VARIANTS // len(sources))
            return [
                {key: _value(obj, path) for key, path in paths.items()}
                for label, paths in sources
                for obj in _sample(_models()(label).objects.all(), each)
            ]
    return None


def _evaluation_pairs():
    """Each assignment with each application of its call, declared conflicts first."""
    from kyodo.calls.models import ConflictDeclaration, EvaluatorAssignment

    conflicts = ConflictDeclaration.objects.filter(has_conflict=True)
    rows = [{"pk": c.assignment_id, "application_id": c.application_id} for c in conflicts]
    for assignment in EvaluatorAssignment.objects.order_by("pk"):
        for application in assignment.call.applications.order_by("pk"):
            row = {"pk": assignment.pk, "application_id": application.pk}
            if row not in rows:
                rows.append(row)
    return rows


def _password_links():
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = get_user_model().objects.get(username="partner")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return [
        {"uidb64": uid, "token": default_token_generator.make_token(user)},
        {"uidb64": "MTIz", "token": "bad-token"},
    ]


def _pk(obj):
    return obj.pk


def url_variants(template, callback, limit):
    """Concrete URLs for one pattern: real objects of the right kind, then an unknown UUID."""
    keywords = PARAM.findall(template)
    if not keywords:
        return [template]
    values = _nested(template)
    if values is None:
        values = _single(template, callback, keywords)
    values = [*values[:limit], _unknown(keywords)]
    return [_fill(template, v) for v in values]


def _single(template, callback, keywords):
    fixed = {"app_label": "partners", "url": "probe-missing/", "rest": "probe-missing"}
    variable = [name for _conv, name in keywords if name not in fixed and not name.startswith("_g")]
    base = {name: fixed.get(name, uuid.uuid4()) for _conv, name in keywords}
    if template.startswith("/django-admin/") and "<_g0>" in template:
        variable = ["_g0"]  # simple_history's history_form_view: object, then history row
    if not variable:
        return [base]
    model = _admin_object(template) if template.startswith("/django-admin/") else None
    model = model or _object_kind(template, callback, variable[0])
    if model is None:
        return [base]
    admin = template.startswith("/django-admin/")
    field = "key" if model._meta.label == "guideline.Checklist" and not admin else "pk"
    rows = []
    for obj in _sample(model.objects.all(), GET_VARIANTS):
        row = {**base, variable[0]: getattr(obj, field)}
        if admin and "<_g1>" in template and hasattr(obj, "history"):
            history_id = obj.history.values_list("history_id", flat=True).first()
            if history_id is None:
                continue
            row.update(_g0=obj.pk, _g1=history_id)
        rows.append(row)
    return rows or [base]


def _unknown(keywords):
    return {
        name: ("probe-missing" if conv in ("str", "slug", "path") else uuid.uuid4())
        for conv, name in keywords
    }


def _fill(template, values):
    def sub(match):
        value = values.get(match.group(2), uuid.uuid4())
        return quote(str(value), safe="/")

    return PARAM.sub(sub, template)


# --------------------------------------------------------------------------------- requests


class Result:
    __slots__ = ("body", "content_type", "error", "location", "status")

    def __init__(self, status, body=b"", location="", content_type="", error=None):
        self.status, self.body, self.location = status, body, location
        self.content_type, self.error = content_type, error


class Browser:
    """One logged-in test client per persona (and one enforcing CSRF), cookies reset per request."""

    def __init__(self):
        users = get_user_model().objects
        self.clients, self.sessions = {}, {}
        for persona, username in PERSONAS.items():
            for csrf in (False, True):
                client = Client(enforce_csrf_checks=csrf)
                if username:
                    client.force_login(users.get(username=username))
                self.clients[persona, csrf] = client
                self.sessions[persona, csrf] = http.cookies.SimpleCookie(client.cookies)
        self.requests = Counter()

    def _one(self, persona, method, url, data, csrf):
        client = self.clients[persona, csrf]
        client.cookies = http.cookies.SimpleCookie(self.sessions[persona, csrf])
        self.requests[method] += 1
        try:
            if method == "GET":
                response = client.get(url)
            else:
                response = client.post(
                    url, data=data, content_type="application/x-www-form-urlencoded"
                )
        except Exception:
            return Result(500, error=traceback.format_exc())
        # (The client has closed the response: closing it again would close the connection.)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return Result(
            response.status_code,
            body,
            response.get("Location", ""),
            response.get("Content-Type", ""),
        )

    def run(self, persona, method, url, data=b"", csrf=False, then=()):
        """The request, and the GETs `then` (persona, url) made after it, all rolled back."""
        with transaction.atomic():
            results = [self._one(persona, method, url, data, csrf)]
            for other, follow in then:
                if callable(follow):
                    follow = follow(results[0])
                if follow:
                    results.append(self._one(other, "GET", follow, b"", False))
            transaction.set_rollback(True)
        return results


def refused(result: Result) -> bool:
    """Forbidden, not found, or sent to log in."""
    if result.status in (401, 403, 404, 405):
        return True
    return 300 <= result.status < 400 and "/accounts/login/" in result.location


# --------------------------------------------------------------------------------- the forms


class FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "method": a.get("method", "get").lower(),
                "action": a.get("action", ""),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input":
            self._form["fields"].append(("input", a.get("type", "text").lower(), a))
        elif tag == "textarea":
            self._textarea = [a, ""]
        elif tag == "select":
            self._select = [a, []]
        elif tag == "option" and self._select is not None:
            self._select[1].append(a)
        elif tag == "button" and a.get("name"):
            self._form["fields"].append(("button", a.get("type", "submit"), a))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            attrs, text = self._textarea
            self._form["fields"].append(("textarea", "textarea", {**attrs, "value": text}))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            self._form["fields"].append(("select", "select", self._select))
            self._select = None


TEXT_TYPES = {"text", "search", "textarea", "password", "tel"}
TYPED = {
    "date": "2027-01-15",
    "datetime-local": "2027-01-15T10:00",
    "time": "10:00",
    "number": "1",
    "email": "probe@example.jp",
    "url": "https://example.jp/",
}


def form_fields(form, hostile):
    """(name, value) pairs: hostile text in text fields, the rest as the page gave them."""
    pairs, buttons, radios = [], [], set()
    text_fields = 0
    for kind, typ, a in form["fields"]:
        if kind == "select":
            attrs, options = a
            chosen = [o for o in options if "selected" in o] or [
                o for o in options if o.get("value")
            ][:1]
            pairs += [(attrs.get("name", ""), o.get("value", "")) for o in chosen]
            continue
        name = a.get("name")
        if not name or typ in ("file", "submit", "reset", "image"):
            continue
        if kind == "button":
            buttons.append((name, a.get("value", "")))
        elif typ in TEXT_TYPES:
            pairs.append((name, hostile))
            text_fields += 1
        elif typ in TYPED:
            pairs.append((name, a.get("value") or TYPED[typ]))
        elif typ in ("checkbox", "radio"):
            if "checked" in a or (typ == "radio" and name not in radios):
                radios.add(name)
                pairs.append((name, a.get("value", "on")))
        else:
            pairs.append((name, a.get("value", "")))
    return pairs + buttons[:1], text_fields


def encode(pairs) -> bytes:
    parts = []
    for name, value in pairs:
        encoded = quote(value.replace(SURROGATE, "\x00SURR\x00"), safe="").replace(
            "%00SURR%00", "%ED%A0%80"
        )
        parts.append(f"{quote(name, safe='')}={encoded}")
    return "&".join(parts).encode("ascii")


# --------------------------------------------------------------------------------- the probes


class Probe:
    def __init__(self, browser, sentinels):
        self.b, self.s = browser, sentinels
        self.statuses = {
            "GET": Counter(),
            "POST": Counter(),
            "POST (CSRF)": Counter(),
            "hostile": Counter(),
        }
        self.errors, self.leaks, self.accepted = [], [], []
        self.get_status, self.get_location, self.forms, self.public_urls = {}, {}, {}, set()
        self.by_template = defaultdict(list)
        self.forbidden_posts = 0

    def error(self, what, persona, url, result, data=None):
        self.errors.append((what, persona, url, data, result.error or f"status {result.status}"))

    def scan(self, persona, url, result):
        text = result.body.decode("utf-8", "replace").lower()
        if "zqprobe" not in text:
            return
        if url.startswith("/portal/search/"):
            return  # the query is echoed; the search is judged by its results
        for word, (where, hidden) in self.s.words.items():
            if persona in hidden and word in text:
                self.leaks.append((persona, url, word, where))

    def gets(self, patterns):
        for template, callback in patterns:
            for url in url_variants(template, callback, GET_VARIANTS):
                self.by_template[template].append(url)
                for persona in PERSONAS:
                    result = self.b.run(persona, "GET", url)[0]
                    self.statuses["GET"][result.status] += 1
                    self.get_status[persona, url] = result.status
                    self.get_location[persona, url] = result.location
                    if result.status >= 500:
                        self.error("GET", persona, url, result)
                    self.scan(persona, url, result)
                    if result.status == 200 and "html" in result.content_type:
                        self._keep_forms(persona, template, url, result)
                    if persona == "anonymous" and result.status == 200:
                        self.public_urls.add(url)

    def _keep_forms(self, persona, template, url, result):
        parser = FormParser()
        parser.feed(result.body.decode("utf-8", "replace"))
        for form in parser.forms:
            action = urljoin(url, form["action"]) if form["action"] else url
            if "/logout/" in action or "/i18n/" in action:
                continue
            names = tuple(
                sorted(a.get("name", "") for _k, _t, a in form["fields"] if isinstance(a, dict))
            )
            key = (template, urlsplit(action).path.replace(url, "<page>"), names, form["method"])
            self.forms.setdefault(key, (persona, url, action, form))

    def posts(self):
        for template, urls in self.by_template.items():
            for url in urls[:POST_VARIANTS] + urls[-1:]:
                for persona in PERSONAS:
                    self._post(persona, template, url)

    def _post(self, persona, template, url):
        guarded = self.b.run(persona, "POST", url, csrf=True)[0]
        self.statuses["POST (CSRF)"][guarded.status] += 1
        if guarded.status >= 500:
            self.error("POST (CSRF)", persona, url, guarded)
        result = self.b.run(persona, "POST", url)[0]
        self.statuses["POST"][result.status] += 1
        if result.status >= 500:
            self.error("POST", persona, url, result)
        if self._could_not_get(persona, url):
            self.forbidden_posts += 1
            if 200 <= result.status < 400 and not refused(result):
                self.accepted.append((persona, url, result.status, result.location))

    def _could_not_get(self, persona, url):
        """The GET of the page refused, or (POST-only address) of the page it belongs to.

        A GET answered 405 says nothing about permission: the parent address decides then.
        """
        path = url
        while path.count("/") > 1:
            status = self.get_status.get((persona, path))
            if status is not None and status != 405:
                return refused(Result(status, location=self.get_location[persona, path]))
            path = path.rstrip("/").rsplit("/", 1)[0] + "/"
        return False

    def search(self):
        baseline = self._hits(self.b.run("anonymous", "GET", "/portal/search/?q=zzqqnomatch")[0])
        for word, (where, _hidden) in self.s.words.items():
            url = f"/portal/search/?q={word}"
            for persona in ("anonymous", "outsider"):
                result = self.b.run(persona, "GET", url)[0]
                self.statuses["GET"][result.status] += 1
                if result.status >= 500:
                    self.error("search", persona, url, result)
                if self._hits(result) - baseline:
                    self.leaks.append((persona, url, word, where + " (search result)"))

    @staticmethod
    def _hits(result):
        text = result.body.decode("utf-8", "replace")
        return set(
            re.findall(r'href="(/(?:portal|calls)/[\w/-]*[0-9a-f]{8}-[0-9a-f-]{27}[\w/.-]*)"', text)
        )

    def hostile(self):
        for (_template, _action, _names, method), (
            persona,
            url,
            action,
            form,
        ) in self.forms.items():
            _pairs, text_fields = form_fields(form, "x")
            if not text_fields:
                continue
            for value in HOSTILE:
                self._hostile_one(persona, url, action, method, form, value)

    def _hostile_one(self, persona, url, action, method, form, value):
        pairs, _n = form_fields(form, value)
        body = encode(pairs)
        then = [(persona, lambda r: r.location if 300 <= r.status < 400 else None)]
        then += [(p, sink) for p, sink in sinks(action)]
        if method == "post":
            results = self.b.run(persona, "POST", action, data=body, then=then)
        else:
            results = self.b.run(
                persona, "GET", f"{urlsplit(action).path}?{body.decode()}", then=then[:1]
            )
        self.statuses["hostile"][results[0].status] += 1
        for result in results:
            if result.status >= 500:
                self.error(
                    f"hostile {method.upper()} {action}", persona, url, result, repr(value)[:80]
                )


def sinks(action):
    """Where a saved text is read back by everyone: feeds, open data, exports, the API."""
    path = urlsplit(action).path
    if path.startswith("/portal/manage/"):
        urls = ["/portal/news/feed.atom", "/portal/events.ics", "/portal/opendata/events.csv"]
        return [
            ("anonymous", u)
            for u in [*urls, "/portal/opendata/events.json", "/api/events/", "/api/news/"]
        ]
    if path.startswith("/partners/"):
        return [
            ("coordinator", "/partners/export/?format=csv&scope=staff"),
            ("coordinator", "/partners/export/?scope=staff"),
            ("anonymous", "/api/partners/"),
        ]
    if path.startswith("/projects/") or path.startswith("/cycles/"):
        return [("anonymous", "/api/projects/"), ("anonymous", "/portal/projects/")]
    if path.startswith("/calls/"):
        return [("anonymous", "/api/calls/")]
    return []


# --------------------------------------------------------------------------------- report


def report(probe, timings, patterns):
    print()
    print(
        f"URL patterns: {len(patterns)}, personas: {len(PERSONAS)}, sentinels: {len(probe.s.words)}"
    )
    print(f"{'probe':<28}{'requests':>10}  statuses")
    for name, counter in probe.statuses.items():
        spread = ", ".join(f"{k}: {v}" for k, v in sorted(counter.items()))
        print(f"{name:<28}{sum(counter.values()):>10}  {spread}")
    print(f"{'hostile forms':<28}{len({k for k in probe.forms}):>10}  (x {len(HOSTILE)} strings)")
    print(f"{'server errors (500)':<28}{len(probe.errors):>10}")
    print(f"{'sentinel leaks':<28}{len(probe.leaks):>10}")
    print(
        f"{'forbidden POSTs accepted':<28}{len(probe.accepted):>10}  of {probe.forbidden_posts} "
        "POSTs (CSRF off) where the GET of the page was refused"
    )
    print("timing: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
    groups = defaultdict(list)
    for what, persona, url, data, error in probe.errors:
        groups[what, re.sub(r"[0-9a-f]{8}-[0-9a-f-]{27}", "<id>", url)].append(
            (persona, url, data, error)
        )
    with ERRORS.open("w") as out:
        for (what, shape), cases in sorted(groups.items()):
            last = cases[0][3].strip().splitlines()[-1]
            personas = sorted({c[0] for c in cases})
            print(f"500 x{len(cases)} {what} {shape} as {', '.join(personas)}: {last[:160]}")
            for persona, url, data, error in cases:
                out.write(f"=== {what} as {persona}: {url} {data or ''}\n{error}\n")
    if probe.errors:
        print(f"(every 500 with its traceback: {ERRORS})")
    for persona, url, word, where in probe.leaks[:50]:
        print(f"LEAK to {persona}: {word} ({where}) at {url}")
    for persona, url, status, location in probe.accepted[:50]:
        print(f"ACCEPTED POST as {persona}: {url} -> {status} {location}")


def main() -> int:
    timings = {}
    start = time.monotonic()
    build_database()
    sentinels = Sentinels()
    plant(sentinels)
    timings["setup"] = time.monotonic() - start
    patterns = url_patterns()
    probe = Probe(Browser(), sentinels)
    for name, step in (
        ("GETs", lambda: probe.gets(patterns)),
        ("search", probe.search),
        ("POSTs", probe.posts),
        ("hostile", probe.hostile),
    ):
        began = time.monotonic()
        step()
        timings[name] = time.monotonic() - began
        print(f"{name}: {timings[name]:.1f} s", file=sys.stderr, flush=True)
    timings["total"] = time.monotonic() - start
    report(probe, timings, patterns)
    return 1 if probe.errors or probe.leaks or probe.accepted else 0


if __name__ == "__main__":
    sys.exit(main())
