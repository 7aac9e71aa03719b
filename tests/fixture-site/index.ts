export { startFixtureSite } from './server.ts';
export type {
  ExpectedNonReport,
  ExpectedReport,
  FixtureSite,
  FixtureSiteOptions,
  PageEncoding,
  RequestLogEntry,
  SiteEntry,
  SiteYamlOptions,
  TemplateName,
} from './types.ts';
