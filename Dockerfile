# One image for every process of the distributed mode: the gateway, the relay and the workers.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY commons ./commons
COPY infra ./infra
COPY events ./events
COPY search ./search
COPY schema ./schema
COPY services ./services
RUN pip install .
RUN useradd --create-home commons && mkdir -p /app/var && chown commons /app/var
USER commons
EXPOSE 8000
CMD ["commons", "serve"]
