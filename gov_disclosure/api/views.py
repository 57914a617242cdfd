"""The read-only JSON API (``/api/v1/``), built with django-ninja from the content registry.

Each registered kind with an ``OpenData`` description gets a list (filters, keyset pagination)
and a detail endpoint; the agencies and theme categories the filters name get a list each. The
OpenAPI description (``openapi.json``) and its browsable page (``docs``) are generated from the
same schemas, so they cannot drift from what is served.

Every answer is public data only (``OpenData.queryset``: live, in a live and unrestricted
section, proactively disclosed, not an alias), is rate limited per address, carries an ETag
(``If-None-Match`` gets a 304) and may be cached for ``GOV_DISCLOSURE_API_MAX_AGE`` seconds.
"""

import functools
from typing import Annotated, Literal

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from pydantic import create_model

from gov_disclosure.models import Agency, ThemeCategory, hidden_sections_q
from gov_disclosure.opendata import ID_MAX, AgencyRef, CategoryRef, ParameterError
from gov_disclosure.public_forms import over_rate_limit
from gov_disclosure.registry import registry

from . import errors, exports, feeds, pagination
from .app_settings import app_settings
from .serialize import dumps, serialize

PAGING_PARAMETERS = {"cursor", "page_size"}


class ErrorDetail(Schema):
    code: str = Field(description="invalid_parameters, not_found or too_many_requests.")
    message: str = Field(description="What went wrong, in the language asked for.")
    parameters: list[dict[str, str]] | None = Field(
        None, description="For invalid_parameters: each bad parameter's name and message."
    )


class Error(Schema):
    error: ErrorDetail


ERRORS = {400: Error, 404: Error, 429: Error}


def paging_schema():
    """The pagination parameters, with the site's limits as they are when the API is built."""
    default, limit = app_settings.API_PAGE_SIZE, app_settings.API_MAX_PAGE_SIZE
    return create_model(
        "Paging",
        __base__=Schema,
        cursor=(
            str | None,
            Field(None, max_length=500, description="The `next` value of the previous page."),
        ),
        page_size=(
            int | None,
            Field(
                None,
                ge=1,
                le=limit,
                description=f"Items per page (default {default}, at most {limit}).",
            ),
        ),
    )


def json_response(request, data, *, last_modified=None):
    """A 200 answer with an ETag, or a 304 when the client already has it."""
    response = HttpResponse(dumps(data), content_type=errors.CONTENT_TYPE)
    response["Cache-Control"] = f"public, max-age={app_settings.API_MAX_AGE}"
    patch_vary_headers(response, ["Accept-Language"])
    set_response_etag(response)
    if last_modified is not None:
        from django.utils.http import http_date

        response["Last-Modified"] = http_date(last_modified.timestamp())
    conditional = get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    return conditional


def answer_language(request):
    """The language of the answer: the client's ``Accept-Language`` among the site's languages
    (the API's addresses carry no language prefix), else the site's default."""
    return translation.override(translation.get_language_from_request(request))


def open_data_view(view):
    """The rate limit and the language of every endpoint, around the endpoint's work."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        with answer_language(request):
            window = app_settings.API_RATE_WINDOW
            if over_rate_limit(request, "api", app_settings.API_RATE_LIMIT, window):
                return errors.too_many_requests(window)
            try:
                return view(request, *args, **kwargs)
            except ParameterError as error:
                return errors.invalid_parameters({error.parameter: error.message})
            except pagination.BadCursor:
                return errors.invalid_parameters(
                    {"cursor": _("This cursor is not valid here: start again from the first page.")}
                )

    return wrapped


def unknown_parameters(request, *schemas):
    allowed = set().union(*(schema.model_fields for schema in schemas))
    unknown = sorted(set(request.GET) - allowed)
    if not unknown:
        return None
    known = ", ".join(sorted(allowed))
    return errors.invalid_parameters(
        {
            name: _("Unknown parameter. Known parameters: %(known)s.") % {"known": known}
            for name in unknown
        }
    )


def page_size(paging):
    size = paging.page_size or app_settings.API_PAGE_SIZE
    if size > app_settings.API_MAX_PAGE_SIZE:
        raise ParameterError(
            "page_size",
            _("Must be at most %(limit)s.") % {"limit": app_settings.API_MAX_PAGE_SIZE},
        )
    return size


def filtered(spec, filters):
    """``(public rows matching the filters, the hidden sections' Q)``; raises
    ``ParameterError`` for a filter that names nothing."""
    private_q = hidden_sections_q()
    return spec.filter(spec.queryset(private_q), filters), private_q


def next_url(request, cursor):
    if cursor is None:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def add_kind(api, spec):
    """The list and detail endpoints of one kind."""
    Filters = spec.Filters
    ItemPage = create_model(
        f"{spec.Item.__name__}Page",
        __base__=Schema,
        results=(list[spec.Item], ...),
        next=(str | None, Field(description="Address of the next page; null on the last.")),
    )
    tag = spec.path
    Paging = paging_schema()

    @api.get(
        f"/{spec.path}/",
        response={200: ItemPage, **ERRORS},
        operation_id=f"list_{spec.path}",
        url_name=f"list_{spec.path}",
        summary=f"List {spec.path}",
        description=spec.description,
        tags=[tag],
    )
    @open_data_view
    def listing(request, filters: Query[Filters], paging: Query[Paging]):
        if answer := unknown_parameters(request, Filters, Paging):
            return answer
        size = page_size(paging)
        queryset, private_q = filtered(spec, filters)
        rows, cursor = pagination.page(
            spec.items(queryset),
            kind=spec.kind,
            date_field=spec.date_field,
            cursor=paging.cursor,
            size=size,
        )
        data = {
            "results": serialize(spec, spec.Item, rows, request, private_q),
            "next": next_url(request, cursor),
        }
        return json_response(request, data)

    @api.get(
        f"/{spec.path}/export.{{file_format}}",
        response={200: None, **ERRORS},
        operation_id=f"export_{spec.path}",
        url_name=f"export_{spec.path}",
        summary=f"Download all {spec.path} (CSV, XLSX or JSON Lines)",
        description=(
            "Every item the list would give, with the same filters, in one file: `csv` "
            "(UTF-8 with BOM, field names as header), `xlsx` (column labels in the language "
            "asked for) or `jsonl` (one list item per line). Streamed; no pagination."
        ),
        tags=[tag],
        openapi_extra={
            "responses": {
                "200": {
                    "description": "The file.",
                    "content": {
                        "text/csv": {"schema": {"type": "string"}},
                        exports.FORMATS["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
                        "application/x-ndjson": {"schema": {"type": "string"}},
                    },
                }
            }
        },
    )
    @open_data_view
    def export(request, file_format: Literal["csv", "xlsx", "jsonl"], filters: Query[Filters]):
        if answer := unknown_parameters(request, Filters):
            return answer
        queryset, private_q = filtered(spec, filters)
        return exports.WRITERS[file_format](spec, queryset, request, private_q)

    feed_content = {
        "200": {
            "description": "The feed.",
            "content": {
                "application/rss+xml": {"schema": {"type": "string"}},
                "application/atom+xml": {"schema": {"type": "string"}},
            },
        }
    }

    if spec.entry is not None and spec.entry.is_page:  # feeds are of pages

        @api.get(
            f"/{spec.path}/feed.{{feed_format}}",
            response={200: None, **ERRORS},
            operation_id=f"feed_{spec.path}",
            url_name=f"feed_{spec.path}",
            summary=f"Newest {spec.path} as RSS 2.0 or Atom",
            description="The 50 newest items of the list, with the same filters (e.g. a feed per "
            "agency: `?agency=3`).",
            tags=[tag],
            openapi_extra={"responses": feed_content},
        )
        @open_data_view
        def feed(request, feed_format: Literal["rss", "atom"], filters: Query[Filters]):
            if answer := unknown_parameters(request, Filters):
                return answer
            queryset, private_q = filtered(spec, filters)
            return feeds.items_feed(spec, queryset, request, feed_format)

    if spec.events_label is not None:

        @api.get(
            f"/{spec.path}/events.{{feed_format}}",
            response={200: None, **ERRORS},
            operation_id=f"events_{spec.path}",
            url_name=f"events_{spec.path}",
            summary=f"Events of {spec.path} (e.g. validity changes) as RSS 2.0 or Atom",
            description="The 50 newest events of the list's items, with the same filters.",
            tags=[tag],
            openapi_extra={"responses": feed_content},
        )
        @open_data_view
        def events(request, feed_format: Literal["rss", "atom"], filters: Query[Filters]):
            if answer := unknown_parameters(request, Filters):
                return answer
            queryset, private_q = filtered(spec, filters)
            return feeds.events_feed(spec, queryset, request, feed_format)

    @api.get(
        f"/{spec.path}/{{item_id}}/",
        response={200: spec.Detail, **ERRORS},
        operation_id=f"get_{spec.path}",
        url_name=f"get_{spec.path}",
        summary=f"One of the {spec.path}",
        tags=[tag],
    )
    @open_data_view
    def detail(request, item_id: Annotated[int, Path(ge=1, le=ID_MAX)]):
        if answer := unknown_parameters(request):
            return answer
        private_q = hidden_sections_q()
        row = spec.details(spec.queryset(private_q).filter(pk=item_id)).first()
        if row is None:
            return errors.not_found()
        data = serialize(spec, spec.Detail, [row], request, private_q)[0]
        return json_response(request, data, last_modified=getattr(row, "last_published_at", None))


class AgencyItem(AgencyRef):
    short_name: str
    parent_id: int | None
    language: str

    @staticmethod
    def resolve_language(agency):
        return agency.locale.language_code


class CategoryItem(CategoryRef):
    language: str

    @staticmethod
    def resolve_language(category):
        return category.locale.language_code


def add_records(api):
    """The agencies and theme categories, whose ids the filters take."""

    @api.get(
        "/agencies/",
        response={200: list[AgencyItem], **ERRORS},
        operation_id="list_agencies",
        summary="List the issuing agencies",
        tags=["records"],
    )
    @open_data_view
    def agencies(request):
        if answer := unknown_parameters(request):
            return answer
        rows = Agency.objects.select_related("locale").order_by("sort_order", "name", "pk")
        data = [AgencyItem.model_validate(row).model_dump(mode="json") for row in rows]
        return json_response(request, data)

    @api.get(
        "/categories/",
        response={200: list[CategoryItem], **ERRORS},
        operation_id="list_categories",
        summary="List the theme categories, in tree order",
        tags=["records"],
    )
    @open_data_view
    def categories(request):
        if answer := unknown_parameters(request):
            return answer
        rows = ThemeCategory.objects.select_related("locale").in_tree_order()
        data = [CategoryItem.model_validate(row).model_dump(mode="json") for row in rows]
        return json_response(request, data)


def on_validation_error(request, exc):
    with answer_language(request):
        parameters = {}
        for error in exc.errors:
            location = error.get("loc") or ("",)
            name = str(location[-1])
            parameters.setdefault(name, errors.parameter_message(error))
        return errors.invalid_parameters(parameters)


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="gov_disclosure open data",
        version="1",
        description=(
            "Read-only open data (可机读) of the disclosure portal: every item here is public. "
            "Lists are newest first and paginated by cursor: follow `next` until it is null. "
            "Errors have the shape {error: {code, message, parameters}}; messages follow "
            "Accept-Language. Answers carry an ETag: send it back as If-None-Match to get a "
            "304 when nothing changed."
        ),
        urls_namespace="gov_disclosure_api",
        docs_url="/docs/",
        openapi_url="/openapi.json",
    )
    api.add_exception_handler(ValidationError, on_validation_error)
    for spec in registry.open_data:
        add_kind(api, spec)
    add_records(api)
    return api
