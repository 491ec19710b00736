"""Author pages and the corrections page. (Sections and articles are Wagtail pages; see models/pages.py.)"""

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


def published_corrections():
    """Every correction, clarification and editor's note on a published article, newest first."""
    articles = ArticlePage.objects.published().values("pk")
    return ArticleCorrection.objects.filter(page__in=articles).select_related("page").order_by("-published_at", "-pk")


def corrections_page(request):
    page_obj = paginate(request, published_corrections(), settings.NEWSROOM_CORRECTIONS_PAGE_SIZE)
    context = {"corrections": page_obj.object_list, "page_obj": page_obj}
    return TemplateResponse(request, "newsroom/corrections_page.html", context)
