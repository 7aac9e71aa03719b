// What every route and page of the HTTP app is given.
import type { Runtime } from '@govwatch/pipeline';
import type { Site } from '@govwatch/sites';

export type ApiContext = { rt: Runtime; sites: Site[] };
