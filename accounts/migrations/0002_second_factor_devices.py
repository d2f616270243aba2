"""django-otp's devices under Korean names in the admin: proxies, no tables."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_editors_clear_lockouts'),
        ('otp_static', '0003_add_timestamps'),
        ('otp_totp', '0003_add_timestamps'),
    ]

    operations = [
        migrations.CreateModel(
            name='AppDevice',
            fields=[
            ],
            options={
                'verbose_name': '인증 앱 기기',
                'verbose_name_plural': '인증 앱 기기',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('otp_totp.totpdevice',),
        ),
        migrations.CreateModel(
            name='BackupCodeSet',
            fields=[
            ],
            options={
                'verbose_name': '백업 코드 묶음',
                'verbose_name_plural': '백업 코드 묶음',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('otp_static.staticdevice',),
        ),
    ]
