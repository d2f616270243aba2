"""The reader's comment form, with the anti-spam image challenge drawn by the site (django-simple-captcha)."""

import re

from captcha.fields import CaptchaField
from captcha.models import CaptchaStore
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

# What a reader would take for a link: a scheme or a www. host.
LINK = re.compile(r"\b(?:https?://|www\.)", re.IGNORECASE)


class ChallengeField(CaptchaField):
    """The image challenge; tells an expired challenge from a wrong answer."""

    def clean(self, value):
        key = value[0] if isinstance(value, list | tuple) and value else ""
        expired = bool(key) and CaptchaStore.objects.filter(hashkey=key, expiration__lte=timezone.now()).exists()
        try:
            return super().clean(value)
        except ValidationError as error:
            if expired:
                raise ValidationError(
                    _("도배방지 그림의 시간이 지났습니다. 새 그림의 글자를 입력해 주세요."), code="expired"
                ) from error
            raise


class CommentForm(forms.Form):
    name = forms.CharField(label=_("이름"), max_length=40, error_messages={"required": _("이름을 적어 주세요.")})
    email = forms.EmailField(
        label=_("이메일(선택)"),
        required=False,
        help_text=_("독자에게 보이지 않습니다. 편집국이 연락할 때만 씁니다."),
        error_messages={"invalid": _("이메일 주소 형식이 아닙니다.")},
    )
    body = forms.CharField(label=_("댓글"), widget=forms.Textarea(attrs={"rows": 5}))
    captcha = ChallengeField(
        label=_("도배방지 글자"),
        error_messages={
            "required": _("그림에 보이는 글자를 입력해 주세요."),
            "incomplete": _("그림에 보이는 글자를 입력해 주세요."),
            "invalid": _("도배방지 글자가 그림과 다릅니다. 새 그림의 글자를 입력해 주세요."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The limit is a setting, so it is read per form rather than frozen at import.
        limit = settings.COMMENTS_MAX_LENGTH
        body = self.fields["body"]
        body.validators.append(
            MaxLengthValidator(limit, _("댓글은 %(limit_value)d자까지 쓸 수 있습니다. 지금 %(show_value)d자입니다."))
        )
        body.widget.attrs["maxlength"] = str(limit)
        body.error_messages["required"] = _("댓글 내용을 적어 주세요.")
        body.help_text = _("%(limit)d자까지 쓸 수 있고, 꾸밈 없는 글자로 보입니다.") % {"limit": limit}

    def clean_body(self):
        body = self.cleaned_data["body"]
        limit = settings.COMMENTS_MAX_LINKS
        if len(LINK.findall(body)) > limit:
            raise ValidationError(
                ngettext("링크는 %(limit)d개까지 넣을 수 있습니다.", "링크는 %(limit)d개까지 넣을 수 있습니다.", limit)
                % {"limit": limit},
                code="links",
            )
        return body
