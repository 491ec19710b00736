vcl 4.1;
# Varnish in front of Broadsheet. Broadsheet purges it on publish (wagtail.contrib.frontend_cache, set
# FRONTEND_CACHE_VARNISH_URL=http://varnish-host:6081): a PURGE per URL of the page, its section fronts,
# the homepage, feeds and the sitemap. Replies also carry Surrogate-Key (page-<id>, tree-<id>, feeds,
# sitemap, pages) for a tag ban, e.g. `varnishadm ban obj.http.Surrogate-Key ~ "\bpage-42\b"`.

import std;

backend default { .host = "127.0.0.1"; .port = "8000"; }

acl purgers { "127.0.0.1"; "::1"; }   # where Broadsheet's workers run

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purgers) { return (synth(403, "Not allowed")); }
        return (purge);
    }
    if (req.url ~ "^/(admin|django-admin|api|comments|accounts|dictionary)/") { return (pass); }
    # Pages are the same for every reader; only the language cookie changes them.
    if (req.http.Cookie ~ "django_language=") {
        set req.http.X-Language = regsub(req.http.Cookie, ".*django_language=([a-zA-Z-]+).*", "\1");
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Language);
    hash_data(req.http.Accept-Language);
}

sub vcl_backend_response {
    # s-maxage in Cache-Control sets the TTL; serve stale for a minute while refetching.
    set beresp.grace = 60s;
    if (beresp.http.Set-Cookie) { set beresp.uncacheable = true; return (deliver); }
}

sub vcl_deliver {
    unset resp.http.Surrogate-Key;   # internal to the cache layer
}
