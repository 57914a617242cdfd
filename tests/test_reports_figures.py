"""The generated figures of the annual report against hand-counted records, and every
arithmetic check failing when it should."""

import copy
import datetime

import pytest

from gov_disclosure.applications.outcomes import Outcome
from gov_disclosure.documents import services as document_services
from gov_disclosure.documents.models import DocumentType
from gov_disclosure.reports import checks, figures, layout

from .application_factories import InformationRequestFactory, organisation
from .document_factories import (
    DocumentLibraryPageFactory,
    DocumentPageFactory,
    build_catalogue_history,
)

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def freeze(monkeypatch):
    def set_today(day):
        monkeypatch.setattr(document_services, "today", lambda: day)

    return set_today


@pytest.fixture
def documents(root_page, freeze):
    library = DocumentLibraryPageFactory(parent=root_page)
    docs = build_catalogue_history(library, freeze)
    return library, docs


def test_table_two_from_the_documents_by_hand(documents):
    """2025, normative documents of 示范县人民政府 (see build_catalogue_history):
    issued in 2025: 丁 (20 Aug), 辛 (5 Nov) → 2; repealed or expired in 2025: 甲 (repealed
    1 Jun), 戊 (expired after 31 Oct) → 2 (丙 was amended, which is not repealing); valid on
    31 December 2025: 乙, 丁, 辛 → 3 (己 is disclosed on application only, 庚 came in 2026)."""
    _library, docs = documents
    agency = docs["a"].agency
    table = figures.document_figures(2025, agency)
    assert table["normative"] == {"issued": 2, "repealed": 2, "valid": 3}
    assert table["regulation"] == {"issued": 0, "repealed": 0, "valid": 0}
    # 2024: 丙, 戊, 乙 and 己 (not public) were published in 2024 → 3; valid at the end of 2024:
    # 甲, 丙, 戊 → 3 (乙 was published but not yet in force).
    assert figures.document_figures(2024, agency)["normative"] == {
        "issued": 3,
        "repealed": 0,
        "valid": 3,
    }
    # Another agency's report counts none of them.
    from .factories import AgencyFactory

    assert figures.document_figures(2025, AgencyFactory())["normative"]["issued"] == 0


def test_rules_are_counted_in_their_own_row(root_page, freeze):
    library = DocumentLibraryPageFactory(parent=root_page)
    freeze(D(2025, 4, 1))
    rule = DocumentPageFactory(
        parent=library,
        document_type=DocumentType.REGULATION,
        publication_date=D(2025, 3, 20),
        effective_date=D(2025, 4, 1),
        date_written=D(2025, 3, 10),
    )
    table = figures.document_figures(2025, rule.agency)
    assert table["regulation"] == {"issued": 1, "repealed": 0, "valid": 1}
    assert table["normative"]["issued"] == 0


def make(**kwargs):
    return InformationRequestFactory(**kwargs)


def test_table_three_with_every_total_by_hand():
    research = organisation(category="research")
    make(received_on=D(2024, 12, 16), outcome=Outcome.DISCLOSED, reply_sent_on=D(2025, 1, 8))
    make(**research, received_on=D(2024, 12, 20))
    make(received_on=D(2025, 2, 10), outcome=Outcome.WITHHELD_PROCESS, reply_sent_on=D(2025, 3, 1))
    make(
        **organisation(category="legal_service"),
        received_on=D(2025, 4, 1),
        outcome=Outcome.NOT_HANDLED_REPEATED,
        reply_sent_on=D(2025, 4, 20),
    )
    make(received_on=D(2025, 12, 22))
    table = figures.request_figures(2025, None)
    assert table["new"] == {
        "person": 2,
        "commercial": 0,
        "research": 0,
        "nonprofit": 0,
        "legal_service": 1,
        "other": 0,
        "total": 3,
    }
    assert table["carried_over"]["person"] == 1 and table["carried_over"]["research"] == 1
    assert table["carried_over"]["total"] == 2
    assert table["disclosed"]["person"] == 1
    assert table["withheld_process"]["total"] == 1
    assert table["not_handled_repeated"]["legal_service"] == 1
    assert table["total_handled"] == {
        "person": 2,
        "commercial": 0,
        "research": 0,
        "nonprofit": 0,
        "legal_service": 1,
        "other": 0,
        "total": 3,
    }
    assert table["carried_forward"]["total"] == 2
    generated = figures.generate(2025, None)
    assert checks.check(generated) == []


def test_generate_keeps_what_editors_entered_and_reports_differences():
    previous = layout.empty_figures()
    previous["table2"]["licensing"]["decisions"] = 1520
    previous["table2"]["fees"]["amount"] = "12.36"
    previous["table4"]["review"] = {
        "upheld": 2,
        "corrected": 1,
        "other": 0,
        "pending": 1,
        "total": 4,
    }
    first = figures.generate(2025, None, previous)
    assert first["table2"]["licensing"]["decisions"] == 1520
    assert first["table4"]["review"]["total"] == 4
    make(received_on=D(2025, 5, 6))
    second = figures.generate(2025, None, first)
    changed = {(t, r, c) for t, r, c, _old, _new in figures.differences(first, second)}
    assert ("table3", "new", "person") in changed and ("table3", "new", "total") in changed
    assert ("table3", "carried_forward", "person") in changed
    assert not any(t in ("table2", "table4") for t, _r, _c in changed)


def passing():
    values = figures.generate(2025, None)
    values["table4"]["review"] = {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}
    assert checks.check(values) == []
    return values


def cells(problems):
    return {problem.cell for problem in problems}


@pytest.mark.parametrize(
    "change, cell",
    [
        (lambda f: f["table3"]["new"].update(person=5), "table3-new-total"),
        (
            lambda f: f["table3"]["disclosed"].update(person=1, total=1),
            "table3-total_handled-person",
        ),
        (lambda f: f["table3"]["new"].update(person=1, total=1), "table3-carried_forward-person"),
        (lambda f: f["table4"]["review"].update(total=3), "table4-review-total"),
        (lambda f: f["table3"]["carried_over"].update(other=-1), "table3-carried_over-other"),
        (lambda f: f["table3"]["carried_over"].update(other="三"), "table3-carried_over-other"),
        (lambda f: f["table2"]["penalty"].update(decisions=""), "table2-penalty-decisions"),
        (lambda f: f["table2"]["fees"].update(amount="abc"), "table2-fees-amount"),
        (lambda f: f["table2"]["fees"].update(amount="-1"), "table2-fees-amount"),
        (lambda f: f["table2"]["fees"].update(amount="1e3"), "table2-fees-amount"),
        (lambda f: f["table3"]["new"].update(person="²"), "table3-new-person"),
    ],
)
def test_each_check_fails_when_it_should(change, cell):
    values = copy.deepcopy(passing())
    change(values)
    problems = checks.check(values)
    assert cell in cells(problems), [p.cell for p in problems]
    assert all(str(problem.message) for problem in problems)


def test_a_consistent_correction_passes():
    values = passing()
    # The office adds a request the records missed, consistently in every total.
    for row in ("new", "disclosed", "total_handled"):
        values["table3"][row]["person"] += 1
        values["table3"][row]["total"] += 1
    assert checks.check(values) == []
