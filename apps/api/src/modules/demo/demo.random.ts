/**
 * A seeded pseudo-random generator (sfc32, seeded from a string) and the helpers the demo generator draws with.
 * Deterministic: the same seed gives the same sequence on every machine (no Math.random).
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    // cyrb128: four 32-bit words from the seed string
    let h1 = 1779033703;
    let h2 = 3144134277;
    let h3 = 1013904242;
    let h4 = 2773480762;
    for (let i = 0; i < seed.length; i++) {
      const k = seed.charCodeAt(i);
      h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
      h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
      h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
      h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
    }
    h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
    h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
    h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
    h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
    this.a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
    this.b = (h2 ^ h1) >>> 0;
    this.c = (h3 ^ h1) >>> 0;
    this.d = (h4 ^ h1) >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  /**
   * Exactly `count` distinct items, each drawn with a chance growing with its weight (weighted sampling without
   * replacement, Efraimidis–Spirakis): exact totals, realistic spread.
   */
  sample<T>(items: readonly T[], count: number, weight: (item: T) => number = () => 1): T[] {
    if (count > items.length) throw new Error(`Cannot pick ${count} of ${items.length}`);
    if (count <= 0) return [];
    const keyed = items.map((item, i) => {
      const w = Math.max(weight(item), 1e-9);
      return { item, i, key: Math.log(this.next() || Number.MIN_VALUE) / w };
    });
    keyed.sort((x, y) => y.key - x.key || x.i - y.i);
    return keyed.slice(0, count).map((k) => k.item);
  }

  /** A version 4 UUID made of the generator's numbers. */
  uuid(): string {
    const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0');
    const s = hex(this.next() * 2 ** 32) + hex(this.next() * 2 ** 32) + hex(this.next() * 2 ** 32) + hex(this.next() * 2 ** 32);
    const variant = ((parseInt(s[16], 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

/**
 * Splits `total` over items proportionally to their weights (largest remainder), never above an item's cap
 * (what a capped item cannot take goes to the others). Exact: the parts sum to `total`.
 */
export function apportion(total: number, weights: readonly number[], caps?: readonly number[]): number[] {
  const n = weights.length;
  const parts = new Array<number>(n).fill(0);
  const capOf = (i: number) => (caps ? caps[i] : Infinity);
  if (caps && caps.reduce((s, c) => s + c, 0) < total) throw new Error(`Cannot apportion ${total} under caps summing to less`);
  let remaining = total;
  let open = weights.map((_, i) => i).filter((i) => capOf(i) > 0);
  while (remaining > 0) {
    const weightSum = open.reduce((s, i) => s + weights[i], 0);
    const shares = open.map((i) => ({ i, exact: (remaining * weights[i]) / weightSum }));
    let given = 0;
    for (const s of shares) {
      const room = capOf(s.i) - parts[s.i];
      const take = Math.min(Math.floor(s.exact), room);
      parts[s.i] += take;
      given += take;
    }
    let left = remaining - given;
    // largest remainders first, among items with room
    const order = shares
      .filter((s) => parts[s.i] < capOf(s.i))
      .sort((x, y) => y.exact - Math.floor(y.exact) - (x.exact - Math.floor(x.exact)) || x.i - y.i);
    for (const s of order) {
      if (left === 0) break;
      parts[s.i] += 1;
      left -= 1;
    }
    remaining = left;
    open = open.filter((i) => parts[i] < capOf(i));
    if (remaining > 0 && !open.length) throw new Error('apportion: no room left');
  }
  return parts;
}

const DAY = 86_400_000;

/** ISO date + days. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** ISO date + whole years (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/** A date drawn uniformly in [from, to] (ISO, inclusive). */
export function dateBetween(rng: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  if (span < 0) throw new Error(`Empty date range ${from}..${to}`);
  return addDays(from, rng.int(0, span));
}
