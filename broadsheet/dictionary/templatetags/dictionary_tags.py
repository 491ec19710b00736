"""Placeholder until the dictionary lands: {% words_in_article page %} renders the 'Words in this article' box."""

from django import template

register = template.Library()


@register.simple_tag
def words_in_article(page):
    return ""
