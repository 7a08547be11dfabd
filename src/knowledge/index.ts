import type { JsonSchema } from '../types.js';
import { databaseSchema, defaultDatabase, type DatabaseKnowledge, type DataLayerConfig } from './database.js';
import { defaultFrameworks, frameworksSchema, type FrameworkKnowledge } from './frameworks.js';
import { defaultHttp, httpSchema, type HttpKnowledge } from './http.js';
import { defaultLoggers, loggersSchema, type LoggerKnowledge } from './loggers.js';
import { defaultMonitoring, monitoringSchema, type MonitoringKnowledge } from './monitoring.js';
import { defaultSensitive, sensitiveSchema, type SensitiveKnowledge } from './sensitive.js';

export type { DatabaseKnowledge, FrameworkKnowledge, HttpKnowledge, LoggerKnowledge, MonitoringKnowledge, SensitiveKnowledge };

/** Framework and data-layer knowledge shared by every rule; the config's `knowledge` extends it. */
export interface Knowledge {
  loggers: LoggerKnowledge;
  database: DatabaseKnowledge;
  http: HttpKnowledge;
  sensitive: SensitiveKnowledge;
  monitoring: MonitoringKnowledge;
  frameworks: FrameworkKnowledge;
}

export type KnowledgeConfig = {
  [K in Exclude<keyof Knowledge, 'database'>]?: Partial<Knowledge[K]>;
} & {
  database?: Partial<Omit<DatabaseKnowledge, 'layers'>> & { layers?: DataLayerConfig[] };
};

export const defaultKnowledge: Knowledge = {
  loggers: defaultLoggers,
  database: defaultDatabase,
  http: defaultHttp,
  sensitive: defaultSensitive,
  monitoring: defaultMonitoring,
  frameworks: defaultFrameworks,
};

export const knowledgeSchema: JsonSchema = {
  type: 'object',
  description: 'Extends what errlint knows about loggers, databases, HTTP and sensitive data. Lists are added to the built-in ones.',
  additionalProperties: false,
  properties: {
    loggers: loggersSchema,
    database: databaseSchema,
    http: httpSchema,
    sensitive: sensitiveSchema,
    monitoring: monitoringSchema,
    frameworks: frameworksSchema,
  },
};

/** Built-in knowledge extended by the config: arrays are appended (deduplicated), other values replace. */
export function resolveKnowledge(config: KnowledgeConfig | undefined): Knowledge {
  if (!config) return defaultKnowledge;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [section, defaults] of Object.entries(defaultKnowledge) as [keyof Knowledge, Record<string, unknown>][]) {
    const extra = (config[section] ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(extra)) {
      const base = defaults[key];
      merged[key] = Array.isArray(base) && Array.isArray(value) ? [...new Set([...base, ...value])] : value;
    }
    out[section] = merged;
  }
  return out as unknown as Knowledge;
}
