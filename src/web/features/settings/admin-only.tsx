import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isAdmin, useSignedInMe } from '../auth/session.js';

/** Shows its content to admins and owners; everyone else gets an explanation instead of a 403. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  if (!isAdmin(me.role)) return <Alert color="gray">{t('settings.adminOnly')}</Alert>;
  return <>{children}</>;
}
