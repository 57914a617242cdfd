"""Forms of the documents app's admin screens: validity changes, clean-up confirmation, filters."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser

from gov_disclosure.models import Agency

from . import services
from .cleanup import change_date_problem
from .models import DocumentLibraryPage, DocumentPage, Validity, ValidityChange
from .models.validity import ALLOWED_TRANSITIONS

NEEDS_REASON = Validity.final_states()


def current_state(document) -> str:
    """The validity transitions start from: "" until the document has a validity history."""
    return document.validity if document.validity_changes.exists() else ""


def allowed_validities(document) -> list[tuple[str, str]]:
    """The validities ``document`` may move to now, in the usual order."""
    allowed = ALLOWED_TRANSITIONS[current_state(document)]
    return [(value, label) for value, label in Validity.choices if value in allowed]


class ChangeValidityForm(forms.Form):
    """Move a document to another validity (有效性), giving the date, the reason and the
    replacing document; only the changes the lifecycle allows from its current validity."""

    to_validity = forms.ChoiceField(label=_("New validity"), widget=forms.RadioSelect)
    changed_on = forms.DateField(
        label=_("In force from"),
        widget=AdminDateInput,
        help_text=_("The date from which the new validity holds; today or earlier."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when the document expires, is repealed or is amended."),
    )
    replaced_by = forms.ModelChoiceField(
        label=_("Replaced by"),
        queryset=DocumentPage.objects.all(),
        required=False,
        widget=AdminPageChooser(target_models=[DocumentPage]),
        help_text=_("The document that amends this one; required when it is amended."),
    )

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.document = document
        self.fields["to_validity"].choices = allowed_validities(document)
        self.fields["replaced_by"].queryset = DocumentPage.objects.exclude(pk=document.pk)
        self.fields["changed_on"].initial = services.today()

    def clean(self):
        cleaned_data = super().clean()
        to_validity = cleaned_data.get("to_validity")
        changed_on = cleaned_data.get("changed_on")
        reason = (cleaned_data.get("reason") or "").strip()
        replaced_by = cleaned_data.get("replaced_by")
        cleaned_data["reason"] = reason
        if changed_on and (problem := change_date_problem(self.document, changed_on)):
            self.add_error("changed_on", problem)
        if to_validity in NEEDS_REASON and not reason:
            self.add_error("reason", _("Give the reason for this change of validity."))
        if to_validity == Validity.AMENDED and replaced_by is None:
            self.add_error("replaced_by", _("Choose the document that amends this one."))
        if replaced_by is not None and to_validity and to_validity not in NEEDS_REASON:
            self.add_error(
                "replaced_by",
                _("Only an expired, repealed or amended document can be replaced."),
            )
        return cleaned_data


class ConfirmCleanupForm(forms.Form):
    library = forms.ModelChoiceField(
        label=_("Publish the result under"),
        queryset=DocumentLibraryPage.objects.none(),
        empty_label=None,
        help_text=_("The document library in which the clean-up result is published."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["library"].queryset = DocumentLibraryPage.objects.order_by("path")

    def clean_library(self):
        library = self.cleaned_data["library"]
        permissions = library.permissions_for_user(self.user)
        if not (permissions.can_add_subpage() and permissions.can_publish_subpage()):
            raise forms.ValidationError(
                _("You may not publish pages in “%(title)s”.") % {"title": library.title}
            )
        return library


class ValidityChangeFilterSet(WagtailFilterSet):
    to_validity = django_filters.ChoiceFilter(
        label=_("New validity"),
        choices=Validity.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    source = django_filters.ChoiceFilter(
        label=_("Source"),
        choices=ValidityChange.Source.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    changed_on = django_filters.DateFromToRangeFilter(
        label=_("In force from"), widget=DateRangePickerWidget
    )

    class Meta:
        model = ValidityChange
        fields = ["to_validity", "source", "changed_on"]


def _year_choices():
    from .reports import report_documents

    years = report_documents().dates("published_on", "year", order="DESC")
    return [(str(day.year), str(day.year)) for day in years]


class YearFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        if value in ("", None):
            return qs
        return qs.filter(published_on__year=int(value))


class DocumentReportFilterSet(WagtailFilterSet):
    agency = django_filters.ModelChoiceFilter(
        label=_("Issuing agency"),
        queryset=lambda request: Agency.objects.order_by("sort_order", "name"),
        empty_label=_("All"),
    )
    year = YearFilter(label=_("Year of publication"), choices=_year_choices, empty_label=_("All"))

    class Meta:
        model = DocumentPage
        fields = ["agency"]
