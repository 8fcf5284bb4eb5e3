FROM debian:12-slim AS fetch
# ruleid: docker-add-remote-url
ADD https://github.com/example/tool/releases/download/v1.2.3/tool-linux-amd64 /usr/local/bin/tool
# ruleid: docker-add-remote-url
ADD --chmod=755 http://downloads.example.com/agent.sh /opt/agent.sh
# ok: docker-add-remote-url
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/
# ok: docker-add-remote-url
ADD https://github.com/example/repo.git#4f0c2f5d3b1a9e8c7d6b5a4f3e2d1c0b9a8f7e6d /src
# ok: docker-add-remote-url
ADD app.tar.gz /srv/

FROM debian:12-slim
# ok: docker-add-remote-url
ADD https://example.com/release.tar.gz /tmp/release.tar.gz
RUN echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/release.tar.gz" | sha256sum -c - \
 && tar -xzf /tmp/release.tar.gz -C /opt
USER nobody
