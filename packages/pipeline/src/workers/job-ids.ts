import { canonicalUrl, sha256Hex } from '@govwatch/core';

/** Deterministic job id per run and page, so a re-sent job is deduplicated by BullMQ. */
export const jobIdFor = (runId: string, url: string): string => `${runId}-${sha256Hex(canonicalUrl(url)).slice(0, 24)}`;
