FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*
COPY docker-entrypoint.sh /usr/local/bin/
# ok: docker-last-user-root
USER root
ENTRYPOINT ["docker-entrypoint.sh"]
