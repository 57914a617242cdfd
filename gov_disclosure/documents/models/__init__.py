from .cleanup import CleanupBatch, CleanupDecision, CleanupResultPage
from .documents import (
    DocumentAttachment,
    DocumentPage,
    DocumentType,
    IndexNumberSequence,
    NormativeDocumentMixin,
)
from .interpretations import InterpretationPage, InterpretationType
from .library import DocumentLibraryPage, ValidDocumentsCataloguePage
from .validity import Validity, ValidityChange

__all__ = [
    "CleanupBatch",
    "CleanupDecision",
    "CleanupResultPage",
    "DocumentAttachment",
    "DocumentLibraryPage",
    "DocumentPage",
    "DocumentType",
    "IndexNumberSequence",
    "InterpretationPage",
    "InterpretationType",
    "NormativeDocumentMixin",
    "ValidDocumentsCataloguePage",
    "Validity",
    "ValidityChange",
]
