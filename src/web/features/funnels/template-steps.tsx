import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunnelTemplate } from '../../../contracts/funnels.js';
import { PAGE_TYPE_COLORS } from './funnel-badges.js';

/** A template's pages in order, as small badges "1. Opt-in · Inscription" joined by arrows. */
export function TemplateSteps({ pages }: { pages: TFunnelTemplate['pages'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('funnelList.templates.steps')}>
      {pages.map((page, index) => {
        const type = t(`funnelList.pageTypes.${page.page_type}`);
        // "Opt-in · Opt-in" says it twice: the name alone when it is the type's.
        const label = page.name.trim().toLowerCase() === type.toLowerCase() ? type : `${type} · ${page.name}`;
        return (
          <Group key={index} gap={4} component="li" wrap="nowrap" style={{ minWidth: 0 }}>
            {index > 0 && (
              <Text span size="xs" c="dimmed" aria-hidden>
                →
              </Text>
            )}
            <Badge variant="light" color={PAGE_TYPE_COLORS[page.page_type]} tt="none" size="sm" title={page.name} style={{ maxWidth: 220 }}>
              {label}
            </Badge>
          </Group>
        );
      })}
    </Group>
  );
}
