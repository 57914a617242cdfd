"""Simplified ↔ Traditional Chinese as a wagtail-localize machine translator, with OpenCC.

In the site's settings::

    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "gov_disclosure.machine_translators.OpenCCTranslator",
        "OPTIONS": {"VARIANT": "tw"},  # "standard", "tw", "tw_phrases" or "hk"
    }

Then "Translate with OpenCC" on a zh-Hant translation fills every segment at once; the editor
reviews and publishes. The conversion is character by character (with OpenCC's character
variants for the region) unless ``tw_phrases`` is chosen, which also replaces mainland words
with Taiwanese ones (软件 → 軟體) — and also turns 文件 into 檔案, which is wrong for 规范性文件:
keep it for general content only.

Only text is converted: tags, attributes and link addresses of rich text are left as they are.
"""

from functools import cache

from bs4 import BeautifulSoup, NavigableString
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

#: OpenCC's configurations, from Simplified to each variant of Traditional Chinese.
VARIANTS = {
    "standard": "s2t",  # OpenCC's standard characters (爲, 裏)
    "tw": "s2tw",  # the characters in use in Taiwan (為, 裡)
    "tw_phrases": "s2twp",  # and Taiwanese words (软件 → 軟體, 文件 → 檔案)
    "hk": "s2hk",  # the characters in use in Hong Kong
}
#: Back to Simplified Chinese from each variant.
TO_SIMPLIFIED = {"standard": "t2s", "tw": "tw2s", "tw_phrases": "tw2sp", "hk": "hk2s"}

SIMPLIFIED = {"zh-hans", "zh-cn", "zh-sg", "zh-my"}
#: The variant a locale implies when the settings do not name one for it.
TRADITIONAL = {"zh-hant": None, "zh-tw": "tw", "zh-hk": "hk", "zh-mo": "hk"}


@cache
def converter(config: str):
    import opencc

    return opencc.OpenCC(f"{config}.json")


def convert(text: str, config: str) -> str:
    """``text`` converted with the OpenCC configuration ``config`` (e.g. ``s2tw``)."""
    return converter(config).convert(text) if text else text


def convert_html(html: str, config: str) -> str:
    """The text of ``html`` converted; markup and attributes unchanged."""
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if isinstance(node, NavigableString) and node.strip():
            node.replace_with(convert(str(node), config))
    return str(soup)


class OpenCCTranslator(BaseMachineTranslator):
    display_name = _("OpenCC (Simplified ↔ Traditional Chinese)")

    def __init__(self, options):
        super().__init__(options or {})
        self.variant = self.options.get("VARIANT", "tw")
        if self.variant not in VARIANTS:
            raise ImproperlyConfigured(
                f"WAGTAILLOCALIZE_MACHINE_TRANSLATOR OPTIONS VARIANT must be one of "
                f"{', '.join(sorted(VARIANTS))}, not {self.variant!r}."
            )

    def _variant_of(self, language_code):
        implied = TRADITIONAL.get(language_code.lower())
        return implied or self.variant

    def config(self, source_locale, target_locale) -> str | None:
        """The OpenCC configuration from one locale to the other, or None."""
        source = source_locale.language_code.lower()
        target = target_locale.language_code.lower()
        if source in SIMPLIFIED and target in TRADITIONAL:
            return VARIANTS[self._variant_of(target)]
        if source in TRADITIONAL and target in SIMPLIFIED:
            return TO_SIMPLIFIED[self._variant_of(source)]
        return None

    def can_translate(self, source_locale, target_locale):
        return self.config(source_locale, target_locale) is not None

    def translate(self, source_locale, target_locale, strings):
        config = self.config(source_locale, target_locale)
        if config is None:
            return {}
        return {string: StringValue(convert_html(string.data, config)) for string in strings}
