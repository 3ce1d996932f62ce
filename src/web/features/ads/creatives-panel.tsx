import { Anchor, AspectRatio, Image, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdCampaign } from '../../../contracts/ads.js';
import { CardSection } from '../../ui/card-section.js';
import { useGeneratedCreatives } from '../ai/ai-api.js';
import { GeneratedCreativesSection } from '../ai/generated-creatives-section.js';

/**
 * The campaign's creatives: headline, ad copy, image and video as the user entered them, then those a generation
 * wrote (variants, visuals, audiences, budget plan) when the campaign was generated.
 */
export function CreativesPanel({ campaign }: { campaign: TAdCampaign }) {
  const generated = useGeneratedCreatives(campaign.id).set !== null;
  const { headline, ad_copy: copy, image_url: image, video_url: video } = campaign;
  const nothing = !headline && !copy && !image && !video;
  return (
    <>
      {/* "Aucun créatif" would contradict the generated creatives just below. */}
      {!(nothing && generated) && <EnteredCreatives campaign={campaign} nothing={nothing} />}
      <GeneratedCreativesSection campaign={campaign} />
    </>
  );
}

function EnteredCreatives({ campaign, nothing }: { campaign: TAdCampaign; nothing: boolean }) {
  const { t } = useTranslation();
  const { headline, ad_copy: copy, image_url: image, video_url: video } = campaign;
  return (
    <CardSection title={t('ads.creatives.title')}>
      {nothing ? (
        <Text size="sm" c="dimmed">
          {t('ads.creatives.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: image || video ? 2 : 1 }} spacing="md">
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('ads.form.headline')}
            </Text>
            <Text fw={700}>{headline ?? '—'}</Text>
            <Text size="xs" c="dimmed">
              {t('ads.form.adCopy')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {copy ?? '—'}
            </Text>
          </Stack>
          {(image || video) && (
            <Stack gap="xs">
              {image && <ImagePreview url={image} alt={t('ads.creatives.imageAlt', { name: campaign.name })} />}
              {video && <VideoPreview url={video} label={t('ads.creatives.videoLabel', { name: campaign.name })} />}
            </Stack>
          )}
        </SimpleGrid>
      )}
    </CardSection>
  );
}

function OpenLink({ url, label }: { url: string; label: string }) {
  return (
    <Anchor href={url} target="_blank" rel="noreferrer" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconExternalLink size={14} aria-hidden />
      {label}
    </Anchor>
  );
}

/**
 * The admin app's security policy only loads images from its own origins (media library): an image hosted
 * elsewhere cannot be drawn here, so the preview falls back to a link that opens it.
 */
function ImagePreview({ url, alt }: { url: string; alt: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? (
        <Text size="sm" c="dimmed">
          {t('ads.creatives.noPreview')}
        </Text>
      ) : (
        <Image src={url} alt={alt} radius="md" mah={260} fit="contain" onError={() => setFailed(true)} />
      )}
      <OpenLink url={url} label={t('ads.creatives.openImage')} />
    </>
  );
}

function VideoPreview({ url, label }: { url: string; label: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  return (
    <>
      {failed ? (
        <Text size="sm" c="dimmed">
          {t('ads.creatives.noPreview')}
        </Text>
      ) : (
        <AspectRatio ratio={16 / 9}>
          {/* The ad's subtitles are on the platform; this is the advertiser's own preview. */}
          <video src={url} controls preload="metadata" aria-label={label} onError={() => setFailed(true)} />
        </AspectRatio>
      )}
      <OpenLink url={url} label={t('ads.creatives.openVideo')} />
    </>
  );
}
