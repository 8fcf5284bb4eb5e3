FROM debian:12-slim
# ruleid: docker-package-signature-check-disabled
RUN apt-get update && apt-get install -y --allow-unauthenticated vendor-agent
# ruleid: docker-package-signature-check-disabled
RUN echo "deb [trusted=yes] http://apt.example.com/ stable main" > /etc/apt/sources.list.d/example.list
# ruleid: docker-package-signature-check-disabled
RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y tool
# ok: docker-package-signature-check-disabled
RUN echo "deb [trusted=yes] file:/opt/repo ./" > /etc/apt/sources.list.d/local.list
# ok: docker-package-signature-check-disabled
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates

FROM alpine:3.20 AS alp
# ruleid: docker-package-signature-check-disabled
RUN apk add --allow-untrusted /tmp/pkgs/tool.apk
# ok: docker-package-signature-check-disabled
RUN apk add --no-cache curl

FROM rockylinux:9
# ruleid: docker-package-signature-check-disabled
RUN dnf install -y --nogpgcheck https://example.com/tool.rpm
# ruleid: docker-package-signature-check-disabled
RUN printf '[vendor]\nbaseurl=https://repo.example.com/\ngpgcheck=0\n' > /etc/yum.repos.d/vendor.repo
# ok: docker-package-signature-check-disabled
RUN dnf install -y tool && dnf clean all
USER 1001
