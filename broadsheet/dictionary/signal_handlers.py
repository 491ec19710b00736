"""An editor's change to the glossary shows in the next lookup: the cached entries' version moves on."""

from .glossary import glossary_changed


def on_glossary_change(sender, **kwargs):
    glossary_changed()
