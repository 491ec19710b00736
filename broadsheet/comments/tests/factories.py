"""The comments tests' rows, in one place (factory_boy). The stand-alone site's journey and the site's own
tests of comments use them too."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from broadsheet.comments.models import Comment, PolicyClause, Sanction, StandardsPolicyPage, Thread

PASSWORD = "pw"
CLAUSES = [
    (1, "Respect", "No personal attacks."),
    (2, "Hate", "No hate speech."),
    (3, "Spam", "No advertising."),
]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"reader-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(PASSWORD)


def moderator_user(username="mod"):
    """A reader in the Comment moderators group (the group comes from a migration), read back fresh so
    its permission cache holds the group's permissions."""
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name="Comment moderators"))
    return get_user_model().objects.get(pk=user.pk)


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thread

    key = factory.Sequence(lambda n: f"thread-{n}")
    title = factory.LazyAttribute(lambda thread: f"A story ({thread.key})")
    url = factory.LazyAttribute(lambda thread: f"/news/{thread.key}/")


class CommentFactory(factory.django.DjangoModelFactory):
    """A row as stored, without the posting service's checks (use services.comment_create for those)."""

    class Meta:
        model = Comment

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}.")


class SanctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sanction

    user = factory.SubFactory(UserFactory)
    kind = "warning"


def policy_page(clauses=CLAUSES, title="Standards Board Policy", slug="standards-policy"):
    """A live Standards Board Policy page under the root with its numbered clauses."""
    page = StandardsPolicyPage(title=title, slug=slug)
    Page.get_first_root_node().add_child(instance=page)
    for number, clause_title, text in clauses:
        PolicyClause.objects.create(
            page=page, number=number, title=clause_title, text=text, sort_order=number
        )
    return page
