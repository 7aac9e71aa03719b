// The extract worker process: scale out by running more of these against the same Redis and PostgreSQL.
import { runServiceProcess } from '@govwatch/pipeline';

await runServiceProcess({ name: 'extractor', stages: ['extract'] });
