"""factory_boy factories for disclosure on application (gov_disclosure.applications)."""

import datetime

import factory
from django.utils import timezone

from gov_disclosure.applications.models import (
    ApplicationPage,
    Channel,
    Consultation,
    InformationRequest,
)

from .factories import PageFactory

D = datetime.date
# Valid 18-digit resident identity numbers (checksums right) and credit codes for fixtures.
RESIDENT_IDS = ("11010519491231002X", "110101199003071233", "440305198807151210")
CREDIT_CODE = "91350100M000100Y43"


def at_noon(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


class ApplicationPageFactory(PageFactory):
    class Meta:
        model = ApplicationPage

    title = "依申请公开"
    slug = factory.Sequence(lambda n: f"ysqgk-{n}")


class InformationRequestFactory(factory.django.DjangoModelFactory):
    """A request received in person on ``received_on`` (default 2025-03-03), from a person."""

    class Meta:
        model = InformationRequest

    tracking_number = factory.Sequence(lambda n: f"YSQ-T{n:06d}")
    channel = Channel.IN_PERSON
    received_on = D(2025, 3, 3)
    submitted_at = factory.LazyAttribute(lambda o: at_noon(o.received_on or D(2025, 3, 3)))
    applicant_type = "person"
    name = "王建国"
    id_type = "resident_id"
    id_number = RESIDENT_IDS[0]
    phone = "13912345678"
    address = "示范县人民路 18 号"
    description = "申请公开本县 2024 年城区道路改造工程的招标文件及中标结果。"

    @classmethod
    def _create(cls, model_class, *args, consultations=(), **kwargs):
        request = model_class(*args, **kwargs)
        request.consultations = [
            Consultation(sort_order=n, **item) for n, item in enumerate(consultations)
        ]
        request.full_clean()
        request.save()
        return request


def organisation(**kwargs):
    """Keyword arguments for a request from an organisation of ``category``."""
    return {
        "applicant_type": "organisation",
        "organisation_category": kwargs.pop("category", "commercial"),
        "organisation_code": CREDIT_CODE,
        "id_type": "",
        "id_number": "",
        "name": "示范市某某建材有限公司",
        **kwargs,
    }
