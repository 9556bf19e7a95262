import { foldForSearch } from '@canbo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AddPersonEntryDocument,
  AddPersonEntryInput,
  AddPersonRecordDocument,
  AddPersonRecordInput,
  ChangePersonAssignmentDocument,
  ChangePersonAssignmentInput,
  ChangePersonRecordDocument,
  ChangePersonRecordInput,
  CorrectPersonAssignmentDocument,
  CorrectPersonAssignmentInput,
  CorrectPersonEntryDocument,
  CorrectPersonEntryInput,
  CorrectPersonRecordDocument,
  CorrectPersonRecordInput,
  CreatePersonDocument,
  CreatePersonInput,
  EndPersonRecordDocument,
  EndPersonRecordInput,
  PersonDocument,
  PersonFileDocument,
  PersonsDocument,
  PersonsQueryVariables,
  PersonTimelineDocument,
  PersonUnitBodiesDocument,
  PersonUnitOptionsDocument,
  PersonUnitOptionsQuery,
  UpdatePersonIdentityDocument,
  UpdatePersonIdentityInput,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const personKeys = {
  all: ['persons'] as const,
  list: (vars: PersonsQueryVariables) => ['persons', 'list', vars] as const,
  one: (id: string, asOf: string | null, asKnownAt: string | null) => ['persons', 'one', id, asOf, asKnownAt] as const,
  timeline: (id: string) => ['persons', 'timeline', id] as const,
  files: (id: string) => ['persons', 'file', id] as const,
  file: (id: string, asOf: string, asKnownAt: string | null) => ['persons', 'file', id, asOf, asKnownAt] as const,
  unitOptions: ['persons', 'unit-options'] as const,
  bodies: (unitId: string) => ['persons', 'unit-bodies', unitId] as const,
};

export function usePersons(vars: PersonsQueryVariables, enabled = true) {
  return useQuery({
    queryKey: personKeys.list(vars),
    enabled,
    queryFn: () => request(PersonsDocument, vars),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string, asOf: string | null, asKnownAt: string | null) {
  return useQuery({
    queryKey: personKeys.one(id, asOf, asKnownAt),
    queryFn: () => request(PersonDocument, { id, asOf, asKnownAt }),
  });
}

export function usePersonTimeline(id: string) {
  return useQuery({ queryKey: personKeys.timeline(id), queryFn: () => request(PersonTimelineDocument, { id }) });
}

/** A person's records in force on asOf and their dated entries (of current knowledge, or as known at asKnownAt). */
export function usePersonFile(id: string, asOf: string, asKnownAt: string | null) {
  return useQuery({
    queryKey: personKeys.file(id, asOf, asKnownAt),
    queryFn: () => request(PersonFileDocument, { id, asOf, asKnownAt }),
    placeholderData: keepPreviousData,
  });
}

export interface UnitOption {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** Every unit in the caller's scope (a few pages of 100), for pickers and for naming units in tables. */
export function useUnitOptions() {
  return useQuery({
    queryKey: personKeys.unitOptions,
    staleTime: 5 * 60_000,
    queryFn: async () => {
      const units: UnitOption[] = [];
      let after: string | null = null;
      for (let i = 0; i < 50; i++) {
        const page: PersonUnitOptionsQuery = await request(PersonUnitOptionsDocument, { first: 100, after });
        units.push(...page.units.edges.map((e) => e.node));
        if (!page.units.pageInfo.hasNextPage) break;
        after = page.units.pageInfo.endCursor;
      }
      return units;
    },
  });
}

/** The bodies of one unit (all of them, current or not: old records name bodies that may have ended). */
export function useUnitBodies(unitId: string | null | undefined) {
  return useQuery({
    queryKey: personKeys.bodies(unitId ?? ''),
    queryFn: () => request(PersonUnitBodiesDocument, { id: unitId! }),
    enabled: Boolean(unitId),
    staleTime: 5 * 60_000,
  });
}

/** Select filtering that ignores diacritics and case, like the server's search. */
export function foldedFilter(input: string, option?: { label?: unknown }): boolean {
  return foldForSearch(String(option?.label ?? '')).includes(foldForSearch(input));
}

function useInvalidatePersons() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: personKeys.all });
}

export function useCreatePerson() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: CreatePersonInput) => request(CreatePersonDocument, { input }), onSuccess: invalidate });
}

export function useUpdatePersonIdentity() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: (input: UpdatePersonIdentityInput) => request(UpdatePersonIdentityDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useChangePersonAssignment() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: (input: ChangePersonAssignmentInput) => request(ChangePersonAssignmentDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useCorrectPersonAssignment() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: (input: CorrectPersonAssignmentInput) => request(CorrectPersonAssignmentDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useAddPersonRecord() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: AddPersonRecordInput) => request(AddPersonRecordDocument, { input }), onSuccess: invalidate });
}

export function useChangePersonRecord() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: ChangePersonRecordInput) => request(ChangePersonRecordDocument, { input }), onSuccess: invalidate });
}

export function useEndPersonRecord() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: EndPersonRecordInput) => request(EndPersonRecordDocument, { input }), onSuccess: invalidate });
}

export function useCorrectPersonRecord() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: CorrectPersonRecordInput) => request(CorrectPersonRecordDocument, { input }), onSuccess: invalidate });
}

export function useAddPersonEntry() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: AddPersonEntryInput) => request(AddPersonEntryDocument, { input }), onSuccess: invalidate });
}

export function useCorrectPersonEntry() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (input: CorrectPersonEntryInput) => request(CorrectPersonEntryDocument, { input }), onSuccess: invalidate });
}
