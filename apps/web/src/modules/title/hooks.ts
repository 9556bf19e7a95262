import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreateTitleDocument,
  CreateTitleInput,
  KeyLeadershipTitlesDocument,
  TitlesDocument,
  TitlesQueryVariables,
  UpdateTitleDocument,
  UpdateTitleInput,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const titleKeys = {
  all: ['titles'] as const,
  list: (vars: TitlesQueryVariables) => ['titles', 'list', vars] as const,
  key: (asOf: string | null) => ['titles', 'key-leadership', asOf] as const,
};

export function useTitles(vars: TitlesQueryVariables) {
  return useQuery({ queryKey: titleKeys.list(vars), queryFn: () => request(TitlesDocument, vars), placeholderData: keepPreviousData });
}

/** Active titles for pickers (the catalogue is small: one page of 100). */
export function useTitleOptions() {
  return useTitles({ first: 100, filter: { active: true } });
}

export function useKeyLeadershipTitles(asOf: string | null) {
  return useQuery({ queryKey: titleKeys.key(asOf), queryFn: () => request(KeyLeadershipTitlesDocument, { asOf }) });
}

export function useCreateTitle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTitleInput) => request(CreateTitleDocument, { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: titleKeys.all }),
  });
}

export function useUpdateTitle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateTitleInput) => request(UpdateTitleDocument, { input }),
    onSuccess: () => client.invalidateQueries({ queryKey: titleKeys.all }),
  });
}

/**
 * Names titles by id from the whole catalogue (inactive titles included: old records name them): '' while the
 * catalogue loads, null for an id it does not hold.
 */
export function useTitleName() {
  const all = useTitles({ first: 100 });
  return (id: string | null | undefined): string | null => {
    if (!id || !all.data) return '';
    return all.data.titles.edges.find((e) => e.node.id === id)?.node.name ?? null;
  };
}
