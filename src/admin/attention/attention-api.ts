/** Needs attention: the list, the audit log, and the three ways out of a stuck punch. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, query } from '../api/client';
import type { EmployeeRef } from '../../../core/punch';
import type { Attention, AttentionPunch, AuditEntry } from '../api/types';

export function useAttention(cursor: number | undefined) {
  return useQuery({
    queryKey: ['attention', cursor ?? null],
    queryFn: () => get<Attention>(`/api/v1/admin/attention${query({ limit: 50, cursor })}`),
  });
}

export function useAudit() {
  return useQuery({
    queryKey: ['audit'],
    queryFn: () => get<{ entries: AuditEntry[] }>('/api/v1/admin/audit?limit=20'),
    select: (data) => data.entries,
  });
}

export type PunchAction =
  | { kind: 'retry' }
  | { kind: 'confirm' }
  | { kind: 'discard'; reason: string }
  | { kind: 'reassign'; employee: EmployeeRef; reason: string };

export function usePunchAction(punch: AttentionPunch) {
  const client = useQueryClient();
  const base = `/api/v1/admin/punches/${encodeURIComponent(punch.kioskId)}/${encodeURIComponent(punch.id)}`;
  return useMutation({
    mutationFn: (action: PunchAction) => {
      const { kind, ...body } = action;
      return post(`${base}/${kind}`, body);
    },
    onSuccess: () =>
      Promise.all(
        ['attention', 'audit', 'punches'].map((key) => client.invalidateQueries({ queryKey: [key] })),
      ),
  });
}
