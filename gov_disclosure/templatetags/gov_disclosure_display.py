from django import template

from ..display import DisplayMode

register = template.Library()


@register.simple_tag(takes_context=True)
def gd_display_mode(context):
    """The reader's ``DisplayMode``: ``{% gd_display_mode as display %}``.

    Reads the cookie from the ``request`` in the context; without one, the standard view.
    """
    return DisplayMode.from_request(context.get("request"))
