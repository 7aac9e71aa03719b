import { pipelineOptions, runPipelineBench } from './pipeline-bench.ts';

const r = await runPipelineBench(pipelineOptions, (l) => console.error(l));
console.log(JSON.stringify(r, null, 1));
