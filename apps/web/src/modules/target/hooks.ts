import { PERMISSIONS } from '@canbo/shared';
import { keepPreviousData, QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateReportSnapshotDocument,
  CreateReportSnapshotInput,
  FrozenReportDocument,
  ReportSnapshotsDocument,
  TargetsByUnitDocument,
  TargetsDocument,
  TargetTrendDocument,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';
import { dateProblem } from './target-helpers';

export const targetKeys = {
  all: ['target'] as const,
  scope: ['target', 'scope'] as const,
  targets: (asOf: string, unitId: string | null) => ['target', 'targets', asOf, unitId] as const,
  byUnit: (asOf: string) => ['target', 'by-unit', asOf] as const,
  trend: (unitId: string | null) => ['target', 'trend', unitId] as const,
  snapshots: ['target', 'snapshots'] as const,
  snapshotPage: (first: number, after: string | null) => ['target', 'snapshots', first, after] as const,
  frozen: (id: string, unitId: string | null) => ['target', 'frozen', id, unitId] as const,
};


/** The five targets as of a date, for the caller's scope (null) or one unit (also prefetched: prefetchTargetsPage). */
const targetsQuery = (asOf: string, unitId: string | null) => ({
  queryKey: targetKeys.targets(asOf, unitId),
  queryFn: async () => (await request(TargetsDocument, { asOf, unitId })).targets,
});

/** The targets of every commune-level unit of the caller's scope. */
const targetsByUnitQuery = (asOf: string) => ({
  queryKey: targetKeys.byUnit(asOf),
  queryFn: async () => (await request(TargetsByUnitDocument, { asOf })).targetsByUnit,
  staleTime: 60_000,
});

export function useTargets(asOf: string | null, unitId: string | null, enabled = true) {
  return useQuery({ ...targetsQuery(asOf ?? '', unitId), enabled: enabled && Boolean(asOf), placeholderData: keepPreviousData });
}

/** The ranking, the heat table and the unit select. */
export function useTargetsByUnit(asOf: string | null) {
  return useQuery({ ...targetsByUnitQuery(asOf ?? ''), enabled: Boolean(asOf), placeholderData: keepPreviousData });
}

/**
 * Asks for what the targets page shows first as soon as the session is resumed, while the app still renders (the
 * page finds the answers in the cache): the targets and the units of the date and unit of the address.
 */
export function prefetchTargetsPage(client: QueryClient, search: URLSearchParams, today: string): void {
  const asOf = search.get('asOf') ?? today;
  if (dateProblem(asOf, today)) return;
  void client.prefetchQuery(targetsQuery(asOf, search.get('unit')));
  void client.prefetchQuery(targetsByUnitQuery(asOf));
}

/** The yearly snapshots' values (the trend), for the province (null) or one unit. */
export function useTargetTrend(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: targetKeys.trend(unitId),
    enabled,
    queryFn: async () => (await request(TargetTrendDocument, { unitId })).targetTrend,
  });
}

export function useReportSnapshots(first: number, after: string | null) {
  return useQuery({
    queryKey: targetKeys.snapshotPage(first, after),
    placeholderData: keepPreviousData,
    queryFn: async () => (await request(ReportSnapshotsDocument, { first, after })).reportSnapshots,
  });
}

/** A snapshot's frozen figures and targets (the province, or one unit). */
export function useFrozenReport(id: string | null, unitId: string | null) {
  return useQuery({
    queryKey: targetKeys.frozen(id ?? '', unitId),
    enabled: Boolean(id),
    retry: false,
    staleTime: Infinity,
    queryFn: async () => (await request(FrozenReportDocument, { id: id!, unitId })).reportSnapshot,
  });
}

export function useCreateReportSnapshot() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateReportSnapshotInput) => (await request(CreateReportSnapshotDocument, { input })).createReportSnapshot,
    onSuccess: () => client.invalidateQueries({ queryKey: targetKeys.snapshots }),
  });
}
