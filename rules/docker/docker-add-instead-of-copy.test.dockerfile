FROM python:3.12-slim
WORKDIR /app
# ruleid: docker-add-instead-of-copy
ADD requirements.txt /app/
# ruleid: docker-add-instead-of-copy
add --chown=app:app . /app
# ok: docker-add-instead-of-copy
ADD vendor/rootfs.tar.gz /
# ok: docker-add-instead-of-copy
ADD https://example.com/tool.tar.gz /tmp/
# ok: docker-add-instead-of-copy
ADD ${ARCHIVE} /opt/
# ok: docker-add-instead-of-copy
COPY config.yml /app/
USER nobody
