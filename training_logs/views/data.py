"""HTML views: the Settings page's Import and export section, an import's page
(progress, refusals, the confirmation of exercise names) and the two exports.

``coach`` serves the Settings page and loads this section into it with htmx;
without htmx the section is a page of its own. Thin views: forms validate,
``training_logs.services`` writes, ``training_logs.portability.exports`` streams.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from coach.models import AthleteSettings
from training_logs import selectors, services
from training_logs.forms import ImportMappingForm, ImportUploadForm
from training_logs.models import ImportStatus
from training_logs.portability import exports

TEMPLATE = "training_logs/data.html"
RECENT_IMPORTS = 5


def _upload_form(user, data=None, files=None) -> ImportUploadForm:
    return ImportUploadForm(
        data, files, initial={"unit": AthleteSettings.for_user(user).units}
    )


def _section(request: HttpRequest, form: ImportUploadForm, status: int = 200):
    context = {
        "form": form,
        "imports": list(selectors.import_job_list(user=request.user)[:RECENT_IMPORTS]),
    }
    if request.htmx:
        return render(request, f"{TEMPLATE}#data-section", context, status=status)
    return render(request, TEMPLATE, context, status=status)


@login_required
@require_GET
@vary_on_headers("HX-Request")
def data_section(request: HttpRequest) -> HttpResponse:
    """The Import and export section: upload a Strong or Hevy export, the last
    imports, the two export links."""
    return _section(request, _upload_form(request.user))


@login_required
@require_POST
def import_create(request: HttpRequest) -> HttpResponse:
    """Upload a file (``import_job_create``), then go to the import's page; a
    refused file comes back on the form with its line-numbered problems."""
    form = _upload_form(request.user, request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.import_job_create(
                user=request.user,
                filename=upload.name,
                data=upload.read(),
                unit=form.cleaned_data["unit"],
            )
        except ValidationError as exc:
            form.add_service_errors(exc)
        else:
            return redirect(job)
    return _section(request, form, status=400)


def _detail_context(job, form=None) -> dict:
    if form is None and job.status == ImportStatus.NEEDS_MAPPING:
        form = ImportMappingForm(job=job)
    return {"job": job, "form": form}


@login_required
@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    """An import: the confirmation of unmatched names (POST: ``import_job_map``),
    progress while the worker runs (htmx polls the progress partial), then the
    counts, or why it failed."""
    job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
    if request.method == "POST":
        form = ImportMappingForm(request.POST, job=job)
        if form.is_valid():
            try:
                services.import_job_map(job=job, mapping=form.mapping())
            except ValidationError as exc:
                form.add_service_errors(exc)
            else:
                messages.success(request, "Thanks: importing now.")
                return redirect(job)
        return render(
            request,
            "training_logs/import_detail.html",
            _detail_context(job, form),
            status=400,
        )
    if request.htmx:
        return render(
            request, "training_logs/import_detail.html#progress", {"job": job}
        )
    return render(request, "training_logs/import_detail.html", _detail_context(job))


@login_required
@require_POST
def import_retry(request: HttpRequest, job_id: int) -> HttpResponse:
    """Run a failed import again (``import_job_retry``)."""
    job = selectors.import_job_get_for_user(user=request.user, job_id=job_id)
    try:
        services.import_job_retry(job=job)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.info(request, "Running the import again.")
    return redirect(job)


def _stamp() -> str:
    return timezone.now().strftime("%Y%m%d")


def workouts_csv_response(user) -> StreamingHttpResponse:
    """The CSV export as a streamed download (shared with the API)."""
    unit = AthleteSettings.for_user(user).units
    response = StreamingHttpResponse(
        exports.workouts_csv(user=user, unit=unit),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="alloy-workouts-{_stamp()}-{unit.lower()}.csv"'
    )
    return response


def account_json_response(user) -> StreamingHttpResponse:
    """The JSON export as a streamed download (shared with the API)."""
    response = StreamingHttpResponse(
        exports.account_json(user=user), content_type="application/json"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="alloy-export-{_stamp()}.json"'
    )
    return response


@login_required
@require_GET
def export_workouts_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Workouts and sets in Strong's CSV layout."""
    return workouts_csv_response(request.user)


@login_required
@require_GET
def export_account_json(request: HttpRequest) -> StreamingHttpResponse:
    """Everything the athlete owns, as JSON."""
    return account_json_response(request.user)
