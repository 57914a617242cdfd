"""The document library's filters and listing (filled in by the library work)."""


def library_context(page, request):
    return {}
