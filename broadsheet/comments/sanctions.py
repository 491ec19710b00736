"""A sanction outlives the account: kept under the person's hashed identities (the adapter's
sanction_identities), it comes back when a new account signs in with one of them."""

from django.db import transaction
from django.utils import timezone

from .adapter import get_adapter
from .models import Sanction, SanctionIdentity


def sanction_identities_store(*, sanction, user):
    """Keep the sanction under user's identities as they are now (more may have been added since)."""
    digests = get_adapter().sanction_identities(user)
    SanctionIdentity.objects.bulk_create(
        [SanctionIdentity(sanction=sanction, digest=digest) for digest in sorted(digests)],
        ignore_conflicts=True,
    )


def sanctions_follow_identity(*, user):
    """A ban or suspension still in force, whose account was deleted, under one of user's identities,
    becomes user's, and is kept under user's identities too (a login this account adds later)."""
    digests = get_adapter().sanction_identities(user)
    if not digests:
        return
    with transaction.atomic():
        found = list(
            Sanction.objects.in_force(timezone.now())
            .filter(user__isnull=True, identities__digest__in=digests)
            .distinct()
        )
        for sanction in found:
            Sanction.objects.filter(pk=sanction.pk).update(user=user)
            sanction_identities_store(sanction=sanction, user=user)


def on_user_deleting(sender, instance, **kwargs):
    """Before any account is deleted (the reader's "delete my account", the admin): its sanctions in force,
    which become user NULL, are kept under the identities it has now, a login added since included."""
    for sanction in Sanction.objects.in_force(timezone.now()).filter(user=instance):
        sanction_identities_store(sanction=sanction, user=instance)


def on_user_logged_in(sender, request, user, **kwargs):
    sanctions_follow_identity(user=user)
