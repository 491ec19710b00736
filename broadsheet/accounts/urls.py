from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("demo-sign-in/", views.demo_sign_in, name="demo_login"),
    path("providers/", views.provider_list, name="providers"),
]
