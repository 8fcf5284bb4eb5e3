FROM postgres:16
# ruleid: docker-secret-in-env
ENV POSTGRES_PASSWORD={{random:alnum:16}}
# ruleid: docker-secret-in-env
ENV APP_ENV=production API_TOKEN="{{random:alnum:32}}"
# ruleid: docker-secret-in-env
ARG GITHUB_TOKEN={{random:alnum:40}}
# ruleid: docker-secret-in-env
ENV SECRET_KEY some-literal-django-key
# ok: docker-secret-in-env
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
# ok: docker-secret-in-env
ENV DB_PASSWORD=${DB_PASSWORD}
# ok: docker-secret-in-env
ENV TOKEN_EXPIRY=3600 PASSWORD_MIN_LENGTH=12
# ok: docker-secret-in-env
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
# ok: docker-secret-in-env
ARG NPM_TOKEN
# ok: docker-secret-in-env
ENV AUTH_ENABLED=true
USER postgres
