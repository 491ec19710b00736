"""The blocks an article body is made of: paragraph, image with caption, pull quote, embed."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class BodyImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(
        required=False, help_text=_("Leave empty to use the photo's default caption.")
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text=_("For this use only; leave empty to use the photo's credit and agency."),
    )

    class Meta:
        icon = "image"
        template = "newsroom/blocks/image.html"


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/pull_quote.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link"], template="newsroom/blocks/paragraph.html"
    )
    image = BodyImageBlock()
    pull_quote = PullQuoteBlock()
    embed = EmbedBlock(template="newsroom/blocks/embed.html")
