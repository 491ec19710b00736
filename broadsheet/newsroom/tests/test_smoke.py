def test_migrations_apply(db):
    from broadsheet.newsroom.models import HomePage

    assert HomePage.objects.count() == 0
