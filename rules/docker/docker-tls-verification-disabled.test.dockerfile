FROM node:22-slim
# ruleid: docker-tls-verification-disabled
RUN curl -fsSLk https://internal.example.com/tool -o /usr/local/bin/tool
# ruleid: docker-tls-verification-disabled
RUN wget --no-check-certificate -O /tmp/a.tgz https://example.com/a.tgz
# ruleid: docker-tls-verification-disabled
RUN pip install --trusted-host pypi.example.com -r requirements.txt
# ruleid: docker-tls-verification-disabled
RUN npm config set strict-ssl false && npm ci
# ruleid: docker-tls-verification-disabled
RUN git config --global http.sslVerify false
# ruleid: docker-tls-verification-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=0
# ruleid: docker-tls-verification-disabled
RUN python3 -m pip config set global.trusted-host "pypi.org files.pythonhosted.org"
# ok: docker-tls-verification-disabled
RUN curl -fsSL https://example.com/tool -o /usr/local/bin/tool
# ok: docker-tls-verification-disabled
RUN npm config set strict-ssl true
# ok: docker-tls-verification-disabled
ENV NODE_TLS_REJECT_UNAUTHORIZED=1
# ok: docker-tls-verification-disabled
RUN curl --keepalive-time 10 -K /etc/curlrc https://example.com
USER node
