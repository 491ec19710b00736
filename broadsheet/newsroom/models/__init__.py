"""The newsroom's models: photos that carry their credit, authors, and the page tree Home → Section → Article."""

from .authors import Author, AuthorKind, AuthorLink
from .corrections import ArticleCorrection, CorrectionKind
from .images import NewsImage, NewsRendition
from .pages import (
    ArticleByline,
    ArticlePage,
    ArticleTag,
    CommentsMode,
    HomeLeadStory,
    HomePage,
    ImportedFile,
    RelatedArticle,
    SectionPage,
)
from .topics import Topic

__all__ = [
    "ArticleCorrection",
    "ArticleByline",
    "ArticlePage",
    "ArticleTag",
    "Author",
    "AuthorKind",
    "AuthorLink",
    "CommentsMode",
    "CorrectionKind",
    "HomeLeadStory",
    "HomePage",
    "ImportedFile",
    "NewsImage",
    "NewsRendition",
    "RelatedArticle",
    "SectionPage",
    "Topic",
]
