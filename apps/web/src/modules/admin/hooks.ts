import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  AssignRoleDocument,
  AssignRoleInput,
  CreateRoleDocument,
  CreateRoleInput,
  CreateServiceAccountDocument,
  CreateServiceAccountInput,
  CreateUserDocument,
  CreateUserInput,
  DeleteRoleDocument,
  RemoveRoleAssignmentDocument,
  ResetUserPasswordDocument,
  RevokeServiceAccountDocument,
  RolesDocument,
  ServiceAccountsDocument,
  UnitNameDocument,
  UnitOptionsDocument,
  UpdateRoleDocument,
  UpdateRoleInput,
  UpdateUserDocument,
  UpdateUserInput,
  UserDocument,
  UsersDocument,
  UsersQueryVariables,
} from '../../generated/graphql';
import { request } from '../../shared/graphql-client';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  userList: (vars: UsersQueryVariables) => ['admin', 'users', 'list', vars] as const,
  user: (id: string) => ['admin', 'users', 'one', id] as const,
  roles: ['admin', 'roles'] as const,
  serviceAccounts: ['admin', 'service-accounts'] as const,
};

export function useUsers(vars: UsersQueryVariables) {
  return useQuery({ queryKey: adminKeys.userList(vars), queryFn: () => request(UsersDocument, vars), placeholderData: keepPreviousData });
}

export function useUser(id: string) {
  return useQuery({ queryKey: adminKeys.user(id), queryFn: () => request(UserDocument, { id }) });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: adminKeys.roles, queryFn: () => request(RolesDocument, {}), enabled });
}

export function useServiceAccounts() {
  return useQuery({ queryKey: adminKeys.serviceAccounts, queryFn: () => request(ServiceAccountsDocument, {}) });
}

export function useUnitName(id: string) {
  return useQuery({ queryKey: ['units', 'name', id], queryFn: () => request(UnitNameDocument, { id }), staleTime: 300_000 });
}

export function useUnitOptions(search: string) {
  return useQuery({
    queryKey: ['units', 'options', search],
    queryFn: () => request(UnitOptionsDocument, { search: search || null }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidate(...keys: (readonly string[])[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const invalidate = useInvalidate(adminKeys.users);
  return useMutation({ mutationFn: (input: CreateUserInput) => request(CreateUserDocument, { input }), onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidate(adminKeys.users);
  return useMutation({ mutationFn: (input: UpdateUserInput) => request(UpdateUserDocument, { input }), onSuccess: invalidate });
}

export function useResetUserPassword() {
  const invalidate = useInvalidate(adminKeys.users);
  return useMutation({ mutationFn: (id: string) => request(ResetUserPasswordDocument, { id }), onSuccess: invalidate });
}

export function useCreateRole() {
  const invalidate = useInvalidate(adminKeys.roles);
  return useMutation({ mutationFn: (input: CreateRoleInput) => request(CreateRoleDocument, { input }), onSuccess: invalidate });
}

export function useUpdateRole() {
  const invalidate = useInvalidate(adminKeys.roles, ['me']);
  return useMutation({ mutationFn: (input: UpdateRoleInput) => request(UpdateRoleDocument, { input }), onSuccess: invalidate });
}

export function useDeleteRole() {
  const invalidate = useInvalidate(adminKeys.roles);
  return useMutation({ mutationFn: (id: string) => request(DeleteRoleDocument, { id }), onSuccess: invalidate });
}

export function useAssignRole() {
  const invalidate = useInvalidate(adminKeys.users, adminKeys.serviceAccounts, ['me']);
  return useMutation({ mutationFn: (input: AssignRoleInput) => request(AssignRoleDocument, { input }), onSuccess: invalidate });
}

export function useRemoveRoleAssignment() {
  const invalidate = useInvalidate(adminKeys.users, adminKeys.serviceAccounts, ['me']);
  return useMutation({ mutationFn: (id: string) => request(RemoveRoleAssignmentDocument, { id }), onSuccess: invalidate });
}

export function useCreateServiceAccount() {
  const invalidate = useInvalidate(adminKeys.serviceAccounts);
  return useMutation({
    mutationFn: (input: CreateServiceAccountInput) => request(CreateServiceAccountDocument, { input }),
    onSuccess: invalidate,
  });
}

export function useRevokeServiceAccount() {
  const invalidate = useInvalidate(adminKeys.serviceAccounts);
  return useMutation({ mutationFn: (id: string) => request(RevokeServiceAccountDocument, { id }), onSuccess: invalidate });
}
