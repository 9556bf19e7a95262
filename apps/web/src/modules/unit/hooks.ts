import { EstablishmentItemKind } from '@canbo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AddUnitPopulationDocument,
  AddUnitPopulationInput,
  ChangeEstablishmentDocument,
  ChangeEstablishmentInput,
  CorrectEstablishmentDocument,
  CorrectEstablishmentInput,
  CreateBodyDocument,
  CreateBodyInput,
  CreateUnitDocument,
  CreateUnitInput,
  EstablishmentDocument,
  EstablishmentHistoryDocument,
  UnitDocument,
  UnitKindCountsDocument,
  UnitsDocument,
  UnitsQueryVariables,
  UpdateBodyDocument,
  UpdateBodyInput,
  UpdateUnitDocument,
  UpdateUnitInput,
  UnitPopulationsDocument,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const unitKeys = {
  all: ['units'] as const,
  list: (vars: UnitsQueryVariables) => ['units', 'list', vars] as const,
  counts: ['units', 'counts'] as const,
  one: (id: string) => ['units', 'one', id] as const,
  establishment: (unitId: string, asOf: string | null, asKnownAt: string | null) =>
    ['units', 'establishment', unitId, asOf, asKnownAt] as const,
  history: (unitId: string) => ['units', 'establishment-history', unitId] as const,
  population: (unitId: string) => ['units', 'population', unitId] as const,
};

export function useUnits(vars: UnitsQueryVariables) {
  return useQuery({
    queryKey: unitKeys.list(vars),
    queryFn: () => request(UnitsDocument, vars),
    placeholderData: keepPreviousData,
  });
}

export function useUnitKindCounts() {
  return useQuery({ queryKey: unitKeys.counts, queryFn: () => request(UnitKindCountsDocument, {}) });
}

export function useUnit(id: string) {
  return useQuery({ queryKey: unitKeys.one(id), queryFn: () => request(UnitDocument, { id }) });
}

/** A unit's establishment on a date (as known at a time): one query, read by the panel and by useTitleSeats. */
const establishmentQuery = (unitId: string, asOf: string | null, asKnownAt: string | null) => ({
  queryKey: unitKeys.establishment(unitId, asOf, asKnownAt),
  queryFn: () => request(EstablishmentDocument, { unitId, asOf, asKnownAt }),
});

export function useEstablishment(unitId: string, asOf: string | null, asKnownAt: string | null) {
  return useQuery({ ...establishmentQuery(unitId, asOf, asKnownAt), placeholderData: keepPreviousData });
}

/**
 * The seats of each title in a unit on a date (titleId → seats), from its establishment; idle without a unit.
 */
export function useTitleSeats(unitId: string | null, asOf: string | null) {
  return useQuery({
    ...establishmentQuery(unitId ?? '', asOf, null),
    enabled: Boolean(unitId),
    select: (data) => {
      const seats = new Map<string, number>();
      for (const r of data.establishment) {
        if (r.itemKind === EstablishmentItemKind.TITLE_SEATS && r.titleId) seats.set(r.titleId, (seats.get(r.titleId) ?? 0) + r.value);
      }
      return seats;
    },
  });
}

export function useEstablishmentHistory(unitId: string, enabled = true) {
  return useQuery({
    queryKey: unitKeys.history(unitId),
    queryFn: () => request(EstablishmentHistoryDocument, { unitId }),
    enabled,
  });
}

/** Every write refreshes what it may have changed: the lists, the unit and its establishment. */
function useInvalidateUnits() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: unitKeys.all });
}

export function useCreateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (input: CreateUnitInput) => request(CreateUnitDocument, { input }), onSuccess: invalidate });
}

export function useUpdateUnit() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (input: UpdateUnitInput) => request(UpdateUnitDocument, { input }), onSuccess: invalidate });
}

export function useCreateBody() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (input: CreateBodyInput) => request(CreateBodyDocument, { input }), onSuccess: invalidate });
}

export function useUpdateBody() {
  const invalidate = useInvalidateUnits();
  return useMutation({ mutationFn: (input: UpdateBodyInput) => request(UpdateBodyDocument, { input }), onSuccess: invalidate });
}

export function useChangeEstablishment() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (input: ChangeEstablishmentInput) => request(ChangeEstablishmentDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useCorrectEstablishment() {
  const invalidate = useInvalidateUnits();
  return useMutation({
    mutationFn: (input: CorrectEstablishmentInput) => request(CorrectEstablishmentDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useUnitPopulations(unitId: string) {
  return useQuery({ queryKey: unitKeys.population(unitId), queryFn: () => request(UnitPopulationsDocument, { unitId }) });
}

/** Enters a unit's population from a date; the targets (target 5) read it, so they are refetched too. */
export function useAddUnitPopulation(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddUnitPopulationInput) => request(AddUnitPopulationDocument, { input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: unitKeys.population(unitId) });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}
