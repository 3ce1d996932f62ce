import { Alert, Button, FileInput, Group, Modal, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_AD_REPORT_BYTES, MAX_AD_REPORT_ROWS, type TAdReportImport } from '../../../contracts/ads.js';
import { useFormatters } from '../../lib/format.js';
import { FormError } from '../../ui/form-error.js';
import { useAdReportImports, useImportAdReport } from './ads-api.js';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The first rows in error shown here; the rest are counted. */
const SHOWN_ERRORS = 100;

/** "Importer un rapport": a Meta, Google Ads or LinkedIn export (CSV or XLSX), then what it wrote and the rows refused. */
export function ImportReportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('ads.import.title')} size="lg">
      {opened && <ImportReportForm onClose={onClose} />}
    </Modal>
  );
}

function ImportReportForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [file, setFile] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const importReport = useImportAdReport();
  // An earlier import opened from the list below, to read its refused rows again.
  const [earlier, setEarlier] = useState<TAdReportImport | null>(null);
  const result = importReport.data ?? earlier;
  if (result)
    return (
      <ImportResult
        result={result}
        onClose={onClose}
        onAnother={() => {
          importReport.reset();
          setEarlier(null);
          setFile(null);
        }}
      />
    );
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (file && !tooBig) importReport.mutate(file);
      }}
    >
      <Stack gap="md">
        <Text size="sm">{t('ads.import.intro')}</Text>
        <FileInput
          label={t('ads.import.file')}
          description={t('ads.import.fileHint', { size: format.number(MAX_AD_REPORT_BYTES / 1024 / 1024, 0), rows: format.number(MAX_AD_REPORT_ROWS, 0) })}
          accept={ACCEPT}
          clearable
          leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
          value={file}
          error={tooBig ? t('ads.import.tooBig', { size: format.number(MAX_AD_REPORT_BYTES / 1024 / 1024, 0) }) : undefined}
          onChange={(next) => {
            setFile(next);
            setTooBig(next !== null && next.size > MAX_AD_REPORT_BYTES);
            importReport.reset();
          }}
        />
        <FormError error={importReport.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!file || tooBig} loading={importReport.isPending}>
            {t('ads.import.submit')}
          </Button>
        </Group>
        <RecentImports onOpen={setEarlier} />
      </Stack>
    </form>
  );
}

/** The latest imports (file, when, what they wrote and refused); each opens its result again. None: nothing shown. */
function RecentImports({ onOpen }: { onOpen: (item: TAdReportImport) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const imports = useAdReportImports();
  if (!imports.data || imports.data.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('ads.import.recent.title')}
      </Text>
      <Table.ScrollContainer minWidth={300} mah={240}>
        <Table withTableBorder verticalSpacing={4} aria-label={t('ads.import.recent.title')}>
          <Table.Tbody>
            {imports.data.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Text size="sm">{item.file_name}</Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(item.created_at)} · {t(`ads.networks.${item.network}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {t('ads.import.recent.days', { count: item.days_written })} · {t('ads.import.recent.refused', { count: item.errors.length })}
                  </Text>
                </Table.Td>
                <Table.Td w={1}>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => onOpen(item)}
                    aria-label={t('ads.import.recent.openLabel', { file: item.file_name })}
                  >
                    {t('ads.import.recent.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** A refused row's reason in the interface's language; the server's text when this version has no words for its code. */
function reasonText(error: TAdReportImport['errors'][number]): string {
  const key = `ads.import.reasons.${error.reason}`;
  return i18next.exists(key) ? String(i18next.t(key as never)) : error.message;
}

function ImportResult({ result, onClose, onAnother }: { result: TAdReportImport; onClose: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  const counts = [
    ['rows', result.rows],
    ['days', result.days_written],
    ['matched', result.campaigns_matched],
    ['created', result.campaigns_created],
  ] as const;
  return (
    <Stack gap="md">
      <Alert color={result.errors.length > 0 ? 'yellow' : 'teal'} variant="light" role="status">
        {t('ads.import.recognised', {
          network: t(`ads.networks.${result.network}`),
          language: t(`ads.import.languages.${result.language}`),
          file: result.file_name,
        })}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {counts.map(([key, value]) => (
          <Paper key={key} withBorder p="sm" radius="md">
            <Text size="xs" c="dimmed">
              {t(`ads.import.counts.${key}`)}
            </Text>
            <Text fw={700} size="lg" data-testid={`ad-import-${key}`}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {result.errors.length > 0 && (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('ads.import.errorsTitle', { count: result.errors.length })}
          </Text>
          <Table.ScrollContainer minWidth={300} mah={320}>
            <Table withTableBorder verticalSpacing={4} aria-label={t('ads.import.errorsTitle', { count: result.errors.length })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('ads.import.row')}</Table.Th>
                  <Table.Th>{t('ads.import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                  <Table.Tr key={`${error.row}-${index}`}>
                    <Table.Td>{error.row}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{reasonText(error)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {result.errors.length > SHOWN_ERRORS && (
            <Text size="sm" c="dimmed">
              {t('ads.import.moreErrors', { count: result.errors.length - SHOWN_ERRORS })}
            </Text>
          )}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAnother}>
          {t('ads.import.another')}
        </Button>
        <Button onClick={onClose}>{t('ads.import.done')}</Button>
      </Group>
    </Stack>
  );
}
