import { Section1Figure } from '@canbo/shared';

/**
 * How the figures of section I are split over disjoint groups of people ("cells") so that every figure is hit
 * exactly: each attribute (woman, young, minority, qualification, political theory) is given to an exact number of
 * people of each cell, and every figure is a sum over cells. The figures come from SECTION_1_FIGURES; the numbers
 * below are the generator's choices for how they spread (where the text says nothing), and the cells that take
 * the remainder make the sums exact. Consistency is checked when the plan is built.
 *
 * Cells of cadres and civil servants (CBCC), per unit: the key leaders (party secretary S, the deputy secretary
 * who chairs the people's committee D1, the other deputy D2 — in "type A" units the secretary chairs the people's
 * council, in "type B" units D2 does), the other standing-committee members (SO), the four heads of the
 * socio-political organisations (MO_*, executive-committee members), the other executive-committee members (EO)
 * and everyone else (CO). Public employees are one cell (PE).
 */
export type KeyCell = 'S_A' | 'S_B' | 'D1' | 'D2_A' | 'D2_B';
export type MassOrgCell = 'MO_youth' | 'MO_women' | 'MO_farmers' | 'MO_veterans';
export type CellKey = KeyCell | 'SO' | MassOrgCell | 'EO' | 'CO' | 'PE';

export const KEY_CELLS: readonly KeyCell[] = ['S_A', 'S_B', 'D1', 'D2_A', 'D2_B'];
export const MASS_ORG_CELLS: readonly MassOrgCell[] = ['MO_youth', 'MO_women', 'MO_farmers', 'MO_veterans'];

/** How many people of a cell get each attribute. Qualification and theory counts are over the recorded. */
export interface CellPlan {
  size: number;
  women: number;
  young: number;
  minority: number;
  /** without a recorded qualification (and then without political theory) */
  unrecorded: number;
  /** master or doctorate */
  postgraduate: number;
  /** of which doctorate */
  doctorate: number;
  /** college or below */
  belowBachelor: number;
  /** of which below college */
  belowCollege: number;
  /** advanced political theory (counting the political-science bachelor) */
  advanced: number;
  /** of which a political-science bachelor */
  theoryBachelor: number;
  intermediate: number;
  elementary: number;
}

/** Units of "type A" (the party secretary also chairs the people's council); the others are "type B". */
export const SECRETARY_CHAIRS_COUNCIL_UNITS = 40;

/** Choices for the key leaders (the rest follows from the per-title figures). */
const KEY_CHOICES = {
  /** women secretaries in type A units (they are also the women council chairs of those units) */
  womenSecretariesA: 6,
  /** postgraduate secretaries in type A units */
  postgraduateSecretariesA: 32,
  young: { S_A: 0, S_B: 1, D1: 4, D2_A: 7, D2_B: 8 } as Record<KeyCell, number>,
  minority: { S_A: 1, S_B: 2, D1: 2, D2_A: 1, D2_B: 2 } as Record<KeyCell, number>,
  doctorate: { S_A: 1, S_B: 1, D1: 1, D2_A: 0, D2_B: 0 } as Record<KeyCell, number>,
  theoryBachelorShare: 0.12,
};

const MASS_ORG_CHOICES: Record<MassOrgCell, { women: number; young: number; minority: number; postgraduate: number; belowBachelor: number; advanced?: number }> = {
  MO_youth: { women: 40, young: 102, minority: 4, postgraduate: 10, belowBachelor: 0, advanced: 40 },
  MO_women: { women: 102, young: 20, minority: 4, postgraduate: 12, belowBachelor: 0, advanced: 65 },
  MO_farmers: { women: 8, young: 5, minority: 3, postgraduate: 8, belowBachelor: 3, advanced: 70 },
  // veterans: advanced is the remainder of the figure for the heads of socio-political organisations
  MO_veterans: { women: 0, young: 0, minority: 1, postgraduate: 10, belowBachelor: 3 },
};

const SO_CHOICES = { postgraduate: 180, doctorate: 2, theoryBachelor: 40 };
const EO_CHOICES = { postgraduate: 200, doctorate: 2, belowBachelor: 10, belowCollege: 2, advanced: 100, intermediate: 1300 };
const CO_CHOICES = { doctorate: 1, belowCollege: 12, elementaryShareOfRest: 0.75 };
const PE_CHOICES = { doctorate: 4, belowCollegeShareOfBelow: 0.14, advanced: 150, elementary: 9000 };

export interface Section1Plan {
  cells: Record<CellKey, CellPlan>;
  /** per-title counts, for the checks */
  figures: Map<string, Section1Figure>;
}

/** The cells' plan for the figures, given the cell sizes (which follow from the seats and quotas). */
export function planCells(figures: readonly Section1Figure[], sizes: Record<CellKey, number>): Section1Plan {
  const fig = new Map(figures.map((f) => [f.id, f]));
  const count = (id: string) => {
    const f = fig.get(id);
    if (!f) throw new Error(`The figure ${id} is missing`);
    return f.count;
  };
  const base = (id: string) => fig.get(id)!.base!;
  const empty = (size: number): CellPlan => ({
    size,
    women: 0,
    young: 0,
    minority: 0,
    unrecorded: 0,
    postgraduate: 0,
    doctorate: 0,
    belowBachelor: 0,
    belowCollege: 0,
    advanced: 0,
    theoryBachelor: 0,
    intermediate: 0,
    elementary: 0,
  });
  const cells = Object.fromEntries(Object.entries(sizes).map(([k, n]) => [k, empty(n)])) as Record<CellKey, CellPlan>;

  // key leaders: women and postgraduates by title (a person holding two titles counts under both)
  const wSA = KEY_CHOICES.womenSecretariesA;
  const pSA = KEY_CHOICES.postgraduateSecretariesA;
  const women: Record<KeyCell, number> = {
    S_A: wSA,
    S_B: count('party_secretary_women') - wSA,
    D1: count('pc_chair_women'),
    D2_B: count('council_chair_women') - wSA,
    D2_A: count('deputy_party_secretary_women') - count('pc_chair_women') - (count('council_chair_women') - wSA),
  };
  const postgraduate: Record<KeyCell, number> = {
    S_A: pSA,
    S_B: count('party_secretary_postgraduate') - pSA,
    D1: count('pc_chair_postgraduate'),
    D2_B: count('council_chair_postgraduate') - pSA,
    D2_A: count('deputy_party_secretary_postgraduate') - count('pc_chair_postgraduate') - (count('council_chair_postgraduate') - pSA),
  };
  for (const k of KEY_CELLS) {
    const c = cells[k];
    c.women = women[k];
    c.postgraduate = postgraduate[k];
    c.doctorate = KEY_CHOICES.doctorate[k];
    c.young = KEY_CHOICES.young[k];
    c.minority = KEY_CHOICES.minority[k];
    // every key leader holds advanced political theory (or a political-science bachelor) and a bachelor or above
    c.advanced = c.size;
    c.theoryBachelor = Math.round(c.size * KEY_CHOICES.theoryBachelorShare);
  }
  const keySum = (f: (c: CellPlan) => number) => KEY_CELLS.reduce((s, k) => s + f(cells[k]), 0);

  // the other standing-committee members take what the standing-committee figures leave
  const so = cells.SO;
  so.women = count('standing_committee_women') - keySum((c) => c.women);
  so.young = count('standing_committee_young') - keySum((c) => c.young);
  so.minority = count('standing_committee_minority') - keySum((c) => c.minority);
  so.advanced = count('standing_committee_theory_advanced') - keySum((c) => c.advanced);
  so.intermediate = so.size - so.advanced;
  so.postgraduate = SO_CHOICES.postgraduate;
  so.doctorate = SO_CHOICES.doctorate;
  so.theoryBachelor = SO_CHOICES.theoryBachelor;

  // heads of the socio-political organisations: their advanced count is the figure
  let massAdvanced = 0;
  for (const k of MASS_ORG_CELLS) {
    const c = cells[k];
    const choice = MASS_ORG_CHOICES[k];
    Object.assign(c, { women: choice.women, young: choice.young, minority: choice.minority, postgraduate: choice.postgraduate });
    c.belowBachelor = choice.belowBachelor;
    c.belowCollege = 0;
    if (choice.advanced !== undefined) {
      c.advanced = choice.advanced;
      massAdvanced += choice.advanced;
    }
  }
  cells.MO_veterans.advanced = count('mass_org_head_theory_advanced') - massAdvanced;
  for (const k of MASS_ORG_CELLS) {
    cells[k].intermediate = cells[k].size - cells[k].advanced;
    cells[k].theoryBachelor = Math.round(cells[k].advanced * 0.05);
  }
  const sum = (keys: readonly CellKey[], f: (c: CellPlan) => number) => keys.reduce((s, k) => s + f(cells[k]), 0);
  const committeeCells: CellKey[] = [...KEY_CELLS, 'SO', ...MASS_ORG_CELLS];

  // the other executive-committee members take what the executive-committee figures leave
  const eo = cells.EO;
  eo.women = count('exec_committee_women') - sum(committeeCells, (c) => c.women);
  eo.young = count('exec_committee_young') - sum(committeeCells, (c) => c.young);
  eo.minority = count('exec_committee_minority') - sum(committeeCells, (c) => c.minority);
  eo.postgraduate = EO_CHOICES.postgraduate;
  eo.doctorate = EO_CHOICES.doctorate;
  eo.belowBachelor = EO_CHOICES.belowBachelor;
  eo.belowCollege = EO_CHOICES.belowCollege;
  eo.advanced = EO_CHOICES.advanced;
  eo.theoryBachelor = Math.round(EO_CHOICES.advanced * 0.1);
  eo.intermediate = EO_CHOICES.intermediate;
  eo.elementary = eo.size - eo.advanced - eo.intermediate;

  // the other cadres and civil servants take what the CBCC figures leave
  const exec: CellKey[] = [...committeeCells, 'EO'];
  const co = cells.CO;
  co.women = count('cbcc_women') - sum(exec, (c) => c.women);
  co.young = count('cbcc_young') - sum(exec, (c) => c.young);
  co.minority = count('cbcc_minority') - sum(exec, (c) => c.minority);
  co.unrecorded = base('cbcc_qualification_recorded') - count('cbcc_qualification_recorded');
  co.postgraduate = count('cbcc_postgraduate') - sum(exec, (c) => c.postgraduate);
  co.doctorate = CO_CHOICES.doctorate;
  const cbccBelow = count('cbcc_qualification_recorded') - count('cbcc_bachelor') - count('cbcc_postgraduate');
  co.belowBachelor = cbccBelow - sum(exec, (c) => c.belowBachelor);
  co.belowCollege = Math.min(CO_CHOICES.belowCollege, co.belowBachelor);
  co.advanced = count('cbcc_theory_advanced') - sum(exec, (c) => c.advanced);
  co.theoryBachelor = Math.round(co.advanced * 0.1);
  co.intermediate = count('cbcc_theory_intermediate') - sum(exec, (c) => c.intermediate);
  const coRecorded = co.size - co.unrecorded;
  co.elementary = Math.round((coRecorded - co.advanced - co.intermediate) * CO_CHOICES.elementaryShareOfRest);

  // public employees: one cell, the figures directly
  const pe = cells.PE;
  pe.women = count('pe_women');
  pe.young = count('pe_young');
  pe.minority = count('pe_minority');
  pe.unrecorded = base('pe_qualification_recorded') - count('pe_qualification_recorded');
  pe.postgraduate = count('pe_postgraduate');
  pe.doctorate = PE_CHOICES.doctorate;
  pe.belowBachelor = count('pe_qualification_recorded') - count('pe_bachelor') - count('pe_postgraduate');
  pe.belowCollege = Math.round(pe.belowBachelor * PE_CHOICES.belowCollegeShareOfBelow);
  pe.advanced = PE_CHOICES.advanced;
  pe.theoryBachelor = 10;
  pe.intermediate = count('pe_theory_intermediate');
  pe.elementary = PE_CHOICES.elementary;

  for (const [key, c] of Object.entries(cells)) checkCell(key, c);
  return { cells, figures: fig };
}

function checkCell(key: string, c: CellPlan): void {
  const fail = (what: string) => {
    throw new Error(`Demo plan: cell ${key} cannot hold ${what} (${JSON.stringify(c)})`);
  };
  for (const [name, n] of Object.entries(c)) if (!Number.isInteger(n) || n < 0) fail(`${name} = ${n}`);
  for (const name of ['women', 'young', 'minority', 'unrecorded'] as const) if (c[name] > c.size) fail(name);
  const recorded = c.size - c.unrecorded;
  if (c.postgraduate + c.belowBachelor > recorded) fail('its qualifications');
  if (c.doctorate > c.postgraduate || c.belowCollege > c.belowBachelor) fail('its sub-levels');
  if (c.advanced + c.intermediate + c.elementary > recorded) fail('its political theory');
  if (c.theoryBachelor > c.advanced) fail('its political-science bachelors');
}
