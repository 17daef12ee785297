# The lab's own containers for docker-compose.yml. The repository is mounted at /lab (nothing is copied
# in), so one image serves every checkout; node_modules lives in a volume of its own.
#
# app: the original "mids" container — Node.js 24 (the current LTS; CI runs the unit and notebook tests on
# it) to run the labs, kcat and ab (apache2-utils).
FROM node:24-bookworm AS app
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends kcat apache2-utils \
 && rm -rf /var/lib/apt/lists/*
ENV PATH=/lab/node_modules/.bin:$PATH
WORKDIR /lab

# notebook: the same, plus Jupyter and nbconvert; `npm run kernel:install` adds the tslab kernel at start.
FROM app AS notebook
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel \
 && rm -rf /var/lib/apt/lists/*
