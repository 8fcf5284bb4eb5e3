FROM python:3.12-slim
# ruleid: docker-unpinned-package-install
RUN pip install --no-cache-dir flask gunicorn
# ruleid: docker-unpinned-package-install
RUN python -m pip install "requests>=2"
# ruleid: docker-unpinned-package-install
RUN npm install -g @angular/cli
# ruleid: docker-unpinned-package-install
RUN go install golang.org/x/tools/gopls@latest
# ruleid: docker-unpinned-package-install
RUN gem install rails
# ok: docker-unpinned-package-install
RUN pip install --upgrade pip setuptools wheel
# ok: docker-unpinned-package-install
RUN pip install -r requirements.txt
# ok: docker-unpinned-package-install
RUN pip install flask==3.0.3 "gunicorn~=22.0" -c constraints.txt
# ok: docker-unpinned-package-install
RUN pip install --no-deps . ./vendor/pkg.whl git+https://github.com/example/pkg@v1.2.3
# ok: docker-unpinned-package-install
RUN npm install -g typescript@5.6.3 npm@latest
# ok: docker-unpinned-package-install
RUN npm install express
# ok: docker-unpinned-package-install
RUN go install golang.org/x/tools/gopls@v0.16.2 && gem install bundler
# ok: docker-unpinned-package-install
RUN apt-get update && apt-get install -y --no-install-recommends curl
# ok: docker-unpinned-package-install
RUN pip install "ansible-core==${ANSIBLE_VERSION}" $EXTRA_PACKAGES
USER nobody
