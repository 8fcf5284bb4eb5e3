FROM node:22-bookworm-slim
# ok: docker-last-user-root
USER root
RUN npm ci --omit=dev
USER node
CMD ["node", "server.js"]
