ARG PY=3.12
ARG BASE
# ruleid: docker-unpinned-base-image
FROM golang AS build
# ruleid: docker-unpinned-base-image
FROM --platform=$BUILDPLATFORM node:latest AS web
# ruleid: docker-unpinned-base-image
FROM registry.example.com:5000/team/image AS tools
# ok: docker-unpinned-base-image
FROM python:${PY}-slim AS py
# ok: docker-unpinned-base-image
FROM ${BASE} AS custom
# ok: docker-unpinned-base-image
FROM build AS test
# ok: docker-unpinned-base-image
FROM alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d AS pinned
# ok: docker-unpinned-base-image
FROM scratch
COPY --from=build /out/app /app
USER 65532
