// docker-compose.yml, as Compose resolves it (`docker compose config` or docker-compose 1.x; no engine needed).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../lib/config.js';
import { runJavaTool } from '../../lib/stack/daemon.js';
import { kafkaDaemon } from '../../lib/stack/kafka-service.js';
import { stackLayout } from '../../lib/stack/layout.js';
import {
  composeServices,
  dockerfile,
  environmentOf,
  skipWithoutCompose,
  type ComposeServices,
} from './compose-config.js';

const EXPECTED = ['app', 'datanode', 'kafka', 'namenode', 'notebook'];

describe('Stack > docker-compose.yml', skipWithoutCompose, () => {
  let services: ComposeServices;
  const env = (name: string) => environmentOf(services[name]);

  before(() => {
    services = composeServices();
  });

  it('has the lab topology: kafka, namenode, datanode, app, notebook', () => {
    assert.deepEqual(Object.keys(services).sort(), EXPECTED);
  });

  it('has no ZooKeeper: Kafka is one KRaft node, broker and controller', () => {
    for (const [name, service] of Object.entries(services)) {
      assert.doesNotMatch(`${name} ${service.image ?? ''}`, /zookeeper/i, `${name} is not a ZooKeeper`);
      const keys = Object.keys(service.environment ?? {});
      assert.ok(!keys.some((k) => /ZOOKEEPER/i.test(k)), `${name} has no ZooKeeper setting`);
    }
    assert.equal(env('kafka').KAFKA_PROCESS_ROLES, 'broker,controller', 'combined roles');
    assert.equal(env('kafka').KAFKA_CONTROLLER_QUORUM_VOTERS, '1@kafka:9093', 'the node votes for itself');
  });

  it('lets other containers reach Kafka at kafka:29092, like the original', () => {
    assert.equal(env('kafka').KAFKA_ADVERTISED_LISTENERS, 'PLAINTEXT://kafka:29092');
    assert.match(env('kafka').KAFKA_LISTENERS ?? '', /PLAINTEXT:\/\/:29092/, 'listens on 29092');
  });

  it('gives Kafka an environment that Kafka 4 itself accepts as a KRaft configuration', () => {
    // the apache/kafka image turns KAFKA_A_B into a.b (none of ours needs the __ / ___ escapes)
    const entries = Object.entries(env('kafka')).filter(([key]) => key.startsWith('KAFKA_'));
    assert.ok(!entries.some(([key]) => key.includes('__')), 'no escaped _ or - in the names');
    const home = mkdtempSync(join(tmpdir(), 'test-stack-compose-'));
    try {
      const lines = entries.map(
        ([key, value]) => `${key.slice(6).toLowerCase().replaceAll('_', '.')}=${value}`,
      );
      const file = join(home, 'server.properties');
      writeFileSync(file, [...lines, `log.dirs=${join(home, 'data')}`].join('\n'));
      // StorageTool format validates the whole broker + controller configuration before it writes anything
      const output = runJavaTool(kafkaDaemon(stackLayout(home)), 'kafka.tools.StorageTool', [
        'format',
        '-t',
        'Z2FtZS1ldmVudHMtbGFiAA',
        '-c',
        file,
      ]);
      assert.match(output, /Formatting metadata directory/, `Kafka accepted the configuration:\n${output}`);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('pins every image to a version', () => {
    assert.match(services.kafka.image ?? '', /^apache\/kafka:4\.\d+\.\d+$/, 'Apache Kafka 4.x.y');
    assert.match(services.namenode.image ?? '', /^apache\/hadoop:3\.\d+\.\d+$/, 'Apache Hadoop 3.x.y');
    assert.equal(services.datanode.image, services.namenode.image, 'NameNode and DataNode from one Hadoop');
    assert.match(dockerfile(), /^FROM node:24\S* AS lab$/m, 'the lab image builds on Node.js 24');
  });

  it('gives every service a healthcheck', () => {
    for (const name of EXPECTED) {
      const check = services[name].healthcheck;
      assert.ok(check?.test && check.test.length > 1 && !check.disable, `${name} has an enabled healthcheck`);
    }
  });

  it('makes every dependent wait for its dependencies to be healthy', () => {
    const edges = Object.entries(services).flatMap(([name, s]) =>
      Object.entries(s.depends_on ?? {}).map(([dep, { condition }]) => [name, dep, condition]),
    );
    assert.ok(edges.length > 0, 'there are dependencies');
    for (const [name, dep, condition] of edges) {
      assert.equal(condition, 'service_healthy', `${name} waits for ${dep} to be healthy`);
    }
    assert.deepEqual(
      Object.keys(services.datanode.depends_on ?? {}),
      ['namenode'],
      'the DataNode needs the NameNode',
    );
    assert.deepEqual(
      Object.keys(services.app.depends_on ?? {}).sort(),
      ['datanode', 'kafka', 'namenode'],
      'the app needs Kafka and HDFS',
    );
    assert.ok('app' in (services.notebook.depends_on ?? {}), 'the notebook needs the app (its node_modules)');
  });

  it('configures HDFS through the image environment: WebHDFS on, first-start format, DataNode by name', () => {
    const namenode = env('namenode');
    assert.equal(
      namenode['CORE-SITE.XML_fs.defaultFS'],
      'hdfs://namenode:8020',
      'default FS is the NameNode',
    );
    assert.equal(namenode['HDFS-SITE.XML_dfs.webhdfs.enabled'], 'true', 'WebHDFS on');
    assert.equal(
      namenode.ENSURE_NAMENODE_DIR,
      namenode['HDFS-SITE.XML_dfs.namenode.name.dir'],
      'the image formats the NameNode folder when it does not exist',
    );
    const advertised = env('datanode')['HDFS-SITE.XML_dfs.datanode.hostname'];
    assert.equal(advertised, services.datanode.hostname, 'the DataNode advertises its own hostname');
    assert.ok(advertised && advertised in services, 'a name every container resolves (a service name)');
  });

  it('points the lab programs at the services through lib/config.ts', () => {
    for (const name of ['app', 'notebook']) {
      const config = loadConfig(env(name));
      assert.equal(config.stack, 'compose', `${name}: LAB_STACK`);
      assert.deepEqual(config.kafka.brokers, ['kafka:29092'], `${name}: KAFKA_BROKERS`);
      assert.deepEqual(
        [config.hdfs.host, config.hdfs.port, config.hdfs.rpcUri],
        ['namenode', 9870, 'hdfs://namenode:8020'],
        `${name}: WebHDFS and the NameNode`,
      );
      assert.equal(
        config.api.host,
        '0.0.0.0',
        `${name}: the API listens on every interface of the container`,
      );
    }
    assert.deepEqual(
      services.app.ports?.map((p) => [p.host_ip, p.published, p.target]),
      [['127.0.0.1', '5000', 5000]],
      'the game API is published on this machine only',
    );
  });

  it("builds app and notebook from one image: kcat and ab as in mids, a JRE, Hadoop's client and venv for the lab's Jupyter", () => {
    assert.deepEqual(services.notebook.build, services.app.build, 'one build');
    assert.equal(services.notebook.image, services.app.image, 'one image');
    assert.match(
      dockerfile(),
      /apt-get install[^\n]*\n?[^\n]*\bkcat\b[^\n]*\bapache2-utils\b[^\n]*\bdefault-jre-headless\b/,
      'kcat, apache2-utils (ab) and a JRE',
    );
    assert.match(
      dockerfile(),
      /apt-get install[^\n]*\n?[^\n]*\bpython3-venv\b/,
      "venv for the lab's Jupyter",
    );
    assert.doesNotMatch(
      dockerfile(),
      /\bjupyter-notebook\b|\bjupyter-nbconvert\b/,
      "no Debian Jupyter: the lab's own",
    );
  });

  it('keeps Jupyter token authentication on in the notebook', () => {
    const command = (services.notebook.command ?? []).join(' ');
    assert.match(command, /\.lab\/jupyter-venv\/bin\/jupyter lab\b/, "runs the lab's JupyterLab");
    assert.match(command, /npm run -s kernel:install/, 'installs the tslab kernel the project way');
    assert.doesNotMatch(command, /token=|password=|disable_check_xsrf/i, 'no option weakens authentication');
    assert.equal(
      services.notebook.environment?.JUPYTER_TOKEN,
      null,
      'no token forced: unset means Jupyter generates one',
    );
    const chosen = composeServices({ JUPYTER_TOKEN: 's3cret' }).notebook.environment ?? {};
    assert.equal(chosen.JUPYTER_TOKEN, 's3cret', 'a token chosen before `up` reaches Jupyter');
  });
});
