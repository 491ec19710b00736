"""{% comment_count %}: one query per distinct thread per render, none after {% prefetch_comment_counts %}."""

from django.template import Context, Template

from broadsheet.comments.models import Thread

from .factories import ThreadFactory

TAGS = "{% load comments_tags %}"


def _render(source, **context):
    return Template(TAGS + source).render(Context(context))


def test_the_same_key_twice_costs_one_query(db, django_assert_num_queries):
    ThreadFactory(key="front-a", comment_count=7)
    with django_assert_num_queries(1):
        html = _render("{% comment_count 'front-a' %}|{% comment_count 'front-a' %}")
    one = '<span class="comment-count" data-comment-count="front-a">7</span>'
    assert html == f"{one}|{one}"


def test_prefetched_counts_render_the_same_in_one_query(db, django_assert_num_queries):
    ThreadFactory(key="front-a", comment_count=7)
    ThreadFactory(key="front-b", comment_count=0)
    loop = "{% for k in keys %}{% comment_count k %};{% endfor %}"
    keys = ["front-a", "front-b", "front-missing"]
    plain = _render(loop, keys=keys)
    with django_assert_num_queries(1):
        prefetched = _render("{% prefetch_comment_counts keys %}" + loop, keys=keys)
    assert prefetched == plain
    assert 'data-comment-count="front-missing">0<' in plain


def test_each_render_reads_afresh(db):
    thread = ThreadFactory(key="front-a", comment_count=1)
    assert ">1<" in _render("{% comment_count 'front-a' %}")
    Thread.objects.filter(pk=thread.pk).update(comment_count=2)
    assert ">2<" in _render("{% comment_count 'front-a' %}")


def test_region_chrome_is_rendered_once_per_language(settings):
    """{% region_chrome %}: the region's strings in the reader's language, each language rendered once."""
    from django.utils import translation

    from broadsheet.comments.templatetags import comments_tags

    settings.DEBUG = False
    comments_tags._chrome.cache_clear()
    with translation.override("en"):
        english = _render("{% region_chrome %}")
    with translation.override("ko"):
        korean = _render("{% region_chrome %}")
        assert _render("{% region_chrome %}") == korean
    with translation.override("en"):
        assert _render("{% region_chrome %}") == english
    assert "To write comments, please log in to one of the accounts." in english
    assert "댓글을 쓰려면" in korean and "To write comments" not in korean
    assert comments_tags._chrome.cache_info().misses == 2
