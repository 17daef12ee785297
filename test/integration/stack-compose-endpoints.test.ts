// With docker compose the whole lab, grade included, runs inside the app container. No Docker engine runs
// here, so this checks what can be checked without one: that every endpoint the steps and the grade use,
// as the app container's environment configures them, is a service on its network listening on that
// port and advertising an address the app resolves; that the API the steps call is the one the app
// publishes; that the app image's Hadoop client names the NameNode the same way (and that Hadoop's own
// FsShell accepts that configuration); and that the containers run as the user who runs Compose.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type LabConfig } from '../../lib/config.js';
import { REPO_ROOT } from '../../lib/paths.js';
import { DEFAULT_PORTS, stackLayout } from '../../lib/stack/layout.js';
import { finishedChild, runStep } from '../../scripts/step.js';
import { STEPS } from '../../scripts/steps/index.js';
import {
  composeServices,
  dockerfile,
  environmentOf,
  skipWithoutCompose,
  type ComposeService,
  type ComposeServices,
} from './compose-config.js';

/** `host:port` → its parts. */
function hostPort(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at), port: Number(address.slice(at + 1)) };
}

/** Kafka's `NAME://host:port,…` listener lists, by listener name. */
function listeners(value: string): Record<string, { host: string; port: number }> {
  return Object.fromEntries(
    value.split(',').map((entry) => {
      const [name, address] = entry.trim().split('://');
      return [name, hostPort(address)];
    }),
  );
}

const networksOf = (service: ComposeService) => Object.keys(service.networks ?? { default: null });

/** The commands a step runs (a dry run: nothing is started), as the app container's environment sets them. */
async function stepCommands(id: number, env: Record<string, string>): Promise<string[]> {
  const runDir = mkdtempSync(join(tmpdir(), 'compose-steps-'));
  try {
    const record = await runStep(
      STEPS.find((s) => s.id === id)!,
      {
        config: loadConfig(env),
        dryRun: true,
        runDir,
        spawn: (() => finishedChild()) as unknown as typeof spawn,
        out: () => undefined,
      },
    );
    return record.commands.map((c) => c.command);
  } finally {
    rmSync(runDir, { recursive: true, force: true });
  }
}

describe(
  'Stack > docker-compose.yml > the endpoints of the steps and the grade, seen from the app container',
  skipWithoutCompose,
  () => {
    let services: ComposeServices;
    let app: LabConfig;
    const env = (name: string) => environmentOf(services[name]);
    /** The service called `host` (by service name or hostname), which must share a network with `from`. */
    const serviceAt = (host: string, from: string): [string, ComposeService] => {
      const found = Object.entries(services).find(([name, s]) => name === host || s.hostname === host);
      assert.ok(found, `${host} is the name of a service`);
      const shared = networksOf(found[1]).filter((n) => networksOf(services[from]).includes(n));
      assert.ok(shared.length > 0, `${from} and ${found[0]} share a network, so ${from} resolves ${host}`);
      return found;
    };

    before(() => {
      services = composeServices();
      app = loadConfig(env('app'));
    });

    it('runs the lab as LAB_STACK=compose, with the same endpoints in app and notebook', () => {
      assert.equal(app.stack, 'compose');
      assert.deepEqual(loadConfig(env('notebook')), app, 'the notebook container sees the same services');
    });

    it('points KAFKA_BROKERS at the kafka service, which listens there and advertises exactly that address', () => {
      const kafka = env('kafka');
      const bound = listeners(kafka.KAFKA_LISTENERS);
      const advertised = listeners(kafka.KAFKA_ADVERTISED_LISTENERS);
      for (const broker of app.kafka.brokers) {
        const { host, port } = hostPort(broker);
        assert.equal(serviceAt(host, 'app')[0], 'kafka', `${broker} is the kafka service`);
        const name = Object.keys(advertised).find((n) => advertised[n].port === port);
        assert.ok(name, `Kafka advertises a listener on ${port}`);
        assert.deepEqual(advertised[name], { host, port }, `Kafka tells clients to come back to ${broker}`);
        assert.equal(bound[name]?.port, port, `the ${name} listener is bound on ${port}`);
      }
      assert.ok(
        Object.values(advertised).every((a) => app.kafka.brokers.includes(`${a.host}:${a.port}`)),
        'Kafka advertises no address the app does not use (a client would be sent there)',
      );
    });

    it('points WebHDFS and HDFS_URI at the namenode service, which serves both there on every interface', () => {
      const namenode = env('namenode');
      assert.equal(serviceAt(app.hdfs.host, 'app')[0], 'namenode', 'WEBHDFS_HOST is the NameNode');
      const http = hostPort(namenode['HDFS-SITE.XML_dfs.namenode.http-address']);
      assert.deepEqual(
        http,
        { host: '0.0.0.0', port: app.hdfs.port },
        'WebHDFS on WEBHDFS_PORT, every interface',
      );
      const rpc = new URL(app.hdfs.rpcUri);
      assert.equal(serviceAt(rpc.hostname, 'app')[0], 'namenode', 'HDFS_URI is the NameNode');
      assert.equal(namenode['HDFS-SITE.XML_dfs.namenode.rpc-address'], rpc.host, 'the NameNode RPC address');
      assert.equal(namenode['HDFS-SITE.XML_dfs.namenode.rpc-bind-host'], '0.0.0.0', 'RPC on every interface');
      assert.equal(namenode['CORE-SITE.XML_fs.defaultFS'], app.hdfs.rpcUri, 'the cluster agrees on its name');
      for (const port of [app.hdfs.port, Number(rpc.port)]) {
        assert.ok(services.namenode.expose?.includes(String(port)), `the namenode service exposes ${port}`);
      }
    });

    it('has WebHDFS redirect reads and writes to a DataNode name that every lab container resolves', () => {
      const datanode = env('datanode');
      const advertised = datanode['HDFS-SITE.XML_dfs.datanode.hostname'];
      for (const from of ['app', 'notebook']) {
        assert.equal(serviceAt(advertised, from)[0], 'datanode', `${from} resolves ${advertised}`);
      }
      assert.equal(
        env('namenode')['HDFS-SITE.XML_dfs.namenode.datanode.registration.ip-hostname-check'],
        'false',
        'the NameNode takes the DataNode by the name it gives',
      );
      // the redirect goes to the DataNode's HTTP port: Hadoop's default, which nothing here moves
      assert.ok(!('HDFS-SITE.XML_dfs.datanode.http.address' in datanode), 'the default HTTP address');
      assert.ok(
        services.datanode.expose?.includes(String(DEFAULT_PORTS.datanodeHttp)),
        `the DataNode HTTP port ${DEFAULT_PORTS.datanodeHttp} is exposed`,
      );
    });

    it('calls the game API the steps start where the app container listens, and publishes that port', async () => {
      assert.equal(app.api.host, '0.0.0.0', 'the API listens on every interface of the container');
      const [{ target, host_ip }] = services.app.ports ?? [];
      assert.equal(target, app.api.port, 'the published port is the API port');
      assert.equal(host_ip, '127.0.0.1', 'published on the host only, for a browser');
      const ab = await stepCommands(5, env('app'));
      assert.ok(ab.length > 0, 'step 5 runs ab');
      for (const command of ab) {
        assert.match(
          command,
          new RegExp(` http://127\\.0\\.0\\.1:${app.api.port}/`),
          'ab calls the app container',
        );
      }
      const window = await stepCommands(4, env('app'));
      assert.match(
        window[0],
        /-b kafka:29092 |consume_events/,
        'the kcat window reads the broker the app uses',
      );
    });

    it("gives the app image Hadoop's own client, configured by HDFS_URI, which Hadoop's FsShell accepts", () => {
      const text = dockerfile();
      const hadoopStage = /^FROM (\S+) AS hadoop$/m.exec(text);
      assert.equal(hadoopStage?.[1], services.namenode.image, 'the client is the release the NameNode runs');
      assert.match(text, /^COPY --from=hadoop \/opt\/hadoop \/opt\/hadoop$/m, 'the whole Hadoop client');
      assert.match(text, /^COPY hadoop-conf\/ \/etc\/lab-hadoop\/$/m, "the lab's client configuration");
      for (const setting of [
        'JAVA_HOME=/usr/lib/jvm/default-java',
        'HADOOP_HOME=/opt/hadoop',
        'HADOOP_CONF_DIR=/etc/lab-hadoop',
      ]) {
        assert.ok(text.includes(setting), setting);
      }
      const conf = join(REPO_ROOT, 'docker', 'hadoop-conf');
      assert.match(
        readFileSync(join(conf, 'core-site.xml'), 'utf8'),
        /<name>fs\.defaultFS<\/name><value>\$\{env\.HDFS_URI\}<\/value>/,
        'fs.defaultFS comes from the container environment',
      );
      // That configuration, with HDFS_URI naming the local stack's NameNode, in Hadoop's own FsShell
      const local = stackLayout();
      const listing = spawnSync(
        'java',
        [
          '-cp',
          [conf, join(local.jars.hdfs, '*')].join(':'),
          'org.apache.hadoop.fs.FsShell',
          '-stat',
          '%F',
          '/',
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, HDFS_URI: `hdfs://${local.host}:${local.ports.namenodeRpc}` },
        },
      );
      assert.equal(listing.stdout.trim(), 'directory', `FsShell reached HDFS_URI:\n${listing.stderr}`);
      assert.equal(
        listing.stderr.trim(),
        '',
        'and printed nothing else (no INFO lines, no native-library warning)',
      );
    });

    it('runs hadoop (step 9) with the image client in compose, and never a HADOOP_HOME on this machine', () => {
      const home = mkdtempSync(join(tmpdir(), 'compose-hadoop-'));
      try {
        mkdirSync(join(home, 'bin'));
        writeFileSync(join(home, 'bin', 'hadoop'), '#!/bin/sh\necho "image client: $*"\n');
        chmodSync(join(home, 'bin', 'hadoop'), 0o755);
        const hadoop = (env: Record<string, string>) =>
          spawnSync(join(REPO_ROOT, 'bin', 'hadoop'), ['fs', '-ls', '/tmp/'], {
            encoding: 'utf8',
            env: { ...process.env, LAB_STACK: '', HADOOP_HOME: '', ...env },
          });
        const inApp = hadoop({ LAB_STACK: 'compose', HADOOP_HOME: home });
        assert.equal(inApp.stdout, 'image client: fs -ls /tmp/\n', "the image's hadoop, with the arguments");
        const noClient = hadoop({ LAB_STACK: 'compose' });
        assert.equal(noClient.status, 1, 'no client in compose is an error');
        assert.match(
          noClient.stderr,
          /no Hadoop client at \$HADOOP_HOME[\s\S]*docker compose up -d --build --wait/,
        );
        const here = spawnSync(join(REPO_ROOT, 'bin', 'hadoop'), ['--help'], {
          encoding: 'utf8',
          env: { ...process.env, LAB_STACK: '', HADOOP_HOME: home },
        });
        assert.match(here.stdout, /^usage: npm run hadoop --/, "this machine's FsShell, not HADOOP_HOME's");
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    });

    it("runs app and notebook as the user who runs Compose, with an init that reaps the lab's background programs", () => {
      for (const name of ['app', 'notebook']) {
        assert.deepEqual(
          services[name].build?.args,
          { LAB_UID: '1000', LAB_GID: '1000' },
          `${name}: 1000 by default`,
        );
        assert.equal(services[name].init, true, `${name}: an init process as PID 1`);
      }
      const chosen = composeServices({ UID: '1234', GID: '5678' }).app.build?.args;
      assert.deepEqual(
        chosen,
        { LAB_UID: '1234', LAB_GID: '5678' },
        'UID and GID from the environment or .env',
      );
      const text = dockerfile();
      assert.match(
        text,
        /useradd --non-unique --uid "\$LAB_UID" --gid "\$LAB_GID"/,
        'a named user with that ID',
      );
      assert.match(
        text,
        /chown "\$LAB_UID:\$LAB_GID" \/lab\/node_modules/,
        'the node_modules volume is theirs',
      );
      assert.match(text, /^USER lab$/m, 'the containers run as that user');
    });

    it('installs the npm packages at start only when package-lock.json changed', () => {
      assert.deepEqual(services.app.command, ['sh', 'docker/app-start.sh']);
      const start = readFileSync(join(REPO_ROOT, 'docker', 'app-start.sh'), 'utf8');
      assert.match(start, /^sh scripts\/install-packages\.sh$/m, 'through the stamp script');
      assert.doesNotMatch(start, /npm ci/, 'never npm ci unconditionally');
    });
  },
);
