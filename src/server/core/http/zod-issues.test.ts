import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { renderError } from './error-handler.js';
import { toFieldErrors, type ValidationItem } from './zod-issues.js';

/** What fastify-type-provider-zod hands the error handler for each zod issue. */
function itemsOf(schema: z.ZodType, input: unknown): ValidationItem[] {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return r.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join('/')}`,
    message,
    params,
  }));
}

const S = z.object({
  name: z.string().trim().min(1, 'required').max(5),
  code: z.string().min(3).max(10),
  age: z.number().int().min(18).max(99),
  kind: z.enum(['a', 'b']),
  nested: z.object({ email: z.email('email') }),
  custom: z.string().refine((s) => s === 'ok', 'credit_code'),
  odd: z.string().regex(/^x+$/),
});
const valid = {
  name: 'n',
  code: 'abc',
  age: 20,
  kind: 'a',
  nested: { email: 'a@b.cn' },
  custom: 'ok',
  odd: 'xx',
};

const keyFor = (patch: Record<string, unknown>) => toFieldErrors(itemsOf(S, { ...valid, ...patch }));

describe('toFieldErrors', () => {
  it('maps string length issues to too_long / too_short / required', () => {
    expect(keyFor({ name: 'abcdef' })).toEqual([{ path: 'name', key: 'too_long', params: { max: 5 } }]);
    expect(keyFor({ name: '   ' })).toEqual([{ path: 'name', key: 'required' }]);
    expect(keyFor({ code: 'ab' })).toEqual([{ path: 'code', key: 'too_short', params: { min: 3 } }]);
  });

  it('maps number range issues to too_big / too_small', () => {
    expect(keyFor({ age: 100 })).toEqual([{ path: 'age', key: 'too_big', params: { max: 99 } }]);
    expect(keyFor({ age: 3 })).toEqual([{ path: 'age', key: 'too_small', params: { min: 18 } }]);
  });

  it('maps missing values to required and wrong types to invalid_type', () => {
    const { age: _age, ...noAge } = valid;
    expect(toFieldErrors(itemsOf(S, noAge))).toEqual([{ path: 'age', key: 'required' }]);
    expect(keyFor({ age: '20' })).toEqual([{ path: 'age', key: 'invalid_type' }]);
    expect(keyFor({ name: null })).toEqual([{ path: 'name', key: 'required' }]);
  });

  it('keeps message keys of refinements, enum issues and nested paths', () => {
    expect(keyFor({ custom: 'no' })).toEqual([{ path: 'custom', key: 'credit_code' }]);
    expect(keyFor({ kind: 'c' })).toEqual([{ path: 'kind', key: 'invalid_value' }]);
    expect(keyFor({ nested: { email: 'nope' } })).toEqual([{ path: 'nested.email', key: 'email' }]);
    expect(keyFor({ odd: 'y' })).toEqual([{ path: 'odd', key: 'invalid_format' }]);
  });

  it('prefixes paths and handles the root', () => {
    expect(toFieldErrors(itemsOf(S, { ...valid, age: 1 }), 'body')[0]?.path).toBe('body.age');
    expect(toFieldErrors(itemsOf(S, 'x'))).toEqual([{ path: '', key: 'invalid_type' }]);
  });

  it('reports every issue', () => {
    expect(keyFor({ name: '', age: 1, kind: 'x' }).map((f) => f.path)).toEqual(['name', 'age', 'kind']);
  });
});

describe('renderError', () => {
  it('renders field messages in both languages with parameters', () => {
    const err = new AppError('VALIDATION_FAILED', {}, keyFor({ name: 'abcdef' }));
    expect(renderError(err, 'zh-CN')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: '提交的内容有误，请检查标注的字段',
        fields: [{ path: 'name', code: 'too_long', message: '不能超过 5 个字符' }],
      },
    });
    expect(renderError(err, 'en').error.fields?.[0]?.message).toBe('At most 5 characters');
  });

  it('interpolates error parameters and falls back for unknown field keys', () => {
    expect(renderError(new AppError('ACCOUNT_LOCKED', { minutes: 15 }), 'en').error.message).toBe(
      'Too many failed logins; the account is locked for 15 minutes',
    );
    const unknown = renderError(
      new AppError('VALIDATION_FAILED', {}, [{ path: 'x', key: 'no_such_key' }]),
      'en',
    );
    expect(unknown.error.fields).toEqual([{ path: 'x', code: 'no_such_key', message: 'Invalid format' }]);
    expect(renderError(new AppError('NOT_FOUND'), 'zh-CN')).toEqual({
      error: { code: 'NOT_FOUND', message: '未找到该内容' },
    });
  });
});
