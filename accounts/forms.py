from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("인증 코드"),
        max_length=16,
        help_text=_("인증 앱에 보이는 6자리 숫자, 또는 백업 코드 하나를 입력하세요."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 12}),
    )

    def clean_otp_token(self):
        return "".join(self.cleaned_data["otp_token"].split()).lower()
