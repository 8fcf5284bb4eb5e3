# ruleid: docker-missing-user
FROM alpine:3.20
RUN addgroup -S web && adduser -S -D -H -G web web
COPY app /srv/app
USER web