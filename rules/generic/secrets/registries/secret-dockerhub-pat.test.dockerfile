FROM node:20-slim
# ruleid: secret-dockerhub-pat
ENV DOCKERHUB_TOKEN=dckr_pat_{{random:base64url:27}}
# ok: secret-dockerhub-pat
ENV DOCKERHUB_TOKEN=dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx
