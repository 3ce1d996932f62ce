import { Button, FileButton, Group, Image, Modal, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssetsCustomData } from 'grapesjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStoredFile } from '../../../../contracts/files.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';
import { FILES_PATH } from './builder-api.js';
import { isUnsafeUrl } from './sanitize.js';

/** The media library's cache, shared with the email editor's picker (same list). */
const FILES_KEY = ['media-library'] as const;
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp,image/avif';

/**
 * GrapesJS's asset manager, as the workspace's media library: the images already uploaded (`GET /api/marketing/files`),
 * an upload (`POST`, multipart), or an address typed in. Opened by GrapesJS (an image dropped or double-clicked, a
 * background image in the style panel); picking one hands its public address back to GrapesJS.
 */
export function AssetLibrary({ request }: { request: AssetsCustomData | null }) {
  const { t } = useTranslation();
  const pick = (url: string) => {
    if (!request) return;
    const added = request.am.add({ type: 'image', src: url });
    request.select(Array.isArray(added) ? added[0]! : added, true);
    request.close();
  };
  return (
    <Modal opened={request !== null} onClose={() => request?.close()} title={t('funnelBuilder.assets.title')} size="xl">
      {request && <Library onPick={pick} />}
    </Modal>
  );
}

function Library({ onPick }: { onPick: (url: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [address, setAddress] = useState('');
  const files = useQuery({ queryKey: FILES_KEY, queryFn: () => api.get<{ items: TStoredFile[] }>(`${FILES_PATH}?limit=100`) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<TStoredFile>(FILES_PATH, form);
    },
    onSuccess: async (stored) => {
      await queryClient.invalidateQueries({ queryKey: FILES_KEY });
      onPick(stored.url);
    },
    onError: (error) => notifyError(error, t),
  });
  const addressOk = /^https?:\/\/\S+$/.test(address.trim()) && !isUnsafeUrl(address.trim());
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <FileButton onChange={(file) => file && upload.mutate(file)} accept={IMAGE_TYPES}>
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={upload.isPending}>
              {t('funnelBuilder.assets.upload')}
            </Button>
          )}
        </FileButton>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (addressOk) onPick(address.trim());
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('funnelBuilder.assets.address')}
              placeholder="https://…"
              value={address}
              onChange={(event) => setAddress(event.currentTarget.value)}
              w={320}
            />
            <Button type="submit" variant="default" disabled={!addressOk}>
              {t('funnelBuilder.assets.useAddress')}
            </Button>
          </Group>
        </form>
      </Group>
      <QueryState query={files}>
        {({ items }) => {
          const images = items.filter((file) => file.content_type.startsWith('image/'));
          if (images.length === 0) return <EmptyState title={t('funnelBuilder.assets.emptyTitle')} message={t('funnelBuilder.assets.empty')} actions={[]} />;
          return (
            <SimpleGrid cols={{ base: 3, md: 5 }} spacing="sm">
              {images.map((file) => (
                <UnstyledButton key={file.id} onClick={() => onPick(file.url)} aria-label={t('funnelBuilder.assets.pick', { name: file.name })}>
                  <Image src={file.url} alt="" h={96} fit="contain" radius="sm" bg="var(--mantine-color-default-hover)" />
                  <Text size="xs" truncate mt={4}>
                    {file.name}
                  </Text>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
