"""factory_boy factories with traits, e.g. ArticleFactory(published=True)."""

import datetime
import io

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Byline, Section
from articles.roles import EDITOR_GROUP, REPORTER_GROUP, ensure_roles
from comments.roles import ensure_comment_roles
from events.models import Event, Session
from organisations.models import Organisation
from reporters.models import Reporter


def image_upload(name="photo.png", size=(64, 48), fmt="PNG", color=(30, 90, 160)):
    """A real image file as a browser would upload it."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", "pass-word-123")
    is_staff = True

    class Params:
        superuser = factory.Trait(is_superuser=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            ensure_roles(Group, Permission)  # a transactional test's flush empties the groups
            ensure_comment_roles(Group, Permission)
            self.groups.add(*[Group.objects.get(name=name) for name in extracted])
        if create:
            self.save()


def reporter_user(**kwargs):
    return UserFactory(groups=[REPORTER_GROUP], **kwargs)


def editor_user(**kwargs):
    return UserFactory(groups=[EDITOR_GROUP], **kwargs)


class ReporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reporter

    name = factory.Sequence(lambda n: f"기자{n}")
    title = "기자"
    slug = factory.Sequence(lambda n: f"기자-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"기관{n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organisation.Kind.COMPANY
    country = "KR"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"스마트시티 세미나 {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"세션 {n}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"섹션{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"스마트시티 기사 {n}")
    slug = factory.Sequence(lambda n: f"기사-{n}")
    body = "<p>본문입니다.</p>"
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1)),
        )
        scheduled = factory.Trait(
            status=Article.Status.PUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1)),
        )
        in_review = factory.Trait(status=Article.Status.IN_REVIEW)
        changes_requested = factory.Trait(status=Article.Status.CHANGES_REQUESTED)
        unpublished = factory.Trait(
            status=Article.Status.UNPUBLISHED,
            published_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1)),
        )

    @factory.post_generation
    def reporters(self, create, extracted, **kwargs):
        if not create:
            return
        for order, reporter in enumerate(extracted or [ReporterFactory()]):
            Byline.objects.create(article=self, reporter=reporter, order=order)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(extracted)


def library_photo(size=(1200, 800), fmt="JPEG", **fields):
    """A Photo in the library, cleaned and with its renditions, as an upload in the admin makes it."""
    from photos.models import Photo
    from photos.services import save_photo
    from photos.uploads import prepare_upload

    content, _size = prepare_upload(image_upload("phone.jpg", size=size, fmt=fmt))
    photo = Photo(caption=fields.pop("caption", "세미나 사진"), credit=fields.pop("credit", "강승원 기자"), **fields)
    photo.image = content
    return save_photo(photo)
