"""The glossary in the Wagtail admin, under Snippets. `?term=` pre-fills the add form, so the popup's
"add to the glossary" link lands an editor on a form with the missing word already written."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .models import GlossaryTerm


class GlossaryTermCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        term = self.request.GET.get("term", "")[:120]
        return {**initial, "term": term} if term else initial


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    add_view_class = GlossaryTermCreateView
    icon = "openquote"
    menu_label = _("Glossary")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["term", "part_of_speech", "korean_gloss", "updated_at"]
    search_fields = ["term", "korean_gloss"]


register_snippet(GlossaryTermViewSet)
