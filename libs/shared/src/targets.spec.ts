import { PoliticalTheoryLevel } from './enums';
import { TARGETS_DEFAULT, POLITICAL_THEORY_STANDARD_DEFAULT, TargetId } from './rules';
import {
  onTrackValue,
  politicalTheoryLevelsMeeting,
  politicalTheoryStandardProblem,
  TARGET_DEFINITIONS,
  targetGap,
  TargetStatus,
  targetStatus,
  targetsValueProblem,
} from './targets';

const rule = { baselineDate: '2025-10-01', deadline: '2030-10-01' };

describe('the five targets', () => {
  it('define one measure per target id, numbered 1 to 5, with Vietnamese and English names', () => {
    expect(TARGET_DEFINITIONS.map((d) => d.id).sort()).toEqual(Object.values(TargetId).sort());
    expect([...new Set(TARGET_DEFINITIONS.map((d) => d.number))]).toEqual([1, 2, 3, 4, 5]);
    for (const d of TARGET_DEFINITIONS) expect(d.name.vi && d.name.en && d.description.vi && d.description.en).toBeTruthy();
  });

  it('draw the straight line from the baseline to the target by the deadline', () => {
    expect(onTrackValue(50, 100, '2025-10-01', rule)).toBe(50);
    expect(onTrackValue(50, 100, '2030-10-01', rule)).toBe(100);
    expect(onTrackValue(50, 100, '2031-01-01', rule)).toBe(100);
    expect(onTrackValue(50, 100, '2025-07-01', rule)).toBe(50);
    // half-way (913 of 1826 days)
    expect(onTrackValue(50, 100, '2028-04-01', rule)).toBe(75);
    expect(onTrackValue(null, 100, '2028-04-01', rule)).toBeNull();
  });

  it('tell met, on track, at risk and no data', () => {
    expect(targetStatus(95, 95, 80)).toBe(TargetStatus.MET);
    expect(targetStatus(96.3, 95, null)).toBe(TargetStatus.MET);
    expect(targetStatus(80, 95, 80)).toBe(TargetStatus.ON_TRACK);
    expect(targetStatus(79.9, 95, 80)).toBe(TargetStatus.AT_RISK);
    expect(targetStatus(79.9, 95, null)).toBe(TargetStatus.AT_RISK);
    expect(targetStatus(null, 95, 80)).toBe(TargetStatus.NO_DATA);
    expect(targetGap(90.4, 95)).toBe(4.6);
    expect(targetGap(99, 95)).toBe(0);
    expect(targetGap(null, 95)).toBeNull();
  });

  it('count a political-science bachelor as advanced when meeting a standard', () => {
    expect(politicalTheoryLevelsMeeting(PoliticalTheoryLevel.ADVANCED).sort()).toEqual([PoliticalTheoryLevel.ADVANCED, PoliticalTheoryLevel.BACHELOR].sort());
    expect(politicalTheoryLevelsMeeting(PoliticalTheoryLevel.INTERMEDIATE)).not.toContain(PoliticalTheoryLevel.ELEMENTARY);
    expect(politicalTheoryLevelsMeeting(PoliticalTheoryLevel.INTERMEDIATE)).toContain(PoliticalTheoryLevel.BACHELOR);
  });

  it('check the rule data: targets within 0–100%, a tolerance not below zero, dates in order', () => {
    expect(targetsValueProblem(TARGETS_DEFAULT.value)).toBeNull();
    const v = TARGETS_DEFAULT.value;
    expect(targetsValueProblem({ ...v, targets: { ...v.targets, [TargetId.RATED_GOOD]: 101 } })).toMatch(/^targets.rated_good: .*0 đến 100/);
    expect(targetsValueProblem({ ...v, targets: { ...v.targets, [TargetId.DIGITAL_SKILLS]: -1 } })).toMatch(/^targets.digital_skills/);
    expect(targetsValueProblem({ ...v, minorityTolerancePoints: -0.5 })).toMatch(/^minorityTolerancePoints/);
    expect(targetsValueProblem({ ...v, deadline: '2025-01-01' })).toMatch(/^deadline/);
    expect(targetsValueProblem({ ...v, yearlySnapshotDay: '02-30' })).toMatch(/^yearlySnapshotDay/);
    expect(targetsValueProblem({ ...v, targets: { ...v.targets, other: 5 } })).toMatch(/^targets.other/);
    expect(politicalTheoryStandardProblem(POLITICAL_THEORY_STANDARD_DEFAULT.value)).toBeNull();
    expect(politicalTheoryStandardProblem({ ...POLITICAL_THEORY_STANDARD_DEFAULT.value, keyTitles: 'HIGH' })).toMatch(/^keyTitles/);
    expect(politicalTheoryStandardProblem({ ...POLITICAL_THEORY_STANDARD_DEFAULT.value, others: null })).toMatch(/^others/);
  });
});
