FROM golang:1.23 AS build
WORKDIR /src
COPY . .
# ok: docker-last-user-root
USER root
RUN go build -o /out/server ./cmd/server

FROM debian:12-slim
RUN useradd --system app
USER app
COPY --from=build /out/server /usr/local/bin/server
# ruleid: docker-last-user-root
USER root
CMD ["server"]
