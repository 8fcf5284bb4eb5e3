# ruleid: secret-gitlab-pipeline-trigger-token
export GITLAB_TRIGGER_TOKEN="glptt-{{random:hex:40}}"
# ok: secret-gitlab-pipeline-trigger-token
export GITLAB_TRIGGER_TOKEN="glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
