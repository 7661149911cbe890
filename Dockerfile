# One image for every process of the distributed mode: the gateway, the relay, the workers and the scheduler.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
# The locked dependencies first: this layer is rebuilt only when the lock changes, not on every code change.
COPY requirements.lock ./
RUN pip install -r requirements.lock
COPY pyproject.toml README.md ./
COPY commons ./commons
COPY infra ./infra
COPY events ./events
COPY search ./search
COPY schema ./schema
COPY services ./services
RUN pip install --no-deps .
# A volume mounted on the mail folder (compose: mail-outbox) takes its owner from here.
RUN useradd --create-home commons && mkdir -p /app/var/outbox-mail && chown -R commons /app/var
USER commons
EXPOSE 8000
# Ready when every part this mode uses answers (503 otherwise); processes that serve nothing turn it off.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f\"http://127.0.0.1:{os.environ.get('COMMONS_PORT', '8000')}/readyz\", timeout=4)"]
CMD ["commons", "serve"]
