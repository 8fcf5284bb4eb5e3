# ruleid: secret-github-fine-grained-pat
export GITHUB_TOKEN="github_pat_{{random:alnum:22}}_{{random:alnum:59}}"
# ok: secret-github-fine-grained-pat
export GITHUB_TOKEN="github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
