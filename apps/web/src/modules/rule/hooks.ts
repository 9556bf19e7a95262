import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { RuleKey } from '@canbo/shared';
import { AddRuleSettingVersionDocument, AddRuleSettingVersionInput, RuleSettingVersionsDocument } from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const ruleKeys = {
  versions: (key: RuleKey) => ['rules', 'versions', key] as const,
};

export function useRuleVersions(key: RuleKey) {
  return useQuery({ queryKey: ruleKeys.versions(key), queryFn: () => request(RuleSettingVersionsDocument, { key }) });
}

/** Adds a dated version of a rule; the targets computed by it are refetched. */
export function useAddRuleVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddRuleSettingVersionInput) => request(AddRuleSettingVersionDocument, { input }),
    onSuccess: (_, input) => {
      void client.invalidateQueries({ queryKey: ruleKeys.versions(input.key) });
      void client.invalidateQueries({ queryKey: ['targets'] });
    },
  });
}
