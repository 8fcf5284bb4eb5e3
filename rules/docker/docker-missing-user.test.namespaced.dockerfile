# The base image sets a user of its own (jupyter images run as jovyan).
# ok: docker-missing-user
FROM quay.io/jupyter/scipy-notebook:2024-12-02
RUN pip install --no-cache-dir altair==5.5.0
