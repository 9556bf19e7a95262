import { PERMISSIONS } from '@canbo/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  SituationReportByUnitDocument,
  SituationReportDocument,
  SituationReportPeopleDocument,
  SituationReportPeopleQueryVariables,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const reportKeys = {
  all: ['report'] as const,
  scope: ['report', 'scope'] as const,
  situation: (asOf: string, unitId: string | null) => ['report', 'situation', asOf, unitId] as const,
  byUnit: (asOf: string, metricIds: readonly string[]) => ['report', 'by-unit', asOf, [...metricIds]] as const,
  people: (vars: SituationReportPeopleQueryVariables) => ['report', 'people', vars] as const,
};

/** The figure counting units: asked per unit, it lists the commune-level units of the caller's scope on a date. */
const UNITS_METRIC = 'commune_level_units';


/** The commune-level units a report may be asked for on a date (those of the caller's scope), by name. */
export function useReportUnits(asOf: string | null) {
  return useQuery({
    queryKey: reportKeys.byUnit(asOf ?? '', [UNITS_METRIC]),
    enabled: Boolean(asOf),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const res = await request(SituationReportByUnitDocument, { asOf, metricIds: [UNITS_METRIC] });
      return res.situationReportByUnit.units
        .map((u) => ({ id: u.unitId, name: u.unitName }))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    },
  });
}

export function useSituationReport(asOf: string | null, unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: reportKeys.situation(asOf ?? '', unitId),
    enabled: enabled && Boolean(asOf),
    placeholderData: keepPreviousData,
    queryFn: () => request(SituationReportDocument, { asOf, unitId }),
  });
}

/** One figure per unit of the caller's scope. */
export function useSituationReportByUnit(asOf: string | null, metricId: string | null) {
  return useQuery({
    queryKey: reportKeys.byUnit(asOf ?? '', metricId ? [metricId] : []),
    enabled: Boolean(asOf && metricId),
    queryFn: () => request(SituationReportByUnitDocument, { asOf, metricIds: [metricId!] }),
  });
}

/** The people behind a figure counting people, a page at a time. */
export function useSituationReportPeople(vars: SituationReportPeopleQueryVariables | null) {
  return useQuery({
    queryKey: reportKeys.people(vars ?? { metricId: '', first: 0 }),
    enabled: Boolean(vars),
    // the previous page stays while the next loads, but never the people of another figure, date or unit
    placeholderData: (previous, previousQuery) => {
      const before = previousQuery?.queryKey[2] as SituationReportPeopleQueryVariables | undefined;
      return before && vars && before.metricId === vars.metricId && before.asOf === vars.asOf && before.unitId === vars.unitId ? previous : undefined;
    },
    retry: false,
    queryFn: () => request(SituationReportPeopleDocument, vars!),
  });
}
