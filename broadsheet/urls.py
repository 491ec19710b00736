"""The URL map: /api/, feeds and sitemaps, comments, dictionary, accounts, admin, then Wagtail's catch-all."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from broadsheet.api import api

urlpatterns = [
    path("api/", api.urls),
    path("", include("broadsheet.newsroom.urls")),
    path("comments/", include("broadsheet.comments.urls")),
    path("dictionary/", include("broadsheet.dictionary.urls")),
    path("accounts/", include("broadsheet.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = (
    "broadsheet.unavailable.server_error_view"  # 503 while PostgreSQL or Redis is unreachable
)
