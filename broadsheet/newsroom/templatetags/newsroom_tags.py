"""Template helpers of the newsroom: the header's section navigation, the cards' comment counts."""

from django import template

from ..navigation import section_nav as cached_section_nav

register = template.Library()


@register.simple_tag
def section_nav():
    return cached_section_nav()


@register.simple_tag(takes_context=True)
def prefetch_card_comment_counts(context, *groups):
    """Every card's comment count in one query before the cards render: each group is a list of articles
    or of (section, articles) pairs (the homepage's blocks)."""
    from broadsheet.comments.templatetags.comments_tags import prefetch_comment_counts

    keys = []
    for group in groups:
        for item in group or ():
            for article in item[1] if isinstance(item, tuple) else [item]:
                keys.append(article.comments_thread_key)
    return prefetch_comment_counts(context, keys)
