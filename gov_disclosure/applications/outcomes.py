"""The outcomes of a request (办理结果), in the order and grouping of Table 3 of the national
annual report layout (2021), with the article of the Regulations each one usually rests on.

The codes are stored; the labels are translated. ``GROUPS`` gives the report's rows
（一）…（六）, each with its numbered reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Group:
    code: str
    label: str
    outcomes: tuple[str, ...]


class Outcome(models.TextChoices):
    DISCLOSED = "disclosed", _("Disclosed")
    PARTLY_DISCLOSED = "partly_disclosed", _("Partly disclosed")
    # 不予公开
    WITHHELD_STATE_SECRET = "withheld_state_secret", _("Not disclosed: state secret")
    WITHHELD_PROHIBITED = (
        "withheld_prohibited",
        _("Not disclosed: other laws and administrative regulations prohibit disclosure"),
    )
    WITHHELD_SECURITY = (
        "withheld_security",
        _("Not disclosed: would endanger the “three securities and one stability”"),
    )
    WITHHELD_THIRD_PARTY = (
        "withheld_third_party",
        _("Not disclosed: protects the lawful rights of a third party"),
    )
    WITHHELD_INTERNAL = "withheld_internal", _("Not disclosed: internal affairs information")
    WITHHELD_PROCESS = "withheld_process", _("Not disclosed: process information")
    WITHHELD_ENFORCEMENT = (
        "withheld_enforcement",
        _("Not disclosed: administrative enforcement case file"),
    )
    WITHHELD_ENQUIRY = "withheld_enquiry", _("Not disclosed: an administrative enquiry matter")
    # 无法提供
    UNAVAILABLE_NOT_HELD = "unavailable_not_held", _("Cannot be provided: not held by this agency")
    UNAVAILABLE_NEEDS_MAKING = (
        "unavailable_needs_making",
        _("Cannot be provided: no such information exists and it would have to be made"),
    )
    UNAVAILABLE_UNCLEAR = (
        "unavailable_unclear",
        _("Cannot be provided: the request is still unclear after clarification"),
    )
    # 不予处理
    NOT_HANDLED_PETITION = "not_handled_petition", _("Not handled: a petition, report or complaint")
    NOT_HANDLED_REPEATED = "not_handled_repeated", _("Not handled: a repeated request")
    NOT_HANDLED_PUBLICATION = (
        "not_handled_publication",
        _("Not handled: asks for a public publication"),
    )
    NOT_HANDLED_EXCESSIVE = (
        "not_handled_excessive",
        _("Not handled: numerous repeated requests without good reason"),
    )
    NOT_HANDLED_CONFIRMATION = (
        "not_handled_confirmation",
        _("Not handled: asks to confirm or re-issue information already obtained"),
    )
    # 其他处理
    OTHER_NOT_CLARIFIED = "other_not_clarified", _("Other: the applicant did not clarify in time")
    OTHER_FEE_UNPAID = "other_fee_unpaid", _("Other: the fee was not paid in time")
    OTHER = "other", _("Other handling")


GROUPS: tuple[Group, ...] = (
    Group("disclosed", _("(1) Disclosed"), (Outcome.DISCLOSED,)),
    Group("partly_disclosed", _("(2) Partly disclosed"), (Outcome.PARTLY_DISCLOSED,)),
    Group(
        "withheld",
        _("(3) Not disclosed"),
        (
            Outcome.WITHHELD_STATE_SECRET,
            Outcome.WITHHELD_PROHIBITED,
            Outcome.WITHHELD_SECURITY,
            Outcome.WITHHELD_THIRD_PARTY,
            Outcome.WITHHELD_INTERNAL,
            Outcome.WITHHELD_PROCESS,
            Outcome.WITHHELD_ENFORCEMENT,
            Outcome.WITHHELD_ENQUIRY,
        ),
    ),
    Group(
        "unavailable",
        _("(4) Cannot be provided"),
        (
            Outcome.UNAVAILABLE_NOT_HELD,
            Outcome.UNAVAILABLE_NEEDS_MAKING,
            Outcome.UNAVAILABLE_UNCLEAR,
        ),
    ),
    Group(
        "not_handled",
        _("(5) Not handled"),
        (
            Outcome.NOT_HANDLED_PETITION,
            Outcome.NOT_HANDLED_REPEATED,
            Outcome.NOT_HANDLED_PUBLICATION,
            Outcome.NOT_HANDLED_EXCESSIVE,
            Outcome.NOT_HANDLED_CONFIRMATION,
        ),
    ),
    Group(
        "other",
        _("(6) Other handling"),
        (Outcome.OTHER_NOT_CLARIFIED, Outcome.OTHER_FEE_UNPAID, Outcome.OTHER),
    ),
)

GROUP_OF = {outcome: group for group in GROUPS for outcome in group.outcomes}


def _reason(outcome) -> str:
    text = str(Outcome(outcome).label)
    for separator in ("：", ": "):
        if separator in text:
            return text.split(separator, 1)[1]
    return text


# “不予公开：属于国家秘密” → “属于国家秘密”: the reason alone, under its group's row of Table 3.
reason_label = lazy(_reason, str)

# The article of the Regulations on the Disclosure of Government Information (2019) that an
# outcome usually rests on: the default of the reply's legal basis, which the office can edit.
LEGAL_BASIS = {
    Outcome.DISCLOSED: "《中华人民共和国政府信息公开条例》第三十六条第（二）项",
    Outcome.PARTLY_DISCLOSED: "《中华人民共和国政府信息公开条例》第三十七条",
    Outcome.WITHHELD_STATE_SECRET: "《中华人民共和国政府信息公开条例》第十四条",
    Outcome.WITHHELD_PROHIBITED: "《中华人民共和国政府信息公开条例》第十四条",
    Outcome.WITHHELD_SECURITY: "《中华人民共和国政府信息公开条例》第十四条",
    Outcome.WITHHELD_THIRD_PARTY: "《中华人民共和国政府信息公开条例》第十五条、第三十二条",
    Outcome.WITHHELD_INTERNAL: "《中华人民共和国政府信息公开条例》第十六条第一款",
    Outcome.WITHHELD_PROCESS: "《中华人民共和国政府信息公开条例》第十六条第二款",
    Outcome.WITHHELD_ENFORCEMENT: "《中华人民共和国政府信息公开条例》第十六条第二款",
    Outcome.WITHHELD_ENQUIRY: "《中华人民共和国政府信息公开条例》第三十六条第（七）项",
    Outcome.UNAVAILABLE_NOT_HELD: (
        "《中华人民共和国政府信息公开条例》第三十六条第（四）项、第（五）项"
    ),
    Outcome.UNAVAILABLE_NEEDS_MAKING: "《中华人民共和国政府信息公开条例》第三十八条",
    Outcome.UNAVAILABLE_UNCLEAR: "《中华人民共和国政府信息公开条例》第三十条",
    Outcome.NOT_HANDLED_PETITION: "《中华人民共和国政府信息公开条例》第三十九条第一款",
    Outcome.NOT_HANDLED_REPEATED: "《中华人民共和国政府信息公开条例》第三十六条第（六）项",
    Outcome.NOT_HANDLED_PUBLICATION: "《中华人民共和国政府信息公开条例》第三十九条第二款",
    Outcome.NOT_HANDLED_EXCESSIVE: "《中华人民共和国政府信息公开条例》第三十五条",
    Outcome.NOT_HANDLED_CONFIRMATION: "《中华人民共和国政府信息公开条例》第三十九条",
    Outcome.OTHER_NOT_CLARIFIED: "《中华人民共和国政府信息公开条例》第三十条",
    Outcome.OTHER_FEE_UNPAID: "《中华人民共和国政府信息公开条例》第四十二条",
    Outcome.OTHER: "《中华人民共和国政府信息公开条例》",
}
