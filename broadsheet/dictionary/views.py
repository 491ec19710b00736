"""The reader's vocabulary list: a page, and a CSV file Anki imports (front;back, UTF-8)."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .models import SavedWord


@never_cache
def vocabulary(request):
    """Signed-in readers see their saved words here; for others the page script fills in the browser's list."""
    words = SavedWord.objects.filter(reader=request.user) if request.user.is_authenticated else []
    return render(request, "dictionary/vocabulary.html", {"words": words})


def anki_rows(words):
    """(front, back) pairs: the headword, and the gloss a reader saved with it."""
    return [(w["lemma"], w.get("gloss") or "") for w in words]


def anki_csv(rows):
    """Anki's text import: `#` header lines set the separator and columns, then one note per line."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="broadsheet-vocabulary.csv"'
    response.write("#separator:Semicolon\n#html:false\n#columns:Front;Back\n")
    writer = csv.writer(response, delimiter=";", lineterminator="\n")
    writer.writerows(rows)
    return response


@never_cache
def vocabulary_csv(request):
    if not request.user.is_authenticated:
        # Anonymous lists live in the browser; the page builds their file there.
        return anki_csv([])
    words = SavedWord.objects.filter(reader=request.user).values("lemma", "gloss")
    return anki_csv(anki_rows(words))
