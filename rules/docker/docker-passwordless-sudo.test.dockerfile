FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends sudo \
 && useradd -m dev \
# ruleid: docker-passwordless-sudo
 && echo "dev ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/dev
# ruleid: docker-passwordless-sudo
COPY <<EOF /etc/sudoers.d/ci
ci ALL=(root) NOPASSWD: /usr/bin/apt-get
EOF
# ok: docker-passwordless-sudo
RUN echo "dev ALL=(ALL) ALL" > /etc/sudoers.d/dev
USER dev
