# ruleid: secret-openai-api-key
OPENAI_API_KEY = "sk-proj-{{random:alnum:60}}T3BlbkFJ{{random:alnum:60}}"
# ok: secret-openai-api-key
OPENAI_API_KEY = "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
