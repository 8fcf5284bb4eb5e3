FROM debian:12-slim
# ruleid: docker-curl-pipe-shell
RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
RUN apt-get update \
# ruleid: docker-curl-pipe-shell
 && wget -qO- https://get.example.com/install.sh | sudo sh -s -- --yes \
 && apt-get clean
# ruleid: docker-curl-pipe-shell
RUN bash <(curl -s https://example.com/setup.sh)
# ruleid: docker-curl-pipe-shell
RUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/example/tool/HEAD/install.sh)"
# ruleid: docker-curl-pipe-shell
RUN curl -sSL https://install.python-poetry.org | python3 -
RUN <<EOF
set -eux
# ruleid: docker-curl-pipe-shell
curl -fsSL https://example.com/get | sh
EOF
RUN <<EOT bash
    set -ex
# ruleid: docker-curl-pipe-shell
    curl -sSf https://example.com/install.sh | bash -s -- -v 0.13.5
EOT
# ok: docker-curl-pipe-shell
RUN cat <<EOF > /etc/motd
curl https://example.com | sh is only text here
EOF
# ruleid: docker-curl-pipe-shell
RUN ["/bin/sh", "-c", "curl -fsSL https://example.com/x | sh"]
# ok: docker-curl-pipe-shell
RUN curl -fsSLo install.sh https://example.com/install.sh && echo "abc  install.sh" | sha256sum -c - && sh install.sh
# ok: docker-curl-pipe-shell
RUN curl -s https://api.example.com/versions.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["latest"])'
# ok: docker-curl-pipe-shell
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
# ok: docker-curl-pipe-shell
RUN wget -qO- https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
USER nobody
