FROM node:22-slim
# ruleid: docker-world-writable
RUN chmod -R 777 /app
# ruleid: docker-world-writable
RUN mkdir -p /data && chmod a+rwx /data
# ruleid: docker-world-writable
RUN chmod 0666 /etc/app/config.json
# ruleid: docker-world-writable
COPY --chmod=777 entrypoint.sh /usr/local/bin/
# ok: docker-world-writable
RUN chmod 1777 /tmp/uploads
# ok: docker-world-writable
RUN chmod 755 /usr/local/bin/entrypoint.sh && chmod +x /app/run.sh
# ok: docker-world-writable
RUN chmod g+w /app/cache
# ok: docker-world-writable
COPY --chmod=755 run.sh /usr/local/bin/
USER node
