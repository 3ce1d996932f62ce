import { Button, FileButton, Group, Image, Modal, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { IconPhoto, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStoredFile } from '../../../../contracts/files.js';
import { api } from '../../../lib/api.js';
import { notifyError } from '../../../lib/errors.js';
import { EmptyState } from '../../../ui/empty-state.js';
import { QueryState } from '../../../ui/query-state.js';

const FILES_KEY = ['media-library'] as const;
const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

/**
 * An image block's picture from the media library: upload one (it gets a public address on the public server) or
 * choose one already there. The address field stays for pictures hosted elsewhere.
 */
export function ImagePicker({ onPick }: { onPick: (file: TStoredFile) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [browsing, setBrowsing] = useState(false);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<TStoredFile>('/api/marketing/files', form);
    },
    onSuccess: async (stored) => {
      onPick(stored);
      await queryClient.invalidateQueries({ queryKey: FILES_KEY });
    },
    onError: (error) => notifyError(error, t),
  });
  return (
    <>
      <Group gap="xs">
        <FileButton onChange={(file) => file && upload.mutate(file)} accept={IMAGE_TYPES}>
          {(props) => (
            <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
              {t('emailEditor.images.upload')}
            </Button>
          )}
        </FileButton>
        <Button size="xs" variant="default" leftSection={<IconPhoto size={14} aria-hidden />} onClick={() => setBrowsing(true)}>
          {t('emailEditor.images.library')}
        </Button>
      </Group>
      <Modal opened={browsing} onClose={() => setBrowsing(false)} title={t('emailEditor.images.libraryTitle')} size="lg">
        {browsing && (
          <Library
            onPick={(file) => {
              onPick(file);
              setBrowsing(false);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function Library({ onPick }: { onPick: (file: TStoredFile) => void }) {
  const { t } = useTranslation();
  // The newest 100 files; PDFs are not pictures.
  const files = useQuery({ queryKey: FILES_KEY, queryFn: () => api.get<{ items: TStoredFile[] }>('/api/marketing/files?limit=100') });
  return (
    <QueryState query={files}>
      {({ items }) => {
        const images = items.filter((file) => file.content_type.startsWith('image/'));
        if (images.length === 0) return <EmptyState title={t('emailEditor.images.emptyTitle')} message={t('emailEditor.images.empty')} actions={[]} />;
        return (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {images.map((file) => (
              <UnstyledButton key={file.id} onClick={() => onPick(file)} aria-label={t('emailEditor.images.pick', { name: file.name })}>
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
  );
}
