from .letters import ReplyTemplate
from .pages import ApplicationPage
from .requests import (
    RECEIPT_RULE,
    ApplicantType,
    Channel,
    Consultation,
    Delivery,
    IdType,
    InformationForm,
    InformationRequest,
    OrganisationCategory,
    RequestFile,
    Status,
)

__all__ = [
    "RECEIPT_RULE",
    "ApplicantType",
    "ApplicationPage",
    "Channel",
    "Consultation",
    "Delivery",
    "IdType",
    "InformationForm",
    "InformationRequest",
    "OrganisationCategory",
    "ReplyTemplate",
    "RequestFile",
    "Status",
]
