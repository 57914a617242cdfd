"""Agencies, theme categories and the disclosure attribute."""

import pytest
from django.core.exceptions import ValidationError
from stdnum.cn import uscc

from gov_disclosure.models import Agency, DisclosureAttribute, ThemeCategory
from gov_disclosure.validators import validate_credit_code, validate_phone

from .factories import AgencyFactory, ArticlePageFactory, ThemeCategoryFactory

VALID_CODE = "91110000600037341L"  # checksum verified by python-stdnum


def test_sample_code_is_valid():
    assert uscc.is_valid(VALID_CODE)


class TestCreditCode:
    def test_valid_code_passes(self):
        validate_credit_code(VALID_CODE)

    def test_wrong_check_character_is_named(self):
        with pytest.raises(ValidationError) as excinfo:
            validate_credit_code(VALID_CODE[:-1] + "M")
        assert excinfo.value.code == "invalid_checksum"

    @pytest.mark.parametrize("value", ["9111000060003734", "91110000600037341L9"])
    def test_wrong_length(self, value):
        with pytest.raises(ValidationError) as excinfo:
            validate_credit_code(value)
        assert excinfo.value.code == "invalid_length"

    def test_forbidden_letters(self):
        with pytest.raises(ValidationError) as excinfo:
            validate_credit_code("91110000600037341I")
        assert excinfo.value.code in {"invalid", "invalid_checksum"}

    @pytest.mark.django_db
    def test_spaces_and_lower_case_are_normalised_on_save(self):
        agency = AgencyFactory.build(credit_code="9111 0000 6000 3734 1l")
        agency.full_clean()
        assert agency.credit_code == VALID_CODE

    @pytest.mark.django_db
    def test_unique_per_locale(self):
        AgencyFactory(credit_code=VALID_CODE)
        duplicate = AgencyFactory.build(credit_code=VALID_CODE)
        with pytest.raises(ValidationError) as excinfo:
            duplicate.full_clean()
        assert "已有其他机构使用这个统一社会信用代码" in str(excinfo.value)

    @pytest.mark.django_db
    def test_blank_codes_do_not_collide(self):
        AgencyFactory(credit_code="")
        AgencyFactory.build(credit_code="").full_clean()


@pytest.mark.parametrize(
    "phone", ["0531-12345678", "12345", "(0531)8765 4321 转 8001", "+86 10 6512 3456"]
)
def test_phone_accepted(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["call us", "123", "0531-1234<script>"])
def test_phone_rejected(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)


@pytest.mark.django_db
class TestAgencyTree:
    def test_an_agency_cannot_be_its_own_ancestor(self):
        county = AgencyFactory(name="示范县人民政府")
        office = AgencyFactory(name="示范县人民政府办公室", parent=county)
        county.parent = office
        with pytest.raises(ValidationError) as excinfo:
            county.full_clean()
        assert "parent" in excinfo.value.message_dict

    def test_deleting_a_parent_with_units_is_refused(self):
        from django.db.models import ProtectedError

        county = AgencyFactory()
        AgencyFactory(parent=county)
        with pytest.raises(ProtectedError):
            county.delete()


@pytest.mark.django_db
class TestThemeCategoryTree:
    def make_tree(self):
        general = ThemeCategoryFactory(name="综合政务", sort_order=1)
        disclosure = ThemeCategoryFactory(name="政务公开", parent=general, sort_order=2)
        emergency = ThemeCategoryFactory(name="应急管理", parent=general, sort_order=1)
        economy = ThemeCategoryFactory(name="国民经济管理", sort_order=2)
        return general, disclosure, emergency, economy

    def test_tree_order_is_depth_first_by_sort_order(self, django_assert_num_queries):
        self.make_tree()
        with django_assert_num_queries(1):
            names = [c.name for c in ThemeCategory.objects.in_tree_order()]
        assert names == ["综合政务", "应急管理", "政务公开", "国民经济管理"]

    def test_depth_and_labels(self):
        general, disclosure, *_ = self.make_tree()
        disclosure.refresh_from_db()
        assert (general.depth, disclosure.depth) == (1, 2)
        assert disclosure.full_name == "综合政务 › 政务公开"
        assert disclosure.tree_label().endswith("└ 政务公开")

    def test_moving_a_node_moves_its_subtree(self):
        general, disclosure, emergency, economy = self.make_tree()
        leaf = ThemeCategoryFactory(name="政府信息公开目录", parent=disclosure)
        disclosure.parent = economy
        disclosure.full_clean()
        disclosure.save()
        leaf.refresh_from_db()
        assert leaf.depth == 3
        assert leaf.tree_path.startswith(economy.tree_path + ".")
        assert [c.name for c in ThemeCategory.objects.in_tree_order()] == [
            "综合政务",
            "应急管理",
            "国民经济管理",
            "政务公开",
            "政府信息公开目录",
        ]

    def test_cycles_are_refused(self):
        general, disclosure, *_ = self.make_tree()
        general.parent = disclosure
        with pytest.raises(ValidationError) as excinfo:
            general.full_clean()
        assert "parent" in excinfo.value.message_dict

    def test_depth_limit(self, settings):
        settings.GOV_DISCLOSURE_THEME_CATEGORY_MAX_DEPTH = 2
        general, disclosure, *_ = self.make_tree()
        too_deep = ThemeCategoryFactory.build(name="过深", parent=disclosure)
        with pytest.raises(ValidationError):
            too_deep.full_clean()
        # Moving a two-level subtree under a child would also exceed the limit.
        economy = ThemeCategory.objects.get(name="国民经济管理")
        general.parent = economy
        with pytest.raises(ValidationError):
            general.full_clean()


@pytest.mark.django_db
class TestDisclosureAttribute:
    @pytest.mark.parametrize(
        "attribute", [DisclosureAttribute.ON_APPLICATION, DisclosureAttribute.NOT_DISCLOSED]
    )
    def test_reason_required_unless_proactive(self, root_page, attribute):
        page = ArticlePageFactory.build(disclosure_attribute=attribute, disclosure_reason="  ")
        page.path, page.depth = "0001XXXX", 3  # full_clean needs tree fields on unsaved pages
        with pytest.raises(ValidationError) as excinfo:
            page.full_clean()
        assert "disclosure_reason" in excinfo.value.message_dict

    def test_proactive_needs_no_reason(self, root_page):
        page = ArticlePageFactory(parent=root_page)
        page.full_clean()
        assert page.is_proactively_disclosed


@pytest.mark.django_db
def test_agency_protected_while_pages_use_it(root_page):
    from django.db.models import ProtectedError

    agency = AgencyFactory()
    ArticlePageFactory(parent=root_page, agency=agency)
    with pytest.raises(ProtectedError):
        agency.delete()
    assert Agency.objects.filter(pk=agency.pk).exists()


@pytest.mark.django_db
def test_public_disclosures_leave_out_what_stands_in_a_hidden_section(
    root_page, django_assert_num_queries
):
    from wagtail.models import PageViewRestriction

    from gov_disclosure.models import DisclosureArticlePage, hidden_sections_q

    from .factories import PortalPageFactory

    open_section = PortalPageFactory(parent=root_page, title="公开栏目")
    visible = ArticlePageFactory(parent=open_section, title="公开的文章")
    closed_section = PortalPageFactory(parent=root_page, title="已撤下的栏目")
    below_closed = ArticlePageFactory(parent=closed_section, title="栏目撤下后仍为发布状态")
    closed_section.unpublish()
    below_closed.refresh_from_db()
    assert below_closed.live  # Wagtail leaves the children live
    restricted_section = PortalPageFactory(parent=root_page, title="受限栏目")
    below_restricted = ArticlePageFactory(parent=restricted_section, title="受限栏目的文章")
    PageViewRestriction.objects.create(
        page=restricted_section, restriction_type=PageViewRestriction.LOGIN
    )
    public = DisclosureArticlePage.objects.public_disclosures()
    assert list(public.values_list("title", flat=True)) == [visible.title]
    with django_assert_num_queries(1):
        hidden = hidden_sections_q()
    assert not DisclosureArticlePage.objects.filter(hidden).filter(pk=visible.pk).exists()
    assert set(DisclosureArticlePage.objects.filter(hidden).values_list("pk", flat=True)) == {
        below_closed.pk,
        below_restricted.pk,
    }
    # Publishing the section again brings its page back.
    closed_section.save_revision().publish()
    public = DisclosureArticlePage.objects.public_disclosures()
    assert below_closed.pk in set(public.values_list("pk", flat=True))
