"""Multi-step writes of the newsroom, as plain functions with keyword-only arguments."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from .models import ArticleCorrection, ArticlePage, CorrectionKind, HomePage, SectionPage


def unique_slug(parent, title):
    """A slug for a new child of parent: the title's, numbered when a sibling already has it."""
    base = slugify(title)[:200] or "article"
    slug, n = base, 1
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def homepage_install(*, title="Broadsheet"):
    """The one HomePage, as the default site's root; Wagtail's stock welcome page is removed."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title=title, slug="broadsheet")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page, site.site_name = home, title
    site.save()
    root.get_children().exact_type(Page).delete()  # the welcome page, now the root of no site
    Site.clear_site_root_paths_cache()
    return home


def section_ensure(*, home, path):
    """The SectionPage at Home > path[0] > path[1] …, creating and publishing any missing level."""
    parent = home
    for title in path:
        section = SectionPage.objects.child_of(parent).filter(title__iexact=title).first()
        if section is None:
            section = SectionPage(title=title, slug=unique_slug(parent, title))
            parent.add_child(instance=section)
            section.save_revision().publish()
        parent = section
    return parent


def paragraph_blocks(paragraphs):
    return [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in paragraphs]


def article_publish(*, article, user=None):
    article.save_revision(user=user, log_action=True).publish(user=user)
    return article


def article_fill(article, legacy):
    article.title = legacy.headline
    article.headline = legacy.headline
    article.lead_caption = legacy.caption
    article.lead_credit = legacy.credit
    article.body = paragraph_blocks(legacy.paragraphs)


def article_import(*, legacy, home=None):
    """Create or update the article a legacy page describes (keyed by legacy_key) and publish it.

    Returns (article, created). The caller wraps it in a transaction so a failure leaves nothing behind.
    """
    home = home or HomePage.objects.get()
    section = section_ensure(home=home, path=legacy.section_path)
    article = ArticlePage.objects.filter(legacy_key=legacy.legacy_key).first()
    if article is None:
        article = ArticlePage(
            legacy_key=legacy.legacy_key, slug=unique_slug(section, legacy.headline)
        )
        article_fill(article, legacy)
        section.add_child(instance=article)
        return article_publish(article=article), True
    if article.get_parent().pk != section.pk:
        article.move(section, pos="last-child")
        article = ArticlePage.objects.get(pk=article.pk)
    article_fill(article, legacy)
    return article_publish(article=article), False


def _live_article(article):
    """The article as readers see it now (its live row and corrections), not a newer unpublished draft."""
    return ArticlePage.objects.get(pk=article.pk)


def correction_add(*, article, text, kind=CorrectionKind.CORRECTION, at=None, user=None):
    """Add a correction (or clarification, editor's note) to the live article and publish it at once.

    Publishing the live content plus the correction leaves any newer draft in the page's history, where
    the editor finds it. Empty text raises ValidationError and writes nothing.
    """
    correction = ArticleCorrection(
        kind=kind, text=(text or "").strip(), published_at=at or timezone.now()
    )
    correction.full_clean(exclude=["page", "sort_order"])
    page = _live_article(article)
    page.corrections.add(correction)
    article_publish(article=page, user=user)
    saved = ArticleCorrection.objects.filter(
        page_id=page.pk, published_at=correction.published_at, text=correction.text
    )
    return saved.latest("pk")


def correction_remove(*, article, correction, reason, user=None):
    """Remove a correction, with a reason the page's history keeps; without a reason nothing changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("A correction cannot be removed without a reason."))
    page = _live_article(article)
    page.corrections = [c for c in page.corrections.all() if c.pk != correction.pk]
    page.pending_correction_removals = [(correction, reason)]
    article_publish(article=page, user=user)
    return _live_article(article)
