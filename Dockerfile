# Production image: the app under gunicorn. docker-compose.yml adds PostgreSQL and Redis.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN SECRET_KEY=build DATABASE_URL=postgres://build/build python manage.py collectstatic --noinput \
 && SECRET_KEY=build DATABASE_URL=postgres://build/build python manage.py compilemessages --ignore=.venv
RUN useradd --system newsroom && mkdir -p /app/media /app/photos && chown newsroom /app/media /app/photos
USER newsroom
EXPOSE 8000
# gunicorn reads WEB_CONCURRENCY for its worker count; the deploy check reads it too (a shared cache is needed).
ENV WEB_CONCURRENCY=3
CMD ["gunicorn", "newsroom.wsgi", "--bind", "0.0.0.0:8000", "--access-logfile", "-"]
