import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSequenceStatus } from '../../../../contracts/email-sequences.js';

const COLORS = { draft: 'gray', active: 'teal', paused: 'orange' } as const;

/** Brouillon / Active / En pause. */
export function SequenceStatusBadge({ status }: { status: TSequenceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ flexShrink: 0 }}>
      {t(`email.sequences.status.${status}`)}
    </Badge>
  );
}
