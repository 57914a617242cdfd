"""Turning rows into open data: one path for the API, the exports and the feeds."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder


def serialize(spec, schema, rows, request, private_q=None) -> list[dict]:
    """``rows`` as plain dicts in the shape of ``schema`` (JSON types: strings, numbers…).

    The pages the rows point at (a document an interpretation explains…) are looked up once for
    all rows, so that a hidden page is never named and the query count does not grow.
    """
    context = {
        "request": request,
        "public_references": spec.public_references(rows, private_q),
    }
    return [schema.model_validate(row, context=context).model_dump(mode="json") for row in rows]


def dumps(data) -> str:
    """Compact JSON with Chinese left readable (not ``\\uXXXX``)."""
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
