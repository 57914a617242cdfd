from .index import ProjectIndexPage
from .projects import LifecycleRecord, ProjectPage, ProjectPhoto, TenderMethod
from .types import ProjectType

__all__ = [
    "LifecycleRecord",
    "ProjectIndexPage",
    "ProjectPage",
    "ProjectPhoto",
    "ProjectType",
    "TenderMethod",
]
