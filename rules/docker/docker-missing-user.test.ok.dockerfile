FROM node:22-alpine AS deps
RUN npm ci

FROM deps AS runtime
USER node

# ok: docker-missing-user
FROM runtime
COPY . /app
CMD ["node", "/app/index.js"]
