// `npm start`: the demo. Installs what is missing (cached), builds, then hands over to demo.ts,
// which starts both simulators and a real n8n 2.x with the package and the four templates.
import { execSync, spawn } from 'node:child_process';

import { ensureDeps, root } from './ensure-deps.mjs';

ensureDeps();
console.log('• Building the package');
execSync('npm run build', { cwd: root, stdio: 'inherit' });
console.log('• n8n 2.x (installed once into a cache outside the repository)');
execSync('node scripts/install-n8n.mjs --only=2', { cwd: root, stdio: 'inherit' });

const demo = spawn('npx', ['tsx', 'scripts/demo.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => demo.kill(signal));
demo.on('exit', (code) => process.exit(code ?? 0));
