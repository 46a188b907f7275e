'use strict';
// Installs the simulator's pinned dependencies with the machine's npm (`npm ci`: exactly package-lock.json),
// but only when node_modules does not already match: the hash of package.json and package-lock.json is
// stamped into node_modules after a successful install and compared on the next build. Run by the Maven
// build of local-stack (generate-resources); run it by hand with `node install-simulator.js`.
// Downloads packages from the npm registry only; never a Node.js binary.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const MIN_NODE_MAJOR = 18;
const dir = __dirname;
const stampFile = path.join(dir, 'node_modules', '.cdc-appsync-install.sha256');

function fail(message) {
  console.error(`local-stack simulator: ${message}`);
  process.exit(1);
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < MIN_NODE_MAJOR) {
  fail(`Node.js ${MIN_NODE_MAJOR} or newer is needed, found ${process.version}. Install a newer Node.js (with npm).`);
}

const hash = crypto.createHash('sha256');
for (const file of ['package.json', 'package-lock.json']) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    fail(`${full} is missing; it is part of the repository (restore it with git).`);
  }
  hash.update(fs.readFileSync(full));
}
const wanted = hash.digest('hex');
const installed = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
if (installed === wanted) {
  console.log('local-stack simulator: node_modules is up to date with package-lock.json');
  process.exit(0);
}

console.log('local-stack simulator: npm ci (installing the pinned AppSync simulator) ...');
const windows = process.platform === 'win32';
const result = spawnSync(windows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
  cwd: dir,
  stdio: 'inherit',
  shell: windows,
});
if (result.error) {
  fail(`cannot run npm (${result.error.message}). Install Node.js ${MIN_NODE_MAJOR}+ with npm and put it on PATH.`);
}
if (result.status !== 0) {
  fail(`npm ci failed with exit status ${result.status} in ${dir}; see npm's output above.`);
}
fs.writeFileSync(stampFile, `${wanted}\n`);
console.log('local-stack simulator: installed');
