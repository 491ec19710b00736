"""An editor's change to the glossary shows in the next lookup: the cached entries' version moves on."""

from .glossary import glossary_changed


def on_glossary_change(sender, **kwargs):
    from django.db import transaction

    glossary_changed()
    # Saved inside a transaction, the change is not visible yet: a lookup in between would read the old
    # glossary under the new version. Moving on once more at commit retires that copy too.
    transaction.on_commit(glossary_changed)
