from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the mark middleware which page this reply shows; private pages are never shared."""
    if not page.get_view_restrictions().exists():
        request.pagecache_page = page
