"""Writing parsed stories in batches. A batch is written in one transaction with no savepoint per story:
rows are inserted as the stories are read, then the batch's bylines, tags, revisions, imported-file
records, redirects, log entries, search index and reference index go in a few bulk statements. When
anything in the batch is refused, the whole batch is rolled back and written again one story per
savepoint, so the bad story is reported, leaves nothing of itself, and the others are kept. See README
"Import"."""

import hashlib
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, models, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from ..models import (
    ArticleByline,
    ArticlePage,
    ArticleTag,
    Author,
    AuthorKind,
    HomePage,
    ImportedFile,
    NewsImage,
    SectionPage,
)
from ..services import article_fill, homepage_install, section_ensure
from .meta import is_agency, styled_name
from .quiet import batch_purge

# Validating these would cost a query each per story; the writer sets them itself.
TREE_AND_RELATIONS = [
    "path",
    "depth",
    "numchild",
    "url_path",
    "slug",
    "locale",
    "lead_image",
    "live_revision",
    "latest_revision",
    "owner",
    "locked_by",
    "alias_of",
    "content_type",
]
FAILURES = (ValidationError, DatabaseError, ValueError, OSError)
CHILD_RELATIONS = [rel.get_accessor_name() for rel in get_all_child_relations(ArticlePage)]


@dataclass
class Parsed:
    label: str
    sha256: str
    legacy: object
    sibling: object = None


class Batch:
    """What one batch has written so far: its pages (the final state of each), which of them are new,
    the files and old addresses that name them, and what updated pages listed before (for the purge)."""

    def __init__(self):
        self.pages, self.created, self.files, self.redirects, self.previous = {}, set(), [], {}, {}


class ArchiveWriter:
    index_later = (
        None  # a callable taking a committed batch's page ids, or None: indexed in the batch
    )

    def __init__(self):
        self.home = homepage_install()
        self.now = timezone.now()
        self.page_type = ContentType.objects.get_for_model(ArticlePage)
        self.base_type = ContentType.objects.get_for_model(Page)
        self.reset()

    def reset(self):
        """Everything remembered between stories, read again from the database (after any rollback)."""
        self.authors = {a.name.casefold(): a for a in Author.objects.all()}
        self.tags = {}
        self.section_urls = {}
        self.load_identities()
        self.forget_tree()

    def load_identities(self):
        """Every imported file and story identity in memory: a re-run decides 'unchanged' without a query."""
        self.known_files = set(ImportedFile.objects.values_list("sha256", flat=True))
        rows = ArticlePage.objects.exclude(legacy_key=None, legacy_url=None).values_list(
            "pk", "legacy_key", "legacy_url"
        )
        self.by_url = {url: pk for pk, _, url in rows if url}
        self.by_key = {key: (pk, url) for pk, key, url in rows if key}

    def forget_tree(self):
        """Sections, next tree positions and sibling slugs are re-read after any rollback."""
        self.sections, self.next_step, self.slugs = {}, {}, {}

    def write_batch(self, items):
        """[(label, 'created'|'updated'|'failed', url-or-reason)] for the batch, committed together."""
        try:
            with transaction.atomic():
                return self.write_all(items)
        except FAILURES:
            self.reset()
        return self.write_one_by_one(items)

    def write_one_by_one(self, items):
        """The slow path for a batch that was refused: one savepoint per story."""
        outcomes = []
        try:
            with transaction.atomic():
                for item in items:
                    try:
                        with transaction.atomic():
                            outcomes += self.write_all([item])
                    except FAILURES as exc:
                        self.reset()
                        reason = (
                            "; ".join(exc.messages)
                            if isinstance(exc, ValidationError)
                            else str(exc)
                        )
                        outcomes.append(
                            (
                                item.label,
                                "failed",
                                reason.splitlines()[0] if reason else type(exc).__name__,
                            )
                        )
        except DatabaseError as exc:  # the batch's own bookkeeping failed: none of it is kept
            self.reset()
            return [
                (item.label, "failed", f"database error ({exc})".splitlines()[0]) for item in items
            ]
        return outcomes

    def write_all(self, items):
        batch = Batch()
        loaded = self.preload(items)
        outcomes = []
        for item in items:
            page, verb = self.write_one(item, batch, loaded)
            outcomes.append((item.label, verb, self.url_of(page)))
        self.finish_batch(batch)
        return outcomes

    def preload(self, items):
        """The existing articles these stories update, with their child rows: one query each."""
        pks = {pk for pk in (self.find(item.legacy) for item in items) if pk is not None}
        if not pks:
            return {}
        return {
            page.pk: page
            for page in ArticlePage.objects.filter(pk__in=pks).prefetch_related(*CHILD_RELATIONS)
        }

    def write_one(self, item, batch, loaded):
        legacy = item.legacy
        section = self.section_for(legacy.section_path)
        pk = self.find(legacy)
        if pk is None:
            page, verb = self.create(section, legacy, item), "created"
            batch.created.add(page.pk)
        else:
            page = batch.pages.get(pk) or loaded.get(pk) or ArticlePage.objects.get(pk=pk)
            if page.pk not in batch.pages:
                batch.previous[page.pk] = (
                    [b.author_id for b in page.bylines.all()],
                    [t.tag_id for t in page.tagged_items.all()],
                    [page.first_published_at],
                )
            page, verb = self.update(page, section, legacy, item), "updated"
        batch.pages[page.pk] = page
        batch.files.append(ImportedFile(sha256=item.sha256, article=page))
        if legacy.old_url:
            batch.redirects[legacy.old_url] = page
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

    def key_for(self, legacy, page):
        """The story's day + section + headline, unless another story (from another old URL) holds that:
        two stories with one headline on one day in one section are two articles, told apart by the URL."""
        holder, _ = self.by_key.get(legacy.legacy_key, (None, None))
        if holder is not None and holder != page.pk and legacy.old_url:
            return "url:" + hashlib.sha256(legacy.old_url.encode()).hexdigest()[:60]
        return legacy.legacy_key

    def section_for(self, path):
        key = tuple(s.casefold() for s in path)
        if key not in self.sections:
            # treebeard places a new section by its parent's numchild: make every section's true first.
            self.child_counts_sync(Page.objects.type(HomePage, SectionPage))
            before = Page.objects.count()
            home = HomePage.objects.get(
                pk=self.home.pk
            )  # treebeard reads numchild off this very instance
            self.sections[key] = section_ensure(home=home, path=path)
            if Page.objects.count() != before:
                self.next_step.clear()  # a new section took a place among its parent's children
        return self.sections[key]

    def next_path(self, section):
        step = self.next_step.get(section.pk)
        if step is None:
            last = (
                Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
                .order_by("-path")
                .values_list("path", flat=True)
                .first()
            )
            step = Page._str2int(last[-Page.steplen :]) if last else 0
        self.next_step[section.pk] = step + 1
        return Page._get_path(section.path, section.depth + 1, step + 1)

    def slug_for(self, section, legacy):
        taken = self.slugs.get(section.pk)
        if taken is None:
            taken = self.slugs[section.pk] = set(
                Page.objects.filter(
                    path__startswith=section.path, depth=section.depth + 1
                ).values_list("slug", flat=True)
            )
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
        """The story's fields, bylines and tags on the page in memory (written by save_row and finish_batch)."""
        article_fill(page, legacy)
        published = legacy.published_at or page.first_published_at or self.now
        page.first_published_at = published
        page.updated_at = (
            legacy.updated_at if legacy.updated_at and legacy.updated_at > published else None
        )
        page.dateline = legacy.dateline[:80]
        page.legacy_key = self.key_for(legacy, page)
        page.legacy_url = legacy.old_url or page.legacy_url or None
        page.draft_title = page.title
        page.last_published_at = page.updated_at or page.first_published_at
        page.has_unpublished_changes = False
        page.clean_fields(
            exclude=TREE_AND_RELATIONS
        )  # the values; the tree and relations are ours, known good
        page.bylines = [
            ArticleByline(author=self.author(name), sort_order=n)
            for n, name in enumerate(legacy.bylines)
        ]
        page.tags.set(self.tag_objects(legacy.tags))
        photo = self.photo(legacy, item)
        if photo is not None:
            page.lead_image = photo

    def create(self, section, legacy, item):
        slug = self.slug_for(section, legacy)
        page = ArticlePage(
            slug=slug,
            live=True,
            locale_id=section.locale_id,
            depth=section.depth + 1,
            path=self.next_path(section),
            numchild=0,
            url_path=f"{section.url_path}{slug}/",
        )
        for name in (
            CHILD_RELATIONS
        ):  # a new page has none: its corrections, picks, comments are known empty
            setattr(page, name, [])
        self.fill(page, legacy, item)
        return self.save_row(page)

    def update(self, page, section, legacy, item):
        """A changed file, or the other format of a story: the same page (same URL) and a new revision."""
        if page.path[: -Page.steplen] != section.path:
            page.move(section, pos="last-child")
            self.forget_tree()
            page = ArticlePage.objects.get(pk=page.pk)
        self.fill(page, legacy, item)
        return self.save_row(page)

    @staticmethod
    def save_row(page):
        """The page's own rows (Page and ArticlePage), without Wagtail's per-save work: the tree position and
        URL path are set by the writer, the child rows, revision, log entry and indexes by finish_batch, the
        signal handlers' work per batch and at the end of the run (quiet.py)."""
        models.Model.save(page)
        return page

    def url_of(self, page):
        """The page's address as Wagtail serves it: its section's, then its slug (no URL resolving per page)."""
        parent_path = page.url_path[: -len(page.slug) - 1]
        if parent_path not in self.section_urls:
            parent = Page.objects.filter(url_path=parent_path, depth=page.depth - 1).first()
            self.section_urls[parent_path] = parent.get_url() if parent else None
        base = self.section_urls[parent_path]
        return f"{base}{page.slug}/" if base else page.get_url()

    def author(self, name):
        key = name.casefold()
        if key not in self.authors:
            kind = AuthorKind.AGENCY if is_agency(name) else AuthorKind.STAFF
            found = Author.objects.filter(name__iexact=styled_name(name)).first()
            self.authors[key] = found or Author.objects.create(
                name=styled_name(name)[:120], kind=kind
            )
        return self.authors[key]

    def tag_objects(self, names):
        tags = []
        for name in names:
            key = name.casefold()[:100]
            if key not in self.tags:
                self.tags[key] = Tag.objects.filter(
                    name__iexact=name[:100]
                ).first() or Tag.objects.create(name=name[:100])
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
        image = NewsImage(
            title=text[:255],
            default_caption=legacy.caption,
            credit=legacy.credit[:120],
            default_alt_text=text[:255],
            file_hash=digest,
            file_size=len(data),
            file=ContentFile(
                data, name=posixpath.basename(legacy.photo_src.split("?")[0]) or "photo.jpg"
            ),
        )
        image.save()
        ReferenceIndex.create_or_update_for_object(
            image
        )  # its collection, as Wagtail's post_save would
        return image

    def references_add(self, pages):
        """The reference index rows of new pages in one statement: what create_or_update_for_object writes
        for a page with no rows yet (Wagtail's own extraction and hashing), without its per-page query for
        existing rows, which a new page cannot have."""
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=self.page_type,
                    base_content_type=self.base_type,
                    object_id=page.pk,
                    to_content_type_id=to_type,
                    to_object_id=to_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for page in pages
                for to_type, to_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(page)
                )
            ],
            ignore_conflicts=True,
        )

    @staticmethod
    def child_counts_sync(parents):
        for (
            parent
        ) in parents:  # not get_children(): treebeard answers none at all while numchild is 0
            count = Page.objects.filter(
                path__startswith=parent.path, depth=parent.depth + 1
            ).count()
            Page.objects.filter(pk=parent.pk).update(numchild=count)

    def finish_batch(self, batch):
        """What Wagtail does per page, once per batch: the child rows, a revision that is both the latest and
        the live one, the 'created' log entry, child counts, imported-file records, redirects, the search
        index, the reference index, and the purge of what the batch changed."""
        pages = list(batch.pages.values())
        if not pages:
            return
        updated = [p.pk for p in pages if p.pk not in batch.created]
        if updated:
            ArticleByline.objects.filter(page_id__in=updated).delete()
            ArticleTag.objects.filter(content_object_id__in=updated).delete()
        bylines, tagged = [], []
        for page in pages:
            for byline in page.bylines.all():
                byline.page = page
                bylines.append(byline)
            for tag in page.tagged_items.all():
                tag.content_object = page
                tagged.append(tag)
        ArticleByline.objects.bulk_create(bylines)
        ArticleTag.objects.bulk_create(tagged)
        now = timezone.now()
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=self.page_type,
                    base_content_type=self.base_type,
                    object_id=str(page.pk),
                    created_at=now,
                    object_str=str(page)[:255],
                    content=page.serializable_data(),
                )
                for page in pages
            ]
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            page.latest_revision_created_at = revision.created_at
        newest = Subquery(
            Revision.objects.filter(
                base_content_type=self.base_type, object_id=Cast(OuterRef("pk"), CharField())
            )
            .order_by("-pk")
            .values("pk")[:1]
        )
        Page.objects.filter(pk__in=[p.pk for p in pages]).update(
            latest_revision=newest, live_revision=newest, latest_revision_created_at=now
        )
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type=self.page_type,
                    label=page.get_admin_display_title(),
                    action="wagtail.create",
                    timestamp=now,
                    data={},
                    page=page,
                    content_changed=True,
                )
                for page in pages
                if page.pk in batch.created
            ]
        )
        ImportedFile.objects.bulk_create(
            batch.files,
            update_conflicts=True,
            unique_fields=["sha256"],
            update_fields=["article", "imported_at"],
        )
        redirects_ensure(batch.redirects, self.url_of)
        self.child_counts_sync(
            Page.objects.filter(path__in={p.path[: -Page.steplen] for p in pages})
        )
        if self.index_later:  # after the commit, beside the next batch (archive/indexing.py)
            pks = [p.pk for p in pages]
            transaction.on_commit(lambda: self.index_later(pks))
        else:
            for backend in get_search_backends():
                backend.add_bulk(ArticlePage, pages)
        self.references_add([p for p in pages if p.pk in batch.created])
        for pk in updated:
            ReferenceIndex.create_or_update_for_object(batch.pages[pk])
        batch_purge(pages, batch.previous)


def _is_image(data):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(ContentFile(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False
    return True


def redirects_ensure(old_urls, url_of):
    """A permanent redirect from each story's old address (path and query) to its page, on every site."""
    wanted = {}
    for old_url, page in old_urls.items():
        old_path = Redirect.normalise_path(old_url)
        if old_path and old_path != "/" and old_path.rstrip("/") != url_of(page).rstrip("/"):
            wanted[old_path] = page
    if not wanted:
        return
    existing = {r.old_path: r for r in Redirect.objects.filter(site=None, old_path__in=wanted)}
    changed = []
    for old_path, redirect in existing.items():
        redirect.redirect_page, redirect.is_permanent, redirect.redirect_link = (
            wanted[old_path],
            True,
            "",
        )
        changed.append(redirect)
    Redirect.objects.bulk_update(changed, ["redirect_page", "is_permanent", "redirect_link"])
    Redirect.objects.bulk_create(
        [
            Redirect(old_path=path, site=None, redirect_page=page, is_permanent=True)
            for path, page in wanted.items()
            if path not in existing
        ]
    )
