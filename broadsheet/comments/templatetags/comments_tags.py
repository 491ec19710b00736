"""{% comment_count thread_key %}: the denormalised count, marked up for the live counter to update.

One indexed read, and nothing about the reader, so it is safe inside cached pages.
"""

from django import template
from django.utils.html import format_html

from ..models import Thread

register = template.Library()


@register.simple_tag
def comment_count(thread_key):
    count = Thread.objects.filter(key=thread_key).values_list("comment_count", flat=True).first() or 0
    return format_html('<span class="comment-count" data-comment-count="{}">{}</span>', thread_key, count)


@register.simple_tag
def standards_policy_url():
    """The live Standards Board Policy page's URL, or '' when none is published."""
    from ..policy import policy_page

    page = policy_page()
    return page.url if page else ""
