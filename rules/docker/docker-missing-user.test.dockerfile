FROM python:3.12-slim AS build
RUN pip wheel --wheel-dir /wheels -r requirements.txt

# ruleid: docker-missing-user
FROM python:3.12-slim
COPY --from=build /wheels /wheels
RUN pip install --no-index /wheels/*
CMD ["python", "-m", "app"]
