import { ImportJobStatus } from '@canbo/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { personKeys } from '../person/hooks';
import { ACTIVE_STATUSES, fetchImportErrors, fetchImportJob, fetchImportJobs, ImportJob, uploadImport } from './import-api';

export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  job: (id: string) => ['imports', 'job', id] as const,
  errors: (id: string, offset: number, limit: number) => ['imports', 'errors', id, offset, limit] as const,
};

/** How often a running job is asked for its progress. */
export const POLL_MS = 1000;

const active = (job: ImportJob | undefined) => Boolean(job && ACTIVE_STATUSES.includes(job.status));

/** A job, polled while it runs; when it ends the lists (history, persons) are refreshed. */
export function useImportJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    enabled: Boolean(id),
    queryFn: async () => {
      const before = client.getQueryData<ImportJob>(importKeys.job(id!));
      const job = await fetchImportJob(id!);
      if (active(before) && !active(job)) {
        void client.invalidateQueries({ queryKey: importKeys.list });
        if (job.status === ImportJobStatus.SUCCEEDED) void client.invalidateQueries({ queryKey: personKeys.all });
      }
      return job;
    },
    refetchInterval: (query) => (active(query.state.data) ? POLL_MS : false),
    staleTime: 0,
  });
}

export function useImportJobs() {
  return useQuery({ queryKey: importKeys.list, queryFn: fetchImportJobs, staleTime: 0 });
}

export function useImportErrors(id: string | null, offset: number, limit: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.errors(id ?? '', offset, limit),
    enabled: Boolean(id) && enabled,
    queryFn: () => fetchImportErrors(id!, offset, limit),
    placeholderData: keepPreviousData,
  });
}

export function useUploadImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (job) => {
      client.setQueryData(importKeys.job(job.id), job);
      void client.invalidateQueries({ queryKey: importKeys.list });
    },
  });
}
