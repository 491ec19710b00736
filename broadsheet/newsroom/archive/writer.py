"""Writing parsed stories in batches: one transaction per batch, one savepoint per story (a story that
fails leaves nothing of itself), the page tree, revisions, the search index and the reference index
kept right with far fewer queries than Wagtail's one-page-at-a-time path. See README "Import"."""

import hashlib
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from ..models import ArticleByline, ArticlePage, Author, AuthorKind, HomePage, ImportedFile, NewsImage, SectionPage
from ..services import article_fill, homepage_install, section_ensure
from .meta import is_agency, styled_name


# Validating these would cost a query each per story; the writer sets them itself.
TREE_AND_RELATIONS = ["path", "depth", "numchild", "url_path", "slug", "locale", "lead_image", "live_revision",
                      "latest_revision", "owner", "locked_by", "alias_of", "content_type"]


@dataclass
class Parsed:
    label: str
    sha256: str
    legacy: object
    sibling: object = None


class ArchiveWriter:
    def __init__(self):
        self.home = homepage_install()
        self.now = timezone.now()
        self.page_type = ContentType.objects.get_for_model(ArticlePage)
        self.base_type = ContentType.objects.get_for_model(Page)
        self.authors = {a.name.casefold(): a for a in Author.objects.all()}
        self.tags = {}
        self.load_identities()
        self.forget_tree()

    def load_identities(self):
        """Every imported file and story identity in memory: a re-run decides 'unchanged' without a query."""
        self.known_files = set(ImportedFile.objects.values_list("sha256", flat=True))
        rows = ArticlePage.objects.exclude(legacy_key=None, legacy_url=None).values_list("pk", "legacy_key", "legacy_url")
        self.by_url = {url: pk for pk, _, url in rows if url}
        self.by_key = {key: (pk, url) for pk, key, url in rows if key}

    def forget_tree(self):
        """Sections, next tree positions and sibling slugs are re-read after any rollback."""
        self.sections, self.next_step, self.slugs = {}, {}, {}

    def write_batch(self, items):
        """[(label, 'created'|'updated', url-or-reason)] for the batch, committed together."""
        outcomes, written = [], []
        try:
            with transaction.atomic():
                for item in items:
                    try:
                        with transaction.atomic():
                            page, verb = self.write_one(item)
                    except (ValidationError, DatabaseError, ValueError, OSError) as exc:
                        self.forget_tree()
                        reason = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
                        outcomes.append((item.label, "failed", reason.splitlines()[0] if reason else type(exc).__name__))
                        continue
                    written.append(page)
                    outcomes.append((item.label, verb, page.get_url()))
                self.finish_batch(written)
        except DatabaseError as exc:  # the batch's own bookkeeping failed: none of it is kept
            self.forget_tree()
            self.load_identities()
            return [(item.label, "failed", f"database error ({exc})".splitlines()[0]) for item in items]
        return outcomes

    def write_one(self, item):
        legacy = item.legacy
        section = self.section_for(legacy.section_path)
        pk = self.find(legacy)
        if pk is None:
            page, verb = self.create(section, legacy, item), "created"
        else:
            page, verb = self.update(pk, section, legacy, item), "updated"
        ImportedFile.objects.update_or_create(sha256=item.sha256, defaults={"article": page})
        if legacy.old_url:
            redirect_ensure(legacy.old_url, page)
        self.known_files.add(item.sha256)
        if page.legacy_url:
            self.by_url[page.legacy_url] = page.pk
        self.by_key[page.legacy_key] = (page.pk, page.legacy_url)
        return page, verb

    def find(self, legacy):
        """The old URL decides first; then day + section + headline (or the text), unless that story
        already came from a different old URL."""
        if legacy.old_url and legacy.old_url in self.by_url:
            return self.by_url[legacy.old_url]
        pk, url = self.by_key.get(legacy.legacy_key, (None, None))
        if pk is not None and (not url or not legacy.old_url or url == legacy.old_url):
            return pk
        return None

    def section_for(self, path):
        key = tuple(s.casefold() for s in path)
        if key not in self.sections:
            # treebeard places a new section by its parent's numchild: make every section's true first.
            self.child_counts_sync(Page.objects.type(HomePage, SectionPage))
            before = Page.objects.count()
            home = HomePage.objects.get(pk=self.home.pk)  # treebeard reads numchild off this very instance
            self.sections[key] = section_ensure(home=home, path=path)
            if Page.objects.count() != before:
                self.next_step.clear()  # a new section took a place among its parent's children
        return self.sections[key]

    def next_path(self, section):
        step = self.next_step.get(section.pk)
        if step is None:
            last = (Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
                    .order_by("-path").values_list("path", flat=True).first())
            step = Page._str2int(last[-Page.steplen:]) if last else 0
        self.next_step[section.pk] = step + 1
        return Page._get_path(section.path, section.depth + 1, step + 1)

    def slug_for(self, section, legacy):
        taken = self.slugs.get(section.pk)
        if taken is None:
            taken = self.slugs[section.pk] = set(Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
                                                 .values_list("slug", flat=True))
        base = slugify(legacy.headline)[:180] or "article"
        candidates = [base]
        if legacy.published_at:  # recurring headlines: the day tells them apart in the address
            candidates.append(f"{base}-{timezone.localtime(legacy.published_at):%Y-%m-%d}")
        slug = next((c for c in candidates if c not in taken), None)
        n = 2
        while slug is None:
            slug = f"{candidates[-1]}-{n}" if f"{candidates[-1]}-{n}" not in taken else None
            n += 1
        taken.add(slug)
        return slug

    def fill(self, page, legacy, item):
        article_fill(page, legacy)
        published = legacy.published_at or page.first_published_at or self.now
        page.first_published_at = published
        page.updated_at = legacy.updated_at if legacy.updated_at and legacy.updated_at > published else None
        page.dateline = legacy.dateline[:80]
        page.legacy_key = legacy.legacy_key
        page.legacy_url = legacy.old_url or page.legacy_url or None
        page.bylines = [ArticleByline(author=self.author(name), sort_order=n) for n, name in enumerate(legacy.bylines)]
        page.tags.set(self.tag_objects(legacy.tags))
        photo = self.photo(legacy, item)
        if photo is not None:
            page.lead_image = photo

    def create(self, section, legacy, item):
        slug = self.slug_for(section, legacy)
        page = ArticlePage(slug=slug, live=True, has_unpublished_changes=False, locale_id=section.locale_id,
                           depth=section.depth + 1, path=self.next_path(section), numchild=0,
                           url_path=f"{section.url_path}{slug}/")
        page._cached_parent_obj = section  # Page.save asks for the parent; it is known
        self.fill(page, legacy, item)
        return self.save_published(page)

    def update(self, pk, section, legacy, item):
        """A changed file, or the other format of a story: the same page (same URL) and a new revision."""
        page = ArticlePage.objects.get(pk=pk)
        if page.get_parent().pk != section.pk:
            page.move(section, pos="last-child")
            self.forget_tree()
            page = ArticlePage.objects.get(pk=pk)
        self.fill(page, legacy, item)
        return self.save_published(page)

    def save_published(self, page):
        """What publishing a revision leaves in the database (the page live with its content, a revision
        that is both the latest and the live one), without the per-page signals: their work is done per
        batch and at the end of the run (quiet.py)."""
        page.draft_title = page.title
        page.last_published_at = page.updated_at or page.first_published_at
        page.clean_fields(exclude=TREE_AND_RELATIONS)  # the values; the tree and relations are ours, known good
        page.save(clean=False)
        revision = Revision.objects.create(
            content_type=self.page_type, base_content_type=self.base_type, object_id=str(page.pk),
            created_at=timezone.now(), object_str=str(page)[:255], content=page.serializable_data(),
        )
        Page.objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision,
                                               latest_revision_created_at=revision.created_at,
                                               has_unpublished_changes=False)
        page.latest_revision, page.live_revision = revision, revision
        return page

    def author(self, name):
        key = name.casefold()
        if key not in self.authors:
            kind = AuthorKind.AGENCY if is_agency(name) else AuthorKind.STAFF
            found = Author.objects.filter(name__iexact=styled_name(name)).first()
            self.authors[key] = found or Author.objects.create(name=styled_name(name)[:120], kind=kind)
        return self.authors[key]

    def tag_objects(self, names):
        tags = []
        for name in names:
            key = name.casefold()[:100]
            if key not in self.tags:
                self.tags[key] = Tag.objects.filter(name__iexact=name[:100]).first() or Tag.objects.create(name=name[:100])
            tags.append(self.tags[key])
        return tags

    def photo(self, legacy, item):
        """The page's photo when its file was saved beside it: one NewsImage per distinct file."""
        if not legacy.photo_src or item.sibling is None:
            return None
        data = item.sibling(unquote(legacy.photo_src.split("?")[0]))
        if not data or not _is_image(data):
            return None
        digest = hashlib.sha1(data).hexdigest()
        existing = NewsImage.objects.filter(file_hash=digest).first()
        if existing:
            return existing
        text = legacy.caption or legacy.headline
        image = NewsImage(title=text[:255], default_caption=legacy.caption, credit=legacy.credit[:120],
                          default_alt_text=text[:255], file_hash=digest, file_size=len(data),
                          file=ContentFile(data, name=posixpath.basename(legacy.photo_src.split("?")[0]) or "photo.jpg"))
        image.save()
        return image

    @staticmethod
    def child_counts_sync(parents):
        for parent in parents:  # not get_children(): treebeard answers none at all while numchild is 0
            count = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            Page.objects.filter(pk=parent.pk).update(numchild=count)

    def finish_batch(self, pages):
        """What Wagtail does per save, once per batch: child counts, the search index, the reference index."""
        pages = list({page.pk: page for page in pages}.values())  # both formats of a story: index it once
        self.child_counts_sync(Page.objects.filter(path__in={p.path[: -Page.steplen] for p in pages}))
        if pages:
            for backend in get_search_backends():
                backend.add_bulk(ArticlePage, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)


def _is_image(data):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(ContentFile(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def redirect_ensure(old_url, page):
    """A permanent redirect from the story's old address (path and query) to its page, on every site."""
    old_path = Redirect.normalise_path(old_url)
    if not old_path or old_path == "/" or old_path.rstrip("/") == (page.get_url() or "").rstrip("/"):
        return
    Redirect.objects.update_or_create(old_path=old_path, site=None,
                                      defaults={"redirect_page": page, "is_permanent": True, "redirect_link": ""})
