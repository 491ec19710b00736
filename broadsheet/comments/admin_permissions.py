"""Who may see the comment admin screens: anyone holding comments.moderate (the Comment moderators group)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy


class ModeratorPolicy(BasePermissionPolicy):
    actions = frozenset({"add", "change", "delete", "view"})

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.has_perm("comments.moderate")

    def users_with_any_permission(self, actions):
        User = get_user_model()
        if not self.actions.intersection(actions):
            return User.objects.none()
        perm = Permission.objects.filter(content_type__app_label="comments", codename="moderate")
        return (
            User.objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(groups__permissions__in=perm)
                | Q(user_permissions__in=perm)
            )
            .distinct()
        )


class ModeratorReadOnlyPolicy(ModeratorPolicy):
    """The audit log is written by the services only; nobody edits history."""

    actions = frozenset({"view"})


class ModeratorNoDeletePolicy(ModeratorPolicy):
    """Threads: deleting one would wipe every comment under it with no entry in the log."""

    actions = frozenset({"add", "change", "view"})


class ModeratorChangeOnlyPolicy(ModeratorPolicy):
    """Sanctions are given from the queue (so they are logged); here they can only be revoked."""

    actions = frozenset({"change", "view"})
