import type { DataSource } from 'typeorm';

/**
 * A small dataset with known answers for the five targets (API tests and the dashboard's browser test), as of
 * 2025-10-01, in post: A = the commune officer's unit (p1 secretary, p2, p3 manager, p4), B = the first other
 * commune-level unit by name (p6 chair; p7 seconded to A, counted at B). p5 starts in A on 2025-11-01.
 * Ratings of 2024: p1 excellent, p2 good, p3 complete, p6 good, p7 incomplete. Population minority shares:
 * A 50% (its committee: 1 of 2, within), B 10% (its committee: 0 of 1, 10 points off). Every other unit is empty.
 */
export interface TargetFixture {
  unitA: string;
  unitB: string;
  unitBName: string;
  /** another commune-level unit without anyone */
  unitEmpty: string;
  /** adds a person in post from a date (2025-07-01 by default) */
  person(name: string, o: PersonInput): Promise<string>;
  entry(personId: string, kind: 'RATING' | 'TRAINING', o: { year?: number; rating?: string; from?: string }): Promise<void>;
}

interface PersonInput {
  unit: string;
  category: string;
  female?: boolean;
  born: string;
  ethnicity?: string;
  from?: string;
  secondedTo?: string;
}

export async function seedTargetFixture(ds: DataSource, unitA: string): Promise<TargetFixture> {
  const others: { id: string; name: string }[] = await ds.query(
    `SELECT id, name FROM unit WHERE kind IN ('COMMUNE','WARD','SPECIAL_ZONE') AND id <> $1 AND valid_to IS NULL ORDER BY name LIMIT 2`,
    [unitA],
  );
  const [unitB, unitEmpty] = others.map((u) => u.id);

  const person = async (name: string, o: PersonInput): Promise<string> => {
    const [{ id }] = await ds.query(
      `INSERT INTO person (full_name, gender, birth_date, national_id, ethnicity_code, search_text)
       VALUES ($1::varchar, $2, $3, lpad((floor(random() * 1e11))::bigint::text, 12, '0'), $4, lower($1::varchar)) RETURNING id`,
      [name, o.female ? 'FEMALE' : 'MALE', o.born, o.ethnicity ?? '01'],
    );
    await ds.query(
      `INSERT INTO person_assignment (person_id, unit_id, staff_category, job_position, seconded_to_unit_id, valid_from, record_kind)
       VALUES ($1, $2, $3, 'Chuyên viên', $4, $5, 'CHANGE')`,
      [id, o.unit, o.category, o.secondedTo ?? null, o.from ?? '2025-07-01'],
    );
    return id;
  };
  const record = async (personId: string, kind: string, o: { unit?: string; title?: string; committee?: string; level?: string }) => {
    await ds.query(
      `INSERT INTO person_record (person_id, kind, unit_id, title_id, committee, term, level, valid_from, record_kind)
       VALUES ($1, $2, $3, (SELECT id FROM title WHERE code = $4), $5, $6, $7, '2025-07-01', 'CHANGE')`,
      [personId, kind, o.unit ?? null, o.title ?? null, o.committee ?? null, o.committee ? '2025-2030' : null, o.level ?? null],
    );
  };
  const entry = async (personId: string, kind: 'RATING' | 'TRAINING', o: { year?: number; rating?: string; from?: string }) => {
    await ds.query(`INSERT INTO person_entry (person_id, kind, year, date_from, value, record_kind) VALUES ($1, $2, $3, $4, $5, 'CHANGE')`, [
      personId,
      kind,
      o.year ?? null,
      o.from ?? null,
      kind === 'RATING' ? { rating: o.rating } : { course: 'Bồi dưỡng kỹ năng số', trainingKind: 'DIGITAL_SKILLS' },
    ]);
  };

  const p1 = await person('Nguyễn Thị Một', { unit: unitA, category: 'CADRE', female: true, born: '1990-01-01' });
  await record(p1, 'TITLE', { unit: unitA, title: 'party_secretary' });
  await record(p1, 'COMMITTEE', { unit: unitA, committee: 'STANDING' });
  await record(p1, 'COMMITTEE', { unit: unitA, committee: 'EXECUTIVE' });
  await record(p1, 'POLITICAL_THEORY', { level: 'ADVANCED' });
  await record(p1, 'QUALIFICATION', { level: 'MASTER' });
  await entry(p1, 'RATING', { year: 2024, rating: 'EXCELLENT' });
  await entry(p1, 'TRAINING', { from: '2025-03-01' });

  const p2 = await person('Thạch Hai', { unit: unitA, category: 'CIVIL_SERVANT', born: '1970-05-05', ethnicity: '05' });
  await record(p2, 'COMMITTEE', { unit: unitA, committee: 'EXECUTIVE' });
  await record(p2, 'POLITICAL_THEORY', { level: 'INTERMEDIATE' });
  await entry(p2, 'RATING', { year: 2024, rating: 'GOOD' });

  const p3 = await person('Lê Văn Ba', { unit: unitA, category: 'PUBLIC_EMPLOYEE', born: '1985-02-02' });
  await record(p3, 'TITLE', { unit: unitA, title: 'pc_vice_chair' });
  await entry(p3, 'RATING', { year: 2024, rating: 'COMPLETE' });
  await entry(p3, 'TRAINING', { from: '2025-09-15' });

  const p4 = await person('Trần Văn Bốn', { unit: unitA, category: 'PUBLIC_EMPLOYEE', born: '1995-03-03' });
  await entry(p4, 'TRAINING', { from: '2025-10-05' });

  await person('Phạm Văn Năm', { unit: unitA, category: 'CADRE', born: '1992-04-04', from: '2025-11-01' });

  const p6 = await person('Võ Văn Sáu', { unit: unitB, category: 'CADRE', born: '1975-06-06' });
  await record(p6, 'TITLE', { unit: unitB, title: 'pc_chair' });
  await record(p6, 'COMMITTEE', { unit: unitB, committee: 'STANDING' });
  await record(p6, 'COMMITTEE', { unit: unitB, committee: 'EXECUTIVE' });
  await record(p6, 'POLITICAL_THEORY', { level: 'INTERMEDIATE' });
  await record(p6, 'QUALIFICATION', { level: 'BACHELOR' });
  await entry(p6, 'RATING', { year: 2024, rating: 'GOOD' });

  const p7 = await person('Đặng Văn Bảy', { unit: unitB, category: 'CIVIL_SERVANT', born: '1980-07-07', secondedTo: unitA });
  await record(p7, 'POLITICAL_THEORY', { level: 'BACHELOR' });
  await entry(p7, 'RATING', { year: 2024, rating: 'INCOMPLETE' });

  await ds.query(
    `INSERT INTO unit_population (unit_id, valid_from, population, ethnic_minority_share, source) VALUES ($1, '2025-01-01', 20000, 0.5, 'test'), ($2, '2025-01-01', 15000, 0.1, 'test')`,
    [unitA, unitB],
  );
  return { unitA, unitB, unitBName: others[0].name, unitEmpty, person, entry };
}
