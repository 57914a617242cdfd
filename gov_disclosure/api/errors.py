"""The API's errors: a status, a code a program can test, and a message a person can read.

Every error has the same JSON shape::

    {"error": {"code": "invalid_parameters", "message": "…",
               "parameters": [{"name": "year", "message": "…"}]}}

Messages are in the language the client asks for (``Accept-Language``); pydantic's own English
messages are replaced by translated ones chosen by the kind of error.
"""

from __future__ import annotations

import re

from django.http import HttpResponse
from django.utils.translation import gettext as _

from .serialize import dumps

CONTENT_TYPE = "application/json; charset=utf-8"


def error_response(status: int, code: str, message, parameters=None, headers=None):
    body = {"code": code, "message": str(message)}
    if parameters:
        body["parameters"] = [
            {"name": name, "message": str(text)} for name, text in parameters.items()
        ]
    response = HttpResponse(dumps({"error": body}), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


def invalid_parameters(parameters: dict):
    return error_response(
        400,
        "invalid_parameters",
        _("Some parameters are not valid; nothing was looked up."),
        parameters,
    )


def not_found():
    return error_response(404, "not_found", _("There is no such item, or it is not public."))


def too_many_requests(window: int):
    return error_response(
        429,
        "too_many_requests",
        _("Too many requests from your address. Please wait %(seconds)d seconds.")
        % {"seconds": window},
        headers={"Retry-After": str(window)},
    )


def parameter_message(error: dict) -> str:
    """A translated message for one pydantic error about a query parameter."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return _("Must be a whole number.")
    if kind in {"greater_than_equal", "greater_than"}:
        return _("Must be at least %(limit)s.") % {"limit": context.get("ge", context.get("gt"))}
    if kind in {"less_than_equal", "less_than"}:
        return _("Must be at most %(limit)s.") % {"limit": context.get("le", context.get("lt"))}
    if kind == "string_too_long":
        return _("Must be at most %(limit)s characters.") % {"limit": context.get("max_length")}
    if kind == "literal_error":
        # pydantic's "'a', 'b' or 'c'": keep the values, not the English.
        values = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return _("Must be one of: %(choices)s.") % {"choices": ", ".join(values)}
    if kind.startswith("datetime") or kind.startswith("date") or kind.startswith("timezone"):
        return _("Must be a date and time such as 2026-01-01T00:00:00+08:00.")
    if kind in {"string_type", "missing"}:
        return _("Give this parameter once, with a value.")
    return _("This value is not valid.")
