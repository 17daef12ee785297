# The lab's own image for docker-compose.yml, the original "mids" and "spark" containers in one: the whole
# walkthrough runs in it (`docker compose exec app npm run lab`), and the notebook service serves Jupyter
# from it. The repository is mounted at /lab (nothing is copied in), so one image serves every checkout;
# node_modules lives in a volume of its own.

# Hadoop's own client for step 9's `hadoop fs -ls`: the release the namenode and datanode services run.
FROM apache/hadoop:3.5.0 AS hadoop

# Node.js 24 (the current LTS; CI runs the unit and notebook tests on it) for the labs; kcat and ab
# (apache2-utils) as in mids; a JRE for the Hadoop client; python3-venv for the lab's own Jupyter
# (JupyterLab 4, Notebook 7 and nbclient, pinned in lib/jupyter/requirements.txt), which
# `npm run kernel:install` makes in the checkout's .lab/jupyter-venv for step 10 and the notebook service
# (the tslab kernel is the project's, from node_modules).
FROM node:24-bookworm AS lab
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      kcat apache2-utils default-jre-headless python3-venv \
 && rm -rf /var/lib/apt/lists/*
COPY --from=hadoop /opt/hadoop /opt/hadoop
# core-site.xml names the NameNode by the container's HDFS_URI; log4j keeps the listing free of INFO lines
COPY hadoop-conf/ /etc/lab-hadoop/
ENV JAVA_HOME=/usr/lib/jvm/default-java \
    HADOOP_HOME=/opt/hadoop \
    HADOOP_CONF_DIR=/etc/lab-hadoop \
    PATH=/lab/node_modules/.bin:$PATH

# The containers run as the user who runs Compose (docker-compose.yml passes $UID and $GID), so what they
# write into the checkout (dist/, report/) is that user's, not root's. The user gets a name: Hadoop's
# login refuses a user ID without one ("Invalid UID, could not determine effective user"). --non-unique:
# the ID may already have a name in the image (1000 is `node`). The node_modules mount point is the
# user's, so the volume Docker creates there is too.
ARG LAB_UID=1000
ARG LAB_GID=1000
RUN groupadd --non-unique --gid "$LAB_GID" lab \
 && useradd --non-unique --uid "$LAB_UID" --gid "$LAB_GID" --create-home --home-dir /home/lab lab \
 && mkdir -p /lab/node_modules \
 && chown "$LAB_UID:$LAB_GID" /lab/node_modules
USER lab
WORKDIR /lab
