import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PAGE_CSS_CHARS, MAX_PAGE_JS_CHARS } from '../../../../contracts/funnels.js';
import { useFormatters } from '../../../lib/format.js';
import type { TCustomCode } from './use-builder-editor.js';

type Props = { opened: boolean; initial: TCustomCode; onClose: () => void; onApply: (code: TCustomCode) => void };

/**
 * The page's own code: custom CSS (shown in the canvas at once, saved after the builder's rules) and JavaScript,
 * which runs on the published page only, never in the builder.
 */
export function CodeModal({ opened, initial, onClose, onApply }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('funnelBuilder.code.title')} size="xl">
      {opened && <CodeForm initial={initial} onClose={onClose} onApply={onApply} />}
    </Modal>
  );
}

function CodeForm({ initial, onClose, onApply }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [css, setCss] = useState(initial.css);
  const [js, setJs] = useState(initial.js);
  const cssError = css.length > MAX_PAGE_CSS_CHARS ? t('funnelBuilder.code.tooLong', { max: format.number(MAX_PAGE_CSS_CHARS) }) : null;
  const jsError = js.length > MAX_PAGE_JS_CHARS ? t('funnelBuilder.code.tooLong', { max: format.number(MAX_PAGE_JS_CHARS) }) : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (cssError || jsError) return;
        onApply({ css, js });
      }}
    >
      <Stack gap="md">
        <Textarea
          label={t('funnelBuilder.code.css')}
          description={t('funnelBuilder.code.cssHelp')}
          value={css}
          onChange={(event) => setCss(event.currentTarget.value)}
          error={cssError}
          autosize
          minRows={8}
          maxRows={16}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          data-autofocus
        />
        <Textarea
          label={t('funnelBuilder.code.js')}
          description={t('funnelBuilder.code.jsHelp')}
          value={js}
          onChange={(event) => setJs(event.currentTarget.value)}
          error={jsError}
          autosize
          minRows={6}
          maxRows={14}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('funnelBuilder.code.jsNote')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('funnelBuilder.code.apply')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
