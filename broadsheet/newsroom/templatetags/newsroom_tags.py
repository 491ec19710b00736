"""Template helpers of the newsroom: the header's section navigation."""

from django import template

from ..navigation import section_nav as cached_section_nav

register = template.Library()


@register.simple_tag
def section_nav():
    return cached_section_nav()
