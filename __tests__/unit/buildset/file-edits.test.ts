import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {addAuth, configureDocker} from '../../../shared/buildset/configure/docker-config.js';
import {FileEditJournal, restoreEdits} from '../../../shared/buildset/configure/file-edits.js';
import {pathsUnder} from '../../../shared/buildset/paths.js';
import {systemFs} from '../../../shared/buildset/system-fs.js';
import {ProcessRunner} from '../../../shared/engine/process-runner.js';
import {makeRunTempDir} from '../../support/run-dir.js';

const fs = systemFs(new ProcessRunner());

const endpoint = {
  registry: '10.0.0.1:5000',
  mirror: '127.0.0.1:6000',
  username: 'imagegate',
  password: 'pw',
  caCert: 'CA PEM\n'
};

describe('file edits are undone exactly', () => {
  it('restores existing files byte for byte and removes created files and directories', async () => {
    const root = makeRunTempDir('edits');
    const paths = pathsUnder(root, {});
    mkdirSync(join(root, 'etc/docker'), {recursive: true});
    // Odd formatting on purpose: a re-serialised file would differ.
    const daemon = '{ "registry-mirrors": ["https://m.example"],\n  "debug":true }';
    writeFileSync(paths.daemonJson, daemon, {mode: 0o640});
    const journal = new FileEditJournal(fs, join(root, 'backups'));
    expect(await configureDocker(journal, paths, endpoint, true)).toBe(true);

    expect(JSON.parse(readFileSync(paths.daemonJson, 'utf8'))['registry-mirrors']).toEqual([
      'http://127.0.0.1:6000',
      'https://m.example'
    ]);
    expect(readFileSync(join(paths.dockerCertsDir, '10.0.0.1:5000/ca.crt'), 'utf8')).toBe(
      'CA PEM\n'
    );
    expect(JSON.parse(readFileSync(paths.dockerConfig, 'utf8')).auths['10.0.0.1:5000']).toEqual({
      auth: Buffer.from('imagegate:pw').toString('base64')
    });

    expect(await restoreEdits(journal.edits, fs)).toEqual([]);
    expect(readFileSync(paths.daemonJson, 'utf8')).toBe(daemon);
    expect(statSync(paths.daemonJson).mode & 0o777).toBe(0o640);
    expect(existsSync(paths.dockerCertsDir)).toBe(false);
    expect(existsSync(join(root, 'home'))).toBe(false);
  });

  it('keeps what later steps added to a file and takes out only our entry', async () => {
    const root = makeRunTempDir('edits');
    const paths = pathsUnder(root, {});
    mkdirSync(join(root, 'home/.docker'), {recursive: true});
    const original = '{"auths": {"ghcr.io": {"auth": "eA=="}}}\n';
    writeFileSync(paths.dockerConfig, original);
    const journal = new FileEditJournal(fs, join(root, 'backups'));
    await addAuth(journal, paths.dockerConfig, '10.0.0.1:5000', endpoint);
    await configureDocker(journal, paths, endpoint, true);
    // A later `docker login` in the job:
    const later = JSON.parse(readFileSync(paths.dockerConfig, 'utf8'));
    later.auths['quay.io'] = {auth: 'eQ=='};
    writeFileSync(paths.dockerConfig, JSON.stringify(later));
    const daemonLater = JSON.parse(readFileSync(paths.daemonJson, 'utf8'));
    daemonLater.debug = true;
    writeFileSync(paths.daemonJson, JSON.stringify(daemonLater));

    expect(await restoreEdits(journal.edits, fs)).toEqual([]);
    expect(JSON.parse(readFileSync(paths.dockerConfig, 'utf8')).auths).toEqual({
      'ghcr.io': {auth: 'eA=='},
      'quay.io': {auth: 'eQ=='}
    });
    // registry-mirrors did not exist before: it goes, the later `debug` stays.
    expect(JSON.parse(readFileSync(paths.daemonJson, 'utf8'))).toEqual({debug: true});
  });
});
