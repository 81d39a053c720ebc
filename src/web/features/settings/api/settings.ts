import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicUrlInput, PublicUrlSetting } from '../../../../shared/settings';
import { api } from '../../../lib/api';

const publicUrlKey = ['settings', 'public-url'] as const;

export const usePublicUrlSetting = () =>
  useQuery({ queryKey: publicUrlKey, queryFn: () => api.get<PublicUrlSetting>('/api/settings/public-url') });

export function useSavePublicUrl() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: PublicUrlInput) => api.put<PublicUrlSetting>('/api/settings/public-url', input),
    onSuccess: (saved) => {
      client.setQueryData(publicUrlKey, saved);
      // Every event's printing notice reads the address too.
      void client.invalidateQueries({ queryKey: ['events'] });
    },
  });
}
