import { LIMITS } from '@canbo/shared';
import { describe, expect, it } from 'vitest';
import { countRules, nameRules } from './rules';

const t = ((key: string) => key) as never;

/** Runs antd's validator (the library its Form uses) of one value against rules, as the form would. */
async function check(rules: ReturnType<typeof nameRules>, value: unknown): Promise<string[]> {
  const { default: Schema } = await import('@rc-component/async-validator');
  const schema = new Schema({ f: rules as never });
  try {
    await schema.validate({ f: value });
    return [];
  } catch (e) {
    return ((e as { errors: { message: string }[] }).errors ?? []).map((x) => x.message);
  }
}

describe('client-side rules mirror the API', () => {
  it('refuse markup, SQL metacharacters and over-long names', async () => {
    expect(await check(nameRules(t), 'Xã Mỹ Đức')).toEqual([]);
    expect(await check(nameRules(t), '<script>alert(1)</script>')).toContain('validation.name');
    expect(await check(nameRules(t), "Xã A'; DROP TABLE unit; --")).toContain('validation.name');
    expect(await check(nameRules(t), 'x'.repeat(LIMITS.nameMaxLength + 1))).toContain('validation.maxLength');
    expect(await check(nameRules(t), '   ')).toContain('validation.required');
  });
  it('refuse negative, fractional and too large counts', async () => {
    expect(await check(countRules(t), 5)).toEqual([]);
    expect(await check(countRules(t), -1)).toContain('validation.min0');
    expect(await check(countRules(t), 1.5)).toContain('validation.integer');
    expect(await check(countRules(t), LIMITS.quotaMax + 1)).toContain('validation.max');
  });
});
