import { Alert, Anchor, Badge, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LEADS_KEY, STATS_KEY, useCustomFields } from '../crm-api.js';
import { isRunning, reportUrl, useImportProblems, useLeadImport } from './import-api.js';
import { importReasonText } from './import-reasons.js';

const COUNTS = ['created', 'updated', 'skipped', 'failed'] as const;

/** Follows an import: progress bar while it runs, then the counts and the report of the rows not imported. */
export function ImportProgress({ importId }: { importId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: customFields = [] } = useCustomFields();
  const customLabels = new Map(customFields.map((field) => [field.key, field.label]));
  // The report is written in the interface's language (the server's default is French).
  const reportLanguage = i18n.language.startsWith('en') ? 'en' : 'fr';
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

  const { data: problems = [] } = useImportProblems(importId, !running && (item?.report_rows ?? 0) > 0);
  // Rows skipped as duplicates are not in the report (they are not problems); the erased ones are.
  const duplicates = item ? item.skipped_count - problems.filter((p) => p.skipped).length - Math.max(0, item.report_rows - problems.length) : 0;
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
      {item && !running && duplicates > 0 && <Text size="sm">{t('crmImport.problems.duplicates', { count: duplicates })}</Text>}
      {problems.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('crmImport.problems.title')}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder verticalSpacing={4} aria-label={t('crmImport.problems.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('crmImport.problems.row')}</Table.Th>
                  <Table.Th w={110}>{t('crmImport.problems.outcome')}</Table.Th>
                  <Table.Th>{t('crmImport.problems.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((problem) => (
                  <Table.Tr key={problem.row_number}>
                    <Table.Td>{problem.row_number}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={problem.skipped ? 'gray' : 'red'}>
                        {t(problem.skipped ? 'crmImport.problems.skipped' : 'crmImport.problems.failed')}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{importReasonText(problem, customLabels)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {item && item.report_rows > problems.length && (
            <Text size="sm" c="dimmed">
              {t('crmImport.problems.more')}
            </Text>
          )}
        </Stack>
      )}
      {item && !running && item.report_rows > 0 && (
        <Anchor href={`${reportUrl(item.id)}?lang=${reportLanguage}`} download>
          {t('crmImport.report')}
        </Anchor>
      )}
    </Stack>
  );
}
