FROM ubuntu:24.04
# ruleid: docker-sudo
RUN sudo apt-get update && sudo -E apt-get install -y --no-install-recommends curl
RUN useradd -m dev
USER dev
# ruleid: docker-sudo
RUN sudo mkdir -p /opt/tools
# ruleid: docker-sudo
RUN sudo -u postgres createdb app
# ok: docker-sudo
RUN echo sudo is not run here && mkdir -p /home/dev/.cache
