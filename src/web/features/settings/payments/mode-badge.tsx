import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Mode test" or "Mode production", large: production takes real money. */
export function ModeBadge({ live }: { live: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="xl" radius="sm" color={live ? 'teal' : 'orange'} variant="filled">
      {t(live ? 'payments.mode.live' : 'payments.mode.test')}
    </Badge>
  );
}
