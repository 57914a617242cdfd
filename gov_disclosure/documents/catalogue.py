"""The catalogue of valid documents as HTML, CSV and XLSX (filled in by the catalogue work)."""


def serve_catalogue(page, request, serve, *args, **kwargs):
    return serve(request, *args, **kwargs)
