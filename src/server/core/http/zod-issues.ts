import type { FieldError } from '../errors.js';
import { fieldMessages } from '../messages.js';

/** The shape fastify-type-provider-zod gives each failed zod issue. */
export interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const num = (v: unknown): number => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : 0);

/** Turns zod issues into field errors with message keys from `fieldMessages`. */
export function toFieldErrors(items: ValidationItem[], prefix = ''): FieldError[] {
  return items.map((it): FieldError => {
    const path = [prefix, ...it.instancePath.split('/').filter(Boolean)].filter(Boolean).join('.');
    const p = it.params ?? {};
    const msg = it.message ?? '';
    const isString = p.origin === 'string';
    if (it.keyword === 'too_big') {
      return isString
        ? { path, key: 'too_long', params: { max: num(p.maximum) } }
        : { path, key: 'too_big', params: { max: num(p.maximum) } };
    }
    if (it.keyword === 'too_small') {
      if (msg === 'required' || (isString && num(p.minimum) <= 1)) return { path, key: 'required' };
      return isString
        ? { path, key: 'too_short', params: { min: num(p.minimum) } }
        : { path, key: 'too_small', params: { min: num(p.minimum) } };
    }
    if (it.keyword === 'invalid_type' && /received undefined|received null/.test(msg))
      return { path, key: 'required' };
    if (msg in fieldMessages) return { path, key: msg };
    if (it.keyword in fieldMessages) return { path, key: it.keyword };
    return { path, key: 'invalid_format' };
  });
}
