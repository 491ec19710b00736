"""Builds the newsroom's demo content from stories.py. Every step looks before it creates, so reruns add nothing twice."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.text import slugify

from broadsheet.newsroom.models import (
    ArticleByline,
    ArticlePage,
    Author,
    HomeLeadStory,
    NewsImage,
    RelatedArticle,
)
from broadsheet.newsroom.services import (
    article_publish,
    correction_add,
    homepage_install,
    paragraph_blocks,
    section_ensure,
)

from .photos import demo_photo
from .stories import AUTHORS, CORRECTIONS, LEAD_STORIES, RELATED, SECTIONS, STORIES


def authors_ensure():
    return {
        key: Author.objects.get_or_create(
            name=spec["name"], defaults={"role": spec["role"], "kind": spec["kind"]}
        )[0]
        for key, spec in AUTHORS.items()
    }


def photo_ensure(story):
    spec = story["photo"]
    title = f"Demo: {story['headline']}"
    image = NewsImage.objects.filter(title=title).first()
    if image is None:
        options = {k: spec[k] for k in ("sky", "colour") if k in spec}
        data = demo_photo(
            scene=spec["scene"], title=story["headline"], seed=len(story["key"]), **options
        )
        image = NewsImage(
            title=title,
            default_caption=spec["caption"],
            default_alt_text=spec["alt"],
            credit=spec["credit"],
            agency=spec.get("agency", "" if spec["credit"] == "Broadsheet" else spec["credit"]),
        )
        image.file = ImageFile(
            _named_bytes(data, f"{story['key']}.jpg"), name=f"{story['key']}.jpg"
        )
        image.save()
    return image


def _named_bytes(data, name):
    buffer = io.BytesIO(data)
    buffer.name = name
    return buffer


def story_body(story):
    blocks = paragraph_blocks(story["paragraphs"])
    if story.get("quote"):
        blocks.insert(min(3, len(blocks)), ("pull_quote", story["quote"]))
    return blocks


def article_ensure(*, story, home, authors):
    """Returns (article, created); an existing article (same section and slug) is left as the editors left it."""
    section = section_ensure(home=home, path=story["section"])
    slug = slugify(story["headline"])[:80]
    existing = ArticlePage.objects.child_of(section).filter(slug=slug).first()
    if existing:
        return existing.specific, False
    article = ArticlePage(
        title=story["headline"],
        slug=slug,
        headline=story["headline"],
        kicker=story["kicker"],
        standfirst=story["standfirst"],
        dateline=story["dateline"],
        lead_image=photo_ensure(story),
        body=story_body(story),
        first_published_at=timezone.now() - datetime.timedelta(hours=story["hours_ago"]),
    )
    article.tags.add(*story["tags"])
    for key in story["authors"]:
        article.bylines.add(ArticleByline(author=authors[key]))
    section.add_child(instance=article)
    article_publish(article=article)
    return article, True


def related_ensure(by_key, created):
    for key, picks in RELATED.items():
        if key in created:
            article = by_key[key]
            for pick in picks:
                RelatedArticle.objects.get_or_create(page=article, article=by_key[pick])


def corrections_ensure(by_key, created):
    for key, entries in CORRECTIONS.items():
        if key in created:
            article = by_key[key]
            for kind, text, minutes in entries:
                at = article.first_published_at + datetime.timedelta(minutes=minutes)
                correction_add(article=article, text=text, kind=kind, at=at)


def lead_stories_ensure(home, by_key):
    if not home.lead_stories.exists():
        for order, key in enumerate(LEAD_STORIES):
            HomeLeadStory.objects.create(page=home, article=by_key[key], sort_order=order)


def load():
    """Create the homepage, sections, authors and stories; returns (home, number of articles created)."""
    home = homepage_install()
    for path in SECTIONS:
        section_ensure(home=home, path=path)
    authors = authors_ensure()
    by_key, created = {}, set()
    for story in STORIES:
        article, was_created = article_ensure(story=story, home=home, authors=authors)
        by_key[story["key"]] = article
        if was_created:
            created.add(story["key"])
    related_ensure(by_key, created)
    corrections_ensure(by_key, created)
    lead_stories_ensure(home, by_key)
    return home, len(created)
