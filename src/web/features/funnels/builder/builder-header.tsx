import { ActionIcon, Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconCode,
  IconDeviceDesktop,
  IconDeviceMobile,
  IconDeviceTablet,
  IconExternalLink,
  IconRocket,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunnel, TFunnelPage } from '../../../../contracts/funnels.js';
import classes from './builder.module.css';
import type { TDevice } from './create-editor.js';

const DEVICE_ICONS = { desktop: IconDeviceDesktop, tablet: IconDeviceTablet, phone: IconDeviceMobile } as const;

type Props = {
  funnel: TFunnel;
  page: TFunnelPage;
  canEdit: boolean;
  ready: boolean;
  device: TDevice;
  onDevice: (device: TDevice) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onCode: () => void;
  onPublish: () => void;
  publishing: boolean;
  /** The save state, or the read-only badge. */
  status: ReactNode;
};

/** The builder's bar: back to the funnel, the page's name, preview widths, undo and redo, the save state, Code and Publish. */
export function BuilderHeader(props: Props) {
  const { t } = useTranslation();
  const { funnel, page, canEdit, ready } = props;
  return (
    <header className={classes.header}>
      <Group gap="sm" wrap="nowrap" className={classes.headerStart}>
        <Tooltip label={t('funnelBuilder.header.back')}>
          <ActionIcon component={Link} to={`/funnels/${funnel.id}`} variant="subtle" size="lg" aria-label={t('funnelBuilder.header.back')}>
            <IconArrowLeft size={20} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <div className={classes.titles}>
          <Text fw={700} truncate component="h1" size="md" m={0}>
            {page.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {funnel.name}
          </Text>
        </div>
      </Group>

      <Group gap="xs" wrap="nowrap" role="toolbar" aria-label={t('funnelBuilder.header.tools')}>
        <ActionIcon.Group aria-label={t('funnelBuilder.header.devices')}>
          {(['desktop', 'tablet', 'phone'] as const).map((device) => {
            const Icon = DEVICE_ICONS[device];
            const label = t(`funnelBuilder.devices.${device}`);
            return (
              <Tooltip key={device} label={label}>
                <ActionIcon
                  variant={props.device === device ? 'filled' : 'default'}
                  size="lg"
                  aria-label={label}
                  aria-pressed={props.device === device}
                  disabled={!ready}
                  onClick={() => props.onDevice(device)}
                >
                  <Icon size={18} aria-hidden />
                </ActionIcon>
              </Tooltip>
            );
          })}
        </ActionIcon.Group>
        {canEdit && (
          <>
            <Tooltip label={t('funnelBuilder.header.undo')}>
              <ActionIcon variant="default" size="lg" aria-label={t('funnelBuilder.header.undo')} disabled={!props.canUndo} onClick={props.onUndo}>
                <IconArrowBackUp size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('funnelBuilder.header.redo')}>
              <ActionIcon variant="default" size="lg" aria-label={t('funnelBuilder.header.redo')} disabled={!props.canRedo} onClick={props.onRedo}>
                <IconArrowForwardUp size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </>
        )}
      </Group>

      <Group gap="sm" wrap="nowrap" justify="flex-end" className={classes.headerEnd}>
        {props.status}
        {page.public_url && (
          <Tooltip label={t('funnelBuilder.header.open')}>
            <ActionIcon
              component="a"
              href={page.public_url}
              target="_blank"
              rel="noreferrer"
              variant="subtle"
              size="lg"
              aria-label={t('funnelBuilder.header.open')}
            >
              <IconExternalLink size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
        {canEdit && (
          <>
            <Button variant="default" leftSection={<IconCode size={16} aria-hidden />} onClick={props.onCode} disabled={!ready}>
              {t('funnelBuilder.header.code')}
            </Button>
            <Button leftSection={<IconRocket size={16} aria-hidden />} onClick={props.onPublish} loading={props.publishing} disabled={!ready}>
              {t('funnelBuilder.header.publish')}
            </Button>
          </>
        )}
        {!canEdit && <Badge variant="light">{t('funnelBuilder.header.readOnly')}</Badge>}
      </Group>
    </header>
  );
}
