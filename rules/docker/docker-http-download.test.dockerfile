FROM debian:12-slim
# ruleid: docker-http-download
RUN curl -fsSLo /usr/local/bin/tool http://downloads.example.com/tool-1.2.3 && chmod +x /usr/local/bin/tool
RUN set -eux; \
# ruleid: docker-http-download
    wget -O /tmp/pkg.deb http://mirror.example.org/pool/pkg_1.0_amd64.deb; \
    dpkg -i /tmp/pkg.deb
# ok: docker-http-download
RUN curl -fsSLo /tmp/a.tgz http://downloads.example.com/a.tgz && echo "0123  /tmp/a.tgz" | sha256sum -c -
# ok: docker-http-download
RUN wget -O /tmp/b.tgz http://artifacts:8081/repository/b.tgz
# ok: docker-http-download
RUN curl -fsSL http://localhost:8080/health
# ok: docker-http-download
RUN curl -fsSLo /tmp/c.tgz https://downloads.example.com/c.tgz
USER nobody
