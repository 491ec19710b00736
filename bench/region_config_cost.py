"""Cost of {% comments_region_config %} (the comments region's COMMENTS_* URLs) against one reverse(),
which region.html does twice anyway. Run from the repo root:
PYTHONPATH=. DJANGO_SETTINGS_MODULE=broadsheet.settings.test .venv/bin/python bench/region_config_cost.py
"""

import timeit

import django


def main(n=20000):
    django.setup()
    from django.urls import reverse

    from broadsheet.comments.templatetags.comments_tags import comments_region_config

    def live_url():
        return reverse("comments:live", args=["article-1"])

    for name, call in (("config", comments_region_config), ("reverse", live_url)) * 2:
        call()
        print(name, f"{timeit.timeit(call, number=n) / n * 1e6:.1f} µs")


if __name__ == "__main__":
    main()
