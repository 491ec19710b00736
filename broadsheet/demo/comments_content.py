"""Demo content for comments: the Standards Board Policy page and a few conversations under articles.

Safe to run again: the policy page and each demo conversation are created once.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from broadsheet.comments.models import Comment, PolicyClause, StandardsPolicyPage
from broadsheet.comments.services import recount
from broadsheet.comments.threads import thread_for_key

INTRO = (
    "<p>Our comment section is a place to argue about the news, not about each other. The Standards Board "
    "wrote these rules; moderators cite a clause by its number whenever they hide or delete a comment, and "
    "every removal is counted on our transparency page.</p>"
)

CLAUSES = [
    (
        "Argue with ideas, not people",
        "Criticise what someone wrote, never who they are. Name-calling, mockery of a "
        "person's looks, age or family, and attempts to humiliate another reader are removed.",
    ),
    (
        "No hate or discrimination",
        "Comments that attack people for their nationality, ethnicity, religion, gender, "
        "sexual orientation, disability or region of origin are removed, including slurs disguised with spaces or numbers.",
    ),
    (
        "No threats or incitement",
        "Threatening anyone, wishing harm on them, or urging others to do so is removed "
        "at once and may lead to a ban.",
    ),
    (
        "Privacy",
        "Do not post anyone's address, phone number, workplace, private photos or other details they have "
        "not made public themselves, and do not guess at the identity of anonymous sources or victims.",
    ),
    (
        "No spam or advertising",
        "Links to shops, repeated posts, chain messages and promotion of services are removed. "
        "Links to sources that support your argument are welcome and are read by a moderator first.",
    ),
    (
        "Stay on the story",
        "Keep to the subject of the article. Long exchanges that have nothing to do with it may be "
        "hidden so that other readers can follow the conversation.",
    ),
    (
        "Honesty",
        "Do not impersonate journalists, officials or other readers, and do not knowingly spread false claims "
        "about people or events. Corrections of our reporting are welcome: write to the newsroom.",
    ),
    (
        "Respect the law and the moderators",
        "Comments that break Korean law or court orders are removed. Moderators' "
        "decisions can be appealed once, from the comment itself; repeated breaches lead to warnings, suspensions and bans.",
    ),
]

READERS = [
    ("hyejin.y", "Hyejin", "Yoon"),
    ("d.okafor", "Daniel", "Okafor"),
    ("seoyeon.k", "Seoyeon", "Kim"),
]

CONVERSATION = [
    (
        0,
        None,
        "The timeline at the end helped a lot. I had lost track of who proposed what and when.",
    ),
    (1, 0, "Agreed, though I would have liked a link to the full text of the proposal itself."),
    (2, 0, "The ministry has not published it yet. The reporter says so near the end."),
    (
        1,
        None,
        "Both sides say they want a deal before the holidays. I will believe it when I see it signed.",
    ),
    (2, None, "좋은 기사입니다. The quotes from people on the ground made the story for me."),
]


def _policy_page(home):
    page = StandardsPolicyPage.objects.first()
    if page is not None:
        return page
    page = StandardsPolicyPage(
        title="Standards Board Policy", slug="standards-board-policy", intro=INTRO
    )
    home.add_child(instance=page)
    for number, (title, text) in enumerate(CLAUSES, start=1):
        PolicyClause.objects.create(
            page=page, number=number, title=title, text=text, sort_order=number
        )
    page.save_revision().publish()
    return page


def _readers():
    User = get_user_model()
    people = []
    for username, first, last in READERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_unusable_password()
            user.save()
        people.append(user)
    return people


def _conversation(thread_key, people):
    thread = thread_for_key(thread_key, create=True)
    if thread.comments.exists():
        return
    start = timezone.now() - timedelta(hours=5)
    made = []
    for offset, (who, parent, body) in enumerate(CONVERSATION):
        comment = Comment.objects.create(
            thread=thread,
            author=people[who],
            parent=made[parent] if parent is not None else None,
            body=body,
            created_at=start + timedelta(minutes=17 * offset),
        )
        recount(comment)
        made.append(comment)


def load(*, home):
    _policy_page(home)
    people = _readers()
    articles = [
        p for p in home.get_descendants().live().specific() if hasattr(p, "comments_thread_key")
    ]
    for article in articles[:2]:
        _conversation(article.comments_thread_key, people)
