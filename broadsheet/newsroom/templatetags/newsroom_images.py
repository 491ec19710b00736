"""{% picture %} as Wagtail's, but each tag in a template builds its filters once.

Wagtail's PictureNode makes new Filter objects on every render, and each one parses its operations again
(inspect.getcallargs per operation), for each of the lead photo's renditions (bench/results.md). The
compiled template lives as long as the process (cached loader), so its filters can too. Load this library
after wagtailimages_tags: `{% load wagtailimages_tags newsroom_images %}`.
"""

from django import template
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()


class ReusedFiltersPictureNode(PictureNode):
    def get_filters(self):
        filters = self.__dict__.get("_filters")
        if filters is None:
            filters = self._filters = super().get_filters()
        return filters


@register.tag("picture")
def picture(parser, token):
    node = image(parser, token)
    node.__class__ = ReusedFiltersPictureNode
    return node
