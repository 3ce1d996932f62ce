import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A value to paste elsewhere (a DNS record, a webhook URL): shown as code, wrapped anywhere so a long key fits a
 * phone, with a copy button whose name says what it copies. `label` names the value before it (a short word).
 */
export function CopyableCode({ value, label, copyLabel }: { value: string; label?: string; copyLabel: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      {label && (
        <Text size="xs" c="dimmed" w={44} style={{ flexShrink: 0 }}>
          {label}
        </Text>
      )}
      <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}>{value}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : copyLabel}>
            <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label={copyLabel}>
              {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
