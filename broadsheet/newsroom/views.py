"""Author pages: who wrote what. (Sections and articles are Wagtail pages; see models/pages.py.)"""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from .canonical import absolute_url
from .fronts import article_cards, page_number
from .models import Author


def author_page(request, slug):
    author = get_object_or_404(Author, slug=slug)
    articles = article_cards().filter(bylines__author=author).distinct()
    try:
        page_obj = Paginator(articles, settings.NEWSROOM_SECTION_PAGE_SIZE).page(page_number(request.GET.get("page")))
    except InvalidPage as exc:
        raise Http404("No such page") from exc
    context = {"author": author, "articles": page_obj.object_list, "page_obj": page_obj,
               "canonical_url": absolute_url(author.get_absolute_url())}
    return TemplateResponse(request, "newsroom/author_page.html", context)
