import { Alert, Button, FileInput, Group, Modal, Radio, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_MAX_BYTES, type TImportMapping, type TOnDuplicate } from '../../../../contracts/crm-imports.js';
import { FormError } from '../../../ui/form-error.js';
import { useCustomFields } from '../crm-api.js';
import { NotCsvError, readCsvPreview, type TCsvPreview } from './csv-preview.js';
import { guessMapping } from './guess-mapping.js';
import { IMPORTS_KEY, startImport, useLeadImports } from './import-api.js';
import { ImportProgress } from './import-progress.js';
import { MappingTable } from './mapping-table.js';

type Props = { opened: boolean; onClose: () => void };

const DELIMITER_NAMES: Record<string, 'comma' | 'semicolon' | 'tab'> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** "Importer": choose a CSV, check the preview and the column mapping, pick what duplicates do, follow the import. */
export function ImportModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const queryClient = useQueryClient();
  const { data: customFields = [] } = useCustomFields();
  const { data: imports } = useLeadImports(opened);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<TCsvPreview | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [remembered, setRemembered] = useState(false);
  const [onDuplicate, setOnDuplicate] = useState<TOnDuplicate>('skip');
  const [importId, setImportId] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: () => startImport({ file: file!, mapping, onDuplicate }),
    onSuccess: (created) => {
      setImportId(created.id);
      setStep(2);
      void queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
    },
  });

  function reset() {
    setStep(0);
    setFile(null);
    setFileError(null);
    setPreview(null);
    setMapping({});
    setRemembered(false);
    setImportId(null);
    start.reset();
  }

  async function chooseFile(chosen: File | null) {
    reset();
    setFile(chosen);
    if (!chosen) return;
    if (chosen.size > IMPORT_MAX_BYTES) return setFileError(t('crmImport.file.tooLarge'));
    try {
      const read = await readCsvPreview(chosen);
      // The latest import's choices for columns of the same name come first (the same export, month after month).
      const previous = imports?.find((item) => Object.keys(item.mapping).length > 0)?.mapping ?? {};
      const guessed = guessMapping(read.headers, customFields, previous);
      setPreview(read);
      setMapping(guessed);
      setRemembered(read.headers.some((header) => previous[header] !== undefined && guessed[header] === previous[header]));
      setStep(1);
    } catch (error) {
      setFileError(error instanceof NotCsvError ? t(`crmImport.file.notCsv.${error.reason}`) : t('crmImport.file.unreadable'));
    }
  }

  function close() {
    onClose();
    reset();
  }

  const mapped = Object.keys(mapping).length;
  const delimiterName = preview ? t(`crmImport.preview.delimiters.${DELIMITER_NAMES[preview.delimiter] ?? 'comma'}`) : '';
  return (
    <Modal opened={opened} onClose={close} title={t('crmImport.title')} size="xl" fullScreen={phone}>
      <Stepper active={step} size="sm" mb="md" allowNextStepsSelect={false}>
        <Stepper.Step label={t('crmImport.steps.file')}>
          <Stack>
            <FileInput
              label={t('crmImport.file.label')}
              placeholder={t('crmImport.file.placeholder')}
              description={t('crmImport.file.help')}
              accept=".csv,.txt,text/csv,text/plain"
              value={file}
              onChange={(chosen) => void chooseFile(chosen)}
              error={fileError}
              clearable
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('crmImport.steps.mapping')}>
          {preview && (
            <Stack>
              <Text size="sm" c="dimmed">
                {t('crmImport.preview.detected', { rows: preview.rows.length, delimiter: delimiterName, encoding: preview.encoding.toUpperCase() })}
              </Text>
              {remembered && <Alert color="blue">{t('crmImport.mapping.remembered')}</Alert>}
              <MappingTable preview={preview} customFields={customFields} mapping={mapping} onChange={setMapping} />
              {mapped > 0 && !Object.values(mapping).includes('email') && <Alert color="yellow">{t('crmImport.mapping.noEmail')}</Alert>}
              <Radio.Group label={t('crmImport.duplicates.label')} value={onDuplicate} onChange={(value) => setOnDuplicate(value as TOnDuplicate)}>
                <Stack gap="xs" mt="xs">
                  <Radio value="skip" label={t('crmImport.duplicates.skip')} />
                  <Radio value="update" label={t('crmImport.duplicates.update')} />
                </Stack>
              </Radio.Group>
              <FormError error={start.error} />
              <Group justify="space-between">
                <Button variant="default" onClick={() => void chooseFile(null)}>
                  {t('crmImport.back')}
                </Button>
                <Group gap="sm">
                  {mapped === 0 && (
                    <Text size="sm" c="red">
                      {t('crmImport.mapping.noneMapped')}
                    </Text>
                  )}
                  <Button onClick={() => start.mutate()} loading={start.isPending} disabled={mapped === 0}>
                    {t('crmImport.start')}
                  </Button>
                </Group>
              </Group>
              {start.isPending && (
                <Text size="sm" c="dimmed">
                  {t('crmImport.uploading')}
                </Text>
              )}
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('crmImport.steps.result')}>
          {importId && (
            <Stack>
              <ImportProgress importId={importId} />
              <Group justify="flex-end">
                <Button variant="default" onClick={reset}>
                  {t('crmImport.again')}
                </Button>
                <Button onClick={close}>{t('crmImport.close')}</Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
    </Modal>
  );
}
