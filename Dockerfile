# The Telegram bot: python -m bot run, configured entirely by BOT_* environment variables
# (see .env.example); the database lives on the /data volume.
#   docker build -t ai-concepts-bot .
#   docker run -d -e BOT_TELEGRAM_TOKEN=... -e BOT_ADMIN_IDS=... -v bot-data:/data ai-concepts-bot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DATABASE_PATH=/data/bot.sqlite3 \
    BOT_KNOWLEDGE_DIR=/app/knowledge

# A fixed numeric id, so that file ownership on the volume means the same on the host.
RUN groupadd --system --gid 10001 bot \
    && useradd --system --uid 10001 --gid bot --no-create-home --shell /usr/sbin/nologin bot \
    && mkdir /data \
    && chown 10001:10001 /data

# Installed as a package (not run from a source tree that would shadow it).
COPY pyproject.toml README.md /tmp/src/
COPY bot /tmp/src/bot
RUN pip install --no-cache-dir /tmp/src \
    && rm -rf /tmp/src

WORKDIR /app
COPY knowledge ./knowledge

USER 10001:10001
# Validates the bundled knowledge and leaves jieba's dictionary cache in the image, so that
# every container starts warm (about 1 s to the first answer instead of 1.7 s).
RUN python -m bot kb check
VOLUME ["/data"]

# docker stop sends SIGTERM: the bot stops polling, finishes and closes the database.
CMD ["python", "-m", "bot", "run"]
