# ruleid: secret-huggingface-token
HF_TOKEN = "hf_{{random:alpha:34}}"
# ok: secret-huggingface-token
HF_TOKEN = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
