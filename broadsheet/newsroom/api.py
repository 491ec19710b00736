"""/api/search: the search page as JSON, the same parameters and the same checks (newsroom/search.py)."""

from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from .search import article_search
from .search_input import search_input

router = Router(tags=["search"])


class SnippetPart(Schema):
    text: str
    match: bool


class SearchHit(Schema):
    id: int
    title: str
    url: str
    section: str | None
    published_at: str | None
    authors: list[str]
    snippet: list[SnippetPart]


class SearchOut(Schema):
    q: str
    count: int
    more: bool = Field(
        False, description="More matches than count: the newest `count` are ranked and shown"
    )
    page: int
    pages: int
    results: list[SearchHit]
    suggestions: list[str] = Field(
        description="Topic names spelt like the query, when nothing matched"
    )


class SearchError(Schema):
    detail: str
    code: str
    errors: list[str]


def _hit(result):
    article = result.article
    return {
        "id": article.pk,
        "title": article.display_headline,
        "url": article.url,
        "section": result.section.title if result.section else None,
        "published_at": article.first_published_at.isoformat()
        if article.first_published_at
        else None,
        "authors": [author.name for author in result.authors],
        "snippet": [{"text": text, "match": matched} for text, matched in result.snippet],
    }


@router.get(
    "",
    response={200: SearchOut, 400: SearchError},
    summary="Search published articles",
    description="Relevance first (newest first among equals), or sort=newest. Quoted words are a phrase. "
    "Filters: section (a section's id, with its subsections), author and tag (slugs), from and to "
    "(YYYY-MM-DD, inclusive). An empty q answers no results.",
)
def search(
    request,
    q: str = "",
    page: str = "",
    sort: str = "",
    section: str = "",
    author: str = "",
    tag: str = "",
    date_from: str = Query("", alias="from"),
    to: str = "",
):
    found = search_input(
        {
            "q": q,
            "page": page,
            "sort": sort,
            "section": section,
            "author": author,
            "tag": tag,
            "from": date_from,
            "to": to,
        }
    )
    if found.errors:
        return Status(
            400, {"detail": " ".join(found.errors), "code": "bad_search", "errors": found.errors}
        )
    if not found.q:
        return {
            "q": "",
            "count": 0,
            "page": found.page,
            "pages": 0,
            "results": [],
            "suggestions": [],
        }
    answer = article_search(found=found)
    return {
        "q": found.q,
        "count": answer["count"],
        "more": answer["more"],
        "page": found.page,
        "pages": answer["pages"],
        "results": [_hit(r) for r in answer["results"]],
        "suggestions": answer["suggestions"],
    }
