"""The stand-alone site's URLs: a NinjaAPI with the comments router, the comments pages, Django's login
and language switch, Wagtail (the policy page), and one story page with the comments region."""

from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import TemplateView
from ninja import NinjaAPI
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from broadsheet import api_errors
from broadsheet.comments import api_errors as comments_errors
from broadsheet.comments.api import router as comments_router

api = NinjaAPI(title="Standalone comments", urls_namespace="api")
api_errors.install(api)  # the site's API error shape: Broadsheet's module, which knows no app
comments_errors.install(api)
api.add_router("/comments", comments_router)

urlpatterns = [
    path("api/", api.urls),
    path("comments/", include("broadsheet.comments.urls")),
    path("story/", TemplateView.as_view(template_name="story.html"), name="story"),
    path("login/", auth_views.LoginView.as_view(template_name="login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
