from django.apps import AppConfig


class DictionaryConfig(AppConfig):
    name = "broadsheet.dictionary"
    label = "dictionary"
