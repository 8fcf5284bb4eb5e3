ARG REGISTRY_TOKEN
FROM node:22-slim AS build
# ok: docker-secret-build-arg
ARG NPM_TOKEN
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc

FROM node:22-slim
# ruleid: docker-secret-build-arg
ARG GITHUB_TOKEN
RUN git clone https://x-access-token:${GITHUB_TOKEN}@github.com/example/private.git /src
# ruleid: docker-secret-build-arg
ENV GITHUB_TOKEN=$GITHUB_TOKEN
# ok: docker-secret-build-arg
ARG APP_VERSION
# ok: docker-secret-build-arg
ARG API_TOKEN_FILE
RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci
USER node
