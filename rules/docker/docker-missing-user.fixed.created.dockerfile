# ruleid: docker-missing-user
FROM debian:12-slim
RUN groupadd --system app && useradd --system --gid app --home-dir /app app
WORKDIR /app
COPY --chown=app:app server /app/server
USER app
EXPOSE 8080
CMD ["/app/server"]
