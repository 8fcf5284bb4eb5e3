FROM alpine:3.20 AS base
RUN adduser -D app
USER app

FROM base
RUN apk add --no-cache ca-certificates
# ruleid: docker-last-user-root
USER 0:0
ENTRYPOINT ["/bin/sh"]
