"""Author pages, search and the corrections page. (Sections and articles are Wagtail pages; see models/pages.py.)"""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .fronts import article_cards, page_number
from .models import ArticleCorrection, ArticlePage, Author


def paginate(request, items, size):
    """One page of items for ?page=; a page that does not exist is a 404, never a 500."""
    try:
        return Paginator(items, size).page(page_number(request.GET.get("page")))
    except InvalidPage as exc:
        raise Http404("No such page") from exc


def author_page(request, slug):
    author = get_object_or_404(Author, slug=slug)
    articles = article_cards().filter(bylines__author=author).distinct()
    page_obj = paginate(request, articles, settings.NEWSROOM_SECTION_PAGE_SIZE)
    context = {"author": author, "articles": page_obj.object_list, "page_obj": page_obj}
    return TemplateResponse(request, "newsroom/author_page.html", context)


def search_page(request):
    """/search/?q=…: the form alone when nothing was asked; a bad value is a 400 page that says what was wrong."""
    from .search import article_search
    from .search_input import search_input

    found = search_input(request.GET)
    context = {"found": found, "chips": search_chips(request.GET, found), "sections": search_sections()}
    if found.errors:
        return TemplateResponse(request, "newsroom/search_page.html", context, status=400)
    if found.q:
        context.update(article_search(found=found))
        context.update(search_page_links(request.GET, context["page_obj"]))
    return TemplateResponse(request, "newsroom/search_page.html", context)


def search_page_links(params, page_obj):
    """Newer/older links that keep the query and filters."""

    def link(number):
        rest = params.copy()
        rest["page"] = str(number)
        return "?" + rest.urlencode()

    if page_obj is None:
        return {}
    return {
        "prev_url": link(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": link(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


def search_sections():
    """Every published section, indented by depth, for the form's section choice."""
    from .models import SectionPage

    return [(s.pk, s.title, s.depth) for s in SectionPage.objects.published().order_by("path")]


def search_chips(params, found):
    """The active filters as (label, URL without that filter) pairs: each chip removes itself."""
    from django.utils.translation import gettext as _

    labels = {
        "section": found.section and _("Section: %s") % found.section.title,
        "author": found.author and _("Author: %s") % found.author.name,
        "tag": found.tag and _("Topic: %s") % found.tag.name,
        "from": found.date_from and _("From %s") % found.date_from.isoformat(),
        "to": found.date_to and _("To %s") % found.date_to.isoformat(),
    }
    chips = []
    for name, label in labels.items():
        if label:
            rest = params.copy()
            rest.pop(name, None)
            rest.pop("page", None)
            chips.append((label, "?" + rest.urlencode()))
    return chips


def published_corrections():
    """Every correction, clarification and editor's note on a published article, newest first."""
    articles = ArticlePage.objects.published().values("pk")
    return ArticleCorrection.objects.filter(page__in=articles).select_related("page").order_by("-published_at", "-pk")


def corrections_page(request):
    page_obj = paginate(request, published_corrections(), settings.NEWSROOM_CORRECTIONS_PAGE_SIZE)
    context = {"corrections": page_obj.object_list, "page_obj": page_obj}
    return TemplateResponse(request, "newsroom/corrections_page.html", context)
