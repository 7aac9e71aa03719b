// The import rules `pnpm check:imports` (dependency-cruiser; part of pnpm test) enforces on packages/ and services/:
// no cycles, and the layering: services → pipeline → db → jobs → extract/core/sites, nothing
// pointing back up, no product code importing tests.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'an import cycle', from: {}, to: { circular: true } },
    {
      name: 'packages-not-services',
      severity: 'error',
      comment: 'a library imports a process',
      from: { path: '^packages/' },
      to: { path: '^services/' },
    },
    {
      name: 'services-not-each-other',
      severity: 'error',
      comment: 'services are processes and never import each other (the CLI calls their start functions)',
      from: { path: '^services/([^/]+)/', pathNot: '^services/cli/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'product-not-tests',
      severity: 'error',
      comment: 'product code imports test code',
      from: { path: '^(packages|services)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^tests/' },
    },
    {
      name: 'extract-is-pure',
      severity: 'error',
      comment: 'the extractor does no I/O: it imports no database, queue or pipeline code',
      from: { path: '^packages/extract/' },
      to: { path: '^packages/(db|pipeline|jobs)/|node_modules/(bullmq|ioredis|@prisma|pg)/' },
    },
    {
      name: 'prisma-only-in-db',
      severity: 'error',
      comment: 'only the db package imports the Prisma client',
      from: { path: '^(packages|services)/', pathNot: '^packages/db/' },
      to: { path: 'node_modules/@prisma/|^packages/db/src/generated/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|generated)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Workspace packages resolve to their TypeScript sources, as tsc and vitest see them.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['source', 'import', 'default'] },
  },
};
