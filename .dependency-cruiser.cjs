// The layering of src/, checked by `npm test`: each folder imports only folders below it.
// Bottom to top: the pipeline's pure middle sits between the I/O at its ends.
const LAYERS = [
  ['model'], //                     money, units, errors, validation: depends on nothing of ours
  ['io', 'http'], //                files and HTTP retries
  ['sizing', 'traffic'], //         how many instances, how many GB
  ['pricing'], //                   price lists, queries, tiers, the pricing phase, the price API client
  ['scenario'], //                  the scenario file: schema, defaults, ranges, overrides
  ['estimate'], //                  cost components of a CMG and their evaluation
  ['compare', 'sweep', 'range', 'actuals'], // what commands compute from estimates
  ['report'], //                    one view model per command, and its rendering
  ['cli'], //                       commander, thin commands, exit codes
];

const folders = LAYERS.flat();
const levelOf = (folder) => LAYERS.findIndex((layer) => layer.includes(folder));

module.exports = {
  forbidden: [
    ...folders.map((folder) => {
      const notBelow = folders.filter((other) => other !== folder && levelOf(other) >= levelOf(folder));
      return {
        name: `layer-${folder}`,
        comment: `src/${folder} may import only folders below it: ${folders.filter((f) => levelOf(f) < levelOf(folder)).join(', ') || 'none'}`,
        severity: 'error',
        from: { path: `^src/${folder}/` },
        to: { path: `^src/(${notBelow.join('|')})/` },
      };
    }),
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'src-not-tests',
      comment: 'the product never imports tests or benchmarks',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'bench-not-tests',
      comment: 'benchmarks do not import tests: what both need lives in support/',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^test/' },
    },
    {
      name: 'support-alone',
      comment: 'support/ (generators, loopback servers) serves tests and benchmarks and imports neither',
      severity: 'error',
      from: { path: '^support/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/types/' },
  },
};
