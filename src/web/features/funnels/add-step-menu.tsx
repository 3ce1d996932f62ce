import { Button, Menu, Text, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FUNNEL_PAGE_TYPES, MAX_FUNNEL_PAGES, type TFunnelPageType } from '../../../contracts/funnels.js';
import { PAGE_TYPE_COLORS } from './funnel-badges.js';
import { useAddPage } from './use-funnel-mutations.js';

/** "+ Ajouter une étape": a menu of the page types; the page is added at the end, named after its type. */
export function AddStepMenu({ funnelId, pageCount }: { funnelId: string; pageCount: number }) {
  const { t } = useTranslation();
  const add = useAddPage(funnelId);
  if (pageCount >= MAX_FUNNEL_PAGES) {
    return (
      <Tooltip label={t('funnelList.steps.limit', { max: MAX_FUNNEL_PAGES })} multiline w={240} withArrow>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          data-disabled
          aria-disabled="true"
          onClick={(event) => event.preventDefault()}
          w="fit-content"
        >
          {t('funnelList.steps.add')}
        </Button>
      </Tooltip>
    );
  }
  const addPage = (pageType: TFunnelPageType) => add.mutate({ name: t(`funnelList.pageTypes.${pageType}`), page_type: pageType });
  return (
    <Menu position="bottom-start" withinPortal shadow="md">
      <Menu.Target>
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} w="fit-content">
          {t('funnelList.steps.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('funnelList.steps.addLabel')}</Menu.Label>
        {FUNNEL_PAGE_TYPES.map((pageType) => (
          <Menu.Item
            key={pageType}
            leftSection={
              <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${PAGE_TYPE_COLORS[pageType]}-filled)` }} />
            }
            onClick={() => addPage(pageType)}
          >
            <Text size="sm">{t(`funnelList.pageTypes.${pageType}`)}</Text>
            <Text size="xs" c="dimmed">
              {t(`funnelList.pageTypeHints.${pageType}`)}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
