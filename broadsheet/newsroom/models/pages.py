"""The page tree: HomePage → SectionPage (nestable: National → Politics) → ArticlePage."""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.log_actions import log
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from ..blocks import ArticleBodyBlock
from ..forms import ArticlePageForm, SchedulePageForm
from ..querysets import NewsPageManager


class ShortRouteMixin:
    """Routes a request to the deepest page on its path in one query (Wagtail walks one query per level, two
    with .specific); that page routes the rest itself, so a routable page's sub-paths still work."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:n]) + "/"
            for n in range(1, len(path_components) + 1)
        ]
        from ..freshness import generation, keep, peek

        # A section front's path is looked up once per newsroom generation (its page is read fresh).
        route_key = ("route", prefixes[-1], generation())
        known = peek(route_key)
        if known is not None:
            model, pk = known
            deepest = model.objects.filter(pk=pk)[:1]
        else:
            # Most requests are for an article: one query finds it with its fields (.specific() below
            # costs two). url_path is unique: [:1] needs no ORDER BY (first() would add one).
            for article in ArticlePage.objects.filter(url_path=prefixes[-1])[:1]:
                return article.route(request, [])
            deepest = Page.objects.filter(url_path__in=prefixes).order_by("-depth").specific()[:1]
        deepest = next(iter(deepest), None)
        if deepest is None:
            raise Http404
        if known is None and deepest.url_path == prefixes[-1]:  # never an article (found above)
            keep(route_key, (type(deepest), deepest.pk))
        return deepest.route(request, path_components[deepest.depth - self.depth :])


class PrivacyShortcutMixin:
    """While no page on the site has a view restriction (remembered per generation, freshness.py), the
    privacy checks Wagtail and the page cache run on every request need no query."""

    def get_view_restrictions(self):
        from ..freshness import view_restrictions_exist

        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(ShortRouteMixin, PrivacyShortcutMixin, Page):
    subpage_types = ["newsroom.SectionPage", "comments.StandardsPolicyPage"]
    max_count = 1

    objects = NewsPageManager()
    base_form_class = SchedulePageForm

    content_panels = Page.content_panels + [InlinePanel("lead_stories", label=_("Lead stories"))]

    def get_context(self, request, *args, **kwargs):
        from ..fronts import home_front, home_meta

        return {
            **super().get_context(request, *args, **kwargs),
            **home_front(self),
            **home_meta(request),
        }


class HomeLeadStory(Orderable):
    """An editor's pick for the top of the homepage, in the order the editor set."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="lead_stories")
    article = models.ForeignKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]


class SectionPage(ShortRouteMixin, PrivacyShortcutMixin, Page):
    intro = RichTextField(blank=True)

    parent_page_types = ["newsroom.HomePage", "newsroom.SectionPage"]
    subpage_types = ["newsroom.SectionPage", "newsroom.ArticlePage"]

    objects = NewsPageManager()
    base_form_class = SchedulePageForm

    content_panels = Page.content_panels + [FieldPanel("intro")]

    def get_context(self, request, *args, **kwargs):
        from ..fronts import section_front, section_meta

        front = section_front(self, request, request.GET.get("page"))
        return {
            **super().get_context(request, *args, **kwargs),
            **front,
            **section_meta(self, request, front["page_obj"]),
        }


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CommentsMode(models.TextChoices):
    OPEN = "open", _("Open")
    PREMODERATED = "premoderated", _("Pre-moderated")
    CLOSED = "closed", _("Closed")


class ArticlePage(PrivacyShortcutMixin, RoutablePageMixin, Page):
    kicker = models.CharField(
        _("kicker"), max_length=80, blank=True, help_text=_("A short label above the headline")
    )
    headline = models.CharField(
        _("headline"), max_length=255, blank=True, help_text=_("Defaults to the title")
    )
    standfirst = models.TextField(_("subhead"), blank=True)
    dateline = models.CharField(
        _("dateline"), max_length=80, blank=True, help_text=_("Where it was reported, e.g. SEOUL")
    )
    updated_at = models.DateTimeField(
        _("updated at"), null=True, blank=True, help_text=_("Shown when later than publication")
    )
    lead_image = models.ForeignKey(
        "newsroom.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_caption = models.TextField(
        _("lead caption"), blank=True, help_text=_("Overrides the photo's default caption")
    )
    lead_credit = models.CharField(
        _("lead credit"), max_length=120, blank=True, help_text=_("Overrides the photo's credit")
    )
    body = StreamField(ArticleBodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    comments_mode = models.CharField(
        _("comments"), max_length=12, choices=CommentsMode.choices, default=CommentsMode.OPEN
    )
    comments_close_at = models.DateTimeField(_("comments close at"), null=True, blank=True)
    # Identifies an imported legacy article so a re-import updates it instead of duplicating it.
    legacy_key = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # The address the story had on the old site: the archive import's first identity and its 301's source.
    legacy_url = models.CharField(
        max_length=500, unique=True, null=True, blank=True, editable=False
    )

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []

    objects = NewsPageManager()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kicker"),
                FieldPanel("headline"),
                FieldPanel("standfirst"),
                FieldPanel("dateline"),
            ],
            heading=_("Headline"),
        ),
        InlinePanel("bylines", label=_("Bylines")),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_caption"), FieldPanel("lead_credit")],
            heading=_("Lead photo"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel("related_picks", label=_("Related articles")),
        MultiFieldPanel(
            [FieldPanel("comments_mode"), FieldPanel("comments_close_at")], heading=_("Comments")
        ),
        MultiFieldPanel(
            [
                InlinePanel("corrections", label=_("Corrections")),
                FieldPanel("correction_removal_reason"),
            ],
            heading=_("Corrections and clarifications"),
        ),
    ]
    base_form_class = ArticlePageForm
    settings_panels = Page.settings_panels + [FieldPanel("updated_at")]

    search_fields = Page.search_fields + [
        index.SearchField("headline"),
        index.SearchField("standfirst"),
        index.SearchField("body"),
    ]

    @property
    def display_headline(self):
        return self.headline or self.title

    @property
    def caption(self):
        return self.lead_caption or (self.lead_image.default_caption if self.lead_image else "")

    @property
    def credit(self):
        return self.lead_credit or (self.lead_image.credit_line if self.lead_image else "")

    @property
    def shows_updated(self):
        return bool(
            self.updated_at
            and self.first_published_at
            and self.updated_at > self.first_published_at
        )

    @property
    def corrected_at(self):
        """The time of the latest correction, clarification or editor's note (None without any)."""
        # An unsaved correction in a preview may have no time yet; it gets the time of saving.
        return max((c.published_at for c in self.correction_list if c.published_at), default=None)

    @cached_property
    def correction_list(self):
        """The corrections, read once per page object: the boxes, the byline and the JSON-LD share them."""
        return list(self.corrections.all())

    @property
    def shown_updated_at(self):
        """The "Updated" time readers see: the editor's, or a later correction's (None when neither)."""
        updated = self.updated_at if self.shows_updated else None
        corrected = self.corrected_at
        if corrected and self.first_published_at and corrected <= self.first_published_at:
            corrected = None
        return max((t for t in (updated, corrected) if t), default=None)

    @property
    def modified_at(self):
        """dateModified: the editor's "Updated" time, or the last publication, or a later correction."""
        changed = (
            self.updated_at
            if self.shows_updated
            else self.last_published_at or self.first_published_at
        )
        return max((t for t in (changed, self.corrected_at) if t), default=None)

    @property
    def comments_thread_key(self):
        return f"article-{self.pk}"

    def clean(self):
        super().clean()
        if self.lead_image and not self.lead_image.default_alt_text.strip():
            raise ValidationError(
                {"lead_image": _("This photo has no alt text; add it to the photo first.")}
            )

    def save_revision(self, *args, **kwargs):
        """Saves the revision, and logs in the page's history each correction the editor's form removed
        (ArticlePageForm) with the reason given."""
        revision = super().save_revision(*args, **kwargs)
        removals, self.pending_correction_removals = (
            getattr(self, "pending_correction_removals", []),
            [],
        )
        for correction, reason in removals:
            data = {
                "kind": correction.kind,
                "text": correction.text,
                "reason": reason,
                "published_at": correction.published_at.isoformat(),
            }
            log(
                instance=self,
                action="newsroom.correction_removed",
                user=kwargs.get("user"),
                revision=revision,
                data=data,
            )
        return revision

    def get_context(self, request, *args, **kwargs):
        from ..reading import article_context

        return {**super().get_context(request, *args, **kwargs), **article_context(self, request)}

    def pagecache_purge_tags(self, previous=None, revision=None):
        """The page cache's hook (pagecache/tags.py): the listings this article is on (newsroom/purge.py)."""
        from ..purge import article_listings

        return article_listings(self, previous, revision)[0]

    def pagecache_purge_urls(self, previous=None, revision=None):
        from ..purge import article_listings

        return article_listings(self, previous, revision)[1]

    @path("print/")
    def print_view(self, request):
        return self.render(request, template="newsroom/article_print.html")


class ImportedFile(models.Model):
    """One legacy file already imported, by the SHA-256 of its bytes: a re-run skips it without parsing."""

    sha256 = models.CharField(max_length=64, unique=True)
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="imported_files"
    )
    imported_at = models.DateTimeField(auto_now=True)


class ArticleByline(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey("newsroom.Author", on_delete=models.CASCADE, related_name="bylines")

    panels = [FieldPanel("author")]


class RelatedArticle(Orderable):
    """An editor-picked related article; when there are few picks, shared tags fill the rest."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_picks")
    article = models.ForeignKey(
        ArticlePage, on_delete=models.CASCADE, related_name="picked_as_related"
    )

    panels = [FieldPanel("article")]
