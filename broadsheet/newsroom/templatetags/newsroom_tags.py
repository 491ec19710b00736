"""Template helpers of the newsroom: the header's section navigation, the cards' comment counts, and
fragments rendered once per newsroom generation ({% remembered %})."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..freshness import generation, remembered
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


@register.tag("remembered")
def do_remembered(parser, token):
    """{% remembered "name" key… %}…{% endremembered %}: the enclosed HTML, rendered once per process for
    each name, key, language and newsroom generation (freshness.py), then reused as it is.

    Only for markup that depends on nothing else: the page's own fields come in through the key (an
    article's live revision, reading.article_context's fragment_key). A key that is None (a preview)
    renders every time; so does DEBUG, so template edits show at once.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remembered %} needs a name")
    nodelist = parser.parse(("endremembered",))
    parser.delete_first_token()
    return RememberedNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class RememberedNode(template.Node):
    def __init__(self, nodelist, key):
        self.nodelist = nodelist
        self.key = key

    def render(self, context):
        # A variable missing from the context is None too: never one fragment for every page.
        key = tuple(part.resolve(context, ignore_failures=True) for part in self.key)
        if settings.DEBUG or None in key:
            return self.nodelist.render(context)
        key = ("fragment", *key, get_language(), generation())
        return remembered(key, lambda: self.nodelist.render(context))
