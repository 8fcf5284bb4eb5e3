# ruleid: secret-basic-auth-url
export GIT_URL="https://deploy:{{random:alnum:20}}@git.acme.io/acme/app.git"
# ok: secret-basic-auth-url
export GIT_URL="https://deploy:${GIT_TOKEN}@git.acme.io/acme/app.git"
