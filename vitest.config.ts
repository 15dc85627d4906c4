import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { configDefaults, defineConfig, type Plugin } from 'vitest/config';

// The tests write thousands of small files, each made durable with fsync the
// way kwaliteit writes: on a disk that is most of the suite's time, in memory
// almost nothing. So temp folders go to /dev/shm when the machine has it and
// TMPDIR is not set. The code under test is the same; only the disk is faster.
function memoryTemp(): string | undefined {
  try {
    if (!statSync('/dev/shm').isDirectory()) return undefined;
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return undefined;
  }
}
const shm = memoryTemp();
if (!process.env.TMPDIR && shm) process.env.TMPDIR = shm;

const TESTS = ['test/**/*.test.ts', 'src/**/*.test.ts'];

// A test file that replaces modules or globals (vi.mock, vi.doMock, vi.resetModules,
// vi.stubEnv, vi.stubGlobal) gets a fresh process of its own: in a shared one they
// could reach the files run after it. Found by reading the files, so a new test
// file needs no entry here.
function mockingFiles(): string[] {
  const root = fileURLToPath(new URL('.', import.meta.url));
  return ['test', 'src']
    .flatMap((folder) => readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).map((path) => join(folder, path).split('\\').join('/')))
    .filter((path) => path.endsWith('.test.ts') && !path.startsWith('test/fixtures/'))
    .filter((path) => /\bvi\.(mock|doMock|resetModules|stubEnv|stubGlobal)\(/.test(readFileSync(join(root, path), 'utf8')));
}
const MOCKING = mockingFiles();

// The files that take longest, slowest first. Vitest starts files in the order
// of the last run's durations, but a fresh clone (CI) has none, and then it goes
// by file size, which says little here: bad-input.test.ts is 60 lines. A long
// file started last keeps one core busy while the other has nothing left to do.
const SLOW = [
  'test/report-faults.test.ts',
  'test/init.test.ts',
  'test/package.test.ts',
  'test/bad-input.test.ts',
  'test/report-axe.test.ts',
  'test/report-pdf.test.ts',
  'test/properties/report.test.ts',
  'test/properties/new-cycle.test.ts',
  'test/report-docx.test.ts',
  // Skipped here unless npm run build:exe made the program files; .ci/run always does.
  'test/program-file.test.ts',
  'test/check-cli.test.ts',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const index = SLOW.indexOf(relative(spec.project.config.root, spec.moduleId).split('\\').join('/'));
      return index === -1 ? SLOW.length : index;
    };
    // The isolated files first: a shared process is kept only while the next file in line may use it too.
    const isolated = (spec: TestSpecification) => (spec.project.config.isolate ? 0 : 1);
    return (await super.sort(files)).sort((a, b) => isolated(a) - isolated(b) || rank(a) - rank(b));
  }
}

/**
 * Vite resolves packages with the "development" condition when it is not building for production,
 * and vitest passes its conditions on to Node: micromark and its parts, which parse every Markdown
 * file, then ran their development builds, which check invariants and call debug() at every step.
 * The built program (esbuild) uses their production builds, so the tests do too.
 */
function productionBuilds(): Plugin {
  const withoutDevelopment = (conditions: readonly string[] | undefined) => conditions?.filter((condition) => condition !== 'development' && condition !== 'development|production');
  return {
    name: 'kwaliteit:production-builds',
    configResolved(config) {
      const resolve = [config.resolve, config.ssr?.resolve, ...Object.values(config.environments ?? {}).map((environment) => environment.resolve)];
      for (const options of resolve) {
        if (options?.conditions) (options as { conditions: string[] }).conditions = withoutDevelopment(options.conditions)!;
        if (options && 'externalConditions' in options && options.externalConditions) {
          (options as { externalConditions: string[] }).externalConditions = withoutDevelopment(options.externalConditions)!;
        }
      }
    },
  };
}

export default defineConfig({
  plugins: [productionBuilds()],
  test: {
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The default leaves one of CI's two cores idle; most tests wait on files and child processes anyway.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    projects: [
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
      // The rest share one process per worker, one file after another: loading src/ and its
      // libraries again for every file cost about half a second each.
      { extends: true, test: { name: 'shared', include: TESTS, exclude: [...configDefaults.exclude, ...MOCKING], isolate: false } },
    ],
  },
});
