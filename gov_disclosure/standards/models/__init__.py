from .catalogue import (
    Audience,
    Catalogue,
    CatalogueItem,
    CatalogueItemLink,
    CatalogueScope,
    Method,
    PageCatalogueItem,
    StandardDomain,
    guess_update_interval,
)
from .catalogue_page import DisclosureCataloguePage
from .guide import DisclosureGuidePage
from .topic import StandardsTopicPage

__all__ = [
    "Audience",
    "Catalogue",
    "CatalogueItem",
    "CatalogueItemLink",
    "CatalogueScope",
    "DisclosureCataloguePage",
    "DisclosureGuidePage",
    "Method",
    "PageCatalogueItem",
    "StandardDomain",
    "StandardsTopicPage",
    "guess_update_interval",
]
