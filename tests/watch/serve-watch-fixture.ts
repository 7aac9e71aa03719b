// Serve the publication-watch fixture sites for a manual run from a shell:
//   pnpm exec tsx tests/watch/serve-watch-fixture.ts /tmp/watch-sites.yaml &
// writes the site file to the path given, prints the origin, and serves until killed; SIGUSR2 puts
// the late report online (as the integration test's publishLate()).
import { writeFileSync } from 'node:fs';
import { startWatchFixture } from './watch-fixture.ts';

const file = process.argv[2] ?? 'watch-sites.yaml';
const fixture = await startWatchFixture();
writeFileSync(file, fixture.siteYaml());
process.stdout.write(
  `watch fixture at ${fixture.origin}; site file ${file}; kill -USR2 ${process.pid} publishes the late report\n`,
);
process.on('SIGUSR2', () => {
  fixture.publishLate();
  process.stdout.write('late report published\n');
});
const stop = () => void fixture.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
