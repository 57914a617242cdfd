"""The wording the product ships for the reply letters (答复书), one for each group of outcomes.

Content, not interface: the office edits these texts as reply letter templates in the admin,
and migration 0002 copies them into the database once. Placeholders in braces are filled from
the request (``ReplyTemplate.PLACEHOLDERS``). Each line of a body or of the remedies is a
paragraph of the letter, indented by two characters; a first line ending in a colon is the
salutation and is not indented. The sender and the date are set below the text.

The remedies name the review body and the court as “××”: which ones they are depends on the
agency that replies (for a department of a county government, the county government; for the
county government itself, the city government), so each office writes its own.
"""

OPENING = (
    "{applicant}：\n"
    "本机关于{received_on}收到您提出的政府信息公开申请（申请编号：{tracking_number}），"
    "申请内容为：“{description}”。经审查，现答复如下：\n"
    "{reply}\n"
)

OUTCOME_LINE = "办理结果：{outcome}。"

REMEDIES = (
    "如对本答复不服，可以自收到本答复之日起六十日内向××县人民政府申请行政复议，"
    "或者自收到本答复之日起六个月内向××人民法院提起行政诉讼。"
)


def _letter(title: str, decision: str) -> dict:
    return {
        "title": title,
        "body": f"{OPENING}{decision}\n{OUTCOME_LINE}",
        "remedies": REMEDIES,
    }


DEFAULT_LETTERS = {
    "disclosed": _letter(
        "政府信息公开告知书",
        "您申请获取的政府信息属于公开范围。根据{legal_basis}的规定，本机关决定予以公开，"
        "有关信息随本告知书一并提供，请查收。",
    ),
    "partly_disclosed": _letter(
        "政府信息部分公开告知书",
        "您申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。"
        "根据{legal_basis}的规定，本机关向您提供可以公开的内容，不予公开部分的理由如上所述。",
    ),
    "withheld": _letter(
        "政府信息不予公开告知书",
        "根据{legal_basis}的规定，您申请获取的政府信息属于不予公开的范围，"
        "本机关决定不予公开，理由如上所述。",
    ),
    "unavailable": _letter(
        "政府信息无法提供告知书",
        "根据{legal_basis}的规定，本机关无法向您提供所申请的政府信息，原因如上所述。",
    ),
    "not_handled": _letter(
        "政府信息公开申请不予处理告知书",
        "根据{legal_basis}的规定，本机关对您的申请不予处理，理由如上所述。",
    ),
    "other": _letter(
        "政府信息公开申请答复书",
        "根据{legal_basis}的规定，本机关对您的申请作出上述处理。",
    ),
}
