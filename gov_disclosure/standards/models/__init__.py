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
from .topic import StandardsTopicPage

__all__ = [
    "Audience",
    "Catalogue",
    "CatalogueItem",
    "CatalogueItemLink",
    "CatalogueScope",
    "Method",
    "PageCatalogueItem",
    "StandardDomain",
    "StandardsTopicPage",
    "guess_update_interval",
]
