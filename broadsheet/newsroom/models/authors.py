"""Authors are snippets: one record per writer or agency, shared by every byline."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet


class AuthorKind(models.TextChoices):
    STAFF = "staff", _("Staff")
    AGENCY = "agency", _("Agency")


@register_snippet
class Author(ClusterableModel):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("Made from the name when empty"),
    )
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text=_("e.g. Political correspondent")
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=AuthorKind.choices, default=AuthorKind.STAFF
    )
    photo = models.ForeignKey(
        "newsroom.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    bio = models.TextField(
        _("bio"), blank=True, help_text=_("A few sentences for the author's page")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("kind"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("links", label=_("Links")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self):
        base = slugify(self.name) or "author"
        slug, n = base, 1
        while Author.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def get_absolute_url(self):
        return reverse("newsroom:author", args=[self.slug])

    @property
    def is_agency(self):
        return self.kind == AuthorKind.AGENCY


class AuthorLink(Orderable):
    """A link on the author's page: their website, social profile or contact page."""

    author = ParentalKey(Author, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=60, help_text=_("e.g. Website, X, Email"))
    url = models.URLField(_("address"), max_length=300)

    panels = [FieldPanel("label"), FieldPanel("url")]
