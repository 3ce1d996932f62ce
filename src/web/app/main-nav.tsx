import { NavLink, Stack } from '@mantine/core';
import { IconAd2, IconAddressBook, IconFilter, IconLayoutDashboard, IconMail, IconSettings, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

type TNavKey = 'dashboard' | 'funnels' | 'email' | 'crm' | 'ads' | 'settings';

export const NAV_ITEMS: { key: TNavKey; to: string; Icon: Icon }[] = [
  { key: 'dashboard', to: '/', Icon: IconLayoutDashboard },
  { key: 'funnels', to: '/funnels', Icon: IconFilter },
  { key: 'email', to: '/email-marketing', Icon: IconMail },
  { key: 'crm', to: '/crm', Icon: IconAddressBook },
  { key: 'ads', to: '/ads', Icon: IconAd2 },
  { key: 'settings', to: '/settings', Icon: IconSettings },
];

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The app's sections; `onNavigate` closes the burger menu on phones. */
export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap={4}>
      {NAV_ITEMS.map(({ key, to, Icon }) => {
        const active = isActive(pathname, to);
        return (
          <NavLink
            key={key}
            component={Link}
            to={to}
            label={t(`nav.${key}`)}
            leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
          />
        );
      })}
    </Stack>
  );
}
