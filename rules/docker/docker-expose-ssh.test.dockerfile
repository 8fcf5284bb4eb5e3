ARG SSH_PORT=22
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
# ruleid: docker-expose-ssh
EXPOSE 22
# ruleid: docker-expose-ssh
EXPOSE 80 443 22/tcp
# ok: docker-expose-ssh
EXPOSE 8022 2222
# ok: docker-expose-ssh
EXPOSE 8080/tcp
USER www-data
