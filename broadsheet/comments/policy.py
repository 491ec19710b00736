"""The Standards Board Policy in force: the live policy page's numbered clauses."""

from .models import PolicyClause, StandardsPolicyPage


def policy_page():
    return StandardsPolicyPage.objects.live().order_by("pk").first()


def clauses():
    page = policy_page()
    if page is None:
        return PolicyClause.objects.none()
    return PolicyClause.objects.filter(page=page).order_by("number")


def clause_by_number(number):
    if number is None:
        return None
    return clauses().filter(number=number).first()
