FROM golang:1.23 AS build
RUN CGO_ENABLED=0 go build -o /server .

# ok: docker-missing-user
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /server /server
ENTRYPOINT ["/server"]
