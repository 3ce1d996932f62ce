import { Alert, Anchor, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LEADS_KEY, STATS_KEY } from '../crm-api.js';
import { isRunning, reportUrl, useLeadImport } from './import-api.js';

const COUNTS = ['created', 'updated', 'skipped', 'failed'] as const;

/** Follows an import: progress bar while it runs, then the counts and the report of the rows not imported. */
export function ImportProgress({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: item } = useLeadImport(importId);
  const running = isRunning(item);
  const status = item?.status ?? 'queued';

  useEffect(() => {
    // The board and the contacts show the new leads as soon as the import ends.
    if (!running) {
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      void queryClient.invalidateQueries({ queryKey: STATS_KEY });
    }
  }, [running, queryClient]);

  const percent = !item ? 0 : status === 'completed' ? 100 : item.file_size > 0 ? Math.min(100, (item.bytes_read / item.file_size) * 100) : 0;
  return (
    <Stack>
      <Text fw={500} role="status">
        {t(`crmImport.status.${status}`, { rows: item?.processed_rows ?? 0 })}
      </Text>
      <Progress value={percent} animated={running} aria-label={t('crmImport.progressLabel')} color={status === 'failed' ? 'red' : undefined} />
      {running && (
        <Text size="sm" c="dimmed">
          {t('crmImport.background')}
        </Text>
      )}
      {item?.error && <Alert color="red">{item.error}</Alert>}
      {item && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {COUNTS.map((count) => (
            <Paper key={count} withBorder p="sm" radius="md">
              <Text size="xs" c="dimmed">
                {t(`crmImport.counts.${count}`)}
              </Text>
              <Text fw={700} size="lg" data-testid={`import-${count}`}>
                {item[`${count}_count`]}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {item && !running && item.report_rows > 0 && (
        <Anchor href={reportUrl(item.id)} download>
          {t('crmImport.report')}
        </Anchor>
      )}
    </Stack>
  );
}
