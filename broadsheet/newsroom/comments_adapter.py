"""The newsroom's side of the comments seam: article threads are keyed ``article-<pk>``."""

from broadsheet.comments.adapter import CommentsAdapter, ThreadInfo
from broadsheet.comments.numbers import whole_number

ARTICLE_PREFIX = "article-"


class NewsroomCommentsAdapter(CommentsAdapter):
    def owns_key(self, key):
        return key.startswith(ARTICLE_PREFIX)

    def absolute_url(self, path):
        from broadsheet.newsroom.canonical import absolute_url

        return absolute_url(path) if path.startswith("/") else path

    def sanction_identities(self, user):
        """Each social login (provider + uid) and each email a provider or the reader verified: an
        unverified address could be someone else's, who would then inherit the ban."""
        from allauth.account.models import EmailAddress
        from allauth.socialaccount.models import SocialAccount

        logins = SocialAccount.objects.filter(user=user).values_list("provider", "uid")
        emails = EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
        keys = [f"social:{provider}:{uid}" for provider, uid in logins]
        keys += [f"email:{email.strip().lower()}" for email in emails]
        return {self.identity_digest(key) for key in keys}

    def can_read_thread(self, request, key):
        """A private article's comments are as private as the article (Wagtail's view restrictions)."""
        from broadsheet.newsroom.freshness import view_restrictions_exist

        if not key.startswith(ARTICLE_PREFIX) or not view_restrictions_exist():
            return True  # the common case costs no query
        from wagtail.models import Page, PageViewRestriction

        page = Page.objects.filter(pk=whole_number(key[len(ARTICLE_PREFIX) :]) or 0).first()
        if page is None:
            return True  # resolve_thread answers for a missing page
        restrictions = PageViewRestriction.objects.filter(
            page__in=page.get_ancestors(inclusive=True)
        )
        return all(restriction.accept_request(request) for restriction in restrictions)

    def policy_url(self):
        """Remembered until a page is published, moved or deleted (it is in every page's footer)."""
        from broadsheet.newsroom.freshness import generation, remembered

        return remembered(("standards-policy-url", generation()), super().policy_url)

    def resolve_thread(self, key):
        if not key.startswith(ARTICLE_PREFIX) or whole_number(key[len(ARTICLE_PREFIX) :]) is None:
            return None
        from broadsheet.newsroom.freshness import generation, remembered

        # Title, URL and comment settings change only when the article is published (a new generation).
        return remembered(("thread-info", key, generation()), lambda: self._article_thread(key))

    def _article_thread(self, key):
        from broadsheet.newsroom.models import ArticlePage

        page = ArticlePage.objects.live().filter(pk=int(key[len(ARTICLE_PREFIX) :])).first()
        if page is None:
            return None
        return ThreadInfo(
            title=page.title,
            url=page.url or "",
            # Fields the article carries for comments; an article without them is open for good.
            mode=getattr(page, "comments_mode", None) or "open",
            closes_at=getattr(page, "comments_close_at", None),
        )
