"""The newsroom's models: photos that carry their credit, authors, and the page tree Home → Section → Article."""

from .authors import Author, AuthorKind
from .images import NewsImage, NewsRendition
from .pages import ArticleByline, ArticlePage, ArticleTag, CommentsMode, HomeLeadStory, HomePage, ImportedFile, RelatedArticle, SectionPage

__all__ = [
    "ArticleByline",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "AuthorKind",
    "CommentsMode",
    "HomeLeadStory",
    "HomePage",
    "ImportedFile",
    "NewsImage",
    "NewsRendition",
    "RelatedArticle",
    "SectionPage",
]
