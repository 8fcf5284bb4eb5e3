FROM node:22-slim
WORKDIR /app
# ruleid: docker-copy-secret-file
COPY id_rsa /root/.ssh/id_rsa
# ruleid: docker-copy-secret-file
COPY .env ./
# ruleid: docker-copy-secret-file
COPY certs/server.key certs/server.crt /etc/nginx/tls/
# ruleid: docker-copy-secret-file
ADD .ssh /root/.ssh
# ruleid: docker-copy-secret-file
COPY --from=secrets /out/credentials.json /app/
# ok: docker-copy-secret-file
COPY .env.example ./
# ok: docker-copy-secret-file
COPY id_rsa.pub /root/.ssh/authorized_keys
# ok: docker-copy-secret-file
COPY certs/ca.pem /usr/local/share/ca-certificates/ca.crt
# ok: docker-copy-secret-file
COPY nodesource-repo.gpg.key /etc/apt/keyrings/
# ok: docker-copy-secret-file
COPY jenkins.io-2026.key /war/jenkins-key.pub
# ok: docker-copy-secret-file
COPY vendor.key /usr/share/keyrings/
# ok: docker-copy-secret-file
COPY package.json package-lock.json ./
USER node
